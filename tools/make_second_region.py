"""Write the second demo project, data/demo-tuulimaa: a small, fictional region.

Tuulimaa ("wind land") is not a real Finnish region. It exists to prove that the workbook
is not hard-wired to Lapland: it ships its own municipalities table, has its own focus
areas, clusters, actors, activities, a survey with its codebook, actions, indicators and
cluster assessments. Everything is invented; the generator is seeded, so running it again
gives byte-identical files:

    .venv/bin/python tools/make_second_region.py [OUT_FOLDER]
"""

from __future__ import annotations

import csv
import io
import random
import sys
from pathlib import Path

from stdnum.fi import ytunnus

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "data" / "demo-tuulimaa"
SEED = 20240501

PROJECT = [
    ("name", "Tuulimaan älykkään erikoistumisen strategia 2025–2030 (kuvitteellinen esimerkki)"),
    ("region", "Tuulimaa"),
    ("country", "FI"),
    ("name_en", "Tuulimaa smart specialisation strategy 2025–2030 (fictional example)"),
    ("description", "Kuvitteellinen toinen demoalue: kaikki organisaatiot, henkilöt ja luvut ovat keksittyjä."),
    ("description_en", "Fictional second demo region: every organisation, person and number is invented."),
    ("period_start", "2024-01-15"),
    ("period_end", "2024-11-30"),
    ("languages", "fi;en"),
    ("min_group_size", "5"),
]

# municipality, sub-region (fi), sub-region (en)
MUNICIPALITIES = [
    ("Tuulisatama", "Rannikko", "Coast"),
    ("Merikylä", "Rannikko", "Coast"),
    ("Luotola", "Rannikko", "Coast"),
    ("Kaislahti", "Järviseutu", "Lakeland"),
    ("Vaaranmaa", "Järviseutu", "Lakeland"),
    ("Koivujoki", "Järviseutu", "Lakeland"),
    ("Harjuvaara", "Ylämaa", "Uplands"),
    ("Kivikangas", "Ylämaa", "Uplands"),
]

FOCUS_AREAS = [
    ("BLUE", "Sininen biotalous", "Blue bioeconomy",
     "Meren ja järvien kestävä käyttö: kalatalous, levät ja vesiosaaminen.",
     "Sustainable use of the sea and lakes: fisheries, algae and water know-how."),
    ("MANU", "Älykäs valmistava teollisuus", "Smart manufacturing",
     "Konepajat, automaatio ja robotiikka alueen vientiteollisuudessa.",
     "Machine shops, automation and robotics in the region's export industry."),
    ("FOOD", "Kestävä ruokaketju", "Sustainable food chain",
     "Alkutuotannosta jalostukseen ja lähiruokaan.",
     "From primary production to processing and local food."),
    ("DIGI", "Digitaaliset palvelut ja osaaminen", "Digital services and skills",
     "Datatalous ja digitaaliset taidot kaikilla toimialoilla.",
     "Data economy and digital skills in every sector."),
]

CLUSTERS = [
    ("CL-BLUE", "Blue Growth Tuulimaa", "BLUE;FOOD", "A30"),
    ("CL-MANU", "Tuulimaa Manufacturing Network", "MANU;DIGI", "A31"),
    ("CL-FOOD", "FoodChain Tuulimaa", "FOOD", "A33"),
]

