"""Looked-after young people's own children, and their youth justice outcomes.

Motherhood is recorded for every child who has been looked after (SSDA903 MOTHER is asked
of girls looked after in the year), so "not a mother" is a recorded fact. A girl has her
first child at `FIRST_BIRTHS_A_YEAR` a year while looked after aged 14 to 17, on a day inside
her period of care and not after 31 March: a child born while she is looked after never
contradicts an earlier year's MOTHER (rules 625, 626). So one to four in a hundred girls
looked after aged 14 or over are mothers: a small share, and no first child before 14.

Youth justice outcomes (a conviction, youth caution or youth conditional caution; SSDA903
OC2 CONVICTED) come to children looked after aged 10 to 17, more often to older children
and to boys, so that `CONVICTED_SHARE` of those looked after all year aged 10 or over have
one in the year: England's figure for 2017 (DfE, LAIT `LAC_Convictions`: children looked after
continuously for 12 months, aged 10 or over, convicted or subject to a youth caution or youth
conditional caution during the year; 5% in 2016, 2% from 2021).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl

from lineofsight.synth.care import Periods
from lineofsight.synth.context import Context
from lineofsight.synth.dates import NA, YEAR, Days, add_years, date_series, day, frame
from lineofsight.synth.ids import keys as make_keys

FIRST_BIRTHS_A_YEAR = 0.015
CONVICTED_SHARE = 0.04
# By age at the start of the year's spell: 10-11, 12-13, 14-15, 16-17 (older more often).
AGE_WEIGHTS = (0.2, 0.6, 1.2, 1.6)
SEX_WEIGHTS = (1.5, 0.5, 1.0)  # boys, girls, sex unknown
OUTCOME_KINDS = np.array(["conviction", "youth_caution", "youth_conditional_caution"])
OUTCOME_P = (0.5, 0.3, 0.2)
SECOND_OUTCOME_P = 0.15  # a second outcome in the same year


def with_motherhood(ctx: Context, child: pl.DataFrame, pr: Periods) -> pl.DataFrame:
    """The child frame with `motherhood_recorded` and `first_child_born_on`."""
    assert ctx.children is not None
    rng = ctx.rng("young_people")
    count = len(ctx.children)
    recorded = np.zeros(count, bool)
    recorded[pr.child] = True
    girl = ctx.children.sex[pr.child] == 1
    low = np.maximum(pr.start, add_years(pr.dob, 14))
    high = np.minimum(np.minimum(pr.end, ctx.reference + 1), add_years(pr.dob, 18))
    span = np.where(girl, np.maximum(high - low, 0), 0)
    chance = 1 - np.exp(-FIRST_BIRTHS_A_YEAR * span / YEAR)
    mother = rng.random(len(span)) < chance
    born = low + np.floor(rng.random(len(span)) * span).astype(np.int64)
    first = np.full(count, np.iinfo(np.int64).max)
    np.minimum.at(first, pr.child[mother], born[mother])
    first = np.where(first == np.iinfo(np.int64).max, NA, first)
    return child.with_columns(
        pl.Series("motherhood_recorded", recorded),
        date_series("first_child_born_on", first),
    )


def youth_justice_frame(ctx: Context, pr: Periods) -> pl.DataFrame:
    """Convictions and youth cautions of children while looked after, aged 10 to 17."""
    assert ctx.children is not None
    rng = ctx.rng("young_people")
    period, low, high = _spells_10_to_17(ctx, pr)
    if not len(period):
        names = ("key", "child_id", "kind")
        return pl.DataFrame(schema={**dict.fromkeys(names, pl.String), "outcome_on": pl.Date})
    age = (low - pr.dob[period]) / YEAR
    weight = np.array(AGE_WEIGHTS)[np.clip(((age - 10) // 2).astype(np.int64), 0, 3)]
    weight = weight * np.array(SEX_WEIGHTS)[ctx.children.sex[pr.child[period]]]
    span = high - low
    whole_year = span >= 365
    mean = float(weight[whole_year].mean()) if whole_year.any() else float(weight.mean())
    chance = np.minimum(0.9, CONVICTED_SHARE * weight / mean * np.minimum(span, 365) / 365)
    given = rng.random(len(span)) < chance
    count = np.where(given, 1 + (rng.random(len(span)) < SECOND_OUTCOME_P), 0)
    owner = np.repeat(np.arange(len(span)), count)
    on = low[owner] + np.floor(rng.random(len(owner)) * span[owner]).astype(np.int64)
    kind = OUTCOME_KINDS[rng.choice(len(OUTCOME_KINDS), len(owner), p=OUTCOME_P)]
    child = np.array(ctx.children.keys)[pr.child[period[owner]]]
    order = np.lexsort((kind, on, child))
    child, on, kind = child[order], on[order], kind[order]
    repeated = np.zeros(len(child), bool)
    repeated[1:] = (child[1:] == child[:-1]) & (on[1:] == on[:-1]) & (kind[1:] == kind[:-1])
    child, on, kind = child[~repeated], on[~repeated], kind[~repeated]
    return frame(
        {
            "key": make_keys("YJO", len(child), width=6),
            "child_id": child,
            "kind": kind,
            "outcome_on": date_series("outcome_on", on),
        }
    )


def _spells_10_to_17(ctx: Context, pr: Periods) -> tuple[np.ndarray, Days, Days]:
    """(period, first day, day after the last) of each period's time looked after aged 10
    to 17 within each collection year of the window."""
    first_year = ctx.code_year(np.array([ctx.window_start]))[0]
    start = np.maximum(pr.start, add_years(pr.dob, 10))
    end = np.minimum(np.minimum(pr.end, ctx.reference + 1), add_years(pr.dob, 18))
    periods: list[np.ndarray] = []
    lows: list[Days] = []
    highs: list[Days] = []
    for year in range(int(first_year), ctx.year + 1):
        low = np.maximum(start, day(dt.date(year - 1, 4, 1)))
        high = np.minimum(end, day(dt.date(year, 3, 31)) + 1)
        keep = high > low
        periods.append(np.flatnonzero(keep))
        lows.append(low[keep])
        highs.append(high[keep])
    return np.concatenate(periods), np.concatenate(lows), np.concatenate(highs)
