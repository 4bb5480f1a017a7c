"""CLA-08 Looked-after children placed more than 20 miles from home and outside the council's
area (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._looked_after import looked_after_with_episode
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
    rows = looked_after_with_episode(frames, periods)
    # Distance and location are DfE's derived PL_DISTANCE and PL_LOCATION on the episode;
    # an unknown distance (blank for UASC) is not counted as distant.
    distant = (pl.col("distance_miles") > 20) & (pl.col("placement_location") == "OUT")
    return counted(rows, item="child_id", on="end", numerator=distant.fill_null(False))


DEFINITION = IndicatorDefinition(
    code="cla_placed_over_20_miles_pct",
    ref="CLA-08",
    title="Looked-after children placed over 20 miles from home, outside the council's area",
    description=(
        "Of the children looked after on the period's end date (short breaks, V3/V4, "
        "excluded), the share whose placement on that date was more than 20 miles from the "
        "home address from which they were placed and outside the council's area: the "
        "episode's derived distance (PL_DISTANCE) over 20 and location (PL_LOCATION) OUT. A "
        "child whose distance is not recorded stays in the base but not the count. Source: "
        "LAIT 'LACDistance'; DfE 'Children looked after in England', placement location."
    ),
    source="DfE SSDA903 (placement location)",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("cla_episode",),
    compute=compute,
    benchmark=Benchmark(lait="LACDistance"),
)
