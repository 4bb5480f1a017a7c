"""Children looked after: the rows the CLA indicators share, built from SSDA903 episodes.

Periods of care, placements and short breaks come from the timescale engine's `periods.py`, read
as known on the latest period end (`latest_end`), so every indicator sees the same care histories:

* **Looked after at a period's end.** A child in an ordinary period of care open on that day
  (an agreed series of short breaks, V3/V4, is not an ordinary period, so those children are
  excluded as SSDA903 figures exclude them; a period ended on the day itself is closed).
* **The episode at a period's end.** The ordinary episode open on that day, which carries the
  placement type, distance and location the child had then.
* **Placements for stability.** `periods.py` placements (every episode that is not a change of
  legal status only starts one), with two DfE counting rules applied (LAIT "LACStable_2016on"):
  a placement for adoption with the child's current foster carer (A3, A5) that follows another
  placement in the same period of care continues it rather than counting as a move, and a
  placement that began and ended on the same day (under 24 hours) is not counted.

Every function takes all periods at once.

**Shared work.** Building periods of care and placements is most of each CLA indicator's time,
and every one of them reads the same episodes for the same periods, so the builders below are
`common.shared`: one registry run builds each once.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from lineofsight.indicators.definitions.base import Compute
from lineofsight.indicators.definitions.common import (
    Frames,
    counted,
    during,
    latest_end,
    open_on,
    shared,
    table,
)
from lineofsight.timescales.domain.engine.periods import (
    is_short_break,
    known_episodes,
    periods_of_care,
    placements,
)

# SSDA903 placement codes for placed for adoption with the current foster carer(s).
ADOPTION_WITH_CURRENT_CARER = ("A3", "A5")
PLACED_FOR_ADOPTION = ("A3", "A4", "A5", "A6")
# DfE's "foster placements": U1-U6 (with relatives or friends, or other foster carers).
FOSTER = ("U1", "U2", "U3", "U4", "U5", "U6")
# DfE's "secure homes and children's homes" (LAIT LAC_SecHome_And_ChildHome).
CHILDRENS_HOMES_AND_SECURE = ("K1", "K2")
# Placed with own parents or others with parental responsibility.
WITH_PARENTS = ("P1",)


def _episodes(frames: Frames) -> pl.DataFrame:
    return table(frames, "cla_episode")


def _last_per_child() -> pl.Expr:
    """The last row of each child in each period (rows in start order: the latest started)."""
    return pl.struct("period", "child_id").is_last_distinct()


def care_periods(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """Ordinary periods of care (short breaks excluded), in child and start order:
    period_key, child_id, started_on, ended_on (null while still looked after) and
    reason_ceased."""
    episodes = _episodes(frames)
    return shared(
        "care_periods",
        (episodes,),
        periods,
        lambda: periods_of_care(episodes, as_of=latest_end(periods)).sort("child_id", "started_on"),
    )


def looked_after_at_end(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """One row per child looked after at each period's end: period, start, end, child_id,
    period_key and care_started_on (the start of the child's current period of care)."""

    def build() -> pl.DataFrame:
        rows = open_on(care_periods(frames, periods), "started_on", "ended_on", periods)
        # Periods of care never overlap; should bad data make two open, the later counts.
        return rows.filter(_last_per_child()).select(
            "period",
            "start",
            "end",
            "child_id",
            "period_key",
            pl.col("started_on").alias("care_started_on"),
        )

    return shared("looked_after_at_end", (_episodes(frames),), periods, build)


def looked_after_uasc(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """`looked_after_at_end` with `uasc`: the child is recorded as an unaccompanied
    asylum-seeking child whose UASC status had not ceased by the end date (SSDA903 DUC; a
    status ceasing on the end date has ceased)."""
    child = table(frames, "child").select("child_id", "is_uasc", "uasc_ceased_on")
    rows = looked_after_at_end(frames, periods).join(child, on="child_id", how="left")
    still = pl.col("uasc_ceased_on").is_null() | (pl.col("uasc_ceased_on") > pl.col("end"))
    return rows.with_columns((pl.col("is_uasc").fill_null(False) & still).alias("uasc"))


def episodes_at_end(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """The ordinary episode open at each period's end, one per child (the latest started):
    period, child_id, episode_key and the episode's placement_type, legal_status,
    distance_miles, placement_location and placement_la."""

    def build() -> pl.DataFrame:
        known = (
            known_episodes(_episodes(frames), latest_end(periods))
            .filter(~is_short_break())
            .sort("child_id", "started_on", "key")
        )
        rows = open_on(known, "started_on", "ended_on", periods)
        return rows.filter(_last_per_child()).select(
            "period",
            "child_id",
            pl.col("key").alias("episode_key"),
            "placement_type",
            "legal_status",
            "distance_miles",
            "placement_location",
            "placement_la",
        )

    return shared("episodes_at_end", (_episodes(frames),), periods, build)


def looked_after_with_episode(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """`looked_after_at_end` with the columns of the child's episode at the period's end."""
    return shared(
        "looked_after_with_episode",
        (_episodes(frames),),
        periods,
        lambda: looked_after_at_end(frames, periods).join(
            episodes_at_end(frames, periods), on=["period", "child_id"], how="left"
        ),
    )


def _placements(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """`periods.py` placements in child and start order."""
    episodes = _episodes(frames)
    return shared(
        "placements",
        (episodes,),
        periods,
        lambda: placements(episodes, as_of=latest_end(periods)).sort(
            "child_id", "started_on", "placement_key"
        ),
    )


def placements_at_end(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """The placement (as `periods.py` builds them, no stability rules) open at each period's
    end, one per child: period, child_id, placement_key, period_key, started_on,
    placement_type, and previous_started_on, the start of the placement before it in the same
    period of care (null for the period's first placement)."""

    def build() -> pl.DataFrame:
        same_period = pl.col("period_key") == pl.col("period_key").shift(1).over("child_id")
        placed = _placements(frames, periods).with_columns(
            pl.when(same_period)
            .then(pl.col("started_on").shift(1).over("child_id"))
            .alias("previous_started_on")
        )
        rows = open_on(placed, "started_on", "ended_on", periods)
        return rows.filter(_last_per_child()).select(
            "period",
            "child_id",
            "placement_key",
            "period_key",
            "started_on",
            "placement_type",
            "previous_started_on",
        )

    return shared("placements_at_end", (_episodes(frames),), periods, build)


def stability_placements(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """Placements as DfE counts them for stability (see the module docstring), in child and
    start order: placement_key, period_key, child_id, started_on, ended_on (null while open)
    and placement_type (of the placement's first episode)."""

    def build() -> pl.DataFrame:
        same_period = pl.col("period_key") == pl.col("period_key").shift(1).over("child_id")
        continues = pl.col("placement_type").is_in(ADOPTION_WITH_CURRENT_CARER) & (
            same_period.fill_null(False)
        )
        merged = (
            _placements(frames, periods)
            .with_columns((~continues).cast(pl.UInt32).cum_sum().over("child_id").alias("_run"))
            .group_by("child_id", "_run", maintain_order=True)
            .agg(
                pl.col("placement_key").first(),
                pl.col("period_key").first(),
                pl.col("started_on").first(),
                pl.col("ended_on").last(),
                pl.col("placement_type").first(),
            )
        )
        # Dates only: a placement ended the day it began lasted under 24 hours.
        under_a_day = pl.col("ended_on").is_not_null() & (
            pl.col("ended_on") <= pl.col("started_on")
        )
        return merged.filter(~under_a_day).select(
            "placement_key", "period_key", "child_id", "started_on", "ended_on", "placement_type"
        )

    return shared("stability_placements", (_episodes(frames),), periods, build)


def placements_between(
    rows: pl.DataFrame,
    placed: pl.DataFrame,
    *,
    since: str | pl.Expr,
    until: str | pl.Expr,
    keys: tuple[str, ...] = ("period", "child_id"),
) -> pl.DataFrame:
    """`rows` (unique on `keys`, which include child_id) with `placements`: how many of the
    child's `placed` rows were open at some time from `since` to `until` (both inclusive, so a
    placement open on the first day or still open on the last counts)."""
    first = since if isinstance(since, pl.Expr) else pl.col(since)
    last = until if isinstance(until, pl.Expr) else pl.col(until)
    window = rows.select(*keys, first.alias("_since"), last.alias("_until"))
    overlapping = (
        window.join(placed.select("child_id", "started_on", "ended_on"), on="child_id")
        .filter(
            (pl.col("started_on") <= pl.col("_until"))
            & (pl.col("ended_on").is_null() | (pl.col("ended_on") >= pl.col("_since")))
        )
        .group_by(list(keys))
        .agg(pl.len().cast(pl.Int64).alias("placements"))
    )
    return rows.join(overlapping, on=list(keys), how="left").with_columns(
        pl.col("placements").fill_null(0)
    )


def children_looked_after(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """A compute: each child looked after at the period's end, counted on that day."""
    return counted(looked_after_at_end(frames, periods), item="child_id", on="end")


def placement_share(placement_types: Sequence[str]) -> Compute:
    """A compute: each child looked after at the period's end, in the numerator when the
    episode open then is a placement of one of `placement_types`."""

    def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
        rows = looked_after_with_episode(frames, periods)
        placed = pl.col("placement_type").is_in(list(placement_types)).fill_null(False)
        return counted(rows, item="child_id", on="end", numerator=placed)

    return compute


def children_starting(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """A compute: each child who started to be looked after in the period (an ordinary period
    of care starting in it), counted on the day."""
    started = during(care_periods(frames, periods), "started_on", periods)
    # DfE counts children, not periods: a child who started twice counts once, at the first.
    first = started.sort("period", "child_id", "started_on").unique(
        ["period", "child_id"], keep="first", maintain_order=True
    )
    return counted(first, item="child_id", on="started_on")


def children_ceasing(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """A compute: each child who ceased to be looked after in the period (an ordinary period
    of care ending in it), counted on the day."""
    ceased = during(care_periods(frames, periods), "ended_on", periods)
    # DfE counts the last time each child ceased in the period.
    last = ceased.sort("period", "child_id", "ended_on").unique(
        ["period", "child_id"], keep="last", maintain_order=True
    )
    return counted(last, item="child_id", on="ended_on")
