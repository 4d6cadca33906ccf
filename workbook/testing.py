"""Tiny hand-made projects for tests, doctests and examples.

``make_project(folder, **tables)`` writes the smallest valid project (one focus area, two
actors, one workshop, one idea, one action, one indicator, one cluster) with any table
replaced by the rows given, or left out with ``None``.
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path
from typing import Iterable, Mapping

from workbook.schemas import TABLES, TABLES_BY_NAME

# The smallest valid project: every required table, one row where a row is needed.
MINIMAL: dict[str, list[dict[str, object]]] = {
    "project": [{"key": "name", "value": "Test"}, {"key": "region", "value": "Lapland"}],
    "focus_areas": [{"focus_area_id": "FA1", "name_fi": "Kiertotalous", "name_en": "Circular economy"}],
    "actors": [
        {"actor_id": "A1", "name": "Lapin liitto", "actor_type": "public_agency", "municipality": "Rovaniemi"},
        {"actor_id": "A2", "name": "Testi Oy", "actor_type": "company", "municipality": "Kemi",
         "business_id": "0245437-2", "size_class": "small", "clusters": "CL1"},
    ],
    "activities": [{"activity_id": "W1", "kind": "workshop", "title": "Työpaja", "date": "2022-09-15",
                    "municipality": "Rovaniemi", "focus_areas": "FA1"}],
    "participation": [{"activity_id": "W1", "actor_id": "A1"}, {"activity_id": "W1", "actor_id": "A2"}],
    "inputs": [{"input_id": "I1", "activity_id": "W1", "actor_id": "A2", "text": "Idea", "focus_areas": "FA1",
                "votes": "3"}],
    "actions": [{"action_id": "T1", "title_fi": "Toimi", "title_en": "Action", "focus_areas": "FA1",
                 "owner_actor_id": "A1", "partner_actor_ids": "A2", "start": "2024-01-01", "end": "2025-12-31",
                 "budget_eur": "1000", "status": "planned", "source_input_ids": "I1", "indicators": "M1"}],
    "indicators": [{"indicator_id": "M1", "name_fi": "Mittari", "name_en": "Indicator", "kind": "output",
                    "baseline": "0", "target": "5", "focus_area_id": "FA1"}],
    "clusters": [{"cluster_id": "CL1", "name": "Arctic Design", "focus_areas": "FA1", "coordinator_actor_id": "A1"}],
}


def write_table(folder: Path, name: str, rows: Iterable[Mapping[str, object]],
                columns: list[str] | None = None, delimiter: str = ",", encoding: str = "utf-8") -> Path:
    """Write one table as CSV; columns default to the schema's."""
    rows = list(rows)
    columns = columns or TABLES_BY_NAME[name].columns
    path = folder / f"{name}.csv"
    with path.open("w", newline="", encoding=encoding) as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, delimiter=delimiter, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return path


def make_project(folder: Path, **tables: list[dict[str, object]]) -> Path:
    """A project folder: the minimal project with the given tables replaced (``None`` = leave out)."""
    folder.mkdir(parents=True, exist_ok=True)
    merged = {**MINIMAL, **tables}
    for spec in TABLES:
        rows = merged.get(spec.name)
        if rows is not None:
            write_table(folder, spec.name, rows)
    return folder




def tiny_project(**tables: list[dict[str, object]]):
    """Load a tiny project written to a fresh temporary folder (for doctests and examples).

    Examples
    --------
    >>> tiny_project().actions["action_id"].tolist()
    ['T1']
    """
    from workbook.project import load_project

    return load_project(make_project(Path(tempfile.mkdtemp(prefix="workbook-")) / "project", **tables))
