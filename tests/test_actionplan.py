"""Actions by focus area: portfolio, focus area pages, trace, plan checks and the EU S3 checklist."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from actionplan_case import (
    ACTION_FOCUS_AREAS, INPUT_ACTIVITY, PLANTED, SOURCES, TABLES, UNUSED_INPUTS, write_case,
)
from workbook import load_project
from workbook.actionplan import (
    checks, eu_s3, export, figures, focus_area, labels, onepager, pages, portfolio, trace,
)
from workbook.i18n import missing_translations


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    return load_project(write_case(tmp_path_factory.mktemp("actionplan") / "case"))


# --- trace: every recorded link, nothing invented -------------------------------------------------

def test_trace_has_exactly_the_links_the_plan_records(case):
    links = trace.trace_links(case, "en")
    expected = {(action, source) for action, sources in SOURCES.items() for source in sources}
    assert set(zip(links["action_id"], links["input_id"])) == expected
    assert len(links) == len(expected)  # no link twice


def test_trace_rows_carry_the_inputs_own_activity_and_the_actions_focus_areas(case):
    links = trace.trace_links(case, "en")
    assert dict(zip(links["input_id"], links["activity_id"])) == {i: INPUT_ACTIVITY[i] for i in links["input_id"]}
    for action_id, areas in zip(links["action_id"], links["focus_area_ids"]):
        assert list(areas) == ACTION_FOCUS_AREAS[action_id]


def test_each_action_lists_its_own_sources_and_unsourced_actions_show_none(case):
    sources = trace.action_sources(case, "en").set_index("action_id")
    for action_id, inputs in SOURCES.items():
        assert list(sources.at[action_id, "input_ids"]) == inputs
        assert sources.at[action_id, "inputs"] == len(inputs)
    assert sources.at["T3", "raised_by"] == ("Rovaniemen kaupunki", "Metalli Oy")
    assert sources.at["T4", "activities"] == ()


def test_inputs_that_led_nowhere_are_listed_most_voted_first_anonymous_named_so(case):
    unused = trace.inputs_without_action(case, "en")
    assert unused["input_id"].tolist() == ["I8", "I5", "I7"]
    assert sorted(unused["input_id"]) == sorted(UNUSED_INPUTS)
    assert unused.set_index("input_id").at["I7", "organisation"] == "Anonymous (no organisation)"


def test_sankey_flows_account_for_every_input_link_and_every_unused_input(case):
    flows = trace.sankey_links(case, "en")
    first = flows[flows["source_stage"] == "activity"]
    links = sum(len(sources) for sources in SOURCES.values())
    assert first["inputs"].sum() == links + len(UNUSED_INPUTS)
    assert first.loc[first["target_id"] == "no_action", "inputs"].sum() == len(UNUSED_INPUTS)
    second = flows[flows["source_stage"] == "action"]
    expected = {(a, fa): len(SOURCES[a]) for a, areas in ACTION_FOCUS_AREAS.items() for fa in areas if SOURCES[a]}
    assert dict(zip(zip(second["source_id"], second["target_id"]), second["inputs"])) == expected


def test_sankey_overview_counts_each_input_once_per_focus_area_it_reached(case):
    flows = trace.sankey_overview(case, "en")
    reached: dict[tuple[str, str], set[str]] = {}
    for action, sources in SOURCES.items():
        for source in sources:
            for area in ACTION_FOCUS_AREAS[action]:
                reached.setdefault((INPUT_ACTIVITY[source], area), set()).add(source)
    for source in UNUSED_INPUTS:
        reached.setdefault((INPUT_ACTIVITY[source], "no_action"), set()).add(source)
    assert dict(zip(zip(flows["source_id"], flows["target_id"]), flows["inputs"])) == \
        {key: len(inputs) for key, inputs in reached.items()}


def test_sankey_of_one_focus_area_keeps_only_its_actions_and_its_unused_inputs(case):
    flows = trace.sankey_links(case, "en", focus_area_id="FA2")
    actions = set(flows.loc[flows["target_stage"] == "action", "target_id"])
    assert actions == {"T3", "T5", "no_action"}
    assert set(flows.loc[flows["target_stage"] == "focus_area", "target_id"]) == {"FA2"}
    assert flows.loc[flows["target_id"] == "no_action", "inputs"].sum() == 1  # I5 is tagged FA2


def test_voice_share_counts_inputs_per_group_and_hides_groups_below_the_minimum(case):
    voice = trace.voice_share(case, by="actor_type").set_index("actor_type")
    assert voice.at["company", "inputs"] == 4 and voice.at["company", "inputs_in_action"] == 2
    assert voice.at["company", "voice_share"] == 0.5
    assert voice.at["total", "inputs"] == 8 and voice.at["total", "voice_share"] == 5 / 8
    for small in ("higher_education", "municipality", "association", "anonymous"):
        assert voice.at[small, "hidden"]
        assert math.isnan(voice.at[small, "voice_share"]) and math.isnan(voice.at[small, "inputs_in_action"])
    assert not voice.at["company", "hidden"]


# --- portfolio and focus area pages ----------------------------------------------------------------

def test_matrix_marks_each_action_in_exactly_its_focus_areas(case):
    matrix = portfolio.action_focus_matrix(case)
    for action_id, areas in ACTION_FOCUS_AREAS.items():
        assert sorted(matrix.columns[matrix.loc[action_id]]) == areas


def test_summary_counts_shared_actions_in_each_area_and_once_in_the_total(case):
    summary = portfolio.focus_area_summary(case, "en").set_index("focus_area")
    assert summary.loc["Circular economy", ["actions", "budget_eur"]].tolist() == [2, 350000.0]
    assert summary.loc["Digitalisation", ["actions", "budget_eur", "actions_without_budget"]].tolist() == [2, 150000.0, 1]
    assert summary.loc["Total", ["actions", "budget_eur"]].tolist() == [5, 480000.0]
    assert summary.loc["Circular economy", ["company_partners", "foreign_partners"]].tolist() == [1, 1]


def test_funding_mix_splits_each_budget_equally_and_adds_up_to_the_area_budget(case):
    mix = portfolio.funding_mix(case)
    fa1 = mix[mix["focus_area_id"] == "FA1"].set_index("funding")["budget_eur"].to_dict()
    assert fa1 == {"EAKR": 250000.0, "kunnat": 100000.0}
    summary = portfolio.focus_area_summary(case, "en", total=False).set_index("focus_area_id")["budget_eur"]
    assert mix.groupby("focus_area_id")["budget_eur"].sum().to_dict() == summary.to_dict()
    assert ("FA3", "not_stated") in set(zip(mix["focus_area_id"], mix["funding"]))


def test_focus_area_page_holds_its_indicators_timeline_people_and_clusters(case):
    page = focus_area.focus_area_page(case, "FA1", "en")
    assert page.actions["action_id"].tolist() == ["T1", "T2"]
    indicators = page.indicators.set_index("indicator_id")
    assert sorted(indicators.index) == ["M1", "M2"]  # M2 belongs to FA3 but measures T2, which serves FA1
    assert indicators.at["M1", "latest_value"] == 6 and indicators.at["M1", "progress"] == pytest.approx(0.6)
    assert indicators.at["M1", "latest_date"] == pd.Timestamp("2025-06-30")
    assert page.actors.iloc[0]["role"] == "owner"
    assert set(page.actors["organisation"]) == {"Lapin liitto", "Lapin yliopisto", "Metalli Oy",
                                                 "Luleå tekniska universitet"}
    assert page.clusters[["cluster_id", "declared", "members_in_actions"]].values.tolist() == [["CL1", True, 1]]


def test_timeline_snaps_to_whole_quarters_and_puts_undated_actions_last(case):
    timeline = focus_area.action_timeline(case, "fi")
    assert timeline["action_id"].tolist()[-1] == "T4" and not timeline["dated"].iloc[-1]
    t2 = timeline.set_index("action_id").loc["T2"]
    assert (t2["bar_start"], t2["bar_end"]) == (pd.Timestamp("2024-04-01"), pd.Timestamp("2026-07-01"))
    assert (t2["start_quarter"], t2["end_quarter"]) == ("Q2/2024", "Q2/2026")


def test_unknown_focus_area_is_refused_by_name(case):
    with pytest.raises(KeyError, match="FA9"):
        focus_area.focus_area_page(case, "FA9", "en")


# --- plan checks and the EU S3 checklist -------------------------------------------------------------

def test_plan_checks_find_exactly_the_planted_gaps(case):
    findings = checks.plan_checks(case, "en")
    assert set(zip(findings["check"], findings["subject_id"])) == PLANTED
    assert len(findings) == len(PLANTED)


def test_plan_checks_speak_plainly_in_both_languages(case):
    fi = checks.plan_checks(case, "fi").set_index(["check", "subject_id"])
    en = checks.plan_checks(case, "en").set_index(["check", "subject_id"])
    assert en.at[("focus_area_single_owner", "FA2"), "finding"] == \
        "The area's only owner is Rovaniemen kaupunki (2 of its 2 actions)."
    assert fi.at[("action_outside_period", "T5"), "finding"] == \
        "Aikataulu 1.1.2026–30.6.2028, strategiakausi 1.1.2023–31.12.2027."
    assert en.at[("action_without_dates", "T4"), "finding"] == "Neither a start nor an end date is recorded."


def test_an_action_missing_one_date_is_told_which(tmp_path):
    actions = [dict(row, start="2024-02-01") if row["action_id"] == "T4" else row for row in TABLES["actions"]]
    project = load_project(write_case(tmp_path / "p", actions=actions))
    findings = checks.plan_checks(project, "fi").set_index(["check", "subject_id"])
    assert findings.at[("action_without_dates", "T4"), "finding"] == "Loppupäivä puuttuu (alkaa 1.2.2024)."


def test_check_summary_names_every_check_and_says_when_the_period_is_missing(tmp_path):
    settings = [row for row in TABLES["project"] if not row["key"].startswith("period")]
    project = load_project(write_case(tmp_path / "p", project=settings))
    summary = checks.check_summary(project, checks.plan_checks(project, "en"), "en").set_index("check")
    assert list(summary.index) == list(checks.CHECKS)
    assert summary.at["action_outside_period", "result"] == "not_checked"
    assert summary.at["action_without_owner", "result"] == "finding"
    assert checks.unchecked_note(project, "fi").startswith("Strategiakautta ei ole annettu")


def test_a_plan_without_gaps_passes_every_check(tmp_path):
    owners = {"T1": "A1", "T2": "A3", "T3": "A4", "T4": "A4", "T5": "A1"}
    actions = [dict(row, owner_actor_id=owners[row["action_id"]], budget_eur="1000", start="2024-01-01",
                    end="2025-12-31", indicators="M1", partner_actor_ids="A2;A6", source_input_ids="I1")
               for row in TABLES["actions"]]
    indicators = [dict(row, baseline="0", target="5") for row in TABLES["indicators"]]
    project = load_project(write_case(tmp_path / "p", actions=actions, indicators=indicators))
    findings = checks.plan_checks(project, "en")
    assert findings.empty, findings.to_string()
    assert set(checks.check_summary(project, findings, "en")["result"]) == {"ok"}


def test_s3_checklist_gives_evidence_for_all_seven_criteria(case):
    checklist = eu_s3.s3_checklist(case, "en").set_index("criterion")
    assert list(checklist.index) == [1, 2, 3, 4, 5, 6, 7]
    assert "Lapin liitto (public agency): organised 2 of the 3 participatory activities" in checklist.at[2, "evidence"]
    assert checklist.at[3, "verdict"] == "partly"
    assert "Baseline or target missing: M2, M3." in checklist.at[3, "missing"]
    assert "Actions without an indicator: T4." in checklist.at[3, "missing"]
    assert checklist.at[7, "verdict"] == "partly"  # Luleå partners T1, in FA1 only
    assert "1 of 5 (SE)" in checklist.at[7, "evidence"]
    assert checklist.at[7, "missing"] == "Focus areas without a partner from abroad: Tourism, Digitalisation."
    assert checklist.at[5, "verdict"] == "met"  # Lapin yliopisto owns T2


def test_s3_international_criterion_is_met_when_every_area_has_a_partner_abroad(tmp_path):
    actions = [dict(row, partner_actor_ids="A5") for row in TABLES["actions"]]
    project = load_project(write_case(tmp_path / "p", actions=actions))
    checklist = eu_s3.s3_checklist(project, "fi").set_index("criterion")
    assert checklist.at[7, "verdict"] == "met"
    assert checklist.at[7, "missing"] == "Aineistosta ei puutu tämän kriteerin tietoja."


# --- texts and labels -----------------------------------------------------------------------------------

@pytest.mark.parametrize("texts", [
    labels.TEXTS, labels.HEADERS, labels.ROLES, labels.CHECK_RESULTS, labels.VERDICTS, checks.TEXTS,
    eu_s3.TEXTS, figures.TEXTS, onepager.TEXTS, export.SHEET_TEXTS, pages.TEXTS,
])
def test_every_text_exists_in_finnish_and_english(texts):
    assert missing_translations(texts) == []


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_every_table_shown_to_readers_has_translated_headers_and_labels(case, lang):
    tables = [
        portfolio.action_table(case, lang), portfolio.plan_by_focus_area(case, lang),
        portfolio.focus_area_summary(case, lang), portfolio.funding_mix(case), portfolio.actors_by_type(case),
        trace.trace_links(case, lang), trace.action_sources(case, lang), trace.inputs_without_action(case, lang),
        trace.voice_share(case, "actor_type"), trace.voice_share(case, "helix"),
        trace.voice_share(case, "activity_kind"), checks.plan_checks(case, lang),
        eu_s3.s3_checklist(case, lang), focus_area.indicator_progress(case, lang),
        focus_area.action_timeline(case, lang), focus_area.focus_area_actors(case, "FA1"),
        focus_area.focus_area_clusters(case, "FA1"),
    ]
    for table in tables:
        untranslated = [c for c in table.columns if c not in labels.HEADERS]
        assert untranslated == [], untranslated
        shown = labels.for_display(table, lang)
        for column in ("Status", "Tila", "Type of organisation", "Organisaatiotyyppi"):
            if column in shown:
                assert not shown[column].isin(["planned", "company", "anonymous", "total"]).any()
