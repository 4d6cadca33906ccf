"""The demo's five Arctic Smartness clusters assessed against Lapland's eight criteria."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from openpyxl import load_workbook

from workbook.clusters import evidence as ev, scorecard as sc
from workbook.clusters.export import export
from workbook.i18n import LANGUAGES


@pytest.fixture(scope="module")
def card(demo_project):
    return sc.scorecard(demo_project)


def row(card: pd.DataFrame, cluster_id: str, criterion_id: str) -> pd.Series:
    return card[(card["cluster_id"] == cluster_id) & (card["criterion_id"] == criterion_id)].iloc[0]


def test_every_cluster_is_assessed_on_every_criterion(demo_project, card):
    assert len(demo_project.clusters) == 5 and len(demo_project.cluster_criteria) == 8
    assert len(card) == 5 * 8
    assert set(card["verdict"]) <= set(sc.VERDICTS)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_gaps_and_summary_exist_in_both_languages(demo_project, card, lang):
    gaps = sc.gaps(demo_project, lang, card=card)
    assert len(gaps) == (card["verdict"] != "met").sum() > 0
    assert gaps["gap"].str.len().gt(20).all()
    overall, *per_cluster = sc.summary_sentences(card, lang)
    assert len(per_cluster) == 5


def test_a_cluster_that_organised_a_single_activity_misses_the_activity_goal(demo_project, card):
    # The criterion's own source says where the value comes from: the activities table.
    criterion = demo_project.cluster_criteria.set_index("criterion_id").loc["K4"]
    assert criterion["evidence"] == "member_activities_per_year"
    own = demo_project.activity_clusters[demo_project.activity_clusters["cluster_id"] == "CL4"]
    start, end = ev.observed_period(demo_project)
    found = row(card, "CL4", "K4")
    assert found["count"] == len(own) == 1
    assert found["value"] == pytest.approx(1 / ev.period_years(start, end))
    assert found["value"] < criterion["threshold"] * sc.PARTLY_FRACTION and found["verdict"] == "not_met"
    gap = sc.gaps(demo_project, "en", card=card).set_index(["cluster_id", "criterion_id"]).loc[("CL4", "K4"), "gap"]
    assert gap.startswith("Arctic Safety and Security organised 0.8 member activities a year")


def test_a_cluster_without_a_website_fails_the_website_criterion_in_the_latest_round(demo_project, card):
    found = row(card, "CL4", "K7")
    assert (found["source"], found["value"], found["verdict"]) == ("recorded", 0.0, "not_met")
    assert "verkkosivusto" in found["evidence_text"]
    assert found["assessed_on"] == ev.assessment_rounds(demo_project)["last_date"].max()


def test_an_evaluation_missing_from_the_latest_round_is_no_evidence(demo_project, card):
    assert row(card, "CL5", "K8")["verdict"] == "no_evidence"
    earlier = sc.scorecard(demo_project, 1)
    assert row(earlier, "CL5", "K8")["verdict"] == "met"


def test_the_improving_cluster_shows_up_in_the_changes(demo_project):
    changes = sc.round_changes(demo_project)
    improved = changes[changes["change"] == "improved"]
    assert "CL2" in set(improved["cluster_id"])
    assert set(changes.loc[changes["cluster_id"] == "CL5", "change"]) >= {"not_reassessed"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_demo_exports_in_both_languages(demo_project, tmp_path, lang):
    html, xlsx = export(demo_project, tmp_path, lang)
    page = html.read_text(encoding="utf-8")
    assert all(name in page for name in demo_project.clusters["name"])
    # Organisations only: no pseudonymous person id reaches the page.
    assert not re.search(r"\bP\d{4}\b", page)
    grid = load_workbook(xlsx).worksheets[0]
    # A header row and one row per cluster; the cluster column and one column per criterion.
    assert (grid.max_row, grid.max_column) == (1 + 5, 1 + 8)
