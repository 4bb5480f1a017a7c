"""FD-06 Referrals closed with no further action (%)."""

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

# The referral's NFA flag is the decision before any assessment (census ReferralNFA).
compute = referral_share(pl.col("is_nfa"))


DEFINITION = IndicatorDefinition(
    code="referrals_nfa_pct",
    ref="FD-06",
    title="Referrals resulting in no further action",
    description=(
        "Of the referrals received in the period (each counted), the share that ended in no "
        "further action before any assessment (the referral's NFA flag). Referrals closed "
        "after an assessment are not NFA (see referrals assessed as not in need). Source: DfE "
        "'Characteristics of children in need', table C1; LAIT 'CIN_Refferals_NFA'."
    ),
    source="DfE CIN census (C1)",
    area=Area.FRONT_DOOR,
    unit=Unit.PERCENT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("referral",),
    compute=compute,
    benchmark=Benchmark(lait="CIN_Refferals_NFA"),
)
