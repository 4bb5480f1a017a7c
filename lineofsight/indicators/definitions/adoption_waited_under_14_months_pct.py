"""AD-04 Adoption scorecard A3: children who wait less than 14 months between entering care
and moving in with their adoptive family (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._adoption import THRESHOLD_DAYS, adoptions, waiting
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
    adopted = adoptions(frames, periods)
    timed = pl.col("days_to_placed").is_not_null()
    moved_in = counted(
        adopted,
        item="period_key",
        on="adopted_on",
        numerator=timed & (pl.col("days_to_placed") <= THRESHOLD_DAYS),
        denominator=timed,
    )
    # Children still going through the process at the period's end: those with an agency
    # decision that they should be placed (a placement order alone does not put them here).
    still_waiting = waiting(frames, periods).filter(pl.col("decision_on").is_not_null())
    in_process = counted(
        still_waiting,
        item="period_key",
        on="end",
        numerator=pl.col("days_in_care") <= THRESHOLD_DAYS,
    )
    return pl.concat([moved_in, in_process])


DEFINITION = IndicatorDefinition(
    code="adoption_waited_under_14_months_pct",
    ref="AD-04",
    title="Children who waited less than 14 months from entering care to moving in with "
    "their adoptive family (A3)",
    description=(
        "Of the children adopted in the period and the children who, at the period's end, "
        "are looked after with an agency decision that they should be placed for adoption "
        "but are not yet placed, the share who moved in with their adoptive family within "
        "426 days (14 months) of entering care, or who have been in care no more than 426 "
        "days by the period's end. Entering care is the start of the period of care; the "
        "day placed is the adoption record's, or else the first A3-A6 placement (an adopted "
        "child with neither is listed outside the base). The 426 days are the timescale "
        "engine's T-70 clock. Adoption boards and the scorecard use a three-year period. "
        "Source: DfE adoption scorecard A3."
    ),
    source="DfE adoption scorecard (SSDA903)",
    area=Area.ADOPTION,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("cla_episode", "adoption"),
    compute=compute,
)
