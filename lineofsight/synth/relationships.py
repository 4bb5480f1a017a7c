"""Parents, relatives and carers (persons and relationships), and private fostering."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from lineofsight.synth import pools
from lineofsight.synth.context import Children, Context
from lineofsight.synth.dates import NA, YEAR, Days, date_series, frame, group_starts
from lineofsight.synth.ids import keys as make_keys
from lineofsight.synth.people import Families
from lineofsight.synth.skeleton import ADOPT


@dataclass
class PrivateFostering:
    dob: Days
    notified: Days
    start: Days
    end: Days  # true end (may be after 31 March)


def plan_private_fostering(ctx: Context) -> PrivateFostering:
    rng = ctx.rng("relationships")
    years = (ctx.reference - ctx.window_start) / YEAR
    count = int(rng.poisson(max(ctx.figures.population / 10_000 * 0.7 * years, 2)))
    notified = np.sort(rng.integers(ctx.window_start, ctx.reference + 1, count))
    start = notified - rng.integers(0, 43, count)
    age = 10 + rng.random(count) * 6.5
    dob = start - np.round(age * YEAR).astype(np.int64)
    end = start + np.round(rng.gamma(2.0, 120, count)).astype(np.int64) + 30
    end = np.minimum(end, dob + int(18 * YEAR) - 1)
    return PrivateFostering(dob, notified, start, end)


def private_fostering_frame(ctx: Context, pf: PrivateFostering, first: int) -> pl.DataFrame:
    assert ctx.children is not None
    count = len(pf.dob)
    keys = np.array(ctx.children.keys)[first : first + count]
    return frame(
        {
            "key": make_keys("PF", count, width=4),
            "child_id": keys,
            "notified_on": date_series("n", pf.notified),
            "started_on": date_series("s", pf.start),
            "ended_on": date_series("e", ctx.clip(pf.end)),
        }
    )


def family_frames(
    ctx: Context, children: Children, fam: Families, care_start: Days, adopted: np.ndarray
) -> dict[str, pl.DataFrame]:
    """Mother for every family, father for most, some grandparents and step-parents."""
    rng = ctx.rng("relationships")
    n_fam = int(fam.family.max()) + 1 if len(fam.family) else 0
    oldest = np.full(n_fam, np.iinfo(np.int64).max)
    np.minimum.at(oldest, fam.family, children.dob)
    youngest = np.full(n_fam, np.iinfo(np.int64).min)
    np.maximum.at(youngest, fam.family, children.dob)
    heritage = np.zeros(n_fam, np.int64)
    heritage[fam.family] = fam.heritage
    mother_age = 17 + rng.random(n_fam) * 21  # at the eldest's birth
    mother_dob = oldest - np.round(mother_age * YEAR).astype(np.int64)
    mother_dob = np.maximum(mother_dob, youngest - int(45 * YEAR))
    father = rng.random(n_fam) < 0.7
    father_dob = mother_dob - np.round(rng.normal(3, 4, n_fam) * YEAR).astype(np.int64)
    grand = rng.random(n_fam) < 0.15
    grand_dob = mother_dob - np.round((20 + rng.random(n_fam) * 15) * YEAR).astype(np.int64)
    step = rng.random(n_fam) < 0.08
    step_dob = mother_dob + np.round(rng.normal(0, 5, n_fam) * YEAR).astype(np.int64)
    # person rows
    kinds = [
        (np.arange(n_fam), mother_dob, 1, "mother"),
        (np.flatnonzero(father), father_dob[father], 0, "father"),
        (np.flatnonzero(grand), grand_dob[grand], 2, "grandparent"),
        (np.flatnonzero(step), step_dob[step], 0, "step_parent"),
    ]
    p_family = np.concatenate([k[0] for k in kinds])
    p_dob = np.concatenate([k[1] for k in kinds])
    p_kind = np.concatenate([np.full(len(k[0]), k[3]) for k in kinds])
    female = np.concatenate(
        [
            np.ones(len(kinds[0][0]), bool),
            np.zeros(len(kinds[1][0]), bool),
            rng.random(len(kinds[2][0])) < 0.7,
            np.zeros(len(kinds[3][0]), bool),
        ]
    )
    given, other_family = pools.names(rng, heritage[p_family], female)
    family_name = np.where(
        (p_kind == "mother") | (p_kind == "father") & (rng.random(len(p_kind)) < 0.6),
        fam.family_name[p_family],
        other_family,
    )
    address = fam.address[p_family]
    postcode = fam.postcode[p_family]
    apart = (p_kind != "mother") & (rng.random(len(p_kind)) < 0.5)
    other_address, other_postcode = pools.addresses(rng, ctx.info.name, ctx.area, len(p_kind))
    address = np.where(apart, other_address, address)
    postcode = np.where(apart, other_postcode, postcode)
    n_person = len(p_family)
    person_keys = make_keys("PER", n_person, width=7)
    person = frame(
        {
            "key": person_keys,
            "given_name": given,
            "family_name": family_name,
            "born_on": date_series("b", np.where(rng.random(n_person) < 0.92, p_dob, NA)),
            "sex": np.where(female, "F", "M"),
            "address": address,
            "postcode": postcode,
        }
    )
    # relationship rows: every child with every adult of their family
    order = np.argsort(p_family, kind="stable")
    first = np.searchsorted(p_family[order], np.arange(n_fam))
    last = np.searchsorted(p_family[order], np.arange(n_fam), side="right")
    per_child = (last - first)[fam.family]
    child = np.repeat(np.arange(len(children)), per_child)
    k = np.arange(len(child)) - np.repeat(np.cumsum(per_child) - per_child, per_child)
    person_row = order[first[fam.family[child]] + k]
    kind = p_kind[person_row]
    pr_flag = np.select(
        [kind == "mother", kind == "father", kind == "step_parent"],
        [np.ones(len(child), bool), rng.random(len(child)) < 0.75, rng.random(len(child)) < 0.1],
        False,
    )
    lives = np.select(
        [kind == "mother", kind == "father", kind == "step_parent"],
        [np.ones(len(child), bool), ~apart[person_row], ~apart[person_row]],
        rng.random(len(child)) < 0.1,
    )
    dob = children.dob[child]
    born = dob <= ctx.reference
    from_day = np.where(lives & born, dob, NA)
    to_day = np.where(
        lives & (care_start[child] != NA) & (care_start[child] <= ctx.reference),
        care_start[child],
        NA,
    )
    to_day = np.where(from_day == NA, NA, to_day)
    # adopted children are no longer in their birth family's care
    pr_flag = np.where(adopted[child] & (kind != "mother"), False, pr_flag)
    relationship_keys = make_keys("REL", len(child), width=7)
    relationship = frame(
        {
            "key": relationship_keys,
            "child_id": np.array(children.keys)[child],
            "person_id": person_keys[person_row],
            "relationship_type": kind,
            "has_parental_responsibility": pr_flag,
        }
    )
    # one period of living together for each relationship the child lived in, from birth
    lived = from_day != NA
    household_period = frame(
        {
            "key": make_keys("HH", int(lived.sum()), width=7),
            "relationship_id": relationship_keys[lived],
            "started_on": date_series("f", from_day[lived]),
            "ended_on": date_series("t", to_day[lived]),
        }
    )
    return {"person": person, "relationship": relationship, "household_period": household_period}


def first_care_start(ctx: Context, count: int) -> tuple[Days, np.ndarray]:
    """Each child's first day in care (NA if never) and whether they were adopted."""
    r = ctx.skeleton.referrals
    first = np.full(count, NA, np.int64)
    rows = np.flatnonzero(r.cla_start != NA)
    order = np.lexsort((r.cla_start[rows], r.child[rows]))
    rows = rows[order]
    is_first = group_starts(r.child[rows])
    first[r.child[rows][is_first]] = r.cla_start[rows][is_first]
    adopted = np.zeros(count, bool)
    done = rows[(r.cla_route[rows] == ADOPT) & (r.cla_end[rows] <= ctx.reference)]
    adopted[r.child[done]] = True
    return first, adopted
