"""CIN-02 Episodes of need starting in the period per 10,000 children."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._front_door import in_need_on, referrals
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, during


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    rows = during(referrals(frames), "referred_on", periods).filter(in_need_on("end"))
    return counted(rows, item="key", on="referred_on", team="team_id", worker="worker_id")


DEFINITION = IndicatorDefinition(
    code="cin_episodes_started_rate",
    ref="CIN-02",
    title="Episodes of need starting per 10,000 children",
    description=(
        "Episodes of need (referrals) starting in the period, each counted, per 10,000 "
        "children aged 0-17. Referrals with no further action, and those closed as assessed "
        "not in need by the period's end (see FD-07), are not episodes of need; one still "
        "being assessed at the period's end is. Source: DfE 'Characteristics of children in "
        "need', table B1 (episodes starting in the year)."
    ),
    source="DfE CIN census (B1)",
    area=Area.CHILDREN_IN_NEED,
    unit=Unit.RATE_PER_10K,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.RATE_PER_10K,
    inputs=("referral", "assessment", "section47_enquiry", "cp_plan", "cin_plan"),
    compute=compute,
)
