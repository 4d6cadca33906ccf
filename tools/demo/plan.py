"""Strategy content: focus areas, indicators, measured values and the implementation plan's actions."""

from __future__ import annotations

ILLUSTRATIVE_FI = " Havainnollistava nimi: demossa keksitty, ei Lapin strategian virallinen painopiste."
ILLUSTRATIVE_EN = " Illustrative name invented for the demo, not an official focus area of the Lapland strategy."

FOCUS_AREAS = [
    ("FA1", "Kiertotalous kestävän kasvun perustana", "Circular economy as the basis of sustainable growth",
     "Teollisuuden sivuvirrat, kierrätys ja uudet kiertotalouden liiketoimintamallit.",
     "Industrial side streams, recycling and new circular business models."),
    ("FA2", "Hyvinvointi- ja elämyspalveluita luonnosta", "Wellness and experience economy services from nature",
     "Ympärivuotinen matkailu, luontohyvinvointi ja arktiset luonnontuotteet.",
     "Year-round tourism, nature-based wellbeing and Arctic natural products."),
    ("FA3", "Arktiset testiympäristöt ja älykkäät ratkaisut", "Arctic testing environments and smart solutions",
     "Kylmä- ja talvitestaus, data ja älykkäät palvelut." + ILLUSTRATIVE_FI,
     "Cold and winter testing, data and smart services." + ILLUSTRATIVE_EN),
    ("FA4", "Kestävä energia ja luonnonvarojen jalostus", "Sustainable energy and refining of natural resources",
     "Uusiutuva energia, vety, mineraalit ja luonnonvarojen vastuullinen jalostus." + ILLUSTRATIVE_FI,
     "Renewable energy, hydrogen, minerals and responsible refining of natural resources." + ILLUSTRATIVE_EN),
]

# id, kind, name_fi, name_en, unit, baseline, target, focus area
INDICATORS = [
    ("M01", "output", "Kiertotalouden yritysneuvonnat", "Circular economy advisory sessions for companies", "kpl", 0, 300, "FA1"),
    ("M02", "result", "Teollisuuden sivuvirtojen hyötykäyttöaste", "Utilisation rate of industrial side streams", "%", 38, 55, "FA1"),
    ("M03", "output", "Kiertotalouden yhteiskehittämishankkeet", "Joint circular economy development projects", "kpl", 4, 20, "FA1"),
    ("M04", "result", "Kiertotalouskriteerein tehdyt kuntahankinnat", "Municipal procurements with circular criteria", "%", 5, 40, "FA1"),
    ("M05", "output", "Matkailuyritykset yhteisessä datatilassa", "Tourism companies in the shared data space", "kpl", 0, 150, "FA2"),
    ("M06", "result", "Kesä- ja syyskauden osuus rekisteröidyistä yöpymisistä", "Share of summer and autumn in registered overnight stays", "%", 32, 40, "FA2"),
    ("M07", "result", "Luontohyvinvointipalvelujen liikevaihto", "Turnover of nature-based wellbeing services", "milj. €", None, 60, "FA2"),
    ("M08", "output", "Laatujärjestelmään sertifioidut yritykset", "Companies certified in the quality system", "kpl", 0, 40, "FA2"),
    ("M09", "output", "Testiympäristöjen asiakasprojektit", "Client projects in the testing environments", "kpl/v", 45, 90, "FA3"),
    ("M10", "result", "Testausalan ulkomaiset asiakkaat", "Foreign clients of the testing industry", "kpl", 20, 45, "FA3"),
    ("M11", "output", "Yritysten ja korkeakoulujen yhteishankkeet", "Joint projects of companies and higher education", "kpl", 6, 20, "FA3"),
    ("M12", "result", "Testausalan työpaikat", "Jobs in the testing industry", "htv", 850, None, "FA3"),
    ("M13", "output", "Pk-yritysten energiatehokkuuskatselmukset", "Energy efficiency audits of SMEs", "kpl", 0, 120, "FA4"),
    ("M14", "result", "Uusiutuvan energian osuus energian loppukulutuksesta", "Renewable share of final energy consumption", "%", 72, 85, "FA4"),
    ("M15", "result", "Ympäristölupien keskimääräinen käsittelyaika", "Average processing time of environmental permits", "kk", 26, 14, "FA4"),
    ("M16", "output", "Alueen ulkopuoliset kumppanit toimenpiteissä", "Partners from outside the region in actions", "kpl", 2, 12, ""),
]

