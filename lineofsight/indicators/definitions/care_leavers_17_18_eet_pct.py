"""CL-02 Care leavers aged 17-18 in education, employment or training (%)."""

from __future__ import annotations

from lineofsight.indicators.definitions._leavers import COHORT_17_18, EET, activity_share
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

compute = activity_share(COHORT_17_18, EET)


DEFINITION = IndicatorDefinition(
    code="care_leavers_17_18_eet_pct",
    ref="CL-02",
    title="Care leavers aged 17-18 in education, employment or training",
    description=(
        "Care leavers (relevant and former relevant young people: looked after for 13 weeks "
        "since their 14th birthday, some of it after the 16th, leaving care at 16 or over other "
        "than home, to an order, adoption or another council) whose 17th or 18th birthday falls "
        "in the period, who had left care by it (on the 18th birthday counts) and had not died; "
        "their status is the care-leaver record nearest the birthday within three months either "
        "side. The share in education, employment or training. Not in touch, refused contact, no "
        "longer wanting services or no record stay in the base; died or returned home for six "
        "months or more leave it. Source: DfE 'Children looked after in England including "
        "adoption' (care leavers aged 17 and 18)."
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
