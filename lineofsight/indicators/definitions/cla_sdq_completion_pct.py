"""CLA-19 SDQ completion rate (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._outcomes import cohort_counted, sdq_cohort
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    return cohort_counted(sdq_cohort(frames, periods), pl.col("score").is_not_null())


DEFINITION = IndicatorDefinition(
    code="cla_sdq_completion_pct",
    ref="CLA-19",
    title="Looked-after children with an SDQ score",
    description=(
        "Of children aged 5 to 16 at the period's end, looked after at that date and "
        "continuously for at least 12 months (short breaks excluded), the share with a "
        "strengths and difficulties questionnaire total score (a whole number from 0 to 40) "
        "recorded in the 12 months to the period's end (for a financial year, the year "
        "itself). An SDQ recorded with a reason and no score (refused, disability, other) "
        "counts as not completed. Source: DfE 'Children looked after in England', OC2 SDQ "
        "items."
    ),
    source="DfE SSDA903 (OC2)",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("cla_episode", "child", "health_check"),
    compute=compute,
)