# indicator -> values measured at 2023-12-31, 2024-06-30, 2024-12-31 (None = not measured)
VALUES = {
    "M01": (64, 121, 187), "M02": (39.5, None, 42.0), "M03": (7, 9, 11), "M05": (18, 41, 66),
    "M06": (32.8, None, 34.1), "M09": (51, None, 58), "M10": (22, None, 27), "M11": (8, 10, 13),
    "M13": (12, 30, 47), "M14": (73.5, None, 75.2), "M16": (3, 5, 7),
}
VALUE_DATES = ("2023-12-31", "2024-06-30", "2024-12-31")


def focus_area_rows():
    keys = ["focus_area_id", "name_fi", "name_en", "description_fi", "description_en"]
    return [dict(zip(keys, row)) for row in FOCUS_AREAS]


def indicator_rows():
    keys = ["indicator_id", "kind", "name_fi", "name_en", "unit", "baseline", "target", "focus_area_id"]
    return [{k: ("" if v is None else v) for k, v in zip(keys, row)} for row in INDICATORS]


def indicator_value_rows():
    rows = []
    for indicator_id, values in VALUES.items():
        for date, value in zip(VALUE_DATES, values):
            if value is not None:
                rows.append({"indicator_id": indicator_id, "date": date, "value": value})
    return rows


