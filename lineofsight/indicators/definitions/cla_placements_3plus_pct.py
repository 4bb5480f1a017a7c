"""CLA-05 Short-term placement stability: looked-after children with 3 or more placements in the
period (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._looked_after import (
    looked_after_at_end,
    placements_between,
    stability_placements,
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
    # Placements open at any time in the period count, from any period of care in it.
    rows = placements_between(
        looked_after_at_end(frames, periods),
        stability_placements(frames, periods),
        since="start",
        until="end",
    )
    return counted(rows, item="child_id", on="end", numerator=pl.col("placements") >= 3)


DEFINITION = IndicatorDefinition(
    code="cla_placements_3plus_pct",
    ref="CLA-05",
    title="Looked-after children with 3 or more placements in the period",
    description=(
        "Of the children looked after on the period's end date, the share who had 3 or more "
        "separate placements during the period (1 April to 31 March for a year). Placements "
        "already open on the first day and still open on the last count, as do those in an "
        "earlier period of care within the period; a placement that began and ended on the "
        "same day (under 24 hours) does not; a placement for adoption with the child's "
        "current foster carer (A3, A5) continues the placement before it rather than counting "
        "as a move; a change of legal status alone is not a new placement; children looked "
        "after only under an agreed series of short breaks (V3/V4) are excluded. Source: LAIT "
        "'LACStable_2016on'; DfE 'Children looked after in England', placement stability."
    ),
    source="DfE SSDA903 (placement stability)",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("cla_episode",),
    compute=compute,
    benchmark=Benchmark(lait="LACStable_2016on", shorter_periods=False),
)
