"""WF-04 Average caseload per case-holding social worker."""

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
    # One row per case-holding worker: their cases to the numerator, their FTE to the
    # denominator, so the ratio of the sums is cases per FTE (for a team as for the council).
    # A holder with no FTE still adds their cases, as DfE counts every case held.
    return workers_counted(
        cases_held(frames, periods),
        frames,
        numerator=pl.col("cases"),
        denominator=pl.col("fte").clip(lower_bound=0.0),
    )


DEFINITION = IndicatorDefinition(
    code="social_worker_caseload_avg",
    ref="WF-04",
    title="Average caseload per case-holding social worker (FTE)",
    description=(
        "Cases held at the period's end by children and family social workers (agency and "
        "directly employed), over the full-time equivalent of the workers holding at least "
        "one case (a holder with no FTE adds cases but no FTE). A case is a child with an "
        "open case-holding allocation (allocated social worker, held by a manager, duty) to "
        "the worker; a child counts once per worker. Social workers are the workers in a "
        "social work role: social worker, ASYE, senior and advanced practitioner, team and "
        "service manager, head of service, IRO and conference chair. Source: DfE 'Children's "
        "social work workforce' (LAIT average caseload, 30 September; agency workers in the "
        "base from 2017)."
    ),
    source="DfE children's social work workforce census",
    area=Area.WORKFORCE,
    unit=Unit.RATIO,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.RATIO,
    inputs=("worker", "allocation", "team_membership"),
    compute=compute,
    benchmark=Benchmark(
        lait="Work_Force_AvgNumCase_SW",
        year_offset=-1,
        note=(
            "LAIT's figure is at 30 September. Before 2017 DfE left agency workers out of the "
            "base, so LAIT 2016 (for 2016-17) is not strictly comparable."
        ),
    ),
)
