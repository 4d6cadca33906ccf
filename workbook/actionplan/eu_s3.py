"""Evidence for the EU 2021–2027 enabling condition "good governance of the S3".

The condition has seven fulfilment criteria (Common Provisions Regulation, Annex IV).
For each, :func:`s3_checklist` says what the project's own data shows and what it cannot
show. The verdicts are about the data, not a ruling on compliance: ``met`` means the data
holds the evidence the criterion asks for, ``partly`` that it holds some, ``not_met`` that
the data points to a gap, and ``no_evidence`` that the data cannot tell.
"""

from __future__ import annotations

import pandas as pd

from workbook import vocab
from workbook.actionplan.labels import date_label, focus_area_names
from workbook.actionplan.portfolio import involvement
from workbook.i18n import label, percent, tr
from workbook.figures import figure_values
from workbook.participation.reach import organisations_reached
from workbook.project import Project

TEXTS = {
    "name_1": {"fi": "Ajantasainen analyysi innovaatioiden leviämisen ja digitalisaation pullonkauloista",
               "en": "Up-to-date analysis of challenges for innovation diffusion and digitalisation"},
    "name_2": {"fi": "Toimivaltainen alueellinen tai kansallinen elin vastaa strategian hallinnoinnista",
               "en": "A competent regional or national body is responsible for managing the strategy"},
    "name_3": {"fi": "Seuranta- ja arviointivälineet edistymisen mittaamiseen kohti strategian tavoitteita",
               "en": "Monitoring and evaluation tools to measure progress towards the strategy's objectives"},
    "name_4": {"fi": "Sidosryhmien toimiva yhteistyö (yrittäjyyteen perustuva kehittämisprosessi)",
               "en": "Functioning stakeholder cooperation (entrepreneurial discovery process)"},
    "name_5": {"fi": "Toimet tutkimus- ja innovaatiojärjestelmän parantamiseksi (tarvittaessa)",
               "en": "Actions to improve the research and innovation system, where relevant"},
    "name_6": {"fi": "Toimet teollisen muutoksen tukemiseksi (tarvittaessa)",
               "en": "Actions to support industrial transition, where relevant"},
    "name_7": {"fi": "Yhteistyö jäsenvaltion ulkopuolisten kumppanien kanssa painopistealueilla",
               "en": "Cooperation with partners outside the Member State in the priority areas"},
    "evidence_1": {
        "fi": "Kirjattuja ideoita, ehdotuksia ja havaintoja: {inputs} (joista havaintoja {findings}) {with_inputs} tilaisuudessa (osallistavia tilaisuuksia yhteensä {all_activities}), {first}–{last}.",
        "en": "Ideas, proposals and findings recorded: {inputs} (of which findings: {findings}) in {with_inputs} of the {all_activities} participatory activities, {first}–{last}."},
    "evidence_1_none": {"fi": "Osallistavista tilaisuuksista ei ole kirjattu ideoita tai havaintoja.",
                        "en": "No ideas or findings from participatory activities are recorded."},
    "missing_1": {"fi": "Itse analyysi (innovaatioiden leviämisen ja digitalisaation pullonkaulat) ei ole osa aineistoa: viittaa asiakirjaan.",
                  "en": "The analysis itself (bottlenecks for innovation diffusion and digitalisation) is not part of the data: cite the document."},
    "evidence_2": {
        "fi": "{organisation} ({actor_type}): järjesti {organised} tilaisuutta {activities} osallistavasta tilaisuudesta; vastuulla toimenpiteitä: {owned}.",
        "en": "{organisation} ({actor_type}): organised {organised} of the {activities} participatory activities; actions owned: {owned}."},
    "evidence_2_none": {"fi": "Tilaisuuksien järjestäjiä ei ole kirjattu (osallistumisen rooli 'organiser').",
                        "en": "No organiser of the activities is recorded (participation role 'organiser')."},
    "missing_2": {"fi": "Elimen muodollinen tehtävä ja resurssit strategian hallinnointiin eivät ole aineistossa: viittaa päätökseen.",
                  "en": "The body's formal mandate and resources for managing the strategy are not in the data: cite the decision."},
    "evidence_3": {
        "fi": "Mittareita: {indicators} (tulosmittareita {results}); lähtö- ja tavoitetaso annettu: {complete}; mitattu: {measured}; toimenpiteitä, joilla on mittari: {with_indicator}/{actions}.",
        "en": "Indicators: {indicators} (result indicators: {results}); with baseline and target: {complete}; measured: {measured}; actions with an indicator: {with_indicator} of {actions}."},
    "missing_3_incomplete": {"fi": "Lähtö- tai tavoitetaso puuttuu: {ids}.", "en": "Baseline or target missing: {ids}."},
    "missing_3_no_indicator": {"fi": "Toimenpiteet ilman mittaria: {ids}.", "en": "Actions without an indicator: {ids}."},
    "missing_3_no_result": {"fi": "Tulosmittareita ei ole.", "en": "There is no result indicator."},
    "missing_3_unmeasured": {"fi": "Yhtään mittaria ei ole vielä mitattu.", "en": "No indicator has been measured yet."},
    "evidence_4": {
        "fi": "Osallistuneita organisaatioita: {organisations} ({spheres}); osallistavia tilaisuuksia: {activities}; toimenpiteisiin päätyneitä ideoita: {in_action}/{inputs} ({share}).",
        "en": "Organisations that took part: {organisations} ({spheres}); participatory activities: {activities}; inputs taken into actions: {in_action} of {inputs} ({share})."},
    "missing_4_spheres": {"fi": "Mukana ei ollut organisaatioita näiltä sektoreilta: {spheres}.",
                          "en": "No organisations took part from: {spheres}."},
    "missing_4_unsourced": {"fi": "Toimenpiteet, joille ei ole kirjattu lähtöideaa: {ids}.",
                            "en": "Actions with no recorded source input: {ids}."},
    "evidence_5": {
        "fi": "Korkeakoulun tai tutkimuslaitoksen vastuulla olevia toimenpiteitä: {owned}; toimenpiteitä, joissa sellainen on mukana: {involved}/{actions}.",
        "en": "Actions owned by a higher-education or research organisation: {owned}; actions with one taking part: {involved} of {actions}."},
    "missing_5": {"fi": "Suunnitelmassa ei merkitä, mitkä toimenpiteet parantavat TKI-järjestelmää; luku perustuu siihen, keitä toimenpiteissä on mukana.",
                  "en": "The plan does not mark which actions improve the R&I system; the count is based on who takes part."},
    "evidence_6": {
        "fi": "Toimenpiteitä, joissa yritys on vastuutahona tai kumppanina: {companies}/{actions}; toimenpiteitä, joiden rahoituksena on oikeudenmukaisen siirtymän rahasto (JTF): {transition}.",
        "en": "Actions with a company as owner or partner: {companies} of {actions}; actions naming Just Transition funding (JTF): {transition}."},
    "missing_6": {"fi": "Aineistosta ei näe, mitkä toimenpiteet tukevat teollista muutosta: merkitse ne (esim. JTF-rahoitus).",
                  "en": "The data does not say which actions support industrial transition: mark them (e.g. JTF funding)."},
    "evidence_7": {
        "fi": "Toimenpiteitä, joissa on organisaatio maan ulkopuolelta: {abroad}/{actions} ({countries}); katettuja painopistealueita: {covered}/{areas}.",
        "en": "Actions with an organisation from outside the country: {abroad} of {actions} ({countries}); focus areas covered: {covered} of {areas}."},
    "evidence_7_none": {"fi": "Yhdessäkään toimenpiteessä ei ole organisaatiota maan ulkopuolelta.",
                        "en": "No action includes an organisation from outside the country."},
    "missing_7": {"fi": "Painopistealueet ilman ulkomaista kumppania: {areas}.",
                  "en": "Focus areas without a partner from abroad: {areas}."},
    "nothing_missing": {"fi": "Aineistosta ei puutu tämän kriteerin tietoja.",
                        "en": "Nothing the data could show is missing."},
}