# actor_id, name, type, municipality, size class, sector, clusters
COMPANIES = [
    ("A01", "Aallokko Marine Oy", "Tuulisatama", "medium", "Meriteollisuus", "CL-BLUE"),
    ("A02", "Kalaverkko Oy", "Merikylä", "small", "Kalatalous", "CL-BLUE;CL-FOOD"),
    ("A03", "Sinilevä Biotech Oy", "Luotola", "micro", "Biotekniikka", "CL-BLUE"),
    ("A04", "Luotolan Telakka Oy", "Luotola", "large", "Meriteollisuus", "CL-BLUE;CL-MANU"),
    ("A05", "Tuulisataman Konepaja Oy", "Tuulisatama", "medium", "Konepajateollisuus", "CL-MANU"),
    ("A06", "Harjuvaaran Metalli Oy", "Harjuvaara", "small", "Metalliteollisuus", "CL-MANU"),
    ("A07", "Koivujoen Puu Oy", "Koivujoki", "small", "Puutuoteteollisuus", "CL-MANU"),
    ("A08", "Robottiranta Oy", "Tuulisatama", "micro", "Automaatio", "CL-MANU"),
    ("A09", "DataTuuli Oy", "Tuulisatama", "small", "Ohjelmistot", "CL-MANU"),
    ("A10", "Vaaran Vilja Oy", "Vaaranmaa", "small", "Maatalous", "CL-FOOD"),
    ("A11", "Kaislahden Meijeri Oy", "Kaislahti", "medium", "Elintarviketeollisuus", "CL-FOOD"),
    ("A12", "Marjatila Kuusela Oy", "Koivujoki", "micro", "Maatalous", "CL-FOOD"),
    ("A13", "Merikylän Savustamo Oy", "Merikylä", "micro", "Elintarviketeollisuus", "CL-FOOD;CL-BLUE"),
    ("A14", "Kivikankaan Kone Oy", "Kivikangas", "small", "Konepajateollisuus", ""),
    ("A15", "Järvihelmi Oy", "Kaislahti", "micro", "Matkailu", ""),
    ("A16", "Pilvipiste Oy", "Tuulisatama", "micro", "Ohjelmistot", "CL-MANU"),
    ("A17", "Kaislan Kasvihuone Oy", "Kaislahti", "small", "Maatalous", "CL-FOOD"),
    ("A18", "Luotolan Logistiikka Oy", "Luotola", "medium", "Logistiikka", "CL-BLUE;CL-FOOD"),
]

# actor_id, name, type, municipality, clusters
ORGANISATIONS = [
    ("A20", "Tuulisataman kaupunki", "municipality", "Tuulisatama", ""),
    ("A21", "Merikylän kunta", "municipality", "Merikylä", ""),
    ("A22", "Luotolan kunta", "municipality", "Luotola", ""),
    ("A23", "Kaislahden kunta", "municipality", "Kaislahti", ""),
    ("A24", "Vaaranmaan kunta", "municipality", "Vaaranmaa", ""),
    ("A25", "Koivujoen kunta", "municipality", "Koivujoki", ""),
    ("A26", "Harjuvaaran kaupunki", "municipality", "Harjuvaara", ""),
    ("A27", "Kivikankaan kunta", "municipality", "Kivikangas", ""),
    ("A28", "Tuulimaan liitto", "public_agency", "Tuulisatama", ""),
    ("A29", "Tuulimaan elinvoimakeskus", "public_agency", "Tuulisatama", ""),
    ("A30", "Tuulimaan ammattikorkeakoulu", "higher_education", "Tuulisatama", "CL-BLUE;CL-FOOD"),
    ("A31", "Tuulisataman yliopisto", "higher_education", "Tuulisatama", "CL-MANU"),
    ("A32", "Vesi- ja merentutkimuslaitos Aalto-Tuuli", "research", "Luotola", "CL-BLUE"),
    ("A33", "Tuulisataman Kehitys Oy", "intermediary", "Tuulisatama", "CL-FOOD;CL-MANU"),
    ("A34", "Ylämaan Yrityspalvelut", "intermediary", "Harjuvaara", ""),
    ("A35", "Pohjoistuuli Invest", "financier", "Tuulisatama", ""),
    ("A36", "Tuulimaan kauppakamari", "association", "Tuulisatama", ""),
    ("A37", "Järviseudun kalastajat ry", "association", "Kaislahti", "CL-BLUE"),
    ("A38", "Nordvind Maritime AB", "company", None, "CL-BLUE"),
]

