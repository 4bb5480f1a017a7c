"""Children: identity, characteristics, families (sharing names and addresses), disabilities."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from lineofsight.synth import pools
from lineofsight.synth.context import Children, Context
from lineofsight.synth.dates import (
    NA,
    YEAR,
    Bools,
    Days,
    Ints,
    date_series,
    frame,
    group_starts,
    or_none,
    same_as_previous,
)
from lineofsight.synth.frontdoor import FrontDoor
from lineofsight.synth.ids import keys as make_keys
from lineofsight.synth.ids import nhs_numbers, upns

ETHNICITIES = np.array(
    [
        "WBRI",
        "WIRI",
        "WIRT",
        "WOTH",
        "WROM",
        "MWBC",
        "MWBA",
        "MWAS",
        "MOTH",
        "AIND",
        "APKN",
        "ABAN",
        "AOTH",
        "BCRB",
        "BAFR",
        "BOTH",
        "CHNE",
        "OOTH",
        "REFU",
        "NOBT",
    ]
)
# Shares (per cent) of children in need by ethnicity, roughly as the CIN census shows by region.
_REGIONAL = {
    "London": [24, 1, 0.3, 11, 1, 5, 3, 2.5, 6, 3, 3, 5, 4, 6, 12, 5, 0.5, 6, 0.5, 1.2],
    "West Midlands": [
        62,
        0.5,
        0.3,
        4,
        0.6,
        6,
        1,
        2.5,
        3,
        3,
        7,
        2,
        2,
        2,
        3,
        1.3,
        0.2,
        1.5,
        0.3,
        0.8,
    ],
    "Yorkshire and The Humber": [
        72,
        0.3,
        0.4,
        4,
        1,
        3,
        0.8,
        3,
        2.5,
        0.8,
        7,
        0.6,
        1,
        0.5,
        1.5,
        0.7,
        0.2,
        1.2,
        0.3,
        0.7,
    ],
    "North West": [
        78,
        0.5,
        0.3,
        3.5,
        0.5,
        2,
        1,
        2.5,
        2.5,
        0.7,
        3,
        1,
        1,
        0.5,
        2,
        0.8,
        0.3,
        1.2,
        0.3,
        0.6,
    ],
    "East Midlands": [
        71,
        0.4,
        0.3,
        5,
        0.6,
        4,
        1,
        2.5,
        3,
        4,
        1.5,
        0.5,
        1.5,
        1,
        2,
        0.8,
        0.2,
        1.2,
        0.3,
        0.7,
    ],
    "East of England": [
        74,
        0.5,
        0.5,
        6,
        0.6,
        3,
        1,
        2,
        3,
        0.8,
        1.2,
        0.8,
        1,
        1,
        2.5,
        0.8,
        0.3,
        1,
        0.3,
        0.7,
    ],
    "South East": [
        77,
        0.4,
        0.5,
        5.5,
        0.6,
        2,
        1,
        2,
        3,
        0.8,
        1.5,
        0.5,
        1,
        0.6,
        2,
        0.6,
        0.3,
        1.2,
        0.3,
        0.7,
    ],
    "South West": [
        86,
        0.3,
        0.3,
        3.5,
        0.4,
        1.5,
        0.6,
        1.2,
        2,
        0.3,
        0.2,
        0.2,
        0.5,
        0.3,
        0.8,
        0.3,
        0.2,
        0.6,
        0.3,
        0.5,
    ],
    "North East": [
        88,
        0.2,
        0.3,
        2.5,
        0.3,
        0.8,
        0.5,
        1.2,
        1.5,
        0.3,
        0.8,
        0.5,
        0.5,
        0.2,
        1,
        0.3,
        0.2,
        0.6,
        0.2,
        0.5,
    ],
}
UASC_ETHNICITY = {"OOTH": 0.35, "BAFR": 0.28, "AOTH": 0.22, "WOTH": 0.05, "BOTH": 0.10}
LANGUAGES = {
    0: (["English"], [1.0]),
    1: (["English", "Urdu", "Punjabi", "Bengali", "Gujarati"], [0.55, 0.15, 0.14, 0.1, 0.06]),
    2: (["English", "Somali", "Arabic", "Tigrinya", "Yoruba"], [0.6, 0.12, 0.1, 0.1, 0.08]),
    3: (["English", "Polish", "Romanian", "Lithuanian", "Slovak"], [0.35, 0.3, 0.2, 0.1, 0.05]),
    4: (["English"], [1.0]),
    5: (["English", "Cantonese", "Mandarin"], [0.5, 0.25, 0.25]),
}
UASC_LANGUAGES = (
    ["Arabic", "Pashto", "Tigrinya", "Kurdish", "Dari", "Farsi", "Albanian", "Vietnamese"],
    [0.18, 0.17, 0.17, 0.14, 0.1, 0.1, 0.08, 0.06],
)
RELIGIONS = np.array(["Christian", "Muslim", "Sikh", "Hindu", "No religion", "Other"])
DISABILITIES = np.array(
    ["AUT", "LD", "COMM", "BEH", "MOB", "HAND", "PC", "INC", "HEAR", "VIS", "CON", "DDA"]
)
DISABILITY_P = np.array([0.26, 0.2, 0.14, 0.12, 0.06, 0.03, 0.04, 0.03, 0.03, 0.03, 0.02, 0.04])


@dataclass
class Families:
    family: Ints  # family id per child
    heritage: Ints
    ethnicity: np.ndarray
    family_name: np.ndarray
    address: np.ndarray
    postcode: np.ndarray


def build_children(ctx: Context, fd: FrontDoor) -> Children:
    """The Children arrays (dates and flags); the frames come from `child_frames`."""
    rng = ctx.rng("people")
    sk = ctx.skeleton
    n_sk = len(sk.dob)
    n_new = len(fd.new_child_dob)
    dob = np.concatenate([sk.dob, fd.new_child_dob])
    uasc = np.concatenate([sk.uasc, np.zeros(n_new, bool)])
    disabled = rng.random(len(dob)) < np.where(np.arange(len(dob)) < n_sk, 0.11, 0.05)
    disabled &= ~uasc
    sex = np.where(rng.random(len(dob)) < 0.52, 0, 1)
    sex = np.where(uasc, np.where(rng.random(len(dob)) < 0.9, 0, 1), sex)
    unborn = dob > ctx.reference
    sex = np.where(unborn, 2, sex)
    children = Children(dob=dob, uasc=uasc, disabled=disabled, unborn_at_reference=unborn, sex=sex)
    width = max(6, len(str(len(dob) + 1)))
    children.keys = make_keys("C", len(dob), width=width, sep="")
    return children


def families(ctx: Context, children: Children) -> Families:
    """Group children into families (siblings share a surname, address and parents)."""
    rng = ctx.rng("people")
    count = len(children)
    region = ctx.info.region if ctx.info.region in _REGIONAL else "East of England"
    shares = np.array(_REGIONAL[region], dtype=np.float64)
    ethnicity = ETHNICITIES[rng.choice(len(ETHNICITIES), count, p=shares / shares.sum())]
    u_codes = np.array(list(UASC_ETHNICITY))
    u_p = np.array(list(UASC_ETHNICITY.values()))
    ethnicity = np.where(children.uasc, u_codes[rng.choice(len(u_codes), count, p=u_p)], ethnicity)
    # Siblings: sort by ethnicity and birth, cut into runs of 1-4 within a 12-year span.
    order = np.lexsort((children.dob, ethnicity))
    family = np.empty(count, np.int64)
    sizes = rng.choice([1, 2, 3, 4], size=count, p=[0.55, 0.25, 0.13, 0.07])
    fid, i = 0, 0
    ordered_dob = children.dob[order]
    ordered_eth = ethnicity[order]
    ordered_uasc = children.uasc[order]
    while i < count:
        size = int(sizes[fid % count]) if not ordered_uasc[i] else 1
        j = i + 1
        while (
            j < count
            and j - i < size
            and ordered_eth[j] == ordered_eth[i]
            and ordered_dob[j] - ordered_dob[i] < 12 * YEAR
            and not ordered_uasc[j]
        ):
            j += 1
        family[order[i:j]] = fid
        fid += 1
        i = j
    # Shuffle family ids so neighbours in the table are not siblings.
    family = rng.permutation(fid)[family]
    lookup = np.array([pools.HERITAGE[code] for code in ETHNICITIES.tolist()], dtype=np.int64)
    sorter = np.argsort(ETHNICITIES)
    heritage = lookup[sorter[np.searchsorted(ETHNICITIES, ethnicity, sorter=sorter)]]
    fam_heritage = np.zeros(fid, np.int64)
    fam_heritage[family] = heritage
    _, fam_family_name = pools.names(rng, fam_heritage, np.zeros(fid, bool))
    fam_address, fam_postcode = pools.addresses(rng, ctx.info.name, ctx.area, fid)
    return Families(
        family=family,
        heritage=heritage,
        ethnicity=ethnicity,
        family_name=fam_family_name,
        address=fam_address,
        postcode=fam_postcode,
    )


def child_frames(
    ctx: Context, children: Children, fam: Families, all_nfa: Bools
) -> dict[str, pl.DataFrame]:
    rng = ctx.rng("people")
    count = len(children)
    reference = ctx.reference
    dob = children.dob
    female = children.sex == 1
    given, _ = pools.names(rng, fam.heritage, female)
    family_name = fam.family_name[fam.family]
    own_name = rng.random(count) < 0.2  # half-siblings, step-families
    _, other_family = pools.names(rng, fam.heritage, female)
    family_name = np.where(own_name, other_family, family_name)
    unborn = children.unborn_at_reference
    given = np.where(unborn, "Unborn", given)
    age_now = (reference - dob) / YEAR
    # UPNs for children who have reached school age; otherwise a reason.
    school_age = age_now >= 5
    birth_year = dob.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
    has_upn = school_age & ~(children.uasc & (rng.random(count) < 0.6))
    has_upn &= rng.random(count) > 0.01
    upn = np.full(count, None, dtype=object)
    upn[has_upn] = upns(rng, ctx.info.la_number, birth_year[has_upn])
    reason = np.where(
        children.uasc,
        "UN2",
        np.where(~school_age, "UN1", rng.choice(np.array(["UN3", "UN5"]), count)),
    )
    reason = np.where(all_nfa & ~has_upn & school_age, "UN7", reason)
    upn_unknown = or_none(~(has_upn), reason)
    former = np.full(count, None, dtype=object)
    moved = has_upn & (rng.random(count) < 0.01)
    if moved.any():
        former[moved] = upns(rng, "999", birth_year[moved])
    nhs = np.full(count, None, dtype=object)
    has_nhs = ~unborn & (rng.random(count) < 0.93) & ~(children.uasc & (rng.random(count) < 0.3))
    nhs[has_nhs] = nhs_numbers(rng, int(has_nhs.sum()))
    # Unborn at their first referral: an expected date of birth, a little off the real one.
    first_seen = _first_seen(ctx, count)
    was_unborn = (first_seen != NA) & (first_seen < dob)
    expected = np.where(was_unborn | unborn, dob + rng.integers(-14, 15, count), NA)
    languages = np.empty(count, dtype=object)
    for group, (options, weights) in LANGUAGES.items():
        rows = fam.heritage == group
        languages[rows] = np.array(options)[rng.choice(len(options), int(rows.sum()), p=weights)]
    u_opts, u_p = UASC_LANGUAGES
    languages[children.uasc] = np.array(u_opts)[
        rng.choice(len(u_opts), int(children.uasc.sum()), p=u_p)
    ]
    religion = or_none(rng.random(count) < 0.25, RELIGIONS[rng.integers(0, 6, count)])
    uasc_ceased = np.where(children.uasc, children.b18, NA)
    uasc_ceased = np.where(uasc_ceased <= reference, uasc_ceased, NA)
    child = frame(
        {
            "child_id": children.keys,
            "upn": upn,
            "former_upn": former,
            "upn_unknown_reason": upn_unknown,
            "nhs_number": nhs,
            "given_name": given,
            "family_name": family_name,
            "sex": np.array(["M", "F", "U"])[children.sex],
            "gender_identity": None,
            "born_on": date_series("born_on", np.where(unborn, NA, dob)),
            "expected_birth_on": date_series("expected_birth_on", expected),
            "died_on": None,
            "ethnicity": fam.ethnicity,
            "is_uasc": children.uasc,
            "uasc_ceased_on": date_series("uasc_ceased_on", uasc_ceased),
            "home_postcode": fam.postcode[fam.family],
            "address": fam.address[fam.family],
            "first_language": languages.astype(str),
            "religion": religion,
        }
    )
    children.home_postcode = fam.postcode[fam.family]
    # Disabilities: codes for disabled children, NONE for every other child born (the CIN
    # census needs a code for each, rule 8540).
    n_codes = np.where(children.disabled, 1 + (rng.random(count) < 0.35), 0)
    rows = np.repeat(np.arange(count), n_codes)
    first_code = rng.choice(len(DISABILITIES), len(rows), p=DISABILITY_P)
    second = same_as_previous(rows)
    codes = DISABILITIES[
        np.where(second, (first_code + 1 + rng.integers(0, 5, len(rows))) % 12, first_code)
    ]
    rng.random(count)  # a draw no longer used, kept so that every later draw stays the same
    none_rows = np.flatnonzero(~children.disabled & ~unborn)
    rows = np.concatenate([rows, none_rows])
    codes = np.concatenate([codes, np.full(len(none_rows), "NONE")])
    order = np.lexsort((codes, rows))
    rows, codes = rows[order], codes[order]
    dupe = same_as_previous(rows, codes)
    rows, codes = rows[~dupe], codes[~dupe]
    disability = frame(
        {
            "key": make_keys("DIS", len(rows), width=6),
            "child_id": np.array(children.keys)[rows],
            "disability": codes,
        }
    )
    return {"child": child, "child_disability": disability}


def _first_seen(ctx: Context, count: int) -> Days:
    refs = ctx.skeleton.referrals
    first = np.full(count, NA, np.int64)
    # referrals are sorted by child then start: the first row per child is the earliest
    is_first = group_starts(refs.child)
    first[refs.child[is_first]] = refs.start[is_first]
    return first
