"""Name pools for the synthetic Lapland demo: people, companies, municipalities, sectors.

Everything here is invented except the municipality names and their official forms.
"""

from __future__ import annotations

# Municipality -> (name of its own organisation, relative weight for invented companies).
MUNICIPALITY_ORGS: dict[str, tuple[str, int]] = {
    "Enontekiö": ("Enontekiön kunta", 2),
    "Inari": ("Inarin kunta", 6),
    "Kemi": ("Kemin kaupunki", 10),
    "Kemijärvi": ("Kemijärven kaupunki", 5),
    "Keminmaa": ("Keminmaan kunta", 4),
    "Kittilä": ("Kittilän kunta", 6),
    "Kolari": ("Kolarin kunta", 3),
    "Muonio": ("Muonion kunta", 2),
    "Pelkosenniemi": ("Pelkosenniemen kunta", 1),
    "Pello": ("Pellon kunta", 2),
    "Posio": ("Posion kunta", 2),
    "Ranua": ("Ranuan kunta", 2),
    "Rovaniemi": ("Rovaniemen kaupunki", 30),
    "Salla": ("Sallan kunta", 2),
    "Savukoski": ("Savukosken kunta", 1),
    "Simo": ("Simon kunta", 2),
    "Sodankylä": ("Sodankylän kunta", 4),
    "Tervola": ("Tervolan kunta", 2),
    "Tornio": ("Tornion kaupunki", 12),
    "Utsjoki": ("Utsjoen kunta", 1),
    "Ylitornio": ("Ylitornion kunta", 2),
}

FIRST_NAMES = [
    "Aino", "Anni", "Anna", "Elina", "Emma", "Hanna", "Heidi", "Iida", "Jenni", "Johanna",
    "Kaisa", "Katja", "Laura", "Leena", "Liisa", "Maria", "Marjo", "Minna", "Noora", "Outi",
    "Paula", "Riikka", "Sanna", "Satu", "Tiina", "Tuija", "Ulla", "Venla", "Aleksi", "Antti",
    "Eero", "Heikki", "Ilkka", "Janne", "Jari", "Juha", "Jukka", "Kalle", "Lauri", "Markku",
    "Matti", "Mikko", "Niko", "Olli", "Pasi", "Pekka", "Petri", "Risto", "Sami", "Teemu",
    "Timo", "Tuomas", "Ville", "Aslak", "Ánde", "Inga", "Niillas", "Sámmol",
]

LAST_NAMES = [
    "Aikio", "Alatalo", "Hannula", "Heikkilä", "Hietala", "Hirvonen", "Jääskeläinen", "Kallio",
    "Karjalainen", "Keskitalo", "Kangas", "Koivisto", "Korhonen", "Kumpula", "Lampela",
    "Lehtola", "Leinonen", "Länsman", "Mäkelä", "Mattila", "Niemelä", "Nieminen", "Ojala",
    "Palo", "Peltola", "Pietikäinen", "Rauhala", "Saari", "Salmela", "Sammallahti", "Sarajärvi",
    "Suopajärvi", "Tapio", "Tervo", "Turunen", "Valkonen", "Vanhala", "Virtanen", "Väisänen",
    "Ylitalo", "Äijälä",
]

