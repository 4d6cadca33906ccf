"""Plotly figures of the participation summary (views: they draw, they never compute).

Each builder takes a table made by :mod:`reach`, :mod:`voice` or :mod:`surveys`, the
language, and where groups need names a ``{code: name}`` mapping (see
:func:`workbook.participation.labels.group_labels`). A figure hidden for privacy shows its
mark where its bar would be (``<n`` below the minimum group size, ``..`` hidden to protect
another, see :mod:`workbook.privacy`) and its hover text says "hidden", never a number; a
figure with a mark carries the one-line legend under the chart. Colours follow :mod:`workbook.style`.
Text from spreadsheets (titles, names, options, questions) is escaped before it reaches a
figure: plotly turns ``<a href=…>`` in a label into a live SVG link.
"""

from __future__ import annotations

from typing import Mapping

import pandas as pd
import plotly.graph_objects as go

from workbook import style, vocab
from workbook.htmlreport import plot_text
from workbook.i18n import label, tr
from workbook.participation.themes import theme_label
from workbook.privacy import legend, mark

TEXTS = {
    "activities_by_month": {"fi": "Tilaisuudet kuukausittain", "en": "Activities per month"},
    "activities": {"fi": "Tilaisuuksia", "en": "Activities"},
    "month": {"fi": "Kuukausi", "en": "Month"},
    "participants": {"fi": "Osallistujia (henkilöä)", "en": "Participants (people)"},
    "organisations": {"fi": "Organisaatioita", "en": "Organisations"},
    "activity_reach": {"fi": "Osallistujat ja organisaatiot tilaisuuksittain",
                       "en": "Participants and organisations per activity"},
    "registry": {"fi": "Toimijarekisterissä", "en": "In the actor registry"},
    "reached": {"fi": "Osallistui", "en": "Took part"},
    "reached_title": {"fi": "Tavoitetut organisaatiot: {dimension}", "en": "Organisations reached: {dimension}"},
    "representation": {"fi": "Osuus prosessista verrattuna osuuteen toimijarekisteristä",
                       "en": "Share of the process compared with share of the actor registry"},
    "registry_share": {"fi": "Osuus rekisteristä", "en": "Share of the registry"},
    "organisation_share": {"fi": "Osuus osallistuneista organisaatioista",
                           "en": "Share of organisations taking part"},
    "attendance_share": {"fi": "Osuus osallistujista (henkilöt)", "en": "Share of people taking part"},
    "share": {"fi": "Osuus", "en": "Share"},
    "repeat": {"fi": "Kuinka moneen tilaisuuteen osallistuttiin", "en": "How many activities each took part in"},
    "activities_attended": {"fi": "Tilaisuuksia", "en": "Activities attended"},
    "people": {"fi": "Henkilöitä", "en": "People"},
    "inputs": {"fi": "Ideoita ja ehdotuksia", "en": "Inputs"},
    "inputs_title": {"fi": "Ideat ja ehdotukset: {dimension}", "en": "Inputs: {dimension}"},
    "heatmap": {"fi": "Ideat ja ehdotukset painopistealueittain ja ryhmittäin",
                "en": "Inputs by focus area and group"},
    "in_actions": {"fi": "Päätyi toimenpiteisiin", "en": "Taken into actions"},
    "not_in_actions": {"fi": "Ei päätynyt toimenpiteisiin", "en": "Not taken into actions"},
    "into_actions": {"fi": "Kenen ideat päätyivät toimenpiteisiin", "en": "Whose inputs were taken into actions"},
    "likert": {"fi": "Väittämien vastausjakaumat", "en": "Answers to the statements"},
    "means": {"fi": "Keskiarvot ja 95 %:n luottamusvälit", "en": "Means with 95% confidence intervals"},
    "mean": {"fi": "Keskiarvo", "en": "Mean"},
    "respondents": {"fi": "Vastaajien osuus", "en": "Share of respondents"},
    "themes": {"fi": "Avointen vastausten teemat (avainsanoin)", "en": "Themes of open answers (by keyword)"},
    "answers": {"fi": "Vastauksia", "en": "Answers"},
    "hidden": {"fi": "piilotettu", "en": "hidden"},
    "level": {"fi": "Vastaus {level}", "en": "Answer {level}"},
    "group_left_out": {
        "fi": "Kuviosta puuttuu yksi ryhmä, koska sen luvut on piilotettu pienten ryhmien suojaamiseksi (alle {n} vastaajaa tai luku, josta pienen ryhmän voisi päätellä).",
        "en": "One group is left out of the chart: its figures are hidden to protect small groups (fewer than {n} respondents, or a figure from which a small group could be worked out).",
    },
    "groups_left_out": {
        "fi": "Kuviosta puuttuu {k} ryhmää, koska niiden luvut on piilotettu pienten ryhmien suojaamiseksi (alle {n} vastaajaa tai luku, josta pienen ryhmän voisi päätellä).",
        "en": "{k} groups are left out of the chart: their figures are hidden to protect small groups (fewer than {n} respondents, or a figure from which a small group could be worked out).",
    },
}

