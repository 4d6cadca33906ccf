"""Display tables of the participation summary: localised headers, group names, marks.

Views only: each function takes a table made by :mod:`reach`, :mod:`voice`, :mod:`gaps`
or :mod:`surveys` and returns what a reader sees — counts as whole numbers, a hidden
figure as the mark of :mod:`workbook.privacy` (``<n`` below the minimum group size,
``..`` hidden only to protect another figure, or where the reason is not known), shares as
percentages. A table holding a mark carries the one-line legend in ``frame.attrs["caption"]``.
The same tables go to the notebook, the HTML report and the .xlsx.
"""

from __future__ import annotations

from typing import Mapping

import pandas as pd

from workbook import formats, vocab
from workbook.i18n import label, percent, tr
from workbook.masking import render
from workbook.participation.labels import decimal
from workbook.participation.themes import theme_label
from workbook.privacy import SMALL, legend, mark

TEXTS = {
    "figure": {"fi": "Luku", "en": "Figure"},
    "value": {"fi": "Arvo", "en": "Value"},
    "activities": {"fi": "Tilaisuuksia", "en": "Activities"},
    "people": {"fi": "Henkilöitä (ilman kyselyvastaajia)", "en": "People (survey respondents not included)"},
    "attendances": {"fi": "Osallistumisia (henkilöt)", "en": "Attendances (people)"},
    "organisations_reached": {"fi": "Tavoitettuja organisaatioita", "en": "Organisations reached"},
    "organisations_in_registry": {"fi": "Organisaatioita toimijarekisterissä", "en": "Organisations in the registry"},
    "municipalities_reached": {"fi": "Kuntia, joista osallistuttiin", "en": "Municipalities that took part"},
    "municipalities": {"fi": "Alueen kuntia", "en": "Municipalities of the region"},
    "repeat_organisations": {"fi": "Organisaatioita useammassa kuin yhdessä tilaisuudessa",
                             "en": "Organisations in more than one activity"},
    "inputs": {"fi": "Ideoita ja ehdotuksia", "en": "Inputs (ideas, proposals, findings)"},
    "inputs_in_actions": {"fi": "Toimenpiteisiin päätyneitä ideoita", "en": "Inputs taken into actions"},
    "activity": {"fi": "Tilaisuus", "en": "Activity"},
    "date": {"fi": "Päivä", "en": "Date"},
    "kind": {"fi": "Laji", "en": "Kind"},
    "title": {"fi": "Otsikko", "en": "Title"},
    "place": {"fi": "Paikka", "en": "Place"},
    "online": {"fi": "verkossa / ei paikkaa", "en": "online / no place"},
    "organisations": {"fi": "Organisaatioita", "en": "Organisations"},
    "companies": {"fi": "Joista yrityksiä", "en": "Of them companies"},
    "participants": {"fi": "Osallistujia", "en": "Participants"},
    "registry": {"fi": "Rekisterissä", "en": "In the registry"},
    "reached": {"fi": "Osallistui", "en": "Took part"},
    "share_reached": {"fi": "Osallistuneiden osuus", "en": "Share that took part"},
    "share_of_reached": {"fi": "Osuus osallistuneista", "en": "Share of those taking part"},
    "registry_share": {"fi": "Osuus rekisteristä", "en": "Share of registry"},
    "organisation_share": {"fi": "Osuus organisaatioista", "en": "Share of organisations"},
    "attendance_share": {"fi": "Osuus osallistujista", "en": "Share of people"},
    "ratio": {"fi": "Edustus (1 = oikeassa suhteessa)", "en": "Representation (1 = in proportion)"},
    "activities_attended": {"fi": "Tilaisuuksia / organisaatio tai henkilö", "en": "Activities attended"},
    "share": {"fi": "Osuus", "en": "Share"},
    "votes": {"fi": "Ääniä", "en": "Votes"},
    "in_actions": {"fi": "Päätyi toimenpiteisiin", "en": "Taken into actions"},
    "share_in_actions": {"fi": "Osuus toimenpiteisiin", "en": "Share taken into actions"},
    "actions": {"fi": "Toimenpiteitä", "en": "Actions"},
    "focus_area": {"fi": "Painopistealue", "en": "Focus area"},
    "rank": {"fi": "Sija", "en": "Rank"},
    "input": {"fi": "Idea tai ehdotus", "en": "Input"},
    "proposer": {"fi": "Ehdottajan ryhmä", "en": "Proposer's group"},
    "yes": {"fi": "kyllä", "en": "yes"},
    "no": {"fi": "ei", "en": "no"},
    "top_input": {"fi": "Eniten ääniä saanut", "en": "Most-voted input"},
    "top_votes": {"fi": "Sen äänet", "en": "Its votes"},
    "finding": {"fi": "Havainto", "en": "Finding"},
    "survey": {"fi": "Kysely", "en": "Survey"},
    "respondents": {"fi": "Vastaajia", "en": "Respondents"},
    "likert_questions": {"fi": "Väittämiä", "en": "Statements"},
    "choice_questions": {"fi": "Valintakysymyksiä", "en": "Choice questions"},
    "open_questions": {"fi": "Avoimia kysymyksiä", "en": "Open questions"},
    "question": {"fi": "Kysymys", "en": "Question"},
    "group": {"fi": "Ryhmä", "en": "Group"},
    "n": {"fi": "Vastauksia", "en": "Answers"},
    "answered": {"fi": "Vastasi asteikolla tai valitsi", "en": "Answered on the scale or chose"},
    "no_answer": {"fi": "Ei vastausta (tyhjä, En osaa sanoa, EOS …)", "en": "No answer (blank, Don't know, N/A …)"},
    "mean": {"fi": "Keskiarvo", "en": "Mean"},
    "ci": {"fi": "95 %:n luottamusväli", "en": "95% confidence interval"},
    "option": {"fi": "Vaihtoehto", "en": "Option"},
    "count": {"fi": "Valinnut", "en": "Chose it"},
    "answer": {"fi": "Vastaus", "en": "Answer"},
    "themes": {"fi": "Teemat", "en": "Themes"},
    "theme": {"fi": "Teema", "en": "Theme"},
    "answers": {"fi": "Vastauksia", "en": "Answers"},
}


