"""CIN-05 CIN statutory visits within timescale (%)."""

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

# T-07 chains from the plan's start and then from each visit's actual date; the rule is
# local (20 working days unless the council sets its own), so the code names no number.
compute = on_time_share("T-07")


DEFINITION = IndicatorDefinition(
    code="cin_visits_in_time_pct",
    ref="CIN-05",
    title="CIN visits within timescale",
    description=(
        "Of the child in need visits that fell due in the period, the share made on time: "
        "the first within 20 working days of the CIN plan's start, each next within 20 working "
        "days of the last (or the council's own standard). A visit made late, or not yet, "
        "counts as not on time; a visit that would have fallen due after the plan ended is "
        "not counted. Read from the timescale engine's T-07 obligations. Local measure, not "
        "published by DfE."
    ),
    source="local",
    area=Area.CHILDREN_IN_NEED,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("obligations",),
    rules=("T-07",),
    compute=compute,
)
