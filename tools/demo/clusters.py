"""Arctic Smartness clusters, their members, the published criteria and two assessment rounds."""

from __future__ import annotations

# cluster_id, name, focus areas, coordinator key, members wanted, company share wanted
CLUSTERS = [
    ("CL1", "Arctic Industry and Circular Economy", "FA1;FA4", "digipolis", 38, 0.70),
    ("CL2", "Arctic Smart Rural Community", "FA2;FA1", "amk", 26, 0.30),
    ("CL3", "Arctic Design", "FA2;FA3", "uni", 22, 0.55),
    ("CL4", "Arctic Safety and Security", "FA3", "amk", 11, 0.40),
    ("CL5", "Arctic Development Environments", "FA3;FA4", "kehitys_rovaniemi", 18, 0.50),
]

# Actors that must stay outside every cluster (planted imperfections rely on it).
NO_CLUSTER_KEYS = ("isolated_company", "savukoski_company", "idle_company")


def assign_members(rng, reg) -> list[dict[str, str]]:
    """Fill each actor's ``clusters`` and return the rows of the clusters table."""
    excluded = {reg[k].actor_id for k in NO_CLUSTER_KEYS}
    rows = []
    for cluster_id, name, focus, coordinator_key, size, share in CLUSTERS:
        coordinator = reg[coordinator_key]
        members = [coordinator]
        n_companies = round(size * share)
        close = [a for a in reg.companies() if cluster_id in a.cluster_affinity and a.actor_id not in excluded]
        other = [a for a in reg.companies() if cluster_id not in a.cluster_affinity and a.actor_id not in excluded]
        rng.shuffle(close)
        rng.shuffle(other)
        companies = (close + other)[:n_companies]
        members += companies
        public = [a for a in reg.actors if a.actor_type not in ("company",) and a is not coordinator
                  and a.municipality != "Savukoski" and not a.location]
        rng.shuffle(public)
        members += public[: size - len(members)]
        for actor in members:
            if cluster_id not in actor.clusters:
                actor.clusters.append(cluster_id)
        rows.append({"cluster_id": cluster_id, "name": name, "focus_areas": focus,
                     "coordinator_actor_id": coordinator.actor_id})
    # International members (Luleå and the Norwegian cluster sit in the industry cluster).
    for key in ("ltu", "nocluster"):
        reg[key].clusters.append("CL1")
    return rows


CRITERIA = [
    ("K1", "Todennettava yritysten sitoutuminen", "Verifiable company involvement",
     "Yritysten sitoutuminen on todennettavissa, esimerkiksi kumppanuussopimuksin.",
     "Company involvement can be verified, e.g. by partnership agreements.", "count", "recorded", 5),
    ("K2", "Nimetty johtaja", "Appointed director",
     "Klusterilla on nimetty johtaja tai vetäjä.", "The cluster has an appointed director.",
     "yes_no", "recorded", 1),
    ("K3", "Strategia ja toteutussuunnitelma", "Strategy and execution plan",
     "Klusterilla on kirjattu strategia ja toteutussuunnitelma.",
     "The cluster has a written strategy and an execution plan.", "yes_no", "recorded", 1),
    ("K4", "Vähintään kaksi jäsentilaisuutta vuodessa", "At least two member activities a year",
     "Klusteri järjestää jäsenilleen vähintään kaksi tilaisuutta vuodessa.",
     "The cluster organises at least two activities a year for its members.",
     "count", "member_activities_per_year", 2),
    ("K5", "Liiketoimintalähtöinen johtaminen", "Business-driven management",
     "Klusterin johtamisessa huomioidaan yritysten tarpeet.",
     "The cluster's management takes business needs into account.", "yes_no", "recorded", 1),
    ("K6", "Säännöllinen vuoropuhelu toimijoiden kesken", "Regular dialogue among actors",
     "Toimijat, erityisesti yritykset, käyvät säännöllistä vuoropuhelua; mittarina osallistuneiden "
     "yritysjäsenten osuus.",
     "Regular dialogue among actors, especially companies; measured as the share of company members "
     "who took part.", "share", "company_participation", 0.3),
    ("K7", "Oma verkkosivusto ja selkeä tarjooma", "Own website and a clear offer",
     "Klusterilla on oma verkkosivusto ja selkeästi kuvattu palvelutarjooma.",
     "The cluster has its own website and a clearly described offer.", "yes_no", "recorded", 1),
    ("K8", "Säännöllinen arviointi", "Regular evaluation",
     "Klusterin toimintaa arvioidaan säännöllisesti.", "The cluster's activity is evaluated regularly.",
     "yes_no", "recorded", 1),
]


