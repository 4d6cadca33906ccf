"""Names, column headers and vocabulary labels for the action-plan tables, in Finnish and English.

The analyses return codes (``status = "ongoing"``) and snake_case columns so that other
code can rely on them; :func:`for_display` turns any of their tables into what a reader
sees: translated headers, vocabulary labels, lists joined with ``;``, shares as percentages.
"""

from __future__ import annotations

from typing import Mapping

import pandas as pd

from workbook import formats, vocab
from workbook.i18n import check_lang, label, percent, tr
from workbook.project import Project

# Codes the action-plan tables use beside those of workbook.vocab.
ROLES: vocab.Labels = {
    "owner": {"fi": "Vastuutaho", "en": "Owner"},
    "partner": {"fi": "Kumppani", "en": "Partner"},
}

# Outcome of a plan check, and the verdict on an EU S3 criterion (colours in workbook.style).
CHECK_RESULTS: vocab.Labels = {
    "ok": {"fi": "✓ Kunnossa", "en": "✓ OK"},
    "finding": {"fi": "✗ Korjattavaa", "en": "✗ To fix"},
    "not_checked": {"fi": "? Ei voitu tarkistaa", "en": "? Could not be checked"},
}
VERDICTS: vocab.Labels = {
    "met": {"fi": "✓ Näyttö löytyy", "en": "✓ Evidence found"},
    "partly": {"fi": "◐ Osittainen näyttö", "en": "◐ Partial evidence"},
    "not_met": {"fi": "✗ Puute", "en": "✗ Gap"},
    "no_evidence": {"fi": "? Ei aineistossa", "en": "? Not in the data"},
}

FUNDING_NOT_STATED = "not_stated"
# Group codes beside the vocabularies: inputs given without an organisation, every input,
# and the Sankey node for inputs that no action names.
ANONYMOUS = "anonymous"
TOTAL = "total"
NO_ACTION = "no_action"

TEXTS = {
    "funding_not_stated": {"fi": "Rahoituslähde ilmoittamatta", "en": "Funding source not stated"},
    "anonymous": {"fi": "Anonyymi (ei organisaatiota)", "en": "Anonymous (no organisation)"},
    "no_action": {"fi": "Ei johtanut toimenpiteeseen", "en": "Led to no action"},
    "total": {"fi": "Yhteensä", "en": "Total"},
    "quarter": {"fi": "Q{q}/{year}", "en": "Q{q} {year}"},
}

