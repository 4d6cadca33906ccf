"""Two more surveys, exported the way the survey tools write them (.xlsx), with their codebook.

- S3, a Webropol-style export: scale answers as labels ("Täysin samaa mieltä") with
  "En osaa sanoa", a multiple-choice question as one column per option ("Question: Option",
  the option's text in the cell), organisation types and home municipalities in the
  respondents' own words and spelling, the answer time, name and e-mail.
- S4, a Microsoft-Forms-style export: Forms' metadata columns (ID, start and completion
  time, e-mail, name, last modified), a 7-point scale as labels with "EOS", a multiple
  choice as one column joined with ";" (with Forms' trailing ";").

Only the codebook rows describe them: nothing in the exports is edited to suit the workbook.
Generated from their own random.Random so that the older files stay byte-identical.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from . import names, texts

# id, kind, title, date, municipality, focus areas, clusters (no participation rows: the
# respondents are known only from the exports).
ACTIVITIES = [
    ("S3", "survey", "Matkailu- ja elämysyritysten kysely (Webropol, talvi 2023)", "2023-02-17", "", "FA2;FA3", ""),
    ("S4", "survey", "Kuntien ja kehittäjien kysely (Microsoft Forms, kevät 2023)", "2023-04-21", "", "FA1;FA4", ""),
]

AGREE_5 = ["Täysin eri mieltä", "Jokseenkin eri mieltä", "Ei samaa eikä eri mieltä", "Jokseenkin samaa mieltä",
           "Täysin samaa mieltä"]
AGREE_7 = ["Täysin eri mieltä", "Eri mieltä", "Jokseenkin eri mieltä", "Ei samaa eikä eri mieltä",
           "Jokseenkin samaa mieltä", "Samaa mieltä", "Täysin samaa mieltä"]

S3_TYPE = "Edustamanne organisaation tyyppi"
S3_THEMES = "Mitkä teemat ovat organisaatiollenne tärkeimpiä?"
S3_THEME_OPTIONS = ["Ympärivuotisuus", "Saavutettavuus", "Vastuullisuus", "Digitaaliset palvelut", "Osaava työvoima"]
S3_STATEMENTS = [
    ("Q1", "Matkailun ympärivuotisuus on kehittynyt viime vuosina", "Year-round tourism has developed in recent years",
     3.1),
    ("Q2", "Alueen saavutettavuus riittää kasvuun", "Accessibility of the region is enough for growth", 2.4),
    ("Q3", "Yhteistyö korkeakoulujen kanssa on helppoa", "Cooperation with higher education is easy", 2.9),
]
# Respondents' own wordings of their organisation type (the loader maps them by default).
S3_TYPES = {"Yritys": 38, "Yrittäjä": 9, "Yhdistys": 6, "Järjestö": 2, "Säätiö": 1, "Kehittämisyhtiö": 6,
            "Kunta/kaupunki": 7, "Julkinen organisaatio": 5, "Oppilaitos": 2, "Ammattikorkeakoulu": 3,
            "Yliopisto": 2, "Tutkimuslaitos": 2, "Muu, mikä?": 2}

S4_TYPE = "Organisaationne"
S4_AREAS = "Mihin painopistealueisiin organisaationne voi sitoutua?"
S4_AREA_OPTIONS = ["Kiertotalous", "Kestävä energia ja luonnonvarat", "Hyvinvointi- ja elämyspalvelut",
                   "Arktiset testiympäristöt"]
S4_STATEMENTS = [
    ("Q1", "Kuntamme elinvoimaohjelma tukee S3-strategiaa", "Our municipality's vitality programme supports the S3",
     4.6),
    ("Q2", "Kehittämisrahoitus on jakautunut alueellisesti oikeudenmukaisesti",
     "Development funding is fairly spread across the region", 3.3),
]
S4_TYPES = {"Kunta tai kaupunki": 21, "Kehittäjäorganisaatio": 10, "Kehittämisyhtiö": 5, "Julkinen toimija": 9,
            "Yhdistys tai järjestö": 6, "Korkeakoulu": 4, "Rahoittaja": 3}

OPEN_S3 = "Vapaa sana matkailun kehittämisestä"
OPEN_S4 = "Mitä kunnat tarvitsevat strategian toimeenpanoon?"


def activity_rows() -> list[dict[str, str]]:
    return [{"activity_id": a[0], "kind": a[1], "title": a[2], "date": a[3], "municipality": a[4],
             "focus_areas": a[5], "clusters": a[6]} for a in ACTIVITIES]


def codebook_rows() -> list[dict[str, str]]:
    def row(survey, qid, column, fi, en, kind, scale="", no_answer="", labels=""):
        return {"survey_id": survey, "question_id": qid, "column": column, "text_fi": fi, "text_en": en,
                "type": kind, "scale": scale, "no_answer": no_answer, "labels": labels}

    rows = [
        row("S3", "R", "Vastaajan numero", "Vastaajan numero", "Respondent number", "respondent_id"),
        row("S3", "N", "Nimi", "Nimi", "Name", "personal"),
        row("S3", "E", "Sähköposti", "Sähköposti", "E-mail", "personal"),
        row("S3", "T", S3_TYPE, S3_TYPE, "Type of the organisation you represent", "actor_type"),
        row("S3", "M", "Kotikunta", "Kotikunta", "Home municipality", "municipality"),
        *[row("S3", qid, fi, fi, en, "likert", "1-5") for qid, fi, en, _ in S3_STATEMENTS],
        row("S3", "Q4", S3_THEMES, S3_THEMES, "Which themes matter most to your organisation?", "multi",
            ";".join(S3_THEME_OPTIONS)),
        row("S3", "Q5", OPEN_S3, OPEN_S3, "Anything else on developing tourism", "open"),
        row("S4", "ID", "ID", "Vastauksen tunnus", "Response id", "respondent_id"),
        row("S4", "N", "Nimi", "Nimi", "Name", "personal"),
        row("S4", "E", "Sähköposti", "Sähköposti", "E-mail", "personal"),
        row("S4", "T", S4_TYPE, S4_TYPE, "Your organisation", "actor_type"),
        row("S4", "M", "Kunta", "Kunta", "Municipality", "municipality"),
        *[row("S4", qid, fi, fi, en, "likert", "1-7") for qid, fi, en, _ in S4_STATEMENTS],
        row("S4", "Q3", S4_AREAS, S4_AREAS, "Which focus areas can your organisation commit to?", "multi",
            ";".join(S4_AREA_OPTIONS)),
        row("S4", "Q4", "Hankkeiden määrä", "Käynnissä olevien hankkeiden määrä", "Number of ongoing projects",
            "number", no_answer="99"),
        row("S4", "Q5", OPEN_S4, OPEN_S4, "What do the municipalities need to implement the strategy?", "open"),
    ]
    return rows


def _person(rng) -> tuple[str, str]:
    first, last = names.person_name(rng)
    return f"{first} {last}", f"{names.ascii_fold(first)}.{names.ascii_fold(last)}@example.fi"


def _municipality(rng) -> str:
    weights = [(m, w) for m, (_, w) in names.MUNICIPALITY_ORGS.items() if m != "Savukoski"]
    return rng.choices([m for m, _ in weights], [w for _, w in weights])[0]


def _spelled(rng, municipality: str) -> str:
    """A municipality as people type it: sometimes lower or upper case, with stray spaces."""
    roll = rng.random()
    if roll < 0.15:
        return municipality.lower()
    if roll < 0.22:
        return municipality.upper() + " "
    if roll < 0.3:
        return f" {municipality}"
    return municipality


def _scale(rng, labels: list[str], mean: float, dont_know: str, share: float) -> str:
    if rng.random() < share:
        return dont_know
    point = min(len(labels), max(1, round(rng.gauss(mean, 1.1))))
    return labels[point - 1]


def _open(rng) -> str:
    theme = rng.choice(sorted(texts.THEMES))
    return rng.choice(texts.THEMES[theme])


def build_s3(rng) -> tuple[list[str], list[list[object]]]:
    header = ["Vastaajan numero", "Vastausaika", "Nimi", "Sähköposti", S3_TYPE, "Kotikunta",
              *[fi for _, fi, _, _ in S3_STATEMENTS], *[f"{S3_THEMES}: {o}" for o in S3_THEME_OPTIONS],
              f"{S3_THEMES}: En osaa sanoa", OPEN_S3]
    types = [t for t, n in S3_TYPES.items() for _ in range(n)]
    rng.shuffle(types)
    start = datetime(2023, 1, 23, 8, 0)
    rows = []
    for index, kind in enumerate(types):
        person, email = _person(rng)
        answered = start + timedelta(minutes=int(rng.uniform(0, 25 * 24 * 60)))
        row: list[object] = [index + 1, answered, person, email, kind, _spelled(rng, _municipality(rng))]
        row += [_scale(rng, AGREE_5, mean, "En osaa sanoa", 0.08) for _, _, _, mean in S3_STATEMENTS]
        dont_know = rng.random() < 0.06
        chosen = set() if dont_know else set(rng.sample(S3_THEME_OPTIONS, rng.randint(1, 3)))
        row += [o if o in chosen else None for o in S3_THEME_OPTIONS]
        row.append("En osaa sanoa" if dont_know else None)
        answer = _open(rng) if rng.random() < 0.5 else None
        if answer and rng.random() < 0.08:
            answer = f"{answer} Terveisin {person}, p. 040 {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
        row.append(answer)
        rows.append(row)
    return header, rows


def build_s4(rng) -> tuple[list[str], list[list[object]]]:
    header = ["ID", "Aloitusaika", "Valmistumisaika", "Sähköposti", "Nimi", "Viimeksi muokattu", S4_TYPE, "Kunta",
              *[fi for _, fi, _, _ in S4_STATEMENTS], S4_AREAS, "Hankkeiden määrä", OPEN_S4]
    types = [t for t, n in S4_TYPES.items() for _ in range(n)]
    rng.shuffle(types)
    start = datetime(2023, 3, 27, 9, 0)
    rows = []
    for index, kind in enumerate(types):
        person, email = _person(rng)
        began = start + timedelta(minutes=int(rng.uniform(0, 24 * 24 * 60)))
        row: list[object] = [index + 1, began, began + timedelta(minutes=rng.randint(3, 30)), email, person, None,
                             kind, _spelled(rng, _municipality(rng))]
        row += [_scale(rng, AGREE_7, mean, "EOS", 0.1) for _, _, _, mean in S4_STATEMENTS]
        chosen = sorted(rng.sample(range(len(S4_AREA_OPTIONS)), rng.randint(1, 3)))
        row.append("".join(f"{S4_AREA_OPTIONS[i]};" for i in chosen))
        row.append(99 if rng.random() < 0.1 else rng.randint(0, 15))
        row.append(_open(rng) if rng.random() < 0.6 else None)
        rows.append(row)
    return header, rows
