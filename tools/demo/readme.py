"""README.md of the demo project (Finnish and English), with the planted imperfections' ids
computed from the generated tables."""

from __future__ import annotations

from collections import Counter

from . import clusters, plan, process, surveys, tool_exports

REAL_ORGS = [
    ("Lapin liitto", "Regional Council of Lapland"), ("Lapin ELY-keskus", "Lapland ELY Centre"),
    ("Metsähallitus", "Metsähallitus"), ("Lapin hyvinvointialue", "Wellbeing Services County of Lapland"),
    ("Lapin TE-toimisto", "Lapland TE Office"), ("Lapin aluehallintovirasto", "Regional State Administrative Agency for Lapland"),
    ("Lapin yliopisto", "University of Lapland"), ("Lapin ammattikorkeakoulu", "Lapland University of Applied Sciences"),
    ("Lapin koulutuskeskus REDU", "Lapland Education Centre REDU"), ("Luonnonvarakeskus (Luke)", "Natural Resources Institute Finland"),
    ("Geologian tutkimuskeskus GTK", "Geological Survey of Finland"), ("Ilmatieteen laitos", "Finnish Meteorological Institute"),
    ("Oulun yliopisto ja sen Sodankylän geofysiikan observatorio", "University of Oulu and its Sodankylä Geophysical Observatory"),
    ("Rovaniemen Kehitys Oy", "Rovaniemi development company"), ("Kemin Digipolis Oy", "Kemi Digipolis"),
    ("Tunturi-Lapin Kehitys ry", "Fell Lapland development association"), ("Itä-Lapin kuntayhtymä", "Eastern Lapland joint municipal authority"),
    ("Business Finland", "Business Finland"), ("Finnvera Oyj", "Finnvera"), ("Lapin Yrittäjät ry", "Lapland Entrepreneurs"),
    ("Lapin kauppakamari", "Lapland Chamber of Commerce"), ("Lapin Matkailuelinkeinon Liitto ry", "Lapland tourism industry association"),
    ("Lapin Kylät ry", "Lapland Villages association"), ("Luleå tekniska universitet", "Luleå University of Technology"),
    ("Teknologian tutkimuskeskus VTT Oy", "VTT Technical Research Centre of Finland"),
]


def _facts(tables, reg) -> dict:
    by_id = {a.actor_id: a for a in reg.actors}
    part = tables["participation"]
    took_part = {r["actor_id"] for r in part}
    never = [a for a in reg.actors if a.actor_id not in took_part]
    actions = tables["actions"]
    fa4 = [a for a in actions if "FA4" in a["focus_areas"].split(";")]
    fa4_inputs = [i for i in tables["inputs"] if "FA4" in i["focus_areas"].split(";")]
    fa4_company = [i["input_id"] for i in fa4_inputs if i["actor_id"] and by_id[i["actor_id"]].actor_type == "company"]
    used = {s for a in actions for s in a["source_input_ids"].split(";") if s}
    unused = [i["input_id"] for i in tables["inputs"] if i["input_id"] not in used]
    registry = Counter(a.size_class or a.actor_type for a in reg.actors)
    rows = Counter(by_id[r["actor_id"]].size_class or by_id[r["actor_id"]].actor_type for r in part)
    pct = lambda c, k: f"{100 * c[k] / sum(c.values()):.0f} %"  # noqa: E731
    return {
        "savukoski": [a for a in reg.actors if a.municipality == "Savukoski"],
        "never": never,
        "isolated": reg["isolated_company"],
        "fa4_owner": by_id[fa4[0]["owner_actor_id"]],
        "fa4_actions": [a["action_id"] for a in fa4],
        "fa4_inputs": len(fa4_inputs), "fa4_company": fa4_company,
        "unused": unused, "n_inputs": len(tables["inputs"]),
        "micro": (pct(registry, "micro"), pct(rows, "micro")),
        "public": (pct(registry, "public_agency"), pct(rows, "public_agency")),
        "owner_of": lambda k: reg[k],
    }


def _actor(a) -> str:
    return f"{a.actor_id} {a.name}"


