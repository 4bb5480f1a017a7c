"""Private fostering: T-80 advance notice, T-83 first visit, T-84 and T-85 visits.

* T-80: the arrangement notified at least 6 weeks before it starts. The obligation falls due
  (and its clock is shown as starting, start_kind "arrangement") 42 days before `started_on`;
  `notified_on` meets it, late if after that date.
* T-83: the first visit within 7 working days of `notified_on`.
* T-84 then T-85: later visits at least every 6 weeks in the arrangement's first year, every 12
  weeks after it, each from the actual previous private fostering visit, until `ended_on`.

How the model is read:

* An arrangement is known from its notification (`notified_on`, or `started_on` where none is
  recorded): until the authority is told, it has no record of it. So T-80 is only ever met, on
  time or late, in a live view; it cannot be overdue for an arrangement nobody has reported.
* The model does not say whether the arrangement was meant to start within 6 weeks or was an
  emergency, when the rule is "immediately" or 48 hours (T-82); every late notice counts as
  late against the 6 weeks.
* The first year runs from `notified_on`, since reg 8(6) deems the arrangement to begin when the
  authority becomes aware of it. A visit interval takes the rule of its start: one starting
  before the first anniversary of notification is T-84 (6 weeks) even if it ends after it.
* Visits are `visit.kind == "private_fostering"` for the child, on or after the notification
  and before the arrangement ended.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import polars as pl

from lineofsight.timescales.domain.engine.chains import (
    chain,
    conform,
    due_on,
    empty,
    lapse,
    single,
    steps,
)
from lineofsight.timescales.domain.engine.selection import EVERYTHING, Scope
from lineofsight.timescales.domain.rules import timescale
from lineofsight.timescales.domain.timescale import TimescaleConfig

ADVANCE_NOTICE = dt.timedelta(weeks=6)


def obligations(
    frames: Mapping[str, pl.DataFrame],
    as_of: dt.date,
    config: TimescaleConfig,
    scope: Scope = EVERYTHING,
) -> pl.DataFrame:
    arrangements = frames["private_fostering_arrangement"].filter(
        pl.coalesce("notified_on", "started_on") <= as_of
    )
    parts = []
    if scope.wants("T-80"):
        parts.append(_notice(arrangements, as_of, config))
    if scope.wants("T-83", "T-84", "T-85"):
        parts.append(_visits(arrangements, frames["visit"], as_of, config, since=scope.since))
    return pl.concat([empty(), *parts], how="vertical_relaxed")


def _notice(arrangements: pl.DataFrame, as_of: dt.date, config: TimescaleConfig) -> pl.DataFrame:
    """T-80: notified by 6 weeks before the start; the clock is its own due date."""
    starts = arrangements.select(
        "child_id",
        pl.lit("arrangement").alias("start_kind"),
        pl.col("key").alias("start_key"),
        (pl.col("started_on") - ADVANCE_NOTICE).alias("start_on"),
        pl.col("key").alias("met_key"),
        pl.col("notified_on").alias("met_on"),
    )
    return single(
        starts, None, rule=timescale("T-80"), config=config, as_of=as_of, met_kind="notified"
    )


def _visits(
    arrangements: pl.DataFrame,
    visit: pl.DataFrame,
    as_of: dt.date,
    config: TimescaleConfig,
    since: dt.date | None = None,
) -> pl.DataFrame:
    """T-83, then T-84 in the first year from notification and T-85 after it."""
    notified = arrangements.filter(pl.col("notified_on").is_not_null())
    # The chain's rows name their child, not their context; giving each context the
    # arrangement's key as its "child" lets each row find its notification date afterwards.
    contexts = notified.select(
        pl.col("key").alias("context_key"),
        pl.col("key").alias("child_id"),
        pl.col("notified_on").alias("context_start"),
        pl.col("ended_on").alias("context_end"),
    )
    events = (
        visit.filter(pl.col("kind") == "private_fostering")
        .join(notified.select(pl.col("key").alias("context_key"), "child_id"), on="child_id")
        .select(
            "context_key",
            pl.col("key").alias("event_key"),
            pl.col("visited_on").alias("event_on"),
        )
    )
    rows = chain(
        contexts,
        events,
        links=steps(timescale("T-83"), timescale("T-84"), config=config),
        config=config,
        as_of=as_of,
        since=since,
        start_kind="notification",
        met_kind="private_fostering_visit",
    )
    rows = rows.rename({"child_id": "_arrangement"}).join(
        notified.select(
            pl.col("key").alias("_arrangement"),
            "child_id",
            pl.col("notified_on").dt.offset_by("1y").alias("_second_year"),
        ),
        on="_arrangement",
        how="left",
    )
    later = config.apply(timescale("T-85"))
    if later.allowance is None:
        raise ValueError("T-85 is not tracked")
    year_two = (pl.col("seq") >= 1) & (pl.col("start_on") >= pl.col("_second_year"))
    rows = rows.with_columns(
        due_on(rows["start_on"], later.allowance, later, config).alias("_due_later")
    ).with_columns(
        pl.when(year_two).then(pl.lit(later.code)).otherwise(pl.col("rule")).alias("rule"),
        pl.when(year_two).then(pl.col("_due_later")).otherwise(pl.col("due_on")).alias("due_on"),
    )
    # The longer interval can run past the arrangement's end: lapse again on the final dues.
    return conform(lapse(rows))
