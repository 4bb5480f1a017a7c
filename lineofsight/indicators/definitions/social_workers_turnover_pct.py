"""WF-02 Social worker turnover rate (FTE %)."""

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
from lineofsight.indicators.definitions.common import Frames, during, empty_counted


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    employed = social_workers(frames).filter(~pl.col("is_agency"))
    # Leavers: left in the period. DfE leaves out those who started and left in the same
    # reporting period, so they are not leavers here either.
    leavers = during(employed, "ended_on", periods).filter(pl.col("started_on") < pl.col("start"))
    leaving = workers_counted(
        leavers, frames, on="ended_on", numerator=pl.col("fte"), denominator=False
    )
    staying = workers_counted(
        in_post(employed, periods), frames, numerator=False, denominator=pl.col("fte")
    )
    return pl.concat([empty_counted(), leaving, staying], how="vertical")


DEFINITION = IndicatorDefinition(
    code="social_workers_turnover_pct",
    ref="WF-02",
    title="Social worker turnover rate (FTE)",
    description=(
        "Full-time equivalent of the directly employed children and family social workers who "
        "left in the period, over the FTE of those in post at its end (agency workers are in "
        "neither). A worker whose end date falls in the period is a leaver; one who started "
        "in the period as well is not counted, as DfE leaves out those who start and leave in "
        "the same year. Social workers are the workers in a social work role: social worker, "
        "ASYE, senior and advanced practitioner, team and service manager, head of service, "
        "IRO and conference chair. Leavers are listed in the team they left. Source: DfE "
        "'Children's social work workforce' (LAIT turnover rate, the year to 30 September)."
    ),
    source="DfE children's social work workforce census",
    area=Area.WORKFORCE,
    unit=Unit.PERCENT,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("worker", "team_membership"),
    compute=compute,
    benchmark=Benchmark(
        lait="Work_Force_TO_Rate",
        year_offset=-1,
        note="LAIT's year runs to 30 September; compare a whole year only.",
    ),
)
