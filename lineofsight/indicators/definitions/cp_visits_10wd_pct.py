"""CP-15 Child protection visits within timescale (%)."""

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

# T-20 chains from the plan's start and then from each visit: each visit due is counted.
compute = on_time_share("T-20")


DEFINITION = IndicatorDefinition(
    code="cp_visits_10wd_pct",
    ref="CP-15",
    title="Child protection visits within timescale",
    description=(
        "Of the child protection visits due in the period, the share made on time: a CP visit "
        "(or a pre-birth visit under a pre-birth plan) within 10 working days of the plan's "
        "start, then of the previous visit (the timescale engine's T-20, using the council's "
        "local standard). A visit made after the period ended counts as not made in it. Each "
        "visit due is counted, against the worker responsible on its due date. Not published "
        "by DfE. Source: local standard (Annex A List 7 'date of last statutory visit')."
    ),
    source="local",
    area=Area.CHILD_PROTECTION,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("obligations",),
    rules=("T-20",),
    compute=compute,
)
