"""CLA-07 Looked-after children with 3 or more placements over the previous 2 years (%)."""

from __future__ import annotations

import datetime as dt

import polars as pl

from lineofsight.indicators.definitions._looked_after import (
    looked_after_at_end,
    placements_between,
    stability_placements,
)
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
    two_years_before = pl.col("end").dt.offset_by("-2y")
    # Looked after throughout the two years to the end date.
    base = looked_after_at_end(frames, periods).filter(
        pl.col("care_started_on") <= two_years_before
    )
    rows = placements_between(
        base,
        stability_placements(frames, periods),
        since=two_years_before + dt.timedelta(days=1),
        until="end",
    )
    return counted(rows, item="child_id", on="end", numerator=pl.col("placements") >= 3)


DEFINITION = IndicatorDefinition(
    code="cla_placements_3plus_2y_pct",
    ref="CLA-07",
    title="Looked-after children with 3 or more placements over 2 years",
    description=(
        "Of the children looked after on the period's end date who had been looked after "
        "continuously for at least 2 years (their current period of care began on or before "
        "the same date two years earlier), the share with 3 or more placements open at some "
        "time in the two years to the end date. Placements are counted as for CLA-05: one "
        "under 24 hours does not count, a placement for adoption with the current foster "
        "carer (A3, A5) continues the one before, and short breaks (V3/V4) are excluded. "
        "Source: DfE 'Stability measures for children looked after in England'."
    ),
    source="DfE SSDA903 (stability measures)",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("cla_episode",),
    compute=compute,
)
