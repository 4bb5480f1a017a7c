"""CP-19 Care proceedings concluded within 26 weeks (%)."""

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

# T-24: 26 weeks from the application's issue to the end of the proceedings. Concluded in
# the period = met in it, whatever the outcome.
compute = on_time_share("T-24", counted_on="met_on", item="start_key")


DEFINITION = IndicatorDefinition(
    code="care_proceedings_26wk_pct",
    ref="CP-19",
    title="Care proceedings concluded within 26 weeks",
    description=(
        "Of the care (or supervision) order proceedings that concluded in the period, each "
        "child's counted, the share concluded within 26 weeks of the application being issued "
        "(the timescale engine's T-24; Children Act 1989 s32). No extension is recorded, so a "
        "case extended by the court and concluded after 26 weeks counts as late. MoJ "
        "publishes this by court area, not by council; no LAIT measure. Source: Children and "
        "Families Act 2014; MoJ Family Court Statistics (local measure)."
    ),
    source="local (MoJ definition)",
    area=Area.CHILD_PROTECTION,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("obligations",),
    rules=("T-24",),
    compute=compute,
)