CRITERIA = tuple(range(1, 8))

# Funding sources that mark an action as part of the industrial transition (matched in lower case).
TRANSITION_FUNDING = ("jtf", "siirtymä", "just transition")


def s3_checklist(project: Project, lang: str) -> pd.DataFrame:
    """The seven fulfilment criteria with the evidence the project data gives and what is missing.

    Columns: criterion (1–7), name, verdict (``met``, ``partly``, ``not_met``,
    ``no_evidence``), evidence, missing (sentences in ``lang``).

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> checklist = s3_checklist(example_project(), "en")
    >>> checklist[["criterion", "verdict"]].values.tolist()
    [[1, 'partly'], [2, 'no_evidence'], [3, 'partly'], [4, 'partly'], [5, 'met'], [6, 'partly'], [7, 'partly']]
    >>> checklist.loc[6, "missing"]
    'Focus areas without a partner from abroad: Experience services.'
    """
    people = involvement(project)
    assessors = (_analysis, _managing_body, _monitoring, _stakeholders, _research_system, _transition,
                 _international)
    rows = []
    for criterion, assess in zip(CRITERIA, assessors):
        verdict, evidence, missing = assess(project, people, lang)
        rows.append({"criterion": criterion, "name": tr(TEXTS, f"name_{criterion}", lang), "verdict": verdict,
                     "evidence": evidence, "missing": " ".join(missing) or tr(TEXTS, "nothing_missing", lang)})
    return pd.DataFrame(rows)


