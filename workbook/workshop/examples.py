"""A tiny project and workshop for the runnable examples in the workshop modules' docstrings."""

from __future__ import annotations

import functools

from workbook.project import Project
from workbook.testing import MINIMAL, tiny_project
from workbook.workshop.events import Event, WorkshopState


@functools.lru_cache(maxsize=1)
def example_project() -> Project:
    """The minimal test project with five more companies (A3–A7) and a second action."""
    companies = [{"actor_id": f"A{n}", "name": f"Yritys {n} Oy", "actor_type": "company",
                  "municipality": "Rovaniemi"} for n in range(3, 8)]
    second = {**MINIMAL["actions"][0], "action_id": "T2", "title_fi": "Toinen", "title_en": "Second"}
    return tiny_project(actors=MINIMAL["actors"] + companies, actions=MINIMAL["actions"] + [second])


def example_state() -> WorkshopState:
    """Five company participants and one unlisted public agency; two ideas, four votes,
    six ratings."""
    events = [("join", f"P00{n}", {"token_hash": f"t{n}", "actor_id": f"A{n + 2}"}) for n in range(1, 6)]
    events += [
        ("join", "P006", {"token_hash": "t6", "actor_type": "public_agency", "municipality": "Kemi"}),
        ("idea", "P001", {"text": "Yhteinen testiympäristö", "focus_areas": ["FA1"]}),
        ("idea", "P002", {"text": "Sivuvirtojen tori", "focus_areas": ["FA1"]}),
    ]
    events += [("vote", f"P00{n}", {"idea": 2}) for n in (1, 3, 4)] + [("vote", "P005", {"idea": 1})]
    events += [("rate", f"P00{n}", {"action": "T1", "value": value}) for n, value in zip(range(1, 6), (5, 4, 4, 3, 5))]
    events += [("rate", "P006", {"action": "T2", "value": 2})]
    state = WorkshopState()
    for seq, (kind, author, data) in enumerate(events, start=1):
        state.apply(Event(seq, kind, author, data))
    return state
