"""What the deck and the document share: their texts, safe text, fixed dates and deterministic zips."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime

import pandas as pd

from workbook.i18n import tr
from workbook.outputs import inert_text
from workbook.project import Project

TEXTS = {
    "subtitle": {"fi": "Osallistavan prosessin yhteenveto ja toimenpiteet painopistealueittain",
                 "en": "Summary of the participatory process and the actions by focus area"},
    "period": {"fi": "Strategiakausi {start}–{end}", "en": "Strategy period {start}–{end}"},
    "in_figures": {"fi": "Prosessi lukuina", "en": "The process in figures"},
    "activities_over_time": {"fi": "Tilaisuudet kuukausittain", "en": "Activities per month"},
    "who_took_part": {"fi": "Ketkä osallistuivat", "en": "Who took part"},
    "people_by_type": {"fi": "Osallistujat organisaatiotyypeittäin", "en": "People taking part by type of organisation"},
    "reached_by": {"fi": "Organisaatiot: rekisterissä ja osallistuneet, {dimension}",
                   "en": "Organisations: in the registry and taking part, {dimension}"},
    "registry": {"fi": "Rekisterissä", "en": "In the registry"},
    "reached": {"fi": "Osallistui", "en": "Took part"},
    "by_type": {"fi": "tyypeittäin", "en": "by type"},
    "by_sub_region": {"fi": "seutukunnittain", "en": "by sub-region"},
    "organisations_note": {
        "fi": "Organisaatioiden määrät näytetään sellaisinaan; henkilöitä koskevat luvut ovat seuraavalla dialla, pienet ryhmät piilotettuina.",
        "en": "Counts of organisations are shown as they are; figures about people are on the next slide, small groups hidden.",
    },
    "who_was_missing": {"fi": "Kuka puuttui: osallisuuden aukot", "en": "Who was missing: gaps in inclusiveness"},
    "no_gaps": {"fi": "Aukkoja ei löytynyt.", "en": "No gaps were found."},
    "portfolio": {"fi": "Toimenpiteet painopistealueittain", "en": "Actions by focus area"},
    "status_chart": {"fi": "Toimenpiteet tilan mukaan", "en": "Actions by status"},
    "funding_chart": {"fi": "Budjetti rahoituslähteittäin (€)", "en": "Budget by funding source (EUR)"},
    "goal": {"fi": "Tavoite", "en": "Goal"},
    "no_goal": {"fi": "Alueelle ei ole kirjattu kuvausta.", "en": "The area has no description."},
    "indicators": {"fi": "Mittarit: lähtötaso → tavoite", "en": "Indicators: baseline → target"},
    "indicator": {"fi": "Mittari", "en": "Indicator"},
    "baseline_target": {"fi": "Lähtötaso → tavoite", "en": "Baseline → target"},
    "latest": {"fi": "Viimeisin", "en": "Latest"},
    "no_indicators": {"fi": "Alueelle ei ole mittareita.", "en": "The area has no indicators."},
    "no_funding": {"fi": "Alueen toimenpiteillä ei ole budjettia.", "en": "The area's actions have no budget."},
    "actions_of": {"fi": "{area}: toimenpiteet", "en": "{area}: actions"},
    "part": {"fi": "{title} ({page}/{pages})", "en": "{title} ({page}/{pages})"},
    "action": {"fi": "Toimenpide", "en": "Action"},
    "owner": {"fi": "Vastuutaho", "en": "Owner"},
    "schedule": {"fi": "Aikataulu", "en": "Timeline"},
    "budget": {"fi": "Budjetti (€)", "en": "Budget (EUR)"},
    "funding": {"fi": "Rahoitus", "en": "Funding"},
    "came_from": {"fi": "Mistä tuli", "en": "Where it came from"},
    "from_inputs": {"fi": "{n} ideaa {activities} tilaisuudesta", "en": "{n} inputs from {activities} activities"},
    "no_source": {"fi": "ei kirjattua lähtöideaa", "en": "no source input recorded"},
    "no_actions": {"fi": "Alueella ei ole toimenpiteitä.", "en": "The area has no actions."},
    "clusters": {"fi": "Klusterien arviointi", "en": "Cluster scorecard"},
    "criteria_key": {"fi": "Kriteerit", "en": "Criteria"},
    "verdicts": {"fi": "Arviot klustereittain", "en": "Verdicts by cluster"},
    "network": {"fi": "Toimijaverkosto", "en": "The actor network"},
    "network_caption": {
        "fi": "Organisaatiot ja niiden yhteydet yhteisten tilaisuuksien, toimenpiteiden ja klusterien kautta; pallon koko kertoo välittäjäasemasta. Vuorovaikutteinen kartta: workbook network (paketin kansio network/).",
        "en": "Organisations and their ties through shared activities, actions and clusters; circle size shows brokerage. The interactive map: workbook network (the pack's network/ folder).",
    },
    "method": {"fi": "Menetelmä ja tietosuoja", "en": "Method and privacy"},
    "method_source": {
        "fi": "Kaikki luvut on laskettu Strategiatyökirjalla hankkeen omasta aineistosta; samat luvut ovat raporteissa, taulukoissa ja näkymissä. Henkilöiden nimiä tai sähköpostiosoitteita ei ole mukana.",
        "en": "Every figure was computed with the Strategy Workbook from the project's own data; the reports, workbooks and dashboards show the same numbers. No names or e-mail addresses of people are included.",
    },
    "method_edit": {
        "fi": "Kaaviot ovat muokattavia: niiden luvut ovat kaavion omassa taulukossa (hiiren oikea painike → Muokkaa tietoja).",
        "en": "The charts are editable: their numbers are in the chart's own data sheet (right-click → Edit Data).",
    },
    "method_network_missing": {
        "fi": "Toimijaverkoston karttaa ei ole tässä esityksessä, koska sen kuvaa ei voitu piirtää (Chromium-selainta ei löytynyt); vuorovaikutteinen kartta tehdään komennolla workbook network, ja se on paketin kansiossa network/.",
        "en": "The actor network map is not in this deck, as its image could not be drawn (no Chromium browser was found); the interactive map is made by workbook network and is in the pack's network/ folder.",
    },
    "participation": {"fi": "Osallistamisen tulosten yhteenveto", "en": "Summary of the participatory process"},
    "action_plan": {"fi": "Toimenpiteet painopistealueittain", "en": "Actions by focus area"},
    "key_figures": {"fi": "Tunnusluvut", "en": "Key figures"},
    "figure_caption": {"fi": "Kuva {n}. {title}", "en": "Figure {n}. {title}"},
    "figure": {"fi": "Kuva", "en": "Figure"},
    "contents": {"fi": "Sisällys", "en": "Contents"},
    "contents_hint": {
        "fi": "Päivitä sisällysluettelo Wordissa: napsauta sitä hiiren oikealla ja valitse Päivitä kenttä.",
        "en": "Update the table of contents in Word: right-click it and choose Update Field.",
    },
    "made_with": {"fi": "Strategiatyökirja", "en": "Strategy Workbook"},
    "budget_note": {
        "fi": "Monta painopistealuetta palveleva toimenpide lasketaan jokaiselle alueelleen koko budjetillaan; Yhteensä-rivillä jokainen toimenpide on mukana kerran.",
        "en": "An action serving several focus areas counts in each of them with its whole budget; the Total row counts every action once.",
    },
    "bad_template": {
        "fi": "Pohjaa {path} ei voi käyttää: {detail}",
        "en": "The template {path} cannot be used: {detail}",
    },
}

# Characters XML 1.0 cannot hold (python-pptx and python-docx refuse them): control characters.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
DEFAULT_DATE = datetime(2000, 1, 1)


def plain(value: object) -> str:
    """Any value as text a slide or a Word paragraph can hold; it stays plain text there.

    Office files show text runs as typed (nothing in them is markup or a formula); only
    characters XML cannot carry are replaced.

    Examples
    --------
    >>> plain("=HYPERLINK(\\"x\\")\\x07"), plain(None), plain(float("nan")), plain(3.0)
    ('=HYPERLINK("x")\\ufffd', '', '', '3')
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _XML_ILLEGAL.sub("\ufffd", str(value))


