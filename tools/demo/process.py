"""The participatory process: activities, who took part, and the inputs raised."""

from __future__ import annotations

from workbook.regions import LAPLAND_SUB_REGIONS

from . import texts

# id, kind, title, date, municipality ("" = online), focus areas, clusters, organisations wanted
ACTIVITIES = [
    ("W01", "workshop", "Aloitustyöpaja: Lapin älykkään erikoistumisen strategian uudistus", "2022-03-15",
     "Rovaniemi", "FA1;FA2;FA3;FA4", "CL2;CL5", 52),
    ("W02", "workshop", "Kiertotalous ja teollisuuden sivuvirrat", "2022-04-20", "Kemi", "FA1;FA4", "CL1", 34),
    ("W03", "workshop", "Matkailun ympärivuotisuus ja elämyspalvelut", "2022-05-18", "", "FA2", "CL3;CL2", 34),
    ("H1", "interview", "Sidosryhmähaastattelut: korkeakoulut ja tutkimuslaitokset", "2022-06-08",
     "Rovaniemi", "FA1;FA3;FA4", "", 0),
    ("SP1", "sprint", "Innovaatiosprintti: Tunturi-Lapin matkailun datatalous", "2022-09-14", "Kittilä",
     "FA2;FA3", "CL3;CL5", 20),
    ("W04", "workshop", "Arktiset testiympäristöt ja turvallisuus", "2022-10-05", "Sodankylä", "FA3",
     "CL4;CL5", 24),
    ("S1", "survey", "Lapin S3-kysely yrityksille ja sidosryhmille (syksy 2022)", "2022-10-31", "",
     "FA1;FA2;FA3;FA4", "", 0),
    ("W05", "workshop", "Kemi-Tornion teollisuus ja energiamurros", "2022-11-16", "Tornio", "FA1;FA4",
     "CL1", 30),
    ("WB1", "webinar", "Webinaari: kiertotalouden ja vihreän siirtymän rahoitusmahdollisuudet", "2022-12-07",
     "", "FA1;FA4", "CL1", 58),
    ("W06", "workshop", "Pohjois-Lapin elinvoima ja vastuullinen matkailu", "2023-01-25", "Inari", "FA2",
     "CL2;CL3", 24),
    ("SP2", "sprint", "Innovaatiosprintti: kiertotalouden liiketoimintamallit", "2023-02-08", "Rovaniemi",
     "FA1", "CL1", 22),
    ("H2", "interview", "Yrityshaastattelut: kasvun esteet ja tarpeet", "2023-02-22", "", "FA1;FA2;FA4", "", 0),
    ("H3", "interview", "Yrityshaastattelu: kylmätestauksen näkymät", "2023-03-01", "Kolari", "FA3", "", 0),
    ("W07", "workshop", "Itä-Lapin biotalous ja energia", "2023-03-22", "Kemijärvi", "FA4;FA1", "CL1", 24),
    ("SP3", "sprint", "Innovaatiosprintti: muotoilu ja luontohyvinvointi", "2023-04-12", "Rovaniemi", "FA2",
     "CL3", 20),
    ("S2", "survey", "Toimeenpanosuunnitelman kommentointikysely (kevät 2023)", "2023-05-15", "",
     "FA1;FA2;FA3;FA4", "", 0),
    ("W08", "workshop", "Toimeenpanosuunnitelman viimeistely", "2023-05-31", "", "FA1;FA2;FA3;FA4",
     "CL1;CL2;CL5", 52),
]

# Outside-region partners join only these activities.
OUTSIDE_GUESTS = {"W04": ("ltu",), "W05": ("nocluster", "rise"), "SP2": ("ltu",), "W08": ("ltu", "oulu")}
# Actors that take part in nothing at all (planted) and the company interviewed alone in H3.
NEVER_KEYS = ("savukoski_company", "idle_company", "kylayhdistys", "vtt", "kunta_Savukoski")
ISOLATED_KEY = "isolated_company"

TYPE_WEIGHT = {"public_agency": 3.0, "higher_education": 3.0, "research": 1.4, "municipality": 1.0,
               "intermediary": 2.0, "financier": 0.7, "association": 1.4, "other": 0.5}
SIZE_WEIGHT = {"micro": 0.22, "small": 0.8, "medium": 1.4, "large": 2.0}
PERSON_CAP = {"public_agency": 3, "higher_education": 3, "research": 2, "large": 3, "medium": 2}

