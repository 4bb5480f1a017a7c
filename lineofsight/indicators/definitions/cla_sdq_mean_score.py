"""CLA-20 SDQ average total difficulties score."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._outcomes import cohort_counted, sdq_cohort
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
    # Every child of the cohort is listed; only those with a score have a measure, so only
    # they enter the mean.
    score = pl.col("score")
    return cohort_counted(
        sdq_cohort(frames, periods), score.is_not_null(), measure=score.cast(pl.Float64)
    )


DEFINITION = IndicatorDefinition(
    code="cla_sdq_mean_score",
    ref="CLA-20",
    title="Average SDQ total difficulties score of looked-after children",
    description=(
        "The mean strengths and difficulties questionnaire total difficulties score (0 to 40; "
        "0-13 normal, 14-16 borderline, 17 or more a cause for concern) of children aged 5 to "
        "16 at the period's end, looked after at that date and continuously for at least 12 "
        "months (short breaks excluded), who had a score recorded in the 12 months to the "
        "period's end (for a financial year, the year itself); each child's latest score in "
        "that time counts. Children without a score are listed but not in the mean. Source: "
        "DfE 'Children looked after in England', OC2 SDQ items; LAIT 'Emotional_LAC'."
    ),
    source="DfE SSDA903 (OC2)",
    area=Area.LOOKED_AFTER,
    unit=Unit.SCORE,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.MEAN,
    inputs=("cla_episode", "child", "health_check"),
    compute=compute,
    benchmark=Benchmark(lait="Emotional_LAC"),
)
