"""WF-01 Agency worker rate (FTE %)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._workforce import in_post, social_workers, workers_counted
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    # Every social worker in post weighs by FTE in the base; agency workers also in the
    # numerator, so the value is agency FTE / (agency FTE + directly employed FTE).
    return workers_counted(
        in_post(social_workers(frames), periods),
        frames,
        numerator=pl.when(pl.col("is_agency")).then(pl.col("fte")).otherwise(0.0),
        denominator=pl.col("fte"),
    )


DEFINITION = IndicatorDefinition(
    code="social_workers_agency_pct",
    ref="WF-01",
    title="Agency social worker rate (FTE)",
    description=(
        "Of the full-time equivalent of children and family social workers in post at the "
        "period's end, agency and directly employed together, the share that is agency "
        "workers. Social workers are the workers in a social work role: social worker, ASYE, "
        "senior and advanced practitioner, team and service manager, head of service, IRO "
        "and conference chair. Source: DfE 'Children's social work workforce' (LAIT agency "
        "worker rate, a 30 September snapshot, FTE basis)."
    ),
    source="DfE children's social work workforce census",
    area=Area.WORKFORCE,
    unit=Unit.PERCENT,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("worker", "team_membership"),
    compute=compute,
    benchmark=Benchmark(
        lait="Work_Force_Agecy_Rate",
        year_offset=-1,
        note="LAIT's figure is at 30 September; this one at the period's end.",
    ),
)
