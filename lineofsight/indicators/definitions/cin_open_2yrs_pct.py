"""CIN-03 Children in need with an open case of 2 years or more (%)."""

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
    # Referred on the same date two years before the period's end counts as two years; the
    # date is worked out once per period, not per child.
    cutoff = periods.select("period", pl.col("end").dt.offset_by("-2y").alias("cutoff"))
    rows = in_need_at_end(frames, periods).join(cutoff, on="period", how="inner")
    long_open = pl.col("referred_on") <= pl.col("cutoff")
    return counted(rows, item="key", on="end", numerator=long_open)


DEFINITION = IndicatorDefinition(
    code="cin_open_2yrs_pct",
    ref="CIN-03",
    title="Children in need open for 2 years or more",
    description=(
        "Of the children in need at the period's end (as CIN-01, each child once), the share "
        "whose episode had lasted two years or more, from its referral date to the period's "
        "end. Looked-after and disabled children's long episodes raise it. Source: DfE "
        "'Characteristics of children in need', table B4 (duration of open episodes); LAIT "
        "'CINTime2more'."
    ),
    source="DfE CIN census (B4)",
    area=Area.CHILDREN_IN_NEED,
    unit=Unit.PERCENT,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("referral",),
    compute=compute,
    benchmark=Benchmark(lait="CINTime2more"),
)
