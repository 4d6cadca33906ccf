"""Raw survey exports (as Webropol / MS Forms write them) and their codebook."""

from __future__ import annotations

from workbook import vocab

from . import names, texts

FA_OPTIONS = ["Kiertotalous", "Hyvinvointi- ja elämyspalvelut", "Arktiset testiympäristöt",
              "Kestävä energia ja luonnonvarat"]
SUPPORT = ["Rahoitusneuvonta", "Osaajien rekrytointi", "Verkostot ja kumppanit", "Tutkimusyhteistyö",
           "Kansainvälistyminen", "Digitalisaatio"]
GRADES = ["Erinomainen", "Hyvä", "Tyydyttävä", "Heikko"]

COMMON = [
    ("R", "Vastaajan numero", "Vastaajan numero", "Respondent number", "respondent_id", ""),
    ("N", "Nimi", "Nimi", "Name", "personal", ""),
    ("E", "Sähköposti", "Sähköposti", "E-mail", "personal", ""),
    ("T", "Organisaationne tyyppi", "Organisaationne tyyppi", "Type of your organisation", "actor_type", ""),
    ("M", "Organisaationne kotikunta", "Organisaationne kotikunta", "Home municipality of your organisation",
     "municipality", ""),
]

# survey -> questions after the common ones: (id, column, text_fi, text_en, type, scale, mean for likert)
QUESTIONS = {
    "S1": [
        ("Q1", "Lapin älykkään erikoistumisen strategia on minulle tuttu", "Lapin älykkään erikoistumisen strategia on minulle tuttu",
         "I know Lapland's smart specialisation strategy", "likert", "1-5", 2.7),
        ("Q2", "Organisaatiollamme on riittävästi TKI-yhteistyökumppaneita", "Organisaatiollamme on riittävästi TKI-yhteistyökumppaneita",
         "Our organisation has enough RDI partners", "likert", "1-5", 2.9),
        ("Q3", "Osaavaa työvoimaa on hyvin saatavilla", "Osaavaa työvoimaa on hyvin saatavilla",
         "Skilled workforce is easy to find", "likert", "1-5", 2.1),
        ("Q4", "Kehittämisrahoitusta on helppo löytää", "Kehittämisrahoitusta on helppo löytää",
         "Development funding is easy to find", "likert", "1-5", 2.6),
        ("Q5", "Liikenneyhteydet tukevat toimintaamme", "Liikenneyhteydet tukevat toimintaamme",
         "Transport connections support our activity", "likert", "1-5", 2.8),
        ("Q6", "Mikä painopistealueista on organisaatiollenne tärkein?", "Mikä painopistealueista on organisaatiollenne tärkein?",
         "Which focus area matters most to your organisation?", "single", ";".join(FA_OPTIONS), None),
        ("Q7", "Millaista tukea organisaationne tarvitsee? (voit valita useita)", "Millaista tukea organisaationne tarvitsee? (voit valita useita)",
         "What support does your organisation need? (choose any)", "multi", ";".join(SUPPORT), None),
        ("Q8", "Henkilöstön määrä (noin)", "Henkilöstön määrä (noin)", "Number of staff (approx.)", "number", "", None),
        ("Q9", "Mitkä ovat Lapin tärkeimmät kehittämistarpeet?", "Mitkä ovat Lapin tärkeimmät kehittämistarpeet?",
         "What are Lapland's most important development needs?", "open", "", None),
        ("Q10", "Muita terveisiä strategiatyöhön", "Muita terveisiä strategiatyöhön", "Other comments on the strategy work",
         "open", "", None),
    ],
    "S2": [
        ("Q1", "Toimeenpanosuunnitelman luonnos vastaa organisaatiomme tarpeita", "Toimeenpanosuunnitelman luonnos vastaa organisaatiomme tarpeita",
         "The draft implementation plan meets our organisation's needs", "likert", "1-5", 3.4),
        ("Q2", "Toimenpiteiden vastuut ovat selkeät", "Toimenpiteiden vastuut ovat selkeät",
         "Responsibilities for the actions are clear", "likert", "1-5", 2.6),
        ("Q3", "Organisaatiomme on valmis osallistumaan toimenpiteisiin", "Organisaatiomme on valmis osallistumaan toimenpiteisiin",
         "Our organisation is ready to take part in the actions", "likert", "1-5", 3.6),
        ("Q4", "Painopistealueet kuvaavat Lapin vahvuuksia hyvin", "Painopistealueet kuvaavat Lapin vahvuuksia hyvin",
         "The focus areas describe Lapland's strengths well", "likert", "1-5", 3.8),
        ("Q5", "Miten arvioitte luonnosta kokonaisuutena?", "Miten arvioitte luonnosta kokonaisuutena?",
         "How do you rate the draft as a whole?", "single", ";".join(GRADES), None),
        ("Q6", "Missä painopistealueiden toimenpiteissä voisitte olla mukana?", "Missä painopistealueiden toimenpiteissä voisitte olla mukana?",
         "In which focus areas' actions could you take part?", "multi", ";".join(FA_OPTIONS), None),
        ("Q7", "Käynnissä olevien kehittämishankkeiden määrä", "Käynnissä olevien kehittämishankkeiden määrä",
         "Number of ongoing development projects", "number", "", None),
        ("Q8", "Mitä toimeenpanosuunnitelmasta puuttuu?", "Mitä toimeenpanosuunnitelmasta puuttuu?",
         "What is missing from the implementation plan?", "open", "", None),
        ("Q9", "Vapaa palaute", "Vapaa palaute", "Any other feedback", "open", "", None),
    ],
}