SUB_REGION = {m: sub for sub, members in LAPLAND_SUB_REGIONS.items() for m in members}


def activity_rows() -> list[dict[str, str]]:
    return [{"activity_id": a[0], "kind": a[1], "title": a[2], "date": a[3], "municipality": a[4],
             "focus_areas": a[5], "clusters": a[6]} for a in ACTIVITIES]


def _excluded(reg) -> set[str]:
    ids = {reg[k].actor_id for k in NEVER_KEYS} | {reg[ISOLATED_KEY].actor_id}
    ids |= {a.actor_id for a in reg.actors if a.municipality == "Savukoski"}
    ids |= {a.actor_id for a in reg.actors if a.location}  # outside actors: only as invited guests
    return ids


def _weight(actor, focus: set[str], municipality: str, clusters: set[str]) -> float:
    if actor.actor_type == "company":
        weight = SIZE_WEIGHT[actor.size_class]
        if focus & set(actor.focus):
            weight *= 2.5
    else:
        weight = TYPE_WEIGHT[actor.actor_type]
    if municipality and actor.municipality == municipality:
        weight *= 3.0
    elif municipality and SUB_REGION.get(actor.municipality) == SUB_REGION.get(municipality):
        weight *= 1.6
    if clusters & set(actor.clusters):
        weight *= 1.5
    return weight


def _sample(rng, pool, weights, n):
    pool, weights, chosen = list(pool), list(weights), []
    while pool and len(chosen) < n:
        pick = rng.uniform(0, sum(weights))
        for i, w in enumerate(weights):
            pick -= w
            if pick <= 0 or i == len(weights) - 1:
                chosen.append(pool.pop(i))
                weights.pop(i)
                break
    return chosen


class Participation:
    def __init__(self) -> None:
        self.rows: list[dict[str, str]] = []
        self.seen: set[tuple[str, str]] = set()

    def add(self, rng, activity_id: str, actor, role: str, persons: int | None = None) -> None:
        if persons is None:
            cap = PERSON_CAP.get(actor.size_class or actor.actor_type, 1)
            persons = rng.randint(1, min(cap, len(actor.persons)))
        fresh = [p for p in actor.persons if (activity_id, p) not in self.seen]
        for person in sorted(rng.sample(fresh, min(persons, len(fresh)))):
            self.seen.add((activity_id, person))
            self.rows.append({"activity_id": activity_id, "actor_id": actor.actor_id,
                              "participant_id": person, "role": role})

    def actors_in(self, activity_id: str) -> list[str]:
        return list(dict.fromkeys(r["actor_id"] for r in self.rows if r["activity_id"] == activity_id))


def build_participation(rng, reg) -> list[dict[str, str]]:
    part = Participation()
    excluded = _excluded(reg)
    liitto, amk = reg["liitto"], reg["amk"]
    for activity_id, kind, _title, _date, municipality, focus, clusters, wanted in ACTIVITIES:
        focus_set, cluster_set = set(focus.split(";")), set(filter(None, clusters.split(";")))
        if activity_id == "H3":  # one company, interviewed alone
            part.add(rng, "H3", reg[ISOLATED_KEY], "interviewee", persons=2)
            continue
        part.add(rng, activity_id, liitto, "organiser", persons=2 if kind != "survey" else 1)
        if kind == "survey":
            continue
        if activity_id == "H1":
            for key in ("uni", "amk", "luke", "gtk", "fmi", "sgo"):
                part.add(rng, activity_id, reg[key], "interviewee")
            continue
        if activity_id == "H2":
            companies = [a for a in reg.companies() if a.actor_id not in excluded]
            for actor in _sample(rng, companies, [SIZE_WEIGHT[a.size_class] for a in companies], 9):
                part.add(rng, activity_id, actor, "interviewee", persons=1)
            continue
        if kind in ("workshop", "sprint"):
            facilitator = amk if activity_id in ("W01", "W03", "SP1", "SP3", "W08") else reg["kehitys_rovaniemi"]
            part.add(rng, activity_id, facilitator, "facilitator", persons=1)
        if kind == "webinar":
            for key in ("bf", "finnvera", "ely"):
                part.add(rng, activity_id, reg[key], "speaker", persons=1)
        for key in OUTSIDE_GUESTS.get(activity_id, ()):
            part.add(rng, activity_id, reg[key], "speaker" if key == "ltu" else "participant", persons=1)
        present = set(part.actors_in(activity_id))
        pool = [a for a in reg.actors if a.actor_id not in excluded and a.actor_id not in present]
        weights = [_weight(a, focus_set, municipality, cluster_set) for a in pool]
        for actor in _sample(rng, pool, weights, wanted):
            part.add(rng, activity_id, actor, "participant")
    # Everybody else (but the planted absentees) joins at least one online event, once.
    present = {r["actor_id"] for r in part.rows}
    for actor in reg.actors:
        if actor.actor_id in present or actor.actor_id in excluded:
            continue
        part.add(rng, rng.choice(["WB1", "W03", "W08"]), actor, "participant", persons=1)
    order = {a[0]: i for i, a in enumerate(ACTIVITIES)}
    part.rows.sort(key=lambda r: (order[r["activity_id"]], r["actor_id"], r["participant_id"]))
    return part.rows


