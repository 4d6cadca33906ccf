"""What a live workshop produced, as tables: ideas ranked by votes, who is in the room,
ratings of draft actions, and the rows to add to the project.

Pure functions of a :class:`~workbook.workshop.events.WorkshopState` and the project; the
room's composition and the ratings go through :mod:`workbook.privacy` like every other
published figure.
"""

from __future__ import annotations

import pandas as pd

from workbook.i18n import label
from workbook.privacy import suppress_counts, suppress_small_groups
from workbook.project import Project
from workbook.vocab import ACTOR_TYPES
from workbook.workshop.events import WorkshopState

NO_FOCUS_AREA = ""
RATING_SCALE = (1, 2, 3, 4, 5)


def participant_type(state: WorkshopState, project: Project) -> pd.DataFrame:
    """Each participant's organisation type and municipality: from the actor they chose, or
    as they declared them when their organisation was not listed."""
    actors = project.actors.set_index("actor_id")
    rows = []
    for participant in state.participants.values():
        if participant.actor_id is not None and participant.actor_id in actors.index:
            actor = actors.loc[participant.actor_id]
            rows.append((participant.pseudonym, participant.actor_id, actor["actor_type"], actor["municipality"]))
        else:
            rows.append((participant.pseudonym, None, participant.actor_type, participant.municipality))
    return pd.DataFrame(rows, columns=["participant", "actor_id", "actor_type", "municipality"])


def room_composition(state: WorkshopState, project: Project, lang: str) -> dict[str, pd.DataFrame]:
    """Who is in the room, by organisation type and by sub-region, with small groups hidden.

    Returns ``{"actor_type": frame, "sub_region": frame}``; each frame has the columns
    ``group``, ``people`` (NaN where hidden) and ``hidden``.

    Examples
    --------
    >>> from workbook.workshop.examples import example_state, example_project
    >>> rooms = room_composition(example_state(), example_project(), "en")

    Five companies and one public agency: the agency is hidden, and so are the companies,
    since the number of people who joined (6) would give the agency's count away.

    >>> rooms["actor_type"].to_dict("records")
    [{'group': 'Company', 'people': nan, 'hidden': True}, {'group': 'Public agency', 'people': nan, 'hidden': True}]
    """
    people = participant_type(state, project)
    sub_regions = project.municipalities.set_index("municipality")
    column = "sub_region" if lang == "fi" else "sub_region_en"
    people["sub_region"] = people["municipality"].map(
        lambda m: sub_regions[column].get(m) if isinstance(m, str) else None)
    people["actor_type"] = people["actor_type"].map(
        lambda code: label(ACTOR_TYPES, code, lang) if isinstance(code, str) else None)
    unknown = {"fi": "Ei tiedossa", "en": "Not known"}[lang]
    composition = {}
    for group in ("actor_type", "sub_region"):
        counts = people[group].fillna(unknown).value_counts().sort_index()
        values, hidden = suppress_counts(counts.astype(float), project.min_group_size)
        composition[group] = pd.DataFrame({"group": counts.index.tolist(), "people": values.iloc[:, 0].tolist(),
                                           "hidden": hidden.iloc[:, 0].tolist()})
    return composition


def ranked_ideas(state: WorkshopState, include_hidden: bool = False) -> pd.DataFrame:
    """Ideas ranked by votes within each focus area (an idea tagged to two focus areas
    appears under both; untagged ideas under ``""``); ties keep the order they were made.

    Examples
    --------
    >>> from workbook.workshop.examples import example_state
    >>> ranked_ideas(example_state())[["focus_area", "idea", "votes"]].to_dict("records")
    [{'focus_area': 'FA1', 'idea': 2, 'votes': 3}, {'focus_area': 'FA1', 'idea': 1, 'votes': 1}]
    """
    rows = []
    for idea in state.ideas.values():
        if idea.hidden and not include_hidden:
            continue
        for focus_area in idea.focus_areas or (NO_FOCUS_AREA,):
            rows.append({"focus_area": focus_area, "idea": idea.number, "text": idea.text,
                         "votes": len(idea.voters), "hidden": idea.hidden})
    frame = pd.DataFrame(rows, columns=["focus_area", "idea", "text", "votes", "hidden"])
    return frame.sort_values(["focus_area", "votes", "idea"], ascending=[True, False, True],
                             kind="stable").reset_index(drop=True)


def rating_summary(state: WorkshopState, action_ids: list[str], min_size: int) -> pd.DataFrame:
    """How many rated each draft action and the mean rating, hidden when fewer than
    ``min_size`` people rated it.

    Examples
    --------
    >>> from workbook.workshop.examples import example_state
    >>> rating_summary(example_state(), ["T1", "T2"], 5).to_dict("records")
    [{'action_id': 'T1', 'ratings': 5, 'mean': 4.2}, {'action_id': 'T2', 'ratings': 1, 'mean': nan}]
    """
    ratings = pd.DataFrame([(action, value) for (_, action), value in state.ratings.items()],
                           columns=["action_id", "value"])
    grouped = ratings.groupby("action_id")["value"]
    counts = grouped.size().reindex(action_ids, fill_value=0)
    means = suppress_small_groups(grouped.mean().reindex(action_ids), counts, min_size).round(2)
    return pd.DataFrame({"action_id": action_ids, "ratings": counts.astype(int).tolist(), "mean": means.tolist()})


def draft_actions(project: Project, activity_id: str) -> pd.DataFrame:
    """The actions participants may rate: those serving the activity's focus areas (all
    actions when the activity names none), cancelled ones left out."""
    focus_areas = set(project.activity_focus_areas.loc[
        project.activity_focus_areas["activity_id"] == activity_id, "focus_area_id"])
    actions = project.actions[project.actions["status"] != "cancelled"]
    if focus_areas:
        serving = project.action_focus_areas.loc[
            project.action_focus_areas["focus_area_id"].isin(focus_areas), "action_id"]
        actions = actions[actions["action_id"].isin(set(serving))]
    return actions.sort_values("action_id").reset_index(drop=True)
