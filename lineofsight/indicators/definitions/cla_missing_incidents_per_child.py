"""CLA-28 Missing incidents per missing child."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._outcomes import looked_after_during_with_incidents
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    missing = looked_after_during_with_incidents(frames, periods, "M").filter(
        pl.col("incidents") >= 1
    )
    return counted(missing, item="child_id", on="on", numerator=pl.col("incidents"))


DEFINITION = IndicatorDefinition(
    code="cla_missing_incidents_per_child",
    ref="CLA-28",
    title="Missing incidents per looked-after child who went missing",
    description=(
        "The number of missing incidents of children while looked after in the period (short "
        "breaks excluded; an incident already under way when the period starts counts) "
        "divided by the number of those children who went missing. Incidents of being away "
        "without authorisation are not counted. Source: DfE 'Children looked after in "
        "England', missing table."
    ),
    source="DfE SSDA903 (missing)",
    area=Area.LOOKED_AFTER,
    unit=Unit.RATIO,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.DURING,
    kind=Kind.RATIO,
    inputs=("cla_episode", "missing_episode"),
    compute=compute,
)
