"""The actions page: the implementation plan by focus area, its timeline and its sources.

Panels are drawn with :mod:`workbook.actionplan` from the filtered plan (names looked up in
the whole actor registry), in the same words as the delivered report. The plan's quality
checks stay in the report: on a filtered plan they would flag what the filter hid.
"""

from __future__ import annotations

from workbook.actionplan.texts import TEXTS as PLAN_TEXTS
from workbook.dashboard.filters import Selection
from workbook.dashboard.parts import paragraph, table
from workbook.dashboard.widgets import Panel
from workbook.htmlreport import escape
from workbook.i18n import tr
from workbook.style import focus_area_colours

# The plan's analyses (workbook.actionplan: pandas, plotly) are imported by the functions that
# draw: a kernel showing the server's unfiltered drawings (workbook.dashboard.defaults) needs none.

TEXTS = {
    "status": {"fi": "Toimenpiteiden tila", "en": "Status of the actions"},
    "funding": {"fi": "Rahoituslähteet", "en": "Funding sources"},
    "timeline": {"fi": "Aikataulu", "en": "Timeline"},
    "actions": {"fi": "Toimenpiteet painopistealueittain", "en": "Actions by focus area"},
    "focus_area": {"fi": "Valittu painopistealue", "en": "The chosen focus area"},
    "choose": {
        "fi": "Valitse painopistealue yläpuolelta nähdäksesi sen tunnusluvut ja toimenpiteet yhdellä silmäyksellä.",
        "en": "Choose a focus area above to see its key figures and actions at a glance.",
    },
    "no_actions": {"fi": "Valinnalla ei löydy toimenpiteitä.", "en": "No actions match the filters."},
    "no_flows": {"fi": "Valinnan toimenpiteillä ei ole kirjattuja lähtöideoita.",
                 "en": "The actions in view name no source inputs."},
}


def _no_actions(selection: Selection, lang: str) -> str | None:
    return paragraph(tr(TEXTS, "no_actions", lang), "note") if selection.project.actions.empty else None


def draw_portfolio(selection: Selection, lang: str) -> str:
    """The plan in one sentence, and actions, budget and organisations per focus area."""
    from workbook.actionplan import portfolio, trace
    from workbook.actionplan.labels import for_display
    from workbook.actionplan.pages import SUMMARY_COLUMNS
    from workbook.formats import money

    empty = _no_actions(selection, lang)
    if empty:
        return empty
    project = selection.with_all_actors
    summary = portfolio.focus_area_summary(project, lang)
    sources = trace.action_sources(project, lang)
    links = trace.trace_links(project, lang)
    total = summary.iloc[-1]
    intro = tr(PLAN_TEXTS, "intro", lang, actions=int(total["actions"]), areas=len(project.focus_areas),
               budget=money(total["budget_eur"], lang),
               sourced=int((sources["inputs"] > 0).sum()), inputs=links["input_id"].nunique(),
               activities=links["activity_id"].nunique())
    return (paragraph(intro) + table(for_display(summary[SUMMARY_COLUMNS], lang), lang=lang)
            + paragraph(tr(PLAN_TEXTS, "budget_note", lang), "note"))


def draw_status(selection: Selection, lang: str):
    """Each focus area's actions by status."""
    from workbook.actionplan import figures, portfolio

    return _no_actions(selection, lang) or figures.status_figure(
        portfolio.focus_area_summary(selection.with_all_actors, lang), lang)


def draw_funding(selection: Selection, lang: str):
    """Each focus area's budget by funding source."""
    from workbook.actionplan import figures, portfolio
    from workbook.actionplan.labels import focus_area_names

    project = selection.with_all_actors
    return _no_actions(selection, lang) or figures.funding_mix_figure(
        portfolio.funding_mix(project), focus_area_names(project, lang), lang)


def draw_timeline(selection: Selection, lang: str):
    """The actions on a quarterly timeline, coloured by status, with the strategy period."""
    from workbook.actionplan import figures, focus_area

    project = selection.with_all_actors
    return _no_actions(selection, lang) or figures.gantt_figure(
        focus_area.action_timeline(project, lang), lang, project.period)


def draw_focus_area(selection: Selection, lang: str) -> str:
    """The chosen focus area's key figures (as on its one-pager) and description."""
    focus_area_id = selection.state.focus_area
    if focus_area_id is None:
        return paragraph(tr(TEXTS, "choose", lang), "note")
    from workbook.actionplan import focus_area
    from workbook.actionplan.onepager import key_figures

    area = focus_area.focus_area_page(selection.with_all_actors, focus_area_id, lang)
    colour = focus_area_colours(selection.full.focus_areas["focus_area_id"])[focus_area_id]
    cards = "".join(
        f'<div class="wb-card" style="border-left-color:{escape(colour)}">'
        f'<div class="wb-card-value" style="color:{escape(colour)}">{escape(big)}</div>'
        f'<div class="wb-card-label">{escape(small)}</div></div>' for big, small in key_figures(area, lang))
    description = paragraph(area.description) if area.description else ""
    return f'<h4>{escape(area.name)}</h4>{description}<div class="wb-cards">{cards}</div>'


def draw_actions(selection: Selection, lang: str) -> str:
    """Every action in view under each focus area it serves: owner, partners, schedule, budget."""
    from workbook.actionplan import portfolio, trace
    from workbook.actionplan.labels import for_display
    from workbook.actionplan.pages import ACTION_COLUMNS

    project = selection.with_all_actors
    plan = portfolio.plan_by_focus_area(project, lang)
    if plan.empty:
        return paragraph(tr(TEXTS, "no_actions", lang), "note")
    sources = trace.action_sources(project, lang).set_index("action_id")
    plan = plan.assign(inputs=plan["action_id"].map(sources["inputs"]))
    columns = ["focus_area", *[c for c in ACTION_COLUMNS if c in plan.columns]]
    return table(for_display(plan[columns], lang), lang=lang)


def draw_trace(selection: Selection, lang: str):
    """From the activities through the inputs raised there to the actions and focus areas."""
    from workbook.actionplan import figures, trace

    project = selection.with_all_actors
    flows = trace.sankey_links(project, lang, selection.state.focus_area)
    if flows.empty:
        return paragraph(tr(TEXTS, "no_flows", lang), "note")
    return [paragraph(tr(PLAN_TEXTS, "trace_intro", lang)),
            figures.sankey_figure(flows, list(selection.full.focus_areas["focus_area_id"]), lang)]


PORTFOLIO = Panel(PLAN_TEXTS["portfolio"], draw_portfolio, wide=True, name="portfolio")
FOCUS_AREA = Panel(TEXTS["focus_area"], draw_focus_area, wide=True, name="focus-area")
STATUS = Panel(TEXTS["status"], draw_status, name="status")
FUNDING = Panel(TEXTS["funding"], draw_funding, wide=True, name="funding")
TIMELINE = Panel(TEXTS["timeline"], draw_timeline, wide=True, name="timeline")
ACTIONS = Panel(TEXTS["actions"], draw_actions, wide=True, name="actions")
TRACE = Panel(PLAN_TEXTS["trace"], draw_trace, wide=True, name="trace")