FONT = dict(family="system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif", size=13)
GRID = "#e4e7eb"
KIND_COLOURS = dict(zip(vocab.codes(vocab.ACTIVITY_KINDS), style.CATEGORY_PALETTE))


def _marker(min_size: int, lang: str, reason: str | None = None) -> str:
    return mark(reason, min_size, lang)


def _reasons(frame: pd.DataFrame, column: str) -> list:
    return list(frame[column]) if column in frame else [None] * len(frame)


def _hover(values, marks: list[str], lang: str, number: str = "{:.0f}") -> list[str]:
    """Hover text of each bar: its number, or "hidden (<5)" / "hidden (..)" — never a number."""
    hidden = tr(TEXTS, "hidden", lang)
    return [f"{hidden} ({m})" if m else ("" if pd.isna(v) else number.format(v)) for v, m in zip(values, marks)]


def _add_legend(figure: go.Figure, min_size: int, lang: str) -> go.Figure:
    """The legend of the marks under a chart that shows one."""
    figure.add_annotation(text=plot_text(legend(min_size, lang)), xref="paper", yref="paper", x=0, y=-0.3,
                          showarrow=False, xanchor="left", yanchor="top", font=dict(size=11, color="#52606d"))
    figure.update_layout(margin=dict(b=110))
    return figure


def _layout(figure: go.Figure, title: str, height: int | None = None, **layout) -> go.Figure:
    # Plain white styling set directly: a named template would be copied into every figure.
    layout = {"legend": dict(orientation="h", y=-0.15), **layout}
    figure.update_layout(title=dict(text=plot_text(title), x=0), font=FONT, plot_bgcolor="white", paper_bgcolor="white",
                         margin=dict(l=10, r=20, t=60, b=40), height=height, **layout)
    figure.update_xaxes(gridcolor=GRID, zerolinecolor=GRID, automargin=True)
    figure.update_yaxes(gridcolor=GRID, zerolinecolor=GRID, automargin=True)
    return figure


def _named(codes: pd.Series, labels: Mapping[str, str] | None) -> list[str]:
    return [plot_text((labels or {}).get(code, code)) for code in codes]


