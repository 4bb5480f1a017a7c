"""WF-07 (cases held) Cases held by children and family social workers."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._workforce import cases_held, workers_counted
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
    return workers_counted(cases_held(frames, periods), frames, numerator=pl.col("cases"))


DEFINITION = IndicatorDefinition(
    code="social_worker_cases_held",
    ref="WF-07",
    title="Cases held by children and family social workers",
    description=(
        "Cases held at the period's end by children and family social workers (agency and "
        "directly employed), the numerator of the average caseload (WF-04): each child with "
        "an open case-holding allocation (allocated social worker, held by a manager, duty) "
        "to a social worker in post, once per worker. Listed by worker. Source: DfE "
        "'Children's social work workforce' (LAIT 'Number of cases held', 30 September)."
    ),
    source="DfE children's social work workforce census",
    area=Area.WORKFORCE,
    unit=Unit.COUNT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.COUNT,
    inputs=("worker", "allocation", "team_membership"),
    compute=compute,
    benchmark=Benchmark(
        lait="Work_Force_Num_CaseHeld",
        year_offset=-1,
        note="LAIT's figure is at 30 September; this one at the period's end.",
    ),
    decimals=0,
)