# Respondents per organisation type (Finnish labels as the survey tool exports them).
TYPE_COUNTS = {
    "S1": {"company": 131, "municipality": 27, "higher_education": 14, "research": 9, "public_agency": 22,
           "intermediary": 16, "financier": 3, "association": 26, "other": 2},
    "S2": {"company": 88, "municipality": 22, "higher_education": 12, "research": 6, "public_agency": 20,
           "intermediary": 12, "financier": 4, "association": 14, "other": 2},
}
CONTACT_ANSWERS = {"S1": 4, "S2": 3}

THEME_WEIGHTS = {"company": {"skills": 4, "funding": 3, "permits": 2, "access": 3, "season": 2, "data": 2,
                             "circular": 2, "energy": 1}}
DEFAULT_THEMES = {"skills": 2, "funding": 2, "permits": 1, "access": 2, "season": 1, "data": 2,
                  "circular": 2, "energy": 2}


def codebook_rows() -> list[dict[str, str]]:
    rows = []
    for survey_id, questions in QUESTIONS.items():
        for qid, column, fi, en, kind, scale in COMMON:
            rows.append({"survey_id": survey_id, "question_id": qid, "column": column, "text_fi": fi,
                         "text_en": en, "type": kind, "scale": scale})
        for qid, column, fi, en, kind, scale, _ in questions:
            rows.append({"survey_id": survey_id, "question_id": qid, "column": column, "text_fi": fi,
                         "text_en": en, "type": kind, "scale": scale})
    return rows


def _weighted(rng, weights: dict[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, [weights[k] for k in keys])[0]


def _open_answer(rng, actor_type: str) -> str:
    if rng.random() < 0.05:
        return rng.choice(texts.ENGLISH_ANSWERS)
    weights = THEME_WEIGHTS.get(actor_type, DEFAULT_THEMES)
    first = _weighted(rng, weights)
    sentences = [rng.choice(texts.THEMES[first])]
    if rng.random() < 0.45:
        second = _weighted(rng, {k: v for k, v in weights.items() if k != first})
        sentences.append(rng.choice(texts.THEMES[second]))
    return " ".join(sentences)


def _staff(rng, actor_type: str) -> int:
    if actor_type == "company":
        return max(1, int(rng.lognormvariate(1.8, 1.2)))
    return max(2, int(rng.lognormvariate(3.5, 1.0)))


def build_export(rng, survey_id: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of one raw export."""
    questions = QUESTIONS[survey_id]
    header = [c[1] for c in COMMON] + [q[1] for q in questions]
    types = [t for t, n in TYPE_COUNTS[survey_id].items() for _ in range(n)]
    rng.shuffle(types)
    municipalities = [(m, w) for m, (_, w) in names.MUNICIPALITY_ORGS.items() if m != "Savukoski"]
    contact_rows = set(rng.sample(range(len(types)), CONTACT_ANSWERS[survey_id]))
    rows = []
    for index, actor_type in enumerate(types):
        first, last = names.person_name(rng)
        domain = rng.choice(["example.fi", "example.fi", "example.com"])
        email = f"{names.ascii_fold(first)}.{names.ascii_fold(last)}@{domain}"
        if rng.random() < 0.04:
            first = last = email = ""
        municipality = "" if rng.random() < 0.03 else _weighted(rng, dict(municipalities))
        row = [str(index + 1), f"{first} {last}".strip(), email, vocab.ACTOR_TYPES[actor_type]["fi"], municipality]
        shift = 0.4 if actor_type in ("public_agency", "higher_education", "intermediary") else 0.0
        for qid, _column, _fi, _en, kind, scale, mean in questions:
            blank = rng.random() < (0.05 if kind != "open" else 0.0)
            if kind == "likert":
                value = min(5, max(1, round(rng.gauss(mean + shift, 1.0))))
                row.append("" if blank else str(value))
            elif kind == "single":
                options = scale.split(";")
                row.append("" if blank else rng.choices(options, [4, 3, 2, 1][: len(options)])[0])
            elif kind == "multi":
                options = scale.split(";")
                chosen = sorted(rng.sample(range(len(options)), rng.randint(1, 3)))
                row.append("" if blank else ";".join(options[i] for i in chosen))
            elif kind == "number":
                value = _staff(rng, actor_type) if survey_id == "S1" else rng.randint(0, 12)
                row.append("" if blank else str(value))
            elif qid == questions[-2][0]:  # main open question
                row.append(_open_answer(rng, actor_type) if rng.random() < 0.65 else "")
            else:
                answer = rng.choice(texts.GREETINGS) if rng.random() < 0.3 else ""
                if index in contact_rows:
                    contact = rng.choice(texts.CONTACTS).format(
                        email=email or "info@example.com", a=rng.randint(100, 999), b=rng.randint(1000, 9999))
                    answer = f"{answer} {contact}".strip()
                row.append(answer)
        rows.append(row)
    return header, rows
