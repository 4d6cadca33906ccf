"""Contact details typed into free text: found, masked at load time, shown per language.

Respondents write phone numbers and e-mail addresses into open answers ("soita 040 123
4567", "teppo(at)example.fi"). :func:`mask_contact_details` replaces each with a
language-neutral placeholder (:data:`PHONE_TOKEN`, :data:`EMAIL_TOKEN`) as soon as the
answer is read, so the raw details never reach a table; :func:`render` writes the
placeholder in the reader's language ("[puhelin]" / "[phone]") when the text is shown.

What is masked
    E-mail addresses, also obfuscated: ``teppo(at)example.fi``, ``[at]``, ``{at}``, ``(a)``,
    `` at ``, ``(ät)``, with dots written ``(dot)``, ``[dot]``, `` dot `` or ``(piste)``.
    Phone numbers: international ones (``+46 70 123 45 67``, ``+358 (0)40 123 4567``,
    ``+358401234567``, ``00358 40 123 4567``); Finnish ones beginning with the trunk 0
    (``040 123 4567``, ``(09) 123 4567``, ``040/123 4567``, ``040.123.4567``,
    ``040-1234567``); and any run of 6 to 15 digits right after "puh", "tel", "phone",
    "gsm" or "mob".

What is kept
    Ordinary numbers: years (2023), money (1 500 €), percentages, dates (6.2.2024,
    06.02.2024), times (09.00-12.00), postal codes, business IDs (0245437-2).

What cannot be masked
    Names of people typed in free text: no rule finds them reliably. Reports say so, and
    the project setting ``open_answers = hide`` leaves open answers out of every output.
"""

from __future__ import annotations

import re

from workbook.i18n import tr

PHONE_TOKEN = "\u27e6phone\u27e7"
"""Placeholder of a masked phone number in stored text (⟦phone⟧)."""
EMAIL_TOKEN = "\u27e6email\u27e7"
"""Placeholder of a masked e-mail address in stored text (⟦email⟧)."""
NAME_TOKEN = "\u27e6name\u27e7"
"""Placeholder of a respondent's name found in the export's name columns (⟦name⟧)."""

TEXTS = {
    "phone": {"fi": "[puhelinnumero]", "en": "[phone number]"},
    "email": {"fi": "[sähköpostiosoite]", "en": "[e-mail address]"},
    "name": {"fi": "[nimi]", "en": "[name]"},
    "shown_as_written": {
        "fi": "Avoimet vastaukset näytetään sellaisinaan, kun niistä on poistettu puhelinnumerot ja sähköpostiosoitteet. Vastauksiin kirjoitettuja henkilöiden nimiä ei voi tunnistaa luotettavasti, joten ne voivat näkyä. Avoimet vastaukset voi jättää kokonaan pois asetuksella open_answers = hide.",
        "en": "Open answers are shown as written, after phone numbers and e-mail addresses have been masked. Names of people typed into the answers cannot be found reliably, so they may appear. Open answers can be left out entirely with the setting open_answers = hide.",
    },
    "hidden_by_setting": {
        "fi": "Avoimia vastauksia ei julkaista (projektin asetus open_answers = hide).",
        "en": "Open answers are not published (project setting open_answers = hide).",
    },
}

SHOW, HIDE = "show", "hide"
"""Values of the project setting ``open_answers`` (default ``show``)."""


def open_answers_shown(settings: dict) -> bool:
    """Whether the project publishes open answers (setting ``open_answers``, default ``show``).

    Examples
    --------
    >>> open_answers_shown({}), open_answers_shown({"open_answers": "hide"})
    (True, False)
    """
    return settings.get("open_answers", SHOW) != HIDE

_SPACE = r"[ \t\u00a0]"
_AT = (rf"(?:{_SPACE}*@{_SPACE}*|{_SPACE}*[(\[{{]{_SPACE}*(?:at|a|ät|miukumauku){_SPACE}*[)\]}}]{_SPACE}*"
       rf"|{_SPACE}+(?:at|ät){_SPACE}+)")
_DOT = (rf"(?:\.|{_SPACE}*[(\[{{]{_SPACE}*(?:dot|piste|period){_SPACE}*[)\]}}]{_SPACE}*"
        rf"|{_SPACE}+(?:dot|piste){_SPACE}+)")
_WORD = r"[\w+\-]+"
EMAIL = re.compile(rf"(?<![\w.+\-]){_WORD}(?:{_DOT}{_WORD})*{_AT}[\w\-]+(?:{_DOT}[\w\-]+)*{_DOT}[a-z]{{2,24}}(?![\w])",
                   re.IGNORECASE)
"""An e-mail address, plain or obfuscated."""

