"""Simple keyword themes for open answers, in Finnish and English.

How it works, so that nobody mistakes it for more than it is: each word of an answer is
lemmatised with simplemma in Finnish *and* in English (answers may be in either), and the
answer belongs to every theme one of whose keywords equals a lemma. Finnish compounds are
caught by their last part (the head of a Finnish compound) when the keyword has at least
``SUFFIX_MIN`` letters ("rakennuslupa" → permits, "asiakasdata" → data) and by their first
part when it has at least ``PREFIX_MIN`` ("matkailuyritys" → tourism), so "lupa" (permit)
does not catch "lupaus" (promise). The placeholders the loader puts in place of e-mail
addresses and phone numbers are ignored. An answer can belong to several themes or to
none. The list below is the whole method: read it before reading the counts, and extend it
for a new region's vocabulary.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd
import simplemma

from workbook.i18n import tr

SUFFIX_MIN = 4
PREFIX_MIN = 5

# theme -> (Finnish label, English label, keywords as lemmas in either language)
THEMES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "funding": ("Rahoitus", "Funding", (
        "rahoitus", "rahoittaa", "rahoittaja", "raha", "avustus", "investointi", "budjetti",
        "funding", "fund", "finance", "financing", "money", "grant", "investment", "budget")),
    "skills": ("Osaaminen ja koulutus", "Skills and education", (
        "osaaminen", "osaaja", "koulutus", "kouluttaa", "oppilaitos", "opiskelija", "taito", "tutkinto",
        "skill", "education", "training", "competence", "student", "university")),
    "workforce": ("Työvoima", "Workforce", (
        "työvoima", "työntekijä", "rekrytointi", "rekrytoida", "työpaikka", "työllisyys",
        "labour", "labor", "workforce", "recruitment", "recruit", "employee", "job")),
    "cooperation": ("Yhteistyö ja verkostot", "Cooperation and networks", (
        "yhteistyö", "verkosto", "kumppanuus", "kumppani", "verkostoituminen",
        "cooperation", "collaboration", "network", "partnership", "partner", "together")),
    "digital": ("Digitalisaatio ja data", "Digitalisation and data", (
        "digitalisaatio", "digitaalinen", "data", "ohjelmisto", "verkkopalvelu",
        "digital", "digitalisation", "digitalization", "software", "platform")),
    "tourism": ("Matkailu ja luonto", "Tourism and nature", (
        "matkailu", "matkailija", "elämys", "luonto", "safari", "hyvinvointi",
        "tourism", "tourist", "travel", "nature", "experience", "wellbeing", "wellness")),
    "circular": ("Kiertotalous ja ympäristö", "Circular economy and environment", (
        "kiertotalous", "kierrätys", "sivuvirta", "jäte", "ympäristö", "ilmasto", "päästö",
        "circular", "recycling", "recycle", "waste", "environment", "climate", "emission")),
    "energy": ("Energia", "Energy", (
        "energia", "vety", "tuulivoima", "bioenergia", "sähköverkko",
        "energy", "hydrogen", "wind", "electricity", "power")),
    "transport": ("Saavutettavuus ja liikenne", "Accessibility and transport", (
        "saavutettavuus", "liikenne", "logistiikka", "rautatie", "lentoyhteys", "tiestö", "tieverkko",
        "kuljetus", "junayhteys",
        "accessibility", "transport", "logistics", "railway", "rail", "road", "flight")),
    "permits": ("Luvat ja sääntely", "Permits and regulation", (
        "lupa", "lupaprosessi", "lupakäsittely", "sääntely", "byrokratia", "kaavoitus", "lainsäädäntö",
        "permit", "permitting", "regulation", "bureaucracy", "licence", "license", "zoning")),
    "international": ("Kansainvälisyys ja vienti", "Internationalisation and exports", (
        "kansainvälinen", "kansainvälistyminen", "vienti", "ulkomaa",
        "international", "internationalisation", "export", "abroad")),
}

TEXTS = {key: {"fi": fi, "en": en} for key, (fi, en, _) in THEMES.items()}

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
PLACEHOLDER = re.compile(r"\u27e6[^\u27e7]*\u27e7|\[[^\]]*\]")  # the loader's "⟦email⟧", or "[…]" typed


@lru_cache(maxsize=20_000)
def _lemmas_of_word(word: str) -> frozenset[str]:
    forms = {word, simplemma.lemmatize(word, lang="fi"), simplemma.lemmatize(word, lang="en")}
    return frozenset(form.casefold().strip(".-") for form in forms)


def lemmas(text: str) -> set[str]:
    """The lemmas of every word of ``text``, in Finnish and in English, lower-case.

    Examples
    --------
    >>> sorted(lemmas("Rahoitusta!") & {"rahoitus"})
    ['rahoitus']
    """
    found: set[str] = set()
    for word in WORD.findall(PLACEHOLDER.sub(" ", text.casefold())):
        for part in [word, *word.split("-")]:
            found |= _lemmas_of_word(part)
    return found


def _matches(lemma: str, keyword: str) -> bool:
    return lemma == keyword or (len(keyword) >= SUFFIX_MIN and lemma.endswith(keyword)) or (
        len(keyword) >= PREFIX_MIN and lemma.startswith(keyword))


def themes_of(text: object) -> tuple[str, ...]:
    """The themes an answer belongs to, in the order of ``THEMES``.

    Examples
    --------
    >>> themes_of("Tarvitsemme lisää rahoitusta ja osaavaa työvoimaa")
    ('funding', 'workforce')
    >>> themes_of("More money for training")
    ('funding', 'skills')
    >>> themes_of("Lupaus pidettiin")
    ()
    """
    if not isinstance(text, str) or not text.strip():
        return ()
    return _themes_of_text(text)


@lru_cache(maxsize=50_000)
def _themes_of_text(text: str) -> tuple[str, ...]:
    # Cached: a page lists the answers and counts their themes, so each text is asked twice.
    found = lemmas(text)
    return tuple(theme for theme, (_, _, keywords) in THEMES.items()
                 if any(_matches(lemma, keyword) for lemma in found for keyword in keywords))


def theme_label(theme: str, lang: str) -> str:
    """The name of a theme in ``lang``."""
    return tr(TEXTS, theme, lang)


def theme_counts(themes: pd.Series) -> pd.DataFrame:
    """How many answers belong to each theme (``themes``: one tuple of themes per answer).

    Returns every theme in ``THEMES`` order with ``answers`` and ``share`` (of all
    answers; shares add up to more than 1 when answers have several themes).

    Examples
    --------
    >>> theme_counts(pd.Series([("funding",), ("funding", "skills"), ()])).head(2).to_dict("list")
    {'theme': ['funding', 'skills'], 'answers': [2, 1], 'share': [0.6666666666666666, 0.3333333333333333]}
    """
    counts = themes.explode().value_counts()
    frame = pd.DataFrame({"theme": list(THEMES)})
    frame["answers"] = frame["theme"].map(counts).fillna(0).astype(int)
    frame["share"] = frame["answers"] / len(themes) if len(themes) else 0.0
    return frame