def activities_by_month(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Stacked bars: activities per month, by kind (from ``reach.activities_by_month``)."""
    figure = go.Figure()
    for kind in vocab.codes(vocab.ACTIVITY_KINDS):
        own = frame[frame["kind"] == kind]
        if len(own):
            figure.add_bar(x=own["month"], y=own["activities"], name=label(vocab.ACTIVITY_KINDS, kind, lang),
                           marker_color=KIND_COLOURS[kind])
    figure.update_xaxes(title=tr(TEXTS, "month", lang), dtick="M1", tickformat="%m/%Y")
    figure.update_yaxes(title=tr(TEXTS, "activities", lang), dtick=1)
    return _layout(figure, tr(TEXTS, "activities_by_month", lang), barmode="stack",
                   legend=dict(orientation="h", y=-0.2, traceorder="normal"))


def activity_reach(frame: pd.DataFrame, lang: str, min_size: int) -> go.Figure:
    """Horizontal bars per activity: organisations and participants (from ``reach.activity_reach``)."""
    names = [plot_text(f"{row.activity_id} {row.title}") for row in frame.itertuples()]
    hidden = frame["participants"].isna()
    marks = [_marker(min_size, lang, r) if h else "" for h, r in zip(hidden, _reasons(frame, "participants_reason"))]
    figure = go.Figure()
    figure.add_bar(y=names, x=frame["organisations"], orientation="h", name=tr(TEXTS, "organisations", lang),
                   marker_color="#0b5394")
    figure.add_bar(y=names, x=frame["participants"].fillna(0), orientation="h",
                   name=tr(TEXTS, "participants", lang), marker_color="#f0b429",
                   text=marks, textposition="outside", customdata=_hover(frame["participants"], marks, lang),
                   hovertemplate="%{y}: %{customdata}<extra></extra>")
    figure.update_yaxes(autorange="reversed")
    figure = _layout(figure, tr(TEXTS, "activity_reach", lang), height=max(320, 34 * len(frame) + 120),
                     barmode="group")
    return _add_legend(figure, min_size, lang) if hidden.any() else figure


def organisations_reached(frame: pd.DataFrame, lang: str, dimension_name: str,
                          labels: Mapping[str, str] | None = None) -> go.Figure:
    """Registry vs reached organisations per group (from ``reach.organisations_reached``)."""
    names = _named(frame["group"], labels)
    figure = go.Figure()
    figure.add_bar(y=names, x=frame["registry"], orientation="h", name=tr(TEXTS, "registry", lang),
                   marker_color="#bcccdc")
    figure.add_bar(y=names, x=frame["reached"], orientation="h", name=tr(TEXTS, "reached", lang),
                   marker_color="#0b5394", text=frame["reached"], textposition="outside")
    figure.update_yaxes(autorange="reversed", dtick=1)
    return _layout(figure, tr(TEXTS, "reached_title", lang, dimension=dimension_name),
                   height=max(320, 26 * len(frame) + 140), barmode="group")


def representation(frame: pd.DataFrame, lang: str, min_size: int,
                   labels: Mapping[str, str] | None = None) -> go.Figure:
    """Each group's share of registry, organisations and people (from ``reach.representation``)."""
    frame = frame[frame["registry"] + frame["organisations"] > 0]
    names = _named(frame["group"], labels)
    figure = go.Figure()
    reasons = _reasons(frame, "reason")
    any_hidden = False
    for column, colour in (("registry_share", "#bcccdc"), ("organisation_share", "#0b5394"),
                           ("attendance_share", "#f0b429")):
        text = [_marker(min_size, lang, r) if pd.isna(v) and column == "attendance_share" and h else ""
                for v, r, h in zip(frame[column], reasons, frame["hidden"])]
        any_hidden = any_hidden or any(text)
        figure.add_bar(y=names, x=frame[column].fillna(0), orientation="h", name=tr(TEXTS, column, lang),
                       marker_color=colour, text=text, textposition="outside",
                       customdata=_hover(frame[column], text, lang, "{:.0%}"),
                       hovertemplate="%{y}: %{customdata}<extra></extra>")
    figure.update_xaxes(tickformat=".0%")
    figure.update_yaxes(autorange="reversed")
    figure = _layout(figure, tr(TEXTS, "representation", lang), height=max(340, 60 * len(frame) + 140),
                     barmode="group")
    return _add_legend(figure, min_size, lang) if any_hidden else figure


def repeat_participation(frame: pd.DataFrame, lang: str, min_size: int) -> go.Figure:
    """Organisations and people by number of activities attended (``reach.repeat_participation``)."""
    figure = go.Figure()
    figure.add_bar(x=frame["activities"], y=frame["organisations"], name=tr(TEXTS, "organisations", lang),
                   marker_color="#0b5394", text=frame["organisations"], textposition="outside")
    marks = [_marker(min_size, lang, r) if pd.isna(v) else "" for v, r in zip(frame["people"],
                                                                               _reasons(frame, "people_reason"))]
    figure.add_bar(x=frame["activities"], y=frame["people"].fillna(0), name=tr(TEXTS, "people", lang),
                   marker_color="#f0b429", textposition="outside",
                   text=[m or f"{v:.0f}" for v, m in zip(frame["people"], marks)],
                   customdata=_hover(frame["people"], marks, lang),
                   hovertemplate="%{x}: %{customdata}<extra></extra>")
    figure.update_xaxes(title=tr(TEXTS, "activities_attended", lang), type="category")
    figure = _layout(figure, tr(TEXTS, "repeat", lang), barmode="group")
    return _add_legend(figure, min_size, lang) if any(marks) else figure


def inputs_by(frame: pd.DataFrame, lang: str, dimension_name: str, labels: Mapping[str, str] | None = None,
              colours: Mapping[str, str] | None = None) -> go.Figure:
    """Inputs per group, split by whether they were taken into actions (``voice.inputs_by``)."""
    names = _named(frame["group"], labels)
    figure = go.Figure()
    figure.add_bar(y=names, x=frame["in_actions"], orientation="h", name=tr(TEXTS, "in_actions", lang),
                   marker_color="#3f9142")
    figure.add_bar(y=names, x=frame["inputs"] - frame["in_actions"], orientation="h",
                   name=tr(TEXTS, "not_in_actions", lang), marker_color="#bcccdc")
    figure.update_yaxes(autorange="reversed")
    return _layout(figure, tr(TEXTS, "inputs_title", lang, dimension=dimension_name),
                   height=max(300, 28 * len(frame) + 140), barmode="stack")


def focus_area_heatmap(table: pd.DataFrame, lang: str, focus_area_labels: Mapping[str, str],
                       group_labels: Mapping[str, str]) -> go.Figure:
    """Inputs by focus area (rows) and group (columns) (``voice.focus_area_inputs_by_group``)."""
    figure = go.Figure(go.Heatmap(
        z=table.to_numpy(), x=_named(pd.Series(table.columns), group_labels),
        y=_named(pd.Series(table.index), focus_area_labels), colorscale="Blues", text=table.to_numpy(),
        texttemplate="%{text}", hovertemplate="%{y}<br>%{x}: %{z}<extra></extra>", showscale=False))
    figure.update_yaxes(autorange="reversed")
    return _layout(figure, tr(TEXTS, "heatmap", lang), height=max(300, 60 * len(table) + 160))


def likert_diverging(frame: pd.DataFrame, lang: str, question_labels: Mapping[str, str],
                     min_size: int) -> go.Figure:
    """Diverging stacked bars of Likert answers, one bar per question (overall rows of
    ``surveys.likert_distribution``): disagreement to the left of zero, agreement to the
    right, the middle point split across zero; hidden questions show the ``<n`` marker."""
    frame = frame[frame["group"] == frame["group"].iloc[0]] if len(frame) else frame
    levels = sorted(int(level) for level in frame["level"].unique())
    middle = (levels[0] + levels[-1]) / 2 if levels else 0
    colours = ["#b2182b", "#ef8a62", "#d9d9d9", "#67a9cf", "#2166ac"]
    palette = {lv: colours[round(i * (len(colours) - 1) / max(len(levels) - 1, 1))] for i, lv in enumerate(levels)}
    order = list(dict.fromkeys(frame["question_id"]))
    names = [plot_text(question_labels.get(q, q)) for q in order]
    shares = frame.pivot(index="question_id", columns="level", values="share").reindex(order)
    figure = go.Figure()
    # Negative side drawn from the middle outwards so that stacking starts at zero.
    for level in sorted([lv for lv in levels if lv <= middle], reverse=True):
        part = shares[level] / (2 if level == middle else 1)
        figure.add_bar(y=names, x=-part, orientation="h", name=tr(TEXTS, "level", lang, level=level),
                       marker_color=palette[level], legendrank=level, showlegend=bool(level != middle),
                       customdata=shares[level], hovertemplate="%{y}: %{customdata:.0%}<extra></extra>")
    for level in [lv for lv in levels if lv >= middle]:
        part = shares[level] / (2 if level == middle else 1)
        figure.add_bar(y=names, x=part, orientation="h", name=tr(TEXTS, "level", lang, level=level),
                       marker_color=palette[level], legendrank=level, customdata=shares[level],
                       hovertemplate="%{y}: %{customdata:.0%}<extra></extra>")
    any_hidden = False
    for name, hidden in zip(names, shares.isna().all(axis=1)):
        if hidden:
            any_hidden = True
            figure.add_annotation(x=0, y=name, text=_marker(min_size, lang), showarrow=False)
    figure.update_xaxes(tickformat=".0%", range=[-1, 1])
    figure.update_yaxes(autorange="reversed")
    figure = _layout(figure, tr(TEXTS, "likert", lang), height=max(300, 44 * len(order) + 160), barmode="relative",
                     legend=dict(orientation="h", y=-0.12, traceorder="normal"))
    return _add_legend(figure, min_size, lang) if any_hidden else figure


def means(frame: pd.DataFrame, lang: str, question_labels: Mapping[str, str],
          group_labels: Mapping[str, str] | None = None, colours: Mapping[str, str] | None = None,
          min_size: int = 5) -> go.Figure:
    """Means with confidence intervals per question and group (``surveys.means`` of
    questions on one scale); hidden groups are left out of the figure (the table marks
    them) and a note under the chart says how many and why. Every series is named in the
    legend, also when only one is left. ``colours`` maps groups to colours (default: the
    category palette)."""
    shown = frame[~frame["hidden"]]
    figure = go.Figure()
    groups = list(dict.fromkeys(shown["group"]))
    colours = {**style.category_colours(groups), **(colours or {})}
    for group in groups:
        own = shown[shown["group"] == group]
        figure.add_scatter(
            x=own["mean"], y=[plot_text(question_labels.get(q, q)) for q in own["question_id"]], mode="markers",
            name=plot_text((group_labels or {}).get(group, group)), marker=dict(size=11, color=colours[group]),
            error_x=dict(type="data", symmetric=False, array=own["ci_high"] - own["mean"],
                         arrayminus=own["mean"] - own["ci_low"]))
    figure.update_xaxes(title=tr(TEXTS, "mean", lang))
    figure.update_yaxes(autorange="reversed")
    questions = frame["question_id"].nunique()
    figure = _layout(figure, tr(TEXTS, "means", lang), height=max(300, 50 * questions + 160), showlegend=True)
    left_out = set(frame.loc[frame["hidden"], "group"]) - set(groups)
    if left_out:
        # A chart with all but one group hidden would otherwise show one series without saying why.
        key = "group_left_out" if len(left_out) == 1 else "groups_left_out"
        figure.add_annotation(text=plot_text(tr(TEXTS, key, lang, k=len(left_out), n=min_size)),
                              xref="paper", yref="paper", x=0, y=-0.3, showarrow=False, xanchor="left",
                              yanchor="top", font=dict(size=11, color="#52606d"))
        figure.update_layout(margin=dict(b=110))
    return figure


def choice_shares(frame: pd.DataFrame, lang: str, title: str, min_size: int,
                  group_labels: Mapping[str, str] | None = None, colours: Mapping[str, str] | None = None) -> go.Figure:
    """Share of respondents choosing each option of one question, per group
    (rows of ``surveys.choice_counts`` for one question)."""
    figure = go.Figure()
    groups = list(dict.fromkeys(frame["group"]))
    colours = {**style.category_colours(groups), **(colours or {})}
    any_hidden = False
    for group in groups:
        own = frame[frame["group"] == group]
        hidden = own["hidden"].any()
        marks = [_marker(min_size, lang) if hidden else "" for _ in own["share"]]
        any_hidden = any_hidden or bool(hidden)
        figure.add_bar(x=[plot_text(option) for option in own["option"]], y=own["share"].fillna(0),
                       name=plot_text((group_labels or {}).get(group, group)),
                       marker_color=colours[group], textposition="outside",
                       text=[m or f"{v:.0%}" for v, m in zip(own["share"].fillna(0), marks)],
                       customdata=_hover(own["share"], marks, lang, "{:.0%}"),
                       hovertemplate="%{x}: %{customdata}<extra></extra>")
    figure.update_yaxes(tickformat=".0%", title=tr(TEXTS, "respondents", lang))
    figure = _layout(figure, title, barmode="group")
    return _add_legend(figure, min_size, lang) if any_hidden else figure


def themes(frame: pd.DataFrame, lang: str, title: str | None = None) -> go.Figure:
    """Answers per keyword theme (``themes.theme_counts`` or one question of
    ``surveys.open_question_themes``)."""
    names = [theme_label(theme, lang) for theme in frame["theme"]]
    figure = go.Figure(go.Bar(y=names, x=frame["answers"], orientation="h", marker_color="#0b5394",
                              text=frame["answers"], textposition="outside"))
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(title=tr(TEXTS, "answers", lang))
    return _layout(figure, title or tr(TEXTS, "themes", lang), height=max(300, 26 * len(frame) + 140))
