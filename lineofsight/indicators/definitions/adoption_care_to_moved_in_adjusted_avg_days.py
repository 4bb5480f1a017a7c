"""AD-03 Adoption scorecard A10: average days from entering care to moving in with the
adoptive family, adjusted for foster-carer adoptions."""

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

compute = average_days(pl.col("days_to_moved_in"))


DEFINITION = IndicatorDefinition(
    code="adoption_care_to_moved_in_adjusted_avg_days",
    ref="AD-03",
    title="Average days from entering care to moving in with the adoptive family, adjusted "
    "for foster-carer adoptions (A10)",
    description=(
        "As A1 (children adopted in the period, from the start of the period of care that "
        "ended in adoption), except that a child adopted by their own foster carer "
        "(the adoption record's 'adopted by foster carer') is timed to the day they moved in "
        "with that carer: the start of the run of episodes with the same carers (new-episode "
        "reasons L, T and U keep the carers) that holds the placement for adoption. So a "
        "foster-carer adoption does not count as slow. A child with no date placed is listed "
        "but not averaged. Computed over whatever period is chosen; adoption boards and the "
        "scorecard use a three-year period. Source: DfE adoption scorecard A10; ASGLB."
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
