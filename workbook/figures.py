"""The headline figures of a project, each defined once: name, definition and how it is counted.

Every output that states one of these figures — the data overview, the participation
summary, the EU S3 checklist, the dashboards' headline, the notebooks, the glossary page of
the pack and ``docs/GLOSSARY.md`` — takes its value from :func:`figure_values` and its words
from :data:`FIGURES`, so a council reading two pages never meets two counts of one thing.

``python -m workbook.figures`` prints the glossary as Markdown (``docs/GLOSSARY.md``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbook.i18n import check_lang
from workbook.project import Project


@dataclass(frozen=True)
class Figure:
    """One headline figure: its key, its name and its definition in Finnish and English."""

    key: str
    fi: str
    en: str
    definition_fi: str
    definition_en: str
    # Hidden (``NaN``) when smaller than the project's minimum group size: it counts people.
    about_people: bool = False

    def name(self, lang: str) -> str:
        return self.fi if check_lang(lang) == "fi" else self.en

    def definition(self, lang: str) -> str:
        return self.definition_fi if check_lang(lang) == "fi" else self.definition_en


FIGURES: tuple[Figure, ...] = (
    Figure("activities", "Osallistavia tilaisuuksia", "Participatory activities",
           "Kaikki tilaisuuksien taulukkoon kirjatut työpajat, kyselyt, sprintit, haastattelut ja webinaarit, "
           "myös ne, joiden osallistujia ei ole kirjattu.",
           "Every workshop, survey, sprint, interview and webinar recorded in the activities table, also those "
           "whose participants are not recorded."),
    Figure("activities_with_participants", "Tilaisuuksia, joiden osallistujat on kirjattu",
           "Activities with recorded participants",
           "Tilaisuudet, joista osallistumisen taulukossa on vähintään yksi osallistuja (järjestäjiä ja "
           "fasilitaattoreita ei lasketa). Kyselyn vastaajat ovat kyselyaineistossa, eivät osallistujina.",
           "Activities with at least one participant in the participation table (organisers and facilitators "
           "not counted). A survey's respondents are in the survey data, not participants."),
    Figure("organisations_in_registry", "Organisaatioita rekisterissä", "Organisations in the registry",
           "Toimijarekisterin (actors) organisaatiot, osallistuivat ne tai eivät.",
           "Organisations in the actor registry (actors), whether they took part or not."),
    Figure("organisations_reached", "Organisaatioita osallistui", "Organisations that took part",
           "Eri organisaatiot, joista vähintään yksi henkilö osallistui johonkin tilaisuuteen osallistujana "
           "(ei järjestäjänä tai fasilitaattorina).",
           "Distinct organisations with at least one person taking part in an activity as a participant "
           "(not as organiser or facilitator)."),
    Figure("people", "Osallistuneita henkilöitä", "People who took part",
           "Eri osallistujat pseudonyymin mukaan; kukin lasketaan kerran, vaikka osallistui moneen "
           "tilaisuuteen. Ilman pseudonyymiä kirjattu osallistuminen lasketaan omaksi henkilökseen.",
           "Distinct participants by their pseudonym, each counted once however many activities they attended. "
           "An attendance recorded without a pseudonym counts as a person of its own.", about_people=True),
    Figure("attendances", "Osallistumiskertoja (henkilöt)", "Participations (people)",
           "Henkilöiden osallistumiset tilaisuuksiin: sama henkilö lasketaan kerran kussakin tilaisuudessa.",
           "People's attendances at activities: one person counts once in each activity attended.",
           about_people=True),
    Figure("respondents", "Kyselyvastaajia", "Survey respondents",
           "Kyselyaineistojen vastausrivit yhteensä (yksi rivi on yksi vastaaja).",
           "Rows of the survey exports together (one row is one respondent).", about_people=True),
    Figure("municipalities_reached", "Kuntia, joista osallistuttiin", "Municipalities that took part",
           "Alueen kunnat, joista vähintään yksi organisaatio osallistui; alueen kuntien määrä kauttaviivan "
           "jälkeen.",
           "Municipalities of the region with at least one organisation taking part; after the slash, the "
           "number of the region's municipalities."),
    Figure("municipalities", "Alueen kuntia", "Municipalities of the region",
           "Alueen kuntaluettelon kunnat.", "Municipalities in the region's list of municipalities."),
    Figure("inputs", "Ideoita ja ehdotuksia", "Ideas and proposals",
           "Tilaisuuksissa kirjatut ideat, ehdotukset ja havainnot (inputs).",
           "Ideas, proposals and findings recorded in the activities (inputs)."),
    Figure("inputs_in_actions", "Toimenpiteisiin päätyneitä ideoita", "Inputs taken into actions",
           "Ideat, jotka jokin toimenpide nimeää lähteekseen (source_input_ids).",
           "Inputs that an action names as its source (source_input_ids)."),
    Figure("actions", "Toimenpiteitä", "Actions",
           "Toimeenpanosuunnitelman toimenpiteet; useaa painopistealuetta palveleva toimenpide lasketaan kerran.",
           "Actions of the implementation plan; an action serving several focus areas counts once."),
    Figure("budget", "Toimenpiteiden budjetti yhteensä (€)", "Total budget of the actions (EUR)",
           "Toimenpiteiden budjettien summa; useaa aluetta palvelevan toimenpiteen budjetti lasketaan kerran.",
           "The sum of the actions' budgets; the budget of an action serving several areas counts once."),
    Figure("focus_areas", "Painopistealueita", "Focus areas",
           "Strategian painopistealueet.", "The strategy's focus areas."),
    Figure("clusters", "Klustereita", "Clusters",
           "Arvioitavat älykkään erikoistumisen klusterit.", "The smart-specialisation clusters assessed."),
)
FIGURES_BY_KEY = {figure.key: figure for figure in FIGURES}


def figure_values(project: Project) -> pd.Series:
    """Every headline figure of ``project``, indexed by key (``NaN`` where hidden).

    Figures about people smaller than the project's minimum group size are hidden, as in
    every published output (:func:`workbook.participation.reach.headline_figures`), and so
    are those a filtered dashboard view withholds (``project.settings["withheld_figures"]``).

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> values = figure_values(tiny_project())
    >>> int(values["actions"]), list(values.index) == [figure.key for figure in FIGURES]
    (1, True)
    """
    from workbook.participation.reach import attendances, headline_figures, total_is_hidden

    reach = headline_figures(project)
    respondents = sum(len(answers) for answers in project.surveys.values())
    withheld = project.settings.get("withheld_figures") or {}
    values = {
        "activities": len(project.activities),
        "activities_with_participants": attendances(project)["activity_id"].nunique(),
        "organisations_in_registry": reach["organisations_in_registry"],
        "organisations_reached": reach["organisations_reached"],
        "people": reach["people"],
        "attendances": reach["attendances"],
        "respondents": float("nan") if total_is_hidden(respondents, project.min_group_size)
        or "respondents" in withheld else respondents,
        "municipalities_reached": reach["municipalities_reached"],
        "municipalities": reach["municipalities"],
        "inputs": reach["inputs"],
        "inputs_in_actions": reach["inputs_in_actions"],
        "actions": len(project.actions),
        "budget": float(project.actions["budget_eur"].sum()),
        "focus_areas": len(project.focus_areas),
        "clusters": len(project.clusters),
    }
    return pd.Series({figure.key: values[figure.key] for figure in FIGURES}, dtype=float)


def figure_name(key: str, lang: str) -> str:
    """The name of a headline figure in ``lang``.

    Examples
    --------
    >>> figure_name("activities", "fi")
    'Osallistavia tilaisuuksia'
    """
    return FIGURES_BY_KEY[key].name(lang)


def glossary(lang: str) -> pd.DataFrame:
    """Every headline figure with its definition, in ``lang`` (columns ``figure``, ``definition``).

    Examples
    --------
    >>> glossary("en").iloc[0]["figure"]
    'Participatory activities'
    """
    return pd.DataFrame({"figure": [f.name(lang) for f in FIGURES],
                         "definition": [f.definition(lang) for f in FIGURES]})


GLOSSARY_TEXTS = {
    "title": {"fi": "Tunnusluvut ja niiden määritelmät", "en": "Headline figures and their definitions"},
    "intro": {
        "fi": "Jokainen tunnusluku määritellään kerran, ja kaikki raportit, taulukot, muistiot ja koontinäytöt "
              "käyttävät samaa määritelmää. Henkilöitä koskevat luvut, jotka ovat pienempiä kuin hankkeen "
              "vähimmäisryhmäkoko, piilotetaan.",
        "en": "Each headline figure is defined once, and every report, workbook, notebook and dashboard uses the "
              "same definition. Figures about people smaller than the project's minimum group size are hidden."},
    "figure": {"fi": "Tunnusluku", "en": "Figure"},
    "value": {"fi": "Tässä hankkeessa", "en": "In this project"},
    "definition": {"fi": "Määritelmä", "en": "Definition"},
    "hidden": {"fi": "piilotettu", "en": "hidden"},
}


def glossary_page(lang: str, project: Project | None = None):
    """The glossary as a self-contained HTML page (with the project's values when given)."""
    from workbook.htmlreport import HtmlReport, format_number
    from workbook.i18n import tr

    table = glossary(lang)
    columns = {"figure": tr(GLOSSARY_TEXTS, "figure", lang), "definition": tr(GLOSSARY_TEXTS, "definition", lang)}
    if project is not None:
        values = figure_values(project)
        table.insert(1, "value", [tr(GLOSSARY_TEXTS, "hidden", lang) if pd.isna(v) else format_number(v, lang)
                                  for v in values])
        columns["value"] = tr(GLOSSARY_TEXTS, "value", lang)
    page = HtmlReport(tr(GLOSSARY_TEXTS, "title", lang), lang,
                      subtitle=project.display_name(lang) if project is not None else "")
    page.paragraph(tr(GLOSSARY_TEXTS, "intro", lang))
    page.table(table.rename(columns=columns))
    return page


def glossary_markdown() -> str:
    """``docs/GLOSSARY.md``: the definitions in English and Finnish, from :data:`FIGURES`.

    Examples
    --------
    >>> glossary_markdown().splitlines()[0]
    '# Glossary of headline figures · Tunnuslukujen sanasto'
    """
    lines = ["# Glossary of headline figures · Tunnuslukujen sanasto", "",
             "Generated from `workbook/figures.py` (`python -m workbook.figures > docs/GLOSSARY.md`); "
             "do not edit by hand. Every output of the workbook takes these figures from there.", ""]
    for lang, heading in (("en", "## English"), ("fi", "## Suomeksi")):
        lines += [heading, "", GLOSSARY_TEXTS["intro"][lang], "",
                  f"| {GLOSSARY_TEXTS['figure'][lang]} | key | {GLOSSARY_TEXTS['definition'][lang]} |",
                  "|---|---|---|"]
        lines += [f"| {f.name(lang)} | `{f.key}` | {f.definition(lang)} |" for f in FIGURES]
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(glossary_markdown(), end="")
