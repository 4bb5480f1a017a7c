"""FD-04 Referrals per 10,000 children."""

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
    # Each referral counts, so a child referred twice in the year counts twice.
    referrals = during(table(frames, "referral"), "referred_on", periods)
    return counted(referrals, item="key", on="referred_on", team="team_id", worker="worker_id")


DEFINITION = IndicatorDefinition(
    code="referrals_rate",
    ref="FD-04",
    title="Referrals per 10,000 children",
    description=(
        "Referrals received in the period, each one counted (a child referred twice counts "
        "twice), per 10,000 children aged 0-17 (ONS mid-year estimate). Source: DfE "
        "'Characteristics of children in need', table C1."
    ),
    source="DfE CIN census (C1)",
    area=Area.FRONT_DOOR,
    unit=Unit.RATE_PER_10K,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.RATE_PER_10K,
    inputs=("referral",),
    compute=compute,
    benchmark=Benchmark(lait="CPP_Total_Rateper10,000"),
)
