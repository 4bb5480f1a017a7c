"""CP-14 Child protection plans reviewed within timescale (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._protection import open_plans, plan_obligations
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, on_time


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    # Children on a plan at the period's end that had been on it for at least 3 months.
    rows = open_plans(frames, periods).filter(
        pl.col("started_on") <= pl.col("end").dt.offset_by("-3mo")
    )
    # Each of the plan's review clocks (T-18 first review, T-19 later ones) due by then: one
    # met after its due date, or still unmet, is a review out of time.
    reviews = plan_obligations(frames, ("T-18", "T-19")).select(
        "cp_plan_id", "due_on", on_time().alias("in_time")
    )
    late = (
        rows.select("period", "end", "key")
        .join(reviews, left_on="key", right_on="cp_plan_id")
        .filter((pl.col("due_on") <= pl.col("end")) & ~pl.col("in_time"))
        .select("period", "key", pl.lit(True).alias("late"))
        .unique()
    )
    rows = rows.join(late, on=["period", "key"], how="left")
    return counted(rows, item="key", on=pl.col("end"), numerator=pl.col("late").is_null())


DEFINITION = IndicatorDefinition(
    code="cp_reviewed_pct",
    ref="CP-14",
    title="Child protection plans reviewed within timescale",
    description=(
        "Of the children on a child protection plan at the period's end who had been on it "
        "for at least three months, the share all of whose review conferences due by then "
        "were held on time: the first within 3 months of the conference that made the plan, "
        "then each within 6 months of the one before (the timescale engine's T-18 and T-19). "
        "A review still outstanding past its due date at the period's end counts as late. "
        "Source: Working Together; DfE 'Characteristics of children in need', table D6; LAIT "
        "'RevCP'."
    ),
    source="DfE CIN census (D6)",
    area=Area.CHILD_PROTECTION,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("obligations", "cp_plan", "referral", "conference", "core_group"),
    rules=("T-18", "T-19"),
    compute=compute,
    benchmark=Benchmark(lait="RevCP"),
)
