"""CLA-11 Looked-after children aged 4 or over participating in their reviews (%)."""

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
from lineofsight.indicators.definitions.common import Frames, age_on, counted, during, table

# SSDA903 participation codes: PN1-PN6 are ways of taking part (attending, or conveying views
# through an advocate or another medium); PN7 is "does not attend and views not conveyed";
# PN0 is "child under 4 at the review".
PARTICIPATED = ("PN1", "PN2", "PN3", "PN4", "PN5", "PN6")
UNDER_FOUR = "PN0"


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    child = table(frames, "child").select("child_id", "born_on")
    reviews = during(table(frames, "cla_review"), "held_on", periods).join(
        child, on="child_id", how="left"
    )
    # Age on the review date; without a date of birth, the PN0 code says the child was under 4.
    four_or_over = (
        pl.when(pl.col("born_on").is_not_null())
        .then(age_on(pl.col("born_on"), pl.col("held_on")) >= 4)
        .otherwise(pl.col("participation") != UNDER_FOUR)
    )
    rows = reviews.filter(four_or_over.fill_null(False))
    return counted(
        rows,
        item="key",
        on="held_on",
        numerator=pl.col("participation").is_in(PARTICIPATED).fill_null(False),
    )


DEFINITION = IndicatorDefinition(
    code="cla_review_participation_pct",
    ref="CLA-11",
    title="Looked-after children participating in their reviews",
    description=(
        "Of the looked-after reviews held in the period for children aged 4 or over on the "
        "review date, each review counted, the share where the child took part by any method "
        "(SSDA903 participation PN1-PN6: attending and speaking, through an advocate, "
        "symbolically, attending without contributing, briefing an advocate, or conveying "
        "views by another medium). PN7 (did not attend and views not conveyed) is not "
        "participation. Where the date of birth is missing, a PN0 code (under 4) leaves the "
        "review out. Source: SSDA903 reviews (REVIEW_CODE); local measure."
    ),
    source="local (SSDA903 review participation codes)",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("cla_review", "child"),
    compute=compute,
)
