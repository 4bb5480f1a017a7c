"""CLA-21 SDQ score a cause for concern (17 or more) (%)."""

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

CONCERN = 17  # LG Inform metric 2135: 17 to 40 is a cause for concern


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    scored = sdq_cohort(frames, periods).filter(pl.col("score").is_not_null())
    return cohort_counted(scored, pl.col("score") >= CONCERN)


DEFINITION = IndicatorDefinition(
    code="cla_sdq_concern_pct",
    ref="CLA-21",
    title="Looked-after children whose SDQ score is a cause for concern",
    description=(
        "Of children aged 5 to 16 at the period's end, looked after at that date and "
        "continuously for at least 12 months (short breaks excluded), with a strengths and "
        "difficulties questionnaire score recorded in the 12 months to the period's end (each "
        "child's latest), the share scoring 17 or more, a cause for concern. Source: DfE "
        "'Children looked after in England', OC2 SDQ items; bands from LG Inform metric 2135."
    ),
    source="DfE SSDA903 (OC2)",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("cla_episode", "child", "health_check"),
    compute=compute,
)
