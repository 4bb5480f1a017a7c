"""CL-01 Care leavers aged 19-21 in education, employment or training (%)."""

from __future__ import annotations

from lineofsight.indicators.definitions._leavers import COHORT_19_21, EET, activity_share
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

compute = activity_share(COHORT_19_21, EET)


DEFINITION = IndicatorDefinition(
    code="care_leavers_19_21_eet_pct",
    ref="CL-01",
    title="Care leavers aged 19-21 in education, employment or training",
    description=(
        "Care leavers (former relevant young people: looked after for 13 weeks since their "
        "14th birthday, some of it after the 16th, leaving care at 16 or over other than "
        "home, to an order, adoption or another council) whose 19th, 20th or 21st birthday "
        "falls in the period, who had left care by it and had not died; their status is "
        "the care-leaver record nearest the birthday within three months either side. The "
        "share in education, employment or training (higher or other education, training, "
        "employment or an apprenticeship, full- or part-time). Young people the council is "
        "not in touch with, who refuse contact or no longer want services, or with no "
        "record, stay in the base; those who died or returned home for six months or more "
        "leave it. Source: DfE 'Children looked after in England including adoption' (care "
        "leavers); LAIT 'CareLeaverEET'."
    ),
    source="DfE SSDA903 (OC3)",
    area=Area.CARE_LEAVERS,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("child", "cla_episode", "care_leaver_status"),
    compute=compute,
    benchmark=Benchmark(lait="CareLeaverEET"),
)