# id, focus areas, title_fi, title_en, owner key ("" = none; "company" = a company of the area),
# keys of fixed partners (more are drawn)
ACTIONS = [
    ("T01", "FA1", "Kiertotalouden yhden luukun yrityspalvelu", "One-stop business service for the circular economy", "digipolis", ()),
    ("T02", "FA1", "Teollisuuden sivuvirtojen markkinapaikka", "Marketplace for industrial side streams", "teollisuusseura", ()),
    ("T03", "FA1", "Kiertotalouden osaamisohjelma pk-yrityksille", "Circular economy skills programme for SMEs", "amk", ("redu",)),
    ("T04", "FA1", "Rakennusjätteen uudelleenkäytön pilotti", "Pilot for reusing construction waste", "kunta_Rovaniemi", ()),
    ("T05", "FA1", "Kiertotalouskriteerit kuntien hankintoihin", "Circular criteria in municipal procurement", "kunta_Kemi", ("kunta_Tornio",)),
    ("T06", "FA1", "Biomassan sivuvirtojen jalostuksen kehittämisohjelma", "Development programme for refining biomass side streams", "luke", ()),
    ("T07", "FA1", "Pohjoiskalotin kiertotalousyhteistyö", "Circular economy cooperation in the North Calotte", "uni", ("ltu", "nocluster", "rise")),
    ("T08", "FA1", "Kiertotalousdatan jakamisalusta", "Data-sharing platform for the circular economy", "company", ()),
    ("T09", "FA1", "Korjaus- ja huoltoverkosto tuotteiden elinkaaren pidentämiseksi", "Repair and maintenance network to extend product life", "yrittajat", ()),
    ("T10", "FA1;FA2", "Matkailun ruokahävikin vähentäminen", "Reducing food waste in tourism", "lme", ()),
    ("T11", "FA1", "Kiertotalousinvestointien rahoitusneuvonta", "Funding advice for circular economy investments", "ely", ("bf", "finnvera")),
    ("T12", "FA2", "Ympärivuotisen matkailun tuotekehitysohjelma", "Product development programme for year-round tourism", "lme", ()),
    ("T13", "FA2;FA3", "Matkailun yhteinen datatila", "Shared data space for tourism", "amk", ("uni",)),
    ("T14", "FA2", "Luontohyvinvointipalvelujen laatujärjestelmä", "Quality system for nature-based wellbeing services", "uni", ()),
    ("T15", "FA2", "Matkailukeskusten joukkoliikenneyhteydet", "Public transport links to tourist resorts", "tunturilappi", ("kunta_Kittilä", "kunta_Kolari")),
    ("T16", "FA2", "Kausityöntekijöiden asumis- ja rekrytointimalli", "Housing and recruitment model for seasonal workers", "te", ()),
    ("T17", "FA2", "Arktisten luonnontuotteiden tuotekehitys", "Product development of Arctic natural products", "luke", ()),
    ("T18", "FA2", "Vastuullisen matkailun ohjeistus saamelaisten kotiseutualueelle", "Responsible tourism guidelines for the Sámi homeland", "pohjoislappi", ("kunta_Inari", "kunta_Utsjoki")),
    ("T19", "FA2", "Kestävän matkailun mittaristo", "Sustainable tourism indicator system", "kehitys_rovaniemi", ()),
    ("T20", "FA2", "Luontoon perustuvat hyvinvointi- ja kuntoutuspalvelut", "Nature-based wellbeing and rehabilitation services", "hyvinvointialue", ()),
    ("T21", "FA2", "Elämyspalvelujen digitaalinen myyntikanava", "Digital sales channel for experience services", "company", ()),
    ("T22", "FA2", "Lapin matkailun kansainvälinen markkinointi", "International marketing of Lapland tourism", "lme", ()),
    ("T23", "FA3", "Arktisten testiympäristöjen palvelukatalogi", "Service catalogue of Arctic testing environments", "kehitys_rovaniemi", ()),
    ("T24", "FA3", "Kylmätestauksen kansainvälinen myyntiyhteistyö", "International sales cooperation for cold testing", "tunturilappi", ("ltu",)),
    ("T25", "FA3", "Droonien ja robotiikan talvitestausalusta", "Winter testing platform for drones and robotics", "amk", ()),
    ("T26", "FA3", "Älyliikenteen avoin testialue", "Open test area for smart mobility", "", ("kunta_Sodankylä",)),
    ("T27", "FA3", "Arktinen materiaalitestauslaboratorio", "Arctic materials testing laboratory", "amk", ("vtt",)),
    ("T28", "FA3", "Satelliittidata metsä- ja porotaloudessa", "Satellite data for forestry and reindeer herding", "fmi", ("sgo",)),
    ("T29", "FA3", "Arktinen turvallisuusharjoitusympäristö", "Arctic safety and security training environment", "amk", ()),
    ("T30", "FA3", "Talviolosuhteiden tieverkon digitaalinen kaksonen", "Digital twin of the road network in winter", "ely", ()),
    ("T31", "FA3;FA2", "Testausalan osaajien rekrytointikampanja", "Recruitment campaign for testing-industry talent", "te", ()),
    ("T32", "FA4;FA1", "Vetytalouden pilotti Kemi-Tornion alueelle", "Hydrogen economy pilot for Kemi-Tornio", "liitto", ("digipolis",)),
    ("T33", "FA4", "Kriittisten mineraalien arvoketjuselvitys", "Value chain study of critical minerals", "liitto", ("gtk",)),
    ("T34", "FA4", "Lupaprosessien yhden yhteyspisteen palvelu", "One-stop service for permit processes", "liitto", ("ely", "avi")),
    ("T35", "FA4", "Tuulivoiman paikallishyötymalli", "Local benefit model for wind power", "liitto", ()),
    ("T36", "FA4;FA1", "Teollisuuden hukkalämmön hyödyntäminen", "Using industrial waste heat", "liitto", ()),
    ("T37", "FA4", "Energiatehokkuusneuvonta pk-yrityksille", "Energy efficiency advice for SMEs", "liitto", ()),
    ("T38", "FA4", "Sähköverkon vahvistamisen tiekartta", "Roadmap for strengthening the power grid", "liitto", ()),
    ("T39", "FA4", "Luonnonvarojen käytön yhteensovittaminen", "Reconciling different uses of natural resources", "liitto", ("metsahallitus",)),
    ("T40", "FA4", "Kaivannaisalan vastuullisuusohjelma", "Responsibility programme for the extractive industry", "liitto", ("gtk",)),
]

