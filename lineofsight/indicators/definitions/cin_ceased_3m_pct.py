"""CIN-07 Episodes of need ending within 3 months of referral (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._front_door import in_need_on, referrals
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, during


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    rows = during(referrals(frames), "closed_on", periods).filter(in_need_on("closed_on"))
    # Under 3 months: closed before the same date three months after the referral.
    short = pl.col("closed_on") < pl.col("referred_on").dt.offset_by("3mo")
    return counted(rows, item="key", on="closed_on", numerator=short)


DEFINITION = IndicatorDefinition(
    code="cin_ceased_3m_pct",
    ref="CIN-07",
    title="Episodes of need ending within 3 months",
    description=(
        "Of the episodes of need (referrals) that closed in the period, each counted, the "
        "share that lasted under 3 months from the referral date to the closure date. "
        "Referrals with no further action and those assessed as not in need (see FD-07) are "
        "not episodes of need. Source: DfE 'Characteristics of children in need', table B5 "
        "(duration of ended episodes); LAIT 'CINCease3months'."
    ),
    source="DfE CIN census (B5)",
    area=Area.CHILDREN_IN_NEED,
    unit=Unit.PERCENT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("referral", "assessment", "section47_enquiry", "cp_plan", "cin_plan"),
    compute=compute,
    benchmark=Benchmark(lait="CINCease3months"),
)