# Sector -> (focus areas it is close to, clusters it is close to, words for company names).
SECTORS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "Matkailu ja majoitus": (("FA2",), ("CL2", "CL3"), ("Lodge", "Majoitus", "Matkailu", "Lomakylä", "Travel")),
    "Ohjelmapalvelut ja safarit": (("FA2",), ("CL3",), ("Safaris", "Elämykset", "Adventures", "Huskies", "Retket")),
    "Hyvinvointi- ja luontopalvelut": (("FA2",), ("CL2", "CL3"), ("Wellness", "Hyvinvointi", "Luontopalvelut", "Sauna")),
    "Muotoilu ja luovat alat": (("FA2", "FA3"), ("CL3",), ("Design", "Studio", "Media", "Muotoilu")),
    "Arktiset luonnontuotteet ja elintarvikkeet": (("FA2", "FA1"), ("CL2",), ("Marja", "Herkut", "Foods", "Luonnontuote")),
    "Metalliteollisuus": (("FA1", "FA4"), ("CL1",), ("Konepaja", "Metalli", "Steel", "Teräs")),
    "Kaivannaisala": (("FA4",), ("CL1",), ("Minerals", "Kaivospalvelut", "Malmi", "Mining")),
    "Puunjalostus ja biotalous": (("FA1", "FA4"), ("CL1", "CL2"), ("Puu", "Sahat", "Bio", "Hirsitalot")),
    "Kierrätys ja jätehuolto": (("FA1",), ("CL1",), ("Kierrätys", "Recycling", "Ympäristöpalvelut")),
    "Energia": (("FA4",), ("CL1", "CL5"), ("Energia", "Lämpö", "Tuulivoima", "Power")),
    "Rakentaminen": (("FA1",), ("CL1",), ("Rakennus", "Rakennuspalvelut", "Talotekniikka")),
    "ICT ja data": (("FA3",), ("CL5", "CL4"), ("Data", "Digital", "Solutions", "Systems", "Analytics")),
    "Ajoneuvo- ja kylmätestaus": (("FA3",), ("CL5",), ("Test Center", "Testing", "Testirata", "Proving Ground")),
    "Turvallisuus ja pelastus": (("FA3",), ("CL4",), ("Turva", "Safety", "Security", "Pelastuspalvelut")),
    "Logistiikka ja kuljetus": (("FA1", "FA4"), ("CL1",), ("Logistiikka", "Kuljetus", "Rahti", "Logistics")),
}

# First words of invented company names (places and nature words of Lapland).
NAME_STEMS = [
    "Aapa", "Arktis", "Aurora", "Jänkä", "Jäkälä", "Kaamos", "Kelo", "Kero", "Kide", "Koivu",
    "Kota", "Kuukkeli", "Lumi", "Lumikki", "Napa", "Nietos", "Ounas", "Pahta", "Pallas", "Pihlaja",
    "Polar", "Poro", "Revontuli", "Riekko", "Routa", "Ruska", "Saana", "Suvanto", "Tenho", "Tunturi",
    "Tähti", "Uuras", "Vaara", "Varpu", "Vuoma", "Yöttö", "Kemijoki", "Ylläs", "Aavasaksa", "Porkka",
    "Kuura", "Hanki", "Kirnu", "Kallas", "Louhi", "Akka", "Ahma", "Kontio", "Siika", "Taiga",
]

COMPANY_FORMS = ["Oy", "Oy", "Oy", "Oy", "Ky", "Oy Ab"]


def ascii_fold(text: str) -> str:
    """Lower-case ASCII form of a name for an e-mail address."""
    table = str.maketrans({"ä": "a", "ö": "o", "å": "a", "á": "a", "Á": "a", "Ä": "a", "Ö": "o"})
    return text.translate(table).lower().replace(" ", "")


def person_name(rng) -> tuple[str, str]:
    """An invented Finnish (or Sámi-sounding) first and last name."""
    return rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)


def ytunnus_check(base: str) -> int | None:
    """Check digit of a 7-digit Y-tunnus base, or None when the base has none (remainder 1)."""
    weights = (7, 9, 10, 5, 8, 4, 2)
    remainder = sum(int(d) * w for d, w in zip(base, weights)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


def business_id(rng, used: set[str]) -> str:
    """A new valid, unused Y-tunnus NNNNNNN-C."""
    while True:
        base = f"{rng.randrange(9_000_000, 10_000_000):07d}"
        check = ytunnus_check(base)
        if check is None:
            continue
        value = f"{base}-{check}"
        if value not in used:
            used.add(value)
            return value
