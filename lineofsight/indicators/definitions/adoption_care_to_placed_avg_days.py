"""AD-01 Adoption scorecard A1: average days from entering care to moving in with the adoptive
family (children adopted)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._adoption import average_days
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

# A child adopted with no date placed for adoption (none recorded, no A3-A6 placement) is
# listed but has no wait to average.
compute = average_days(pl.col("days_to_placed"))


DEFINITION = IndicatorDefinition(
    code="adoption_care_to_placed_avg_days",
    ref="AD-01",
    title="Average days from entering care to moving in with the adoptive family (A1)",
    description=(
        "Of the children adopted in the period (a period of care ending with reason E11 or "
        "E12), the mean number of days from the start of that period of care to the day "
        "they were placed for adoption: the adoption record's date placed, or else the start "
        "of the first A3-A6 placement of the period. A child with neither is listed but not "
        "averaged. Computed over whatever period is chosen; adoption boards and the DfE "
        "scorecard use a three-year period (the scorecard's 426-day threshold is the "
        "timescale engine's T-70). Source: DfE adoption scorecard A1 (SSDA903)."
    ),
    source="DfE adoption scorecard (SSDA903)",
    area=Area.ADOPTION,
    unit=Unit.DAYS,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.DURING,
    kind=Kind.MEAN,
    inputs=("cla_episode", "adoption"),
    compute=compute,
    decimals=0,
)
