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
from workbook.participation.texts import TEXTS
from workbook.privacy import suppression_note
from workbook.project import Project


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
