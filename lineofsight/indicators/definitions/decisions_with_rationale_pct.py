"""LOCAL-RATIONALE Decisions with a recorded rationale (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._workforce import with_team
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, during, table


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    # Only the columns counted are carried into the periods: the texts are long.
    decisions = table(frames, "decision").select(
        "key",
        "child_id",
        "made_by_id",
        pl.col("made_at").dt.date().alias("made_on"),
        # Anything but white space: found at the first character of almost every rationale,
        # where stripping would copy every long text.
        pl.col("rationale").str.contains(r"\S").fill_null(False).alias("recorded"),
    )
    rows = with_team(
        during(decisions, "made_on", periods), frames, worker="made_by_id", on="made_on"
    )
    # The record names who made the decision: the row goes to that manager and their team.
    return counted(
        rows,
        item="key",
        on="made_on",
        numerator=pl.col("recorded"),
        team="worker_team",
        worker="made_by_id",
    )


DEFINITION = IndicatorDefinition(
    code="decisions_with_rationale_pct",
    ref="LOCAL-RATIONALE",
    title="Management decisions with a recorded rationale",
    description=(
        "Of the management decisions on children's records made in the period, the share "
        "whose rationale is recorded (not blank or only spaces). Each decision is listed "
        "under the manager who made it and their team that day (the child's allocation when "
        "no maker is recorded). Source: local measure (not in the catalogue); inspection "
        "reports often find the rationale for decisions is not evident on children's files."
    ),
    source="local",
    area=Area.OVERSIGHT,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("decision", "team_membership"),
    compute=compute,
)
