"""AD-02 Adoption scorecard A2: average days from court authority to place to the match
(children adopted)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._adoption import average_days
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

ORDERED_ON = pl.col("adoption_order_on").fill_null(pl.col("adopted_on"))
# Only children with a placement (or freeing) order who were placed for adoption before
# the adoption order are in the base; the rest are listed outside it.
IN_BASE = (
    pl.col("placement_order_on").is_not_null()
    & pl.col("matched_on").is_not_null()
    & (pl.col("placed_on") < ORDERED_ON).fill_null(False)
)
# A match made before the order counts as no wait.
DAYS = (pl.col("matched_on") - pl.col("placement_order_on")).dt.total_days().clip(0)

compute = average_days(pl.when(IN_BASE).then(DAYS), timed=IN_BASE)


DEFINITION = IndicatorDefinition(
    code="adoption_placement_order_to_match_avg_days",
    ref="AD-02",
    title="Average days from court authority to place to the match (A2)",
    description=(
        "Of the children adopted in the period who had a placement order (or freeing order) "
        "and were placed for adoption before the adoption order, the mean number of days "
        "from the order to the match decision; a match before the order counts as 0. The "
        "order date is the adoption record's, or else the start of the first episode under "
        "legal status E1 or D1 in the period of care; the adoption order date is the "
        "record's, or else the day care ended. Children without an order, match or "
        "placement before the adoption order are listed outside the base. Computed over "
        "whatever period is chosen; adoption boards and the scorecard use a three-year "
        "period (the 121-day threshold is the timescale engine's T-71). Source: DfE "
        "adoption scorecard A2; LG Inform metric 912."
    ),
    source="DfE adoption scorecard (SSDA903)",
    area=Area.ADOPTION,
    unit=Unit.DAYS,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.DURING,
    kind=Kind.MEAN,
    inputs=("cla_episode", "adoption"),
    compute=compute,
    decimals=0,
)
