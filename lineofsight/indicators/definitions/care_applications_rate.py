"""CP-18 Care applications per 10,000 children."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, during, table


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    care = table(frames, "legal_proceeding").filter(pl.col("kind") == "care")
    rows = during(care, "started_on", periods)
    return counted(rows, item="key", on="started_on")


DEFINITION = IndicatorDefinition(
    code="care_applications_rate",
    ref="CP-18",
    title="Care applications per 10,000 children",
    description=(
        "Care (or supervision) order applications issued in the period, counted by child "
        "(each child's proceedings once per application), per 10,000 children aged 0-17. "
        "Pre-proceedings, placement order and other applications are not counted. Source: "
        "Cafcass care applications; LAIT 'CareApplications'."
    ),
    source="Cafcass",
    area=Area.CHILD_PROTECTION,
    unit=Unit.RATE_PER_10K,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.RATE_PER_10K,
    inputs=("legal_proceeding",),
    compute=compute,
    benchmark=Benchmark(lait="CareApplications"),
)
