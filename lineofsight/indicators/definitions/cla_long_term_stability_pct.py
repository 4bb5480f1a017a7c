"""CLA-06 Long-term placement stability (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._looked_after import (
    PLACED_FOR_ADOPTION,
    looked_after_at_end,
    placements_at_end,
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
from lineofsight.indicators.definitions.common import Frames, age_on, counted, table


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    child = table(frames, "child").select("child_id", "born_on")
    placed = placements_at_end(frames, periods).select(
        "period", "child_id", "started_on", "placement_type", "previous_started_on"
    )
    rows = (
        looked_after_at_end(frames, periods)
        .join(child, on="child_id", how="left")
        .join(placed, on=["period", "child_id"], how="left")
    )
    # Looked after continuously for 2.5 years, and under 16, on the end date (an unknown date
    # of birth cannot show the child is under 16).
    base = rows.filter(
        (pl.col("care_started_on") <= pl.col("end").dt.offset_by("-30mo"))
        & (age_on(pl.col("born_on"), pl.col("end")) < 16).fill_null(False)
    )
    # A placement for adoption is measured together with the placement before it.
    since = (
        pl.when(pl.col("placement_type").is_in(PLACED_FOR_ADOPTION))
        .then(pl.coalesce("previous_started_on", "started_on"))
        .otherwise(pl.col("started_on"))
    )
    stable = (since <= pl.col("end").dt.offset_by("-2y")).fill_null(False)
    return counted(base, item="child_id", on="end", numerator=stable)


DEFINITION = IndicatorDefinition(
    code="cla_long_term_stability_pct",
    ref="CLA-06",
    title="Long-term placement stability",
    description=(
        "Of the children looked after on the period's end date who were under 16 and had been "
        "looked after continuously for at least 2.5 years (their current period of care began "
        "30 months or more before), the share who had been in the same placement for at least "
        "2 years, or who were placed for adoption (A3-A6) and whose adoptive placement "
        "together with the placement before it in the same period of care had lasted at least "
        "2 years. A change of legal status alone does not change the placement; agreed series "
        "of short breaks (V3/V4) are excluded; a child with no recorded date of birth is left "
        "out. Source: LAIT 'LAC_LongStable%'; DfE 'Placement stability by local authority'."
    ),
    source="DfE SSDA903 (placement stability)",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("cla_episode", "child"),
    compute=compute,
    benchmark=Benchmark(lait="LAC_LongStable%"),
)
