"""CIN-06 CIN plan reviews within timescale (%)."""

from __future__ import annotations

from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import on_time_share

# T-06 chains from the plan's start and then from each review's actual date (a local
# rule: 3 months unless the council sets its own).
compute = on_time_share("T-06")


DEFINITION = IndicatorDefinition(
    code="cin_plan_reviews_in_time_pct",
    ref="CIN-06",
    title="CIN plan reviews within timescale",
    description=(
        "Of the child in need plan reviews that fell due in the period, the share held on "
        "time: the first within 3 months of the plan's start, each next within 3 months of "
        "the last (or the council's own standard). A review held late, or not yet, counts as "
        "not on time; one that would have fallen due after the plan ended is not counted. "
        "Read from the timescale engine's T-06 obligations. Local measure, not published by "
        "DfE."
    ),
    source="local",
    area=Area.CHILDREN_IN_NEED,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("obligations",),
    rules=("T-06",),
    compute=compute,
)
