"""Plotly figures of the action plan: they draw the analyses' tables and compute nothing.

Every function takes tables from :mod:`~workbook.actionplan.portfolio`,
:mod:`~workbook.actionplan.focus_area` or :mod:`~workbook.actionplan.trace` and a
language. Text from the spreadsheets is HTML-escaped before it reaches plotly, which
would otherwise draw tags such as ``<a href>`` in labels as live markup. Fonts and sizes
are chosen to read on a projector.
"""

from __future__ import annotations

from typing import Sequence

import textwrap

import pandas as pd
import plotly.graph_objects as go

from workbook import formats, style, vocab
from workbook.actionplan.labels import (
    NO_ACTION, TOTAL, VOCAB_COLUMNS, funding_label, header, percent,
)
from workbook.htmlreport import plot_text
from workbook.i18n import label, percent, tr

TEXTS = {
    "heatmap_title": {"fi": "Organisaatiot toimenpiteissä painopistealueittain ja tyypeittäin",
                      "en": "Organisations in the actions, by focus area and type"},
    "heatmap_hover": {"fi": "%{y}<br>%{x}: %{z} organisaatiota<extra></extra>",
                      "en": "%{y}<br>%{x}: %{z} organisations<extra></extra>"},
    "matrix_title": {"fi": "Mitä painopistealueita kukin toimenpide palvelee",
                     "en": "Which focus areas each action serves"},
    "funding_title": {"fi": "Budjetti painopistealueittain ja rahoituslähteittäin",
                      "en": "Budget by focus area and funding source"},
    "funding_axis": {"fi": "Budjetti (€)", "en": "Budget (€)"},
    "funding_note": {"fi": "Monen alueen toimenpide lasketaan jokaiselle alueelle; budjetti jaetaan tasan rahoituslähteille.",
                     "en": "An action serving several areas counts in each; its budget is split equally among its sources."},
    "status_title": {"fi": "Toimenpiteet painopistealueittain ja tiloittain",
                     "en": "Actions by focus area and status"},
    "status_axis": {"fi": "Toimenpiteitä", "en": "Actions"},
    "gantt_title": {"fi": "Aikataulu neljänneksittäin", "en": "Timeline by quarter"},
    "gantt_hover": {"fi": "%{customdata[0]}<br>%{customdata[1]}–%{customdata[2]}<br>Vastuutaho: %{customdata[3]}<extra></extra>",
                    "en": "%{customdata[0]}<br>%{customdata[1]}–%{customdata[2]}<br>Owner: %{customdata[3]}<extra></extra>"},
    "period": {"fi": "Strategiakausi", "en": "Strategy period"},
    "no_owner": {"fi": "ei vastuutahoa", "en": "no owner"},
    "undated": {"fi": "Ilman aikataulua: {ids}", "en": "Without dates: {ids}"},
    "sankey_title": {"fi": "Tilaisuudesta ideaan, toimenpiteeseen ja painopistealueelle (ideoiden määrä)",
                     "en": "From activity to input, action and focus area (number of inputs)"},
    "sankey_overview_title": {"fi": "Mille painopistealueille tilaisuuksien ideat päätyivät (ideoiden määrä)",
                              "en": "Which focus areas each activity's inputs reached (number of inputs)"},
    "sankey_hover": {"fi": "%{source.label} → %{target.label}: %{value} ideaa<extra></extra>",
                     "en": "%{source.label} → %{target.label}: %{value} inputs<extra></extra>"},
    "voice_title": {"fi": "Äänen osuus: kuinka suuri osa ryhmän ideoista johti toimenpiteeseen",
                    "en": "Voice share: how many of a group's inputs ended in an action"},
    "voice_hidden": {"fi": "alle {n} ideaa, ei verrata", "en": "fewer than {n} inputs, not compared"},
    "voice_hover": {"fi": "%{y}: %{customdata[0]}/%{customdata[1]} ideaa<extra></extra>",
                    "en": "%{y}: %{customdata[0]} of %{customdata[1]} inputs<extra></extra>"},
    "indicator_title": {"fi": "Mittarit: edistyminen lähtötasosta tavoitteeseen",
                        "en": "Indicators: progress from baseline to target"},
    "indicator_unmeasured": {"fi": "ei mitattu", "en": "not measured"},
    "indicator_text": {"fi": "{baseline} → {target} {unit}, nyt {latest}", "en": "{baseline} → {target} {unit}, now {latest}"},
}