HEADERS = {
    "action_id": {"fi": "Toimenpide", "en": "Action"},
    "title": {"fi": "Toimenpiteen nimi", "en": "Action title"},
    "focus_area_id": {"fi": "Painopistealueen tunniste", "en": "Focus area id"},
    "focus_area": {"fi": "Painopistealue", "en": "Focus area"},
    "focus_areas": {"fi": "Painopistealueet", "en": "Focus areas"},
    "owner_actor_id": {"fi": "Vastuutahon tunniste", "en": "Owner id"},
    "owner": {"fi": "Vastuutaho", "en": "Owner"},
    "owner_type": {"fi": "Vastuutahon tyyppi", "en": "Type of owner"},
    "partners": {"fi": "Kumppanit", "en": "Partners"},
    "partner_actor_ids": {"fi": "Kumppanien tunnisteet", "en": "Partner ids"},
    "start": {"fi": "Alkaa", "en": "Starts"},
    "end": {"fi": "Päättyy", "en": "Ends"},
    "start_quarter": {"fi": "Alkuneljännes", "en": "First quarter"},
    "schedule": {"fi": "Aikataulu", "en": "Schedule"},
    "bar_start": {"fi": "Alkuneljännes alkaa", "en": "First quarter begins"},
    "bar_end": {"fi": "Loppuneljännes päättyy", "en": "Last quarter ends"},
    "dated": {"fi": "Aikataulu annettu", "en": "Has dates"},
    "end_quarter": {"fi": "Loppuneljännes", "en": "Last quarter"},
    "budget_eur": {"fi": "Budjetti (€)", "en": "Budget (€)"},
    "funding": {"fi": "Rahoituslähde", "en": "Funding source"},
    "funding_sources": {"fi": "Rahoituslähteet", "en": "Funding sources"},
    "status": {"fi": "Tila", "en": "Status"},
    "indicator_ids": {"fi": "Mittarit", "en": "Indicators"},
    "source_input_ids": {"fi": "Lähtöideat", "en": "Source inputs"},
    "actions": {"fi": "Toimenpiteitä", "en": "Actions"},
    "actions_without_budget": {"fi": "Ilman budjettia", "en": "Without budget"},
    "owners": {"fi": "Vastuutahoja", "en": "Owners"},
    "partners_count": {"fi": "Kumppaneita", "en": "Partners"},
    "company_partners": {"fi": "Yrityskumppaneita", "en": "Company partners"},
    "foreign_partners": {"fi": "Ulkomaisia kumppaneita", "en": "Partners abroad"},
    "planned": {"fi": "Suunniteltu", "en": "Planned"},
    "ongoing": {"fi": "Käynnissä", "en": "Ongoing"},
    "completed": {"fi": "Valmis", "en": "Completed"},
    "cancelled": {"fi": "Peruttu", "en": "Cancelled"},
    "no_status": {"fi": "Tila puuttuu", "en": "No status"},
    "actor_id": {"fi": "Organisaation tunniste", "en": "Organisation id"},
    "organisation": {"fi": "Organisaatio", "en": "Organisation"},
    "actor_type": {"fi": "Organisaatiotyyppi", "en": "Type of organisation"},
    "country": {"fi": "Maa", "en": "Country"},
    "role": {"fi": "Rooli", "en": "Role"},
    "organisations": {"fi": "Organisaatioita", "en": "Organisations"},
    "indicator_id": {"fi": "Mittari", "en": "Indicator"},
    "indicator": {"fi": "Mittarin nimi", "en": "Indicator name"},
    "indicator_kind": {"fi": "Laji", "en": "Kind"},
    "unit": {"fi": "Yksikkö", "en": "Unit"},
    "baseline": {"fi": "Lähtötaso", "en": "Baseline"},
    "target": {"fi": "Tavoite", "en": "Target"},
    "latest_value": {"fi": "Viimeisin arvo", "en": "Latest value"},
    "latest_date": {"fi": "Mitattu", "en": "Measured on"},
    "progress": {"fi": "Edistyminen kohti tavoitetta", "en": "Progress towards target"},
    "cluster_id": {"fi": "Klusterin tunniste", "en": "Cluster id"},
    "cluster": {"fi": "Klusteri", "en": "Cluster"},
    "coordinator": {"fi": "Koordinaattori", "en": "Coordinator"},
    "declared": {"fi": "Ilmoittanut alueen omakseen", "en": "Declares this focus area"},
    "members_in_actions": {"fi": "Jäseniä toimenpiteissä", "en": "Members in its actions"},
    "activity_id": {"fi": "Tilaisuuden tunniste", "en": "Activity id"},
    "activity": {"fi": "Tilaisuus", "en": "Activity"},
    "activities": {"fi": "Tilaisuudet", "en": "Activities"},
    "activity_kind": {"fi": "Tilaisuuden laji", "en": "Kind of activity"},
    "activity_date": {"fi": "Päivämäärä", "en": "Date"},
    "input_id": {"fi": "Idea", "en": "Input"},
    "input_ids": {"fi": "Ideat", "en": "Inputs"},
    "text": {"fi": "Mitä sanottiin", "en": "What was said"},
    "votes": {"fi": "Ääniä", "en": "Votes"},
    "group": {"fi": "Ryhmä", "en": "Group"},
    "helix": {"fi": "Sektori", "en": "Sector"},
    "inputs": {"fi": "Ideoita", "en": "Inputs"},
    "inputs_in_action": {"fi": "Johti toimenpiteeseen", "en": "Ended in an action"},
    "voice_share": {"fi": "Äänen osuus", "en": "Voice share"},
    "hidden": {"fi": "Piilotettu (liian pieni ryhmä)", "en": "Hidden (group too small)"},
    "raised_by": {"fi": "Esittäjät", "en": "Raised by"},
    "groups": {"fi": "Ryhmät", "en": "Groups"},
    "check": {"fi": "Tarkistus", "en": "Check"},
    "result": {"fi": "Tulos", "en": "Result"},
    "focus_area_ids": {"fi": "Painopistealueiden tunnisteet", "en": "Focus area ids"},
    "action_ids": {"fi": "Toimenpiteet", "en": "Actions"},
    "subject_id": {"fi": "Kohde", "en": "Item"},
    "subject": {"fi": "Kohteen nimi", "en": "Item name"},
    "finding": {"fi": "Havainto", "en": "Finding"},
    "found": {"fi": "Löytyi", "en": "Found"},
    "criterion": {"fi": "Kriteeri", "en": "Criterion"},
    "verdict": {"fi": "Arvio", "en": "Assessment"},
    "evidence": {"fi": "Näyttö aineistossa", "en": "Evidence in the data"},
    "name": {"fi": "Nimi", "en": "Name"},
    "missing": {"fi": "Mitä puuttuu", "en": "What is missing"},
}

GROUP_EXTRAS: vocab.Labels = {code: TEXTS[code] for code in (ANONYMOUS, TOTAL, NO_ACTION)}

# Columns holding codes of a vocabulary, shown by their label.
VOCAB_COLUMNS: Mapping[str, vocab.Labels] = {
    "status": vocab.ACTION_STATUSES,
    "actor_type": {**vocab.ACTOR_TYPES, **GROUP_EXTRAS},
    "owner_type": vocab.ACTOR_TYPES,
    "activity_kind": {**vocab.ACTIVITY_KINDS, **GROUP_EXTRAS},
    "indicator_kind": vocab.INDICATOR_KINDS,
    "helix": {**vocab.HELIX, **GROUP_EXTRAS},
    "role": ROLES,
    "result": CHECK_RESULTS,
    "verdict": VERDICTS,
}

