"""What each page of the action plan shows, in order: one list of parts for every view.

The HTML report (:func:`add_to_report`), the notebook (:func:`show`) and the dashboard all
draw the same parts: headings, sentences, tables (already in the reader's language),
plotly figures and small pieces of HTML made here. Deciding *what* a page holds lives
here once; each view only decides *how* to draw a part.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Literal

from workbook.actionplan import checks, eu_s3, figures, focus_area, onepager, portfolio, trace
from workbook.actionplan.labels import date_label, focus_area_names, for_display, funding_label
from workbook.actionplan.texts import TEXTS
from workbook.formats import money
from workbook.htmlreport import HtmlReport, escape
from workbook.i18n import check_lang, tr
from workbook.project import Project
from workbook.style import focus_area_colours


SUMMARY_COLUMNS = ["focus_area", "actions", "budget_eur", "actions_without_budget", "owners", "partners_count",
                   "company_partners", "foreign_partners"]
ACTION_COLUMNS = ["action_id", "title", "owner", "partners", "schedule", "budget_eur", "funding_sources", "status",
                  "inputs"]
INDICATOR_COLUMNS = ["indicator_id", "indicator", "indicator_kind", "unit", "baseline", "target", "latest_value",
                     "latest_date", "progress"]

# Wide tables of long texts (sources, unused inputs) must still fit an A4 landscape page.
PRINT_CSS = "@media print { table { font-size: 9pt; } td { overflow-wrap: anywhere; } }"

PartKind = Literal["heading", "paragraph", "bullets", "table", "figure", "html"]


@dataclass(frozen=True)
class Part:
    """One piece of a page.

    ``content`` is text (heading, paragraph), a list of texts (bullets), a DataFrame
    already in the reader's language (table), a plotly figure, or HTML made by the
    workbook with every spreadsheet text escaped (html). ``style`` is ``note``,
    ``finding`` or ``ok`` for coloured paragraphs and lists.
    """

    kind: PartKind
    content: Any
    level: int = 2
    style: str | None = None
    caption: str | None = None
    page_break: bool = False


def portfolio_parts(project: Project, lang: str) -> list[Part]:
    """The portfolio: headline sentence, summary table, status, funding, organisations, matrix.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> [part.kind for part in portfolio_parts(example_project(), "en")][:4]
    ['heading', 'paragraph', 'table', 'paragraph']
    """
    summary = portfolio.focus_area_summary(project, lang)
    sources = trace.action_sources(project, lang)
    links = trace.trace_links(project, lang)
    total = summary.iloc[-1]
    names = focus_area_names(project, lang)
    return [
        Part("heading", tr(TEXTS, "portfolio", lang)),
        Part("paragraph", tr(TEXTS, "intro", lang, actions=int(total["actions"]), areas=len(project.focus_areas),
                             budget=money(total["budget_eur"], lang),
                             sourced=int((sources["inputs"] > 0).sum()), inputs=links["input_id"].nunique(),
                             activities=links["activity_id"].nunique())),
        Part("table", for_display(summary[SUMMARY_COLUMNS], lang), caption=tr(TEXTS, "summary_caption", lang)),
        Part("paragraph", tr(TEXTS, "budget_note", lang), style="note"),
        Part("figure", figures.status_figure(summary, lang)),
        Part("figure", figures.funding_mix_figure(portfolio.funding_mix(project), names, lang)),
        Part("figure", figures.portfolio_heatmap(portfolio.actors_by_type(project), names, lang)),
        Part("figure", figures.action_matrix_figure(portfolio.action_focus_matrix(project),
                                                    sources.set_index("action_id")["title"], names, lang)),
    ]


def focus_area_parts(project: Project, focus_area_id: str, lang: str, findings: bool = True) -> list[Part]:
    """One focus area's page: key figures, gaps, timeline, indicators, actions, organisations,
    money, clusters and where its actions came from.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> parts = focus_area_parts(example_project(), "FA2", "en")
    >>> parts[0].content, [part.kind for part in parts].count("figure")
    ('FA2 · Experience services', 2)
    """
    area = focus_area.focus_area_page(project, focus_area_id, lang)
    colour = focus_area_colours(project.focus_areas["focus_area_id"])[focus_area_id]
    parts = [Part("heading", f"{focus_area_id} · {area.name}", page_break=True)]
    if area.description:
        parts.append(Part("paragraph", area.description))
    parts.append(Part("html", onepager.tiles_html(area, lang, colour)))
    if findings and not area.findings.empty:  # what to fix: the consultant's, not the client's
        parts.append(Part("bullets", [
            tr(TEXTS, "fa_finding", lang, subject_id=row.subject_id, subject=row.subject,
               check=tr(checks.TEXTS, row.check, lang), finding=row.finding)
            for row in area.findings.itertuples()], style="finding"))
    if area.actions.empty:
        parts.append(Part("paragraph", tr(TEXTS, "fa_no_actions", lang), style="finding"))
    else:
        parts.append(Part("figure", figures.gantt_figure(area.timeline, lang, project.period)))
    parts.append(Part("heading", tr(TEXTS, "fa_indicators", lang), level=3))
    if area.indicators.empty:
        parts.append(Part("paragraph", tr(TEXTS, "fa_no_indicators", lang), style="finding"))
    else:
        parts.append(Part("table", for_display(area.indicators[INDICATOR_COLUMNS], lang)))
    funding = area.funding.assign(funding=area.funding["funding"].map(lambda code: funding_label(code, lang)))
    parts += [
        Part("heading", tr(TEXTS, "fa_actions", lang), level=3),
        Part("table", for_display(area.actions[ACTION_COLUMNS], lang)),
        Part("heading", tr(TEXTS, "fa_actors", lang), level=3),
        Part("table", for_display(area.actors[["organisation", "actor_type", "role", "actions", "country"]], lang)),
        Part("heading", tr(TEXTS, "fa_funding", lang), level=3),
        Part("table", for_display(funding[["funding", "budget_eur", "actions"]], lang)),
        Part("heading", tr(TEXTS, "fa_clusters", lang), level=3),
    ]
    if area.clusters.empty:
        parts.append(Part("paragraph", tr(TEXTS, "fa_no_clusters", lang)))
    else:
        parts.append(Part("table", for_display(
            area.clusters[["cluster", "coordinator", "declared", "members_in_actions"]], lang)))
    flows = trace.sankey_links(project, lang, focus_area_id)
    if not flows.empty:
        parts += [Part("heading", tr(TEXTS, "fa_trace", lang), level=3),
                  Part("figure", figures.sankey_figure(flows, list(project.focus_areas["focus_area_id"]), lang))]
    return parts


def trace_parts(project: Project, lang: str) -> list[Part]:
    """From input to action: the Sankey, voice share, each action's sources, unused inputs.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> parts = trace_parts(example_project(), "en")
    >>> [part.content for part in parts if part.kind == "paragraph"][-1]
    '2 of 4 inputs led to no action.'
    """
    voice = trace.voice_share(project, by="actor_type")
    sources = trace.action_sources(project, lang)
    unused = trace.inputs_without_action(project, lang)
    parts = [
        Part("heading", tr(TEXTS, "trace", lang), page_break=True),
        Part("paragraph", tr(TEXTS, "trace_intro", lang)),
        Part("figure", figures.sankey_figure(trace.sankey_overview(project, lang),
                                             list(project.focus_areas["focus_area_id"]), lang)),
        Part("paragraph", tr(TEXTS, "overview_note", lang), style="note"),
        Part("heading", tr(TEXTS, "voice_heading", lang), level=3),
        Part("figure", figures.voice_share_figure(voice, lang, project.min_group_size)),
        Part("table", for_display(voice.drop(columns="hidden"), lang)),
        Part("paragraph", tr(TEXTS, "voice_note", lang, n=project.min_group_size), style="note"),
        Part("heading", tr(TEXTS, "sources_heading", lang), level=3),
        Part("table", for_display(sources[["action_id", "title", "inputs", "input_ids", "activities", "raised_by"]],
                                  lang)),
        Part("heading", tr(TEXTS, "unused_heading", lang), level=3),
    ]
    if unused.empty:
        parts.append(Part("paragraph", tr(TEXTS, "unused_none", lang), style="ok"))
    else:
        parts += [
            Part("paragraph", tr(TEXTS, "unused_count", lang, unused=len(unused), inputs=len(project.inputs))),
            Part("table", for_display(unused[["input_id", "activity", "organisation", "text", "focus_areas",
                                              "votes"]], lang)),
        ]
    return parts


def checks_parts(project: Project, lang: str) -> list[Part]:
    """The plan quality checks: what was found, every check's result, and the findings.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> checks_parts(example_project(), "en")[1].content
    'The checks found 8 things to fix.'
    """
    findings = checks.plan_checks(project, lang)
    parts = [Part("heading", tr(TEXTS, "checks", lang), page_break=True)]
    if findings.empty:
        parts.append(Part("paragraph", tr(TEXTS, "checks_clean", lang), style="ok"))
    else:
        parts.append(Part("paragraph", tr(TEXTS, "checks_found", lang, n=len(findings)), style="finding"))
    summary = checks.check_summary(project, findings, lang)
    parts.append(Part("table", for_display(summary[["name", "found", "result"]], lang)))
    note = checks.unchecked_note(project, lang)
    if note:
        parts.append(Part("paragraph", note, style="note"))
    if not findings.empty:
        named = findings.assign(check=findings["check"].map(lambda code: tr(checks.TEXTS, code, lang)))
        parts.append(Part("table", for_display(named, lang)))
    return parts


def s3_parts(project: Project, lang: str) -> list[Part]:
    """The EU S3 good-governance checklist.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> len(s3_parts(example_project(), "en")[2].content)
    7
    """
    return [
        Part("heading", tr(TEXTS, "s3", lang), page_break=True),
        Part("paragraph", tr(TEXTS, "s3_intro", lang)),
        Part("table", for_display(eu_s3.s3_checklist(project, lang), lang)),
    ]


def all_parts(project: Project, lang: str, checks: bool = False) -> list[Part]:
    """Every page in the order of the report: portfolio, each focus area, trace, (checks,) EU S3.

    The plan's quality checks ("to fix") are working material for the consultant: the client's
    report leaves them out unless ``checks`` (the pack has them in ``working/``).
    """
    parts = portfolio_parts(project, lang)
    for focus_area_id in project.focus_areas["focus_area_id"]:
        parts += focus_area_parts(project, focus_area_id, lang, findings=checks)
    return parts + trace_parts(project, lang) + (checks_parts(project, lang) if checks else []) + s3_parts(project, lang)


def report(project: Project, lang: str) -> HtmlReport:
    """The whole action plan as one self-contained HTML report in ``lang``."""
    check_lang(lang)
    start, end = project.period
    subtitle_key = "subtitle_period" if start is not None and end is not None else "subtitle"
    page = HtmlReport(tr(TEXTS, "title", lang), lang,
                      subtitle=tr(TEXTS, subtitle_key, lang, project=project.display_name(lang), region=project.region,
                                  start=date_label(start, lang), end=date_label(end, lang)),
                      footer=tr(TEXTS, "footer", lang, project=project.display_name(lang)))
    page.trusted_html(f"<style>{PRINT_CSS}</style>")
    if project.display_description(lang):
        page.paragraph(project.display_description(lang), kind="note")
    add_to_report(page, all_parts(project, lang))
    return page


def add_to_report(page: HtmlReport, parts: Iterable[Part]) -> None:
    """Draw parts into an :class:`~workbook.htmlreport.HtmlReport`."""
    for part in parts:
        if part.kind == "heading":
            page.heading(part.content, level=part.level, page_break=part.page_break)
        elif part.kind == "paragraph":
            page.paragraph(part.content, kind=part.style)
        elif part.kind == "bullets":
            page.bullets(part.content, kind=part.style)
        elif part.kind == "table":
            page.table(part.content, caption=part.caption)
        elif part.kind == "figure":
            page.figure(part.content)
        else:
            page.trusted_html(part.content)


_MARKERS = {"finding": "⚠ ", "note": "ℹ ", "ok": "✓ "}


def show(parts: Iterable[Part]) -> None:
    """Display parts in a notebook or a Voilà dashboard (every spreadsheet text escaped)."""
    from IPython.display import HTML, display

    from workbook.notebook import show_table, show_text

    for part in parts:
        if part.kind == "heading":
            display(HTML(f"<h{part.level + 1}>{escape(part.content)}</h{part.level + 1}>"))
        elif part.kind == "paragraph":
            show_text(part.content, part.style)
        elif part.kind == "bullets":
            marker = _MARKERS.get(part.style or "", "")
            display(HTML("<ul>" + "".join(f"<li>{escape(marker + item)}</li>" for item in part.content) + "</ul>"))
        elif part.kind == "table":
            show_table(part.content, part.caption)
        elif part.kind == "figure":
            display(part.content)
        else:
            display(HTML(part.content))
