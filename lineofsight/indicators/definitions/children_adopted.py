"""AD-05 Children adopted from care (number)."""

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
    # The same last cessation per child as the percentage, so the two always agree.
    rows = ceased(frames, periods).filter(pl.col("reason_ceased").is_in(ADOPTED))
    return counted(rows, item="period_key", on="ended_on")


DEFINITION = IndicatorDefinition(
    code="children_adopted",
    ref="AD-05",
    title="Children adopted from care",
    description=(
        "Children whose last cessation from care in the period was an adoption (reason E11, "
        "application unopposed, or E12, consent dispensed with). Care under an agreed "
        "series of short breaks is left out. Source: DfE 'Children looked after in England "
        "including adoption'; LAIT 'No_of LAC Adopted'."
    ),
    source="DfE SSDA903",
    area=Area.ADOPTION,
    unit=Unit.COUNT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.COUNT,
    inputs=("cla_episode",),
    compute=compute,
    benchmark=Benchmark(lait="No_of LAC Adopted"),
    decimals=0,
)