def marker(min_size: int, lang: str, reason: str | None = None) -> str:
    """The sign of a hidden figure (``<5`` when ``reason`` says it is below the minimum,
    ``..`` otherwise), from :func:`workbook.privacy.mark`."""
    return mark(reason, min_size, lang)


def _reasons(values: pd.Series, reasons: pd.Series | None) -> list:
    return [None] * len(values) if reasons is None else list(reasons)


def counts(values: pd.Series, min_size: int, lang: str, reasons: pd.Series | None = None) -> pd.Series:
    """Whole numbers, the mark of :mod:`workbook.privacy` where a count is hidden (``NaN``):
    ``<n`` where ``reasons`` says ``"small"``, ``..`` otherwise (never ``<n`` for a figure
    that may be ``n`` or more).

    Examples
    --------
    >>> counts(pd.Series([12.0, float("nan"), float("nan"), 0.0]), 5, "fi",
    ...        pd.Series([None, "small", "secondary", None])).tolist()
    [12, '<5', '..', 0]
    >>> counts(pd.Series([float("nan")]), 5, "fi").tolist()
    ['..']
    """
    return pd.Series([marker(min_size, lang, r) if pd.isna(v) else int(v)
                      for v, r in zip(values, _reasons(values, reasons))], index=values.index, dtype=object)


def shares(values: pd.Series, lang: str, hidden: pd.Series | None = None, min_size: int = 5,
           reasons: pd.Series | None = None) -> pd.Series:
    """Percentages; the mark where hidden (see :func:`counts`), blank where there is
    nothing to share.

    Examples
    --------
    >>> shares(pd.Series([0.5, float("nan")]), "en", pd.Series([False, True]), 5, pd.Series([None, "small"])).tolist()
    ['50%', '<5']
    """
    hidden = pd.Series(False, index=values.index) if hidden is None else hidden
    return pd.Series([marker(min_size, lang, r) if h else ("" if pd.isna(v) else percent(v, lang))
                      for v, h, r in zip(values, hidden, _reasons(values, reasons))], index=values.index, dtype=object)


def with_legend(table: pd.DataFrame, min_size: int, lang: str) -> pd.DataFrame:
    """``table`` with the legend of the marks as its caption (``attrs["caption"]``) when it
    shows one.

    Examples
    --------
    >>> with_legend(pd.DataFrame({"n": [12, ".."]}), 5, "en").attrs["caption"].startswith("<5 =")
    True
    """
    shown = {marker(min_size, lang, SMALL), marker(min_size, lang, None)}
    if table.isin(shown).any().any():
        table.attrs["caption"] = legend(min_size, lang)
    return table