def chart_label(value: object) -> str:
    """A category or series name for a chart: plain text, and inert in the chart's embedded workbook.

    Examples
    --------
    >>> chart_label("=1+1"), chart_label("Rovaniemi")
    ("'=1+1", 'Rovaniemi')
    """
    return inert_text(plain(value))


def project_date(project: Project) -> datetime:
    """The date the files carry as created and modified: the latest thing that happened in the data.

    The latest activity or indicator measurement (else the strategy period's start, else
    1 January 2000), so the same data always gives the same file. Action dates are plans,
    often in the future, so they do not count.

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> project_date(tiny_project()).year > 2000
    True
    """
    dates = [project.activities.get("date"), project.indicator_values.get("date")]
    values = pd.concat([d for d in dates if d is not None and len(d)], ignore_index=True) if any(
        d is not None and len(d) for d in dates) else pd.Series(dtype="datetime64[ns]")
    values = pd.to_datetime(values, errors="coerce").dropna()
    if len(values):
        return values.max().to_pydatetime().replace(hour=0, minute=0, second=0, microsecond=0)
    start = project.period[0]
    return start.to_pydatetime() if start is not None else DEFAULT_DATE


def period_text(project: Project, lang: str) -> str:
    """"Strategy period 2023–2027", or "" when the project gives no period."""
    start, end = project.period
    if start is None or end is None:
        return ""
    return tr(TEXTS, "period", lang, start=start.year, end=end.year)


def deterministic_zip(data: bytes, when: datetime) -> bytes:
    """Rewrite an Office file so the same content gives the same bytes.

    Every zip entry gets a fixed time; the created/modified dates of this file and of every
    workbook embedded in it (the data of each chart) are set to ``when``.
    """
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.endswith(".xlsx"):
                content = deterministic_zip(content, when)
            elif info.filename == "docProps/core.xml":
                for tag in (rb"dcterms:created", rb"dcterms:modified"):
                    content = re.sub(rb"(<" + tag + rb"[^>]*>)[^<]*(</" + tag + rb">)",
                                     lambda m: m.group(1) + stamp + m.group(2), content)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, content)
    return out.getvalue()


def set_core_properties(properties, project: Project, title: str, lang: str) -> None:
    """Document properties from the project, never from the clock or the user's account."""
    when = project_date(project)
    properties.title = plain(title)[:250]
    properties.subject = plain(project.display_name(lang))[:250]
    properties.author = tr(TEXTS, "made_with", lang)
    properties.last_modified_by = tr(TEXTS, "made_with", lang)
    properties.created = when
    properties.modified = when
    properties.revision = 1
    properties.language = "fi-FI" if lang == "fi" else "en-GB"
    properties.keywords = ""
    properties.comments = ""
    properties.category = ""
