"""CLA-30 Return home interviews completed within 72 hours (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._outcomes import return_interview_share
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import on_time

# T-58 counts a declined offer as meeting it; an interview completed needs one held.
compute = return_interview_share(on_time() & pl.col("held"))


DEFINITION = IndicatorDefinition(
    code="cla_return_interviews_72h_pct",
    ref="CLA-30",
    title="Return home interviews completed within 72 hours",
    description=(
        "Of missing episodes (from home or care; being away without authorisation is not "
        "owed an interview) the child came back from in the period, each counted, the share "
        "with an independent return interview held within 72 hours of the return (timescale "
        "T-58). An offer the child declined does not count as an interview held. Each return "
        "is judged on its own record, even when the child goes missing again within 72 hours. "
        "The team and worker are those responsible on the interview's due date. Source: local; "
        "statutory guidance on children who run away or go missing from home or care (2014)."
    ),
    source="local",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("obligations", "missing_episode"),
    rules=("T-58",),
    compute=compute,
)
