"""FD-03 Referral decision within 1 working day (%)."""

from __future__ import annotations

from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import on_time_share

# T-01 is this measure: one obligation per referral, met by its first decision (an
# assessment or strategy discussion started, or closure with no further action). Counted
# when due, so a referral received on a period's last day is counted when its day is up.
compute = on_time_share("T-01", item="start_key")


DEFINITION = IndicatorDefinition(
    code="referral_decisions_1wd_pct",
    ref="FD-03",
    title="Referral decisions within 1 working day",
    description=(
        "Of the referrals whose decision fell due in the period (1 working day after receipt, "
        "so in practice the referrals received in it), the share decided on time: an "
        "assessment or strategy discussion started, or the referral closed with no further "
        "action, by the next working day. A referral never decided counts as late. Read from "
        "the timescale engine's T-01 obligations. Source: Working Together (assessment "
        "chapter); local measure, not published by DfE."
    ),
    source="local (Working Together T-01)",
    area=Area.FRONT_DOOR,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("obligations",),
    rules=("T-01",),
    compute=compute,
)
