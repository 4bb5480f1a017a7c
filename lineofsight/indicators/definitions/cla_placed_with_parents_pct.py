"""CLA-09 Looked-after children placed with parents (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._looked_after import (
    WITH_PARENTS,
    looked_after_with_episode,
)
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
    placed = pl.col("placement_type").is_in(WITH_PARENTS).fill_null(False)
    return counted(rows, item="child_id", on="end", numerator=placed)


DEFINITION = IndicatorDefinition(
    code="cla_placed_with_parents_pct",
    ref="CLA-09",
    title="Looked-after children placed with parents",
    description=(
        "Of the children looked after on the period's end date (short breaks, V3/V4, "
        "excluded), the share placed on that date with their own parents or others with "
        "parental responsibility (SSDA903 placement P1). Source: DfE 'Children looked after "
        "in England', table A1; LAIT 'LAC_Parents_OR_Others'."
    ),
    source="DfE SSDA903 (CLA table A1)",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("cla_episode",),
    compute=compute,
    benchmark=Benchmark(lait="LAC_Parents_OR_Others"),
)