FONT = dict(family="Liberation Sans, Arial, Helvetica, sans-serif", size=15, color="#1f2933")
LABEL_LENGTH = 48
# The tallest a figure may be and still print on one A4 landscape page: long lists get denser rows.
PAGE_HEIGHT = 690


def _row_height(rows: int, comfortable: int, chrome: int) -> int:
    """Pixels per row: ``comfortable`` while the figure fits a printed page, denser beyond (at least 12)."""
    return max(12, min(comfortable, (PAGE_HEIGHT - chrome) // max(rows, 1)))


def _safe(text: object, length: int | None = None) -> str:
    """Spreadsheet text made inert for plotly, shortened to ``length`` characters if given."""
    shown = "" if text is None or (not isinstance(text, str) and pd.isna(text)) else str(text)
    if length is not None and len(shown) > length:
        shown = shown[:length - 1].rstrip() + "…"
    return plot_text(shown)


def _wrapped(text: str, width: int = 24, lines: int = 3) -> str:
    """Spreadsheet text made inert and broken into at most ``lines`` lines for an axis label.

    Examples
    --------
    >>> _wrapped("Circular economy as the basis of sustainable growth & more", 20, 2)
    'Circular economy as<br>the basis of…'
    """
    parts = textwrap.wrap(str(text), width) or [""]
    if len(parts) > lines:
        parts = parts[:lines - 1] + [parts[lines - 1][:width - 1].rstrip() + "…"]
    return "<br>".join(plot_text(part) for part in parts)


def _layout(figure: go.Figure, title: str, height: int, **layout: object) -> go.Figure:
    figure.update_layout(title=dict(text=plot_text(title), x=0, xanchor="left", font=dict(size=19)),
                         height=height, font=FONT, template="plotly_white",
                         **{"margin": dict(l=10, r=20, t=60, b=40), **layout})
    return figure


def portfolio_heatmap(actors_by_type: pd.DataFrame, focus_area_names: pd.Series, lang: str) -> go.Figure:
    """Heat map: focus areas × types of organisation, organisations in the actions.

    ``actors_by_type`` is :func:`~workbook.actionplan.portfolio.actors_by_type`;
    ``focus_area_names`` maps focus area ids to names, in the project's order.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> from workbook.actionplan import labels, portfolio
    >>> project = example_project()
    >>> figure = portfolio_heatmap(portfolio.actors_by_type(project), labels.focus_area_names(project, "en"), "en")
    >>> figure.data[0].z.tolist()
    [[1, 2, 1], [0, 1, 0]]
    """
    matrix = actors_by_type.pivot(index="focus_area_id", columns="actor_type", values="organisations")
    types = [code for code in vocab.ACTOR_TYPES if code in matrix.columns]
    matrix = matrix.reindex(index=focus_area_names.index, columns=types)
    figure = go.Figure(go.Heatmap(
        z=matrix.to_numpy(), x=[label(vocab.ACTOR_TYPES, code, lang) for code in types],
        y=[_safe(name, LABEL_LENGTH) for name in focus_area_names], colorscale="Blues", zmin=0,
        text=matrix.to_numpy(), texttemplate="%{text}", textfont=dict(size=16),
        hovertemplate=tr(TEXTS, "heatmap_hover", lang), showscale=False, xgap=2, ygap=2,
    ))
    figure.update_yaxes(autorange="reversed")
    return _layout(figure, tr(TEXTS, "heatmap_title", lang), 120 + 60 * len(matrix))


def action_matrix_figure(matrix: pd.DataFrame, action_titles: pd.Series, focus_area_names: pd.Series,
                         lang: str) -> go.Figure:
    """Dot matrix: actions (rows) × focus areas (columns), a dot where the action serves the area.

    ``matrix`` is :func:`~workbook.actionplan.portfolio.action_focus_matrix`.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> from workbook.actionplan import labels, portfolio
    >>> project = example_project()
    >>> figure = action_matrix_figure(portfolio.action_focus_matrix(project), labels.action_titles(project, "en"),
    ...                               labels.focus_area_names(project, "en"), "en")
    >>> [len(trace.x) for trace in figure.data]
    [2, 2]
    """
    colours = style.focus_area_colours(matrix.columns)
    rows = [f"{action_id} · {_safe(action_titles[action_id], LABEL_LENGTH)}" for action_id in matrix.index]
    figure = go.Figure()
    for focus_area_id in matrix.columns:
        serving = matrix[focus_area_id].to_numpy()
        name = _wrapped(focus_area_names[focus_area_id])
        figure.add_trace(go.Scatter(
            x=[name] * int(serving.sum()), y=[row for row, on in zip(rows, serving) if on], mode="markers",
            marker=dict(symbol="square", size=22, color=colours[focus_area_id]), name=name, showlegend=False,
            hovertemplate="%{y}<br>%{x}<extra></extra>",
        ))
    row = _row_height(len(rows), 30, 140)
    figure.update_traces(marker_size=min(22, row - 4))
    figure.update_xaxes(categoryorder="array", categoryarray=[_wrapped(n) for n in focus_area_names],
                        side="top", tickangle=0)
    figure.update_yaxes(categoryorder="array", categoryarray=rows[::-1], tickmode="array", tickvals=rows,
                        tickfont=dict(size=14 if row >= 24 else 11))
    return _layout(figure, tr(TEXTS, "matrix_title", lang), 140 + row * len(rows),
                   margin=dict(l=10, r=20, t=140, b=20))


def funding_mix_figure(funding_mix: pd.DataFrame, focus_area_names: pd.Series, lang: str) -> go.Figure:
    """Stacked bars: each focus area's budget by funding source.

    ``funding_mix`` is :func:`~workbook.actionplan.portfolio.funding_mix` (all areas or one).

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> from workbook.actionplan import labels, portfolio
    >>> project = example_project()
    >>> figure = funding_mix_figure(portfolio.funding_mix(project), labels.focus_area_names(project, "en"), "en")
    >>> [trace.name for trace in figure.data]
    ['EAKR', 'kunnat', 'Funding source not stated']
    """
    areas = [fa for fa in focus_area_names.index if fa in set(funding_mix["focus_area_id"])]
    names = [_safe(focus_area_names[fa], LABEL_LENGTH) for fa in areas]
    sources = list(funding_mix.groupby("funding", sort=False)["budget_eur"].sum().sort_values(
        ascending=False, kind="stable").index)
    colours = style.category_colours(sources)
    figure = go.Figure()
    for source in sources:
        rows = funding_mix[funding_mix["funding"] == source].set_index("focus_area_id").reindex(areas)
        shown_name = _safe(funding_label(source, lang))
        figure.add_trace(go.Bar(
            y=names, x=rows["budget_eur"].fillna(0), orientation="h", name=shown_name,
            marker_color="#bdbdbd" if source == "not_stated" else colours[source],
            hovertemplate=f"{shown_name}<br>%{{y}}: %{{x:,.0f}} €<extra></extra>",
        ))
    figure.update_layout(barmode="stack", separators=formats.plotly_separators(lang),
                         legend=dict(orientation="h", y=-0.25, x=0, traceorder="normal"))
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(title=tr(TEXTS, "funding_axis", lang), tickformat=",.0f")
    figure.add_annotation(text=tr(TEXTS, "funding_note", lang), xref="paper", yref="paper", x=0, y=1.02,
                          showarrow=False, xanchor="left", yanchor="bottom", font=dict(size=12, color="#52606d"))
    return _layout(figure, tr(TEXTS, "funding_title", lang), 220 + 55 * len(areas), margin=dict(l=10, r=20, t=90, b=40))


def status_figure(summary: pd.DataFrame, lang: str) -> go.Figure:
    """Stacked bars: each focus area's actions by status.

    ``summary`` is :func:`~workbook.actionplan.portfolio.focus_area_summary` (the total
    row, if there, is left out).

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> from workbook.actionplan import portfolio
    >>> figure = status_figure(portfolio.focus_area_summary(example_project(), "en"), "en")
    >>> [(trace.name, list(trace.x)) for trace in figure.data]
    [('Planned', [1, 2]), ('Ongoing', [1, 0])]
    """
    areas = summary[summary["focus_area_id"].notna()]
    names = [_safe(name, LABEL_LENGTH) for name in areas["focus_area"]]
    figure = go.Figure()
    for code in ("planned", "ongoing", "completed", "cancelled", "no_status"):
        if not areas[code].any():
            continue
        name = header(code, lang)
        figure.add_trace(go.Bar(y=names, x=areas[code].tolist(), orientation="h", name=name,
                                marker_color=style.STATUS_COLOURS.get(code, "#f0b429"),
                                hovertemplate=f"{name}<br>%{{y}}: %{{x}}<extra></extra>"))
    figure.update_layout(barmode="stack", legend=dict(orientation="h", y=-0.2, x=0, traceorder="normal"))
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(title=tr(TEXTS, "status_axis", lang), dtick=1)
    return _layout(figure, tr(TEXTS, "status_title", lang), 200 + 55 * len(areas))


def gantt_figure(timeline: pd.DataFrame, lang: str,
                 period: tuple[pd.Timestamp | None, pd.Timestamp | None] = (None, None),
                 height: int | None = None, label_length: int = LABEL_LENGTH) -> go.Figure:
    """Gantt chart by quarter: one bar per dated action, coloured by status, strategy period marked.

    ``timeline`` is :func:`~workbook.actionplan.focus_area.action_timeline`; actions
    without dates are named under the chart.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> from workbook.actionplan import focus_area
    >>> project = example_project()
    >>> figure = gantt_figure(focus_area.action_timeline(project, "en"), "en", project.period)
    >>> [(trace.name, len(trace.y)) for trace in figure.data], figure.layout.annotations[-1].text
    ([('Planned', 1), ('Ongoing', 1)], 'Without dates: T3')
    """
    dated = timeline[timeline["dated"]]
    rows = [f"{a} · {_safe(t, label_length)}" for a, t in zip(dated["action_id"], dated["title"])]
    figure = go.Figure()
    for code in vocab.ACTION_STATUSES:
        mine = (dated["status"] == code).to_numpy()
        if not mine.any():
            continue
        bars = dated[mine]
        duration = (bars["bar_end"] - bars["bar_start"]).dt.total_seconds() * 1000
        owners = bars["owner"].map(lambda owner: _safe(owner) if isinstance(owner, str) else tr(TEXTS, "no_owner", lang))
        figure.add_trace(go.Bar(
            y=[row for row, on in zip(rows, mine) if on], x=duration.tolist(),
            base=bars["bar_start"].dt.strftime("%Y-%m-%d").tolist(), orientation="h",
            name=label(vocab.ACTION_STATUSES, code, lang), marker_color=style.STATUS_COLOURS[code],
            customdata=list(zip(bars["title"].map(_safe), bars["start_quarter"], bars["end_quarter"], owners)),
            hovertemplate=tr(TEXTS, "gantt_hover", lang),
        ))
    start, end = period
    for day in (start, end):
        if day is not None:
            figure.add_vline(x=day.strftime("%Y-%m-%d"), line=dict(color="#d64545", dash="dash", width=2))
    if start is not None and end is not None:
        figure.add_annotation(x=start.strftime("%Y-%m-%d"), y=1, yref="paper", yanchor="bottom", xanchor="left",
                              text=tr(TEXTS, "period", lang), showarrow=False, font=dict(color="#d64545", size=13))
    undated = timeline.loc[~timeline["dated"], "action_id"]
    if len(undated):
        figure.add_annotation(text=tr(TEXTS, "undated", lang, ids=", ".join(map(_safe, undated))), xref="paper",
                              yref="paper", x=0, y=0, yshift=-50, showarrow=False, xanchor="left",
                              font=dict(size=13, color="#d64545"))
    figure.update_xaxes(type="date", dtick="M12", tickformat="%Y", ticklabelmode="period",
                        minor=dict(dtick="M3", showgrid=True, gridcolor="#eef2f6"), showgrid=True,
                        gridcolor="#c5ced8")
    # Every row named: plotly would otherwise skip labels when rows are dense.
    figure.update_yaxes(categoryorder="array", categoryarray=rows[::-1], tickmode="array", tickvals=rows)
    figure.update_layout(barmode="overlay", legend=dict(orientation="h", y=1.02, x=1, xanchor="right",
                                                        yanchor="bottom"))
    return _layout(figure, tr(TEXTS, "gantt_title", lang), height or 150 + 34 * max(len(rows), 1),
                   margin=dict(l=10, r=20, t=70, b=70 if len(undated) else 40))


def sankey_figure(flows: pd.DataFrame, focus_area_ids: Sequence[str], lang: str,
                  height: int | None = None) -> go.Figure:
    """Sankey diagram activity → action → focus area (or activity → focus area), widths in inputs.

    ``flows`` is :func:`~workbook.actionplan.trace.sankey_links` or
    :func:`~workbook.actionplan.trace.sankey_overview`; ``focus_area_ids`` (the project's
    order) fixes the colours. Inputs that led to no action flow into a grey node.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> from workbook.actionplan import trace
    >>> project = example_project()
    >>> figure = sankey_figure(trace.sankey_links(project, "en"), ["FA1", "FA2"], "en")
    >>> list(figure.data[0].node.label)
    ['Kiertotalouspaja', 'Matkailupaja', 'T1 · By-product exchange', 'T2 · Nature data', 'Led to no action', 'Circular economy', 'Experience services']
    """
    sources = flows[["source_stage", "source_id", "source"]].set_axis(["stage", "id", "name"], axis=1)
    targets = flows[["target_stage", "target_id", "target"]].set_axis(["stage", "id", "name"], axis=1)
    nodes = pd.concat([sources, targets]).drop_duplicates(["stage", "id"])
    stage_order = {"activity": 0, "action": 1, "focus_area": 2}
    nodes = nodes.assign(_stage=nodes["stage"].map(stage_order), _last=nodes["id"] == NO_ACTION) \
        .sort_values(["_stage", "_last"], kind="stable").reset_index(drop=True)
    position = {(stage, node_id): i for i, (stage, node_id) in enumerate(zip(nodes["stage"], nodes["id"]))}
    colours = style.focus_area_colours(focus_area_ids)
    first_area = flows[flows["target_stage"] == "focus_area"].drop_duplicates("source_id") \
        .set_index("source_id")["target_id"]

    def node_colour(stage: str, node_id: str) -> str:
        if node_id == NO_ACTION:
            return "#bdbdbd"
        if stage == "focus_area":
            return colours.get(node_id, "#666666")
        if stage == "action":
            return colours.get(first_area.get(node_id), "#666666")
        return "#52606d"

    def node_label(stage: str, node_id: str, name: str) -> str:
        if stage == "action" and node_id != NO_ACTION:
            return f"{_safe(node_id)} · {_safe(name, 36)}"
        return _safe(name, 40)

    link_colours = [
        "rgba(189,189,189,0.45)" if target == NO_ACTION else "rgba(82,96,109,0.25)"
        for target in flows["target_id"]
    ]
    figure = go.Figure(go.Sankey(
        arrangement="snap",
        node=dict(label=[node_label(s, i, n) for s, i, n in zip(nodes["stage"], nodes["id"], nodes["name"])],
                  color=[node_colour(s, i) for s, i in zip(nodes["stage"], nodes["id"])], pad=12, thickness=16,
                  line=dict(width=0)),
        link=dict(source=[position[k] for k in zip(flows["source_stage"], flows["source_id"])],
                  target=[position[k] for k in zip(flows["target_stage"], flows["target_id"])],
                  value=flows["inputs"].tolist(), color=link_colours,
                  hovertemplate=tr(TEXTS, "sankey_hover", lang)),
        textfont=dict(size=13),
    ))
    tallest_stage = int(nodes["stage"].value_counts().max()) if len(nodes) else 0
    row = _row_height(tallest_stage, 26, 140)
    figure.update_traces(node_pad=max(2, row - 14), textfont_size=13 if row >= 20 else 11)
    title = "sankey_title" if (nodes["stage"] == "action").any() else "sankey_overview_title"
    return _layout(figure, tr(TEXTS, title, lang), height or max(420, row * tallest_stage + 140))


def voice_share_figure(voice: pd.DataFrame, lang: str, min_group_size: int) -> go.Figure:
    """Horizontal bars: each group's voice share; groups too small to compare are named, not drawn.

    ``voice`` is :func:`~workbook.actionplan.trace.voice_share` (any ``by``).

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> from workbook.actionplan import trace
    >>> figure = voice_share_figure(trace.voice_share(example_project()), "en", 5)
    >>> list(figure.data[0].text)
    ['fewer than 5 inputs, not compared', 'fewer than 5 inputs, not compared', 'fewer than 5 inputs, not compared', 'fewer than 5 inputs, not compared']
    """
    by = voice.columns[0]
    names = [label(VOCAB_COLUMNS[by], code, lang) for code in voice[by]]
    hidden_text = tr(TEXTS, "voice_hidden", lang, n=min_group_size)
    texts = [hidden_text if hidden else percent(share, lang) for hidden, share in zip(voice["hidden"], voice["voice_share"])]
    colours = ["#1f2933" if code == TOTAL else "#0b5394" for code in voice[by]]
    figure = go.Figure(go.Bar(
        y=names, x=voice["voice_share"].fillna(0).tolist(), orientation="h", marker_color=colours, text=texts,
        textposition="outside", cliponaxis=False,
        customdata=list(zip(voice["inputs_in_action"].map(lambda v: "–" if pd.isna(v) else int(v)), voice["inputs"])),
        hovertemplate=tr(TEXTS, "voice_hover", lang),
    ))
    figure.update_xaxes(range=[0, 1.3], tickformat=".0%", tickvals=[0, 0.25, 0.5, 0.75, 1])
    figure.update_yaxes(autorange="reversed")
    return _layout(figure, tr(TEXTS, "voice_title", lang), 140 + 42 * len(voice))


def indicator_figure(progress: pd.DataFrame, lang: str) -> go.Figure:
    """Horizontal bars: each indicator's progress from baseline (0 %) to target (100 %).

    ``progress`` is :func:`~workbook.actionplan.focus_area.indicator_progress`.
    Indicators without a measurement or a baseline/target show why instead of a bar.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> from workbook.actionplan import focus_area
    >>> figure = indicator_figure(focus_area.indicator_progress(example_project(), "en", "FA1"), "en")
    >>> list(figure.data[0].text)
    ['0 → 1000 t, now 250', 'not measured']
    """
    names = [f"{i} · {_safe(n, LABEL_LENGTH)}" for i, n in zip(progress["indicator_id"], progress["indicator"])]

    def number(value: float) -> str:
        return "–" if pd.isna(value) else f"{value:g}".replace(".", "," if lang == "fi" else ".")

    texts = [
        tr(TEXTS, "indicator_unmeasured", lang) if pd.isna(row.progress) else
        tr(TEXTS, "indicator_text", lang, baseline=number(row.baseline), target=number(row.target),
           unit=_safe(row.unit) if isinstance(row.unit, str) else "", latest=number(row.latest_value)).replace("  ", " ")
        for row in progress.itertuples()
    ]
    figure = go.Figure(go.Bar(
        y=names, x=progress["progress"].fillna(0).clip(lower=0).tolist(), orientation="h", text=texts,
        textposition="outside", cliponaxis=False, marker_color="#3182bd",
        hovertemplate="%{y}<br>%{text}<extra></extra>",
    ))
    figure.add_vline(x=1, line=dict(color="#31a354", dash="dot", width=2))
    figure.update_xaxes(range=[0, 1.6], tickformat=".0%", tickvals=[0, 0.5, 1])
    figure.update_yaxes(autorange="reversed")
    return _layout(figure, tr(TEXTS, "indicator_title", lang), 130 + 40 * max(len(progress), 1))

