"""WF-07 Children and family social workers in post (FTE)."""

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
    # DfE's count is of social workers employed directly by the council: agency staff are
    # counted separately (WF-01), so they are not in it.
    workers = social_workers(frames).filter(~pl.col("is_agency"))
    return workers_counted(in_post(workers, periods), frames, numerator=pl.col("fte"))


DEFINITION = IndicatorDefinition(
    code="social_workers_fte",
    ref="WF-07",
    title="Children and family social workers in post (FTE)",
    description=(
        "Full-time equivalent of the children and family social workers employed directly by "
        "the council and in post at the period's end (started by then, not left by then). "
        "Social workers are the workers in a social work role: social worker, ASYE, senior and "
        "advanced practitioner, team and service manager, head of service, IRO and conference "
        "chair; agency workers are not counted. Each worker is listed with their FTE and the "
        "team of their membership on that day. Source: DfE 'Children's social work workforce' "
        "(LAIT 'FTE number of children's social workers', a 30 September snapshot)."
    ),
    source="DfE children's social work workforce census",
    area=Area.WORKFORCE,
    unit=Unit.COUNT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.COUNT,
    inputs=("worker", "team_membership"),
    compute=compute,
    benchmark=Benchmark(
        lait="Work_Force_NoSW",
        year_offset=-1,
        note="LAIT's figure is at 30 September; this one at the period's end.",
    ),
)
