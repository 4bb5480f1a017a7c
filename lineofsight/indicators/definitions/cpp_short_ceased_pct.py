"""CP-12 Child protection plans ending within 3 months (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._protection import plans_during
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

# Under 3 months: ended before the same day three calendar months after the start.
compute = plans_during(
    "ended_on", numerator=pl.col("ended_on") < pl.col("started_on").dt.offset_by("3mo")
)


DEFINITION = IndicatorDefinition(
    code="cpp_short_ceased_pct",
    ref="CP-12",
    title="Child protection plans ending within 3 months",
    description=(
        "Of the child protection plans that ended in the period (each cessation counted), the "
        "share that had lasted under three months: ended before the date three calendar "
        "months after the start (a plan started 10 January and ended 9 April counts, one "
        "ended 10 April does not). Source: DfE 'Characteristics of children in need', "
        "D-tables (plans ending by duration, 'under 3 months'); no LAIT measure."
    ),
    source="DfE CIN census (D-tables)",
    area=Area.CHILD_PROTECTION,
    unit=Unit.PERCENT,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("cp_plan", "referral"),
    compute=compute,
)
