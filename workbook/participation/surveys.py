"""Survey results from the raw exports and their codebook, with every figure protected.

Respondents are people, so every figure here follows :mod:`workbook.participation.disclosure`:
a question's results are shown only when at least ``min_size`` respondents answered it;
a breakdown by respondent group (the respondent's organisation type or sub-region, from
the survey's own ``actor_type`` / ``municipality`` questions) hides small groups whole —
their count, distribution, mean and open answers' group label — with secondary
suppression so that a hidden group cannot be worked out from the overall figures.
Respondents are never shown by pseudonym: an open answer carries its group only.

A filtered dashboard view also hides the figures that another view would give away by
difference (``project.settings["withheld_figures"]``, set by
:func:`workbook.dashboard.filters.withheld_survey_figures`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbook.participation.disclosure import hidden_groups, total_is_hidden
from workbook.participation.labels import UNKNOWN, group_order
from workbook.participation.themes import themes_of
from workbook.project import Project
from workbook.surveys import likert_range, scale_options

ANSWER_TYPES: tuple[str, ...] = ("likert", "number", "single", "multi", "open", "actor_type", "municipality")
BREAKDOWNS: tuple[str, ...] = ("actor_type", "sub_region")
ALL = "_all"
HIDDEN_GROUP = "_hidden"


def _min_size(project: Project, min_size: int | None) -> int:
    return project.min_group_size if min_size is None else min_size


def questions(project: Project, survey_id: str, types: tuple[str, ...] = ANSWER_TYPES) -> pd.DataFrame:
    """The codebook rows of a survey's answer questions (no respondent id, no personal data).

    Returns columns ``question_id``, ``type``, ``text_fi``, ``text_en`` (each falling
    back on the other language, then on the export's column header) and ``scale``, in
    codebook order; only questions whose answers were loaded.

    Examples
    --------
    >>> from workbook import load_project
    >>> from workbook.cli import DEMO_PROJECT
    >>> project = load_project(DEMO_PROJECT)
    >>> "personal" in set(questions(project, "S1")["type"])
    False
    """
    codebook = project.survey_questions
    rows = codebook[(codebook["survey_id"] == survey_id) & codebook["type"].isin(types)].copy()
    rows = rows[rows["question_id"].isin(project.surveys.get(survey_id, pd.DataFrame()).columns)]
    fallback = rows["text_en"].fillna(rows["text_fi"]).fillna(rows["column"])
    rows["text_fi"] = rows["text_fi"].fillna(fallback)
    rows["text_en"] = rows["text_en"].fillna(fallback)
    return rows[["question_id", "type", "text_fi", "text_en", "scale"]].reset_index(drop=True)


def is_answered(value: object) -> bool:
    """Whether a loaded survey answer counts as given: a choice made, a value, text written.

    Examples
    --------
    >>> is_answered(("Rahoitus",)), is_answered(()), is_answered(4), is_answered(float("nan")), is_answered("  ")
    (True, False, True, False, False)
    """
    if isinstance(value, tuple):
        return bool(value)
    if isinstance(value, str):
        return bool(value.strip())
    return not pd.isna(value)


def _withheld(project: Project, survey_id: str) -> set[str]:
    """The survey's figures a filtered dashboard view withholds, by what follows
    ``survey:<survey_id>:`` in their keys (see
    :func:`workbook.dashboard.filters.withheld_survey_figures`)."""
    prefix = f"survey:{survey_id}:"
    return {key[len(prefix):] for key in project.settings.get("withheld_figures") or {} if key.startswith(prefix)}


def survey_overview(project: Project, min_size: int | None = None) -> pd.DataFrame:
    """One row per survey: ``survey_id``, ``title``, ``date``, ``respondents`` (``NaN`` if
    fewer than the minimum group size, or withheld) and the number of questions of each kind."""
    min_size = _min_size(project, min_size)
    titles = project.activities.set_index("activity_id")
    rows = []
    for survey_id, answers in sorted(project.surveys.items()):
        coded = questions(project, survey_id)
        count = len(answers)
        shown = (count == 0 or count >= min_size) and "respondents" not in _withheld(project, survey_id)
        rows.append({
            "survey_id": survey_id, "title": titles["title"].get(survey_id), "date": titles["date"].get(survey_id),
            "respondents": float(count) if shown else float("nan"),
            "likert": int((coded["type"] == "likert").sum()),
            "choice": int(coded["type"].isin(["single", "multi"]).sum()),
            "open": int((coded["type"] == "open").sum()),
        })
    return pd.DataFrame(rows, columns=["survey_id", "title", "date", "respondents", "likert", "choice", "open"])


def respondent_groups(project: Project, survey_id: str, dimension: str) -> pd.Series:
    """Each respondent's group (``actor_type`` or ``sub_region``), ``_unknown`` if not given.

    Returns an empty Series when the survey did not ask for it.
    """
    if dimension not in BREAKDOWNS:
        raise ValueError(f"a survey can be broken down by {', '.join(BREAKDOWNS)}, not {dimension!r}")
    answers = project.surveys[survey_id]
    asked = questions(project, survey_id, ("actor_type" if dimension == "actor_type" else "municipality",))
    if asked.empty:
        return pd.Series(dtype=object, name=dimension)
    values = answers[asked["question_id"].iloc[0]]
    if dimension == "sub_region":
        values = values.map(project.municipalities.set_index("municipality")["sub_region"])
    return values.astype(object).where(values.notna(), UNKNOWN).rename(dimension)


def respondents_by(project: Project, survey_id: str, dimension: str, min_size: int | None = None) -> pd.DataFrame:
    """Respondents per group, every group of the dimension listed; ``NaN`` where hidden.

    Returns columns ``group``, ``respondents`` and ``hidden``.

    Examples
    --------
    >>> from workbook import load_project
    >>> from workbook.cli import DEMO_PROJECT
    >>> project = load_project(DEMO_PROJECT)
    >>> table = respondents_by(project, "S1", "actor_type")
    >>> bool(table.loc[table["hidden"], "respondents"].isna().all())
    True
    """
    min_size = _min_size(project, min_size)
    groups = respondent_groups(project, survey_id, dimension)
    counts = groups.value_counts()
    order = group_order(project, dimension)
    order += sorted(set(counts.index) - set(order))
    sizes = pd.Series([counts.get(g, 0) for g in order], index=order, dtype=float)
    hidden = hidden_groups(sizes, min_size, withheld=_forced(_withheld(project, survey_id), "respondents",
                                                             dimension, order))
    return pd.DataFrame({"group": order, "respondents": sizes.mask(hidden).to_numpy(), "hidden": hidden.to_numpy()})


def _grouped(project: Project, survey_id: str, by: str | None) -> pd.Series:
    """The group of each respondent, in display order of the groups; ``_all`` when ``by`` is None."""
    answers = project.surveys[survey_id]
    if by is None:
        return pd.Series(ALL, index=answers.index, dtype=object)
    return respondent_groups(project, survey_id, by)


def _forced(withheld: set[str], figure: str, by: str, groups: list[str]) -> pd.Series:
    """Groups whose ``figure`` is withheld: all of them when the figure is withheld whole
    (their sum would give it back), else those withheld on their own."""
    return pd.Series([figure in withheld or f"{figure}:{by}:{group}" in withheld for group in groups],
                     index=groups, dtype=bool)


def _hidden_for(groups: pd.Series, answered: pd.Series, project: Project, by: str | None,
                min_size: int, survey_id: str, figure: str) -> pd.Series:
    """Hidden flag per group for one figure of a survey (a question, or ``respondents``),
    from how many of each group answered it and what the view withholds."""
    withheld = _withheld(project, survey_id)
    sizes = groups[answered].value_counts()
    if by is None:
        return pd.Series({ALL: total_is_hidden(sizes.sum(), min_size) or figure in withheld})
    order = [g for g in group_order(project, by) if g in sizes.index]
    order += sorted(set(sizes.index) - set(order))
    return hidden_groups(sizes.reindex(order).astype(float), min_size, withheld=_forced(withheld, figure, by, order))


def _protected(rows: list[dict], columns: list[str], figures: tuple[str, ...]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    for column in figures:
        frame[column] = frame[column].astype(float).mask(frame["hidden"].astype(bool))
    return frame


def likert_distribution(project: Project, survey_id: str, by: str | None = None,
                        min_size: int | None = None) -> pd.DataFrame:
    """Answers to each Likert question per scale point, overall or per respondent group.

    Returns one row per question, group and scale point with ``question_id``, ``group``
    (``_all`` overall), ``level``, ``count``, ``share`` (of the group's answers to the
    question), ``n`` (answers of the group to the question) and ``hidden``. Groups are
    judged per question, on how many of them answered it; a hidden group has ``count``,
    ``share`` and ``n`` set to ``NaN``, and so has a question fewer than the minimum
    group size answered.

    Examples
    --------
    >>> from workbook import load_project
    >>> from workbook.cli import DEMO_PROJECT
    >>> project = load_project(DEMO_PROJECT)
    >>> table = likert_distribution(project, "S1", "actor_type")
    >>> bool(table.loc[table["hidden"], ["count", "share", "n"]].isna().all().all())
    True
    """
    min_size = _min_size(project, min_size)
    answers = project.surveys[survey_id]
    groups = _grouped(project, survey_id, by)
    rows = []
    for question in questions(project, survey_id, ("likert",)).itertuples():
        low, high = likert_range(question.scale)
        values = answers[question.question_id]
        hidden = _hidden_for(groups, values.notna(), project, by, min_size, survey_id, question.question_id)
        for group, hide in hidden.items():
            own = values[groups == group].dropna()
            counts = own.value_counts()
            for level in range(low, high + 1):
                count = int(counts.get(level, 0))
                rows.append({"question_id": question.question_id, "group": group, "level": level,
                             "count": count, "share": count / len(own) if len(own) else np.nan,
                             "n": len(own), "hidden": hide})
    return _protected(rows, ["question_id", "group", "level", "count", "share", "n", "hidden"],
                      ("count", "share", "n"))


def means(project: Project, survey_id: str, by: str | None = None, min_size: int | None = None,
          confidence: float = 0.95) -> pd.DataFrame:
    """Mean of each Likert and number question with a t-based confidence interval.

    Returns ``question_id``, ``group`` (``_all`` overall), ``n``, ``mean``, ``ci_low``,
    ``ci_high`` and ``hidden``; hidden groups (judged per question, as in
    :func:`likert_distribution`) have their figures set to ``NaN``. The interval treats
    the respondents as a random sample, which a stakeholder survey is not: read it as the
    uncertainty from the number of answers only.

    Examples
    --------
    >>> from workbook.cli import DEMO_PROJECT
    >>> from workbook import load_project
    >>> project = load_project(DEMO_PROJECT)
    >>> table = means(project, sorted(project.surveys)[0]).dropna()
    >>> bool((table["ci_low"] <= table["mean"]).all())
    True
    """
    from scipy import stats  # imported here: 0.5 s that a dashboard kernel seldom needs

    min_size = _min_size(project, min_size)
    answers = project.surveys[survey_id]
    groups = _grouped(project, survey_id, by)
    rows = []
    for question in questions(project, survey_id, ("likert", "number")).itertuples():
        values = answers[question.question_id].astype(float)
        hidden = _hidden_for(groups, values.notna(), project, by, min_size, survey_id, question.question_id)
        for group, hide in hidden.items():
            own = values[groups == group].dropna()
            n = len(own)
            mean = own.mean() if n else np.nan
            half = stats.t.ppf((1 + confidence) / 2, n - 1) * own.std(ddof=1) / np.sqrt(n) if n > 1 else np.nan
            rows.append({"question_id": question.question_id, "group": group, "n": n, "mean": mean,
                         "ci_low": mean - half, "ci_high": mean + half, "hidden": hide})
    return _protected(rows, ["question_id", "group", "n", "mean", "ci_low", "ci_high", "hidden"],
                      ("n", "mean", "ci_low", "ci_high"))


def no_answer_counts(project: Project, survey_id: str, by: str | None = None,
                     min_size: int | None = None) -> pd.DataFrame:
    """How many respondents gave no answer to each closed question, apart from the scale.

    "No answer" is a blank cell or an answer the codebook treats as one ("En osaa sanoa",
    "EOS", "Don't know", "N/A", a question's own codes such as 99): such answers are left
    out of every mean, share and distribution and counted here instead. Returns
    ``question_id``, ``type``, ``group`` (``_all`` overall), ``respondents``, ``answered``,
    ``no_answer`` and ``hidden``; a group is hidden (its figures ``NaN``) when its answers
    to the question are (as in :func:`likert_distribution`) or when its respondents are
    (as in :func:`respondents_by`), so that no hidden figure can be worked out from these.

    Examples
    --------
    >>> from workbook import load_project
    >>> from workbook.cli import DEMO_PROJECT
    >>> project = load_project(DEMO_PROJECT)
    >>> table = no_answer_counts(project, "S1").set_index("question_id")
    >>> bool((table["answered"] + table["no_answer"] == table["respondents"]).all())
    True
    """
    min_size = _min_size(project, min_size)
    answers = project.surveys[survey_id]
    groups = _grouped(project, survey_id, by)
    hidden_people = pd.Series(dtype=bool)
    if by is not None:
        sizes = respondents_by(project, survey_id, by, min_size)
        hidden_people = sizes.set_index("group")["hidden"]
    rows = []
    for question in questions(project, survey_id, ("likert", "number", "single", "multi")).itertuples():
        values = answers[question.question_id]
        answered = values.map(is_answered).astype(bool)
        hidden = _hidden_for(groups, pd.Series(True, index=answers.index), project, by, min_size, survey_id,
                             "respondents")
        by_answers = _hidden_for(groups, answered, project, by, min_size, survey_id, question.question_id)
        for group, hide in hidden.items():
            own = groups == group
            hide = bool(hide or by_answers.get(group, True) or hidden_people.get(group, False))
            rows.append({"question_id": question.question_id, "type": question.type, "group": group,
                         "respondents": int(own.sum()), "answered": int((answered & own).sum()),
                         "no_answer": int((~answered & own).sum()), "hidden": hide})
    return _protected(rows, ["question_id", "type", "group", "respondents", "answered", "no_answer", "hidden"],
                      ("respondents", "answered", "no_answer"))


def choice_counts(project: Project, survey_id: str, by: str | None = None,
                  min_size: int | None = None) -> pd.DataFrame:
    """How many respondents chose each option of the single- and multi-choice questions.

    Options come from the codebook's scale (in its order), then any others answered.
    Returns ``question_id``, ``type``, ``group``, ``option``, ``count``, ``share`` (of the
    group's respondents who answered the question; multi-choice shares can add up to
    more than 1), ``n`` and ``hidden`` (judged per question, as in
    :func:`likert_distribution`).

    Examples
    --------
    >>> from workbook import load_project
    >>> from workbook.cli import DEMO_PROJECT
    >>> project = load_project(DEMO_PROJECT)
    >>> sorted(set(choice_counts(project, "S1")["type"]))
    ['multi', 'single']
    """
    min_size = _min_size(project, min_size)
    answers = project.surveys[survey_id]
    groups = _grouped(project, survey_id, by)
    rows = []
    for question in questions(project, survey_id, ("single", "multi")).itertuples():
        values = answers[question.question_id]
        chosen = values.map(lambda v: v if isinstance(v, tuple) else (() if pd.isna(v) else (v,)))
        answered = chosen.map(bool)
        options = scale_options(question.scale)
        options += sorted(set(chosen[answered].explode()) - set(options))
        hidden = _hidden_for(groups, answered, project, by, min_size, survey_id, question.question_id)
        for group, hide in hidden.items():
            own = chosen[answered & (groups == group)]
            counts = own.explode().value_counts()
            for option in options:
                count = int(counts.get(option, 0))
                rows.append({"question_id": question.question_id, "type": question.type, "group": group,
                             "option": option, "count": count,
                             "share": count / len(own) if len(own) else np.nan, "n": len(own), "hidden": hide})
    return _protected(rows, ["question_id", "type", "group", "option", "count", "share", "n", "hidden"],
                      ("count", "share", "n"))


def open_answers(project: Project, survey_id: str, min_size: int | None = None) -> pd.DataFrame:
    """Every open answer with its respondent's organisation type and keyword themes.

    The type is replaced by ``_hidden`` when fewer than the minimum group size of
    respondents share it (secondary suppression included), and no answer is shown at all
    for a question fewer than the minimum group size answered. Answers are ordered by
    question, then alphabetically, so that their order tells nothing about who answered
    first. Returns ``question_id``, ``group``, ``text`` and ``themes`` (tuple).

    Examples
    --------
    >>> from workbook import load_project
    >>> from workbook.cli import DEMO_PROJECT
    >>> project = load_project(DEMO_PROJECT)
    >>> list(open_answers(project, "S1").columns)
    ['question_id', 'group', 'text', 'themes']
    """
    min_size = _min_size(project, min_size)
    answers = project.surveys[survey_id]
    groups = respondent_groups(project, survey_id, "actor_type")
    if groups.empty:
        groups = pd.Series(UNKNOWN, index=answers.index, dtype=object)
    withheld = _withheld(project, survey_id)
    sizes = groups.value_counts().astype(float)
    hidden = hidden_groups(sizes, min_size, withheld=_forced(withheld, "respondents", "actor_type", list(sizes.index)))
    shown_group = groups.where(~groups.map(hidden).astype(bool), HIDDEN_GROUP)
    rows = []
    for question in questions(project, survey_id, ("open",)).itertuples():
        texts = answers[question.question_id].dropna()
        texts = texts[texts.str.strip() != ""]
        if len(texts) < min_size or question.question_id in withheld:
            continue
        for respondent, text in texts.items():
            rows.append({"question_id": question.question_id, "group": shown_group[respondent], "text": text,
                         "themes": themes_of(text)})
    frame = pd.DataFrame(rows, columns=["question_id", "group", "text", "themes"])
    return frame.sort_values(["question_id", "text"], kind="stable", ignore_index=True)


def open_question_themes(project: Project, survey_id: str, min_size: int | None = None) -> pd.DataFrame:
    """Keyword themes of each open question: ``question_id``, ``theme``, ``answers``, ``share``.

    Only questions whose answers are shown (see :func:`open_answers`) are counted; a share
    is of the question's answers, so it describes the whole group of those who answered.
    """
    from workbook.participation.themes import theme_counts

    shown = open_answers(project, survey_id, min_size)
    parts = [theme_counts(own["themes"]).assign(question_id=question)
             for question, own in shown.groupby("question_id", sort=False)]
    if not parts:
        return pd.DataFrame(columns=["question_id", "theme", "answers", "share"])
    return pd.concat(parts, ignore_index=True)[["question_id", "theme", "answers", "share"]]
