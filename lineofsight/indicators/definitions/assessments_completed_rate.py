"""AS-02 Assessments completed per 10,000 children."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._front_door import completed_assessments
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    rows = completed_assessments(frames, periods)
    return counted(
        rows, item="key", on="authorised_on", team="worker_team_id", worker="assessed_by_id"
    )


DEFINITION = IndicatorDefinition(
    code="assessments_completed_rate",
    ref="AS-02",
    title="Assessments completed per 10,000 children",
    description=(
        "Assessments completed (authorised) in the period, each one counted, per 10,000 "
        "children aged 0-17. Attributed to the assessing worker and their team that day. "
        "Source: DfE 'Characteristics of children in need', table C2 (assessments completed)."
    ),
    source="DfE CIN census (C2)",
    area=Area.ASSESSMENT,
    unit=Unit.RATE_PER_10K,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.RATE_PER_10K,
    inputs=("assessment", "referral", "team_membership"),
    compute=compute,
)
