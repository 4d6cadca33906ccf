"""The overview page: headline figures, what the process achieved, links to the other pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbook import vocab
from workbook.dashboard.cache import by_identity
from workbook.dashboard.charts import bar_rows
from workbook.dashboard.filters import Selection
from workbook.dashboard.widgets import PAGES, TEXTS as PAGE_TEXTS, Panel
from workbook.htmlreport import escape
from workbook.i18n import label, tr
from workbook.style import ACTOR_TYPE_COLOURS, focus_area_colours

if TYPE_CHECKING:
    import pandas as pd

# Every visitor lands on this page, mostly unfiltered: its kernel then shows the server's
# drawings (workbook.dashboard.defaults), so the modules that compute the figures (pandas,
# plotly, the participation summary: 0.8 CPU s) are imported by the functions that draw.

TEXTS = {
    "headlines": {"fi": "Prosessi lukuina", "en": "The process in figures"},
    "activities": {"fi": "osallistavaa tilaisuutta", "en": "participatory activities"},
    "organisations": {"fi": "organisaatiota osallistui", "en": "organisations took part"},
    "participants": {"fi": "henkilöä osallistui", "en": "people took part"},
    "municipalities": {"fi": "kuntaa {total} kunnasta mukana", "en": "of {total} municipalities took part"},
    "inputs": {"fi": "ideaa, ehdotusta ja havaintoa", "en": "ideas, proposals and findings"},
    "actions": {"fi": "toimenpidettä", "en": "actions"},
    "achieved": {"fi": "Mitä prosessi sai aikaan", "en": "What the process achieved"},
    "achieved_activities": {
        "fi": "{activities} osallistavaa tilaisuutta {period}: {kinds}.",
        "en": "{activities} participatory activities {period}: {kinds}.",
    },
    "achieved_actions": {
        "fi": "Toimeenpanosuunnitelmassa on {actions} toimenpidettä {served}/{focus} painopistealueelle; {owned} toimenpiteellä on vastuutaho.",
        "en": "The implementation plan holds {actions} actions for {served} of {focus} focus areas; {owned} have a responsible organisation.",
    },
    "achieved_clusters": {
        "fi": "{assessed}/{clusters} klusteria on arvioitu klusteritoiminnan kriteereillä.",
        "en": "{assessed} of {clusters} clusters have been assessed against the criteria for cluster activity.",
    },
    "period": {"fi": "{first}–{last}", "en": "from {first} to {last}"},
    "nothing_selected": {"fi": "Valinnalla ei löydy tilaisuuksia.", "en": "No activities match the filters."},
    "pages": {"fi": "Muut sivut", "en": "The other pages"},
    "about_participation": {
        "fi": "Ketkä osallistuivat mihinkin tilaisuuteen, mitä he sanoivat ja keiden ääni puuttui.",
        "en": "Who took part in which activity, what they said, and whose voice was missing.",
    },
    "about_network": {
        "fi": "Toimijat ja niiden väliset yhteydet: kuka välittää, kuka jää erilleen.",
        "en": "The actors and their ties: who brokers, who is isolated.",
    },
    "about_actions": {
        "fi": "Toimenpiteet painopistealueittain: vastuutahot, kumppanit, aikataulu ja rahoitus.",
        "en": "Actions by focus area: owners, partners, timeline and funding.",
    },
    "about_clusters": {
        "fi": "Klusteritoiminnan kriteerit ja kunkin klusterin arvio niitä vasten.",
        "en": "The criteria for cluster activity and each cluster's assessment against them.",
    },
    "by_actor_type": {"fi": "Osallistuneet organisaatiot tyypeittäin", "en": "Organisations that took part, by type"},
    "of_registry": {"fi": "{reached} / {registry}", "en": "{reached} of {registry}"},
    "of_registry_note": {
        "fi": "Luku kertoo, kuinka moni toimijarekisterin organisaatioista osallistui ainakin yhteen tilaisuuteen.",
        "en": "Each figure tells how many of the organisations in the actor registry took part in at least one activity.",
    },
    "by_focus_area": {"fi": "Toimenpiteet painopistealueittain", "en": "Actions by focus area"},
    "most_active": {"fi": "Aktiivisimmat organisaatiot", "en": "The most active organisations"},
    "organisation": {"fi": "Organisaatio", "en": "Organisation"},
    "type": {"fi": "Tyyppi", "en": "Type"},
    "activities_column": {"fi": "Tilaisuuksia", "en": "Activities"},
    "nobody": {"fi": "Valinnalla ei löydy osallistuneita organisaatioita.",
               "en": "No organisation that took part matches the filters."},
}


def _date(value: pd.Timestamp, lang: str) -> str:
    from workbook import formats

    return formats.date(value, lang)


@by_identity(maxsize=2)
def _reach(selection: Selection) -> pd.Series:
    """Who took part (the participation summary's headline figures), once per selection."""
    from workbook.participation import reach

    return reach.headline_figures(selection.project)


def draw_headlines(selection: Selection, lang: str) -> str:
    """Six headline cards; the number of people is hidden when it is too small to publish."""
    from workbook.dashboard.headline import shown_figure

    figures = _reach(selection)
    people = shown_figure(figures, "people", selection.full.min_group_size, lang)
    cards = [
        (figures["activities"], "activities"),
        (figures["organisations_reached"], "organisations"),
        (people, "participants"),
        (figures["municipalities_reached"], "municipalities"),
        (figures["inputs"], "inputs"),
        (len(selection.project.actions), "actions"),
    ]
    return '<div class="wb-cards">' + "".join(
        f'<div class="wb-card" data-figure="{key}"><div class="wb-card-value">{escape(_whole(value))}</div>'
        f'<div class="wb-card-label">{escape(tr(TEXTS, key, lang, total=int(figures["municipalities"])))}</div></div>'
        for value, key in cards) + "</div>"


def _whole(value: object) -> str:
    return str(value) if isinstance(value, str) else f"{int(value)}"


def draw_achievements(selection: Selection, lang: str) -> str:
    """What the process achieved, in a few plain sentences."""
    from workbook.dashboard.headline import activity_period, plan_figures
    from workbook.overview import activities_by_kind
    from workbook.participation.summary import TEXTS as SUMMARY_TEXTS

    project = selection.project
    period = activity_period(project)
    if period is None:
        return f"<p>{escape(tr(TEXTS, 'nothing_selected', lang))}</p>"
    kinds = activities_by_kind(project, lang)
    kinds = kinds[kinds.iloc[:, 1] > 0]
    figures = _reach(selection)
    plan = plan_figures(project)
    sentences = [
        tr(TEXTS, "achieved_activities", lang, activities=len(project.activities),
           period=tr(TEXTS, "period", lang, first=_date(period[0], lang), last=_date(period[1], lang)),
           kinds=", ".join(f"{name.lower()} {count}" for name, count in kinds.itertuples(index=False))),
        tr(SUMMARY_TEXTS, "overview_text", lang, activities=int(figures["activities"]),
           organisations=int(figures["organisations_reached"]), reached=int(figures["municipalities_reached"]),
           municipalities=int(figures["municipalities"]), repeat=int(figures["repeat_organisations"]),
           inputs=int(figures["inputs"]), in_actions=int(figures["inputs_in_actions"])),
        tr(TEXTS, "achieved_actions", lang, actions=plan.actions, served=plan.focus_areas_served,
           focus=plan.focus_areas, owned=plan.actions_with_owner),
        tr(TEXTS, "achieved_clusters", lang, assessed=plan.clusters_assessed, clusters=plan.clusters),
    ]
    return '<ul class="wb-achievements">' + "".join(f"<li>{escape(s)}</li>" for s in sentences) + "</ul>"


def draw_page_links(selection: Selection, lang: str) -> str:
    """Links to the other pages with one line on what each shows (the language is kept)."""
    items = []
    for page, notebook in PAGES.items():
        if page == "overview":
            continue
        items.append(f'<li><a href="{escape(notebook)}?lang={escape(lang)}" data-page="{page}">'
                     f'{escape(tr(PAGE_TEXTS, "page_" + page, lang))}</a> — {escape(tr(TEXTS, "about_" + page, lang))}</li>')
    return '<ul class="wb-page-links">' + "".join(items) + "</ul>"


def draw_organisations_by_type(selection: Selection, lang: str) -> str:
    """Organisations that took part per actor type, of those in the registry, in the types' colours."""
    from workbook.participation import reach
    from workbook.participation.labels import group_label

    frame = reach.organisations_reached(selection.project, "actor_type")
    frame = frame[frame["registry"] > 0]
    if frame.empty:
        return f"<p>{escape(tr(TEXTS, 'nobody', lang))}</p>"
    bars = bar_rows(
        [group_label(selection.full, "actor_type", code, lang) for code in frame["group"]],
        list(frame["reached"]),
        [ACTOR_TYPE_COLOURS.get(code, ACTOR_TYPE_COLOURS["other"]) for code in frame["group"]],
        [tr(TEXTS, "of_registry", lang, reached=r, registry=n) for r, n in zip(frame["reached"], frame["registry"])])
    return bars + f'<p class="wb-caption">{escape(tr(TEXTS, "of_registry_note", lang))}</p>'


def draw_actions_by_focus_area(selection: Selection, lang: str) -> str:
    """Actions per focus area, in the focus areas' colours (an action serving two counts in both)."""
    from workbook.dashboard.headline import actions_per_focus_area

    counts = actions_per_focus_area(selection.project)
    focus_areas = selection.full.focus_areas
    colours = focus_area_colours(focus_areas["focus_area_id"])
    return bar_rows(list(focus_areas[f"name_{lang}"]), [int(counts.get(fa, 0)) for fa in focus_areas["focus_area_id"]],
                    [colours[fa] for fa in focus_areas["focus_area_id"]])


def draw_most_active(selection: Selection, lang: str) -> str:
    """The ten organisations that took part in the most activities."""
    import pandas as pd

    from workbook.dashboard.headline import most_active_organisations
    from workbook.htmlreport import table_html

    table = most_active_organisations(selection.project)
    if table.empty:
        return f"<p>{escape(tr(TEXTS, 'nobody', lang))}</p>"
    shown = pd.DataFrame({
        tr(TEXTS, "organisation", lang): table["name"],
        tr(TEXTS, "type", lang): [label(vocab.ACTOR_TYPES, code, lang) for code in table["actor_type"]],
        tr(TEXTS, "activities_column", lang): table["activities"],
    })
    return table_html(shown, lang=lang)


HEADLINES = Panel(TEXTS["headlines"], draw_headlines, wide=True, name="headlines")
ACHIEVEMENTS = Panel(TEXTS["achieved"], draw_achievements, name="achievements")
PAGE_LINKS = Panel(TEXTS["pages"], draw_page_links, name="page-links")
ORGANISATIONS_BY_TYPE = Panel(TEXTS["by_actor_type"], draw_organisations_by_type, name="organisations-by-type")
ACTIONS_BY_FOCUS_AREA = Panel(TEXTS["by_focus_area"], draw_actions_by_focus_area, name="actions-by-focus-area")
MOST_ACTIVE = Panel(TEXTS["most_active"], draw_most_active, name="most-active")

