"""From a workshop's record to rows of the project: ``participation``, ``inputs`` (with
votes) and the ratings of draft actions.

``workbook workshop export WORKSHOP_DB --out DIR`` writes ``participation.csv`` and
``inputs.csv`` holding only the new rows (to append to the project's tables of the same
name, in the project's own CSV dialect) and, when ratings were collected,
``action_ratings.csv``. The rows are checked against the project before anything is
written: the activity, organisations and focus areas must exist and the new ids must not
clash with the project's.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from workbook.outputs import ExportError, csv_text, write_bytes_atomic
from workbook.project import Project
from workbook.workshop.events import WorkshopState
from workbook.workshop.results import draft_actions, rating_summary

def input_id(activity_id: str, number: int) -> str:
    """The project input id of a workshop's idea: ``SP4-I007`` for idea 7 of activity SP4."""
    return f"{activity_id}-I{number:03d}"


def participant_id(activity_id: str, pseudonym: str) -> str:
    """The project participant id of a workshop participant: ``SP4-P012``."""
    return f"{activity_id}-{pseudonym}"


def participation_rows(state: WorkshopState, activity_id: str) -> pd.DataFrame:
    """One row per participant who chose a listed organisation. People whose organisation was
    not listed cannot be rows of ``participation`` (it needs an organisation); they are
    counted by :func:`unlisted_count`.

    Examples
    --------
    >>> from workbook.workshop.examples import example_state
    >>> participation_rows(example_state(), "W1").head(2).to_dict("records")
    [{'activity_id': 'W1', 'actor_id': 'A3', 'participant_id': 'W1-P001', 'role': 'participant'}, {'activity_id': 'W1', 'actor_id': 'A4', 'participant_id': 'W1-P002', 'role': 'participant'}]
    """
    rows = [{"activity_id": activity_id, "actor_id": p.actor_id,
             "participant_id": participant_id(activity_id, p.pseudonym), "role": "participant"}
            for p in state.participants.values() if p.actor_id]
    return pd.DataFrame(rows, columns=["activity_id", "actor_id", "participant_id", "role"])


def unlisted_count(state: WorkshopState) -> int:
    """How many participants said their organisation was not listed."""
    return sum(p.actor_id is None for p in state.participants.values())


def input_rows(state: WorkshopState, activity_id: str) -> pd.DataFrame:
    """One row per idea that is not hidden, with its votes; the organisation of whoever
    proposed it (blank when it was not listed).

    Examples
    --------
    >>> from workbook.workshop.examples import example_state
    >>> input_rows(example_state(), "W1")[["input_id", "actor_id", "votes"]].to_dict("records")
    [{'input_id': 'W1-I001', 'actor_id': 'A3', 'votes': 1}, {'input_id': 'W1-I002', 'actor_id': 'A4', 'votes': 3}]
    """
    rows = []
    for idea in state.ideas.values():
        if idea.hidden:
            continue
        author = state.participants.get(idea.author)
        rows.append({"input_id": input_id(activity_id, idea.number), "activity_id": activity_id,
                     "actor_id": author.actor_id if author else None, "kind": "idea", "text": idea.text,
                     "focus_areas": ";".join(idea.focus_areas), "votes": len(idea.voters)})
    return pd.DataFrame(rows, columns=["input_id", "activity_id", "actor_id", "kind", "text", "focus_areas", "votes"])


def export_problems(project: Project, activity_id: str, participation: pd.DataFrame,
                    inputs: pd.DataFrame) -> list[str]:
    """Why the rows could not be appended to the project as they are (empty when they can)."""
    problems = []
    if activity_id not in set(project.activities["activity_id"]):
        problems.append(f"the project has no activity {activity_id!r}")
    actors = set(project.actors["actor_id"])
    for actor in sorted(set(participation["actor_id"]) | set(inputs["actor_id"].dropna()) - actors):
        if actor not in actors:
            problems.append(f"organisation {actor!r} is not in the project's actors")
    focus_areas = set(project.focus_areas["focus_area_id"])
    tagged = {fa for cell in inputs["focus_areas"] for fa in cell.split(";") if fa}
    problems += [f"focus area {fa!r} is not in the project" for fa in sorted(tagged - focus_areas)]
    clashes = sorted(set(inputs["input_id"]) & set(project.inputs["input_id"]))
    problems += [f"input id {i!r} is already in the project's inputs (exported before?)" for i in clashes]
    taken = set(project.participation["participant_id"].dropna())
    clashes = sorted(set(participation["participant_id"]) & taken)
    problems += [f"participant id {i!r} is already in the project's participation (exported before?)" for i in clashes]
    return problems


def project_dialect(project: Project) -> tuple[str, str]:
    """The delimiter and encoding of the project's own CSV files (``,`` and UTF-8 for a
    workbook project), so the new rows can be appended as they are."""
    path = project.path / "participation.csv"
    if not path.is_file():
        return ",", "utf-8"
    head = path.read_bytes()[:4096]
    encoding = "utf-8-sig" if head.startswith(b"\xef\xbb\xbf") else "utf-8"
    first_line = head.decode("utf-8", errors="replace").splitlines()[0] if head else ""
    return (";" if first_line.count(";") > first_line.count(",") else ","), encoding


def export_workshop(state: WorkshopState, project: Project, activity_id: str, out: Path) -> list[Path]:
    """Check the workshop's rows against ``project`` and write them to ``out``.

    Raises :class:`~workbook.outputs.ExportError` naming every problem when the rows could
    not be appended to the project as they are; nothing is written then.
    """
    out = Path(out).resolve()
    if out == project.path.resolve() or project.path.resolve() in out.parents or (out / "project.csv").exists():
        raise ExportError(f"{out} is a project folder: the workbook never writes into a project; "
                          "choose another folder and append the rows yourself")
    participation = participation_rows(state, activity_id)
    inputs = input_rows(state, activity_id)
    problems = export_problems(project, activity_id, participation, inputs)
    if problems:
        raise ExportError("the workshop's rows do not fit the project: " + "; ".join(problems))
    delimiter, encoding = project_dialect(project)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    tables = {"participation": participation, "inputs": inputs}
    actions = draft_actions(project, activity_id)["action_id"].tolist()
    if state.ratings:
        tables["action_ratings"] = rating_summary(state, actions, project.min_group_size)
    for name, frame in tables.items():
        written.append(write_bytes_atomic(out / f"{name}.csv", csv_text(frame, delimiter).encode(encoding)))
    return written
