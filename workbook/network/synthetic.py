"""Synthetic projects of any size, for benchmarks and scale tests (seeded, invented data).

Actors belong to hidden groups (think sectors); most of their participations are in
activities of their own group, the rest anywhere, so the network has communities to find.
Every table a project requires is written, so the folder loads with
:func:`workbook.load_project` like real data.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np

from workbook import regions
from workbook.schemas import TABLES

ACTOR_TYPE_SHARES: Mapping[str, float] = {
    "company": 0.70, "municipality": 0.05, "higher_education": 0.03, "research": 0.03, "public_agency": 0.04,
    "intermediary": 0.05, "financier": 0.02, "association": 0.06, "other": 0.02,
}
MEETING_KIND_SHARES: Mapping[str, float] = {"workshop": 0.7, "sprint": 0.2, "interview": 0.1}


def write_tables(folder: Path, tables: Mapping[str, Sequence[Mapping[str, object]]]) -> Path:
    """Write tables as CSV files with the schema's columns (missing tables are left out)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for spec in TABLES:
        rows = tables.get(spec.name)
        if rows is None:
            continue
        with (folder / f"{spec.name}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=spec.columns, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
    return folder


def synthetic_tables(actors: int, activities: int, participations: int, *, groups: int = 20,
                     own_group_share: float = 0.7, seed: int = 0) -> dict[str, list[dict[str, object]]]:
    """Tables of an invented project: ``actors`` organisations, ``activities`` meetings and
    about ``participations`` distinct (activity, actor) rows.

    Examples
    --------
    >>> tables = synthetic_tables(200, 20, 120, groups=3)
    >>> len(tables["actors"]), len(tables["activities"]), 110 <= len(tables["participation"]) <= 120
    (200, 20, True)
    """
    rng = np.random.default_rng(seed)
    municipalities = list(regions.lapland_municipalities()["municipality"])
    actor_ids = [f"X{i:06d}" for i in range(actors)]
    actor_group = rng.integers(0, groups, actors)
    types = rng.choice(list(ACTOR_TYPE_SHARES), size=actors, p=list(ACTOR_TYPE_SHARES.values()))
    focus_areas = ["FA1", "FA2", "FA3", "FA4"]
    clusters = ["CL1", "CL2", "CL3", "CL4", "CL5"]
    cluster_of_group = {g: clusters[g % len(clusters)] for g in range(groups)}
    actor_rows = []
    for i, actor_id in enumerate(actor_ids):
        member = rng.random() < 0.03
        actor_rows.append({
            "actor_id": actor_id, "name": f"Organisaatio {i + 1}", "actor_type": types[i],
            "municipality": municipalities[int(rng.integers(len(municipalities)))],
            "size_class": "small" if types[i] == "company" else "",
            "clusters": cluster_of_group[int(actor_group[i])] if member else "",
        })
    activity_ids = [f"E{i:05d}" for i in range(activities)]
    activity_group = rng.integers(0, groups, activities)
    kinds = rng.choice(list(MEETING_KIND_SHARES), size=activities, p=list(MEETING_KIND_SHARES.values()))
    activity_rows = [{"activity_id": a, "kind": kinds[i], "title": f"Tilaisuus {i + 1}",
                      "date": f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}",
                      "focus_areas": focus_areas[int(activity_group[i]) % len(focus_areas)]}
                     for i, a in enumerate(activity_ids)]
    by_group = [np.flatnonzero(activity_group == g) for g in range(groups)]
    who = rng.integers(0, actors, participations)
    own = rng.random(participations) < own_group_share
    anywhere = rng.integers(0, activities, participations)
    pick = rng.random(participations)
    where = np.array([
        by_group[actor_group[a]][int(p * len(by_group[actor_group[a]]))] if o and len(by_group[actor_group[a]]) else e
        for a, o, e, p in zip(who, own, anywhere, pick)])
    pairs = sorted(set(zip(where.tolist(), who.tolist())))
    participation_rows = [{"activity_id": activity_ids[e], "actor_id": actor_ids[a]} for e, a in pairs]
    action_rows = []
    for k in range(max(1, activities // 10)):
        group = int(rng.integers(groups))
        members = np.flatnonzero(actor_group == group)
        members = members if len(members) >= 4 else np.arange(actors)
        chosen = rng.choice(members, size=min(4, len(members)), replace=False)
        action_rows.append({"action_id": f"T{k:05d}", "title_fi": f"Toimenpide {k + 1}", "title_en": f"Action {k + 1}",
                            "focus_areas": focus_areas[group % len(focus_areas)],
                            "owner_actor_id": actor_ids[chosen[0]],
                            "partner_actor_ids": ";".join(actor_ids[c] for c in chosen[1:])})
    return {
        "project": [{"key": "name", "value": "Synteettinen"}, {"key": "region", "value": "Lapland"}],
        "focus_areas": [{"focus_area_id": f, "name_fi": f"Painopiste {f}", "name_en": f"Focus {f}"} for f in focus_areas],
        "actors": actor_rows,
        "activities": activity_rows,
        "participation": participation_rows,
        "inputs": [{"input_id": "I1", "activity_id": activity_ids[0], "text": "Idea", "focus_areas": "FA1"}],
        "actions": action_rows,
        "indicators": [{"indicator_id": "M1", "name_fi": "Mittari", "name_en": "Indicator", "kind": "output"}],
        "clusters": [{"cluster_id": c, "name": f"Klusteri {c}"} for c in clusters],
    }


def write_synthetic_project(folder: Path, actors: int, activities: int, participations: int, *,
                            groups: int = 20, seed: int = 0) -> Path:
    """Write :func:`synthetic_tables` as a project folder and return it."""
    return write_tables(folder, synthetic_tables(actors, activities, participations, groups=groups, seed=seed))


SMALL_REGION_NAMES: tuple[str, ...] = (
    "Kolin Elämyspalvelut Oy", "Business Joensuu", "Lapin ammattikorkeakoulu", "Lapin yliopisto",
    "Rovaniemen kaupunki", "Kemijärven kaupunki", "Pohjois-Suomen Matkailuyrittäjien Yhdistys ry",
    "Arktinen Puurakentamisen Osuuskunta", "Tunturi-Lapin Kehitys ry", "Sallan kunta",
    "Lapin kauppakamari", "Luonnonvarakeskus, Rovaniemen toimipaikka", "Revontuli Safarit Oy",
    "Pello Teollisuuspalvelut Oy", "Ounasvaaran Hyvinvointikeskus", "Kiertotalouden Kehittämiskeskus Oy",
    "Inarin kunta", "Saamelaisalueen koulutuskeskus", "Lapin liitto", "Elinkeino-, liikenne- ja ympäristökeskus",
    "Napapiirin Energia ja Vesi Oy", "Pohjoisen Mökkivuokraus Oy", "Tornion Satama Oy", "Kemin Digipolis Oy",
    "Yrityspalvelu Nordic Start", "Sodankylän Geofysiikan Observatorio", "Marjaosuuskunta Puolukka",
    "Arctic Design Lab Oy", "Metsäkeskus, Lapin alue", "Kylätoimikunta Salmijärvi",
)


def small_region_tables(seed: int = 3) -> dict[str, list[dict[str, object]]]:
    """An invented 30-actor region with long real-looking names and a handful of actors with no
    ties: the case a new user tries first (used by the map's browser test and benchmark).

    Examples
    --------
    >>> tables = small_region_tables()
    >>> len(tables["actors"]), tables["actors"][0]["name"]
    (30, 'Kolin Elämyspalvelut Oy')
    """
    tables = synthetic_tables(len(SMALL_REGION_NAMES), 6, 55, groups=3, seed=seed)
    for row, name in zip(tables["actors"], SMALL_REGION_NAMES):
        row["name"] = name
    return tables
