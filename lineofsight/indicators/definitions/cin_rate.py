"""CIN-01 Children in need at the period's end per 10,000 children."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._front_door import in_need_at_end
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    rows = in_need_at_end(frames, periods)
    return counted(rows, item="child_id", on="end")


DEFINITION = IndicatorDefinition(
    code="cin_rate",
    ref="CIN-01",
    title="Children in need per 10,000 children",
    description=(
        "Children with an episode of need (a referral) open at the period's end (31 March for "
        "a year), each child once, per 10,000 children aged 0-17. An episode closed on that "
        "day is not open. Referrals with no further action are not episodes of need; one "
        "still being assessed is. Children on CIN and CP plans, looked after, care leavers "
        "and disabled children all hold an open episode; unborn children and young people "
        "over 18 are counted (but not in the population). Source: DfE 'Characteristics of "
        "children in need', table B1; LAIT 'CIN'."
    ),
    source="DfE CIN census (B1)",
    area=Area.CHILDREN_IN_NEED,
    unit=Unit.RATE_PER_10K,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.RATE_PER_10K,
    inputs=("referral",),
    compute=compute,
    benchmark=Benchmark(lait="CIN"),
)
