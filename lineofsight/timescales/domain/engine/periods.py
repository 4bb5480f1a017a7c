"""Periods of care and placements, built from SSDA903 episodes (the `cla_episode` frame).

* **Period of care.** A child's episodes in start order, where each starts on the day the one
  before ended, make one period of care: it starts with the first episode and ends with the last
  one's `ended_on` (null while the child is still looked after) and `reason_ceased`.
* **Short breaks.** Episodes under legal status V3 or V4 (an agreed series of short breaks) are
  kept out of ordinary periods; `short_break_series` joins them into series instead. A V3
  episode is one break, and the arrangement is taken to run on for `SHORT_BREAK_GAP_DAYS`
  after it (reviews fall between breaks): a break starting within that time continues the
  series, and a series whose last break is V3 ends that long after it. A V4 episode records the
  agreement itself, so it ends when the episode does.
* **Placement.** Within a period, every episode whose `reason_new` is not L (S, P, B, T and U
  all change the placement) starts a placement; following L episodes (a change of legal status
  only) continue it. The first episode of a period always starts one. A placement takes its
  type and legal status from its first episode and ends with its last episode.

Everything after `as_of` is unknown: episodes starting later are dropped, and a later end (and
its reason) reads as still open.

Each period, series and placement is keyed by the key of its first episode.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from lineofsight.core.domain.reuse import shared

SHORT_BREAK_STATUSES = ("V3", "V4")
SHORT_BREAK_GAP_DAYS = 183  # about six months, the interval between short-break reviews
CONTINUES_PLACEMENT = "L"  # reason_new: change of legal status only

PERIOD_COLUMNS = ("period_key", "child_id", "started_on", "ended_on", "reason_ceased")
PLACEMENT_COLUMNS = (
    "placement_key",
    "period_key",
    "child_id",
    "started_on",
    "ended_on",
    "placement_type",
    "legal_status",
)


def known_episodes(episodes: pl.DataFrame, as_of: dt.date) -> pl.DataFrame:
    """Episodes started by `as_of`; an end after `as_of` (and its reason) reads as open."""
    later = pl.col("ended_on") > as_of
    return episodes.filter(pl.col("started_on") <= as_of).with_columns(
        pl.when(later).then(None).otherwise(pl.col("ended_on")).alias("ended_on"),
        pl.when(later).then(None).otherwise(pl.col("reason_ceased")).alias("reason_ceased"),
    )


def is_short_break() -> pl.Expr:
    return pl.col("legal_status").is_in(SHORT_BREAK_STATUSES).fill_null(False)


def episodes_in_periods(
    episodes: pl.DataFrame, *, as_of: dt.date, short_breaks: bool = False
) -> pl.DataFrame:
    """Known episodes, ordinary ones only (or short breaks only), each with its `period_key`
    and `covered_to`, the date its period would end if no later episode joined it. Built once
    per episodes frame and day: the timescale engine and the indicators all start here."""
    return shared(
        ("episodes_in_periods", as_of, short_breaks),
        [episodes],
        None,
        lambda: _episodes_in_periods(episodes, as_of=as_of, short_breaks=short_breaks),
    )


def _episodes_in_periods(
    episodes: pl.DataFrame, *, as_of: dt.date, short_breaks: bool
) -> pl.DataFrame:
    known = known_episodes(episodes, as_of).filter(
        is_short_break() if short_breaks else ~is_short_break()
    )
    covered = pl.col("ended_on")
    if short_breaks:
        gap = dt.timedelta(days=SHORT_BREAK_GAP_DAYS)
        covered = pl.when(pl.col("legal_status") == "V3").then(covered + gap).otherwise(covered)
    return _with_period_key(known.with_columns(covered.alias("covered_to")))


def periods_of_care(episodes: pl.DataFrame, *, as_of: dt.date) -> pl.DataFrame:
    """One row per ordinary period of care known on `as_of` (see `PERIOD_COLUMNS`)."""
    return _periods(episodes_in_periods(episodes, as_of=as_of), as_of=as_of)


def short_break_series(episodes: pl.DataFrame, *, as_of: dt.date) -> pl.DataFrame:
    """One row per series of short breaks (V3/V4) known on `as_of`, shaped like a period."""
    return _periods(episodes_in_periods(episodes, as_of=as_of, short_breaks=True), as_of=as_of)


def placements(episodes: pl.DataFrame, *, as_of: dt.date) -> pl.DataFrame:
    """One row per placement within an ordinary period of care (see `PLACEMENT_COLUMNS`)."""
    keyed = episodes_in_periods(episodes, as_of=as_of)
    starts = (pl.col("key") == pl.col("period_key")) | (
        pl.col("reason_new").fill_null("") != CONTINUES_PLACEMENT
    )
    return (
        # In child order each child's first episode starts a placement, so one running count
        # numbers every child's placements apart.
        keyed.with_columns(starts.cast(pl.UInt32).cum_sum().alias("_placement"))
        .group_by("child_id", "_placement", maintain_order=True)
        .agg(
            pl.col("key").first().alias("placement_key"),
            pl.col("period_key").first(),
            pl.col("started_on").first(),
            pl.col("ended_on").last(),
            pl.col("placement_type").first(),
            pl.col("legal_status").first(),
        )
        .select(PLACEMENT_COLUMNS)
    )


def _with_period_key(episodes: pl.DataFrame) -> pl.DataFrame:
    """Number each child's runs of joined episodes; key each run by its first episode. An
    episode joins the run before it if it starts by the date that run is covered to."""
    # In child and start order a run is contiguous: it starts at a child's first episode or
    # after a gap, and its key is carried down (shifts, far cheaper than windows per child).
    same_child = (pl.col("child_id") == pl.col("child_id").shift(1)).fill_null(False)
    # An episode after an open one joins it (the child was still looked after).
    apart = (pl.col("started_on") > pl.col("covered_to").shift(1)).fill_null(False)
    starts_run = ~same_child | apart
    return episodes.sort("child_id", "started_on", "key").with_columns(
        pl.when(starts_run).then(pl.col("key")).forward_fill().alias("period_key")
    )


def _periods(keyed: pl.DataFrame, *, as_of: dt.date) -> pl.DataFrame:
    periods = keyed.group_by("period_key", maintain_order=True).agg(
        pl.col("child_id").first(),
        pl.col("started_on").first(),
        pl.col("covered_to").last().alias("ended_on"),
        pl.col("reason_ceased").last(),
    )
    # A short-break series covered beyond `as_of` is still running.
    running = pl.col("ended_on") > as_of
    return periods.with_columns(
        pl.when(running).then(None).otherwise(pl.col(name)).alias(name)
        for name in ("ended_on", "reason_ceased")
    ).select(PERIOD_COLUMNS)
