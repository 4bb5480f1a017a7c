"""CL-05 Care leavers aged 19-21 not in education, employment or training (%)."""

from __future__ import annotations

from lineofsight.indicators.definitions._leavers import COHORT_19_21, NEET, activity_share
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

compute = activity_share(COHORT_19_21, NEET)


DEFINITION = IndicatorDefinition(
    code="care_leavers_19_21_neet_pct",
    ref="CL-05",
    title="Care leavers aged 19-21 not in education, employment or training",
    description=(
        "Care leavers (former relevant young people: looked after for 13 weeks since their "
        "14th birthday, some of it after the 16th, leaving care at 16 or over other than "
        "home, to an order, adoption or another council) whose 19th, 20th or 21st birthday "
        "falls in the period, who had left care by it and had not died; their status is "
        "the care-leaver record nearest the birthday within three months either side. The "
        "share recorded as not in education, employment or training (NEET because of "
        "illness or disability, pregnancy or parenting, or other reasons). Young people "
        "whose activity is not known (not in touch, no record) stay in the base and are not "
        "counted as NEET, as DfE reads them. Source: DfE 'Children looked after in England "
        "including adoption' (care leavers); LAIT 'CareLeaversNEET'."
    ),
    source="DfE SSDA903 (OC3)",
    area=Area.CARE_LEAVERS,
    unit=Unit.PERCENT,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("child", "cla_episode", "care_leaver_status"),
    compute=compute,
    benchmark=Benchmark(lait="CareLeaversNEET"),
)
