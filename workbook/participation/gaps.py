"""Inclusiveness gaps in plain words: who and where was not heard, and who dominated.

Each finding is a row with a ``kind``, the ``subject`` it is about, a ``value`` and a
sentence in Finnish or English. The rules are deliberately simple, and their thresholds
are parameters with the defaults below, so a reader can check every finding by hand:

- a municipality of the region from which no organisation took part in any activity
  (also when the actor registry lists no organisation there), saying so when no survey
  respondent named it either;
- a sub-region whose share of the organisations reached is below ``UNDER`` times its
  share of the registry;
- an actor type or company size class present in the registry but absent from the
  process; one whose share of the people taking part (or, where that figure is hidden
  because the group is small, of the organisations taking part) is below ``UNDER`` or
  above ``OVER`` times its share of the registry (size classes: shares among companies);
- a focus area where companies raised less than ``LOW_COMPANY_SHARE`` of the inputs;
- a focus area no activity discussed;
- a group with at least ``MIN_INPUTS`` inputs none of which was taken into an action.
"""

from __future__ import annotations

import pandas as pd

from workbook.i18n import percent, tr
from workbook.participation import reach, surveys, voice
from workbook.participation.labels import ANONYMOUS, OUTSIDE, UNKNOWN, decimal, group_label
from workbook.project import Project

UNDER = 0.5
OVER = 1.5
LOW_COMPANY_SHARE = 0.25
MIN_INPUTS = 3

TEXTS = {
    "municipality_not_heard": {
        "fi": "{subject}: yksikään organisaatio ei osallistunut mihinkään tilaisuuteen, vaikka toimijarekisterissä on {registry} organisaatiota tästä kunnasta.",
        "en": "{subject}: no organisation took part in any activity, although the actor registry lists {registry} organisations from this municipality.",
    },
    "no_respondents": {
        "fi": " Yksikään kyselyvastaaja ei myöskään ilmoittanut kotikunnakseen {subject}.",
        "en": " Nor did any survey respondent give {subject} as their home municipality.",
    },
    "municipality_not_listed": {
        "fi": "{subject}: kunnasta ei osallistunut kukaan, eikä toimijarekisterissä ole yhtään organisaatiota sieltä, joten sen toimijoita ei ehkä edes kutsuttu.",
        "en": "{subject}: nobody from this municipality took part, and the actor registry lists no organisation from it, so its actors may not even have been invited.",
    },
    "sub_region_under": {
        "fi": "{subject}: seutukunnan osuus tavoitetuista organisaatioista on {share}, mutta toimijarekisteristä {registry_share} (vain {ratio} kertaa sen osuus).",
        "en": "{subject}: the sub-region holds {share} of the organisations reached but {registry_share} of the registry (only {ratio} times its share).",
    },
    "group_not_heard": {
        "fi": "{subject}: ryhmästä ei osallistunut yksikään organisaatio, vaikka toimijarekisterissä on {registry} ryhmän organisaatiota.",
        "en": "{subject}: not one organisation of this group took part, although the actor registry lists {registry} of them.",
    },
    "group_under": {
        "fi": "{subject}: aliedustettu – osuus osallistujista {share}, rekisterissä {registry_share} ({ratio} kertaa sen osuus).",
        "en": "{subject}: under-represented — {share} of those taking part against {registry_share} of the registry ({ratio} times its share).",
    },
    "group_over": {
        "fi": "{subject}: yliedustettu – osuus osallistujista {share}, rekisterissä {registry_share} ({ratio} kertaa sen osuus).",
        "en": "{subject}: over-represented — {share} of those taking part against {registry_share} of the registry ({ratio} times its share).",
    },
    "group_under_organisations": {
        "fi": "{subject}: aliedustettu – osuus osallistuneista organisaatioista {share}, rekisterissä {registry_share} ({ratio} kertaa sen osuus; henkilömäärä on piilotettu pienen ryhmän vuoksi).",
        "en": "{subject}: under-represented — {share} of the organisations taking part against {registry_share} of the registry ({ratio} times its share; the number of people is hidden as the group is small).",
    },
    "group_over_organisations": {
        "fi": "{subject}: yliedustettu – osuus osallistuneista organisaatioista {share}, rekisterissä {registry_share} ({ratio} kertaa sen osuus; henkilömäärä on piilotettu pienen ryhmän vuoksi).",
        "en": "{subject}: over-represented — {share} of the organisations taking part against {registry_share} of the registry ({ratio} times its share; the number of people is hidden as the group is small).",
    },
    "focus_area_little_company_input": {
        "fi": "{subject}: yritykset esittivät vain {company_inputs}/{inputs} painopistealueen ideoista ja ehdotuksista ({share}).",
        "en": "{subject}: companies raised only {company_inputs} of the {inputs} inputs on this focus area ({share}).",
    },
    "focus_area_not_discussed": {
        "fi": "{subject}: yksikään tilaisuus ei käsitellyt tätä painopistealuetta.",
        "en": "{subject}: no activity discussed this focus area.",
    },
    "inputs_not_in_actions": {
        "fi": "{subject}: ryhmän {inputs} ideasta tai ehdotuksesta yksikään ei päätynyt toimenpiteisiin.",
        "en": "{subject}: none of the group's {inputs} inputs was taken into an action.",
    },
    "none": {
        "fi": "Selviä osallisuuden aukkoja ei löytynyt näillä säännöillä.",
        "en": "These rules found no clear gaps in inclusiveness.",
    },
    "size_class": {"fi": "Yritykset, {label}", "en": "Companies, {label}"},
}

