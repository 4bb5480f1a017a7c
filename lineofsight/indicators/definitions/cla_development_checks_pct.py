"""CLA-18 Health: development assessments up to date, under 5s (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._outcomes import status_share
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

# OC2 HEALTH_CHECK is a status at 31 March: the latest record by the period's end, for the
# children under five then.
compute = status_share("development", among=pl.col("age") < 5)


DEFINITION = IndicatorDefinition(
    code="cla_development_checks_pct",
    ref="CLA-18",
    title="Looked-after children under 5 whose development assessments are up to date",
    description=(
        "Of children aged under 5 at the period's end, looked after at that date and "
        "continuously for at least 12 months (short breaks excluded), the share whose "
        "development assessments (health surveillance checks) were up to date: read from the "
        "child's latest development check record on or before the period's end (value 1 up to "
        "date, 0 not); a child with none counts as not up to date. Source: DfE 'Children "
        "looked after in England', OC2 HEALTH_CHECK (EES conviction and health outcomes)."
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