INPUTS_PER_ACTIVITY = {"W01": 22, "W02": 15, "W03": 16, "H1": 8, "SP1": 18, "W04": 12, "W05": 14, "WB1": 4,
                       "W06": 12, "SP2": 18, "H2": 12, "H3": 2, "W07": 12, "SP3": 16, "W08": 14}


def _area(rng, municipality: str) -> str:
    if municipality and rng.random() < 0.7:
        return texts.AREA_OF_SUBREGION[SUB_REGION[municipality]]
    return rng.choice(texts.AREAS)


def build_inputs(rng, reg, participation: list[dict[str, str]]) -> list[dict[str, object]]:
    by_id = {a.actor_id: a for a in reg.actors}
    rows, used = [], set()
    counter = iter(range(1, 1000))
    english_left = dict(texts.ENGLISH_IDEAS)
    for activity_id, kind, _title, _date, municipality, focus, _clusters, _ in ACTIVITIES:
        n = INPUTS_PER_ACTIVITY.get(activity_id, 0)
        present = list(dict.fromkeys(r["actor_id"] for r in participation if r["activity_id"] == activity_id
                                     and r["role"] in ("participant", "interviewee", "speaker")))
        fas = focus.split(";")
        for _ in range(n):
            fa = rng.choice(fas)
            if fa == "FA4" and activity_id == "H2" and rng.random() < 0.8:
                fa = rng.choice(["FA1", "FA2"])
            if kind == "interview":
                kind_of_input = "finding"
                pool = [t for t in texts.FINDINGS[fa] if (t, activity_id) not in used]
                text = rng.choice(pool or texts.FINDINGS[fa])
                used.add((text, activity_id))
                if activity_id == "H3":
                    text = ["Kylmätestauksen kysyntä kasvaa, mutta kansainvälinen myynti jää yrityksen omalle vastuulle.",
                            "Yritys ei tunne alueen korkeakoulujen testausosaamista eikä ole tehnyt niiden kanssa "
                            "yhteistyötä."][len([r for r in rows if r["activity_id"] == "H3"])]
            else:
                kind_of_input = rng.choice(["idea", "idea", "proposal"] if kind == "sprint"
                                           else ["idea", "idea", "proposal", "proposal", "finding"])
                if fa in english_left and rng.random() < 0.08:
                    text = english_left.pop(fa)
                else:
                    for _attempt in range(30):
                        text = rng.choice(texts.IDEAS[fa]).format(alue=_area(rng, municipality))
                        if text not in used:
                            break
                    else:
                        text = f"{text} (työryhmä {activity_id})"
                used.add(text)
            second = [f for f in fas if f != fa]
            focus_areas = [fa] + ([rng.choice(second)] if second and rng.random() < 0.2 else [])
            # FA4 ideas come mostly from the public side: companies rarely raised them.
            candidates = present
            if "FA4" in focus_areas:
                non_companies = [a for a in present if by_id[a].actor_type != "company"]
                if non_companies and rng.random() < 0.95:
                    candidates = non_companies
            actor_id = rng.choice(candidates) if candidates and rng.random() > 0.15 else ""
            if activity_id == "H3":
                actor_id = reg[ISOLATED_KEY].actor_id
            votes = ""
            if kind == "sprint":
                votes = int(rng.triangular(0, 28, 4))
            elif kind == "workshop":
                votes = int(rng.triangular(0, 12, 2))
            elif kind == "webinar":
                votes = rng.randint(0, 3)
            rows.append({"input_id": f"I{next(counter):03d}", "activity_id": activity_id, "actor_id": actor_id,
                         "kind": kind_of_input, "text": text, "focus_areas": ";".join(sorted(focus_areas)),
                         "votes": votes})
    return rows
