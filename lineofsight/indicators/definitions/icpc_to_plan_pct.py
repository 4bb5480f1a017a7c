"""CP-05 Initial child protection conferences resulting in a child protection plan (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._protection import conferences_held
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

compute = conferences_held(pl.col("outcome") == "plan")


DEFINITION = IndicatorDefinition(
    code="icpc_to_plan_pct",
    ref="CP-05",
    title="Initial conferences resulting in a child protection plan",
    description=(
        "Of the initial child protection conferences held in the period (initial, pre-birth "
        "and transfer-in, each counted), the share whose outcome was a child protection plan "
        "(Annex A List 5 'Did the ICPC result in a CP plan'). Not published by DfE; no LAIT "
        "measure. Source: Ofsted Annex A (local)."
    ),
    source="local (Annex A)",
    area=Area.CHILD_PROTECTION,
    unit=Unit.PERCENT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("conference", "referral"),
    compute=compute,
)
