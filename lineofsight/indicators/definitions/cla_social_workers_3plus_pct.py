"""CLA-13 Looked-after children with 3 or more social workers in the period (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._looked_after import looked_after_at_end
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, table


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    looked_after = looked_after_at_end(frames, periods)
    allocations = table(frames, "allocation").filter(
        (pl.col("role") == "social_worker") & pl.col("worker_id").is_not_null()
    )
    # Every social worker assigned at some time in the period, looked after then or not;
    # a worker who leaves and returns counts once.
    assigned = (
        looked_after.select("period", "start", "end", "child_id")
        .join(allocations.select("child_id", "worker_id", "started_on", "ended_on"), on="child_id")
        .filter(
            (pl.col("started_on") <= pl.col("end"))
            & (pl.col("ended_on").is_null() | (pl.col("ended_on") >= pl.col("start")))
        )
        .group_by("period", "child_id")
        .agg(pl.col("worker_id").n_unique().alias("workers"))
    )
    rows = looked_after.join(assigned, on=["period", "child_id"], how="left")
    return counted(rows, item="child_id", on="end", numerator=pl.col("workers").fill_null(0) >= 3)


DEFINITION = IndicatorDefinition(
    code="cla_social_workers_3plus_pct",
    ref="CLA-13",
    title="Looked-after children with 3 or more social workers in the period",
    description=(
        "Of the children looked after on the period's end date (short breaks, V3/V4, "
        "excluded), the share who had 3 or more different social workers allocated at some "
        "time in the period (1 April to 31 March for a year): allocations of role social "
        "worker naming a worker, open on any day of the period, including time when the child "
        "was not looked after. A worker allocated twice counts once; duty, manager-held and "
        "personal adviser allocations are not social workers here. Source: LAIT "
        "'Stability_SocialWorker'; DfE 'Stability measures for children looked after in "
        "England'."
    ),
    source="DfE stability measures (CIN census social workers)",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("cla_episode", "allocation"),
    compute=compute,
    benchmark=Benchmark(lait="Stability_SocialWorker", shorter_periods=False),
)