# Planted gaps (listed in the README).
NO_INDICATOR, NO_OWNER, NO_BUDGET, NO_DATES, LATE_END = "T21", "T26", "T08", "T30", "T07"
STATUS_FIXED = {"T05": "completed", "T11": "completed", "T15": "cancelled"}
NO_SOURCE = ("T05", "T20", "T38")
FUNDING = {"FA1": ["EAKR", "JTF", "Business Finland", "kunnat", "yksityinen"],
           "FA2": ["EAKR", "Business Finland", "kunnat", "yksityinen", "Interreg Aurora"],
           "FA3": ["EAKR", "Business Finland", "Horisontti Eurooppa", "yksityinen", "Interreg Aurora"],
           "FA4": ["JTF", "EAKR", "valtion rahoitus", "yksityinen"]}


def _date(year: int, month: int, day: int = 1) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def build_actions(rng, reg, inputs, excluded: set[str]):
    indicators_by_fa: dict[str, list[str]] = {}
    for row in INDICATORS:
        indicators_by_fa.setdefault(row[7], []).append(row[0])
    partner_pool = [a for a in reg.actors if a.actor_id not in excluded and a.actor_type != "municipality"
                    and not a.location]
    rows = []
    for action_id, focus, title_fi, title_en, owner_key, fixed in ACTIONS:
        fas = focus.split(";")
        main = fas[0]
        if owner_key == "company":
            companies = [a for a in reg.companies() if a.actor_id not in excluded and main in a.focus
                         and a.size_class in ("medium", "large")]
            owner = rng.choice(companies).actor_id
        else:
            owner = reg[owner_key].actor_id if owner_key else ""
        partners = [reg[k].actor_id for k in fixed]
        close = [a for a in partner_pool if a.actor_id != owner and a.actor_id not in partners
                 and (set(a.focus) & set(fas) or a.actor_type != "company")]
        partners += [a.actor_id for a in rng.sample(close, rng.randint(1, 4))]
        start_year = rng.choice([2023, 2023, 2024, 2024, 2025])
        start_month = rng.choice([1, 3, 4, 6, 8, 9]) if start_year > 2023 else rng.choice([3, 4, 6, 8, 9])
        end_year = min(start_year + rng.randint(1, 4), 2027)
        start = _date(start_year, start_month)
        end = _date(end_year, 6, 30) if rng.random() < 0.4 else _date(end_year, 12, 31)
        if action_id == LATE_END:
            start, end = "2024-01-01", "2029-06-30"
        if action_id == NO_DATES:
            start = end = ""
        budget = rng.randrange(8, 300) * 5000 if main != "FA4" else rng.randrange(40, 900) * 5000
        if action_id == NO_BUDGET:
            budget = ""
        status = STATUS_FIXED.get(action_id) or ("ongoing" if start and start < "2024-01-01" else "planned")
        if status == "ongoing" and end and end <= "2024-12-31":
            status = "completed"
        if action_id == "T05":
            start, end = "2023-03-01", "2024-06-30"
        if action_id == "T11":
            start, end = "2023-04-01", "2024-12-31"
        funding = rng.sample(FUNDING[main], rng.randint(1, 3))
        matching = [i for i in inputs if set(i["focus_areas"].split(";")) & set(fas)
                    and i["activity_id"] != "H3"]
        matching.sort(key=lambda i: -(i["votes"] if isinstance(i["votes"], int) else 1))
        top = matching[:60]
        sources = [] if action_id in NO_SOURCE else sorted(i["input_id"] for i in rng.sample(top, rng.randint(1, 4)))
        indicator_ids = [] if action_id == NO_INDICATOR else sorted(
            rng.sample(indicators_by_fa[main], rng.randint(1, 2)))
        if any(reg.by_key.get(k) and reg[k].location for k in fixed):
            indicator_ids.append("M16")
        rows.append({"action_id": action_id, "title_fi": title_fi, "title_en": title_en, "focus_areas": focus,
                     "owner_actor_id": owner, "partner_actor_ids": ";".join(partners), "start": start,
                     "end": end, "budget_eur": budget, "funding": ";".join(funding), "status": status,
                     "source_input_ids": ";".join(sources), "indicators": ";".join(indicator_ids)})
    return rows
