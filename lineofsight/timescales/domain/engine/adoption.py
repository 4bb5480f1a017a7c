"""Adoption: T-70 (A1: entering care to moving in, 426 days), T-71 (A2: placement order to match,
121 days) and T-74 (the "should be placed" decision to match, 6 months).

Each `adoption` record is one child's adoption plan:

* **T-70** starts at the start of the ordinary period of care containing the agency decision
  (`decision_on`) and is met by `placed_on`. A decision outside any period of care starts no
  clock. Where one period holds more than one decision, the latest one's record is used.
* **T-71** starts at `placement_order_on` and **T-74** at `decision_on`; both are met by
  `matched_on`.
* A plan that ended (`ceased_on`) closes all three clocks: one not yet due then lapses.

The scorecard thresholds are three-year averages; as per-child clocks they only flag which
children are taking longer than the threshold.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import polars as pl

from lineofsight.timescales.domain.engine.chains import empty, single
from lineofsight.timescales.domain.engine.periods import periods_of_care
from lineofsight.timescales.domain.engine.selection import EVERYTHING, Scope
from lineofsight.timescales.domain.rules import timescale
from lineofsight.timescales.domain.timescale import TimescaleConfig

Frames = Mapping[str, pl.DataFrame]

# (rule, start column, start kind, met-by column, met kind)
FROM_THE_PLAN = (
    ("T-71", "placement_order_on", "placement_order", "matched_on", "adoption_match"),
    ("T-74", "decision_on", "adoption_decision", "matched_on", "adoption_match"),
)


def obligations(
    frames: Frames, as_of: dt.date, config: TimescaleConfig, scope: Scope = EVERYTHING
) -> pl.DataFrame:
    plans = frames["adoption"]
    parts = [_entered_care_to_placed(frames, as_of, config)] if scope.wants("T-70") else []
    for code, start, start_kind, met, met_kind in FROM_THE_PLAN:
        if not scope.wants(code):
            continue
        starts = plans.drop_nulls(start).select(
            "child_id",
            pl.lit(start_kind).alias("start_kind"),
            pl.col("key").alias("start_key"),
            pl.col(start).alias("start_on"),
            pl.col("key").alias("met_key"),
            pl.col(met).alias("met_on"),
            pl.col("ceased_on").alias("context_end"),
        )
        parts.append(
            single(
                starts, None, rule=timescale(code), config=config, as_of=as_of, met_kind=met_kind
            )
        )
    return pl.concat([empty(), *parts], how="vertical_relaxed")


def _entered_care_to_placed(
    frames: Frames, as_of: dt.date, config: TimescaleConfig
) -> pl.DataFrame:
    """T-70: from the start of the period of care holding the decision to moving in."""
    periods = periods_of_care(frames["cla_episode"], as_of=as_of)
    plans = frames["adoption"].filter(pl.col("decision_on") <= as_of)
    within = (
        plans.join(
            periods.select("child_id", "period_key", "started_on", "ended_on"),
            on="child_id",
            how="inner",
        )
        .filter(
            (pl.col("started_on") <= pl.col("decision_on"))
            & (pl.col("ended_on").is_null() | (pl.col("decision_on") <= pl.col("ended_on")))
        )
        .sort("decision_on", "key")
        .unique("period_key", keep="last", maintain_order=True)
    )
    starts = within.select(
        "child_id",
        pl.lit("period_of_care").alias("start_kind"),
        pl.col("period_key").alias("start_key"),
        pl.col("started_on").alias("start_on"),
        pl.col("key").alias("met_key"),
        pl.col("placed_on").alias("met_on"),
        pl.col("ceased_on").alias("context_end"),
    )
    return single(
        starts,
        None,
        rule=timescale("T-70"),
        config=config,
        as_of=as_of,
        met_kind="placed_for_adoption",
    )
