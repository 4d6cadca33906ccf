"""Evidence computed from a small hand-made project (tests/clusters_fixture.py), worked out by hand."""

from __future__ import annotations

import pandas as pd
import pytest
from clusters_fixture import TABLES

from workbook import load_project, vocab
from workbook.clusters import evidence as ev


@pytest.fixture
def project(project_factory):
    return load_project(project_factory(**TABLES))


def facts_of(project) -> dict[str, dict[str, float]]:
    return ev.cluster_facts(project).set_index("cluster_id").to_dict("index")


def test_membership_counts_companies_and_other_types_per_cluster(project):
    by_type = ev.membership_by_type(project).set_index("cluster_id")
    assert by_type.loc["CL1", ["company", "higher_education", "members"]].tolist() == [3, 1, 4]
    assert by_type.loc["CL2", ["company", "research", "municipality", "members"]].tolist() == [1, 1, 1, 3]
    # The regional council is in no cluster, so it is nobody's member.
    assert "A1" not in set(ev.members(project)["actor_id"])


def test_company_share_and_participation_count_organisations_not_people(project):
    facts = facts_of(project)
    assert facts["CL1"]["company_share"] == pytest.approx(3 / 4)
    assert facts["CL2"]["company_share"] == pytest.approx(1 / 3)
    # CL1: C1 (twice, by two people) and C3 took part, C2 never did.
    assert facts["CL1"]["companies_took_part"] == 2
    assert facts["CL1"]["company_participation"] == pytest.approx(2 / 3)
    assert facts["CL2"]["company_participation"] == 1.0


def test_member_activities_per_year_count_co_organised_activities_over_the_observed_period(project):
    # The activities run from March 2022 to February 2024, whatever the strategy period says.
    assert ev.observed_period(project) == (pd.Timestamp("2022-03-01"), pd.Timestamp("2024-02-01"))
    facts = facts_of(project)
    assert facts["CL1"]["years"] == 2.0
    # W1, W2 (co-organised with CL2) and W3.
    assert facts["CL1"]["member_activities"] == 3
    assert facts["CL1"]["member_activities_per_year"] == 1.5
    assert facts["CL2"]["member_activities"] == 1
    assert facts["CL2"]["member_activities_per_year"] == 0.5


def test_a_longer_observed_period_lowers_the_yearly_rate(project_factory):
    activities = TABLES["activities"] + [
        {"activity_id": "W9", "kind": "webinar", "title": "Myöhäinen webinaari", "date": "2026-01-15"}]
    project = load_project(project_factory(**{**TABLES, "activities": activities}))
    facts = facts_of(project)
    # March 2022 … January 2026 is 47 calendar months.
    assert facts["CL1"]["years"] == 47 / 12
    assert facts["CL1"]["member_activities_per_year"] == pytest.approx(3 / (47 / 12))


def test_company_rdi_ties_come_from_shared_activities_and_actions(project):
    pairs = ev.company_rdi_pairs(ev.members(project), ev.shared_occasions(project))
    assert set(map(tuple, pairs.to_numpy())) == {
        ("CL1", "C1", "U1"),  # workshop W1
        ("CL1", "C2", "U1"),  # action T1: C2 and U1 are both partners
        ("CL2", "C3", "R1"),  # workshop W2
    }
    facts = facts_of(project)
    assert (facts["CL1"]["company_rdi_ties"], facts["CL2"]["company_rdi_ties"]) == (2, 1)


def test_a_pair_that_meets_twice_is_one_tie(project_factory):
    participation = TABLES["participation"] + [{"activity_id": "W3", "actor_id": "U1"}]
    project = load_project(project_factory(**{**TABLES, "participation": participation}))
    # C1 and U1 now meet in W1 and W3: still one pair.
    assert facts_of(project)["CL1"]["company_rdi_ties"] == 2


def test_a_cluster_without_members_has_no_share_rather_than_zero(project_factory):
    clusters = TABLES["clusters"] + [{"cluster_id": "CL3", "name": "Empty cluster"}]
    project = load_project(project_factory(**{**TABLES, "clusters": clusters}))
    facts = facts_of(project)["CL3"]
    assert facts["members"] == 0 and facts["company_members"] == 0
    assert pd.isna(facts["company_share"]) and pd.isna(facts["company_participation"])


def test_assessments_fall_into_rounds_and_the_latest_round_is_used_by_default(project):
    rounds = ev.assessment_rounds(project)
    # 30.4.2022 and 3.5.2022 are one round; 28.4.2023 is the next.
    assert rounds["round"].tolist() == [1, 2]
    assert rounds["assessments"].tolist() == [2, 1]
    latest = ev.recorded_values(project).set_index(["cluster_id", "criterion_id"])
    assert latest.loc[("CL1", "K2"), "value"] == 1.0
    assert ("CL2", "K2") not in latest.index
    first = ev.recorded_values(project, 1).set_index(["cluster_id", "criterion_id"])
    assert first.loc[("CL1", "K2"), "evidence_text"] == "Haku käynnissä"


def test_evidence_takes_each_criterion_from_the_source_it_names(project):
    rows = ev.evidence(project).set_index(["cluster_id", "criterion_id"])
    assert len(rows) == 2 * 6
    assert rows.loc[("CL1", "K1"), ["source", "value", "count", "base"]].tolist() == ["company_members", 3, 3, 4]
    assert rows.loc[("CL1", "K2"), "evidence_text"] == "Johtaja nimitetty 1.3.2023"
    assert rows.loc[("CL1", "K2"), "assessed_on"] == pd.Timestamp("2023-04-28")
    # Nothing recorded for CL2 in the latest round: no evidence, not the older round's value.
    assert pd.isna(rows.loc[("CL2", "K2"), "value"])
    assert rows.loc[("CL2", "K4"), ["value", "count", "base"]].tolist() == [0.5, 1, 2]


def test_every_computable_source_of_the_vocabulary_is_computed():
    assert set(ev.COMPUTED_SOURCES) | {ev.RECORDED} == set(vocab.CRITERION_EVIDENCE)
