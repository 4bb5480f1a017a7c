"""CLA-04 (count) Unaccompanied asylum-seeking children looked after at the period's end."""

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
    rows = looked_after_uasc(frames, periods).filter(pl.col("uasc"))
    return counted(rows, item="child_id", on="end")


DEFINITION = IndicatorDefinition(
    code="cla_uasc_count",
    ref="CLA-04",
    title="Unaccompanied asylum-seeking children looked after (number)",
    description=(
        "The number of children looked after on the period's end date (short breaks, V3/V4, "
        "excluded) recorded as unaccompanied asylum-seeking children whose UASC status had "
        "not ceased by that date. Source: DfE 'Children looked after in England', table A1; "
        "LAIT 'Unacc_Asylmn_Seek_Childn'."
    ),
    source="DfE SSDA903 (CLA table A1)",
    area=Area.LOOKED_AFTER,
    unit=Unit.COUNT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.COUNT,
    inputs=("cla_episode", "child"),
    compute=compute,
    benchmark=Benchmark(lait="Unacc_Asylmn_Seek_Childn"),
    decimals=0,
)
