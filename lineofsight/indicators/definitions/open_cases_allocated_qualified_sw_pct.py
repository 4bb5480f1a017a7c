"""WF-08 Open cases with an allocated qualified social worker (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._workforce import open_cases
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, open_on, table


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    cases = open_cases(frames, periods)
    qualified = table(frames, "worker").filter(pl.col("is_qualified")).select("staff_id")
    # Allocated: an open allocation in the social worker role to a named, qualified worker. A
    # case held by a manager or on duty is "held", not allocated (journey model §1).
    allocations = (
        table(frames, "allocation")
        .filter(pl.col("role") == "social_worker")
        .join(qualified, left_on="worker_id", right_on="staff_id", how="semi")
        .select("child_id", "started_on", "ended_on")
    )
    allocated = open_on(allocations, "started_on", "ended_on", periods).select(
        pl.struct("period", "child_id").implode()
    )
    flag = pl.struct("period", "child_id").is_in(allocated.to_series())
    return counted(cases, item="child_id", on="end", numerator=flag)


DEFINITION = IndicatorDefinition(
    code="open_cases_allocated_qualified_sw_pct",
    ref="WF-08",
    title="Open cases with an allocated qualified social worker",
    description=(
        "Of the children with an open case at the period's end (a child in need: a referral "
        "not closed with no further action and not closed by then; on a child protection "
        "plan; or looked after), the share allocated to a qualified social worker then: an "
        "open allocation in the social worker role to a worker recorded as qualified. A case "
        "held by a team manager or on duty, or allocated to an unqualified worker, is not "
        "allocated. Each child is listed under the team and worker holding the case, if any. "
        "Source: local measure (catalogue WF-08); DfE publishes no equivalent."
    ),
    source="local",
    area=Area.WORKFORCE,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("referral", "cp_plan", "cla_episode", "allocation", "worker"),
    compute=compute,
)
