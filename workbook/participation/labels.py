"""Groups of organisations and how they are named, in Finnish and English.

A *dimension* is a way to group organisations: by actor type, quadruple-helix sphere,
company size class, sub-region or municipality. Missing values get codes of their own
(``_unknown``, ``_outside`` for organisations from outside the region, ``_anonymous``
for inputs nobody signed) so that they are counted and shown, never silently dropped.
"""

from __future__ import annotations

import pandas as pd

from workbook import vocab
from workbook.formats import number
from workbook.i18n import label, tr
from workbook.project import Project

DIMENSIONS: tuple[str, ...] = ("actor_type", "helix", "size_class", "sub_region", "municipality")

UNKNOWN = "_unknown"
OUTSIDE = "_outside"
ANONYMOUS = "_anonymous"

VOCABULARY = {"actor_type": vocab.ACTOR_TYPES, "helix": vocab.HELIX, "size_class": vocab.SIZE_CLASSES}

TEXTS = {
    UNKNOWN: {"fi": "Ei tiedossa", "en": "Not known"},
    OUTSIDE: {"fi": "Alueen ulkopuolelta", "en": "From outside the region"},
    ANONYMOUS: {"fi": "Nimetön", "en": "Anonymous"},
    "actor_type": {"fi": "Organisaatiotyyppi", "en": "Type of organisation"},
    "helix": {"fi": "Nelikantamallin sektori", "en": "Quadruple-helix sphere"},
    "size_class": {"fi": "Yrityksen kokoluokka", "en": "Company size class"},
    "sub_region": {"fi": "Seutukunta", "en": "Sub-region"},
    "municipality": {"fi": "Kunta", "en": "Municipality"},
    "activity": {"fi": "Tilaisuus", "en": "Activity"},
    "focus_area": {"fi": "Painopistealue", "en": "Focus area"},
    "kind": {"fi": "Laji", "en": "Kind"},
    "_all": {"fi": "Kaikki vastaajat", "en": "All respondents"},
    "_hidden": {"fi": "Pieni ryhmä (piilotettu)", "en": "Small group (hidden)"},
}


def actor_groups(actors: pd.DataFrame, dimension: str) -> pd.Series:
    """The group code of each actor (indexed by ``actor_id``) along ``dimension``.

    Size classes are given to companies only; other actors get ``_unknown`` there.

    Examples
    --------
    >>> actors = pd.DataFrame({"actor_id": ["A1", "A2"], "actor_type": ["company", "research"],
    ...                        "municipality": ["Kemi", None], "sub_region": ["Kemi-Tornio", None]})
    >>> actor_groups(actors, "municipality").to_dict()
    {'A1': 'Kemi', 'A2': '_outside'}
    """
    if dimension not in DIMENSIONS:
        raise ValueError(f"dimension must be one of {', '.join(DIMENSIONS)}, not {dimension!r}")
    groups = actors.set_index("actor_id")[dimension] if dimension in actors else \
        pd.Series(None, index=actors["actor_id"], dtype=object)
    missing = OUTSIDE if dimension in ("municipality", "sub_region") else UNKNOWN
    if dimension in ("municipality", "sub_region"):
        # An actor with a municipality the region does not know is still from inside it.
        outside = actors.set_index("actor_id")["municipality"].isna()
        return groups.where(groups.notna(), outside.map({True: OUTSIDE, False: UNKNOWN})).astype(object)
    return groups.fillna(missing).astype(object)


def group_order(project: Project, dimension: str) -> list[str]:
    """Every group of a dimension in display order, including groups nobody is in.

    Vocabulary order for types, spheres and size classes; every municipality and
    sub-region of the region in alphabetical order. The codes for missing values are
    not included (add them when they occur).
    """
    if dimension in VOCABULARY:
        return vocab.codes(VOCABULARY[dimension])
    municipalities = project.municipalities
    if dimension == "municipality":
        return sorted(municipalities["municipality"])
    return sorted(municipalities["sub_region"].unique())


def group_label(project: Project, dimension: str, code: object, lang: str) -> str:
    """The name of a group in ``lang``.

    Vocabulary labels for types, spheres and size classes; sub-regions in English come
    from the project's ``municipalities`` table; municipalities keep their name.
    """
    if code in TEXTS:
        return tr(TEXTS, str(code), lang)
    if dimension in VOCABULARY:
        return label(VOCABULARY[dimension], code, lang)
    if dimension == "sub_region" and lang == "en":
        names = project.municipalities.drop_duplicates("sub_region").set_index("sub_region")["sub_region_en"]
        return str(names.get(code, code))
    if dimension == "focus_area":
        return project.focus_area_name(str(code), lang)
    if dimension == "kind":
        return label(vocab.ACTIVITY_KINDS, code, lang)
    if dimension == "activity":
        titles = project.activities.set_index("activity_id")["title"]
        return f"{code} {titles.get(code, '')}".strip()
    return str(code)


def group_labels(project: Project, dimension: str, codes, lang: str) -> dict[str, str]:
    """Names of several groups at once: ``{code: name}`` (for figures and tables)."""
    return {code: group_label(project, dimension, code, lang) for code in codes}


def decimal(value: float, lang: str, digits: int = 1) -> str:
    """A number with ``digits`` decimals (:func:`workbook.formats.number`).

    Examples
    --------
    >>> decimal(0.25, "fi"), decimal(1.75, "en"), decimal(1234.5, "en", 2)
    ('0,2', '1.8', '1,234.50')
    """
    return number(value, lang, digits)


def dimension_label(dimension: str, lang: str) -> str:
    """The name of a dimension (``actor_type`` → "Type of organisation").

    Examples
    --------
    >>> dimension_label("sub_region", "fi")
    'Seutukunta'
    """
    return tr(TEXTS, dimension, lang)
