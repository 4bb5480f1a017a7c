"""AS-01 Assessments completed within 45 working days (%)."""

from __future__ import annotations

from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import on_time_share

# T-04b is DfE's clock (assessment start to authorisation), not Working Together's T-04
# (from the referral); DfE counts assessments on completion, so the base is those met.
compute = on_time_share("T-04b", counted_on="met_on", item="start_key")


DEFINITION = IndicatorDefinition(
    code="assessments_45wd_pct",
    ref="AS-01",
    title="Assessments completed within 45 working days",
    description=(
        "Of the assessments completed (authorised) in the period, the share authorised within "
        "45 working days of the assessment's start date (England's working days). The clock is "
        "DfE's, from the assessment's start, not Working Together's from the referral. Read "
        "from the timescale engine's T-04b obligations. Source: DfE 'Characteristics of "
        "children in need', table C2; LAIT 'Continue_Assess_Comp'."
    ),
    source="DfE CIN census (C2)",
    area=Area.ASSESSMENT,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("obligations",),
    rules=("T-04b",),
    compute=compute,
    benchmark=Benchmark(lait="Continue_Assess_Comp"),
)
