"""CLA-10 Looked-after reviews held within timescale (%)."""

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

# First review within 20 working days, second within 3 months, then every 6 months.
REVIEW_RULES = ("T-39", "T-40", "T-41")

compute = on_time_share(REVIEW_RULES)


DEFINITION = IndicatorDefinition(
    code="cla_reviews_on_time_pct",
    ref="CLA-10",
    title="Looked-after reviews held within timescale",
    description=(
        "Of the looked-after reviews falling due in the period, the share held by the due "
        "date: the first within 20 working days of the child becoming looked after, the "
        "second within 3 months of the first, and each later one within 6 months of the one "
        "before, each due date running from the actual date of the review before (CPPCR 2010 "
        "reg 33; the timescale engine's T-39, T-40 and T-41). A review still not held by the "
        "period's end counts as late; a clock whose period of care ended before the review "
        "fell due is not counted; reviews of children on short breaks (T-43) are not "
        "included. Source: local (Annex A 'date of latest statutory review'); DfE no longer "
        "publishes it."
    ),
    source="local",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("obligations",),
    rules=REVIEW_RULES,
    compute=compute,
)
