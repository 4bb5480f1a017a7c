"""AS-01 Assessments completed within 45 working days (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._front_door import obligations_met_span
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, on_time


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    # T-04b is DfE's clock (assessment start to authorisation), not Working Together's T-04
    # (from the referral); DfE counts assessments on completion, so the base is those met.
    rows = obligations_met_span(frames, "T-04b", periods)
    return counted(
        rows,
        item="start_key",
        on="met_on",
        numerator=on_time(),
        team="team_id",
        worker="worker_id",
    )


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
    compute=compute,
    benchmark=Benchmark(lait="Continue_Assess_Comp"),
)
