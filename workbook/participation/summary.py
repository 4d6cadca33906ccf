"""The participation summary as a list of sections, in Finnish or English.

A :class:`Section` is a title and blocks (sentences, tables, figures) built from the
analyses; the notebook shows sections one by one with :func:`show`, and the export
renders the same sections to HTML and their tables to .xlsx, so the two never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from workbook import masking, style
from workbook.i18n import percent, tr
from workbook.participation import figures, gaps, reach, surveys, tables, voice
from workbook.participation.labels import decimal, dimension_label, group_labels
from workbook.privacy import suppression_note
from workbook.project import Project

TEXTS = {
    "title": {"fi": "Osallistamisen tulosten yhteenveto", "en": "Summary of the participatory process"},
    "overview": {"fi": "Prosessi lyhyesti", "en": "The process at a glance"},
    "overview_text": {
        "fi": "{activities} tilaisuutta tavoitti {organisations} organisaatiota {reached} kunnasta alueen {municipalities} kunnasta; {repeat} organisaatiota osallistui useampaan kuin yhteen tilaisuuteen. Ideoita ja ehdotuksia kirjattiin {inputs}, joista {in_actions} päätyi toimenpiteisiin.",
        "en": "{activities} activities reached {organisations} organisations from {reached} of the region's {municipalities} municipalities; {repeat} organisations took part in more than one activity. {inputs} inputs were recorded, {in_actions} of which were taken into actions.",
    },
    "activities": {"fi": "Tilaisuudet ja osallistujat", "en": "Activities and participants"},
    "activities_text": {
        "fi": "Mitä tilaisuuksia järjestettiin ja milloin, ja kuinka monta organisaatiota ja henkilöä kuhunkin osallistui. Järjestäjiä ja fasilitaattoreita ei lasketa osallistujiksi.",
        "en": "Which activities were held and when, and how many organisations and people took part in each. Organisers and facilitators are not counted as participants.",
    },
    "organisations": {"fi": "Tavoitetut organisaatiot", "en": "Organisations reached"},
    "organisations_text": {
        "fi": "Kuinka suuri osa toimijarekisterin organisaatioista osallistui ainakin yhteen tilaisuuteen – tyypeittäin, yritysten kokoluokittain, seutukunnittain ja kaikissa alueen kunnissa (myös ne, joista ei osallistuttu).",
        "en": "How many of the organisations in the actor registry took part in at least one activity — by type, company size, sub-region and in every municipality of the region (also those from which nobody took part).",
    },
    "repeat": {"fi": "Toistuva osallistuminen", "en": "Repeat participation"},
    "repeat_text": {
        "fi": "{repeat} organisaatiota {organisations}:sta osallistui useampaan kuin yhteen tilaisuuteen. Henkilöt tunnistetaan vain pseudonyymistä; ilman sitä kirjattuja osallistumisia ei voi yhdistää.",
        "en": "{repeat} of the {organisations} organisations reached took part in more than one activity. People are recognised by their pseudonym only; attendances recorded without one cannot be linked.",
    },
    "representation": {"fi": "Ryhmien edustus", "en": "Representation of groups"},
    "representation_text": {
        "fi": "Kunkin ryhmän osuus osallistujista verrattuna sen osuuteen toimijarekisteristä. Edustusluku yli 1 tarkoittaa yliedustusta, alle 1 aliedustusta.",
        "en": "Each group's share of those taking part compared with its share of the actor registry. A representation above 1 means over-represented, below 1 under-represented.",
    },
    "inputs": {"fi": "Mitä sanottiin: ideat ja ehdotukset", "en": "What was said: inputs"},
    "inputs_text": {
        "fi": "Ideat, ehdotukset ja havainnot tilaisuuksittain, painopistealueittain ja ehdottajan ryhmän mukaan. Idea, joka koskee kahta painopistealuetta, lasketaan kumpaankin.",
        "en": "Ideas, proposals and findings by activity, focus area and the proposer's group. An input about two focus areas counts in both.",
    },
    "votes": {"fi": "Äänet ja eniten kannatetut ideat", "en": "Votes and the most-supported inputs"},
    "votes_text": {
        "fi": "Innovaatiosprinttien äänet ja kunkin painopistealueen eniten ääniä saaneet ideat. Ideat näytetään ehdottajan ryhmän, ei organisaation nimen kanssa.",
        "en": "Votes in the innovation sprints and the most-voted inputs of each focus area. Inputs are shown with the proposer's group, not the organisation's name.",
    },
    "no_sprints": {"fi": "Projektissa ei ole innovaatiosprinttejä.", "en": "The project has no innovation sprints."},
    "actions": {"fi": "Mitkä ideat päätyivät toimenpiteisiin", "en": "Which inputs were taken into actions"},
    "actions_text": {
        "fi": "Idea on päätynyt toimenpiteisiin, kun jokin toimenpidesuunnitelman toimenpide nimeää sen lähteekseen.",
        "en": "An input was taken into actions when an action of the plan names it as a source.",
    },
    "gaps": {"fi": "Osallisuuden aukot", "en": "Gaps in inclusiveness"},
    "gaps_text": {
        "fi": "Ketkä ja mitkä paikat jäivät kuulematta, missä yritysten ääni jäi heikoksi ja mitkä ryhmät olivat yliedustettuina. Säännöt ja raja-arvot on kuvattu menetelmäosiossa.",
        "en": "Which groups and places were not heard, where companies had little voice, and which groups were over-represented. The rules and thresholds are described in the method section.",
    },
    "survey": {"fi": "Kysely {survey}", "en": "Survey {survey}"},
    "surveys_text": {
        "fi": "Kyselyjen tulokset raakavientitiedostoista ja koodikirjasta. Vastaajien nimet ja sähköpostit poistetaan jo latauksessa; avoimet vastaukset näytetään vastaajan ryhmän kanssa.",
        "en": "Survey results from the raw exports and the codebook. Respondents' names and e-mails are dropped when the data is loaded; open answers are shown with the respondent's group.",
    },
    "no_surveys": {"fi": "Projektissa ei ole kyselyjä.", "en": "The project has no surveys."},
    "by_actor_type": {"fi": "Vastaajan organisaatiotyypin mukaan", "en": "By the respondent's type of organisation"},
    "by_sub_region": {"fi": "Vastaajan seutukunnan mukaan", "en": "By the respondent's sub-region"},
    "open_answers": {"fi": "Avoimet vastaukset", "en": "Open answers"},
    "no_open_answers": {
        "fi": "Avoimia vastauksia ei näytetä: niitä on vähemmän kuin {n}.",
        "en": "No open answers are shown: there are fewer than {n}.",
    },
    "method": {"fi": "Menetelmä ja tietosuoja", "en": "Method and privacy"},
    "method_people": {
        "fi": "Tässä yhteenvedossa piilotetaan henkilöitä koskevat luvut (osallistujat, vastaajat ja heidän osuutensa ja keskiarvonsa), kun ryhmässä on alle {n} henkeä. Organisaatioiden määrät näytetään sellaisinaan, sillä organisaatiot ovat julkisia toimijoita.",
        "en": "This summary hides figures about people (participants, respondents, and their shares and means) when a group has fewer than {n} people. Counts of organisations are shown as they are, since organisations are public actors.",
    },
    "method_gaps": {
        "fi": "Aukkojen säännöt: aliedustettu, kun osuus osallistujista on alle {under} kertaa osuus rekisteristä; yliedustettu, kun yli {over} kertaa; painopistealueella vähän yritysten ääntä, kun yritysten osuus sen ideoista on alle {low}.",
        "en": "Gap rules: under-represented when the share of those taking part is below {under} times the share of the registry; over-represented above {over} times; little company voice in a focus area when companies raised less than {low} of its inputs.",
    },
    "method_themes": {
        "fi": "Avointen vastausten teemat on tunnistettu yksinkertaisilla avainsanoilla (perusmuotoistus simplemma-kirjastolla suomeksi ja englanniksi). Vastaus voi kuulua useaan teemaan tai ei yhteenkään; teemat ovat lukemisen apuväline, eivät analyysi.",
        "en": "Themes of open answers are found with simple keywords (lemmatised with simplemma in Finnish and English). An answer can belong to several themes or none; the themes are a reading aid, not an analysis.",
    },
    "method_ci": {
        "fi": "Keskiarvojen luottamusvälit kuvaavat vain vastausmäärästä johtuvaa epävarmuutta: vastaajat eivät ole satunnaisotos.",
        "en": "Confidence intervals of means show only the uncertainty from the number of answers: respondents are not a random sample.",
    },
    "sheet_headlines": {"fi": "Yhteenveto", "en": "Headlines"},
    "sheet_activities": {"fi": "Tilaisuudet", "en": "Activities"},
    "sheet_reached": {"fi": "Tavoitetut {dimension}", "en": "Reached {dimension}"},
    "sheet_repeat": {"fi": "Toistuva osallistuminen", "en": "Repeat participation"},
    "sheet_representation": {"fi": "Edustus {dimension}", "en": "Representation {dimension}"},
    "sheet_inputs": {"fi": "Ideat {dimension}", "en": "Inputs {dimension}"},
    "sheet_sprints": {"fi": "Sprinttien äänet", "en": "Sprint votes"},
    "sheet_top": {"fi": "Eniten ääniä", "en": "Top-voted inputs"},
    "sheet_actions": {"fi": "Ideat toimenpiteisiin", "en": "Inputs into actions"},
    "sheet_gaps": {"fi": "Osallisuuden aukot", "en": "Inclusiveness gaps"},
    "sheet_surveys": {"fi": "Kyselyt", "en": "Surveys"},
    "sheet_survey": {"fi": "{survey} {part}", "en": "{survey} {part}"},
    "part_respondents": {"fi": "vastaajat", "en": "respondents"},
    "part_likert": {"fi": "väittämät", "en": "statements"},
    "part_no_answer": {"fi": "ei vastausta", "en": "no answer"},
    "no_answer_text": {
        "fi": "Tyhjät vastaukset ja vastaukset, jotka koodikirjan mukaan tarkoittavat \"ei vastausta\" (En osaa sanoa, EOS, Ei vastausta …), lasketaan erikseen: ne eivät sisälly jakaumiin, osuuksiin eivätkä keskiarvoihin.",
        "en": "Blank answers and answers that the codebook treats as \"no answer\" (Don't know, N/A …) are counted apart: they are left out of every distribution, share and mean.",
    },
    "part_choices": {"fi": "valinnat", "en": "choices"},
    "part_numbers": {"fi": "luvut", "en": "numbers"},
    "part_open": {"fi": "avoimet", "en": "open answers"},
    "part_themes": {"fi": "teemat", "en": "themes"},
    "dimension_short_actor_type": {"fi": "tyypeittäin", "en": "by type"},
    "dimension_short_helix": {"fi": "sektoreittain", "en": "by sphere"},
    "dimension_short_size_class": {"fi": "kokoluokittain", "en": "by size"},
    "dimension_short_sub_region": {"fi": "seutukunnittain", "en": "by sub-region"},
    "dimension_short_municipality": {"fi": "kunnittain", "en": "by municipality"},
    "dimension_short_activity": {"fi": "tilaisuuksittain", "en": "by activity"},
    "dimension_short_focus_area": {"fi": "painopisteittäin", "en": "by focus area"},
}


@dataclass(frozen=True)
class Block:
    """One part of a section: ``kind`` is ``text``, ``table``, ``figure`` or ``sheet``.

    ``style`` colours a text (``note``, ``finding``, ``ok``); ``sheet`` names the .xlsx
    sheet of a table (``None``: the table is not exported to the workbook). A ``sheet``
    block is a table for the .xlsx only (it gathers tables the page shows one by one).
    """

    kind: str
    content: object
    caption: str = ""
    style: str | None = None
    sheet: str | None = None


@dataclass
class Section:
    """A titled part of the summary."""

    key: str
    title: str
    blocks: list[Block] = field(default_factory=list)

    def text(self, content: str, style: str | None = None) -> None:
        self.blocks.append(Block("text", content, style=style))

    def table(self, frame: pd.DataFrame, caption: str = "", sheet: str | None = None) -> None:
        # A table holding a disclosure mark carries its legend (workbook.participation.tables.with_legend).
        self.blocks.append(Block("table", frame, caption or frame.attrs.get("caption", ""), sheet=sheet))

    def figure(self, figure) -> None:
        self.blocks.append(Block("figure", figure))

    def sheet(self, frame: pd.DataFrame, sheet: str) -> None:
        self.blocks.append(Block("sheet", frame, sheet=sheet))


def _short(dimension: str, lang: str) -> str:
    return tr(TEXTS, f"dimension_short_{dimension}", lang)


def overview_section(project: Project, lang: str) -> Section:
    figures_ = reach.headline_figures(project)
    section = Section("overview", tr(TEXTS, "overview", lang))
    section.text(tr(TEXTS, "overview_text", lang, activities=int(figures_["activities"]),
                    organisations=int(figures_["organisations_reached"]),
                    reached=int(figures_["municipalities_reached"]), municipalities=int(figures_["municipalities"]),
                    repeat=int(figures_["repeat_organisations"]), inputs=int(figures_["inputs"]),
                    in_actions=int(figures_["inputs_in_actions"])))
    section.table(tables.headlines(figures_, project.min_group_size, lang), sheet=tr(TEXTS, "sheet_headlines", lang))
    return section


def activities_section(project: Project, lang: str) -> Section:
    section = Section("activities", tr(TEXTS, "activities", lang))
    section.text(tr(TEXTS, "activities_text", lang))
    section.figure(figures.activities_by_month(reach.activities_by_month(project), lang))
    activity_reach = reach.activity_reach(project)
    section.figure(figures.activity_reach(activity_reach, lang, project.min_group_size))
    section.table(tables.activities(activity_reach, project.min_group_size, lang),
                  sheet=tr(TEXTS, "sheet_activities", lang))
    return section


def organisations_section(project: Project, lang: str) -> Section:
    section = Section("organisations", tr(TEXTS, "organisations", lang))
    section.text(tr(TEXTS, "organisations_text", lang))
    for dimension in ("actor_type", "size_class", "sub_region", "municipality"):
        frame = reach.organisations_reached(project, dimension)
        labels = group_labels(project, dimension, frame["group"], lang)
        name = dimension_label(dimension, lang)
        section.figure(figures.organisations_reached(frame, lang, name, labels))
        section.table(tables.reached(frame, lang, name, labels),
                      sheet=tr(TEXTS, "sheet_reached", lang, dimension=_short(dimension, lang)))
    return section


def repeat_section(project: Project, lang: str) -> Section:
    headline = reach.headline_figures(project)
    frame = reach.repeat_participation(project)
    section = Section("repeat", tr(TEXTS, "repeat", lang))
    section.text(tr(TEXTS, "repeat_text", lang, repeat=int(headline["repeat_organisations"]),
                    organisations=int(headline["organisations_reached"])))
    section.figure(figures.repeat_participation(frame, lang, project.min_group_size))
    section.table(tables.repeat(frame, project.min_group_size, lang), sheet=tr(TEXTS, "sheet_repeat", lang))
    return section


def representation_section(project: Project, lang: str) -> Section:
    section = Section("representation", tr(TEXTS, "representation", lang))
    section.text(tr(TEXTS, "representation_text", lang))
    for dimension in ("actor_type", "helix"):
        frame = reach.representation(project, dimension)
        labels = group_labels(project, dimension, frame["group"], lang)
        if dimension == "actor_type":
            section.figure(figures.representation(frame, lang, project.min_group_size, labels))
        section.table(tables.representation(frame, project.min_group_size, lang, dimension_label(dimension, lang),
                                            labels),
                      sheet=tr(TEXTS, "sheet_representation", lang, dimension=_short(dimension, lang)))
    return section


def inputs_section(project: Project, lang: str) -> Section:
    section = Section("inputs", tr(TEXTS, "inputs", lang))
    section.text(tr(TEXTS, "inputs_text", lang))
    for dimension in ("activity", "focus_area", "actor_type"):
        frame = voice.inputs_by(project, dimension)
        labels = group_labels(project, dimension, frame["group"], lang)
        name = dimension_label(dimension, lang)
        if dimension != "activity":
            section.figure(figures.inputs_by(frame, lang, name, labels))
        section.table(tables.inputs(frame, lang, name, labels),
                      sheet=tr(TEXTS, "sheet_inputs", lang, dimension=_short(dimension, lang)))
    crosstab = voice.focus_area_inputs_by_group(project, "actor_type")
    section.figure(figures.focus_area_heatmap(
        crosstab, lang, group_labels(project, "focus_area", crosstab.index, lang),
        group_labels(project, "actor_type", crosstab.columns, lang)))
    return section


def votes_section(project: Project, lang: str) -> Section:
    section = Section("votes", tr(TEXTS, "votes", lang))
    section.text(tr(TEXTS, "votes_text", lang))
    sprints = voice.sprint_votes(project)
    if sprints.empty:
        section.text(tr(TEXTS, "no_sprints", lang), style="note")
    else:
        section.table(tables.sprints(sprints, lang), sheet=tr(TEXTS, "sheet_sprints", lang))
    top = voice.top_inputs(project)
    section.table(tables.top_inputs(top, lang, group_labels(project, "focus_area", top["focus_area_id"].unique(), lang),
                                    group_labels(project, "actor_type", top["actor_type"].unique(), lang)),
                  sheet=tr(TEXTS, "sheet_top", lang))
    return section


def actions_section(project: Project, lang: str) -> Section:
    section = Section("actions", tr(TEXTS, "actions", lang))
    section.text(tr(TEXTS, "actions_text", lang))
    frame = voice.inputs_into_actions(project, "actor_type")
    labels = group_labels(project, "actor_type", frame["group"], lang)
    name = dimension_label("actor_type", lang)
    section.table(tables.into_actions(frame, lang, name, labels), sheet=tr(TEXTS, "sheet_actions", lang))
    return section


def gaps_section(project: Project, lang: str) -> Section:
    section = Section("gaps", tr(TEXTS, "gaps", lang))
    section.text(tr(TEXTS, "gaps_text", lang))
    found = gaps.inclusiveness_gaps(project, lang)
    if found.empty:
        section.text(tr(gaps.TEXTS, "none", lang), style="ok")
    for text in found["text"]:
        section.text(text, style="finding")
    section.sheet(tables.findings(found, lang), tr(TEXTS, "sheet_gaps", lang))
    return section


def survey_sections(project: Project, lang: str) -> list[Section]:
    """One section per survey, after a short overview of all surveys."""
    min_size = project.min_group_size
    if not project.surveys:
        section = Section("surveys", tr(TEXTS, "survey", lang, survey=""))
        section.text(tr(TEXTS, "no_surveys", lang), style="note")
        return [section]
    result = []
    for number, survey_id in enumerate(sorted(project.surveys)):
        title = project.activities.set_index("activity_id")["title"].get(survey_id) or ""
        section = Section(f"survey:{survey_id}", tr(TEXTS, "survey", lang, survey=f"{survey_id} {title}".strip()))
        if number == 0:
            section.text(tr(TEXTS, "surveys_text", lang))
            section.table(tables.survey_overview(surveys.survey_overview(project), min_size, lang),
                          sheet=tr(TEXTS, "sheet_surveys", lang))
        _survey_blocks(project, survey_id, section, lang)
        result.append(section)
    return result


def _survey_sheet(survey_id: str, part: str, lang: str) -> str:
    return tr(TEXTS, "sheet_survey", lang, survey=survey_id, part=tr(TEXTS, f"part_{part}", lang))


def _survey_blocks(project: Project, survey_id: str, section: Section, lang: str) -> None:
    min_size = project.min_group_size
    coded = surveys.questions(project, survey_id)
    question_labels = dict(zip(coded["question_id"], coded[f"text_{lang}"]))
    respondents = []
    for by in surveys.BREAKDOWNS:
        frame = surveys.respondents_by(project, survey_id, by)
        if surveys.respondent_groups(project, survey_id, by).empty:
            continue
        respondents.append(tables.respondents(frame, min_size, lang, dimension_label(by, lang),
                                              group_labels(project, by, frame["group"], lang)))
    for frame in respondents:
        section.table(frame)
    if respondents:
        section.sheet(pd.concat(respondents, ignore_index=True), _survey_sheet(survey_id, "respondents", lang))
    groupings: list[str | None] = [None] + [by for by in surveys.BREAKDOWNS
                                            if not surveys.respondent_groups(project, survey_id, by).empty]
    distribution = surveys.likert_distribution(project, survey_id)
    if not distribution.empty:
        section.figure(figures.likert_diverging(distribution, lang, question_labels, min_size))
    unanswered = surveys.no_answer_counts(project, survey_id)
    if not unanswered.empty:
        section.text(tr(TEXTS, "no_answer_text", lang))
        section.table(tables.no_answers(unanswered, min_size, lang, question_labels),
                      sheet=_survey_sheet(survey_id, "no_answer", lang))
    likert_ids = set(surveys.questions(project, survey_id, ("likert",))["question_id"])
    likert_tables, number_tables, choice_tables = [], [], []
    for by in groupings:
        dist = surveys.likert_distribution(project, survey_id, by)
        mean = surveys.means(project, survey_id, by)
        labels = group_labels(project, by or "actor_type", pd.concat([dist["group"], mean["group"]]).unique(), lang)
        colours = style.ACTOR_TYPE_COLOURS if by == "actor_type" else None
        on_scale = mean[mean["question_id"].isin(likert_ids)]
        if by is not None and not on_scale.empty:
            section.text(tr(TEXTS, f"by_{by}", lang))
        if not on_scale.empty:
            section.figure(figures.means(on_scale, lang, question_labels, labels, colours, min_size))
        if not dist.empty:
            likert_tables.append(tables.likert(dist, mean, min_size, lang, question_labels, labels))
        numbers = mean[~mean["question_id"].isin(likert_ids)]
        if not numbers.empty:
            number_tables.append(tables.means(numbers, min_size, lang, question_labels, labels))
        choices = surveys.choice_counts(project, survey_id, by)
        if not choices.empty:
            choice_labels = group_labels(project, by or "actor_type", choices["group"].unique(), lang)
            choice_tables.append(tables.choices(choices, min_size, lang, question_labels, choice_labels))
            if by is None:
                for question, own in choices.groupby("question_id", sort=False):
                    section.figure(figures.choice_shares(own, lang, question_labels.get(question, question),
                                                         min_size))
    for frame in likert_tables:
        section.table(frame)
    if likert_tables:
        section.sheet(pd.concat(likert_tables, ignore_index=True), _survey_sheet(survey_id, "likert", lang))
    for frame in number_tables:
        section.table(frame)
    if number_tables:
        section.sheet(pd.concat(number_tables, ignore_index=True), _survey_sheet(survey_id, "numbers", lang))
    for frame in choice_tables:
        section.table(frame)
    if choice_tables:
        section.sheet(pd.concat(choice_tables, ignore_index=True), _survey_sheet(survey_id, "choices", lang))
    _open_blocks(project, survey_id, section, lang, question_labels)


def _open_blocks(project: Project, survey_id: str, section: Section, lang: str,
                 question_labels: dict[str, str]) -> None:
    min_size = project.min_group_size
    if surveys.questions(project, survey_id, ("open",)).empty:
        return
    section.text(tr(TEXTS, "open_answers", lang))
    if not masking.open_answers_shown(project.settings):
        section.text(tr(masking.TEXTS, "hidden_by_setting", lang), style="note")
        return
    answers = surveys.open_answers(project, survey_id)
    if answers.empty:
        section.text(tr(TEXTS, "no_open_answers", lang, n=min_size), style="note")
        return
    themes = surveys.open_question_themes(project, survey_id)
    for question, own in themes.groupby("question_id", sort=False):
        section.figure(figures.themes(own, lang, question_labels.get(question, question)))
    labels = group_labels(project, "actor_type", answers["group"].unique(), lang)
    section.text(tr(masking.TEXTS, "shown_as_written", lang), style="note")
    section.table(tables.open_answers(answers, lang, question_labels, labels),
                  sheet=_survey_sheet(survey_id, "open", lang))
    section.table(tables.themes(themes, lang, question_labels), sheet=_survey_sheet(survey_id, "themes", lang))


def method_section(project: Project, lang: str) -> Section:
    section = Section("method", tr(TEXTS, "method", lang))
    n = project.min_group_size
    section.text(suppression_note(n, lang), style="note")
    section.text(tr(TEXTS, "method_people", lang, n=n))
    section.text(tr(TEXTS, "method_gaps", lang, under=decimal(gaps.UNDER, lang), over=decimal(gaps.OVER, lang),
                    low=percent(gaps.LOW_COMPANY_SHARE, lang)))
    section.text(tr(TEXTS, "method_themes", lang))
    section.text(tr(TEXTS, "method_ci", lang))
    return section


BUILDERS: dict[str, Callable[[Project, str], Section]] = {
    "overview": overview_section,
    "activities": activities_section,
    "organisations": organisations_section,
    "repeat": repeat_section,
    "representation": representation_section,
    "inputs": inputs_section,
    "votes": votes_section,
    "actions": actions_section,
    "gaps": gaps_section,
}


def build_section(project: Project, key: str, lang: str) -> Section | list[Section]:
    """One section by key (``overview``, ``activities`` … ``gaps``, ``surveys``, ``method``);
    ``surveys`` gives a list, one section per survey."""
    if key == "surveys":
        return survey_sections(project, lang)
    if key == "method":
        return method_section(project, lang)
    return BUILDERS[key](project, lang)


def build_summary(project: Project, lang: str) -> list[Section]:
    """Every section of the summary, in reading order."""
    sections = [builder(project, lang) for builder in BUILDERS.values()]
    return sections + survey_sections(project, lang) + [method_section(project, lang)]


def show(section: Section | list[Section]) -> None:
    """Display a section (or several) in a notebook: texts, tables and figures in order."""
    from IPython.display import display

    from workbook.notebook import show_table, show_text

    for part in section if isinstance(section, list) else [section]:
        for block in part.blocks:
            if block.kind == "text":
                show_text(block.content, block.style)
            elif block.kind == "table":
                show_table(block.content, block.caption or None)
            elif block.kind == "figure":
                display(block.content)
