"""Built-in regional reference data.

A project may ship its own ``municipalities`` table (municipality, sub_region); a project
whose region is Lapland and ships none uses the list below.
"""

from __future__ import annotations

import pandas as pd

LAPLAND_NAMES = frozenset({"lapland", "lappi", "lapin maakunta"})

# Sub-region (seutukunta) -> municipalities, as in DESIGN.md.
LAPLAND_SUB_REGIONS: dict[str, tuple[str, ...]] = {
    "Itä-Lappi": ("Kemijärvi", "Pelkosenniemi", "Posio", "Salla", "Savukoski"),
    "Kemi-Tornio": ("Kemi", "Keminmaa", "Simo", "Tervola", "Tornio"),
    "Pohjois-Lappi": ("Inari", "Sodankylä", "Utsjoki"),
    "Rovaniemi": ("Ranua", "Rovaniemi"),
    "Tornionlaakso": ("Pello", "Ylitornio"),
    "Tunturi-Lappi": ("Enontekiö", "Kittilä", "Kolari", "Muonio"),
}

LAPLAND_SUB_REGION_EN: dict[str, str] = {
    "Itä-Lappi": "Eastern Lapland",
    "Kemi-Tornio": "Kemi-Tornio",
    "Pohjois-Lappi": "Northern Lapland",
    "Rovaniemi": "Rovaniemi",
    "Tornionlaakso": "Torne Valley",
    "Tunturi-Lappi": "Fell Lapland",
}


def lapland_municipalities() -> pd.DataFrame:
    """Lapland's 21 municipalities with their sub-regions in Finnish and English.

    Examples
    --------
    >>> table = lapland_municipalities()
    >>> len(table), table.loc[table.municipality == "Inari", "sub_region_en"].item()
    (21, 'Northern Lapland')
    """
    rows = [
        {"municipality": m, "sub_region": sub, "sub_region_en": LAPLAND_SUB_REGION_EN[sub]}
        for sub, members in LAPLAND_SUB_REGIONS.items()
        for m in members
    ]
    return pd.DataFrame(rows).sort_values("municipality", ignore_index=True)


def is_lapland(region: str | None) -> bool:
    """Whether a project's region setting names Lapland.

    Examples
    --------
    >>> is_lapland("Lappi"), is_lapland("Pirkanmaa")
    (True, False)
    """
    return (region or "").strip().casefold() in LAPLAND_NAMES
