"""Controlled vocabularies of the data model, with their Finnish and English labels.

Every enumeration a spreadsheet column may take is declared here once; the schemas,
the Excel template's drop-down lists and every view's labels read from it.
"""

from __future__ import annotations

from typing import Mapping

Labels = Mapping[str, Mapping[str, str]]

ACTOR_TYPES: Labels = {
    "company": {"fi": "Yritys", "en": "Company"},
    "municipality": {"fi": "Kunta", "en": "Municipality"},
    "higher_education": {"fi": "Korkeakoulu", "en": "Higher education"},
    "research": {"fi": "Tutkimuslaitos", "en": "Research institute"},
    "public_agency": {"fi": "Julkinen toimija", "en": "Public agency"},
    "intermediary": {"fi": "Kehittäjäorganisaatio", "en": "Intermediary"},
    "financier": {"fi": "Rahoittaja", "en": "Financier"},
    "association": {"fi": "Yhdistys tai järjestö", "en": "Association"},
    "other": {"fi": "Muu", "en": "Other"},
}

# Quadruple-helix sphere of each actor type: industry, academia, government, civil society.
HELIX_OF_ACTOR_TYPE: Mapping[str, str] = {
    "company": "industry",
    "higher_education": "academia",
    "research": "academia",
    "municipality": "government",
    "public_agency": "government",
    "intermediary": "government",
    "financier": "government",
    "association": "civil_society",
    "other": "civil_society",
}

HELIX: Labels = {
    "industry": {"fi": "Elinkeinoelämä", "en": "Industry"},
    "academia": {"fi": "Korkeakoulut ja tutkimus", "en": "Academia and research"},
    "government": {"fi": "Julkinen sektori", "en": "Government"},
    "civil_society": {"fi": "Kansalaisyhteiskunta", "en": "Civil society"},
}

# Actor types that count as research, development and innovation (RDI) actors.
RDI_ACTOR_TYPES: tuple[str, ...] = ("higher_education", "research")

SIZE_CLASSES: Labels = {
    "micro": {"fi": "Mikroyritys (alle 10 henk.)", "en": "Micro (under 10 staff)"},
    "small": {"fi": "Pieni (10–49 henk.)", "en": "Small (10–49 staff)"},
    "medium": {"fi": "Keskisuuri (50–249 henk.)", "en": "Medium (50–249 staff)"},
    "large": {"fi": "Suuri (250+ henk.)", "en": "Large (250+ staff)"},
}

ACTIVITY_KINDS: Labels = {
    "workshop": {"fi": "Työpaja", "en": "Workshop"},
    "survey": {"fi": "Kysely", "en": "Survey"},
    "sprint": {"fi": "Innovaatiosprintti", "en": "Innovation sprint"},
    "interview": {"fi": "Haastattelu", "en": "Interview"},
    "webinar": {"fi": "Webinaari", "en": "Webinar"},
}

PARTICIPATION_ROLES: Labels = {
    "participant": {"fi": "Osallistuja", "en": "Participant"},
    "organiser": {"fi": "Järjestäjä", "en": "Organiser"},
    "facilitator": {"fi": "Fasilitaattori", "en": "Facilitator"},
    "speaker": {"fi": "Puhuja", "en": "Speaker"},
    "respondent": {"fi": "Vastaaja", "en": "Respondent"},
    "interviewee": {"fi": "Haastateltava", "en": "Interviewee"},
}

INPUT_KINDS: Labels = {
    "idea": {"fi": "Idea", "en": "Idea"},
    "proposal": {"fi": "Ehdotus", "en": "Proposal"},
    "finding": {"fi": "Havainto", "en": "Finding"},
}

ACTION_STATUSES: Labels = {
    "planned": {"fi": "Suunniteltu", "en": "Planned"},
    "ongoing": {"fi": "Käynnissä", "en": "Ongoing"},
    "completed": {"fi": "Valmis", "en": "Completed"},
    "cancelled": {"fi": "Peruttu", "en": "Cancelled"},
}

INDICATOR_KINDS: Labels = {
    "output": {"fi": "Tuotosindikaattori", "en": "Output indicator"},
    "result": {"fi": "Tulosindikaattori", "en": "Result indicator"},
}

CRITERION_MEASURES: Labels = {
    "yes_no": {"fi": "Kyllä/ei (1/0)", "en": "Yes/no (1/0)"},
    "count": {"fi": "Lukumäärä", "en": "Count"},
    "share": {"fi": "Osuus (0–1)", "en": "Share (0–1)"},
    "score": {"fi": "Arvosana", "en": "Score"},
}

# Evidence the workbook can compute for a cluster criterion from the project's own data.
CRITERION_EVIDENCE: Labels = {
    "recorded": {"fi": "Kirjattu arvio", "en": "Recorded assessment"},
    "company_members": {"fi": "Yritysjäsenten määrä", "en": "Number of company members"},
    "company_share": {"fi": "Yritysten osuus jäsenistä", "en": "Company share of members"},
    "member_activities_per_year": {
        "fi": "Jäsenille suunnattuja tilaisuuksia vuodessa",
        "en": "Member activities per year",
    },
    "company_participation": {
        "fi": "Osallistuneiden yritysjäsenten osuus",
        "en": "Share of company members who took part",
    },
    "company_rdi_ties": {
        "fi": "Yritysten ja TKI-toimijoiden välisiä yhteyksiä",
        "en": "Company–RDI ties",
    },
}

QUESTION_TYPES: Labels = {
    "likert": {"fi": "Likert-asteikko", "en": "Likert scale"},
    "single": {"fi": "Yksi valinta", "en": "Single choice"},
    "multi": {"fi": "Monivalinta", "en": "Multiple choice"},
    "open": {"fi": "Avoin vastaus", "en": "Open answer"},
    "number": {"fi": "Luku", "en": "Number"},
    "actor_type": {"fi": "Vastaajan organisaatiotyyppi", "en": "Respondent's organisation type"},
    "municipality": {"fi": "Vastaajan kunta", "en": "Respondent's municipality"},
    "respondent_id": {"fi": "Vastaajan tunniste", "en": "Respondent id"},
    "personal": {
        "fi": "Henkilötieto (poistetaan latauksessa)",
        "en": "Personal data (dropped at load)",
    },
}

YES_NO: Labels = {"yes": {"fi": "Kyllä", "en": "Yes"}, "no": {"fi": "Ei", "en": "No"}}


def codes(vocabulary: Labels) -> list[str]:
    """Return the codes of a vocabulary in declaration order.

    Examples
    --------
    >>> codes(INDICATOR_KINDS)
    ['output', 'result']
    """
    return list(vocabulary)


def code_for(vocabulary: Labels, value: str) -> str | None:
    """Return the code whose code or fi/en label equals ``value`` (case-insensitive).

    Survey tools export labels ("Yritys"), the template writes codes ("company");
    both mean the same.

    Examples
    --------
    >>> code_for(ACTOR_TYPES, "yritys")
    'company'
    >>> code_for(ACTOR_TYPES, "spaceship") is None
    True
    """
    wanted = value.strip().casefold()
    for code, labels in vocabulary.items():
        if wanted == code.casefold() or wanted in (label.casefold() for label in labels.values()):
            return code
    return None
