"""What the workshop's pages show, as JSON-ready dictionaries, in Finnish or English.

The pages' script only puts these values into the page as text; every label a
participant or the facilitator reads comes from :data:`TEXTS` here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from workbook import formats
from workbook.i18n import label, tr
from workbook.privacy import display_counts, suppression_note
from workbook.vocab import ACTOR_TYPES
from workbook.workshop.results import RATING_SCALE, ranked_ideas, rating_summary, room_composition

if TYPE_CHECKING:
    from workbook.workshop.server import Workshop

TEXTS = {
    "title": {"fi": "Työpaja", "en": "Workshop"},
    "language": {"fi": "In English", "en": "Suomeksi"},
    "code_prompt": {"fi": "Kirjoita työpajan koodi", "en": "Type the workshop's code"},
    "code_go": {"fi": "Liity", "en": "Join"},
    "join_heading": {"fi": "Mistä organisaatiosta tulet?", "en": "Which organisation are you from?"},
    "join_search": {"fi": "Hae organisaatiota", "en": "Search for your organisation"},
    "join_not_listed": {"fi": "Organisaatiotani ei ole listalla", "en": "My organisation is not listed"},
    "join_type": {"fi": "Organisaation tyyppi", "en": "Type of organisation"},
    "join_municipality": {"fi": "Kunta", "en": "Municipality"},
    "join_municipality_none": {"fi": "Ei mikään näistä / en halua kertoa", "en": "None of these / rather not say"},
    "join_button": {"fi": "Liity työpajaan", "en": "Join the workshop"},
    "join_privacy": {"fi": "Nimeäsi ei kysytä. Muut osallistujat eivät näe, mistä organisaatiosta tulet.",
                     "en": "Your name is not asked. Other participants do not see which organisation you are from."},
    "tab_ideas": {"fi": "Ideat", "en": "Ideas"},
    "tab_new": {"fi": "Uusi idea", "en": "New idea"},
    "tab_rate": {"fi": "Arvioi toimenpiteet", "en": "Rate the actions"},
    "idea_text": {"fi": "Ideasi", "en": "Your idea"},
    "idea_focus": {"fi": "Mitä painopistealueita se koskee?", "en": "Which focus areas does it concern?"},
    "idea_send": {"fi": "Lähetä idea", "en": "Send the idea"},
    "idea_sent": {"fi": "Kiitos! Ideasi on mukana.", "en": "Thank you! Your idea is in."},
    "votes_left": {"fi": "Ääniä jäljellä: {n}", "en": "Votes left: {n}"},
    "vote": {"fi": "Äänestä", "en": "Vote"},
    "unvote": {"fi": "Peru ääni", "en": "Take back"},
    "votes": {"fi": "Ääniä: {n}", "en": "Votes: {n}"},
    "no_ideas": {"fi": "Ei vielä ideoita.", "en": "No ideas yet."},
    "closed_banner": {"fi": "Äänestys on suljettu. Kiitos osallistumisesta!",
                      "en": "Voting is closed. Thank you for taking part!"},
    "rate_scale": {"fi": "1 = ei tärkeä … 5 = erittäin tärkeä", "en": "1 = not important … 5 = very important"},
    "no_actions": {"fi": "Arvioitavia toimenpiteitä ei ole.", "en": "There are no actions to rate."},
    "no_focus_area": {"fi": "Ei painopistealuetta", "en": "No focus area"},
    # Facilitator
    "facilitator": {"fi": "Fasilitaattorin näkymä", "en": "Facilitator's view"},
    "join_at": {"fi": "Liity osoitteessa", "en": "Join at"},
    "code": {"fi": "Koodi", "en": "Code"},
    "joined": {"fi": "Liittyneitä", "en": "Joined"},
    "ideas": {"fi": "Ideoita", "en": "Ideas"},
    "votes_given": {"fi": "Ääniä annettu", "en": "Votes given"},
    "ratings_given": {"fi": "Arvioita", "en": "Ratings"},
    "ranking": {"fi": "Ideat äänimäärän mukaan", "en": "Ideas ranked by votes"},
    "room": {"fi": "Ketkä ovat paikalla", "en": "Who is in the room"},
    "by_type": {"fi": "Organisaation tyypin mukaan", "en": "By type of organisation"},
    "by_sub_region": {"fi": "Seutukunnan mukaan", "en": "By sub-region"},
    "people": {"fi": "Henkilöitä", "en": "People"},
    "group": {"fi": "Ryhmä", "en": "Group"},
    "ratings": {"fi": "Toimenpiteiden arviot (1–5)", "en": "Ratings of the actions (1–5)"},
    "action": {"fi": "Toimenpide", "en": "Action"},
    "raters": {"fi": "Arvioijia", "en": "Raters"},
    "mean": {"fi": "Keskiarvo", "en": "Mean"},
    "mean_hidden": {"fi": "piilotettu (alle {n} arvioijaa)", "en": "hidden (fewer than {n} raters)"},
    "hide": {"fi": "Piilota", "en": "Hide"},
    "unhide": {"fi": "Palauta", "en": "Show again"},
    "hidden": {"fi": "piilotettu", "en": "hidden"},
    "close": {"fi": "Sulje äänestys", "en": "Close voting"},
    "open": {"fi": "Avaa äänestys uudelleen", "en": "Reopen voting"},
    "export": {"fi": "Lataa tulokset projektiin lisättäviksi (CSV)", "en": "Download the results for the project (CSV)"},
    "status_open": {"fi": "Äänestys on auki", "en": "Voting is open"},
    "status_closed": {"fi": "Äänestys on suljettu", "en": "Voting is closed"},
    # Refusals
    "forbidden": {"fi": "Tämä ei ole sallittua.", "en": "This is not allowed."},
    "not_joined": {"fi": "Liity ensin työpajaan.", "en": "Join the workshop first."},
    "closed": {"fi": "Äänestys on suljettu.", "en": "Voting is closed."},
    "no_such_idea": {"fi": "Ideaa ei löydy (se on ehkä piilotettu).", "en": "No such idea (it may have been hidden)."},
    "no_such_action": {"fi": "Toimenpidettä ei löydy.", "en": "No such action."},
    "already_voted": {"fi": "Olet jo äänestänyt tätä ideaa.", "en": "You have already voted for this idea."},
    "no_votes_left": {"fi": "Äänesi ovat loppuneet. Voit perua äänen ja antaa sen toiselle ideaalle.",
                      "en": "You have no votes left. You can take one back and give it to another idea."},
    "not_voted": {"fi": "Et ole äänestänyt tätä ideaa.", "en": "You have not voted for this idea."},
    "bad_request": {"fi": "Pyyntö ei kelpaa.", "en": "The request is not valid."},
    "empty": {"fi": "Kirjoita ensin jotain.", "en": "Write something first."},
    "too_long": {"fi": "Teksti on liian pitkä (enintään 500 merkkiä).", "en": "The text is too long (500 characters at most)."},
    "too_fast": {"fi": "Liian monta pyyntöä – odota hetki.", "en": "Too many requests – wait a moment."},
    "network_error": {"fi": "Yhteys katkesi – yritetään uudelleen.", "en": "Connection lost – trying again."},
    # Terminal
    "banner": {
        "fi": "Työpaja {activity} ({title}) on käynnissä.\nOsallistujat: {join}\nKoodi: {code}\n"
              "Fasilitaattori (pidä tämä osoite itselläsi): {facilitator}\nTyöpajan tiedosto: {db}\n"
              "Lopeta Ctrl+C:llä; sama komento jatkaa työpajaa.",
        "en": "Workshop {activity} ({title}) is running.\nParticipants: {join}\nCode: {code}\n"
              "Facilitator (keep this address to yourself): {facilitator}\nWorkshop file: {db}\n"
              "Stop with Ctrl+C; the same command continues the workshop.",
    },
}

# Texts the pages' script looks up by key.
PAGE_KEYS = [key for key in TEXTS if key != "banner"]


def language(lang: str) -> dict[str, str]:
    """Every page text in ``lang``."""
    return {key: TEXTS[key][lang] for key in PAGE_KEYS}


def participant_config(workshop: Workshop, lang: str) -> dict[str, Any]:
    """What the participant page needs once: texts, organisations to choose from, types,
    municipalities, focus areas and the draft actions to rate."""
    project = workshop.project
    actors = project.actors.sort_values("name", key=lambda s: s.str.casefold())
    return {
        "lang": lang,
        "texts": language(lang),
        "code": workshop.code,
        "actors": [{"id": a.actor_id, "name": a.name, "type": label(ACTOR_TYPES, a.actor_type, lang),
                    "municipality": a.municipality or ""} for a in actors.itertuples()],
        "actor_types": [{"id": code, "name": label(ACTOR_TYPES, code, lang)} for code in ACTOR_TYPES],
        "municipalities": sorted(project.municipalities["municipality"]),
        "focus_areas": _focus_areas(workshop, lang),
        "actions": [{"id": a.action_id, "title": getattr(a, f"title_{lang}")} for a in workshop.actions.itertuples()],
        "scale": list(RATING_SCALE),
    }


def _focus_areas(workshop: Workshop, lang: str) -> list[dict[str, str]]:
    return [{"id": fa.focus_area_id, "name": getattr(fa, f"name_{lang}")}
            for fa in workshop.project.focus_areas.itertuples()]


def participant_state(workshop: Workshop, pseudonym: str | None) -> dict[str, Any]:
    """What one participant sees now: the ideas that are not hidden (vote counts only once
    voting is closed, so the room is not swayed while it votes), their own votes and ratings."""
    state = workshop.state
    ideas = [{"number": idea.number, "text": idea.text, "focus_areas": list(idea.focus_areas),
              "mine": idea.author == pseudonym, "voted": pseudonym in idea.voters,
              **({} if state.open else {"votes": len(idea.voters)})}
             for idea in state.ideas.values() if not idea.hidden]
    return {
        "joined": pseudonym is not None,
        "open": state.open,
        "votes_left": state.votes_left(pseudonym) if pseudonym else state.vote_limit,
        "ideas": ideas,
        "ratings": {action: value for (who, action), value in state.ratings.items() if who == pseudonym},
    }


def facilitator_config(workshop: Workshop, lang: str, join_url: str) -> dict[str, Any]:
    return {"lang": lang, "texts": language(lang), "join_url": join_url, "code": workshop.code,
            "focus_areas": _focus_areas(workshop, lang)}


def facilitator_state(workshop: Workshop, lang: str) -> dict[str, Any]:
    """Live counts, ideas ranked by votes per focus area (hidden ones marked), the room's
    composition with small groups hidden, and the ratings of the draft actions."""
    state = workshop.state
    min_size = workshop.project.min_group_size
    ranked = ranked_ideas(state, include_hidden=True)
    names = {fa["id"]: fa["name"] for fa in _focus_areas(workshop, lang)}
    groups = []
    for focus_area, ideas in ranked.groupby("focus_area", sort=False):
        groups.append({"name": names.get(focus_area) or tr(TEXTS, "no_focus_area", lang),
                       "ideas": ideas[["idea", "text", "votes", "hidden"]].to_dict("records")})
    room = {}
    for dimension, frame in room_composition(state, workshop.project, lang).items():
        shown = display_counts(frame[["people"]], frame[["hidden"]].rename(columns={"hidden": "people"}),
                               min_size, lang)["people"]
        room[dimension] = [{"group": g, "people": p} for g, p in zip(frame["group"], shown)]
    titles = dict(zip(workshop.actions["action_id"], workshop.actions[f"title_{lang}"]))
    ratings = rating_summary(state, list(titles), min_size)
    return {
        "open": state.open,
        "counts": {"joined": len(state.participants), "ideas": sum(not i.hidden for i in state.ideas.values()),
                   "votes": sum(len(i.voters) for i in state.ideas.values()), "ratings": len(state.ratings)},
        "groups": groups,
        "room": room,
        "room_note": suppression_note(min_size, lang),
        "ratings": [{"action": titles[r.action_id], "raters": r.ratings,
                     "mean": "–" if r.ratings == 0 else tr(TEXTS, "mean_hidden", lang, n=min_size) if pd.isna(r.mean)
                     else formats.number(r.mean, lang, 1)}
                    for r in ratings.itertuples()],
        "last_event": state.last_seq,
    }


def terminal_banner(workshop: Workshop, join: str, facilitator: str, db: object, lang: str) -> str:
    title = workshop.project.activities.set_index("activity_id").loc[workshop.activity_id, "title"]
    return tr(TEXTS, "banner", lang, activity=workshop.activity_id, title=title, join=join, code=workshop.code,
              facilitator=facilitator, db=db)
