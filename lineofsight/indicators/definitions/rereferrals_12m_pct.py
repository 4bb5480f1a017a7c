"""FD-05 Re-referrals within 12 months of a previous referral (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, during, table


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    referrals = table(frames, "referral").select(
        "key", "child_id", "referred_on", "team_id", "worker_id"
    )
    # The child's previous referral (which may fall before the period): a re-referral when it
    # was on or after the same date twelve months earlier (EES re-referrals methodology).
    # Sorted by child, the row before is the child's previous referral when it is the same
    # child's (compared with the one before, much cheaper than a window over every child).
    same_child = pl.col("child_id").eq_missing(pl.col("child_id").shift(1))
    ordered = referrals.sort("child_id", "referred_on", "key").with_columns(
        pl.when(same_child).then(pl.col("referred_on").shift(1)).alias("previous_on")
    )
    rows = during(ordered, "referred_on", periods)
    rereferral = pl.col("previous_on").is_not_null() & (
        pl.col("previous_on") >= pl.col("referred_on").dt.offset_by("-12mo")
    )
    return counted(
        rows,
        item="key",
        on="referred_on",
        numerator=rereferral,
        team="team_id",
        worker="worker_id",
    )


DEFINITION = IndicatorDefinition(
    code="rereferrals_12m_pct",
    ref="FD-05",
    title="Re-referrals within 12 months of a previous referral",
    description=(
        "Of the referrals received in the period (each counted), the share where the same "
        "child had a previous referral in the 12 months before this one's date; the previous "
        "referral may fall before the period. Source: DfE 'Characteristics of children in "
        "need', table C1, and the EES re-referrals methodology."
    ),
    source="DfE CIN census (C1)",
    area=Area.FRONT_DOOR,
    unit=Unit.PERCENT,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("referral",),
    compute=compute,
    benchmark=Benchmark(lait="ReReferral"),
)