# activity_id, kind, title, date, municipality, focus areas, clusters
ACTIVITIES = [
    ("W1", "workshop", "Aloitustyöpaja: Tuulimaan vahvuudet", "2024-02-06", "Tuulisatama", "BLUE;MANU;FOOD;DIGI", ""),
    ("W2", "workshop", "Sininen biotalous -työpaja", "2024-03-12", "Luotola", "BLUE", "CL-BLUE"),
    ("W3", "workshop", "Teollisuuden tulevaisuus -työpaja", "2024-03-26", "Harjuvaara", "MANU;DIGI", "CL-MANU"),
    ("W4", "workshop", "Ruokaketjun työpaja", "2024-04-09", "Kaislahti", "FOOD", "CL-FOOD"),
    ("S1", "survey", "Strategiakysely yrityksille ja yhteisöille", "2024-05-15", None, "BLUE;MANU;FOOD;DIGI", ""),
    ("SP1", "sprint", "Datatalouden innovaatiosprintti", "2024-06-04", "Tuulisatama", "DIGI;MANU", "CL-MANU"),
    ("IV1", "interview", "Kuntahaastattelut", "2024-08-20", None, "BLUE;MANU;FOOD;DIGI", ""),
    ("WB1", "webinar", "Luonnoksen esittely (webinaari)", "2024-10-01", None, "BLUE;MANU;FOOD;DIGI", ""),
]

# Who took part where: activity -> actor ids (a few send two people).
PARTICIPANTS = {
    "W1": ["A28", "A20", "A21", "A23", "A26", "A30", "A31", "A33", "A36", "A01", "A05", "A09", "A11", "A04", "A35"],
    "W2": ["A28", "A30", "A32", "A01", "A02", "A03", "A04", "A13", "A18", "A37", "A38", "A21", "A22"],
    "W3": ["A28", "A31", "A33", "A34", "A05", "A06", "A07", "A08", "A09", "A16", "A14", "A26"],
    "W4": ["A28", "A30", "A33", "A10", "A11", "A12", "A13", "A17", "A02", "A23", "A24", "A25"],
    "SP1": ["A33", "A31", "A09", "A16", "A08", "A05", "A29"],
    "IV1": ["A20", "A21", "A22", "A23", "A24", "A25", "A26", "A27"],
    "WB1": ["A28", "A29", "A30", "A31", "A33", "A36", "A01", "A05", "A11", "A20", "A26", "A35", "A18"],
}
TWO_PEOPLE = {"A28", "A30", "A33", "A05"}
ORGANISERS = {"A28": "organiser", "A33": "facilitator"}

# input_id, activity, actor (blank = anonymous), kind, text, focus areas
INPUTS = [
    ("I01", "W1", "A01", "finding", "Meriosaaminen on alueen selvin vahvuus, mutta se ei näy strategiassa.", "BLUE"),
    ("I02", "W1", "A05", "proposal", "Yhteinen automaation testiympäristö pk-konepajoille.", "MANU"),
    ("I03", "W1", "A11", "idea", "Lähiruoan yhteinen logistiikka kuntien keittiöihin.", "FOOD"),
    ("I04", "W1", None, "finding", "Ylämaan yritykset eivät tunne kehittämispalveluita.", "MANU;DIGI"),
    ("I05", "W2", "A03", "idea", "Levänviljelyn pilotti Luotolan edustalle.", "BLUE"),
    ("I06", "W2", "A32", "proposal", "Vedenlaadun avoin seurantadata yritysten käyttöön.", "BLUE;DIGI"),
    ("I07", "W2", "A02", "finding", "Kalan sivuvirrat päätyvät nyt jätteeksi.", "BLUE;FOOD"),
    ("I08", "W2", "A38", "proposal", "Pohjoismainen meriklusteriyhteistyö Merenkurkun yli.", "BLUE"),
    ("I09", "W3", "A06", "finding", "Osaavan työvoiman puute hidastaa investointeja.", "MANU"),
    ("I10", "W3", "A08", "idea", "Robotiikan oppisopimuskoulutus yhdessä ammattikorkeakoulun kanssa.", "MANU;DIGI"),
    ("I11", "W3", "A09", "proposal", "Teollisuuden datatila: yhteiset rajapinnat koneiden tiedoille.", "DIGI;MANU"),
    ("I12", "W3", "A14", "finding", "=Kivikankaan yritykset jäävät verkostojen ulkopuolelle", "MANU"),
    ("I13", "W4", "A10", "idea", "Viljan sivuvirroista rehua kalankasvatukseen.", "FOOD;BLUE"),
    ("I14", "W4", "A12", "proposal", "Marjatilojen yhteinen verkkokauppa.", "FOOD;DIGI"),
    ("I15", "W4", "A17", "finding", "Kasvihuoneiden energiakustannukset ovat suurin riski.", "FOOD"),
    ("I16", "SP1", "A16", "proposal", "Pk-yritysten datataitojen lyhytkurssit.", "DIGI"),
    ("I17", "SP1", "A09", "idea", "Tekoälyavusteinen laadunvalvonta konepajoille.", "DIGI;MANU"),
    ("I18", "IV1", "A27", "finding", "Pienet kunnat tarvitsevat tukea hankehakuihin.", "DIGI"),
    ("I19", "IV1", "A24", "proposal", "Ruokamatkailun reitti Järviseudulle.", "FOOD"),
    ("I20", "WB1", None, "finding", "Toimenpiteiden rahoitus on vielä auki useimmissa.", ""),
]

