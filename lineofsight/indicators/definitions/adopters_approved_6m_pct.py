"""AD-08 Prospective adopters approved within 6 months of registration (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, during, table


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    approved = during(table(frames, "adopter_household"), "approved_on", periods)
    # Registration is the start of Stage 1; a household with none recorded is listed but
    # cannot be timed.
    registered = pl.col("stage_1_started_on").is_not_null()
    in_time = pl.col("approved_on") <= pl.col("stage_1_started_on").dt.offset_by("6mo")
    return counted(
        approved,
        item="key",
        on="approved_on",
        child=None,
        numerator=registered & in_time,
        denominator=registered,
    )


DEFINITION = IndicatorDefinition(
    code="adopters_approved_6m_pct",
    ref="AD-08",
    title="Adopter households approved within 6 months of registration",
    description=(
        "Of the prospective adopter households approved in the period, the share approved "
        "within six calendar months of registering (the start of Stage 1), so that Stage 1 "
        "and Stage 2 together took no more than six months. A household with no Stage 1 "
        "start recorded is listed outside the base. Households are not children, so the "
        "rows have no child, team or worker. Source: ASGLB adopter indicators (local "
        "recording of the adopter journey)."
    ),
    source="ASGLB / local",
    area=Area.ADOPTION,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("adopter_household",),
    compute=compute,
)
