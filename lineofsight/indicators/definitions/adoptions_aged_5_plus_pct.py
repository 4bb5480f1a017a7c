"""AD-09 Adoptions of children aged 5 or over (% of adoptions)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._adoption import adoptions
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, age_on, counted, table


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    rows = adoptions(frames, periods).join(
        table(frames, "child").select("child_id", "born_on"), on="child_id", how="left"
    )
    age = age_on(pl.col("born_on"), pl.col("adopted_on"))
    return counted(
        rows,
        item="period_key",
        on="adopted_on",
        numerator=(age >= 5).fill_null(False),
        # A child whose date of birth is not held is listed outside the base.
        denominator=pl.col("born_on").is_not_null(),
    )


DEFINITION = IndicatorDefinition(
    code="adoptions_aged_5_plus_pct",
    ref="AD-09",
    title="Adoptions of children aged 5 or over",
    description=(
        "Of the children adopted in the period (a period of care ending with reason E11 or "
        "E12), the share aged 5 or over on the day they were adopted (the day care ended). "
        "Context for the adoption scorecard: older children wait longer. A child whose date "
        "of birth is not held is listed outside the base. Source: adoption scorecard "
        "context measures (SSDA903)."
    ),
    source="DfE adoption scorecard (SSDA903)",
    area=Area.ADOPTION,
    unit=Unit.PERCENT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("cla_episode", "child"),
    compute=compute,
)
