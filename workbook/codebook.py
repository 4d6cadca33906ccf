"""What a survey's answers mean: "no answer" values, scale labels and answer mappings.

A survey tool writes answers as people read them ("Täysin samaa mieltä", "Yhdistys",
"rovaniemi ", "En osaa sanoa"); the codebook (``survey_questions``) says what they mean.
This module holds the defaults every survey gets and reads the per-question additions:

``no_answer``
    Extra answers that mean "no answer" (``;``-separated, e.g. ``99``). Every question
    already treats :data:`NO_ANSWER` ("En osaa sanoa", "EOS", "Ei vastausta", "Don't know",
    "N/A" …) and an empty cell as no answer. A "no answer" is counted apart and never
    enters a mean or a share.
``labels``
    ``answer=meaning`` pairs (``;``-separated): for a Likert question the scale point
    (``Erittäin tärkeä=5``), for an organisation-type question the actor type
    (``Matkailuyhdistys=association``), for a municipality the municipality
    (``Rovaniemen kaupunki=Rovaniemi``), for a choice question the option
    (``A1=Kiertotalous``, as LimeSurvey writes answer codes).

Likert questions also accept, without any labels, the usual Finnish and English 5- and
7-point agreement scales (:data:`SCALE_LABELS`), and organisation-type questions the
usual Finnish and English wordings (:data:`ACTOR_TYPE_WORDS`). Every comparison ignores
case, surrounding and repeated spaces, and spaces around ``/``.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping

from workbook import vocab

# Answers that mean "no answer" in every survey (compared after :func:`normalise`).
NO_ANSWER: tuple[str, ...] = (
    "En osaa sanoa", "EOS", "Ei vastausta", "En halua vastata", "En halua sanoa", "Ei osaa sanoa",
    "Ei kantaa", "En tiedä", "Ei mielipidettä",
    "Don't know", "Do not know", "Dont know", "DK", "N/A", "NA", "n.a.", "Not applicable",
    "Prefer not to say", "No answer", "No opinion", "Cannot say", "Can't say", "-", "–",
)

# The usual agreement scales: number of points -> answer text -> scale point.
_AGREE_5 = {
    "Täysin eri mieltä": 1, "Jokseenkin eri mieltä": 2, "Osittain eri mieltä": 2, "Eri mieltä": 2,
    "Ei samaa eikä eri mieltä": 3, "En samaa enkä eri mieltä": 3, "Neutraali": 3,
    "Jokseenkin samaa mieltä": 4, "Osittain samaa mieltä": 4, "Samaa mieltä": 4, "Täysin samaa mieltä": 5,
    "Strongly disagree": 1, "Disagree": 2, "Somewhat disagree": 2, "Neither agree nor disagree": 3,
    "Neutral": 3, "Somewhat agree": 4, "Agree": 4, "Strongly agree": 5,
}
_AGREE_7 = {
    "Täysin eri mieltä": 1, "Eri mieltä": 2, "Jokseenkin eri mieltä": 3, "Osittain eri mieltä": 3,
    "Ei samaa eikä eri mieltä": 4, "En samaa enkä eri mieltä": 4, "Neutraali": 4,
    "Jokseenkin samaa mieltä": 5, "Osittain samaa mieltä": 5, "Samaa mieltä": 6, "Täysin samaa mieltä": 7,
    "Strongly disagree": 1, "Disagree": 2, "Somewhat disagree": 3, "Neither agree nor disagree": 4,
    "Neutral": 4, "Somewhat agree": 5, "Agree": 6, "Strongly agree": 7,
}
SCALE_LABELS: Mapping[int, Mapping[str, int]] = {5: _AGREE_5, 7: _AGREE_7}

# Usual wordings of organisation types in survey tools -> actor type code.
ACTOR_TYPE_WORDS: Mapping[str, str] = {
    **{w: "company" for w in (
        "Yritys", "Yrittäjä", "Yritys tai yrittäjä", "Yritys/yrittäjä", "Yksityinen yritys", "Pk-yritys",
        "Mikroyritys", "Osakeyhtiö", "Elinkeinonharjoittaja", "Toiminimi", "Startup", "Yksityinen sektori",
        "Company", "Business", "Enterprise", "Private company", "Entrepreneur", "Company/entrepreneur",
        "SME", "Private sector", "Firm")},
    **{w: "municipality" for w in (
        "Kunta", "Kaupunki", "Kunta/kaupunki", "Kaupunki/kunta", "Kunta tai kaupunki", "Kaupunki tai kunta",
        "Kunta tai kuntayhtymä", "Municipality", "City", "Town", "City/municipality", "Municipality/city",
        "Local authority", "Local government")},
    **{w: "higher_education" for w in (
        "Korkeakoulu", "Yliopisto", "Ammattikorkeakoulu", "AMK", "Korkeakoulu tai yliopisto", "Oppilaitos",
        "Koulutusorganisaatio", "Koulutuksen järjestäjä", "Toisen asteen oppilaitos", "Ammatillinen oppilaitos",
        "Higher education", "Higher education institution", "University", "University of applied sciences",
        "Polytechnic", "Educational institution", "Education provider", "School", "Vocational school")},
    **{w: "research" for w in (
        "Tutkimuslaitos", "Tutkimusorganisaatio", "Tutkimuskeskus", "Research institute",
        "Research organisation", "Research organization", "Research centre", "Research center")},
    **{w: "public_agency" for w in (
        "Julkinen organisaatio", "Julkinen toimija", "Julkinen sektori", "Viranomainen", "Valtion virasto",
        "Valtionhallinto", "Virasto", "ELY-keskus", "Maakuntaliitto", "Liitto", "Kuntayhtymä", "Hyvinvointialue",
        "Public organisation", "Public organization", "Public agency", "Public sector", "Government agency",
        "Authority", "Public authority", "Regional council")},
    **{w: "intermediary" for w in (
        "Kehittämisyhtiö", "Kehitysyhtiö", "Kehittäjäorganisaatio", "Kehittämisorganisaatio", "Elinkeinoyhtiö",
        "Yrityspalveluorganisaatio", "Klusteri", "Hanke", "Kehittämishanke", "Development company",
        "Regional development company", "Development organisation", "Development organization", "Intermediary",
        "Business development organisation", "Cluster", "Project")},
    **{w: "financier" for w in (
        "Rahoittaja", "Rahoituslaitos", "Sijoittaja", "Pankki", "Financier", "Funder", "Funding body",
        "Investor", "Bank")},
    **{w: "association" for w in (
        "Yhdistys", "Järjestö", "Säätiö", "Yhdistys tai järjestö", "Järjestö tai yhdistys",
        "Yhdistys/järjestö", "Järjestö/yhdistys", "Yhdistys, järjestö tai säätiö", "Kolmas sektori",
        "Kansalaisjärjestö", "Seura", "Osuuskunta", "Association", "NGO", "Non-profit", "Nonprofit",
        "Non-profit organisation", "Non-profit organization", "Foundation", "Society", "Third sector",
        "Civil society organisation", "Civil society organization", "Cooperative")},
    **{w: "other" for w in ("Muu", "Muu, mikä?", "Muu, mikä", "Jokin muu", "Other", "Other, what?", "Other:",
                            "Yksityishenkilö", "Private person", "Individual")},
}

# Cell values of an option column ("Question: Option") that mean chosen / not chosen.
CHOSEN: tuple[str, ...] = ("1", "x", "y", "yes", "kyllä", "true", "valittu", "selected", "checked", "on")
NOT_CHOSEN: tuple[str, ...] = ("0", "n", "no", "ei", "false", "off")

_SPACES = re.compile(r"\s+")
_AROUND_SLASH = re.compile(r"\s*/\s*")
_PARENTHESES = re.compile(r"\s*\([^)]*\)\s*")
_LEADING_NUMBER = re.compile(r"^\s*(-?\d+)\s*(?:[=:.)\-–]\s*|\s+)(\S.*)$")
_OTHER = re.compile(r"^(muu|jokin muu|other|something else)\b", re.IGNORECASE)


def normalise(text: object) -> str:
    """Text as compared: case-folded, spaces collapsed, no spaces around ``/``, no trailing ``:``.

    Examples
    --------
    >>> normalise("  Kunta / Kaupunki ") == normalise("kunta/kaupunki")
    True
    """
    folded = _SPACES.sub(" ", str(text).replace("\u00a0", " ")).strip().casefold()
    return _AROUND_SLASH.sub("/", folded).rstrip(":").strip()


_NO_ANSWER = frozenset(normalise(v) for v in NO_ANSWER)
_ACTOR_WORDS = {normalise(k): v for k, v in ACTOR_TYPE_WORDS.items()}
_SCALES = {points: {normalise(k): v for k, v in labels.items()} for points, labels in SCALE_LABELS.items()}


def split_list(cell: object) -> list[str]:
    """The ``;``-separated items of a codebook cell, stripped, blanks dropped.

    Examples
    --------
    >>> split_list(" 99; EOS ;")
    ['99', 'EOS']
    """
    if cell is None or (isinstance(cell, float) and cell != cell):
        return []
    return [item.strip() for item in str(cell).split(";") if item.strip()]


def parse_labels(cell: object) -> dict[str, str]:
    """The ``answer=meaning`` pairs of a codebook ``labels`` cell, keyed by normalised answer.

    Raises ``ValueError`` naming the first item that has no ``=``.

    Examples
    --------
    >>> parse_labels("Erittäin tärkeä = 5; A1=Kiertotalous")
    {'erittäin tärkeä': '5', 'a1': 'Kiertotalous'}
    """
    pairs = {}
    for item in split_list(cell):
        answer, sep, meaning = item.rpartition("=")
        if not sep or not answer.strip() or not meaning.strip():
            raise ValueError(item)
        pairs[normalise(answer)] = meaning.strip()
    return pairs


def is_no_answer(value: object, extra: Iterable[str] = (), options: Iterable[str] = ()) -> bool:
    """Whether an answer means "no answer": blank, a default (:data:`NO_ANSWER`) or an
    ``extra`` value of the question. A value that is one of the question's own
    ``options`` is an answer, even if it looks like "no answer".

    Examples
    --------
    >>> is_no_answer(" eos "), is_no_answer("99", ["99"]), is_no_answer("EOS", options=["EOS"])
    (True, True, False)
    """
    if value is None or (isinstance(value, float) and value != value):
        return True
    key = normalise(value)
    if not key:
        return True
    if key in {normalise(o) for o in options}:
        return False
    return key in _NO_ANSWER or key in {normalise(e) for e in extra}


def scale_point(value: object, low: int, high: int, labels: Mapping[str, str] | None = None) -> int | None:
    """The scale point an answer means on a ``low``–``high`` scale, or ``None``.

    Accepts the number itself, a number in front of its label ("4 – Samaa mieltä"), the
    question's own ``labels`` and the default agreement scale with as many points.

    Examples
    --------
    >>> scale_point("Täysin samaa mieltä", 1, 5), scale_point("Agree", 1, 7), scale_point("4 = Hyvä", 1, 5)
    (5, 6, 4)
    >>> scale_point("Erittäin tärkeä", 1, 5, {"erittäin tärkeä": "5"}), scale_point(9, 1, 5)
    (5, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        key = normalise(value)
        if labels and key in labels:
            return scale_point(labels[key], low, high)
        default = _SCALES.get(high - low + 1, {}).get(key)
        if default is not None:
            return default + low - 1
        lead = _LEADING_NUMBER.match(str(value))
        text = lead.group(1) if lead else key.replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            return None
    return int(number) if number.is_integer() and low <= number <= high else None


def known_scale(values: Iterable[object]) -> int | None:
    """The number of points of a default agreement scale that explains every label in
    ``values`` (5 before 7), or ``None``.

    Examples
    --------
    >>> known_scale(["Samaa mieltä", "Täysin eri mieltä"]), known_scale(["Kyllä"])
    (5, None)
    >>> known_scale(["Jokseenkin samaa mieltä", "Samaa mieltä", "Täysin samaa mieltä"])
    7
    """
    keys = {normalise(v) for v in values}
    if not keys:
        return None
    for points, labels in _SCALES.items():
        # Different labels must mean different points ("Jokseenkin samaa" and "Samaa mieltä": 7 points).
        if keys <= set(labels) and len({labels[k] for k in keys}) == len(keys):
            return points
    return None


def actor_type(value: object, labels: Mapping[str, str] | None = None) -> str | None:
    """The actor type code an answer means, or ``None``.

    Looks in the question's ``labels``, then at the workbook's codes and fi/en labels
    (``vocab.ACTOR_TYPES``), then at the usual wordings (:data:`ACTOR_TYPE_WORDS`), also
    with an explanation in brackets left out ("Julkinen organisaatio (esim. ELY-keskus)").

    Examples
    --------
    >>> [actor_type(v) for v in ("Yhdistys", "julkinen  organisaatio", "Kunta / kaupunki", "Company")]
    ['association', 'public_agency', 'municipality', 'company']
    >>> actor_type("Kylätoimikunta", {"kylätoimikunta": "association"}), actor_type("Avaruusolio")
    ('association', None)
    """
    key = normalise(value)
    if labels and key in labels:
        return actor_type(labels[key])
    code = vocab.code_for(vocab.ACTOR_TYPES, key)
    if code:
        return code
    for candidate in (key, normalise(_PARENTHESES.sub(" ", key))):
        if candidate in _ACTOR_WORDS:
            return _ACTOR_WORDS[candidate]
    if _OTHER.match(key):
        return "other"
    return None


def municipality(value: object, municipalities: Iterable[str], labels: Mapping[str, str] | None = None) -> str | None:
    """The municipality an answer names (case, spaces and hyphens tolerated), or ``None``.

    Examples
    --------
    >>> municipality(" ROVANIEMI ", ["Rovaniemi", "Kemi"]), municipality("Oulu", ["Kemi"])
    ('Rovaniemi', None)
    >>> municipality("Rovaniemen kaupunki", ["Rovaniemi"], {"rovaniemen kaupunki": "Rovaniemi"})
    'Rovaniemi'
    """
    names = list(municipalities)
    key = normalise(value)
    if labels and key in labels:
        key = normalise(labels[key])
    squeeze = lambda text: normalise(text).replace("-", "").replace(" ", "")  # noqa: E731
    return next((m for m in names if normalise(m) == key), None) or next(
        (m for m in names if squeeze(m) == squeeze(key)), None)


def option(value: object, options: Iterable[str], labels: Mapping[str, str] | None = None) -> str | None:
    """The option of a choice question an answer (or its code in ``labels``) stands for.

    With no options declared, any answer is its own option.

    Examples
    --------
    >>> option("a1", ["Kiertotalous"], {"a1": "Kiertotalous"}), option("kiertotalous ", ["Kiertotalous"])
    ('Kiertotalous', 'Kiertotalous')
    """
    options = list(options)
    key = normalise(value)
    if labels and key in labels:
        key = normalise(labels[key])
        if not options:
            return labels[normalise(value)]
    if not options:
        return str(value).strip()
    return next((o for o in options if normalise(o) == key), None)


def is_other_option(name: str) -> bool:
    """Whether an option is the free-text "other" one ("Muu, mikä?", "Other").

    Examples
    --------
    >>> is_other_option("Muu, mikä?"), is_other_option("Muotoilu")
    (True, False)
    """
    return bool(_OTHER.match(normalise(name)))


def chosen_cell(value: object, option_name: str, labels: Mapping[str, str] | None = None) -> bool | None:
    """Whether an option column's cell says the option was chosen: ``True``, ``False``,
    or ``None`` when the cell means neither.

    Chosen: 1, X, Y, Yes/Kyllä, the option's own text (or its code); not chosen: blank,
    0, N, No/Ei. The free-text "other" option counts as chosen whatever is written.

    Examples
    --------
    >>> [chosen_cell(v, "Rahoitus") for v in ("X", 1, "", "0", "rahoitus", "Banaani")]
    [True, True, False, False, True, None]
    """
    if value is None or (isinstance(value, float) and value != value):
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return True if value == 1 else False if value == 0 else None
    key = normalise(value)
    if not key or key in NOT_CHOSEN:
        return False
    if key in CHOSEN or key == normalise(option_name):
        return True
    if labels and key in labels and normalise(labels[key]) == normalise(option_name):
        return True
    return True if is_other_option(option_name) else None
