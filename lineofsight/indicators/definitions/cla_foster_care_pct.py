"""CLA-09 Looked-after children in foster care (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._looked_after import FOSTER, looked_after_with_episode
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
    placed = pl.col("placement_type").is_in(FOSTER).fill_null(False)
    return counted(rows, item="child_id", on="end", numerator=placed)


DEFINITION = IndicatorDefinition(
    code="cla_foster_care_pct",
    ref="CLA-09",
    title="Looked-after children in foster care",
    description=(
        "Of the children looked after on the period's end date (short breaks, V3/V4, "
        "excluded), the share whose placement on that date was a foster placement (SSDA903 "
        "U1-U6: with relatives or friends, or with other foster carers, including fostering "
        "for adoption). Source: DfE 'Children looked after in England', table A1; LAIT "
        "'LAC_Foster_Placements'."
    ),
    source="DfE SSDA903 (CLA table A1)",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("cla_episode",),
    compute=compute,
    benchmark=Benchmark(lait="LAC_Foster_Placements"),
)
