"""The deliverable: ``workbook actions PROJECT --out DIR [--lang fi|en]``.

Writes, for one language:

``actions_by_focus_area_<lang>.html``
    a self-contained report (opens without network, prints on A4 landscape) with the
    pages of :mod:`~workbook.actionplan.pages`: the portfolio, one section per focus
    area, the trace from input to action, the plan checks and the EU S3 checklist;
``onepager_<focus area>_<lang>.png``
    one 16:9 slide image per focus area (needs a headless Chromium or Chrome);
``action_plan_<lang>.xlsx``
    the action plan grouped by focus area and the tables behind the report, every text
    cell inert.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from workbook.actionplan import checks, eu_s3, focus_area, onepager, pages, portfolio, trace
from workbook.actionplan.labels import focus_area_names, for_display
# The report's texts and column choices live in pages; the dashboard (workbook.dashboard.pages.actions)
# still imports them from here.
from workbook.actionplan.pages import ACTION_COLUMNS, SUMMARY_COLUMNS, TEXTS  # noqa: F401
from workbook.i18n import check_lang, tr
from workbook.outputs import write_xlsx
from workbook.project import Project

SHEET_TEXTS = {
    "sheet_actions": {"fi": "Toimenpiteet", "en": "Actions"},
    "sheet_focus_areas": {"fi": "Painopistealueet", "en": "Focus areas"},
    "sheet_funding": {"fi": "Rahoitus", "en": "Funding"},
    "sheet_organisations": {"fi": "Organisaatiot", "en": "Organisations"},
    "sheet_indicators": {"fi": "Mittarit", "en": "Indicators"},
    "sheet_trace": {"fi": "Ideasta toimenpiteeksi", "en": "Input to action"},
    "sheet_unused": {"fi": "Ideat ilman toimenpidettä", "en": "Inputs without action"},
    "sheet_voice": {"fi": "Äänen osuus", "en": "Voice share"},
    "sheet_checks": {"fi": "Laatutarkistukset", "en": "Plan checks"},
    "sheet_s3": {"fi": "EU S3 -edellytys", "en": "EU S3 condition"},
}


def workbook_sheets(project: Project, lang: str) -> dict[str, pd.DataFrame]:
    """The tables of the .xlsx action plan, by (translated) sheet name, ready to write."""
    names = focus_area_names(project, lang)
    plan = portfolio.plan_by_focus_area(project, lang)
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
    findings = checks.plan_checks(project, lang)
    findings = findings.assign(check=findings["check"].map(lambda code: tr(checks.TEXTS, code, lang)))
    sheets = {
        "sheet_actions": plan, "sheet_focus_areas": summary, "sheet_funding": funding,
        "sheet_organisations": organisations, "sheet_indicators": indicators,
        "sheet_trace": trace.trace_links(project, lang), "sheet_unused": trace.inputs_without_action(project, lang),
        "sheet_voice": voice, "sheet_checks": findings, "sheet_s3": eu_s3.s3_checklist(project, lang),
    }
    return {tr(SHEET_TEXTS, key, lang): for_display(frame, lang) for key, frame in sheets.items()}


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
            html = onepager.onepager_html(area, project.name, area_ids, lang, project.period,
                                          project.settings["country"])
            written.append(onepager.render_png(html, out_dir / f"onepager_{focus_area_id}_{lang}.png", browser, lang))
    written.append(write_xlsx(out_dir / f"action_plan_{lang}.xlsx", workbook_sheets(project, lang)))
    return written