# action_id, title fi, title en, focus areas, owner, partners, start, end, budget, funding, status,
# source inputs, indicators
ACTIONS = [
    ("T1", "Levä- ja sivuvirtapilotit", "Algae and side-stream pilots", "BLUE;FOOD", "A32", "A03;A02;A30",
     "2025-01-01", "2026-12-31", "420000", "EAKR;yritykset", "planned", "I05;I07;I13", "M1;M4"),
    ("T2", "Vedenlaadun avoin data", "Open water quality data", "BLUE;DIGI", "A30", "A32;A09",
     "2025-03-01", "2026-06-30", "180000", "EAKR", "planned", "I06", "M2"),
    ("T3", "Merenkurkun meriklusteriyhteistyö", "Kvarken maritime cluster cooperation", "BLUE", "A28",
     "A38;A01;A04", "2025-01-01", "2027-12-31", "350000", "Interreg", "ongoing", "I08;I01", "M3"),
    ("T4", "Automaation testiympäristö", "Automation test bed", "MANU", "A31", "A05;A06;A08;A33",
     "2025-02-01", "2027-01-31", "760000", "EAKR;JTF;yritykset", "planned", "I02;I17", "M5"),
    ("T5", "Robotiikan oppisopimusmalli", "Robotics apprenticeship model", "MANU;DIGI", "A30", "A08;A05;A29",
     "2025-08-01", "2027-07-31", "240000", "ESR+", "planned", "I10;I09", "M6"),
    ("T6", "Teollisuuden datatila", "Industrial data space", "DIGI;MANU", "A33", "A09;A16;A31",
     "2025-04-01", "2026-12-31", "300000", "EAKR", "ongoing", "I11", "M5"),
    ("T7", "Lähiruoan logistiikka", "Local food logistics", "FOOD", "A23", "A11;A18;A10",
     "2025-01-01", "2025-12-31", "120000", "Maaseutuohjelma;kunnat", "planned", "I03", "M4"),
    ("T8", "Datataitojen lyhytkurssit pk-yrityksille", "Short data-skills courses for SMEs", "DIGI", None,
     "A16;A30", "2025-09-01", "2026-05-31", "90000", "ESR+", "planned", "I16;I18", "M6"),
    ("T9", "Ylämaan yrityspalvelukierros", "Uplands business services tour", "MANU;DIGI", "A34", "A27;A26;A14",
     "2025-03-01", "2025-11-30", "45000", "kunnat", "planned", "I04;I12", ""),
]

# indicator_id, name fi, name en, kind, unit, baseline, target, focus area
INDICATORS = [
    ("M1", "Sivuvirtapilotit", "Side-stream pilots", "output", "kpl", "0", "4", "BLUE"),
    ("M2", "Avatut data-aineistot", "Open data sets published", "output", "kpl", "1", "6", "DIGI"),
    ("M3", "Kansainväliset yhteishankkeet", "International joint projects", "result", "kpl", "0", "3", "BLUE"),
    ("M4", "Uudet tuotteet ruokaketjussa", "New products in the food chain", "result", "kpl", "2", "10", "FOOD"),
    ("M5", "Automaatioinvestoinnit", "Automation investments", "result", "M€", "1.5", "6", "MANU"),
    ("M6", "Koulutetut henkilöt", "People trained", "output", "hlö", "0", "150", "DIGI"),
]

INDICATOR_VALUES = [
    ("M2", "2024-06-30", "2"), ("M2", "2024-12-31", "3"),
    ("M3", "2024-12-31", "1"),
    ("M5", "2024-06-30", "2.1"), ("M5", "2024-12-31", "2.8"),
    ("M6", "2024-12-31", "24"),
]

