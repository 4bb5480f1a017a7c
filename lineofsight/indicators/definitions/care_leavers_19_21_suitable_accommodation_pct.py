"""CL-03 Care leavers aged 19-21 in suitable accommodation (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._leavers import (
    COHORT_19_21,
    SUITABILITY_NOT_KNOWN,
    cohort,
    cohort_counted,
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
    rows = cohort(frames, periods, COHORT_19_21)
    in_base = ~pl.col("accommodation").is_in(SUITABILITY_NOT_KNOWN).fill_null(False)
    return cohort_counted(
        rows,
        numerator=in_base & pl.col("accommodation_suitable").fill_null(False),
        denominator=in_base,
    )


DEFINITION = IndicatorDefinition(
    code="care_leavers_19_21_suitable_accommodation_pct",
    ref="CL-03",
    title="Care leavers aged 19-21 in suitable accommodation",
    description=(
        "Care leavers (relevant and former relevant young people: looked after for 13 weeks "
        "since their 14th birthday, some of it after the 16th, leaving care at 16 or over other "
        "than home, to an order, adoption or another council) whose 19th, 20th or 21st birthday "
        "falls in the period, who had left care by it and had not died; their status is the "
        "care-leaver record nearest the birthday within three months either side. The share "
        "whose accommodation was judged suitable. Those gone abroad, deported or whose residence "
        "is not known are left out of the base, as their suitability is not usually known; those "
        "not in touch, refusing contact, no longer wanting services or with no record stay in it "
        "(not suitable); those who died or returned home for six months or more leave the "
        "cohort. Source: DfE 'Children looked after in England including adoption' (care "
        "leavers); LAIT 'CareLeaverAcc'."
    ),
    source="DfE SSDA903 (OC3)",
    area=Area.CARE_LEAVERS,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("child", "cla_episode", "care_leaver_status"),
    compute=compute,
    benchmark=Benchmark(lait="CareLeaverAcc"),
)
