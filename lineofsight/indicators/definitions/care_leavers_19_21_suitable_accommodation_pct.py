"""CL-03 Care leavers aged 19-21 in suitable accommodation (%)."""

from __future__ import annotations

from lineofsight.indicators.definitions._leavers import COHORT_19_21, suitable_accommodation_share
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

compute = suitable_accommodation_share(COHORT_19_21)


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
