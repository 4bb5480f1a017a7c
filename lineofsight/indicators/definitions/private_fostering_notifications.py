"""OT-01 Private fostering: notifications received (count)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, during, table


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    # Each arrangement notified counts, so a child in two arrangements counts twice.
    notified = during(table(frames, "private_fostering_arrangement"), "notified_on", periods)
    return counted(notified, item="key", on="notified_on")


DEFINITION = IndicatorDefinition(
    code="private_fostering_notifications",
    ref="OT-01",
    title="Private fostering: notifications received",
    description=(
        "Private fostering arrangements notified to the council in the period, each "
        "arrangement counted on its notification date. Source: local measure (DfE collected "
        "private fostering notifications in the PF1 return until 2015)."
    ),
    source="local",
    area=Area.OTHER,
    unit=Unit.COUNT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.COUNT,
    inputs=("private_fostering_arrangement",),
    compute=compute,
    decimals=0,
)