_GROUP = r"\(?\+?\d+\)?\d*"
_SEPARATOR = rf"(?:{_SPACE}?/{_SPACE}?|{_SPACE}|[\-.])"
PHONE_CANDIDATE = re.compile(rf"(?<![\w+./,\-]){_GROUP}(?:{_SEPARATOR}{_GROUP})*(?![\w]|[.,]\d)")
"""A run of digit groups that may be a phone number (see :func:`is_phone`)."""
_PHONE_WORD = re.compile(r"(?:puh|puhelin|tel|phone|gsm|mob|mobile|p)\.?:?" + _SPACE + r"*$", re.IGNORECASE)
_DATE = re.compile(r"^\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})$")
_BUSINESS_ID = re.compile(r"^\d{7}-\d$")


def is_phone(candidate: str, before: str = "") -> bool:
    """Whether a run of digits (a :data:`PHONE_CANDIDATE` match) is a phone number;
    ``before`` is the text just before it ("puh. ").

    Examples
    --------
    >>> [is_phone(s) for s in ("040 123 4567", "(09) 123 4567", "+46 70 123 45 67", "2023", "6.2.2024")]
    [True, True, True, False, False]
    >>> is_phone("0245437-2"), is_phone("09.00-12.00"), is_phone("401234567", before="puh. ")
    (False, False, True)
    """
    digits = re.sub(r"\D", "", candidate)
    bare = candidate.lstrip("(")
    if bare.startswith("+") or (digits.startswith("00") and len(digits) >= 9):
        return 7 <= len(digits) <= 15
    if _PHONE_WORD.search(before[-12:]) and 6 <= len(digits) <= 15:
        return True
    if not bare.startswith("0") or _DATE.match(candidate) or _BUSINESS_ID.match(candidate):
        return False
    groups = re.findall(r"\d+", candidate)
    # Dates and times are groups of one or two digits (06.02.24, 09.00-12.00); numbers are not.
    return 7 <= len(digits) <= 12 and max(len(group) for group in groups) >= 3


def mask_contact_details(text: str) -> str:
    """Replace e-mail addresses and phone numbers with the placeholders
    :data:`EMAIL_TOKEN` and :data:`PHONE_TOKEN` (shown per language by :func:`render`).

    Examples
    --------
    >>> mask_contact_details("Soita 040 123 4567 tai teppo(at)example(dot)fi")
    'Soita ⟦phone⟧ tai ⟦email⟧'
    >>> mask_contact_details("Vuonna 2023 saimme 1 500 € (45 %), 6.2.2024.")
    'Vuonna 2023 saimme 1 500 € (45 %), 6.2.2024.'
    """
    text = EMAIL.sub(EMAIL_TOKEN, text)

    def phone(match: re.Match) -> str:
        candidate = match.group(0)
        # A trailing ")" that opened nowhere belongs to the sentence, not the number.
        trailing = ""
        while candidate.endswith(")") and candidate.count(")") > candidate.count("("):
            candidate, trailing = candidate[:-1], ")" + trailing
        return _mask_run(candidate, text[max(0, match.start() - 12):match.start()]) + trailing

    return PHONE_CANDIDATE.sub(phone, text)


def _mask_run(run: str, before: str) -> str:
    """Mask the phone numbers in a run of digit groups: the whole run, or else, from the
    left, the longest stretch of its space-separated pieces that is one ("vuonna 2023 040
    123 4567", "040 123 4567 050 765 4321")."""
    if is_phone(run, before):
        return PHONE_TOKEN
    pieces = [(m.start(), m.end()) for m in re.finditer(r"\S+", run)]
    for first in range(len(pieces)):
        for length in range(len(pieces) - first, 0, -1):
            if first == 0 and length == len(pieces):
                continue
            start, end = pieces[first][0], pieces[first + length - 1][1]
            part = run[start:end]
            if PHONE_CANDIDATE.fullmatch(part) and is_phone(part, (before + run[:start])[-12:]):
                rest = run[end:]
                stripped = rest.lstrip()
                return run[:start] + PHONE_TOKEN + rest[:len(rest) - len(stripped)] + \
                    (_mask_run(stripped, "") if stripped else "")
    return run


def render(text: str, lang: str) -> str:
    """Write the placeholders of masked contact details in ``lang``.

    Examples
    --------
    >>> render("Soita ⟦phone⟧", "en"), render("⟦email⟧, ⟦name⟧", "fi")
    ('Soita [phone number]', '[sähköpostiosoite], [nimi]')
    """
    if not isinstance(text, str) or "\u27e6" not in text:
        return text
    for token, key in ((PHONE_TOKEN, "phone"), (EMAIL_TOKEN, "email"), (NAME_TOKEN, "name")):
        text = text.replace(token, tr(TEXTS, key, lang))
    return text
