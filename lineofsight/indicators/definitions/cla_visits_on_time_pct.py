"""CLA-12 Looked-after children whose statutory visits are within timescale (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._looked_after import looked_after_at_end
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, obligations

# Reg 28 visits: the usual 1 week then 6 weeks; placed with parent under an interim care order;
# placed with parent under a full care order.
VISIT_RULES = ("T-30", "T-32", "T-33")


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    visits = obligations(
        frames, VISIT_RULES, ("child_id", "start_on", "due_on", "met_on", "context_end")
    ).drop("rule")
    looked_after = looked_after_at_end(frames, periods)
    # The visit clock running on the end date: started by then, not met by then, and its
    # placement still open. It is overdue when its due date has passed.
    running = pl.col("start_on") <= pl.col("end")
    unmet = pl.col("met_on").is_null() | (pl.col("met_on") > pl.col("end"))
    placed = pl.col("context_end").is_null() | (pl.col("context_end") > pl.col("end"))
    overdue = (
        looked_after.select("period", "end", "child_id")
        .join(visits, on="child_id")
        .filter(running & unmet & placed & (pl.col("due_on") < pl.col("end")))
        .select("period", "child_id")
        .unique()
        .with_columns(pl.lit(True).alias("overdue"))
    )
    rows = looked_after.join(overdue, on=["period", "child_id"], how="left")
    return counted(rows, item="child_id", on="end", numerator=pl.col("overdue").is_null())


DEFINITION = IndicatorDefinition(
    code="cla_visits_on_time_pct",
    ref="CLA-12",
    title="Looked-after children with statutory visits within timescale",
    description=(
        "Of the children looked after on the period's end date (short breaks, V3/V4, "
        "excluded), the share whose social worker visits were within the reg 28 interval "
        "that applies to them on that date: no visit clock of their current placement past "
        "its due date and unmet on the end date. A visit is due within 1 week of a placement "
        "starting, then within 6 weeks of the last visit (T-30; T-33 for a child placed with "
        "a parent under a full care order); weekly, then 4-weekly, for a child at home with a "
        "parent under an interim care order (T-32). A visit on the due date is in time. "
        "Source: CPPCR 2010 reg 28; local measure."
    ),
    source="local",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("cla_episode", "obligations"),
    rules=VISIT_RULES,
    compute=compute,
)
