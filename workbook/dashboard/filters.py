"""The dashboards' shared filters, applied to a project: pure functions, no widgets.

A :class:`FilterState` holds what a visitor picked (focus area, actor type, sub-region or
municipality, cluster; ``None`` means all). :func:`filter_project` turns a project and a
state into a :class:`Selection`: the whole project (for names, colours and reference
tables) and a filtered ``Project`` with the same tables, from which every view redraws.

What each filter keeps:

============  =================================================================================
focus area    activities that discussed it and the participation in them; inputs, actions,
              clusters and indicators tagged with it
actor type,   actors of that type / based there / members of it; their participation and their
area,         inputs (anonymous inputs drop out); the activities they took part in (a survey:
cluster       answered); actions they own or are partners in; relations between two of them.
              The cluster filter also keeps only that cluster (and its assessments).
============  =================================================================================

Link tables keep the links of kept rows, and of those only the links to kept rows, except
that links to actors are all kept (a kept action keeps every partner, in view or not).
Reference tables (focus areas, cluster criteria, municipalities, the survey codebook) are
never filtered, so colours and names stay the same in every view. A survey is kept when its
activity is (see above); its respondents are filtered by actor type and area through the codebook's
``actor_type`` and ``municipality`` questions, and a survey that cannot answer an active
filter (no such question, or any cluster filter) keeps no respondents rather than all.

Differencing
    A visitor can compare views: the whole region's number of people minus those of every
    sub-region gives the people from outside the region, one person perhaps. A filtered
    view therefore withholds its number of people (of attendances, and of participants of
    each activity) when it is small,
    when its difference from the view without one of its filters is a small group, or when
    it and its sibling views (the other actor types, sub-regions, municipalities) with the
    remainder would reveal a small group against their total
    (:func:`workbook.privacy.protect_line`). :func:`withheld_people_figures` says which;
    :func:`filter_project` records them in the filtered project's settings
    (``withheld_figures``), where :func:`workbook.participation.reach.headline_figures`
    reads them, so the headline cards and the participation page hide them alike. Survey
    results are compared the same way, by how many respondents each figure describes
    (:func:`withheld_survey_figures`, read by :mod:`workbook.participation.surveys`): a
    sub-region's answers subtracted from the whole region's must not be a few people's.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbook import vocab
from workbook.dashboard.cache import by_identity
from workbook.i18n import label, tr

if TYPE_CHECKING:
    from collections.abc import Callable

    import numpy as np
    import pandas as pd

    from workbook.project import Project

# pandas, numpy and the schemas are imported by the functions that filter: a kernel showing
# the server's unfiltered drawings (workbook.dashboard.defaults) never calls them.

TEXTS = {
    "all_focus_areas": {"fi": "Kaikki painopistealueet", "en": "All focus areas"},
    "all_actor_types": {"fi": "Kaikki toimijatyypit", "en": "All actor types"},
    "all_areas": {"fi": "Koko alue", "en": "The whole region"},
    "all_clusters": {"fi": "Kaikki klusterit", "en": "All clusters"},
    "outside_region": {"fi": "Alueen ulkopuolelta", "en": "From outside the region"},
}


@dataclass(frozen=True)
class FilterState:
    """What a visitor has picked; ``None`` keeps everything.

    ``sub_region`` and ``municipality`` come from one "area" choice, so at most one of them
    is set.
    """

    focus_area: str | None = None
    actor_type: str | None = None
    sub_region: str | None = None
    municipality: str | None = None
    cluster: str | None = None

    @property
    def filters_actors(self) -> bool:
        """Whether a filter picks actors (type, area or cluster)."""
        return any(v is not None for v in (self.actor_type, self.sub_region, self.municipality, self.cluster))

    @property
    def is_everything(self) -> bool:
        return self == FilterState()


@dataclass(frozen=True)
class Selection:
    """The whole project, the filtered one, and the state that links them.

    ``project`` holds only the actors in view (for "who took part", shares of the registry,
    the network). A kept action may name an owner or partner outside them, and a kept input
    its proposer: views that look names up use :attr:`with_all_actors`.
    """

    full: Project
    project: Project
    state: FilterState

    @functools.cached_property
    def with_all_actors(self) -> Project:
        """The filtered project with the whole actor registry (every name can be looked up)."""
        if self.project is self.full:
            return self.full
        return dataclasses.replace(self.project, tables={**self.project.tables, "actors": self.full.actors})


def filter_project(project: Project, state: FilterState) -> Selection:
    """Apply ``state`` to every table of ``project`` (see the module docstring for the rules).

    Examples
    --------
    >>> from workbook.dashboard.examples import example_project
    >>> project = example_project()
    >>> selection = filter_project(project, FilterState(actor_type="company"))
    >>> sorted(selection.project.actors["actor_id"]), sorted(selection.project.participation["actor_id"])
    (['A2', 'A3'], ['A2', 'A3'])
    >>> len(selection.full.actors), len(selection.project.focus_areas)
    (3, 2)
    """
    if state.is_everything:
        return Selection(project, project, state)
    import pandas as pd

    from workbook.schemas import TABLES_BY_NAME, column_meta, link_tables

    actors = project.actors
    keep_actor = pd.Series(True, index=actors.index)
    if state.actor_type is not None:
        keep_actor &= actors["actor_type"].eq(state.actor_type)
    if state.sub_region is not None:
        keep_actor &= actors["sub_region"].eq(state.sub_region)
    if state.municipality is not None:
        keep_actor &= actors["municipality"].eq(state.municipality)
    if state.cluster is not None:
        members = project.actor_clusters.loc[project.actor_clusters["cluster_id"].eq(state.cluster), "actor_id"]
        keep_actor &= actors["actor_id"].isin(members)
    actor_ids = set(actors.loc[keep_actor, "actor_id"])

    activity_ids = set(project.activities["activity_id"])
    input_ids = set(project.inputs["input_id"])
    action_ids = set(project.actions["action_id"])
    cluster_ids = set(project.clusters["cluster_id"])
    indicator_ids = set(project.indicators["indicator_id"])
    if state.focus_area is not None:
        activity_ids &= _owners(project.activity_focus_areas, "activity_id", "focus_area_id", state.focus_area)
        input_ids &= _owners(project.input_focus_areas, "input_id", "focus_area_id", state.focus_area)
        action_ids &= _owners(project.action_focus_areas, "action_id", "focus_area_id", state.focus_area)
        cluster_ids &= _owners(project.cluster_focus_areas, "cluster_id", "focus_area_id", state.focus_area)
        indicators = project.indicators
        indicator_ids = set(indicators.loc[indicators["focus_area_id"].eq(state.focus_area), "indicator_id"])
    if state.cluster is not None:
        cluster_ids &= {state.cluster}

    participation = project.participation
    participation = participation[participation["activity_id"].isin(activity_ids)
                                  & participation["actor_id"].isin(actor_ids)]
    inputs = project.inputs
    inputs = inputs[inputs["input_id"].isin(input_ids)]
    surveys = {survey_id: _filter_respondents(project, survey_id, answers, state)
               for survey_id, answers in project.surveys.items() if survey_id in activity_ids}
    if state.filters_actors:
        # Activities someone in view took part in; for a survey, answered.
        answered = {survey_id for survey_id, answers in surveys.items() if len(answers)}
        activity_ids &= set(participation["activity_id"]) | answered
        surveys = {survey_id: answers for survey_id, answers in surveys.items() if survey_id in activity_ids}
        inputs = inputs[inputs["actor_id"].isin(actor_ids)]
        involved = set(project.actions.loc[project.actions["owner_actor_id"].isin(actor_ids), "action_id"])
        involved |= set(project.action_partners.loc[project.action_partners["actor_id"].isin(actor_ids), "action_id"])
        action_ids &= involved

    relations = project.relations
    kept = {
        "actors": actors[keep_actor],
        "activities": _rows(project.activities, "activity_id", activity_ids),
        "participation": participation,
        "inputs": inputs,
        "actions": _rows(project.actions, "action_id", action_ids),
        "clusters": _rows(project.clusters, "cluster_id", cluster_ids),
        "cluster_assessments": _rows(project.cluster_assessments, "cluster_id", cluster_ids),
        "indicators": _rows(project.indicators, "indicator_id", indicator_ids),
        "indicator_values": _rows(project.indicator_values, "indicator_id", indicator_ids),
        "relations": relations[relations["source_actor_id"].isin(actor_ids)
                               & relations["target_actor_id"].isin(actor_ids)],
    }
    tables = {name: kept.get(name, frame) for name, frame in project.tables.items()}
    tables = {name: frame.reset_index(drop=True) for name, frame in tables.items()}
    links = {}
    for name, (table, column, value_column) in link_tables().items():
        key = TABLES_BY_NAME[table].key
        link = _rows(project.links[name], key, set(tables[table][key]))
        target = (column_meta(table, column)["ref"] or ".").split(".")[0]
        if target in kept and target != "actors":
            # A link between two kept rows only: "inputs taken into actions" counts kept inputs.
            link = _rows(link, value_column, set(tables[target][TABLES_BY_NAME[target].key]))
        links[name] = link.reset_index(drop=True)
    settings = {**project.settings, "withheld_figures": {**withheld_people_figures(project, state),
                                                         **withheld_survey_figures(project, state)}}
    filtered = dataclasses.replace(project, settings=settings, tables=tables, links=links, surveys=surveys)
    return Selection(project, filtered, state)


# Dimensions whose values split the people into disjoint groups (an actor has one type and
# one place); focus areas and clusters overlap, so only the difference from the parent counts.
_PARTITIONS = ("actor_type", "sub_region", "municipality")


def withheld_people_figures(project: Project, state: FilterState) -> dict[str, str]:
    """The people figures that the view ``state`` of the (unfiltered) ``project`` must not
    publish, with the reason (``"small"`` or ``"secondary"``, see :mod:`workbook.privacy`):
    ``people``, ``attendances``, ``participants:<activity_id>``,
    ``attendances:actor_type:<type>``, ``attendances:helix:<sphere>`` and
    ``people:repeat:<k>`` (people in ``k`` activities, the last bucket ``k`` or more).

    A figure is withheld when it is a small group; when the same figure in the view
    without one of the filters (the parent: a municipality's sub-region, or the whole
    region) differs from it by a small group; or, for actor type, sub-region and
    municipality, when the view and its siblings with the rest of the parent (people from
    outside the region, with no municipality …) reveal a small group against the parent's
    figure.

    Examples
    --------
    Three people took part, two from companies: the companies' view would single out the
    one person from the public agency (the minimum group size of the example is 2); each
    workshop had one person from a company.

    >>> from workbook.dashboard.examples import example_project
    >>> withheld_people_figures(example_project(), FilterState(actor_type="company"))
    {'participants:W1': 'small', 'participants:W2': 'small', 'people': 'secondary'}
    """
    if state.is_everything:
        return {}
    import numpy as np
    import pandas as pd

    from workbook.participation.reach import REPEAT_BUCKETS, attendances
    from workbook.privacy import SMALL

    min_size = project.min_group_size
    rows = attendances(project)
    actors = project.actors.set_index("actor_id")
    for column in _PARTITIONS:
        rows[column] = rows["actor_id"].map(actors[column])
    memberships = project.actor_clusters
    topics = project.activity_focus_areas
    rows["helix"] = rows["actor_id"].map(actors["helix"])
    activities = sorted(set(project.activities["activity_id"]))
    types, helices = sorted(set(actors["actor_type"].dropna())), sorted(set(actors["helix"].dropna()))
    keys = (["people", "attendances"] + [f"participants:{a}" for a in activities]
            + [f"attendances:actor_type:{t}" for t in types] + [f"attendances:helix:{h}" for h in helices]
            + [f"people:repeat:{k}" for k in range(1, REPEAT_BUCKETS + 1)])
    cache: dict[FilterState, pd.Series] = {}
    # Everything as integer codes once, so that each view is counted with numpy alone.
    activity_code = pd.Categorical(rows["activity_id"], categories=activities).codes.astype(np.int64)
    type_code = pd.Categorical(rows["actor_type"], categories=types).codes.astype(np.int64)
    helix_code = pd.Categorical(rows["helix"], categories=helices).codes.astype(np.int64)
    person_code = pd.factorize(rows["person"])[0].astype(np.int64)
    with_id = rows["participant_id"].notna().to_numpy()
    columns = {column: rows[column].to_numpy(dtype=object) for column in _PARTITIONS}
    people_count = int(person_code.max()) + 1 if len(person_code) else 1

    def kept_rows(view: FilterState) -> np.ndarray:
        keep = np.ones(len(rows), dtype=bool)
        for column in _PARTITIONS:
            value = getattr(view, column)
            if value is not None:
                keep &= columns[column] == value
        if view.cluster is not None:
            keep &= rows["actor_id"].isin(memberships.loc[memberships["cluster_id"].eq(view.cluster),
                                                          "actor_id"]).to_numpy()
        if view.focus_area is not None:
            keep &= rows["activity_id"].isin(topics.loc[topics["focus_area_id"].eq(view.focus_area),
                                                        "activity_id"]).to_numpy()
        return keep

    def distinct(*codes_and_sizes) -> np.ndarray:
        """Distinct combinations of codes, as one int64 key each."""
        key = np.zeros(len(codes_and_sizes[0][0]), dtype=np.int64)
        for codes, size in codes_and_sizes:
            key = key * size + codes
        return np.unique(key)

    def summed_by(keep: np.ndarray, name: str | None = None, values: list[str] | None = None) -> pd.DataFrame:
        """The people figures of the rows kept (rows: figure keys) per value of ``name``
        (columns ``values``), or for all of them (one column ``"_"``)."""
        values = values if name else ["_"]
        if name:
            group = pd.Categorical(columns[name][keep], categories=values).codes.astype(np.int64)
        else:
            group = np.zeros(int(keep.sum()), dtype=np.int64)
        inside = group >= 0
        group = group[inside]
        n = len(values)

        def pick(codes: np.ndarray) -> np.ndarray:
            return codes[keep][inside]

        person, activity = pick(person_code), pick(activity_code)
        people = np.bincount(distinct((group, n), (person, people_count)) // people_count, minlength=n)
        attendances = np.bincount(group, minlength=n)
        pairs = distinct((group, n), (activity, len(activities)), (person, people_count)) // people_count
        per_activity = np.bincount(pairs, minlength=n * len(activities)).reshape(n, len(activities))
        typed = pick(type_code)
        per_type = np.bincount(group[typed >= 0] * len(types) + typed[typed >= 0],
                               minlength=n * len(types)).reshape(n, len(types))
        sphere = pick(helix_code)
        per_helix = np.bincount(group[sphere >= 0] * len(helices) + sphere[sphere >= 0],
                                minlength=n * len(helices)).reshape(n, len(helices))
        identified = with_id[keep][inside]
        visits = distinct((group[identified], n), (person[identified], people_count),
                          (activity[identified], len(activities) + 1)) // (len(activities) + 1)
        person_keys, visit_counts = np.unique(visits, return_counts=True)
        buckets = np.minimum(visit_counts, REPEAT_BUCKETS) - 1
        per_bucket = np.bincount(person_keys // people_count * REPEAT_BUCKETS + buckets,
                                 minlength=n * REPEAT_BUCKETS).reshape(n, REPEAT_BUCKETS)
        table = np.column_stack([people, attendances, per_activity, per_type, per_helix, per_bucket])
        return pd.DataFrame(table.T.astype(float), index=keys, columns=values)

    def figures(view: FilterState) -> pd.Series:
        """People, attendances and the people figures of the participation tables in ``view``."""
        if view not in cache:
            cache[view] = summed_by(kept_rows(view)).iloc[:, 0]
        return cache[view]

    def sibling_figures(name: str, parent: FilterState, values: list[str]) -> pd.DataFrame:
        """:func:`figures` of the views ``parent`` with ``name`` set to each value, at once."""
        return summed_by(kept_rows(parent), name, values)

    own = figures(state)
    withheld: dict[str, str] = {key: SMALL for key, value in own.items() if 0 < value < min_size}
    _withhold_by_difference(project, state, own, figures, sibling_figures, withheld)
    return withheld


def _parents(project: Project, view: FilterState):
    """``(filter, parent view)``: the view without each of its filters in turn, and a
    municipality's view also as part of its sub-region's."""
    actors = project.actors
    for name in ("focus_area", "actor_type", "sub_region", "municipality", "cluster"):
        if getattr(view, name) is None:
            continue
        yield name, dataclasses.replace(view, **{name: None})
        if name == "municipality":
            sub_region = actors.loc[actors["municipality"].eq(view.municipality), "sub_region"].dropna()
            if len(sub_region):
                yield name, dataclasses.replace(view, municipality=None, sub_region=sub_region.iloc[0])


def _siblings(project: Project, name: str, parent: FilterState) -> list[str]:
    """The values a visitor can pick for the filter ``name`` within ``parent``."""
    actors = project.actors
    if name == "municipality" and parent.sub_region is not None:
        return sorted(set(actors.loc[actors["sub_region"].eq(parent.sub_region), "municipality"].dropna()))
    return sorted(set(actors[name].dropna()))


def _withhold_by_difference(project: Project, state: FilterState, own: pd.Series,
                            figures: Callable[[FilterState], pd.Series],
                            sibling_figures: Callable[[str, FilterState, list[str]], pd.DataFrame],
                            withheld: dict[str, str]) -> None:
    """Add to ``withheld`` the figures ``own`` of the view ``state`` that differ from the same
    figure of a parent view by a small group, or that the view's siblings with the rest of
    the parent would reveal (:func:`workbook.privacy.protect_line`). ``figures(view)``
    gives a view's figures; ``sibling_figures(name, parent, values)`` those of the views
    ``parent`` with ``name`` set to each value, one column each."""
    import pandas as pd

    from workbook.privacy import SECONDARY, protect_line

    min_size = project.min_group_size
    for name, parent in _parents(project, state):
        whole = figures(parent)
        difference = whole - own
        # A zero is shown: the parent's figure is then the small group itself, hidden where published.
        withheld.update({key: SECONDARY for key in own.index[(own > 0) & (difference > 0) & (difference < min_size)]
                         if key not in withheld})
        if name in _PARTITIONS and getattr(state, name) is not None:
            mine = getattr(state, name)
            sizes = sibling_figures(name, parent, _siblings(project, name, parent))
            sizes["\uffffrest"] = (whole - sizes.sum(axis=1)).clip(lower=0)
            if mine not in sizes.columns:
                continue
            # Only a line with a small group hides anything, and many figures share one line
            # (everyone who answered …): each such line is protected once.
            lines = sizes.loc[[key for key in own.index[own > 0] if key not in withheld]]
            lines = lines[((lines > 0) & (lines < min_size)).any(axis=1)]
            hidden_in: dict[tuple, bool] = {}
            for key, line in zip(lines.index, lines.itertuples(index=False, name=None)):
                if line not in hidden_in:
                    protected = protect_line(pd.Series(line, index=sizes.columns), min_size)
                    hidden_in[line] = bool(protected.loc[mine, "hidden"])
                if hidden_in[line]:
                    withheld[key] = SECONDARY


def withheld_survey_figures(project: Project, state: FilterState) -> dict[str, str]:
    """The survey figures that the view ``state`` of the (unfiltered) ``project`` must not
    publish because another view would give them away by difference (all ``"secondary"``;
    small groups are hidden by :mod:`workbook.participation.surveys` itself).

    A survey's respondents are filtered by type and area (:func:`filter_project`): the
    whole region's answers minus a sub-region's are the answers of the rest, a few people
    perhaps. The figures compared, as in :func:`withheld_people_figures`, are how many
    respondents a figure describes: ``respondents`` (all surveys of the view together),
    ``survey:<survey>:respondents``, ``survey:<survey>:<question>`` (respondents who
    answered the question), and each of these per group of a breakdown,
    ``…:<breakdown>:<group>`` (``actor_type`` or ``sub_region``, see
    :data:`workbook.participation.surveys.BREAKDOWNS`). A survey whose respondents are
    withheld also withholds its participants as an activity (``participants:<survey>``).

    Examples
    --------
    Twelve respondents, two of them from outside companies: the companies' answers would
    give away the two's.

    >>> from workbook.dashboard.examples import example_survey_project
    >>> withheld = withheld_survey_figures(example_survey_project(), FilterState(actor_type="company"))
    >>> withheld["survey:S1:respondents"], withheld["survey:S1:Q1"], withheld["participants:S1"]
    ('secondary', 'secondary', 'secondary')
    """
    if not state.filters_actors or state.cluster is not None or not project.surveys:
        # Without an actor filter every survey keeps all its respondents; a cluster keeps none.
        return {}
    import numpy as np
    import pandas as pd

    from workbook.privacy import SECONDARY

    counted, names = _survey_counts(project)
    topics = project.activity_focus_areas

    def figures(view: FilterState) -> pd.Series:
        in_view = None
        if view.focus_area is not None:
            in_view = set(topics.loc[topics["focus_area_id"].eq(view.focus_area), "activity_id"])
        parts = []
        for survey_id, respondents, counts_in in counted:
            kept = respondents.kept(view) & (in_view is None or survey_id in in_view)
            parts.append(counts_in[kept].sum(axis=0))
        values = np.concatenate([[sum(part[0] for part in parts)], *parts]).astype(float)
        return pd.Series(values, index=names)

    def sibling_figures(name: str, parent: FilterState, siblings: list[str]) -> pd.DataFrame:
        return pd.DataFrame({value: figures(dataclasses.replace(parent, **{name: value})) for value in siblings})

    withheld: dict[str, str] = {}
    _withhold_by_difference(project, state, figures(state), figures, sibling_figures, withheld)
    for survey_id, *_ in counted:
        if f"survey:{survey_id}:respondents" in withheld:
            withheld[f"participants:{survey_id}"] = SECONDARY
    return withheld


@by_identity(maxsize=2)
def _survey_counts(project: Project) -> tuple[list[tuple[str, _Respondents, np.ndarray]], list[str]]:
    """Per survey: its id, its respondents, and a matrix of what each respondent counts in
    (one column per figure: respondents, then each question answered, again per group of
    each breakdown); and the figures' names, ``respondents`` (all surveys) first. Made once
    per project: every filter change of a visitor compares views of the same project."""
    import numpy as np
    import pandas as pd

    from workbook.participation.surveys import BREAKDOWNS, is_answered, questions, respondent_groups

    counted = []
    names: list[str] = ["respondents"]
    for survey_id, answers in sorted(project.surveys.items()):
        asked = questions(project, survey_id)["question_id"].tolist()
        answered = np.column_stack([np.ones(len(answers), dtype=bool)] + [
            answers[question].map(is_answered).to_numpy(dtype=bool) for question in asked])
        figure_names = [f"survey:{survey_id}:{key}" for key in ["respondents", *asked]]
        blocks, block_names = [answered], list(figure_names)
        for by in BREAKDOWNS:
            groups = respondent_groups(project, survey_id, by)
            if len(groups):
                codes, values = pd.factorize(groups)
                for code, group in enumerate(values):
                    blocks.append(answered & (codes == code)[:, None])
                    block_names += [f"{name}:{by}:{group}" for name in figure_names]
        counted.append((survey_id, _respondents_of(project)[survey_id], np.hstack(blocks)))
        names += block_names
    return counted, names


def _owners(link: pd.DataFrame, owner: str, value_column: str, value: str) -> set[str]:
    return set(link.loc[link[value_column].eq(value), owner])


def _rows(frame: pd.DataFrame, column: str, keep: set[str]) -> pd.DataFrame:
    return frame[frame[column].isin(keep)]


@dataclass(frozen=True)
class _Respondents:
    """What a survey says of each of its ``size`` respondents: type, municipality and
    sub-region as answered (``None``: the survey did not ask)."""

    size: int
    actor_type: np.ndarray | None
    municipality: np.ndarray | None
    sub_region: np.ndarray | None

    @classmethod
    def of(cls, project: Project, survey_id: str, answers: pd.DataFrame) -> _Respondents:
        codebook = project.survey_questions
        asked = codebook[codebook["survey_id"].eq(survey_id) & codebook["question_id"].isin(answers.columns)]

        def answered(kind: str):
            ids = asked.loc[asked["type"].eq(kind), "question_id"]
            return answers[ids.iloc[0]] if len(ids) else None

        types, places = answered("actor_type"), answered("municipality")
        types = None if types is None else types.to_numpy(dtype=object)
        if places is None:
            return cls(len(answers), types, None, None)
        sub_region = project.municipalities.set_index("municipality")["sub_region"]
        return cls(len(answers), types, places.to_numpy(dtype=object), places.map(sub_region).to_numpy(dtype=object))

    def kept(self, state: FilterState) -> np.ndarray:
        """Which respondents the view ``state`` keeps: none for a cluster or for a filter the
        survey cannot answer."""
        import numpy as np

        keep = np.ones(self.size, dtype=bool)
        for name, values in (("actor_type", self.actor_type), ("municipality", self.municipality),
                             ("sub_region", self.sub_region)):
            value = getattr(state, name)
            if value is not None:
                keep &= values == value if values is not None else False
        return keep & (state.cluster is None)


@by_identity(maxsize=2)
def _respondents_of(project: Project) -> dict[str, _Respondents]:
    """Each survey's :class:`_Respondents`, read once per project (every filter change of a
    visitor filters the same surveys again)."""
    return {survey_id: _Respondents.of(project, survey_id, answers) for survey_id, answers in project.surveys.items()}


def _filter_respondents(project: Project, survey_id: str, answers: pd.DataFrame,
                        state: FilterState) -> pd.DataFrame:
    return answers[_respondents_of(project)[survey_id].kept(state)]


ALL = ""  # the value of each menu's "all" choice


@dataclass(frozen=True)
class FilterOptions:
    """The choices of each filter, as (label, value) pairs with "all" (value ``ALL``) first."""

    focus_areas: list[tuple[str, str]]
    actor_types: list[tuple[str, str]]
    areas: list[tuple[str, tuple[str, str] | str]]
    clusters: list[tuple[str, str]]


def filter_options(project: Project, lang: str) -> FilterOptions:
    """The choices offered by each filter, in ``lang``, from what the project holds.

    Areas are sub-regions, each followed by its municipalities (indented); an area value is
    ``("sub_region", name)`` or ``("municipality", name)``.

    Examples
    --------
    >>> from workbook.dashboard.examples import example_project
    >>> options = filter_options(example_project(), "en")
    >>> options.actor_types
    [('All actor types', ''), ('Company', 'company'), ('Public agency', 'public_agency')]
    >>> [label for label, _ in options.areas]
    ['The whole region', 'Kemi-Tornio', '\u2003Kemi', 'Rovaniemi', '\u2003Rovaniemi']
    """
    focus_areas = [(tr(TEXTS, "all_focus_areas", lang), ALL)] + [
        (name, fa) for fa, name in zip(project.focus_areas["focus_area_id"], project.focus_areas[f"name_{lang}"])
    ]
    present_types = set(project.actors["actor_type"])
    actor_types = [(tr(TEXTS, "all_actor_types", lang), ALL)] + [
        (label(vocab.ACTOR_TYPES, code, lang), code) for code in vocab.ACTOR_TYPES if code in present_types
    ]
    areas: list[tuple[str, tuple[str, str] | str]] = [(tr(TEXTS, "all_areas", lang), ALL)]
    actors = project.actors.dropna(subset=["municipality"])
    sub_region_names = _sub_region_names(project, lang)
    for sub_region, group in sorted(actors.groupby("sub_region"), key=lambda item: str(item[0])):
        areas.append((sub_region_names.get(sub_region, sub_region), ("sub_region", sub_region)))
        areas.extend(("\u2003" + m, ("municipality", m)) for m in sorted(set(group["municipality"])))
    clusters = [(tr(TEXTS, "all_clusters", lang), ALL)] + list(
        zip(project.clusters["name"], project.clusters["cluster_id"]))
    return FilterOptions(focus_areas, actor_types, areas, clusters)


def _sub_region_names(project: Project, lang: str) -> dict[str, str]:
    table = project.municipalities.drop_duplicates("sub_region")
    names = table["sub_region_en"] if lang == "en" else table["sub_region"]
    return dict(zip(table["sub_region"], names))


def state_from_choices(focus_area: str, actor_type: str, area: tuple[str, str] | str, cluster: str) -> FilterState:
    """The state for the values of the four filter menus (``ALL`` keeps everything).

    Examples
    --------
    >>> state = state_from_choices(ALL, "company", ("sub_region", "Kemi-Tornio"), ALL)
    >>> state.actor_type, state.sub_region, state.focus_area
    ('company', 'Kemi-Tornio', None)
    """
    kind, place = area if area != ALL else (None, None)
    return FilterState(focus_area=focus_area or None, actor_type=actor_type or None,
                       sub_region=place if kind == "sub_region" else None,
                       municipality=place if kind == "municipality" else None, cluster=cluster or None)


def choices_from_state(state: FilterState) -> tuple[str, str, tuple[str, str] | str, str]:
    """The values of the four filter menus showing ``state`` (the inverse of ``state_from_choices``).

    Examples
    --------
    >>> choices_from_state(FilterState(municipality="Kemi"))
    ('', '', ('municipality', 'Kemi'), '')
    """
    area = (("sub_region", state.sub_region) if state.sub_region is not None
            else ("municipality", state.municipality) if state.municipality is not None else ALL)
    return state.focus_area or ALL, state.actor_type or ALL, area, state.cluster or ALL
