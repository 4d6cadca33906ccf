"""Participation summary: analyses and disclosure control on a tiny hand-made project."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from conftest import make_project
from workbook import load_project
from workbook.i18n import missing_translations
from workbook.participation import (
    disclosure, export, figures, gaps, labels, reach, summary, surveys, tables, themes, voice,
)

HOSTILE_FORMULA = '=HYPERLINK("http://x","y")'
HOSTILE_HTML = "<script>alert('x')</script>"
HOSTILE_LINK = "<a href='https://example.com/x'>klikkaa</a>"

# Names and e-mails written in the raw survey export: they must never reach any output.
RESPONDENT_NAMES = ["Maija Meikäläinen", "Teppo Testaaja", "Liisa Lappalainen", "Pekka Poromies",
                    "Aino Aurora", "Ville Virta", "Kaisa Kelo", "Juha Jänkä", "Sanna Saivo",
                    "Olli Oja", "Hanna Harju", "Erkki Eräs", "Tiina Tunturi", "Matti Mänty"]
RESPONDENT_EMAILS = [f"{n.split()[0].lower()}.{i}@example.fi" for i, n in enumerate(RESPONDENT_NAMES)]


def _actors():
    rows = [
        ("A01", "Lapin liitto", "public_agency", "Rovaniemi", None),
        ("A02", "Lapin yliopisto", "higher_education", "Rovaniemi", None),
        ("A03", "Luonnonvarakeskus", "research", "Rovaniemi", None),
        ("A04", "Kemin kaupunki", "municipality", "Kemi", None),
        ("A05", "Sallan kunta", "municipality", "Salla", None),
        ("A06", "Finnvera", "financier", "Rovaniemi", None),
        ("A07", "Business Tampere", "intermediary", None, None),
        ("C01", "Revontuli Oy", "company", "Rovaniemi", "micro"),
        ("C02", "Kemin Metalli Oy", "company", "Kemi", "large"),
        ("C03", "Inarin Elämys Oy", "company", "Inari", "small"),
        ("C04", "Tornion Puu Oy", "company", "Tornio", "medium"),
        ("C05", HOSTILE_HTML, "company", "Kittilä", "micro"),
        ("C06", "Sallan Safarit Oy", "company", "Salla", "micro"),
        ("C07", "Rovaniemen Data Oy", "company", "Rovaniemi", "small"),
    ]
    return [{"actor_id": a, "name": n, "actor_type": t, "municipality": m or "", "size_class": s or "",
             "location": "Tampere" if m is None else ""} for a, n, t, m, s in rows]


def _participation():
    rows = [("W1", "A01", "P00", "organiser")]
    # W1: 12 people from 9 organisations.
    rows += [("W1", a, f"P{i:02d}", "participant") for i, a in enumerate(
        ["A02", "A02", "A03", "A04", "A06", "C01", "C02", "C02", "C03", "C04", "C07", "A07"], start=1)]
    # W2: 6 people.
    rows += [("W2", a, p, "participant") for a, p in
             [("A04", "P04"), ("C02", "P07"), ("C04", "P10"), ("C05", "P13"), ("A02", "P01"), ("C01", "P06")]]
    # SP1: 8 people.
    rows += [("SP1", a, p, "participant") for a, p in
             [("C01", "P06"), ("C03", "P09"), ("C07", "P11"), ("A02", "P02"), ("A03", "P03"),
              ("C05", "P13"), ("C02", "P08"), ("A06", "P05")]]
    # IV1: one interview: a group of one person.
    rows += [("IV1", "C04", "P10", "interviewee")]
    return [{"activity_id": a, "actor_id": b, "participant_id": p, "role": r} for a, b, p, r in rows]


def _inputs():
    rows = [
        ("I01", "W1", "C01", "Yhteinen datatila matkailuyrityksille", "FA2", 7),
        ("I02", "W1", "A02", "Kiertotalouden osaamiskeskus", "FA1", 3),
        ("I03", "W1", "C02", "Sivuvirtojen hyödyntäminen", "FA1", 5),
        ("I04", "W2", "A04", HOSTILE_FORMULA, "FA1", 6),
        ("I05", "SP1", "C03", "Luontomatkailun elämyspaketit", "FA2", 9),
        ("I06", "SP1", "A03", "Metsädatan avaaminen", "FA2", 4),
        ("I07", "SP1", None, HOSTILE_HTML, "FA2", 1),
        ("I08", "W2", "A02", "Akkumineraalien jalostus", "FA1", 2),
    ]
    return [{"input_id": i, "activity_id": a, "actor_id": b or "", "text": t, "focus_areas": f, "votes": v}
            for i, a, b, t, f, v in rows]


def _survey_codebook():
    rows = [
        ("rid", "Vastaajan numero", "respondent_id", None, None, None),
        ("name", "Nimi", "personal", None, None, None),
        ("email", "Sähköposti", "personal", None, None, None),
        ("type", "Organisaationne tyyppi", "actor_type", "Organisaation tyyppi", "Type of organisation", None),
        ("home", "Kotikunta", "municipality", "Kotikunta", "Municipality", None),
        ("Q1", "Yhteistyö toimii", "likert", "Yhteistyö toimii hyvin", "Cooperation works well", "1-5"),
        ("Q2", "Rahoitus riittää", "likert", "Rahoitusta on riittävästi", "There is enough funding", "1-5"),
        ("Q3", "Tärkein painopiste", "single", "Tärkein painopiste", "Most important focus area",
         "Kiertotalous;Matkailu"),
        ("Q4", "Tarpeet", "multi", "Tarpeet", "Needs", "Rahoitus;Osaaminen;Verkostot"),
        ("Q5", "Muuta", "open", "Muuta kommentoitavaa", "Other comments", None),
    ]
    return [{"survey_id": "S1", "question_id": q, "column": c, "type": t, "text_fi": fi or "",
             "text_en": en or "", "scale": s or ""} for q, c, t, fi, en, s in rows]


# Respondents: 9 companies, 3 municipalities, 2 financiers (groups of 3 and 2 are hidden).
SURVEY_ROWS = [
    # type, home, Q1, Q2, Q3, Q4, Q5
    ("Yritys", "Rovaniemi", 4, 2, "Matkailu", "Rahoitus;Verkostot", "Yhteistyö yritysten kanssa on tärkeää."),
    ("Yritys", "Rovaniemi", 5, 1, "Matkailu", "Rahoitus", "More funding for small companies"),
    ("Yritys", "Kemi", 4, 2, "Kiertotalous", "Osaaminen", "Osaavaa työvoimaa tarvitaan lisää"),
    ("Yritys", "Kemi", 3, 2, "Kiertotalous", "Rahoitus;Osaaminen", ""),
    ("Yritys", "Inari", 4, 3, "Matkailu", "Verkostot", "Verkostot ja yhteistyö kuntoon"),
    ("Yritys", "Tornio", 2, 1, "Kiertotalous", "Rahoitus", HOSTILE_FORMULA),
    ("Yritys", "Kittilä", 5, 2, "Matkailu", "Rahoitus;Verkostot", "Lupaprosessit ovat liian hitaita"),
    ("Yritys", "Rovaniemi", 4, 3, "Matkailu", "Osaaminen", HOSTILE_HTML),
    ("Yritys", "Salla", 3, 2, "Matkailu", "Rahoitus", ""),
    ("Kunta", "Kemi", 4, 4, "Kiertotalous", "Verkostot", "Kuntien rooli elinvoimassa"),
    ("Kunta", "Salla", 2, 3, "Matkailu", "Rahoitus", "Itä-Lappi unohtuu aina"),
    ("Kunta", "Tornio", 3, 3, "Kiertotalous", "Osaaminen", ""),
    ("Rahoittaja", "Rovaniemi", 1, 5, "Kiertotalous", "Verkostot", "Rahoitusta on, hakijoita ei"),
    ("Rahoittaja", "Rovaniemi", 1, 5, "Kiertotalous", "Osaaminen", ""),
]


def write_survey(folder: Path) -> None:
    header = ["Vastaajan numero", "Nimi", "Sähköposti", "Organisaationne tyyppi", "Kotikunta",
              "Yhteistyö toimii", "Rahoitus riittää", "Tärkein painopiste", "Tarpeet", "Muuta"]
    (folder / "surveys").mkdir(exist_ok=True)
    with (folder / "surveys" / "S1.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for number, (row, name, email) in enumerate(zip(SURVEY_ROWS, RESPONDENT_NAMES, RESPONDENT_EMAILS), 1):
            writer.writerow([number, name, email, *row])


def build_tiny_project(folder: Path) -> Path:
    """A hand-made project: 14 actors, 5 activities, 8 inputs, 2 actions, a survey of 14."""
    make_project(
        folder,
        project=[{"key": "name", "value": "Pieni testi"}, {"key": "region", "value": "Lapland"},
                 {"key": "min_group_size", "value": "5"}],
        focus_areas=[{"focus_area_id": "FA1", "name_fi": "Kiertotalous", "name_en": "Circular economy"},
                     {"focus_area_id": "FA2", "name_fi": "Matkailu", "name_en": "Tourism"}],
        actors=_actors(),
        activities=[
            {"activity_id": "W1", "kind": "workshop", "title": "Aloitustyöpaja", "date": "2022-09-15",
             "municipality": "Rovaniemi", "focus_areas": "FA1;FA2"},
            {"activity_id": "W2", "kind": "workshop", "title": "Kiertotalous", "date": "2022-10-05",
             "municipality": "Kemi", "focus_areas": "FA1"},
            {"activity_id": "IV1", "kind": "interview", "title": "Haastattelu", "date": "2022-10-20",
             "focus_areas": "FA1"},
            {"activity_id": "SP1", "kind": "sprint", "title": f"Matkailusprintti {HOSTILE_LINK}", "date": "2022-11-10",
             "municipality": "Rovaniemi", "focus_areas": "FA2"},
            {"activity_id": "S1", "kind": "survey", "title": "Kysely", "date": "2022-12-01"},
        ],
        participation=_participation(),
        inputs=_inputs(),
        actions=[
            {"action_id": "T1", "title_fi": "Datatila", "title_en": "Data space", "focus_areas": "FA2",
             "owner_actor_id": "A01", "source_input_ids": "I01;I05", "indicators": "M1"},
            {"action_id": "T2", "title_fi": "Sivuvirrat", "title_en": "Side streams", "focus_areas": "FA1",
             "owner_actor_id": "A02", "source_input_ids": "I03", "indicators": "M1"},
        ],
        clusters=[{"cluster_id": "CL1", "name": "Arctic Design", "focus_areas": "FA2"}],
        survey_questions=_survey_codebook(),
    )
    write_survey(folder)
    return folder


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return load_project(build_tiny_project(tmp_path_factory.mktemp("tiny")))


def assert_not_recoverable(published: pd.Series, true_total: float, min_size: int) -> None:
    """A hidden count cannot be worked out from the published counts and their total.

    With the total published, the hidden counts of a table add up to the total minus
    the visible ones: each is pinned down only if it is the only hidden one, and their
    sum must itself be no group smaller than ``min_size``.
    """
    hidden = published.isna()
    if not hidden.any():
        return
    assert hidden.sum() >= 2, f"a single hidden cell equals the total minus the rest: {published.to_dict()}"
    hidden_total = true_total - published[~hidden].sum()
    assert hidden_total >= min_size, f"the hidden cells add up to {hidden_total}, a group below {min_size}"


def test_every_text_exists_in_finnish_and_english():
    for module in (labels, gaps, themes, figures, tables, summary, export):
        assert missing_translations(module.TEXTS) == [], module.__name__


# --- disclosure -------------------------------------------------------------------------

def test_hidden_groups_hide_small_groups_and_one_more_so_totals_reveal_nothing():
    sizes = pd.Series({"company": 40, "municipality": 12, "research": 8, "financier": 3, "other": 0})
    hidden = disclosure.hidden_groups(sizes, 5)
    assert hidden.to_dict() == {"company": False, "municipality": False, "research": True, "financier": True,
                                "other": False}
    assert_not_recoverable(sizes.astype(float).mask(hidden), sizes.sum(), 5)


def test_hidden_groups_never_leave_hidden_groups_that_add_up_to_a_small_group():
    # financier 1 + other 2 = 3 could be read off the total: one more group must go.
    sizes = pd.Series({"company": 40, "research": 9, "financier": 1, "other": 2})
    published = sizes.astype(float).mask(disclosure.hidden_groups(sizes, 5))
    assert published["research"] != published["research"]
    assert_not_recoverable(published, sizes.sum(), 5)


def test_hidden_groups_do_not_depend_on_the_order_of_the_groups():
    sizes = pd.Series({"Rovaniemi": 5, "Kemi-Tornio": 5, "Itä-Lappi": 2, "Tunturi-Lappi": 1, "Pohjois-Lappi": 1})
    forward = disclosure.hidden_groups(sizes, 5)
    backward = disclosure.hidden_groups(sizes.iloc[::-1], 5)
    assert forward.to_dict() == backward.to_dict()


# --- reach ------------------------------------------------------------------------------

def test_activity_reach_counts_organisations_and_hides_small_groups_of_people(tiny):
    table = reach.activity_reach(tiny).set_index("activity_id")
    # W1: 12 people from 10 organisations (the organiser does not count).
    assert table.loc["W1", ["organisations", "companies"]].tolist() == [10, 5]
    # The interview of one person is hidden (marked "<5"), and so are the others it could be
    # worked out from: hiding W2 alone (6 people from 6 organisations, so at least 6) would
    # leave total - shown - 6 = 1 for the interview; SP1 (8 from 8) likewise. Marked "..".
    assert pd.isna(table.loc["IV1", "participants"]) and pd.isna(table.loc["W2", "participants"])
    assert table.loc["IV1", "participants_reason"] == "small"
    assert table.loc["W2", "participants_reason"] == "secondary"
    assert table.loc["IV1", "organisations"] == 1
    # The survey counts its 14 respondents.
    assert table.loc["S1", "participants"] == 14
    assert_not_recoverable(table["participants"], 12 + 6 + 8 + 1 + 14, 5)


def test_organisations_reached_lists_every_municipality_of_the_region(tiny):
    table = reach.organisations_reached(tiny, "municipality").set_index("group")
    assert set(tiny.municipalities["municipality"]) <= set(table.index)
    assert table.loc["Salla"].tolist()[:2] == [2, 0]
    assert table.loc["Savukoski"].tolist()[:2] == [0, 0]
    assert table.loc[labels.OUTSIDE, "reached"] == 1  # Business Tampere


def test_representation_compares_share_of_people_with_share_of_registry(tiny):
    table = reach.representation(tiny).set_index("group")
    company = table.loc["company"]
    # 16 of the 27 attendances are by companies; companies are 7 of the 14 actors.
    assert company["attendances"] == 16
    assert company["ratio"] == pytest.approx((16 / 27) / (7 / 14))
    # Every other group is smaller than five attendances: all hidden, shares and ratios too.
    small = table.drop(index=["company", "public_agency", "association", "other"])
    assert small["hidden"].all() and small[["attendances", "attendance_share", "ratio"]].isna().all().all()
    assert table.loc["public_agency", "organisations"] == 0  # the council only organised


def test_repeat_participation_counts_organisations_in_several_activities(tiny):
    table = reach.repeat_participation(tiny).set_index("activities")
    assert table["organisations"].to_dict() == {"1": 1, "2": 6, "3": 4, "4": 0, "5+": 0}
    assert_not_recoverable(table["people"], 13, 5)


# --- voice ------------------------------------------------------------------------------

def test_inputs_by_group_and_into_actions(tiny):
    by_type = voice.inputs_into_actions(tiny).set_index("group")
    assert by_type.loc["company", ["inputs", "in_actions", "actions"]].tolist() == [3, 3, 2]
    assert by_type.loc["higher_education", ["inputs", "in_actions"]].tolist() == [2, 0]
    assert by_type.loc[labels.ANONYMOUS, "inputs"] == 1
    by_area = voice.inputs_by(tiny, "focus_area").set_index("group")
    assert by_area["inputs"].to_dict() == {"FA1": 4, "FA2": 4}


def test_sprint_votes_and_top_inputs(tiny):
    sprint = voice.sprint_votes(tiny).iloc[0]
    assert (sprint["activity_id"], sprint["votes"], sprint["top_input_id"]) == ("SP1", 14, "I05")
    top = voice.top_inputs(tiny, per_focus_area=2)
    assert top[["focus_area_id", "input_id"]].values.tolist() == [["FA1", "I04"], ["FA1", "I03"],
                                                                   ["FA2", "I05"], ["FA2", "I01"]]
    assert "name" not in top.columns  # the proposer's group, never the organisation's name


# --- gaps -------------------------------------------------------------------------------

def test_gaps_name_the_silent_municipality_and_the_absent_group_in_both_languages(tiny):
    for lang in ("fi", "en"):
        found = gaps.inclusiveness_gaps(tiny, lang)
        salla = found[found["subject"] == "Salla"]
        assert salla["kind"].tolist() == ["municipality_not_heard"]
        assert "Salla" in salla["text"].iloc[0]
        assert "public_agency" in found.loc[found["kind"] == "group_not_heard", "subject"].tolist()
        assert set(found["kind"]) <= set(gaps.KINDS)
    # Savukoski has no actor at all: said differently.
    assert "Savukoski" in found.loc[found["kind"] == "municipality_not_listed", "subject"].tolist()


def test_gap_thresholds_find_little_company_voice_and_ignored_groups(tiny):
    found = gaps.inclusiveness_gaps(tiny, "en", low_company_share=0.3, min_inputs=2)
    # FA1: one company input of four (25 %).
    little = found[found["kind"] == "focus_area_little_company_input"]
    assert little["subject"].tolist() == ["FA1"] and "1 of the 4" in little["text"].iloc[0]
    ignored = found[found["kind"] == "inputs_not_in_actions"]["subject"].tolist()
    assert ignored == ["higher_education"]


# --- surveys ----------------------------------------------------------------------------

def test_survey_drops_names_and_gives_pseudonyms(tiny):
    answers = tiny.surveys["S1"]
    text = answers.astype(str).to_string() + " ".join(answers.index)
    for value in RESPONDENT_NAMES + RESPONDENT_EMAILS:
        assert value not in text


def test_survey_respondents_by_group_hide_small_groups_together(tiny):
    table = surveys.respondents_by(tiny, "S1", "actor_type").set_index("group")
    assert table.loc["company", "respondents"] == 9
    assert table.loc[["municipality", "financier"], "hidden"].all()
    assert table.loc["research", "respondents"] == 0  # nobody is not a small group
    assert_not_recoverable(table["respondents"], 14, 5)


def test_likert_distribution_and_means(tiny):
    overall = surveys.likert_distribution(tiny, "S1")
    q1 = overall[overall["question_id"] == "Q1"].set_index("level")
    assert q1["count"].tolist() == [2, 2, 3, 5, 2] and q1["n"].iloc[0] == 14
    means = surveys.means(tiny, "S1", "actor_type").set_index(["question_id", "group"])
    company = means.loc[("Q1", "company")]
    assert company["mean"] == pytest.approx(34 / 9)
    assert company["ci_low"] < company["mean"] < company["ci_high"]
    hidden = means.loc[["Q1"]].droplevel(0)
    assert hidden.loc[["municipality", "financier"], ["n", "mean", "ci_low"]].isna().all().all()


def test_a_hidden_group_mean_cannot_be_worked_out_from_the_overall_mean(tiny):
    # The overall mean and the visible groups' means give only the hidden groups' combined
    # sum: with at least two hidden groups of five people or more together, no one group.
    overall = surveys.means(tiny, "S1").set_index("question_id")
    by_type = surveys.means(tiny, "S1", "actor_type")
    for question, own in by_type.groupby("question_id"):
        hidden = own[own["hidden"]]
        assert len(hidden) == 0 or len(hidden) >= 2
        hidden_people = overall.loc[question, "n"] - own.loc[~own["hidden"], "n"].sum()
        assert hidden_people == 0 or hidden_people >= 5


def test_choice_counts_single_and_multi(tiny):
    table = surveys.choice_counts(tiny, "S1").set_index(["question_id", "option"])
    assert table.loc[("Q3", "Matkailu"), "count"] == 7
    assert table.loc[("Q4", "Rahoitus"), ["count", "n"]].tolist() == [7, 14]
    by_type = surveys.choice_counts(tiny, "S1", "actor_type")
    assert by_type.loc[by_type["group"] == "financier", ["count", "share"]].isna().all().all()


def test_open_answers_carry_the_group_never_the_respondent(tiny):
    answers = surveys.open_answers(tiny, "S1")
    assert list(answers.columns) == ["question_id", "group", "text", "themes"]
    municipal = answers[answers["text"] == "Kuntien rooli elinvoimassa"]
    assert municipal["group"].tolist() == [surveys.HIDDEN_GROUP]  # only three municipality respondents
    assert answers.loc[answers["text"] == "Lupaprosessit ovat liian hitaita", "group"].tolist() == ["company"]
    assert answers["text"].tolist() == sorted(answers["text"])  # order tells nothing about who answered
    themed = answers.set_index("text")["themes"]
    assert themed["More funding for small companies"] == ("funding",)
    assert themed["Lupaprosessit ovat liian hitaita"] == ("permits",)


def test_themes_match_lemmas_in_finnish_and_english_and_compounds_by_their_parts():
    assert themes.themes_of("Yritysyhteistyötä tarvitaan") == ("cooperation",)
    assert themes.themes_of("Matkailuyritysten verkostot") == ("cooperation", "tourism")
    assert themes.themes_of("We need better rail connections") == ("transport",)
    assert themes.themes_of("Rakennuslupa viipyy") == ("permits",)  # the head of a compound
    assert themes.themes_of("Lupaus on lupaus") == ()  # "lupa" (permit) does not start other words
    assert themes.themes_of("Soita: \u27e6email\u27e7") == ()  # the loader's placeholders are ignored
