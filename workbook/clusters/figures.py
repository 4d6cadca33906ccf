"""Plotly figures of the cluster scorecard (views: they draw, they never compute).

Cluster and criterion names come from spreadsheets; plotly reads a little HTML in its
labels, so every name is escaped before it reaches a figure.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from workbook import vocab
from workbook.clusters.scorecard import VERDICTS, format_date, format_value
from workbook.htmlreport import plot_text
from workbook.i18n import Texts, label, tr
from workbook.style import ACTOR_TYPE_COLOURS, VERDICT_COLOURS

# Symbols beside the colours, so the grid also reads in greyscale and for colour-blind readers.
VERDICT_SYMBOLS: dict[str, str] = {"met": "✓", "partly": "◐", "not_met": "✗", "no_evidence": "?"}
# Text colour that stays readable on each verdict colour.
VERDICT_TEXT_COLOURS: dict[str, str] = {"met": "white", "partly": "#1f2933", "not_met": "white",
                                        "no_evidence": "#1f2933"}

TEXTS: Texts = {
    "grid_title": {"fi": "Klusterit kriteereittäin", "en": "Clusters by criterion"},
    "profile_title": {"fi": "{cluster}: tavoitteista saavutettu", "en": "{cluster}: share of each goal reached"},
    "goal_axis": {"fi": "Tavoitteesta saavutettu (%)", "en": "Share of goal reached (%)"},
    "goal_line": {"fi": "tavoite", "en": "goal"},
    "half_line": {"fi": "puolet", "en": "half"},
    "membership_title": {"fi": "Klusterien jäsenet toimijatyypeittäin", "en": "Cluster members by actor type"},
    "members_axis": {"fi": "Jäseniä", "en": "Members"},
    "rounds_title": {"fi": "Kirjatut arviot kierroksittain", "en": "Recorded assessments by round"},
    "criteria_axis": {"fi": "Kriteerejä", "en": "Criteria"},
    "no_rounds": {"fi": "Ei kirjattuja arvioita", "en": "No recorded assessments"},
    "hover_value": {"fi": "Arvo", "en": "Value"},
    "hover_goal": {"fi": "Tavoite", "en": "Goal"},
    "hover_source": {"fi": "Lähde", "en": "Source"},
}


def _wrap(text: str, width: int = 22) -> str:
    """Escaped text broken into lines for an axis label."""
    return "<br>".join(plot_text(line) for line in textwrap.wrap(str(text), width)) or plot_text(text)


def _criterion_labels(card: pd.DataFrame, lang: str, width: int = 22) -> dict[str, str]:
    rows = card[["criterion_id", f"criterion_{lang}"]].drop_duplicates("criterion_id")
    return {c: _wrap(f"{c} {name}", width) for c, name in zip(rows["criterion_id"], rows[f"criterion_{lang}"])}


def _cluster_labels(card: pd.DataFrame) -> dict[str, str]:
    rows = card[["cluster_id", "cluster_name"]].drop_duplicates("cluster_id")
    duplicated = rows["cluster_name"].duplicated(keep=False)
    return {c: plot_text(f"{name} ({c})" if twice else name)
            for c, name, twice in zip(rows["cluster_id"], rows["cluster_name"], duplicated)}


def _cell_text(row: pd.Series, lang: str) -> str:
    if row["verdict"] == "no_evidence":
        return VERDICT_SYMBOLS["no_evidence"]
    value = format_value(row["value"], row["measure"], lang)
    goal = format_value(row["threshold"], row["measure"], lang)
    shown = value if row["measure"] == "yes_no" else f"{value} / {goal}"
    return f"{VERDICT_SYMBOLS[row['verdict']]} {shown}"


def _bar_text(row: pd.Series, lang: str) -> str:
    if row["verdict"] == "no_evidence":
        return f"{VERDICT_SYMBOLS['no_evidence']} {label(VERDICTS, 'no_evidence', lang)}"
    return _cell_text(row, lang)


def _legend_traces(lang: str) -> list[go.Scatter]:
    return [go.Scatter(x=[None], y=[None], mode="markers", name=f"{VERDICT_SYMBOLS[v]} {label(VERDICTS, v, lang)}",
                       marker={"symbol": "square", "size": 14, "color": VERDICT_COLOURS[v]}, hoverinfo="skip")
            for v in VERDICTS]


def scorecard_figure(card: pd.DataFrame, lang: str) -> go.Figure:
    """The scorecard grid: clusters down, criteria across, each cell coloured by its verdict.

    Each cell shows the value against the goal (``0,5 / 2``) after a verdict symbol.

    Examples
    --------
    >>> card = pd.DataFrame({"cluster_id": ["CL1"], "cluster_name": ["Arctic Design"], "criterion_id": ["K4"],
    ...     "criterion_fi": ["Tilaisuudet"], "criterion_en": ["Activities"], "measure": ["count"],
    ...     "threshold": [2.0], "source": ["recorded"], "value": [1.0], "verdict": ["partly"]})
    >>> scorecard_figure(card, "fi").layout.annotations[0].text
    '◐ 1 / 2'
    """
    codes = {v: i for i, v in enumerate(VERDICTS)}
    # Narrow columns: eight criteria share the page width, so their names wrap short.
    criteria = _criterion_labels(card, lang, width=14)
    clusters = _cluster_labels(card)
    x_order, y_order = list(criteria.values()), list(clusters.values())
    grid = card.assign(x=card["criterion_id"].map(criteria), y=card["cluster_id"].map(clusters),
                       code=card["verdict"].map(codes))
    z = grid.pivot(index="y", columns="x", values="code").reindex(index=y_order, columns=x_order)
    hover = grid.assign(hover=[
        f"{plot_text(row['cluster_name'])}<br>{plot_text(row['criterion_id'])} {plot_text(row[f'criterion_{lang}'])}<br>"
        f"{label(VERDICTS, row['verdict'], lang)}<br>"
        f"{tr(TEXTS, 'hover_value', lang)}: {format_value(row['value'], row['measure'], lang) or '–'}<br>"
        f"{tr(TEXTS, 'hover_goal', lang)}: {format_value(row['threshold'], row['measure'], lang)}<br>"
        f"{tr(TEXTS, 'hover_source', lang)}: {label(vocab.CRITERION_EVIDENCE, row['source'], lang)}"
        for _, row in grid.iterrows()]).pivot(index="y", columns="x", values="hover").reindex(
        index=y_order, columns=x_order)
    steps = []
    for i, verdict in enumerate(VERDICTS):
        steps += [[i / len(VERDICTS), VERDICT_COLOURS[verdict]], [(i + 1) / len(VERDICTS), VERDICT_COLOURS[verdict]]]
    figure = go.Figure(go.Heatmap(
        z=z.to_numpy(dtype=float), x=x_order, y=y_order, colorscale=steps, zmin=-0.5, zmax=len(VERDICTS) - 0.5,
        showscale=False, xgap=3, ygap=3, customdata=hover.to_numpy(), hovertemplate="%{customdata}<extra></extra>"))
    for trace in _legend_traces(lang):
        figure.add_trace(trace)
    for _, row in grid.iterrows():
        figure.add_annotation(x=row["x"], y=row["y"], text=plot_text(_cell_text(row, lang)), showarrow=False,
                              font={"color": VERDICT_TEXT_COLOURS[row["verdict"]], "size": 12})
    figure.update_layout(
        title=tr(TEXTS, "grid_title", lang), template="plotly_white",
        height=200 + 70 * len(y_order), margin={"l": 10, "r": 10, "t": 110, "b": 10},
        xaxis={"side": "top", "tickangle": 0, "showgrid": False, "type": "category"},
        yaxis={"autorange": "reversed", "showgrid": False, "type": "category"},
        legend={"orientation": "h", "yanchor": "top", "y": -0.02, "xanchor": "left", "x": 0},
        plot_bgcolor="white",
    )
    return figure


def profile_figure(card: pd.DataFrame, cluster_id: str, lang: str) -> go.Figure:
    """One cluster's profile: how much of each criterion's goal it reaches (bars coloured by verdict).

    Examples
    --------
    >>> card = pd.DataFrame({"cluster_id": ["CL1", "CL1"], "cluster_name": ["Arctic Design"] * 2,
    ...     "criterion_id": ["K2", "K4"], "criterion_fi": ["Johtaja", "Tilaisuudet"],
    ...     "criterion_en": ["Director", "Activities"], "measure": ["yes_no", "count"], "threshold": [1.0, 2.0],
    ...     "source": ["recorded", "member_activities_per_year"], "value": [1.0, 0.5],
    ...     "verdict": ["met", "not_met"], "goal_share": [1.0, 0.25]})
    >>> [list(trace.x) for trace in profile_figure(card, "CL1", "en").data if trace.type == "bar"]
    [[100.0], [25.0]]
    """
    rows = card[card["cluster_id"] == cluster_id]
    criteria = _criterion_labels(rows, lang, width=32)
    figure = go.Figure()
    for verdict in VERDICTS:
        part = rows[rows["verdict"] == verdict]
        if part.empty:
            continue
        figure.add_trace(go.Bar(
            x=(100 * part["goal_share"].fillna(0)).round(1).tolist(), y=part["criterion_id"].map(criteria).tolist(),
            orientation="h", name=f"{VERDICT_SYMBOLS[verdict]} {label(VERDICTS, verdict, lang)}",
            marker={"color": VERDICT_COLOURS[verdict], "line": {"color": "#52606d", "width": 0.5}},
            text=[plot_text(_bar_text(row, lang)) for _, row in part.iterrows()], textposition="outside",
            cliponaxis=False, hovertemplate="%{y}<br>%{text}<extra></extra>"))
    for position, key, dash in ((100, "goal_line", "dash"), (50, "half_line", "dot")):
        figure.add_vline(x=position, line={"color": "#52606d", "dash": dash, "width": 1},
                         annotation_text=tr(TEXTS, key, lang), annotation_position="top")
    name = rows["cluster_name"].iloc[0] if len(rows) else cluster_id
    figure.update_layout(
        title=plot_text(tr(TEXTS, "profile_title", lang, cluster=name)), template="plotly_white",
        barmode="overlay", height=140 + 48 * len(criteria), margin={"l": 10, "r": 40, "t": 70, "b": 40},
        xaxis={"range": [0, 125], "title": tr(TEXTS, "goal_axis", lang), "tickvals": [0, 25, 50, 75, 100]},
        yaxis={"categoryorder": "array", "categoryarray": list(criteria.values()), "autorange": "reversed",
               "type": "category"},
        legend={"orientation": "h", "yanchor": "top", "y": -0.18, "x": 0},
    )
    return figure


def membership_figure(by_type: pd.DataFrame, clusters: pd.DataFrame, lang: str) -> go.Figure:
    """Members of each cluster by actor type (stacked bars in the fixed actor-type colours).

    ``by_type`` comes from :func:`workbook.clusters.evidence.membership_by_type`.

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> from workbook.clusters.evidence import membership_by_type
    >>> project = tiny_project()
    >>> [trace.name for trace in membership_figure(membership_by_type(project), project.clusters, "fi").data]
    ['Yritys']
    """
    names = dict(zip(clusters["cluster_id"], clusters["name"]))
    y = [plot_text(names[c]) for c in by_type["cluster_id"]]
    figure = go.Figure()
    for actor_type in vocab.codes(vocab.ACTOR_TYPES):
        if by_type[actor_type].sum() == 0:
            continue
        figure.add_trace(go.Bar(x=by_type[actor_type].tolist(), y=y, orientation="h",
                                name=label(vocab.ACTOR_TYPES, actor_type, lang),
                                marker={"color": ACTOR_TYPE_COLOURS[actor_type]}))
    figure.update_layout(
        title=tr(TEXTS, "membership_title", lang), barmode="stack", template="plotly_white",
        height=160 + 50 * len(y), margin={"l": 10, "r": 10, "t": 60, "b": 40},
        xaxis={"title": tr(TEXTS, "members_axis", lang)},
        yaxis={"autorange": "reversed", "type": "category"},
        legend={"orientation": "h", "yanchor": "top", "y": -0.25, "x": 0, "traceorder": "normal"},
    )
    return figure


def rounds_figure(rounds_card: pd.DataFrame, lang: str) -> go.Figure:
    """Recorded criteria met, partly met, not met or without evidence, by cluster and round.

    ``rounds_card`` comes from :func:`workbook.clusters.scorecard.rounds_scorecard`.

    Examples
    --------
    >>> card = pd.DataFrame({"cluster_id": ["CL1", "CL1"], "cluster_name": ["Arctic Design"] * 2,
    ...     "round": [1, 2], "round_date": pd.to_datetime(["2022-05-31", "2023-04-30"]),
    ...     "verdict": ["not_met", "met"]})
    >>> figure = rounds_figure(card, "en")
    >>> [(trace.name, list(trace.y)) for trace in figure.data][:3]
    [('✓ Met', [0, 1]), ('◐ Partly met', [0, 0]), ('✗ Not met', [1, 0])]
    """
    figure = go.Figure()
    if rounds_card.empty:
        figure.add_annotation(text=tr(TEXTS, "no_rounds", lang), showarrow=False, x=0.5, y=0.5,
                              xref="paper", yref="paper")
        figure.update_layout(template="plotly_white", height=200, xaxis={"visible": False},
                             yaxis={"visible": False})
        return figure
    clusters = _cluster_labels(rounds_card)
    keys = rounds_card[["cluster_id", "round", "round_date"]].drop_duplicates().assign(
        order=lambda f: f["cluster_id"].map({c: i for i, c in enumerate(clusters)}))
    keys = keys.sort_values(["order", "round"], kind="stable")
    x = [[clusters[c] for c in keys["cluster_id"]], [format_date(d, lang) for d in keys["round_date"]]]
    counts = rounds_card.groupby(["cluster_id", "round", "verdict"]).size()
    for verdict in VERDICTS:
        heights = [int(counts.get((c, r, verdict), 0)) for c, r in zip(keys["cluster_id"], keys["round"])]
        figure.add_trace(go.Bar(x=x, y=heights, name=f"{VERDICT_SYMBOLS[verdict]} {label(VERDICTS, verdict, lang)}",
                                marker={"color": VERDICT_COLOURS[verdict]}))
    figure.update_layout(
        title=tr(TEXTS, "rounds_title", lang), barmode="stack", template="plotly_white", height=420,
        margin={"l": 10, "r": 10, "t": 60, "b": 10}, yaxis={"title": tr(TEXTS, "criteria_axis", lang), "dtick": 1},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0.4},
    )
    return figure