def render(tables, reg) -> str:
    f = _facts(tables, reg)
    savukoski = ", ".join(_actor(a) for a in f["savukoski"])
    never = ", ".join(_actor(a) for a in f["never"])
    iso = _actor(f["isolated"])
    owner = _actor(f["fa4_owner"])
    fa4_actions = ", ".join(f["fa4_actions"])
    fa4_company = ", ".join(f["fa4_company"]) or "–"
    unused = ", ".join(f["unused"])
    small_s1 = ", ".join(f"{k} {v}" for k, v in surveys.TYPE_COUNTS["S1"].items() if v < 5)
    small_s2 = ", ".join(f"{k} {v}" for k, v in surveys.TYPE_COUNTS["S2"].items() if v < 5)
    orgs_fi = ", ".join(fi for fi, _ in REAL_ORGS)
    orgs_en = ", ".join(f"{fi} ({en})" if fi != en else fi for fi, en in REAL_ORGS)
    counts = "\n".join(f"| {name} | {len(rows)} |" for name, rows in tables.items())
    def by_status(status):
        return ", ".join(r["action_id"] for r in tables["actions"] if r["status"] == status)

    unmeasured = ", ".join(r[0] for r in plan.INDICATORS if r[0] not in plan.VALUES)
    cl4 = [a[0] for a in process.ACTIVITIES if "CL4" in a[6].split(";")]
    return f"""# Lapin S3-uudistus 2022–2023 – demoaineisto / demo project

## Suomeksi

Tämä kansio on Strategiatyökirjan **synteettinen demoprojekti**. Se jäljittelee Lapin
liiton älykkään erikoistumisen strategian (S3) uudistusta 2022–2023: työpajoja, kyselyjä,
innovaatiosprinttejä ja haastatteluja, niistä nousseita ideoita, toimeenpanosuunnitelman
toimenpiteitä, mittareita sekä Arctic Smartness -klustereiden arviointia.

**Kaikki yritykset, henkilöt, kyselyvastaukset ja luvut ovat keksittyjä.** Yritysten nimet
ja Y-tunnukset on arvottu (tunnukset ovat muodoltaan kelvollisia mutta alkavat numerolla 9,
jota ei ole annettu oikeille yrityksille); mahdollinen yhteneväisyys todellisen yrityksen
kanssa on sattumaa. Henkilöt ovat pseudonyymejä (P0001…), ja kyselyvientien nimet ja
sähköpostiosoitteet (example.fi / example.com) on keksitty.

Aineistossa esiintyy todellisia organisaatioita nimeltä: {orgs_fi} sekä Lapin 21 kuntaa.
Niiden osallistuminen, lausumat, roolit, klusterijäsenyydet ja luvut ovat keksittyjä.
Muut toimijat (esim. Tornionlaakson Yrityspalvelut Oy, Pohjois-Lapin Yrityskehitys Oy,
Tunturisäästöpankki Oy, Kemi-Tornion Teollisuusseura ry, Sallan Kylien Kehittämisyhdistys ry,
Napapiirin Energiaosuuskunta, Nellimin kylätoimikunta, Norrbottens Innovationskluster AB,
Arctic Circular Cluster Norway AS ja kaikki yritykset) ovat keksittyjä.

Painopistealueet: FA1 ”Kiertotalous kestävän kasvun perustana” ja FA2 ”Hyvinvointi- ja
elämyspalveluita luonnosta” ovat Lapin uudistetun S3-strategian todellisia painopisteitä.
**FA3 ”Arktiset testiympäristöt ja älykkäät ratkaisut” ja FA4 ”Kestävä energia ja
luonnonvarojen jalostus” ovat havainnollistavia, demoa varten keksittyjä nimiä** (sama
mainitaan niiden kuvauksissa). Klusterit CL1–CL5 ovat alkuperäiset Arctic Smartness
-klusterit; niiden koordinaattorit, jäsenet ja arviot ovat keksittyjä. Kriteerit K1–K8
ovat Lapin klustereille julkaistut kriteerit.

Aineisto tuotetaan komennolla `.venv/bin/python tools/make_demo.py` (siemen 2023; kaksi
ajoa tuottavat tavu tavulta samat tiedostot). Sama aineisto on Excel-muodossa kansiossa
`data/demo-lapland-xlsx/`. Tarkoituksella istutetut puutteet on lueteltu alla (englanniksi).

## In English

This folder is the **synthetic demo project** of the Strategy Workbook. It imitates the
Regional Council of Lapland's renewal of its smart specialisation strategy (S3) in
2022–2023: workshops, surveys, innovation sprints and interviews, the ideas they produced,
the implementation plan's actions, indicators, and an assessment of the Arctic Smartness
clusters.

**All companies, people, survey answers and numbers are invented.** Company names and
business IDs are random (the IDs are valid Y-tunnus numbers but start with 9, a series not
given to real companies); any resemblance to a real company is coincidental. People are
pseudonyms (P0001…); the names and e-mail addresses (example.fi / example.com) in the raw
survey exports are invented.

Real organisations appear by name: {orgs_en}, and Lapland's 21 municipalities. What they
do, say, own or score in this demo is invented. All other organisations (e.g. Tornionlaakson
Yrityspalvelut Oy, Pohjois-Lapin Yrityskehitys Oy, Tunturisäästöpankki Oy, Kemi-Tornion
Teollisuusseura ry, Sallan Kylien Kehittämisyhdistys ry, Napapiirin Energiaosuuskunta,
Nellimin kylätoimikunta, Norrbottens Innovationskluster AB, Arctic Circular Cluster Norway AS
and every company) are invented.

Focus areas: FA1 "Kiertotalous kestävän kasvun perustana / Circular economy as the basis of
sustainable growth" and FA2 "Hyvinvointi- ja elämyspalveluita luonnosta / Wellness and
experience economy services from nature" are real focus areas of the renewed Lapland S3.
**FA3 "Arctic testing environments and smart solutions" and FA4 "Sustainable energy and
refining of natural resources" are ILLUSTRATIVE names invented for the demo** (their
descriptions say so too). Clusters CL1–CL5 are the original Arctic Smartness clusters;
their coordinators, members and scores are invented. Criteria K1–K8 are the criteria
published for Lapland's clusters.

Rebuild with `.venv/bin/python tools/make_demo.py` (seed 2023; two runs give byte-identical
files). The same data as one Excel workbook: `data/demo-lapland-xlsx/`.

### Tables

| table | rows |
|---|---|
{counts}

Raw survey exports: `surveys/S1.csv` ({sum(surveys.TYPE_COUNTS['S1'].values())} respondents, closed 2022-10-31) and
`surveys/S2.csv` ({sum(surveys.TYPE_COUNTS['S2'].values())} respondents, closed 2023-05-15): UTF-8 with BOM, `;`
delimiter, with the personal columns "Nimi" and "Sähköposti" (dropped by the loader) and a
few open answers containing an e-mail address or phone number (masked by the loader).
Two more exports are `.xlsx` files as the survey tools write them, loaded with codebook rows
only (nothing in them was edited for the workbook): `surveys/S3.xlsx` ({sum(tool_exports.S3_TYPES.values())} respondents,
Webropol style: scale answers as labels with "En osaa sanoa", a multiple choice as one column
per option, organisation types and municipalities in the respondents' own words and spelling)
and `surveys/S4.xlsx` ({sum(tool_exports.S4_TYPES.values())} respondents, Microsoft Forms style: the ID, start and
completion time, e-mail, name and last-modified columns, a 7-point scale with "EOS", a multiple
choice joined with ";", 99 for "no answer" in a number question).

### Imperfections planted on purpose

1. **Savukoski is silent.** Its actors exist ({savukoski}) but none takes part in any
   activity; no survey respondent names Savukoski either.
2. **FA4 has a single owner.** All FA4 actions ({fa4_actions}) are owned by {owner};
   only {len(f['fa4_company'])} of the {f['fa4_inputs']} inputs tagged FA4 come from companies ({fa4_company}).
3. **Action gaps:** {plan.NO_INDICATOR} has no indicator; {plan.NO_OWNER} has no owner;
   {plan.NO_BUDGET} has no budget; {plan.NO_DATES} has no start or end date; {plan.LATE_END} ends
   2029-06-30, after the strategy period (2027-12-31). {", ".join(plan.NO_SOURCE)} trace to no input.
4. **Indicator gaps:** M07 has no baseline; M12 has no target. (M15, permit processing time,
   has a target below its baseline on purpose: lower is better.) {unmeasured} have
   no measured values.
5. **Actors that never took part** (the validator warns `never_took_part`): {never}.
6. **An isolated company:** {iso} is the only participant of interview H3 and takes part in
   nothing else, so it shares no activity with any RDI actor (higher education or research);
   it is in no cluster and no action. Its two inputs from H3 lead to no action.
7. **Skewed participation:** micro companies are {f['micro'][0]} of the registry but
   {f['micro'][1]} of participation rows; public agencies are {f['public'][0]} of the registry but
   {f['public'][1]} of participation rows.
8. **Groups below the minimum group size (5) in the surveys:** S1: {small_s1}; S2: {small_s2}
   (and several small municipalities).
9. **Inputs that led to no action:** {len(f['unused'])} of {f['n_inputs']} inputs: {unused}.
10. **Clusters:** CL4 (Arctic Safety and Security) co-organised only one activity ({", ".join(cl4)})
    and has no website (K7 = 0 in both rounds; its K3 also drops to 0 in round 2); CL5 has no
    evaluation recorded in round 2 (the CL5/K8 row of {clusters.ROUND_DATES[1]} is missing);
    CL2 improves between the rounds ({clusters.ROUND_DATES[0]} → {clusters.ROUND_DATES[1]}).
    Status: {by_status('cancelled')} cancelled; {by_status('completed')} completed.
"""
