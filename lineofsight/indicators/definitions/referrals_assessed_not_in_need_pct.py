"""FD-07 Referrals assessed as not in need (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._front_door import referral_share
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

compute = referral_share(pl.col("not_in_need"), outcomes=True)


DEFINITION = IndicatorDefinition(
    code="referrals_assessed_not_in_need_pct",
    ref="FD-07",
    title="Referrals assessed as not in need",
    description=(
        "Of the referrals received in the period (each counted), the share that were not NFA, "
        "had an assessment, and closed with reason RC8 (case closed after assessment, no "
        "further action) or RC9 (closed after assessment, referred to early help), with no "
        "further activity: no S47 enquiry, CP plan or CIN plan. A referral still open is not "
        "in the numerator. Source: DfE 'Characteristics of children in need', table C1; LAIT "
        "dictionary 'Referrals_AssessedNotNeed'."
    ),
    source="DfE CIN census (C1)",
    area=Area.FRONT_DOOR,
    unit=Unit.PERCENT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("referral", "assessment", "section47_enquiry", "cp_plan", "cin_plan"),
    compute=compute,
    benchmark=Benchmark(lait="Referrals_AssessedNotNeed"),
)