KINDS: tuple[str, ...] = (
    "municipality_not_heard", "municipality_not_listed", "sub_region_under", "group_not_heard",
    "group_under", "group_over", "focus_area_little_company_input", "focus_area_not_discussed",
    "inputs_not_in_actions",
)


def _place_gaps(project: Project, lang: str, under: float) -> list[dict]:
    rows = []
    municipalities = reach.organisations_reached(project, "municipality")
    named, asked = _respondent_municipalities(project)
    for place in municipalities[~municipalities["group"].isin([OUTSIDE, UNKNOWN])].itertuples():
        if place.reached == 0:
            kind = "municipality_not_heard" if place.registry else "municipality_not_listed"
            text = tr(TEXTS, kind, lang, subject=place.group, registry=place.registry)
            if asked and place.group not in named:
                # Zero reveals nobody; a count above zero is left to the protected survey tables.
                text += tr(TEXTS, "no_respondents", lang, subject=place.group)
            rows.append({"kind": kind, "subject": place.group, "value": float(place.registry), "text": text})
    sub_regions = reach.representation(project, "sub_region")
    for region in sub_regions[~sub_regions["group"].isin([OUTSIDE, UNKNOWN])].itertuples():
        ratio = region.organisation_ratio
        if region.registry and pd.notna(ratio) and ratio < under:
            name = group_label(project, "sub_region", region.group, lang)
            rows.append({"kind": "sub_region_under", "subject": region.group, "value": ratio,
                         "text": tr(TEXTS, "sub_region_under", lang, subject=name,
                                    share=percent(region.organisation_share, lang),
                                    registry_share=percent(region.registry_share, lang),
                                    ratio=decimal(ratio, lang))})
    return rows


def _respondent_municipalities(project: Project) -> tuple[set[str], bool]:
    """Municipalities named by any survey respondent, and whether any survey asked."""
    named: set[str] = set()
    asked = False
    for survey_id in project.surveys:
        home = surveys.questions(project, survey_id, ("municipality",))
        for question in home["question_id"]:
            asked = True
            named |= set(project.surveys[survey_id][question].dropna())
    return named, asked


