"""AS-03 Assessments with domestic abuse identified as a factor (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._front_door import DOMESTIC_ABUSE, completed_assessments
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, table


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    # One row per assessment with factor information: 21 'no factors identified' is factor
    # information, so such an assessment stays in the base, out of the numerator.
    factors = (
        table(frames, "assessment_factor")
        .group_by("assessment_id")
        .agg(pl.col("factor").is_in(DOMESTIC_ABUSE).any().alias("domestic_abuse"))
        .rename({"assessment_id": "key"})
    )
    rows = completed_assessments(frames, periods).join(factors, on="key", how="inner")
    return counted(
        rows,
        item="key",
        on="authorised_on",
        numerator=pl.col("domestic_abuse"),
        team="worker_team_id",
        worker="assessed_by_id",
    )


DEFINITION = IndicatorDefinition(
    code="assessments_domestic_abuse_pct",
    ref="AS-03",
    title="Assessments identifying domestic abuse",
    description=(
        "Of the assessments completed (authorised) in the period with at least one factor "
        "recorded at the end of assessment, the share where domestic violence was identified "
        "(CIN factor codes 3A, 3B or 3C: concerning the child, a parent or carer, or another "
        "person). An assessment recorded as 'no factors identified' (21) is in the base; one "
        "with no factor record at all is not. Source: DfE 'Characteristics of children in "
        "need', table C3 (factors identified at the end of assessment)."
    ),
    source="DfE CIN census (C3)",
    area=Area.ASSESSMENT,
    unit=Unit.PERCENT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("assessment", "assessment_factor", "referral", "team_membership"),
    compute=compute,
)