SHARE_COLUMNS = ("progress", "voice_share")


def header(column: str, lang: str) -> str:
    """The reader's name of a column (the column itself when it has none).

    Examples
    --------
    >>> header("budget_eur", "fi")
    'Budjetti (€)'
    """
    return tr(HEADERS, column, lang) if column in HEADERS else column


def quarter_label(when: pd.Timestamp, lang: str) -> str:
    """The quarter a date falls in.

    Examples
    --------
    >>> quarter_label(pd.Timestamp("2024-05-31"), "fi"), quarter_label(pd.Timestamp("2024-05-31"), "en")
    ('Q2/2024', 'Q2 2024')
    """
    return "" if pd.isna(when) else tr(TEXTS, "quarter", lang, q=when.quarter, year=when.year)


def date_label(day: pd.Timestamp, lang: str) -> str:
    """A date written the Finnish or English way (:func:`workbook.formats.date`).

    Examples
    --------
    >>> date_label(pd.Timestamp("2027-12-31"), "fi"), date_label(pd.Timestamp("2027-12-31"), "en")
    ('31.12.2027', '31 Dec 2027')
    """
    return formats.date(day, check_lang(lang))


def funding_label(code: str, lang: str) -> str:
    """A funding source as written in the plan; the "not stated" placeholder in words.

    Examples
    --------
    >>> funding_label("EAKR", "en"), funding_label(FUNDING_NOT_STATED, "en")
    ('EAKR', 'Funding source not stated')
    """
    return tr(TEXTS, "funding_not_stated", lang) if code == FUNDING_NOT_STATED else code


def for_display(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A table as the reader sees it: headers and codes in ``lang``, lists joined, shares in %.

    Numbers, shares and dates become texts of :mod:`workbook.formats` (written for ``lang``
    in HTML, stored as numbers and dates in the .xlsx).

    Examples
    --------
    >>> budget = pd.DataFrame({"budget_eur": [2530000.0], "start": [pd.Timestamp("2024-02-06")]})
    >>> for_display(budget, "en").iloc[0].tolist()
    ['2,530,000', '6 Feb 2024']
    >>> table = pd.DataFrame({"status": ["ongoing"], "partners": [("A Oy", "B ry")], "voice_share": [0.5],
    ...                       "hidden": [False]})
    >>> for_display(table, "fi").to_dict("records")
    [{'Tila': 'Käynnissä', 'Kumppanit': 'A Oy; B ry', 'Äänen osuus': '50\\xa0%', 'Piilotettu (liian pieni ryhmä)': 'Ei'}]
    """
    check_lang(lang)
    shown = frame.copy()
    for column in shown.columns:
        values = shown[column]
        if column in VOCAB_COLUMNS:
            labels = VOCAB_COLUMNS[column]
            shown[column] = values.map(lambda code: None if pd.isna(code) else label(labels, code, lang))
        elif column == "funding":
            shown[column] = values.map(lambda code: funding_label(code, lang))
        elif column == "budget_eur":
            # Budgets split among sources have cents no plan meant: readers see whole euros.
            shown[column] = _cells(values.round(0), lambda v: formats.number(v, lang, 0, missing=None))
        elif column in SHARE_COLUMNS:
            shown[column] = values.map(lambda share: percent(share, lang))
        elif pd.api.types.is_datetime64_any_dtype(values):
            shown[column] = _cells(values, lambda day: formats.date(day, lang, missing=None))
        elif pd.api.types.is_numeric_dtype(values) and values.dtype != bool:
            shown[column] = _cells(values, lambda v: formats.number(v, lang, missing=None))
        elif values.dtype == bool:
            shown[column] = values.map(lambda yes: label(vocab.YES_NO, "yes" if yes else "no", lang))
        elif values.map(lambda v: isinstance(v, tuple)).any():
            shown[column] = values.map(lambda v: "; ".join(map(str, v)) if isinstance(v, tuple) else v)
    return shown.rename(columns=lambda column: header(column, lang))


def _cells(values: pd.Series, shown) -> pd.Series:
    return pd.Series([shown(v) for v in values], index=values.index, dtype=object)


def actor_names(project: Project) -> pd.Series:
    """Organisation name by actor id."""
    return project.actors.set_index("actor_id")["name"]


def focus_area_names(project: Project, lang: str) -> pd.Series:
    """Focus area name in ``lang`` by focus area id, in the project's order."""
    return project.focus_areas.set_index("focus_area_id")[f"name_{check_lang(lang)}"]


def action_titles(project: Project, lang: str) -> pd.Series:
    """Action title in ``lang`` by action id."""
    return project.actions.set_index("action_id")[f"title_{check_lang(lang)}"]
