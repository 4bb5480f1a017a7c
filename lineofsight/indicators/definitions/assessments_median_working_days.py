"""AS-02 Median assessment duration (working days)."""

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
from lineofsight.indicators.definitions.common import Frames, counted, working_days


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    rows = completed_assessments(frames, periods)
    return counted(
        rows,
        item="key",
        on="authorised_on",
        numerator=False,
        measure=working_days("started_on", "authorised_on"),
        team="worker_team_id",
        worker="assessed_by_id",
    )


DEFINITION = IndicatorDefinition(
    code="assessments_median_working_days",
    ref="AS-02",
    title="Median assessment duration",
    description=(
        "The median duration, in working days (England's calendar: weekends and bank holidays "
        "excluded), of the assessments completed (authorised) in the period, from the "
        "assessment's start date to its authorisation; authorised on the day it started is 0. "
        "Source: DfE 'Characteristics of children in need', table C2 (duration of assessments "
        "and its percentiles)."
    ),
    source="DfE CIN census (C2)",
    area=Area.ASSESSMENT,
    unit=Unit.DAYS,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.DURING,
    kind=Kind.MEDIAN,
    inputs=("assessment", "referral", "team_membership"),
    compute=compute,
)
