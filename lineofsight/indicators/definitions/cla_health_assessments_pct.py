"""CLA-15 Health: annual health assessment up to date (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._outcomes import (
    cohort_counted,
    looked_after_12_months,
    with_checks_in_year,
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
    cohort = with_checks_in_year(frames, looked_after_12_months(frames, periods), ["iha", "rha"])
    checks = pl.col("checks")
    # Under 5 at the period's end: two assessments (6-monthly); from 5, one. A record from an
    # SSDA903 return is OC2's HEALTH_ASSESSMENT 1, which already says the requirement was met.
    met = pl.when(pl.col("age") < 5).then(checks >= 2).otherwise(checks >= 1) | pl.col(
        "from_return"
    )
    return cohort_counted(cohort, met)


DEFINITION = IndicatorDefinition(
    code="cla_health_assessments_pct",
    ref="CLA-15",
    title="Looked-after children whose health assessments are up to date",
    description=(
        "Of children looked after at the period's end who had been looked after continuously "
        "for at least 12 months (short breaks excluded), the share whose health assessment "
        "requirement was met in the 12 months to the period's end (for a financial year, the "
        "year itself): two assessments, initial or review, for a child under 5 at the period's "
        "end; one for a child aged 5 or over. A refusal is not an assessment, so counts as not "
        "done. An assessment read from an SSDA903 return (OC2 HEALTH_ASSESSMENT 1) meets the "
        "requirement on its own, as the return's flag already says it was met. Source: DfE "
        "'Children looked after in England', OC2 health outcomes; LAIT 'LACHealth%'."
    ),
    source="DfE SSDA903 (OC2)",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("cla_episode", "child", "health_check"),
    compute=compute,
    benchmark=Benchmark(lait="LACHealth%"),
)
