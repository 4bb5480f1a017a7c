"""CLA-25 CLA convicted or subject to a youth caution / youth conditional caution (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._outcomes import (
    cohort_counted,
    looked_after_12_months,
    with_outcomes_in_year,
)
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    cohort = looked_after_12_months(frames, periods).filter(pl.col("age").is_between(10, 17))
    return cohort_counted(with_outcomes_in_year(frames, cohort), pl.col("outcomes") >= 1)


DEFINITION = IndicatorDefinition(
    code="cla_convicted_or_cautioned_pct",
    ref="CLA-25",
    title="Looked-after children convicted or given a youth caution",
    description=(
        "Of children aged 10 to 17 at the period's end, looked after at that date and "
        "continuously for at least 12 months (short breaks excluded), the share convicted or "
        "given a youth caution or youth conditional caution in the 12 months to the period's "
        "end (for a financial year, the year itself). An SSDA903 return's CONVICTED 1, which "
        "does not say which, counts. Source: DfE 'Children looked after in England', OC2 "
        "offending; LAIT 'LAC_Convictions'."
    ),
    source="DfE SSDA903 (OC2)",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("cla_episode", "child", "youth_justice_outcome"),
    compute=compute,
    benchmark=Benchmark(lait="LAC_Convictions"),
)
