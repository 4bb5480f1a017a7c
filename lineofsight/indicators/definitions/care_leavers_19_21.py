"""CL-11 Care leavers aged 19-21 in the DfE cohort (number)."""

from __future__ import annotations

from lineofsight.indicators.definitions._leavers import COHORT_19_21, cohort_share
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

compute = cohort_share(COHORT_19_21)


DEFINITION = IndicatorDefinition(
    code="care_leavers_19_21",
    ref="CL-11",
    title="Care leavers aged 19-21 in the cohort",
    description=(
        "The number of care leavers (former relevant young people: looked after for 13 "
        "weeks since their 14th birthday, some of it after the 16th, leaving care at 16 or "
        "over other than home, to an order, adoption or another council) whose 19th, 20th or "
        "21st birthday falls in the period, who had left care by it and had not died, "
        "leaving out those whose care-leaver record around the birthday says they died or "
        "returned home for six months or more. Those not in touch stay in. The base of the "
        "19-21 care-leaver measures. Source: DfE 'Children looked after in England including "
        "adoption' (care leavers); LAIT 'NoCareLeavers'."
    ),
    source="DfE SSDA903 (OC3)",
    area=Area.CARE_LEAVERS,
    unit=Unit.COUNT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.COUNT,
    inputs=("child", "cla_episode", "care_leaver_status"),
    compute=compute,
    benchmark=Benchmark(lait="NoCareLeavers"),
    decimals=0,
)
