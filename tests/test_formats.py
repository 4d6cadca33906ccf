"""One formatting layer: the same figure reads the same in every output of a language."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from workbook import formats, load_project
from workbook.clusters import scorecard
from workbook.dashboard.filters import FilterState, filter_project
from workbook.dashboard.pages import network as network_page
from workbook.htmlreport import format_number, table_html
from workbook.i18n import percent
from workbook.network import actor_metrics, build_network
from workbook.network import format as network_format
from workbook.network.tables import brokers_table
from workbook.participation import labels as participation_labels
from workbook.testing import make_project

NBSP = "\u00a0"


@pytest.mark.parametrize("lang, expected", [
    ("fi", ["1\u00a0234\u00a0567,5", "42\u00a0%", "42,6\u00a0%", "2\u00a0530\u00a0000\u00a0€", "6.2.2024"]),
    ("en", ["1,234,567.5", "42%", "42.6%", "€2,530,000", "6 Feb 2024"]),
])
def test_numbers_percentages_money_and_dates_follow_the_language(lang, expected):
    shown = [formats.number(1234567.5, lang), formats.percent(0.42, lang), formats.percent(0.4256, lang, 1),
             formats.money(2_530_000, lang), formats.date(pd.Timestamp("2024-02-06"), lang)]
    assert shown == expected


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_old_formatters_now_give_what_the_one_layer_gives(lang):
    for value in (0.0771, 2.0, 1234.5, 75.2):
        assert format_number(value, lang) == formats.number(value, lang)
        assert scorecard.format_number(value, lang) == formats.number(value, lang, max_decimals=1)
        assert network_format.number(value, lang, 3) == formats.number(value, lang, 3)
        assert participation_labels.decimal(value, lang, 2) == formats.number(value, lang, 2)
        assert percent(value / 10, lang) == formats.percent(value / 10, lang)
    # Before: the report wrote 75,20 and the scorecard 75,2 for the same number.
    assert format_number(75.2, "fi") == "75,2"


def test_english_tables_write_dates_as_english_text_does():
    frame = pd.DataFrame({"date": [pd.Timestamp("2024-02-06")], "n": [1234.5]})
    assert "<td>6 Feb 2024</td>" in table_html(frame, lang="en")
    assert "<td>6.2.2024</td>" in table_html(frame, lang="fi")
    assert '<td class="num">1' + NBSP + "234,5</td>" in table_html(frame, lang="fi")


BROKER_TABLES = {
    "actors": [{"actor_id": f"A{i}", "name": f"Org {i}", "actor_type": "company", "municipality": "Kemi"}
               for i in range(1, 8)],
    "activities": [{"activity_id": f"W{i}", "kind": "workshop", "title": f"Paja {i}", "date": "2022-09-15",
                    "focus_areas": "FA1"} for i in range(1, 4)],
    # Two groups joined only through A4 (a broker), plus a chain hanging from A7.
    "participation": [{"activity_id": "W1", "actor_id": a} for a in ("A1", "A2", "A3", "A4")]
    + [{"activity_id": "W2", "actor_id": a} for a in ("A4", "A5", "A6")]
    + [{"activity_id": "W3", "actor_id": a} for a in ("A6", "A7")],
}


def test_a_betweenness_reads_the_same_in_the_finnish_dashboard_and_report(tmp_path):
    project = load_project(make_project(tmp_path / "project", **BROKER_TABLES))
    metrics = actor_metrics(build_network(project))
    report = brokers_table(metrics, "fi")
    dashboard = network_page.draw_brokers(filter_project(project, FilterState()), "fi")
    betweenness = report.iloc[:, 2].tolist()
    assert betweenness and all(re.fullmatch(r"\d+,\d{3}", value) for value in betweenness)
    for value in betweenness:
        assert f'<td class="num">{value}</td>' in dashboard, (value, dashboard)
    assert not re.search(r"<td[^>]*>\d+\.\d+</td>", dashboard)  # no English decimal point in Finnish


def test_report_figures_write_numbers_the_way_the_page_language_does():
    import plotly.graph_objects as go

    from workbook.htmlreport import HtmlReport

    for lang, separators in (("fi", ",\u00a0"), ("en", ".,")):
        figure = go.Figure(go.Bar(x=[1234.5], y=["a"]))
        HtmlReport("x", lang).figure(figure)
        assert figure.layout.separators == separators


def test_notebook_charts_write_numbers_in_the_notebooks_language():
    import plotly.graph_objects as go
    import plotly.io as pio

    from workbook.notebook import setup_display

    before = pio.renderers.default
    try:
        for lang, separators in (("fi", ",\xa0"), ("en", ".,")):
            setup_display(lang)
            # A figure with a template of its own (as the cluster charts have) gets them too.
            figure = go.Figure(go.Bar(x=["a"], y=[1500.5]), layout={"template": "plotly_white"})
            bundle = figure._repr_mimebundle_()
            assert bundle["application/vnd.plotly.v1+json"]["layout"]["separators"] == separators
    finally:
        pio.renderers.default = before