Assessment = tuple[str, str, list[str]]


def _ids(values: pd.Series) -> str:
    return ", ".join(map(str, values))


def _analysis(project: Project, people: pd.DataFrame, lang: str) -> Assessment:
    inputs = project.inputs.merge(project.activities[["activity_id", "date"]], on="activity_id")
    missing = [tr(TEXTS, "missing_1", lang)]
    if inputs.empty:
        return "no_evidence", tr(TEXTS, "evidence_1_none", lang), missing
    evidence = tr(TEXTS, "evidence_1", lang, inputs=len(inputs), findings=int((inputs["kind"] == "finding").sum()),
                  with_inputs=inputs["activity_id"].nunique(), all_activities=int(figure_values(project)["activities"]),
                  first=date_label(inputs["date"].min(), lang),
                  last=date_label(inputs["date"].max(), lang))
    return "partly", evidence, missing


def _managing_body(project: Project, people: pd.DataFrame, lang: str) -> Assessment:
    participation = project.participation
    organised = participation[participation["role"] == "organiser"].groupby("actor_id")["activity_id"].nunique()
    missing = [tr(TEXTS, "missing_2", lang)]
    if organised.empty:
        return "no_evidence", tr(TEXTS, "evidence_2_none", lang), missing
    actors = project.actors.set_index("actor_id")
    ranking = pd.DataFrame({"organised": organised, "name": actors["name"].reindex(organised.index)})
    top = ranking.sort_values(["organised", "name"], ascending=[False, True]).index[0]
    owned = int((project.actions["owner_actor_id"] == top).sum())
    evidence = tr(TEXTS, "evidence_2", lang, organisation=actors.at[top, "name"],
                  actor_type=label(vocab.ACTOR_TYPES, actors.at[top, "actor_type"], lang).lower(),
                  organised=int(organised[top]), activities=int(figure_values(project)["activities"]), owned=owned)
    return "partly", evidence, missing


def _monitoring(project: Project, people: pd.DataFrame, lang: str) -> Assessment:
    indicators, actions = project.indicators, project.actions
    complete = indicators["baseline"].notna() & indicators["target"].notna()
    measured = indicators["indicator_id"].isin(project.indicator_values["indicator_id"])
    with_indicator = actions["indicators"].map(bool)
    results = int((indicators["kind"] == "result").sum())
    evidence = tr(TEXTS, "evidence_3", lang, indicators=len(indicators), results=results,
                  complete=int(complete.sum()), measured=int(measured.sum()),
                  with_indicator=int(with_indicator.sum()), actions=len(actions))
    missing = []
    if not complete.all():
        missing.append(tr(TEXTS, "missing_3_incomplete", lang, ids=_ids(indicators.loc[~complete, "indicator_id"])))
    if not with_indicator.all():
        missing.append(tr(TEXTS, "missing_3_no_indicator", lang, ids=_ids(actions.loc[~with_indicator, "action_id"])))
    if results == 0:
        missing.append(tr(TEXTS, "missing_3_no_result", lang))
    if not measured.any():
        missing.append(tr(TEXTS, "missing_3_unmeasured", lang))
    verdict = "not_met" if indicators.empty else ("met" if not missing else "partly")
    return verdict, evidence, missing