# criterion_id, name fi, name en, description fi, description en, measure, threshold, evidence
CRITERIA = [
    ("K1", "Yritysjäseniä vähintään kuusi", "At least six company members",
     "Klusterissa on todennettavasti mukana yrityksiä.", "Companies verifiably take part in the cluster.",
     "count", "6", "company_members"),
    ("K2", "Nimetty vetäjä", "Appointed director", "Klusterilla on nimetty vetäjä.",
     "The cluster has an appointed director.", "yes_no", "1", "recorded"),
    ("K3", "Vähintään kaksi jäsentilaisuutta vuodessa", "At least two member events a year",
     "Klusteri järjestää jäsenilleen tilaisuuksia.", "The cluster organises events for its members.",
     "count", "2", "member_activities_per_year"),
    ("K4", "Yritysten osuus jäsenistä", "Company share of members",
     "Vähintään puolet jäsenistä on yrityksiä.", "At least half of the members are companies.",
     "share", "0.5", "company_share"),
    ("K5", "Yritysten ja TKI-toimijoiden yhteydet", "Company–RDI ties",
     "Yritykset ja tutkimus tekevät yhteistyötä.", "Companies and research work together.",
     "count", "3", "company_rdi_ties"),
    ("K6", "Strategia ja toteutussuunnitelma", "Strategy and execution plan",
     "Klusterilla on kirjattu strategia.", "The cluster has a written strategy.", "yes_no", "1", "recorded"),
]

# cluster, criterion, value, evidence text (only recorded criteria are assessed by hand)
ASSESSMENTS = [
    ("CL-BLUE", "K2", "1", "Vetäjä nimetty 1.2.2024"),
    ("CL-BLUE", "K6", "1", "Strategia hyväksytty hallituksessa 3/2024"),
    ("CL-MANU", "K2", "1", "Vetäjä nimetty 15.1.2024"),
    ("CL-MANU", "K6", "0", "Strategia valmisteilla"),
    ("CL-FOOD", "K2", "0", "Vetäjän haku käynnissä"),
    ("CL-FOOD", "K6", None, None),
]

RELATIONS = [
    ("A04", "A01", "contract", "2"), ("A05", "A06", "contract", "1"), ("A09", "A16", "partnership", "1"),
    ("A38", "A04", "partnership", "1"), ("A11", "A10", "contract", "3"),
]

SURVEY_ID = "S1"
LIKERT_QUESTIONS = [
    ("Q1", "Painopistealueet kuvaavat alueen vahvuuksia", "Strategian painopisteet kuvaavat alueen vahvuuksia",
     "The focus areas describe the region's strengths"),
    ("Q2", "Yhteistyö korkeakoulujen kanssa on helppoa", "Yhteistyö korkeakoulujen kanssa on helppoa",
     "Working with higher education is easy"),
    ("Q3", "Saamme riittävästi tietoa rahoituksesta", "Saamme riittävästi tietoa rahoituksesta",
     "We get enough information about funding"),
]
FOCUS_OPTIONS = ["Sininen biotalous", "Älykäs teollisuus", "Ruokaketju", "Digitaaliset palvelut"]
OPEN_ANSWERS = [
    "Lisää yhteistyötä rannikon ja ylämaan välillä.",
    "Rahoitushakujen tuki pienille yrityksille.",
    "Osaajien saatavuus on suurin huoli.",
    "Datan jakamisen pelisäännöt puuttuvat.",
    "Lähiruoka kouluihin!",
    "Ottakaa yhteyttä: tiina.esimerkki@example.fi",
    "Soittakaa 040 123 4567, kerron lisää.",
    "",
]
RESPONDENT_TYPES = ["Yritys"] * 14 + ["Kunta"] * 5 + ["Korkeakoulu"] * 3 + ["Yhdistys tai järjestö"] * 2 \
    + ["Kehittäjäorganisaatio"] * 2 + ["Rahoittaja"]


