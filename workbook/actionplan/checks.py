"""Plan quality checks, named in plain words.

Each check looks for one kind of gap that makes an action plan hard to carry out or to
follow up: an action nobody owns, an action nothing measures, a focus area resting on
one organisation, a timeline outside the strategy period, an action whose origin is not
recorded. :func:`plan_checks` lists every gap found; :func:`check_summary` says for every
check how many it found, so a clean result is visible too.
"""

from __future__ import annotations

import pandas as pd

from workbook.actionplan.labels import action_titles, actor_names, date_label, focus_area_names
from workbook.actionplan.portfolio import involvement
from workbook.i18n import tr
from workbook.project import Project

TEXTS = {
    "action_without_owner": {"fi": "Toimenpiteellä ei ole vastuutahoa", "en": "Action without an owner"},
    "action_without_indicator": {"fi": "Toimenpidettä ei mitata millään mittarilla",
                                 "en": "Action without an indicator"},
    "action_without_budget": {"fi": "Toimenpiteellä ei ole budjettia", "en": "Action without a budget"},
    "action_without_dates": {"fi": "Toimenpiteeltä puuttuu alku- tai loppupäivä",
                             "en": "Action without a start or end date"},
    "action_without_source": {"fi": "Toimenpiteelle ei ole kirjattu lähtöideaa",
                              "en": "Action with no recorded source input"},
    "focus_area_single_owner": {"fi": "Painopistealueen toimenpiteillä on vain yksi vastuutaho tai ei yhtään",
                                "en": "Focus area with a single owner or none"},
    "focus_area_no_company_partner": {"fi": "Painopistealueen toimenpiteissä ei ole yhtään yritystä kumppanina",
                                      "en": "Focus area with no company partner"},
    "indicator_without_baseline": {"fi": "Mittarilta puuttuu lähtötaso", "en": "Indicator without a baseline"},
    "indicator_without_target": {"fi": "Mittarilta puuttuu tavoitetaso", "en": "Indicator without a target"},
    "action_outside_period": {"fi": "Toimenpiteen aikataulu ulottuu strategiakauden ulkopuolelle",
                              "en": "Action timeline outside the strategy period"},
    "found_action_without_owner": {"fi": "Kuka vastaa toimenpiteestä? Vastuutaho puuttuu.",
                                   "en": "Who is responsible? No owner is named."},
    "found_action_without_indicator": {"fi": "Mikään mittari ei seuraa tätä toimenpidettä.",
                                       "en": "No indicator follows this action."},
    "found_action_without_budget": {"fi": "Budjettia ei ole kirjattu.", "en": "No budget is recorded."},
    "found_action_without_dates": {"fi": "Alku- ja loppupäivä puuttuvat.",
                                   "en": "Neither a start nor an end date is recorded."},
    "found_action_without_start": {"fi": "Alkupäivä puuttuu (päättyy {end}).", "en": "No start date (ends {end})."},
    "found_action_without_end": {"fi": "Loppupäivä puuttuu (alkaa {start}).", "en": "No end date (starts {start})."},
    "found_action_without_source": {
        "fi": "Mistä toimenpide on peräisin? Yhtään ideaa tai havaintoa ei ole merkitty sen lähteeksi.",
        "en": "Where did it come from? No input is recorded as its source."},
    "found_focus_area_no_owner": {"fi": "Yhdelläkään alueen toimenpiteellä ({actions} kpl) ei ole vastuutahoa.",
                                  "en": "None of the area's actions ({actions}) has an owner."},
    "found_focus_area_single_owner": {
        "fi": "Alueen ainoa vastuutaho on {owner} ({owned}/{actions} toimenpidettä).",
        "en": "The area's only owner is {owner} ({owned} of its {actions} actions)."},
    "found_focus_area_no_company_partner": {
        "fi": "Alueen toimenpiteissä ({actions} kpl) ei ole yhtään yritystä kumppanina.",
        "en": "No company is a partner in the area's actions ({actions})."},
    "found_indicator_without_baseline": {"fi": "Lähtötaso puuttuu, joten muutosta ei voi mitata.",
                                         "en": "No baseline, so change cannot be measured."},
    "found_indicator_without_target": {"fi": "Tavoitetaso puuttuu, joten onnistumista ei voi arvioida.",
                                       "en": "No target, so success cannot be judged."},
    "found_action_outside_period": {"fi": "Aikataulu {start}–{end}, strategiakausi {period_start}–{period_end}.",
                                    "en": "Runs {start}–{end}; the strategy period is {period_start}–{period_end}."},
    "no_period": {"fi": "Strategiakautta ei ole annettu projektin asetuksissa (period_start, period_end).",
                  "en": "The strategy period is not set in the project settings (period_start, period_end)."},
}

CHECKS: tuple[str, ...] = (
    "action_without_owner", "action_without_indicator", "action_without_budget", "action_without_dates",
    "action_without_source", "focus_area_single_owner", "focus_area_no_company_partner",
    "indicator_without_baseline", "indicator_without_target",
    "action_outside_period",
)


