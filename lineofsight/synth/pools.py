"""Pools of synthetic names, streets and postcodes, sampled with numpy.

Faker (en_GB, seeded) builds the pools once per process; rows then draw from them with the
council's numpy generator, which is fast and keeps the output a function of the seed.
A few name lists for families of other heritages are written out here, so a council's
children are not all given English names.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from faker import Faker

Strings = npt.NDArray[np.str_]

SOUTH_ASIAN_GIVEN_M = [
    "Mohammed",
    "Muhammad",
    "Ali",
    "Ayaan",
    "Zain",
    "Ibrahim",
    "Yusuf",
    "Hamza",
    "Aryan",
    "Arjun",
    "Rohan",
    "Dev",
    "Harjeet",
    "Gurpreet",
    "Sahil",
    "Imran",
    "Bilal",
    "Hassan",
    "Omar",
    "Rayan",
    "Faisal",
    "Kabir",
    "Ravi",
    "Amir",
    "Usman",
]
SOUTH_ASIAN_GIVEN_F = [
    "Aisha",
    "Fatima",
    "Maryam",
    "Zara",
    "Amira",
    "Hafsa",
    "Inaya",
    "Noor",
    "Priya",
    "Anaya",
    "Simran",
    "Jasleen",
    "Sana",
    "Ayesha",
    "Khadija",
    "Safa",
    "Aleena",
    "Riya",
    "Isha",
    "Mehreen",
    "Hina",
    "Zainab",
    "Sumaya",
    "Alisha",
    "Nadia",
]
SOUTH_ASIAN_FAMILY = [
    "Khan",
    "Ahmed",
    "Hussain",
    "Ali",
    "Begum",
    "Akhtar",
    "Iqbal",
    "Rahman",
    "Miah",
    "Islam",
    "Patel",
    "Singh",
    "Kaur",
    "Sharma",
    "Gill",
    "Sandhu",
    "Mahmood",
    "Shah",
    "Bibi",
    "Chaudhry",
    "Malik",
    "Uddin",
    "Choudhury",
    "Sidhu",
    "Bains",
]
AFRICAN_GIVEN_M = [
    "Kwame",
    "Kofi",
    "Chidi",
    "Emeka",
    "Tunde",
    "David",
    "Samuel",
    "Daniel",
    "Joshua",
    "Elijah",
    "Tobi",
    "Femi",
    "Abdi",
    "Mohamed",
    "Ahmed",
    "Yonas",
    "Dawit",
    "Tariq",
    "Malachi",
    "Jayden",
    "Isaac",
    "Nathaniel",
    "Ezra",
    "Caleb",
    "Micah",
]
AFRICAN_GIVEN_F = [
    "Amara",
    "Ama",
    "Chioma",
    "Adaeze",
    "Blessing",
    "Grace",
    "Esther",
    "Favour",
    "Precious",
    "Mercy",
    "Ruth",
    "Hodan",
    "Fartun",
    "Ifeoma",
    "Zainab",
    "Nia",
    "Kemi",
    "Ada",
    "Imani",
    "Abigail",
    "Deborah",
    "Faith",
    "Hope",
    "Ayan",
    "Sumaya",
]
AFRICAN_CARIBBEAN_FAMILY = [
    "Okafor",
    "Adeyemi",
    "Mensah",
    "Osei",
    "Boateng",
    "Mohamed",
    "Abdi",
    "Hassan",
    "Okonkwo",
    "Eze",
    "Nwosu",
    "Campbell",
    "Brown",
    "Williams",
    "Johnson",
    "Thomas",
    "Francis",
    "Clarke",
    "Morgan",
    "Grant",
    "Bailey",
    "Richards",
    "Reid",
    "Okoro",
]
EAST_EUROPEAN_GIVEN_M = [
    "Jakub",
    "Kacper",
    "Szymon",
    "Filip",
    "Mateusz",
    "Oliwer",
    "Antoni",
    "Luka",
    "Andrei",
    "Mihai",
    "Ionut",
    "Tomas",
    "Lukas",
    "Marek",
    "Dawid",
    "Bartosz",
    "Aleksander",
    "Nikola",
    "Darius",
    "Vlad",
]
EAST_EUROPEAN_GIVEN_F = [
    "Zuzanna",
    "Julia",
    "Maja",
    "Lena",
    "Hanna",
    "Oliwia",
    "Amelia",
    "Alicja",
    "Ioana",
    "Maria",
    "Elena",
    "Andreea",
    "Natalia",
    "Wiktoria",
    "Karolina",
    "Ema",
    "Sofia",
    "Gabriela",
    "Patricia",
    "Daria",
]
EAST_EUROPEAN_FAMILY = [
    "Nowak",
    "Kowalski",
    "Wisniewski",
    "Wojcik",
    "Kaminski",
    "Lewandowski",
    "Popescu",
    "Ionescu",
    "Stan",
    "Dumitru",
    "Horvath",
    "Novak",
    "Kovacs",
    "Petrov",
    "Ivanov",
    "Balogh",
    "Lakatos",
    "Zielinski",
    "Szabo",
    "Dvorak",
]
ROMA_TRAVELLER_FAMILY = [
    "Smith",
    "Lee",
    "Price",
    "Doherty",
    "McDonagh",
    "Ward",
    "Connors",
    "Lovell",
    "Boswell",
    "Joyce",
]
CHINESE_GIVEN = [
    "Wei",
    "Jun",
    "Hao",
    "Yu",
    "Chen",
    "Li",
    "Ming",
    "Xin",
    "Yan",
    "Jia",
    "Lin",
    "Hui",
    "Mei",
    "Ying",
    "Zhi",
    "Hong",
]
CHINESE_FAMILY = [
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Chen",
    "Yang",
    "Huang",
    "Zhao",
    "Wu",
    "Zhou",
    "Chan",
    "Wong",
    "Lam",
    "Cheung",
]

# Heritage groups used for names, by DfE ethnicity code.
HERITAGE = {
    "WBRI": 0,
    "WIRI": 0,
    "WIRT": 4,
    "WROM": 4,
    "WOTH": 3,
    "MWBC": 0,
    "MWBA": 0,
    "MWAS": 0,
    "MOTH": 0,
    "AIND": 1,
    "APKN": 1,
    "ABAN": 1,
    "AOTH": 1,
    "BCRB": 2,
    "BAFR": 2,
    "BOTH": 2,
    "CHNE": 5,
    "OOTH": 2,
    "REFU": 0,
    "NOBT": 0,
}


@dataclass(frozen=True)
class Pools:
    given_m: tuple[Strings, ...]  # by heritage group
    given_f: tuple[Strings, ...]
    family: tuple[Strings, ...]
    streets: Strings


@lru_cache(maxsize=1)
def pools() -> Pools:
    fake = Faker("en_GB")
    fake.seed_instance(20170331)
    english_m = np.array(sorted({fake.first_name_male() for _ in range(900)}))
    english_f = np.array(sorted({fake.first_name_female() for _ in range(900)}))
    english_family = np.array(sorted({fake.last_name() for _ in range(1500)}))
    streets = np.array([fake.street_address().replace("\n", ", ") for _ in range(3000)])

    def arr(words: list[str]) -> Strings:
        return np.array(words)

    return Pools(
        given_m=(
            english_m,
            arr(SOUTH_ASIAN_GIVEN_M),
            arr(AFRICAN_GIVEN_M),
            arr(EAST_EUROPEAN_GIVEN_M),
            english_m,
            arr(CHINESE_GIVEN),
        ),
        given_f=(
            english_f,
            arr(SOUTH_ASIAN_GIVEN_F),
            arr(AFRICAN_GIVEN_F),
            arr(EAST_EUROPEAN_GIVEN_F),
            english_f,
            arr(CHINESE_GIVEN),
        ),
        family=(
            english_family,
            arr(SOUTH_ASIAN_FAMILY),
            arr(AFRICAN_CARIBBEAN_FAMILY),
            arr(EAST_EUROPEAN_FAMILY),
            arr(ROMA_TRAVELLER_FAMILY),
            arr(CHINESE_FAMILY),
        ),
        streets=streets,
    )


def draw(rng: np.random.Generator, pool: Strings, count: int) -> Strings:
    return pool[rng.integers(0, len(pool), count)]


def names(
    rng: np.random.Generator, heritage: npt.NDArray[np.int64], female: npt.NDArray[np.bool_]
) -> tuple[Strings, Strings]:
    """(given, family) names by heritage group and sex."""
    p = pools()
    count = len(heritage)
    given = np.empty(count, dtype=object)
    family = np.empty(count, dtype=object)
    for group in range(len(p.family)):
        rows = heritage == group
        if not rows.any():
            continue
        for is_female, table in ((True, p.given_f[group]), (False, p.given_m[group])):
            sel = rows & (female == is_female)
            given[sel] = draw(rng, table, int(sel.sum()))
        family[rows] = draw(rng, p.family[group], int(rows.sum()))
    return given.astype(str), family.astype(str)


POSTCODE_AREAS = [
    "AL",
    "B",
    "BA",
    "BB",
    "BD",
    "BH",
    "BL",
    "BN",
    "BR",
    "BS",
    "CA",
    "CB",
    "CM",
    "CO",
    "CR",
    "CT",
    "CV",
    "CW",
    "DA",
    "DE",
    "DH",
    "DL",
    "DN",
    "DT",
    "DY",
    "E",
    "EN",
    "EX",
    "FY",
    "GL",
    "GU",
    "HA",
    "HD",
    "HG",
    "HP",
    "HR",
    "HU",
    "HX",
    "IG",
    "IP",
    "KT",
    "L",
    "LA",
    "LE",
    "LN",
    "LS",
    "LU",
    "M",
    "ME",
    "MK",
    "N",
    "NE",
    "NG",
    "NN",
    "NR",
    "NW",
    "OL",
    "OX",
    "PE",
    "PL",
    "PO",
    "PR",
    "RG",
    "RH",
    "RM",
    "S",
    "SE",
    "SG",
    "SK",
    "SL",
    "SM",
    "SN",
    "SO",
    "SP",
    "SR",
    "SS",
    "ST",
    "SW",
    "TA",
    "TF",
    "TN",
    "TQ",
    "TR",
    "TS",
    "TW",
    "UB",
    "W",
    "WA",
    "WD",
    "WF",
    "WN",
    "WR",
    "WS",
    "WV",
    "YO",
]
INWARD_LETTERS = np.array(list("ABDEFGHJLNPQRSTUWXYZ"))


def postcodes(
    rng: np.random.Generator, area: str | Strings, count: int, districts: int = 12
) -> Strings:
    """Postcodes in the right format (e.g. 'WS2 8QJ') within one postcode area."""
    district = rng.integers(1, districts + 1, count).astype(str)
    sector = rng.integers(1, 10, count).astype(str)
    unit = np.char.add(draw(rng, INWARD_LETTERS, count), draw(rng, INWARD_LETTERS, count))
    outward = np.char.add(area, district)
    return np.char.add(np.char.add(outward, " "), np.char.add(sector, unit))


def area_for(la_number: str) -> str:
    """A postcode area for the council (synthetic: stable, not geographic)."""
    return POSTCODE_AREAS[int(la_number) * 7 % len(POSTCODE_AREAS)]


def addresses(
    rng: np.random.Generator, town: str, area: str, count: int
) -> tuple[Strings, Strings]:
    """(address line, postcode) pairs; the town is the council's name."""
    p = pools()
    street = draw(rng, p.streets, count)
    town_name = town.split(",")[0].replace(" (Pre LG)", "")
    address = np.char.add(np.char.add(street.astype(str), ", "), town_name)
    return address, postcodes(rng, area, count)