def business_id(rng: random.Random) -> str:
    """A random but valid Y-tunnus: weights 7,9,10,5,8,4,2, sum mod 11; remainder 1 has no check digit."""
    while True:
        base = f"{rng.randrange(1_000_000, 3_300_000):07d}"
        remainder = sum(int(d) * w for d, w in zip(base, (7, 9, 10, 5, 8, 4, 2))) % 11
        if remainder != 1:
            number = f"{base}-{(11 - remainder) % 11}"
            assert ytunnus.is_valid(number), number
            return number


def csv_bytes(header: list[str], rows: list[tuple]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    return buffer.getvalue().encode("utf-8")


def tables(rng: random.Random) -> dict[str, bytes]:
    actors = [(a, n, "company", m, business_id(rng), s, sec, c, None, None)
              for a, n, m, s, sec, c in COMPANIES]
    actors += [(a, n, t, m, None, None, None, c, "Umeå" if m is None else None, "SE" if m is None else None)
               for a, n, t, m, c in ORGANISATIONS]
    participation, person = [], 0
    for activity, members in PARTICIPANTS.items():
        for actor in members:
            for _ in range(2 if actor in TWO_PEOPLE and activity.startswith("W") else 1):
                person += 1
                role = "interviewee" if activity.startswith("IV") else ORGANISERS.get(actor, "participant")
                participation.append((activity, actor, f"P{person:03d}", role))
    inputs = [(i, act, actor, kind, text, fas, rng.randint(0, 9)) for i, act, actor, kind, text, fas in INPUTS]
    return {
        "project": csv_bytes(["key", "value"], PROJECT),
        "municipalities": csv_bytes(["municipality", "sub_region", "sub_region_en"], MUNICIPALITIES),
        "focus_areas": csv_bytes(["focus_area_id", "name_fi", "name_en", "description_fi", "description_en"],
                                 FOCUS_AREAS),
        "clusters": csv_bytes(["cluster_id", "name", "focus_areas", "coordinator_actor_id"], CLUSTERS),
        "actors": csv_bytes(["actor_id", "name", "actor_type", "municipality", "business_id", "size_class",
                             "sector", "clusters", "location", "country"], actors),
        "activities": csv_bytes(["activity_id", "kind", "title", "date", "municipality", "focus_areas", "clusters"],
                                ACTIVITIES),
        "participation": csv_bytes(["activity_id", "actor_id", "participant_id", "role"], participation),
        "inputs": csv_bytes(["input_id", "activity_id", "actor_id", "kind", "text", "focus_areas", "votes"], inputs),
        "actions": csv_bytes(["action_id", "title_fi", "title_en", "focus_areas", "owner_actor_id",
                              "partner_actor_ids", "start", "end", "budget_eur", "funding", "status",
                              "source_input_ids", "indicators"], ACTIONS),
        "indicators": csv_bytes(["indicator_id", "name_fi", "name_en", "kind", "unit", "baseline", "target",
                                 "focus_area_id"], INDICATORS),
        "indicator_values": csv_bytes(["indicator_id", "date", "value"], INDICATOR_VALUES),
        "cluster_criteria": csv_bytes(["criterion_id", "name_fi", "name_en", "description_fi", "description_en",
                                       "measure", "threshold", "evidence"], CRITERIA),
        "cluster_assessments": csv_bytes(["cluster_id", "criterion_id", "value", "evidence", "assessed_on"],
                                         [(*row, "2024-10-31") for row in ASSESSMENTS]),
        "relations": csv_bytes(["source_actor_id", "target_actor_id", "kind", "weight"], RELATIONS),
        "survey_questions": csv_bytes(["survey_id", "question_id", "column", "text_fi", "text_en", "type", "scale"],
                                      survey_codebook()),
        f"surveys/{SURVEY_ID}": survey_answers(rng),
    }


def survey_codebook() -> list[tuple]:
    rows = [
        (SURVEY_ID, "R", "Vastausnumero", None, None, "respondent_id", None),
        (SURVEY_ID, "NAME", "Nimi", None, None, "personal", None),
        (SURVEY_ID, "EMAIL", "Sähköposti", None, None, "personal", None),
        (SURVEY_ID, "TYPE", "Organisaationne tyyppi", "Organisaationne tyyppi", "Your organisation's type",
         "actor_type", None),
        (SURVEY_ID, "MUNI", "Kotikunta", "Organisaationne kotikunta", "Your organisation's municipality",
         "municipality", None),
    ]
    rows += [(SURVEY_ID, q, column, fi, en, "likert", "1-5") for q, column, fi, en in LIKERT_QUESTIONS]
    rows += [
        (SURVEY_ID, "Q4", "Osallistuitteko aiempaan strategiatyöhön?", "Osallistuitteko aiempaan strategiatyöhön?",
         "Did you take part in earlier strategy work?", "single", "Kyllä;Ei"),
        (SURVEY_ID, "Q5", "Mitkä painopisteet koskevat teitä?", "Mitkä painopisteet koskevat organisaatiotanne?",
         "Which focus areas concern your organisation?", "multi", ";".join(FOCUS_OPTIONS)),
        (SURVEY_ID, "Q6", "Mitä strategiasta puuttuu?", "Mitä strategiasta puuttuu?",
         "What is missing from the strategy?", "open", None),
        (SURVEY_ID, "Q7", "Henkilöstön määrä", "Henkilöstön määrä", "Number of staff", "number", None),
    ]
    return rows


def survey_answers(rng: random.Random) -> bytes:
    """One row per respondent, as a survey tool exports it (with names that the loader drops)."""
    header = ["Vastausnumero", "Nimi", "Sähköposti", "Organisaationne tyyppi", "Kotikunta"] \
        + [column for _, column, _, _ in LIKERT_QUESTIONS] \
        + ["Osallistuitteko aiempaan strategiatyöhön?", "Mitkä painopisteet koskevat teitä?",
           "Mitä strategiasta puuttuu?", "Henkilöstön määrä"]
    municipalities = [m for m, _, _ in MUNICIPALITIES]
    weights = [6, 3, 3, 3, 2, 2, 2, 1]
    rows = []
    for number, actor_type in enumerate(RESPONDENT_TYPES, start=1):
        likert = [min(5, max(1, round(rng.gauss(mean, 1.0)))) for mean in (3.8, 3.0, 2.4)]
        chosen = sorted(rng.sample(FOCUS_OPTIONS, rng.randint(1, 3)), key=FOCUS_OPTIONS.index)
        rows.append((
            1000 + number, f"Vastaaja {number}", f"vastaaja{number}@example.fi", actor_type,
            rng.choices(municipalities, weights)[0], *likert, rng.choice(["Kyllä", "Ei"]), ";".join(chosen),
            OPEN_ANSWERS[number % len(OPEN_ANSWERS)], rng.choice([None, 3, 8, 15, 40, 120]),
        ))
    return csv_bytes(header, rows)


README = """# Tuulimaa: a second, fictional demo region

**Everything here is invented.** Tuulimaa ("wind land") is not a real Finnish region; its
municipalities, organisations, business ids, people, survey answers and numbers are made
up. The folder exists to prove that the Strategy Workbook is not hard-wired to Lapland:
`workbook report data/demo-tuulimaa --out OUT` runs every notebook on it with no code change.

What differs from the Lapland demo:
- its own `municipalities.csv` (8 municipalities in 3 sub-regions: Rannikko/Coast,
  Järviseutu/Lakeland, Ylämaa/Uplands), since only Lapland is built in;
- four focus areas (BLUE, MANU, FOOD, DIGI), three clusters (CL-BLUE, CL-MANU, CL-FOOD),
  37 organisations (one from Sweden), eight activities of every kind, one survey (S1) with
  its codebook, nine actions, six indicators, six cluster criteria and a few explicit relations.

Small things planted on purpose:
- action T8 has no owner; Kivikangas (Ylämaa) barely took part, and one company (A15)
  never took part at all (a validation warning);
- one input (I12) starts with `=`, which must stay inert in every spreadsheet export;
- the survey export has name and e-mail columns (dropped at load) and open answers with an
  e-mail address and a phone number (masked at load);
- cluster CL-FOOD has a criterion left unassessed.

Regenerate (seeded, byte-identical): `.venv/bin/python tools/make_second_region.py`
"""


def write(out: Path) -> list[Path]:
    written = []
    for name, data in tables(random.Random(SEED)).items():
        path = out / f"{name}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    readme = out / "README.md"
    readme.write_text(README, encoding="utf-8")
    return written + [readme]


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    for path in write(target):
        print(path)
