"""AD-07 Children waiting with a placement order or adoption decision who are not yet placed
(number)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._adoption import waiting
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
    return counted(waiting(frames, periods), item="child_id", on="end")


DEFINITION = IndicatorDefinition(
    code="children_waiting_for_adoption",
    ref="AD-07",
    title="Children waiting with a placement order or adoption decision, not yet placed",
    description=(
        "Children looked after at the period's end who have an agency decision that they "
        "should be placed for adoption (made within their current period of care, and not "
        "ceased by then) or a placement order (an episode under legal status E1 or D1 in the "
        "current period of care, or the adoption record's order date), and who have not yet "
        "moved in with an adoptive family: no date placed on the record by then and no "
        "A3-A6 placement started. Source: adoption scorecard / ASGLB (A9/A14)."
    ),
    source="ASGLB / adoption scorecard",
    area=Area.ADOPTION,
    unit=Unit.COUNT,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.COUNT,
    inputs=("cla_episode", "adoption"),
    compute=compute,
    decimals=0,
)
