"""On the Lapland demo the action-plan analyses find what data/demo-lapland/README.md says was planted."""

from __future__ import annotations

import re

import pytest
from conftest import DEMO

from workbook.actionplan import checks, eu_s3, focus_area, trace

README = (DEMO / "README.md").read_text(encoding="utf-8")

# The gaps README items 2–4 plant for the plan checks ("Imperfections planted on purpose").
PLANTED = {
    ("focus_area_single_owner", "FA4"),
    ("action_without_indicator", "T21"), ("action_without_owner", "T26"), ("action_without_budget", "T08"),
    ("action_without_dates", "T30"), ("action_outside_period", "T07"),
    ("action_without_source", "T05"), ("action_without_source", "T20"), ("action_without_source", "T38"),
    ("indicator_without_baseline", "M07"), ("indicator_without_target", "M12"),
}


def planted_item(number: int) -> str:
    """The text of one numbered item of the README's list of planted imperfections."""
    match = re.search(rf"^{number}\. (.*?)(?=^\d+\. |\Z)", README, flags=re.MULTILINE | re.DOTALL)
    assert match, f"README item {number} not found"
    return match.group(1)


def test_the_expected_gaps_are_the_ones_the_readme_names():
    gaps = planted_item(2) + planted_item(3) + planted_item(4)
    for _, subject_id in PLANTED:
        assert re.search(rf"\b{subject_id}\b", gaps), subject_id


def test_plan_checks_find_exactly_the_planted_gaps(demo_project):
    findings = checks.plan_checks(demo_project, "fi")
    assert set(zip(findings["check"], findings["subject_id"])) == PLANTED
    assert len(findings) == len(PLANTED)


def test_inputs_that_led_nowhere_are_exactly_the_readmes_list(demo_project):
    listed = set(re.findall(r"\bI\d{3}\b", planted_item(9)))
    unused = trace.inputs_without_action(demo_project, "en")
    assert set(unused["input_id"]) == listed
    assert len(unused) == int(re.search(r"(\d+) of \d+ inputs", planted_item(9)).group(1))


def test_the_isolated_companys_inputs_lead_to_no_action(demo_project):
    inputs = demo_project.inputs
    isolated = set(inputs.loc[inputs["actor_id"] == "A053", "input_id"])
    assert len(isolated) == 2
    assert isolated <= set(trace.inputs_without_action(demo_project, "en")["input_id"])


def test_actions_without_a_source_show_no_inputs_on_their_focus_area_pages(demo_project):
    sources = trace.action_sources(demo_project, "en")
    assert sorted(sources.loc[sources["inputs"] == 0, "action_id"]) == ["T05", "T20", "T38"]
    page = focus_area.focus_area_page(demo_project, "FA4", "en")
    assert page.summary["owners"] == 1
    assert ("focus_area_single_owner", "FA4") in set(zip(page.findings["check"], page.findings["subject_id"]))


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_s3_checklist_points_at_the_planted_gaps(demo_project, lang):
    checklist = eu_s3.s3_checklist(demo_project, lang).set_index("criterion")
    assert list(checklist.index) == [1, 2, 3, 4, 5, 6, 7]
    for subject_id in ("M07", "M12", "T21"):
        assert subject_id in checklist.at[3, "missing"]
    for subject_id in ("T05", "T20", "T38"):
        assert subject_id in checklist.at[4, "missing"]
    assert checklist.at[7, "verdict"] == "partly"
