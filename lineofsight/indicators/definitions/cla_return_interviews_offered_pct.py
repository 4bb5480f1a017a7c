"""CLA-30 Return home interviews offered (%)."""

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

# An interview held was offered, whether or not the offer itself was recorded.
compute = return_interview_share(pl.col("offered") | pl.col("held"))


DEFINITION = IndicatorDefinition(
    code="cla_return_interviews_offered_pct",
    ref="CLA-30",
    title="Return home interviews offered after a missing episode",
    description=(
        "Of missing episodes (from home or care; being away without authorisation is not "
        "owed an interview) the child came back from in the period, each counted, the share "
        "after which an independent return interview was offered: recorded as offered, or "
        "held. The model records whether an offer was made but not when, so this cannot say "
        "whether it was within 72 hours. Each return is judged on its own record, even when "
        "the child goes missing again within 72 hours. The team and worker are those "
        "responsible on the interview's due date. Source: local; statutory guidance on "
        "children who run away or go missing from home or care (2014)."
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