def criteria_rows() -> list[dict[str, object]]:
    keys = ["criterion_id", "name_fi", "name_en", "description_fi", "description_en", "measure",
            "evidence", "threshold"]
    return [dict(zip(keys, c)) for c in CRITERIA]


ROUND_DATES = ("2022-05-31", "2023-04-30")

# (cluster, criterion) -> (round 1 value, round 2 value); None = no row recorded in that round.
VALUES = {
    "CL1": {"K1": (9, 12), "K2": (1, 1), "K3": (1, 1), "K5": (1, 1), "K7": (1, 1), "K8": (1, 1)},
    # CL2 improves between the rounds.
    "CL2": {"K1": (2, 7), "K2": (0, 1), "K3": (0, 1), "K5": (0, 1), "K7": (1, 1), "K8": (0, 1)},
    "CL3": {"K1": (6, 8), "K2": (1, 1), "K3": (1, 1), "K5": (1, 1), "K7": (1, 1), "K8": (1, 1)},
    # CL4 has no website in either round.
    "CL4": {"K1": (3, 4), "K2": (1, 1), "K3": (1, 0), "K5": (0, 0), "K7": (0, 0), "K8": (1, 1)},
    # CL5: no evaluation recorded in round 2 (the row is missing).
    "CL5": {"K1": (5, 6), "K2": (1, 1), "K3": (1, 1), "K5": (1, 1), "K7": (1, 1), "K8": (1, None)},
}

EVIDENCE = {
    "K1": "{v} voimassa olevaa kumppanuussopimusta yritysten kanssa (klusterin jäsenrekisteri).",
    "K2": {1: "Klusterijohtaja nimetty; nimitys kirjattu ohjausryhmän pöytäkirjaan.",
           0: "Johtajaa ei ole nimetty; tehtävää hoidetaan hankehenkilöstön voimin."},
    "K3": {1: "Strategia ja toteutussuunnitelma hyväksytty ohjausryhmässä.",
           0: "Strategia on luonnosvaiheessa; toteutussuunnitelmaa ei ole."},
    "K5": {1: "Ohjausryhmässä yritysten edustajien enemmistö; yritystarpeet kartoitettu kyselyllä.",
           0: "Ohjausryhmässä ei ole yritysedustusta."},
    "K7": {1: "Oma verkkosivusto ja palvelukuvaus julkaistu.",
           0: "Klusterilla ei ole omaa verkkosivustoa; tiedot vain hankkeen sivuilla."},
    "K8": {1: "Vuosiarviointi tehty ja raportoitu ohjausryhmälle.",
           0: "Toiminnan arviointia ei ole tehty."},
}


def assessment_rows() -> list[dict[str, object]]:
    rows = []
    for round_index, assessed_on in enumerate(ROUND_DATES):
        for cluster_id, scores in VALUES.items():
            for criterion_id, values in scores.items():
                value = values[round_index]
                if value is None:
                    continue
                template = EVIDENCE[criterion_id]
                text = template.format(v=value) if isinstance(template, str) else template[value]
                rows.append({"cluster_id": cluster_id, "criterion_id": criterion_id, "value": value,
                             "evidence": text, "assessed_on": assessed_on})
    return rows
