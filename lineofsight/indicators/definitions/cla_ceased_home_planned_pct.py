"""CLA-35 Children ceasing care by returning home as part of the care plan (% of those
ceasing)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._outcomes import RETURNED_HOME_PLANNED, cessation_share
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

compute = cessation_share((pl.col("reason_ceased") == RETURNED_HOME_PLANNED).fill_null(False))


DEFINITION = IndicatorDefinition(
    code="cla_ceased_home_planned_pct",
    ref="CLA-35",
    title="Children ceasing care by returning home as part of the care plan",
    description=(
        "Of children who ceased to be looked after in the period (short breaks excluded; "
        "only each child's last cessation in the period counts), the share who returned home "
        "to parents or another person with parental responsibility as part of the care plan "
        "(reason ceased E4A). A return home not in the plan (E4B) is not counted. Source: DfE "
        "'Children looked after in England', table D; LAIT 'LAC_RetHome_CarePlan_%'."
    ),
    source="DfE SSDA903 (table D)",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("cla_episode",),
    compute=compute,
    benchmark=Benchmark(lait="LAC_RetHome_CarePlan_%"),
)
