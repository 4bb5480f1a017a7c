"""CL-08 Staying put: care leavers aged 18-20 who left foster care at 18 and still live with
their former foster carers (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._leavers import (
    STAYING_PUT_AGES,
    WITH_FORMER_FOSTER_CARERS,
    cohort,
    cohort_counted,
    left_foster_care_at_18,
)
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
    rows = left_foster_care_at_18(frames, cohort(frames, periods, STAYING_PUT_AGES)).filter(
        "foster_at_18"
    )
    staying = pl.col("staying_put").fill_null(False) | (
        pl.col("accommodation") == WITH_FORMER_FOSTER_CARERS
    ).fill_null(False)
    return cohort_counted(rows, numerator=staying)


DEFINITION = IndicatorDefinition(
    code="care_leavers_staying_put_pct",
    ref="CL-08",
    title="Staying put: care leavers aged 18-20 still living with their former foster carers",
    description=(
        "Care leavers whose 18th, 19th or 20th birthday falls in the period and who ceased to "
        "be looked after on their 18th birthday from a foster placement (U1-U6, the last "
        "episode of their care), are eligible for care-leaver support, had not died and had "
        "not returned home for six months or more: the share living with their former "
        "foster carers (staying put, or accommodation Z) on the care-leaver record nearest "
        "the birthday within three months either side. DfE counts ages 18 to 20 now; its "
        "2016-17 and earlier figures counted 19 and 20 only. Source: DfE 'Children looked "
        "after in England including adoption' (staying put); LAIT 'StayingPut'."
    ),
    source="DfE SSDA903 (OC3)",
    area=Area.CARE_LEAVERS,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("child", "cla_episode", "care_leaver_status"),
    compute=compute,
    benchmark=Benchmark(
        lait="StayingPut", note="LAIT's 2017 and earlier values count ages 19 and 20 only"
    ),
)
