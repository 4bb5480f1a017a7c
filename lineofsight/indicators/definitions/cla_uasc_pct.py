"""CLA-04 Unaccompanied asylum-seeking children among those looked after at the period's end (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._looked_after import looked_after_uasc
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    rows = looked_after_uasc(frames, periods)
    return counted(rows, item="child_id", on="end", numerator=pl.col("uasc"))


DEFINITION = IndicatorDefinition(
    code="cla_uasc_pct",
    ref="CLA-04",
    title="Looked-after children who are unaccompanied asylum seekers",
    description=(
        "Of the children looked after on the period's end date (short breaks, V3/V4, "
        "excluded), the share recorded as unaccompanied asylum-seeking children whose UASC "
        "status had not ceased by that date (a status ceasing on the end date has ceased). "
        "Source: DfE 'Children looked after in England', table A1; LAIT "
        "'Unacc_Asylmn_Seek_Childn%'."
    ),
    source="DfE SSDA903 (CLA table A1)",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("cla_episode", "child"),
    compute=compute,
    benchmark=Benchmark(lait="Unacc_Asylmn_Seek_Childn%"),
)
