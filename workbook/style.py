"""One look across every view: fixed colours per actor type, focus area and status.

Colours are from the Okabe–Ito and Tableau palettes (readable for colour-blind viewers
and on a projector). A focus area's colour follows its order in the project's table.
"""

from __future__ import annotations

from typing import Iterable

from workbook import vocab

ACTOR_TYPE_COLOURS: dict[str, str] = {
    "company": "#E69F00",
    "municipality": "#0072B2",
    "higher_education": "#009E73",
    "research": "#56B4E9",
    "public_agency": "#CC79A7",
    "intermediary": "#D55E00",
    "financier": "#8C6D31",
    "association": "#F0E442",
    "other": "#999999",
}

HELIX_COLOURS: dict[str, str] = {
    "industry": "#E69F00",
    "academia": "#009E73",
    "government": "#0072B2",
    "civil_society": "#CC79A7",
}

FOCUS_AREA_PALETTE: tuple[str, ...] = (
    "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666",
)

STATUS_COLOURS: dict[str, str] = {
    "planned": "#9ecae1",
    "ongoing": "#3182bd",
    "completed": "#31a354",
    "cancelled": "#bdbdbd",
}

VERDICT_COLOURS: dict[str, str] = {
    "met": "#1a9850",
    "partly": "#fee08b",
    "not_met": "#d73027",
    "no_evidence": "#bdbdbd",
}

CATEGORY_PALETTE: tuple[str, ...] = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac",
)

assert set(ACTOR_TYPE_COLOURS) == set(vocab.ACTOR_TYPES)


def focus_area_colours(focus_area_ids: Iterable[str]) -> dict[str, str]:
    """Colour of each focus area, by its order in the project.

    Examples
    --------
    >>> focus_area_colours(["FA1", "FA2"])
    {'FA1': '#1b9e77', 'FA2': '#d95f02'}
    """
    return {fa: FOCUS_AREA_PALETTE[i % len(FOCUS_AREA_PALETTE)] for i, fa in enumerate(focus_area_ids)}


def category_colours(categories: Iterable[object]) -> dict[object, str]:
    """Colours for any other categories (communities, clusters), stable by order.

    Examples
    --------
    >>> category_colours([0, 1])[1]
    '#f28e2b'
    """
    return {c: CATEGORY_PALETTE[i % len(CATEGORY_PALETTE)] for i, c in enumerate(categories)}
