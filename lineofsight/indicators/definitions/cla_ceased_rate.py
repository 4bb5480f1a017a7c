"""CLA-03 Children ceasing to be looked after in the period per 10,000 children."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._looked_after import care_periods
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
    ceased = during(care_periods(frames, periods), "ended_on", periods)
    # DfE counts the last time each child ceased in the period.
    last = ceased.sort("period", "child_id", "ended_on").unique(
        ["period", "child_id"], keep="last", maintain_order=True
    )
    return counted(last, item="child_id", on="ended_on")


DEFINITION = IndicatorDefinition(
    code="cla_ceased_rate",
    ref="CLA-03",
    title="Children ceasing to be looked after per 10,000 children",
    description=(
        "Children whose period of care ended in the period, per 10,000 children aged 0-17 "
        "(ONS mid-year estimate). Each child counts once, at the last cessation in the period; "
        "an episode that ends with another starting the same day is not a cessation, and "
        "agreed series of short breaks (V3/V4) are excluded. Source: DfE 'Children looked "
        "after in England', table D1; LAIT 'LAC_Cease_Rate'."
    ),
    source="DfE SSDA903 (CLA table D1)",
    area=Area.LOOKED_AFTER,
    unit=Unit.RATE_PER_10K,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.RATE_PER_10K,
    inputs=("cla_episode",),
    compute=compute,
    benchmark=Benchmark(lait="LAC_Cease_Rate"),
)