def plan_checks(project: Project, lang: str) -> pd.DataFrame:
    """Every gap the plan checks find, in the order of :data:`CHECKS`.

    Columns: check (code, see :data:`CHECKS`), subject_id (the action, focus area or
    indicator), subject (its name in ``lang``), finding (a sentence saying what is wrong).

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> findings = plan_checks(example_project(), "en")
    >>> findings.groupby("check", sort=False)["subject_id"].agg(list).to_dict()
    {'action_without_owner': ['T3'], 'action_without_indicator': ['T3'], 'action_without_budget': ['T3'], 'action_without_dates': ['T3'], 'action_without_source': ['T3'], 'focus_area_single_owner': ['FA2'], 'focus_area_no_company_partner': ['FA2'], 'indicator_without_baseline': ['M2']}
    >>> findings.loc[5, "finding"]
    "The area's only owner is Lapin yliopisto (1 of its 2 actions)."

    """
    rows = (_action_gaps(project, lang) + _focus_area_gaps(project, lang) + _indicator_gaps(project, lang)
            + _outside_period(project, lang))
    findings = pd.DataFrame(rows, columns=["check", "subject_id", "subject", "finding"])
    order = {check: position for position, check in enumerate(CHECKS)}
    return findings.sort_values("check", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)


def check_summary(project: Project, findings: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every check with its plain-language name and how many gaps it found.

    ``findings`` is the result of :func:`plan_checks`. Columns: check, name, found,
    result (``ok``, ``finding``, or ``not_checked`` when the data needed is not there —
    the strategy period for the timeline check). ``found`` is missing when not checked.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> project = example_project()
    >>> summary = check_summary(project, plan_checks(project, "en"), "en")
    >>> summary.loc[summary.check == "action_outside_period", ["found", "result"]].values.tolist()
    [[0.0, 'ok']]
    """
    counts = findings["check"].value_counts()
    rows = []
    for check in CHECKS:
        checked = check != "action_outside_period" or all(day is not None for day in project.period)
        found = float(counts.get(check, 0)) if checked else float("nan")
        result = "not_checked" if not checked else ("finding" if found else "ok")
        rows.append({"check": check, "name": tr(TEXTS, check, lang), "found": found, "result": result})
    return pd.DataFrame(rows)


def unchecked_note(project: Project, lang: str) -> str | None:
    """Why a check could not run (the strategy period is missing), or None."""
    return None if all(day is not None for day in project.period) else tr(TEXTS, "no_period", lang)


def _row(check: str, subject_id: str, subject: str, lang: str, message: str | None = None,
         **values: object) -> tuple[str, str, str, str]:
    return check, subject_id, subject, tr(TEXTS, message or f"found_{check}", lang, **values)


def _action_gaps(project: Project, lang: str) -> list[tuple[str, str, str, str]]:
    actions = project.actions
    titles = action_titles(project, lang)
    rows = []
    for action in actions.itertuples(index=False):
        title = titles[action.action_id]
        if pd.isna(action.owner_actor_id):
            rows.append(_row("action_without_owner", action.action_id, title, lang))
        if not action.indicators:
            rows.append(_row("action_without_indicator", action.action_id, title, lang))
        if pd.isna(action.budget_eur):
            rows.append(_row("action_without_budget", action.action_id, title, lang))
        if pd.isna(action.start) or pd.isna(action.end):
            message = ("found_action_without_dates" if pd.isna(action.start) and pd.isna(action.end) else
                       "found_action_without_start" if pd.isna(action.start) else "found_action_without_end")
            rows.append(_row("action_without_dates", action.action_id, title, lang, message,
                             start=date_label(action.start, lang), end=date_label(action.end, lang)))
        if not action.source_input_ids:
            rows.append(_row("action_without_source", action.action_id, title, lang))
    return rows


def _focus_area_gaps(project: Project, lang: str) -> list[tuple[str, str, str, str]]:
    people = involvement(project)
    names = actor_names(project)
    links = project.action_focus_areas
    rows_single, rows_company = [], []
    for focus_area_id, name in focus_area_names(project, lang).items():
        actions = links.loc[links["focus_area_id"] == focus_area_id, "action_id"].nunique()
        own = people[people["focus_area_id"] == focus_area_id]
        owners = own.loc[own["role"] == "owner", "actor_id"].unique()
        if len(owners) == 0:
            rows_single.append(("focus_area_single_owner", focus_area_id, name,
                                tr(TEXTS, "found_focus_area_no_owner", lang, actions=actions)))
        elif len(owners) == 1:
            owned = own.loc[own["role"] == "owner", "action_id"].nunique()
            rows_single.append(_row("focus_area_single_owner", focus_area_id, name, lang,
                                    owned=owned, actions=actions, owner=names[owners[0]]))
        if not ((own["role"] == "partner") & (own["actor_type"] == "company")).any():
            rows_company.append(_row("focus_area_no_company_partner", focus_area_id, name, lang, actions=actions))
    return rows_single + rows_company


def _indicator_gaps(project: Project, lang: str) -> list[tuple[str, str, str, str]]:
    indicators = project.indicators
    names = indicators[f"name_{lang}"]
    rows = [_row("indicator_without_baseline", i, n, lang)
            for i, n, missing in zip(indicators["indicator_id"], names, indicators["baseline"].isna()) if missing]
    rows += [_row("indicator_without_target", i, n, lang)
             for i, n, missing in zip(indicators["indicator_id"], names, indicators["target"].isna()) if missing]
    return rows


def _outside_period(project: Project, lang: str) -> list[tuple[str, str, str, str]]:
    period_start, period_end = project.period
    if period_start is None or period_end is None:
        return []
    actions = project.actions
    outside = (actions["start"] < period_start) | (actions["end"] > period_end)
    titles = action_titles(project, lang)
    return [
        _row("action_outside_period", action.action_id, titles[action.action_id], lang,
             start=date_label(action.start, lang) or "…", end=date_label(action.end, lang) or "…",
             period_start=date_label(period_start, lang), period_end=date_label(period_end, lang))
        for action in actions[outside].itertuples(index=False)
    ]