def _stakeholders(project: Project, people: pd.DataFrame, lang: str) -> Assessment:
    # Reach as the participation summary counts it: organisers and facilitators are not reached.
    # The headline figures as every output defines them (workbook.figures); spheres add up to them.
    figures = figure_values(project)
    per_sphere = organisations_reached(project, "helix").set_index("group")["reached"]
    spheres = ", ".join(f"{label(vocab.HELIX, sphere, lang).lower()} {int(per_sphere.get(sphere, 0))}"
                        for sphere in vocab.HELIX)
    in_action, inputs = int(figures["inputs_in_actions"]), int(figures["inputs"])
    evidence = tr(TEXTS, "evidence_4", lang, organisations=int(figures["organisations_reached"]),
                  activities=int(figures["activities"]), spheres=spheres, inputs=inputs,
                  in_action=in_action, share=percent(in_action / inputs, lang) if inputs else "–")
    missing = []
    absent = [label(vocab.HELIX, sphere, lang).lower() for sphere in vocab.HELIX if not per_sphere.get(sphere, 0)]
    if absent:
        missing.append(tr(TEXTS, "missing_4_spheres", lang, spheres=", ".join(absent)))
    unsourced = project.actions.loc[~project.actions["source_input_ids"].map(bool), "action_id"]
    if len(unsourced):
        missing.append(tr(TEXTS, "missing_4_unsourced", lang, ids=_ids(unsourced)))
    if not per_sphere.sum():
        return "not_met", evidence, missing
    return ("met" if not missing else "partly"), evidence, missing


def _research_system(project: Project, people: pd.DataFrame, lang: str) -> Assessment:
    rdi = people[people["actor_type"].isin(vocab.RDI_ACTOR_TYPES)]
    owned = rdi.loc[rdi["role"] == "owner", "action_id"].nunique()
    involved = rdi["action_id"].nunique()
    evidence = tr(TEXTS, "evidence_5", lang, owned=owned, involved=involved, actions=len(project.actions))
    verdict = "met" if owned else ("partly" if involved else "not_met")
    return verdict, evidence, [tr(TEXTS, "missing_5", lang)]


def _transition(project: Project, people: pd.DataFrame, lang: str) -> Assessment:
    companies = people.loc[people["actor_type"] == "company", "action_id"].nunique()
    transition = int(project.actions["funding"].map(
        lambda sources: any(mark in source.lower() for source in sources for mark in TRANSITION_FUNDING)).sum())
    evidence = tr(TEXTS, "evidence_6", lang, companies=companies, actions=len(project.actions), transition=transition)
    verdict = "met" if companies and transition else ("partly" if companies or transition else "no_evidence")
    return verdict, evidence, [tr(TEXTS, "missing_6", lang)]


def _international(project: Project, people: pd.DataFrame, lang: str) -> Assessment:
    abroad = people[people["country"] != project.settings["country"]]
    areas = focus_area_names(project, lang)
    uncovered = [name for area, name in areas.items() if area not in set(abroad["focus_area_id"])]
    missing = [tr(TEXTS, "missing_7", lang, areas=", ".join(uncovered))] if uncovered else []
    if abroad.empty:
        return "not_met", tr(TEXTS, "evidence_7_none", lang), missing
    evidence = tr(TEXTS, "evidence_7", lang, abroad=abroad["action_id"].nunique(), actions=len(project.actions),
                  countries=", ".join(sorted(abroad["country"].unique())),
                  covered=len(areas) - len(uncovered), areas=len(areas))
    return ("met" if not uncovered else "partly"), evidence, missing
