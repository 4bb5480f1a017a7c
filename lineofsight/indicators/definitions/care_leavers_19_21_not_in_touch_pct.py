"""CL-07 Care leavers aged 19-21 the council is not in touch with (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._leavers import COHORT_19_21, NOT_KNOWN, cohort_share
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

# Not in touch and nothing known: one whose activity a third party supplied is not counted.
compute = cohort_share(
    COHORT_19_21, (pl.col("in_touch") == "NO") & (pl.col("activity") == NOT_KNOWN)
)


DEFINITION = IndicatorDefinition(
    code="care_leavers_19_21_not_in_touch_pct",
    ref="CL-07",
    title="Care leavers aged 19-21 the council is not in touch with",
    description=(
        "Care leavers (former relevant young people: looked after for 13 weeks since their "
        "14th birthday, some of it after the 16th, leaving care at 16 or over other than "
        "home, to an order, adoption or another council) whose 19th, 20th or 21st birthday "
        "falls in the period, who had left care by it and had not died; their status is "
        "the care-leaver record nearest the birthday within three months either side. The "
        "share the council was not in touch with and whose activity is not known; one whose "
        "activity a third party supplied is not counted, nor one who refused contact. "
        "Source: DfE 'Children looked after in England including adoption' (care leavers); "
        "LAIT 'CareLeavers_LA_NotInTouch'."
    ),
    source="DfE SSDA903 (OC3)",
    area=Area.CARE_LEAVERS,
    unit=Unit.PERCENT,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("child", "cla_episode", "care_leaver_status"),
    compute=compute,
    benchmark=Benchmark(lait="CareLeavers_LA_NotInTouch"),
)
