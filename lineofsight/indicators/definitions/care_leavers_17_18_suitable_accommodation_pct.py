"""CL-04 Care leavers aged 17-18 in suitable accommodation (%)."""

from __future__ import annotations

from lineofsight.indicators.definitions._leavers import COHORT_17_18, suitable_accommodation_share
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

compute = suitable_accommodation_share(COHORT_17_18)


DEFINITION = IndicatorDefinition(
    code="care_leavers_17_18_suitable_accommodation_pct",
    ref="CL-04",
    title="Care leavers aged 17-18 in suitable accommodation",
    description=(
        "Care leavers (relevant and former relevant young people: looked after for 13 weeks "
        "since their 14th birthday, some of it after the 16th, leaving care at 16 or over other "
        "than home, to an order, adoption or another council) whose 17th or 18th birthday falls "
        "in the period (leaving care on the 18th birthday counts), who had left care by it and "
        "had not died; their status is the care-leaver record nearest the birthday within three "
        "months either side. The share whose accommodation was judged suitable. Those gone "
        "abroad, deported or whose residence is not known are left out of the base, as their "
        "suitability is not usually known; those not in touch, refusing contact, no longer "
        "wanting services or with no record stay in it (not suitable); those who died or "
        "returned home for six months or more leave the cohort. Source: DfE 'Children looked "
        "after in England including adoption' (care leavers aged 17 and 18)."
    ),
    source="DfE SSDA903 (OC3)",
    area=Area.CARE_LEAVERS,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("child", "cla_episode", "care_leaver_status"),
    compute=compute,
)
