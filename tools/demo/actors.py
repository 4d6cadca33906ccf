"""Actors of the demo ecosystem: real public organisations, the 21 municipalities,
invented companies and a few partners outside the region."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import names

# key, name, actor_type, municipality, sector (real organisations of the region, and a few
# invented ones marked with a trailing "*" in the key list of the README).
NAMED = [
    ("liitto", "Lapin liitto", "public_agency", "Rovaniemi", "Aluekehitys"),
    ("ely", "Lapin ELY-keskus", "public_agency", "Rovaniemi", "Aluekehitys"),
    ("metsahallitus", "Metsähallitus, Lapin luontopalvelut", "public_agency", "Rovaniemi", "Luonnonvarat"),
    ("hyvinvointialue", "Lapin hyvinvointialue", "public_agency", "Rovaniemi", "Sosiaali- ja terveyspalvelut"),
    ("te", "Lapin TE-toimisto", "public_agency", "Rovaniemi", "Työllisyyspalvelut"),
    ("avi", "Lapin aluehallintovirasto", "public_agency", "Rovaniemi", "Viranomaispalvelut"),
    ("uni", "Lapin yliopisto", "higher_education", "Rovaniemi", "Korkeakoulutus"),
    ("amk", "Lapin ammattikorkeakoulu", "higher_education", "Rovaniemi", "Korkeakoulutus"),
    ("redu", "Lapin koulutuskeskus REDU", "other", "Rovaniemi", "Ammatillinen koulutus"),
    ("luke", "Luonnonvarakeskus (Luke)", "research", "Rovaniemi", "Tutkimus"),
    ("gtk", "Geologian tutkimuskeskus GTK", "research", "Rovaniemi", "Tutkimus"),
    ("fmi", "Ilmatieteen laitos, Arktinen avaruuskeskus", "research", "Sodankylä", "Tutkimus"),
    ("sgo", "Oulun yliopisto, Sodankylän geofysiikan observatorio", "research", "Sodankylä", "Tutkimus"),
    ("kehitys_rovaniemi", "Rovaniemen Kehitys Oy", "intermediary", "Rovaniemi", "Elinkeinopalvelut"),
    ("digipolis", "Kemin Digipolis Oy", "intermediary", "Kemi", "Elinkeinopalvelut"),
    ("tunturilappi", "Tunturi-Lapin Kehitys ry", "intermediary", "Kittilä", "Elinkeinopalvelut"),
    ("italappi", "Itä-Lapin kuntayhtymä", "intermediary", "Kemijärvi", "Elinkeinopalvelut"),
    ("tornionlaakso", "Tornionlaakson Yrityspalvelut Oy", "intermediary", "Ylitornio", "Elinkeinopalvelut"),
    ("pohjoislappi", "Pohjois-Lapin Yrityskehitys Oy", "intermediary", "Inari", "Elinkeinopalvelut"),
    ("bf", "Business Finland", "financier", "Rovaniemi", "Innovaatiorahoitus"),
    ("finnvera", "Finnvera Oyj", "financier", "Rovaniemi", "Yritysrahoitus"),
    ("bank", "Tunturisäästöpankki Oy", "financier", "Kemijärvi", "Pankkipalvelut"),
    ("yrittajat", "Lapin Yrittäjät ry", "association", "Rovaniemi", "Yrittäjäjärjestö"),
    ("kauppakamari", "Lapin kauppakamari", "association", "Rovaniemi", "Elinkeinoelämän järjestö"),
    ("lme", "Lapin Matkailuelinkeinon Liitto ry", "association", "Rovaniemi", "Matkailu"),
    ("teollisuusseura", "Kemi-Tornion Teollisuusseura ry", "association", "Tornio", "Teollisuus"),
    ("kylat", "Lapin Kylät ry", "association", "Rovaniemi", "Kylätoiminta"),
    ("kylayhdistys", "Sallan Kylien Kehittämisyhdistys ry", "association", "Salla", "Kylätoiminta"),
    ("osuuskunta", "Napapiirin Energiaosuuskunta", "other", "Rovaniemi", "Energia"),
    ("kylatoimikunta", "Nellimin kylätoimikunta", "other", "Inari", "Kylätoiminta"),
]

# key, name, actor_type, location, country, sector
OUTSIDE = [
    ("ltu", "Luleå tekniska universitet", "higher_education", "Luleå", "SE", "Korkeakoulutus"),
    ("rise", "Norrbottens Innovationskluster AB", "intermediary", "Luleå", "SE", "Elinkeinopalvelut"),
    ("nocluster", "Arctic Circular Cluster Norway AS", "intermediary", "Tromsø", "NO", "Kiertotalous"),
    ("oulu", "Oulun yliopisto", "higher_education", "Oulu", "FI", "Korkeakoulutus"),
    ("vtt", "Teknologian tutkimuskeskus VTT Oy", "research", "Espoo", "FI", "Tutkimus"),
]

SIZE_WEIGHTS = (("micro", 56), ("small", 30), ("medium", 13), ("large", 7))
PERSONS = {"micro": (1, 1), "small": (1, 2), "medium": (2, 3), "large": (3, 5),
           "public_agency": (4, 8), "higher_education": (6, 10), "research": (3, 5),
           "municipality": (1, 3), "intermediary": (2, 4), "financier": (1, 3),
           "association": (1, 3), "other": (1, 2)}


@dataclass
class Actor:
    actor_id: str
    name: str
    actor_type: str
    municipality: str = ""
    location: str = ""
    country: str = "FI"
    business_id: str = ""
    size_class: str = ""
    sector: str = ""
    clusters: list[str] = field(default_factory=list)
    key: str = ""
    persons: list[str] = field(default_factory=list)

    @property
    def focus(self) -> tuple[str, ...]:
        return names.SECTORS.get(self.sector, ((), (), ()))[0]

    @property
    def cluster_affinity(self) -> tuple[str, ...]:
        return names.SECTORS.get(self.sector, ((), (), ()))[1]

    def row(self) -> dict[str, str]:
        return {"actor_id": self.actor_id, "name": self.name, "actor_type": self.actor_type,
                "municipality": self.municipality, "location": self.location, "country": self.country,
                "business_id": self.business_id, "size_class": self.size_class, "sector": self.sector,
                "clusters": ";".join(sorted(self.clusters))}


class Registry:
    """All actors, in id order, with look-ups by key."""

    def __init__(self) -> None:
        self.actors: list[Actor] = []
        self.by_key: dict[str, Actor] = {}

    def add(self, actor: Actor) -> Actor:
        self.actors.append(actor)
        if actor.key:
            self.by_key[actor.key] = actor
        return actor

    def __getitem__(self, key: str) -> Actor:
        return self.by_key[key]

    def of_type(self, actor_type: str) -> list[Actor]:
        return [a for a in self.actors if a.actor_type == actor_type]

    def companies(self, size: str | None = None) -> list[Actor]:
        return [a for a in self.of_type("company") if size is None or a.size_class == size]


def _company_name(rng, sector: str, used: set[str]) -> str:
    words = names.SECTORS[sector][2]
    while True:
        stem = rng.choice(names.NAME_STEMS)
        name = f"{stem} {rng.choice(words)} {rng.choice(names.COMPANY_FORMS)}"
        if rng.random() < 0.15:
            name = f"{stem}{rng.choice(['kulma', 'palvelu', 'tuote'])} {rng.choice(names.COMPANY_FORMS)}"
        if name not in used:
            used.add(name)
            return name


def _weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    pick = rng.uniform(0, total)
    for value, weight in pairs:
        pick -= weight
        if pick <= 0:
            return value
    return pairs[-1][0]


def build_actors(rng, n_companies: int = 142) -> Registry:
    reg = Registry()
    counter = iter(range(1, 1000))

    def next_id() -> str:
        return f"A{next(counter):03d}"

    for key, name, kind, municipality, sector in NAMED:
        reg.add(Actor(next_id(), name, kind, municipality=municipality, sector=sector, key=key))
    for municipality, (org, _) in names.MUNICIPALITY_ORGS.items():
        reg.add(Actor(next_id(), org, "municipality", municipality=municipality,
                      sector="Kunnallishallinto", key=f"kunta_{municipality}"))
    used_names: set[str] = set()
    used_ids: set[str] = set()
    municipality_weights = [(m, w) for m, (_, w) in names.MUNICIPALITY_ORGS.items() if m != "Savukoski"]
    sectors = list(names.SECTORS)
    # Planted companies first, so that their ids are stable whatever the random draws are.
    planted = [
        ("savukoski_company", "Korvatunturin Poropiha Oy", "Savukoski", "micro",
         "Arktiset luonnontuotteet ja elintarvikkeet"),
        ("isolated_company", "Kolarin Kylmätestaus Oy", "Kolari", "medium", "Ajoneuvo- ja kylmätestaus"),
        ("idle_company", "Pellon Hirsikoti Oy", "Pello", "small", "Puunjalostus ja biotalous"),
    ]
    for key, name, municipality, size, sector in planted:
        used_names.add(name)
        reg.add(Actor(next_id(), name, "company", municipality=municipality, size_class=size, sector=sector,
                      business_id=names.business_id(rng, used_ids), key=key))
    for _ in range(n_companies - len(planted)):
        sector = rng.choice(sectors)
        size = _weighted(rng, SIZE_WEIGHTS)
        if sector in ("Kaivannaisala", "Metalliteollisuus", "Energia") and rng.random() < 0.4:
            size = rng.choice(["medium", "large"])
        municipality = _weighted(rng, municipality_weights)
        reg.add(Actor(next_id(), _company_name(rng, sector, used_names), "company", municipality=municipality,
                      size_class=size, sector=sector, business_id=names.business_id(rng, used_ids)))
    for key, name, kind, location, country, sector in OUTSIDE:
        reg.add(Actor(next_id(), name, kind, location=location, country=country, sector=sector, key=key))
    # Pseudonymous people of each organisation (P0001 ...), in actor order.
    person = iter(range(1, 10000))
    for actor in reg.actors:
        low, high = PERSONS[actor.size_class or actor.actor_type]
        actor.persons = [f"P{next(person):04d}" for _ in range(rng.randint(low, high))]
    return reg