def _group_gaps(project: Project, dimension: str, lang: str, under: float, over: float) -> list[dict]:
    rows = []
    table = reach.representation(project, dimension)
    for group in table[~table["group"].isin([UNKNOWN, OUTSIDE, ANONYMOUS])].itertuples():
        if not group.registry:
            continue
        name = group_label(project, dimension, group.group, lang)
        if dimension == "size_class":
            name = tr(TEXTS, "size_class", lang, label=name.lower())
        values = {"subject": name, "registry": group.registry, "registry_share": percent(group.registry_share, lang)}
        if group.organisations == 0:
            rows.append({"kind": "group_not_heard", "subject": group.group, "value": 0.0,
                         "text": tr(TEXTS, "group_not_heard", lang, **values)})
            continue
        by_people = not group.hidden and pd.notna(group.ratio)
        ratio = group.ratio if by_people else group.organisation_ratio
        share = group.attendance_share if by_people else group.organisation_share
        for kind, wrong in (("group_under", ratio < under), ("group_over", ratio > over)):
            if wrong:
                key = kind if by_people else f"{kind}_organisations"
                rows.append({"kind": kind, "subject": group.group, "value": float(ratio),
                             "text": tr(TEXTS, key, lang, share=percent(share, lang), ratio=decimal(ratio, lang),
                                        **values)})
    return rows


def _focus_area_gaps(project: Project, lang: str, low_company_share: float) -> list[dict]:
    rows = []
    table = voice.focus_area_inputs_by_group(project, "actor_type")
    discussed = set(project.activity_focus_areas["focus_area_id"])
    for focus_area in project.focus_areas["focus_area_id"]:
        name = project.focus_area_name(focus_area, lang)
        if focus_area not in discussed:
            rows.append({"kind": "focus_area_not_discussed", "subject": focus_area, "value": 0.0,
                         "text": tr(TEXTS, "focus_area_not_discussed", lang, subject=name)})
        inputs = int(table.loc[focus_area].sum()) if focus_area in table.index else 0
        companies = int(table.loc[focus_area].get("company", 0)) if inputs else 0
        if inputs and companies / inputs < low_company_share:
            rows.append({"kind": "focus_area_little_company_input", "subject": focus_area,
                         "value": companies / inputs,
                         "text": tr(TEXTS, "focus_area_little_company_input", lang, subject=name,
                                    company_inputs=companies, inputs=inputs,
                                    share=percent(companies / inputs, lang))})
    return rows


def _action_gaps(project: Project, lang: str, min_inputs: int) -> list[dict]:
    rows = []
    table = voice.inputs_into_actions(project, "actor_type")
    for group in table[table["group"] != ANONYMOUS].itertuples():
        if group.inputs >= min_inputs and group.in_actions == 0:
            rows.append({"kind": "inputs_not_in_actions", "subject": group.group, "value": float(group.inputs),
                         "text": tr(TEXTS, "inputs_not_in_actions", lang,
                                    subject=group_label(project, "actor_type", group.group, lang),
                                    inputs=group.inputs)})
    return rows


def inclusiveness_gaps(project: Project, lang: str, under: float = UNDER, over: float = OVER,
                       low_company_share: float = LOW_COMPANY_SHARE, min_inputs: int = MIN_INPUTS) -> pd.DataFrame:
    """Every inclusiveness gap found, as plain sentences in ``lang``.

    Returns columns ``kind`` (one of ``KINDS``), ``subject`` (the municipality, group code
    or focus area id), ``value`` (the count or ratio the rule looked at) and ``text``.
    Places come first, then groups, focus areas and the action plan.

    Examples
    --------
    >>> from workbook.cli import DEMO_PROJECT
    >>> from workbook import load_project
    >>> gaps = inclusiveness_gaps(load_project(DEMO_PROJECT), "en")
    >>> list(gaps.columns)
    ['kind', 'subject', 'value', 'text']
    """
    rows = _place_gaps(project, lang, under)
    for dimension in ("actor_type", "size_class"):
        rows += _group_gaps(project, dimension, lang, under, over)
    rows += _focus_area_gaps(project, lang, low_company_share)
    rows += _action_gaps(project, lang, min_inputs)
    return pd.DataFrame(rows, columns=["kind", "subject", "value", "text"])