def _dates(values: pd.Series, lang: str) -> pd.Series:
    """Dates as the reader of ``lang`` writes them (still dates in the .xlsx)."""
    return pd.Series([formats.date(v, lang) for v in values], index=values.index, dtype=object)


def _headers(frame: pd.DataFrame, lang: str, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    names = names or {}
    return frame.rename(columns={c: names.get(c) or tr(TEXTS, c, lang) for c in frame.columns})


def headlines(figures: pd.Series, min_size: int, lang: str) -> pd.DataFrame:
    """The process at a glance (``reach.headline_figures``)."""
    from workbook.figures import FIGURES_BY_KEY, figure_name

    # Why a headline is hidden: reach.headline_figures says (a small total, or a filtered view
    # that another view would give away); "..", which never states a value, when it does not.
    known = figures.attrs.get("reasons", {})
    reasons = pd.Series([known.get(k) if pd.isna(v) else None for k, v in figures.items()], index=figures.index)
    # Names of the headline figures as defined once for every output (workbook.figures).
    names = [figure_name(k, lang) if k in FIGURES_BY_KEY else tr(TEXTS, k, lang) for k in figures.index]
    return with_legend(pd.DataFrame({tr(TEXTS, "figure", lang): names,
                                     tr(TEXTS, "value", lang): counts(figures, min_size, lang, reasons).to_numpy()}),
                       min_size, lang)


def activities(frame: pd.DataFrame, min_size: int, lang: str) -> pd.DataFrame:
    """One row per activity (``reach.activity_reach``)."""
    table = pd.DataFrame({
        "date": _dates(frame["date"], lang), "kind": [label(vocab.ACTIVITY_KINDS, k, lang) for k in frame["kind"]],
        "activity": frame["activity_id"] + " " + frame["title"].fillna(""),
        "place": frame["municipality"].fillna(tr(TEXTS, "online", lang)),
        "organisations": frame["organisations"], "companies": frame["companies"],
        "participants": counts(frame["participants"], min_size, lang, frame.get("participants_reason"))})
    return with_legend(_headers(table, lang), min_size, lang)


def reached(frame: pd.DataFrame, lang: str, group_name: str, labels: Mapping[str, str]) -> pd.DataFrame:
    """Organisations in the registry and reached per group (``reach.organisations_reached``)."""
    table = pd.DataFrame({
        "group": [labels.get(g, g) for g in frame["group"]], "registry": frame["registry"],
        "reached": frame["reached"], "share_reached": shares(frame["share_reached"], lang),
        "share_of_reached": shares(frame["share_of_reached"], lang)})
    return _headers(table, lang, {"group": group_name})


def representation(frame: pd.DataFrame, min_size: int, lang: str, group_name: str,
                   labels: Mapping[str, str]) -> pd.DataFrame:
    """Shares of registry, organisations and people per group (``reach.representation``)."""
    hidden = frame["hidden"]
    reasons = frame.get("reason")
    table = pd.DataFrame({
        "group": [labels.get(g, g) for g in frame["group"]], "registry": frame["registry"],
        "registry_share": shares(frame["registry_share"], lang), "organisations": frame["organisations"],
        "organisation_share": shares(frame["organisation_share"], lang),
        "attendances": counts(frame["attendances"], min_size, lang, reasons),
        "attendance_share": shares(frame["attendance_share"], lang, hidden, min_size, reasons),
        "ratio": [marker(min_size, lang, m) if h else ("" if pd.isna(r) else decimal(r, lang, 2))
                  for r, h, m in zip(frame["ratio"], hidden, _reasons(frame["ratio"], reasons))]})
    return with_legend(_headers(table, lang, {"group": group_name}), min_size, lang)


def repeat(frame: pd.DataFrame, min_size: int, lang: str) -> pd.DataFrame:
    """Organisations and people by number of activities (``reach.repeat_participation``)."""
    table = pd.DataFrame({"activities_attended": frame["activities"], "organisations": frame["organisations"],
                          "people": counts(frame["people"], min_size, lang, frame.get("people_reason"))})
    return with_legend(_headers(table, lang), min_size, lang)


def inputs(frame: pd.DataFrame, lang: str, group_name: str, labels: Mapping[str, str]) -> pd.DataFrame:
    """Inputs, votes and inputs taken into actions per group (``voice.inputs_by``)."""
    table = pd.DataFrame({"group": [labels.get(g, g) for g in frame["group"]], "inputs": frame["inputs"],
                          "share": shares(frame["share"], lang), "votes": frame["votes"],
                          "in_actions": frame["in_actions"]})
    return _headers(table, lang, {"group": group_name})


def into_actions(frame: pd.DataFrame, lang: str, group_name: str, labels: Mapping[str, str]) -> pd.DataFrame:
    """Which groups' inputs were taken into actions (``voice.inputs_into_actions``)."""
    table = pd.DataFrame({"group": [labels.get(g, g) for g in frame["group"]], "inputs": frame["inputs"],
                          "in_actions": frame["in_actions"],
                          "share_in_actions": shares(frame["share_in_actions"], lang),
                          "actions": frame["actions"]})
    return _headers(table, lang, {"group": group_name})


def sprints(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Inputs and votes per innovation sprint (``voice.sprint_votes``)."""
    table = pd.DataFrame({"date": _dates(frame["date"], lang), "activity": frame["activity_id"] + " " + frame["title"].fillna(""),
                          "inputs": frame["inputs"], "votes": frame["votes"], "top_input": frame["top_text"],
                          "top_votes": frame["top_votes"]})
    return _headers(table, lang)


def top_inputs(frame: pd.DataFrame, lang: str, focus_area_labels: Mapping[str, str],
               group_labels: Mapping[str, str]) -> pd.DataFrame:
    """Most-voted inputs per focus area (``voice.top_inputs``)."""
    table = pd.DataFrame({
        "focus_area": [focus_area_labels.get(f, f) for f in frame["focus_area_id"]], "rank": frame["rank"],
        "input": frame["text"], "votes": frame["votes"], "activity": frame["activity_id"],
        "proposer": [group_labels.get(g, g) for g in frame["actor_type"]],
        "in_actions": [tr(TEXTS, "yes" if v else "no", lang) for v in frame["in_action"]]})
    return _headers(table, lang)


def findings(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Inclusiveness gaps as one sentence per row (``gaps.inclusiveness_gaps``)."""
    return pd.DataFrame({tr(TEXTS, "finding", lang): frame["text"]})


def survey_overview(frame: pd.DataFrame, min_size: int, lang: str) -> pd.DataFrame:
    """One row per survey (``surveys.survey_overview``)."""
    table = pd.DataFrame({"survey": frame["survey_id"] + " " + frame["title"].fillna(""), "date": _dates(frame["date"], lang),
                          "respondents": counts(frame["respondents"], min_size, lang),
                          "likert_questions": frame["likert"], "choice_questions": frame["choice"],
                          "open_questions": frame["open"]})
    return with_legend(_headers(table, lang), min_size, lang)


def respondents(frame: pd.DataFrame, min_size: int, lang: str, group_name: str,
                labels: Mapping[str, str]) -> pd.DataFrame:
    """Respondents per group (``surveys.respondents_by``)."""
    table = pd.DataFrame({"group": [labels.get(g, g) for g in frame["group"]],
                          "respondents": counts(frame["respondents"], min_size, lang)})
    return with_legend(_headers(table, lang, {"group": group_name}), min_size, lang)


def likert(distribution: pd.DataFrame, means: pd.DataFrame, min_size: int, lang: str,
           question_labels: Mapping[str, str], group_labels: Mapping[str, str]) -> pd.DataFrame:
    """One row per question and group: answers, share at each scale point, mean and interval
    (``surveys.likert_distribution`` and ``surveys.means`` of the same grouping)."""
    rows = []
    mean_of = means.set_index(["question_id", "group"])
    for (question, group), own in distribution.groupby(["question_id", "group"], sort=False):
        hidden = bool(own["hidden"].any())
        row = {tr(TEXTS, "question", lang): question_labels.get(question, question),
               tr(TEXTS, "group", lang): group_labels.get(group, group),
               tr(TEXTS, "n", lang): counts(own["n"].iloc[:1], min_size, lang).iloc[0]}
        for level, share in zip(own["level"], own["share"]):
            row[str(level)] = marker(min_size, lang) if hidden else ("" if pd.isna(share) else percent(share, lang))
        mean = mean_of.loc[(question, group)] if (question, group) in mean_of.index else None
        shown = mean is not None and not hidden and pd.notna(mean["mean"])
        row[tr(TEXTS, "mean", lang)] = decimal(mean["mean"], lang, 2) if shown else (
            marker(min_size, lang) if hidden else "")
        row[tr(TEXTS, "ci", lang)] = (f"{decimal(mean['ci_low'], lang, 2)} – {decimal(mean['ci_high'], lang, 2)}"
                                      if shown and pd.notna(mean["ci_low"]) else "")
        rows.append(row)
    return with_legend(pd.DataFrame(rows), min_size, lang)


def no_answers(frame: pd.DataFrame, min_size: int, lang: str, question_labels: Mapping[str, str],
               group_labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Respondents who answered and who gave no answer, per question (and group)
    (``surveys.no_answer_counts``): the "no answer" count stands apart from the scale."""
    table = pd.DataFrame({
        "question": [question_labels.get(q, q) for q in frame["question_id"]],
        "group": [(group_labels or {}).get(g, g) for g in frame["group"]],
        "respondents": counts(frame["respondents"], min_size, lang),
        "answered": counts(frame["answered"], min_size, lang),
        "no_answer": counts(frame["no_answer"], min_size, lang)})
    if (frame["group"] == frame["group"].iloc[0]).all() if len(frame) else True:
        table = table.drop(columns="group")
    return _headers(table, lang)


def means(frame: pd.DataFrame, min_size: int, lang: str, question_labels: Mapping[str, str],
          group_labels: Mapping[str, str]) -> pd.DataFrame:
    """Means with their intervals per question and group (``surveys.means``)."""
    hidden = frame["hidden"]
    table = pd.DataFrame({
        "question": [question_labels.get(q, q) for q in frame["question_id"]],
        "group": [group_labels.get(g, g) for g in frame["group"]], "n": counts(frame["n"], min_size, lang),
        "mean": [marker(min_size, lang) if h else ("" if pd.isna(m) else decimal(m, lang, 2))
                 for m, h in zip(frame["mean"], hidden)],
        "ci": ["" if h or pd.isna(low) else f"{decimal(low, lang, 2)} – {decimal(high, lang, 2)}"
               for low, high, h in zip(frame["ci_low"], frame["ci_high"], hidden)]})
    return with_legend(_headers(table, lang), min_size, lang)


def choices(frame: pd.DataFrame, min_size: int, lang: str, question_labels: Mapping[str, str],
            group_labels: Mapping[str, str]) -> pd.DataFrame:
    """Options chosen per question (and group) (``surveys.choice_counts``)."""
    table = pd.DataFrame({
        "question": [question_labels.get(q, q) for q in frame["question_id"]],
        "group": [group_labels.get(g, g) for g in frame["group"]], "option": frame["option"],
        "count": counts(frame["count"], min_size, lang),
        "share": shares(frame["share"], lang, frame["hidden"], min_size),
        "n": counts(frame["n"], min_size, lang)})
    return with_legend(_headers(table, lang), min_size, lang)


def open_answers(frame: pd.DataFrame, lang: str, question_labels: Mapping[str, str],
                 group_labels: Mapping[str, str]) -> pd.DataFrame:
    """Open answers with the respondent's group and themes (``surveys.open_answers``); masked
    contact details written in ``lang`` (:func:`workbook.masking.render`)."""
    table = pd.DataFrame({
        "question": [question_labels.get(q, q) for q in frame["question_id"]],
        "group": [group_labels.get(g, g) for g in frame["group"]],
        "answer": [render(text, lang) for text in frame["text"]],
        "themes": ["; ".join(theme_label(t, lang) for t in themes) for themes in frame["themes"]]})
    return _headers(table, lang)


def themes(frame: pd.DataFrame, lang: str, question_labels: Mapping[str, str]) -> pd.DataFrame:
    """Answers per keyword theme and question (``surveys.open_question_themes``)."""
    table = pd.DataFrame({"question": [question_labels.get(q, q) for q in frame["question_id"]],
                          "theme": [theme_label(t, lang) for t in frame["theme"]], "answers": frame["answers"],
                          "share": shares(frame["share"], lang)})
    return _headers(table, lang)
