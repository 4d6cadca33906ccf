"""The deliverable: ``workbook actions PROJECT --out DIR [--lang fi|en]``.

Writes, for one language:

``actions_by_focus_area_<lang>.html``
    a self-contained report (opens without network, prints on A4 landscape) with the
    pages of :mod:`~workbook.actionplan.pages`: the portfolio, one section per focus
    area, the trace from input to action and the EU S3 checklist (the plan's quality
    checks are the consultant's: ``workbook report`` puts them under ``working/``);
``onepager_<focus area>_<lang>.png``
    one 16:9 slide image per focus area (needs a headless Chromium or Chrome);
``action_plan_<lang>.xlsx``
    the action plan, one row per action (its focus areas joined in one cell, so the sum
    of the budget column is the plan's total), the same actions listed under each focus
    area they serve on a sheet of its own, and the tables behind the report: budgets in
    euros, shares and dates stored as numbers and dates, every text cell inert.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from workbook.actionplan import eu_s3, focus_area, onepager, pages, portfolio, trace
from workbook.actionplan.labels import focus_area_names, for_display, header
# The report's texts and column choices live in pages; the dashboard (workbook.dashboard.pages.actions)
# still imports them from here.
from workbook.actionplan.pages import ACTION_COLUMNS, SUMMARY_COLUMNS, TEXTS  # noqa: F401
from workbook.i18n import check_lang, tr
from workbook.formats import EXCEL_MONEY, money
from workbook.outputs import Sheet, write_xlsx
from workbook.project import Project

SHEET_TEXTS = {
    "sheet_actions": {"fi": "Toimenpiteet", "en": "Actions"},
    "sheet_by_focus_area": {"fi": "Toimenpiteet alueittain", "en": "Actions by focus area"},
    "sheet_focus_areas": {"fi": "Painopistealueet", "en": "Focus areas"},
    "sheet_funding": {"fi": "Rahoitus", "en": "Funding"},
    "sheet_organisations": {"fi": "Organisaatiot", "en": "Organisations"},
    "sheet_indicators": {"fi": "Mittarit", "en": "Indicators"},
    "sheet_trace": {"fi": "Ideasta toimenpiteeksi", "en": "Input to action"},
    "sheet_unused": {"fi": "Ideat ilman toimenpidettä", "en": "Inputs without action"},
    "sheet_voice": {"fi": "Äänen osuus", "en": "Voice share"},
    "sheet_s3": {"fi": "EU S3 -edellytys", "en": "EU S3 condition"},
    "shared_note": {
        "fi": "Usean painopistealueen toimenpide on tässä jokaisen palvelemansa alueen alla, ja sen budjetti "
              "lasketaan jokaiseen niistä: alueiden summat ovat yhteensä enemmän kuin suunnitelman "
              "kokonaisbudjetti {total} (sivu {sheet}: yksi rivi toimenpidettä kohden).",
        "en": "An action serving several focus areas is listed, and its budget counted, under each area it "
              "serves: the areas' sums add up to more than the plan's total budget of {total} (sheet {sheet}: "
              "one row per action).",
    },
}

# The action sheet: one row per action, what a reader of the plan needs, in this order.
PLAN_COLUMNS = ["action_id", "title", "focus_area_ids", "focus_areas", "owner", "owner_type", "partners", "start",
                "end", "budget_eur", "funding_sources", "status", "indicator_ids", "source_input_ids"]
MONEY_COLUMNS = ("budget_eur",)


def workbook_sheets(project: Project, lang: str) -> dict[str, Sheet]:
    """The sheets of the .xlsx action plan, by (translated) sheet name, ready to write.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> sheets = workbook_sheets(example_project(), "en")
    >>> list(sheets)[:2], sheets["Actions"].frame["Action"].tolist()
    (['Actions', 'Actions by focus area'], ['T1', 'T2', 'T3'])
    """
    check_lang(lang)
    names = focus_area_names(project, lang)
    plan = portfolio.action_table(project, lang)[PLAN_COLUMNS]
    by_focus_area = portfolio.plan_by_focus_area(project, lang)
    summary = portfolio.focus_area_summary(project, lang)
    funding = portfolio.funding_mix(project)
    funding.insert(1, "focus_area", funding["focus_area_id"].map(names))
    organisations = pd.concat(
        [focus_area.focus_area_actors(project, fa).assign(focus_area_id=fa, focus_area=name)
         for fa, name in names.items()], ignore_index=True)
    organisations = organisations[["focus_area_id", "focus_area", "organisation", "actor_type", "country", "role",
                                   "actions", "action_ids"]]
    indicators = focus_area.indicator_progress(project, lang)
    indicators.insert(len(indicators.columns) - 1, "focus_area", indicators["focus_area_id"].map(names))
    voice = trace.voice_share(project, by="actor_type")
    shared = tr(SHEET_TEXTS, "shared_note", lang, sheet=tr(SHEET_TEXTS, "sheet_actions", lang),
                total=money(project.actions["budget_eur"].sum(), lang))
    sheets = {
        "sheet_actions": (plan, None), "sheet_by_focus_area": (by_focus_area, shared),
        "sheet_focus_areas": (summary, shared), "sheet_funding": (funding, shared),
        "sheet_organisations": (organisations, None), "sheet_indicators": (indicators, None),
        "sheet_trace": (trace.trace_links(project, lang), None),
        "sheet_unused": (trace.inputs_without_action(project, lang), None),
        "sheet_voice": (voice, None),
        "sheet_s3": (eu_s3.s3_checklist(project, lang), None),
    }
    return {tr(SHEET_TEXTS, key, lang): _sheet(frame, lang, note) for key, (frame, note) in sheets.items()}


def _sheet(frame: pd.DataFrame, lang: str, note: str | None) -> Sheet:
    money_format = {header(column, lang): EXCEL_MONEY for column in MONEY_COLUMNS if column in frame}
    return Sheet(for_display(frame, lang), formats=money_format, note=note)


def export(project: Project, out_dir: Path, lang: str = "fi", onepagers: bool = True) -> list[Path]:
    """Write the HTML report, the one-pager images and the .xlsx action plan into ``out_dir``.

    The browser for the one-pagers is looked up before anything is written, so a missing
    browser stops the export with :class:`~workbook.actionplan.onepager.BrowserNotFoundError`
    and leaves ``out_dir`` as it was; ``onepagers=False`` skips the images.
    Returns the paths written.
    """
    check_lang(lang)
    out_dir = Path(out_dir)
    browser = onepager.find_browser(lang) if onepagers else None
    written = [pages.report(project, lang).write(out_dir / f"actions_by_focus_area_{lang}.html")]
    if browser is not None:
        area_ids = list(project.focus_areas["focus_area_id"])
        for focus_area_id in area_ids:
            area = focus_area.focus_area_page(project, focus_area_id, lang)
            html = onepager.onepager_html(area, project.display_name(lang), area_ids, lang, project.period,
                                          project.settings["country"])
            written.append(onepager.render_png(html, out_dir / f"onepager_{focus_area_id}_{lang}.png", browser, lang))
    written.append(write_xlsx(out_dir / f"action_plan_{lang}.xlsx", workbook_sheets(project, lang), lang))
    return written
