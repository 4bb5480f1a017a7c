"""LOCAL-SD Strategy discussions with police and health attending (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, during, table, with_child


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    discussions = table(frames, "strategy_discussion").select(
        "key", "referral_id", "held_on", "police_attended", "health_attended"
    )
    rows = during(with_child(discussions, frames), "held_on", periods)
    police, health = pl.col("police_attended"), pl.col("health_attended")
    both = police.fill_null(False) & health.fill_null(False)
    # Attendance is unknown for a discussion loaded from a return: in the base only when it
    # is known whether both attended (both recorded, or either recorded as absent).
    known = (
        (police.is_not_null() & health.is_not_null())
        | ~police.fill_null(True)
        | ~health.fill_null(True)
    )
    return counted(rows, item="key", on="held_on", numerator=both, denominator=known)


DEFINITION = IndicatorDefinition(
    code="strategy_discussion_police_health_pct",
    ref="LOCAL-SD",
    title="Strategy discussions with police and health attending",
    description=(
        "Local measure, not in the catalogue. Of the strategy discussions held in the period "
        "(whatever their decision), the share attended by both the police and health. A "
        "discussion whose attendance was not recorded (one loaded from a statutory return) is "
        "listed but not counted, unless either agency is recorded as absent. Working "
        "Together expects both at a strategy discussion. Source: local."
    ),
    source="local",
    area=Area.CHILD_PROTECTION,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("strategy_discussion", "referral"),
    compute=compute,
)
