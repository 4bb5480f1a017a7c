"""AD-05 Children adopted: % of children ceasing to be looked after."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._adoption import ADOPTED, ceased
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    rows = ceased(frames, periods)
    return counted(
        rows,
        item="period_key",
        on="ended_on",
        numerator=pl.col("reason_ceased").is_in(ADOPTED),
    )


DEFINITION = IndicatorDefinition(
    code="children_adopted_pct",
    ref="AD-05",
    title="Children adopted, of children ceasing to be looked after",
    description=(
        "Of the children who ceased to be looked after in the period, counting each child's "
        "last cessation in it, the share whose care ended in adoption (reason E11, "
        "application unopposed, or E12, consent dispensed with). Care under an agreed "
        "series of short breaks is left out. A child who ceases in two periods counts in "
        "both. Source: DfE 'Children looked after in England including adoption'; LAIT "
        "'%_of LAC Adopted'; adoption scorecard A4."
    ),
    source="DfE SSDA903",
    area=Area.ADOPTION,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("cla_episode",),
    compute=compute,
    benchmark=Benchmark(lait="%_of LAC Adopted"),
)
