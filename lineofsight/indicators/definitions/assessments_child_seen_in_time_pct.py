"""LOCAL-child-seen: child seen during assessment within the local timescale (%)."""

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

# T-03 is a local rule (5 working days from the assessment's start unless the council
# sets its own), so the code names no number of days.
compute = on_time_share("T-03", item="start_key")


DEFINITION = IndicatorDefinition(
    code="assessments_child_seen_in_time_pct",
    ref="LOCAL-child-seen",
    title="Child seen during assessment within timescale",
    description=(
        "A local measure, not in the catalogue. Of the assessments whose 'child seen' date "
        "fell due in the period, the share where the child was seen by then: 5 working days "
        "from the assessment's start by default, or the council's own standard. A child seen "
        "later, or not at all, counts as not in time; an assessment whose referral "
        "closed before the date fell due, the child unseen, is not counted. Read from the "
        "timescale engine's T-03 obligations. Source: Working Together ('a timescale "
        "appropriate to the nature of the concerns'); local standard."
    ),
    source="local",
    area=Area.ASSESSMENT,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("obligations",),
    rules=("T-03",),
    compute=compute,
)
