"""Adoption rows the adoption indicators share: children adopted in each period with the dates
of their journey, and the children still waiting at each period's end.

How the model is read:

* **Adopted.** A child is adopted in a period when an ordinary period of care (short breaks
  never count) ends in it with reason E11 or E12. The journey runs from the start of that
  period of care (`entered_on`) to its end (`adopted_on`).
* **The adoption plan.** Of the child's `adoption` records decided within that period of care,
  the one with an adoption order, else the latest decision (as the SSDA903 AD1 is written).
* **Placed for adoption** (`placed_on`): the plan's date moved in with the adopters; where the
  plan has none (an SSDA903 return does not carry it), the start of the first A3-A6 placement
  of the period of care.
* **Placement order** (`placement_order_on`): the plan's date; where it has none, the start of
  the first episode of the period under legal status E1 (placement order) or D1 (freeing).
* **Moved in with the foster carer who adopted** (`moved_in_with_carer_on`, scorecard A10):
  for a child adopted by their own foster carer, the start of the run of episodes with the
  same carers that holds the placement for adoption: episodes whose reason for a new episode
  is L, T or U keep the carers; S, P and B bring new ones.
* **Waiting** at a period's end: looked after then, with an adoption plan decided within the
  current period of care by then and not ceased, or a placement order in it, and not yet
  placed for adoption.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from lineofsight.indicators.definitions.base import Compute
from lineofsight.indicators.definitions.common import (
    Frames,
    counted,
    during,
    earliest_start,
    latest_end,
    open_on,
    shared,
    table,
    tables,
)
from lineofsight.timescales.domain.engine.periods import episodes_in_periods

ADOPTED = ("E11", "E12")
ADOPTION_PLACEMENTS = ("A3", "A4", "A5", "A6")
PLACEMENT_ORDERS = ("E1", "D1")  # placement order granted; freeing order granted
SAME_CARERS = ("L", "T", "U")  # reasons for a new episode that keep the child's carers
THRESHOLD_DAYS = 426  # scorecard A1/A3: 14 months


def _days(start: str, end: str) -> pl.Expr:
    return (pl.col(end) - pl.col(start)).dt.total_days()


def _episodes(frames: Frames, as_of: dt.date, children: pl.DataFrame) -> pl.DataFrame:
    """The ordinary episodes of `children` (a frame of `child_id`), each with its
    `period_key`: only the children a measure can count, so the keying stays cheap."""
    episodes = table(frames, "cla_episode").join(children, on="child_id", how="semi")
    return episodes_in_periods(episodes, as_of=as_of)


def _periods_of_care(episodes: pl.DataFrame) -> pl.DataFrame:
    """One row per period of care of keyed ordinary episodes, with the dates the adoption
    measures read from its episodes: the first placement for adoption and the first
    placement (or freeing) order."""
    placed = pl.col("placement_type").is_in(ADOPTION_PLACEMENTS)
    ordered = pl.col("legal_status").is_in(PLACEMENT_ORDERS)
    return (
        episodes.sort("started_on", "key")
        .group_by("period_key")
        .agg(
            pl.col("child_id").first(),
            pl.col("started_on").first(),
            pl.col("ended_on").last(),
            pl.col("reason_ceased").last(),
            pl.col("started_on").filter(placed).min().alias("episode_placed_on"),
            pl.col("started_on").filter(ordered).min().alias("episode_order_on"),
        )
    )


def _carer_spells(episodes: pl.DataFrame) -> pl.DataFrame:
    """Each keyed episode's `period_key`, start and `carer_from`: the start of the run of
    episodes with the same carers it belongs to. Sorted by start for an as-of join."""
    new_carers = (pl.col("key") == pl.col("period_key")) | ~pl.col("reason_new").fill_null(
        ""
    ).is_in(SAME_CARERS)
    return (
        episodes.sort("period_key", "started_on", "key")
        .with_columns(new_carers.cast(pl.UInt32).cum_sum().over("period_key").alias("_spell"))
        .with_columns(pl.col("started_on").first().over("period_key", "_spell").alias("carer_from"))
        .select("period_key", "started_on", "carer_from")
        .sort("started_on")
    )


def _plans(frames: Frames) -> pl.DataFrame:
    return table(frames, "adoption").select(
        "child_id",
        pl.col("key").alias("plan_key"),
        "decision_on",
        pl.col("placement_order_on").alias("plan_order_on"),
        "matched_on",
        pl.col("placed_on").alias("plan_placed_on"),
        "adoption_order_on",
        "ceased_on",
        "adopted_by_foster_carer",
    )


def adoptions(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """One row per child adopted in each period: `period`, `start`, `end`, `child_id`,
    `period_key`, `entered_on`, `adopted_on`, the plan (`plan_key`, `decision_on`,
    `matched_on`, `adoption_order_on`, `adopted_by_foster_carer`, null when no plan is held),
    `placed_on`, `placement_order_on` and `moved_in_with_carer_on` (see the module
    docstring), and `days_to_placed`, `days_to_moved_in` (from entering care)."""
    sources = tables(frames, "cla_episode", "adoption")
    return shared("adoptions", sources, periods, lambda: _adoptions(frames, periods))


def _adoptions(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    as_of = latest_end(periods)
    adopted = (
        table(frames, "cla_episode")
        .filter(pl.col("reason_ceased").is_in(ADOPTED))
        .select("child_id")
        .unique()
    )
    episodes = _episodes(frames, as_of, adopted)
    care = _periods_of_care(episodes).filter(pl.col("reason_ceased").is_in(ADOPTED))
    plans = (
        care.select("period_key", "child_id", "started_on", "ended_on")
        .join(_plans(frames), on="child_id", how="inner")
        .filter(pl.col("decision_on").is_between(pl.col("started_on"), pl.col("ended_on")))
        .sort(pl.col("adoption_order_on").is_not_null(), "decision_on", "plan_key")
        .unique("period_key", keep="last")
        .drop("child_id", "started_on", "ended_on")
    )
    rows = during(care, "ended_on", periods).join(plans, on="period_key", how="left")
    rows = rows.with_columns(
        pl.col("started_on").alias("entered_on"),
        pl.col("ended_on").alias("adopted_on"),
        pl.coalesce("plan_placed_on", "episode_placed_on").alias("placed_on"),
        pl.coalesce("plan_order_on", "episode_order_on").alias("placement_order_on"),
    )
    # The carers the child lived with on the day they were placed for adoption, and since when.
    with_carer = (
        rows.filter(pl.col("placed_on").is_not_null())
        .select("period", "period_key", "placed_on")
        .sort("placed_on")
        .join_asof(
            _carer_spells(episodes),
            left_on="placed_on",
            right_on="started_on",
            by="period_key",
            strategy="backward",
            check_sortedness=False,
        )
        .select("period", "period_key", "carer_from")
    )
    foster_carer = pl.col("adopted_by_foster_carer").fill_null(False)
    return (
        rows.join(with_carer, on=["period", "period_key"], how="left")
        .with_columns(
            pl.when(foster_carer)
            .then(pl.coalesce("carer_from", "placed_on"))
            .otherwise("placed_on")
            .alias("moved_in_with_carer_on")
        )
        .with_columns(
            _days("entered_on", "placed_on").alias("days_to_placed"),
            _days("entered_on", "moved_in_with_carer_on").alias("days_to_moved_in"),
        )
        .select(
            "period",
            "start",
            "end",
            "child_id",
            "period_key",
            "entered_on",
            "adopted_on",
            "plan_key",
            "decision_on",
            "matched_on",
            "adoption_order_on",
            "adopted_by_foster_carer",
            "placed_on",
            "placement_order_on",
            "moved_in_with_carer_on",
            "days_to_placed",
            "days_to_moved_in",
        )
    )


def waiting(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """One row per child waiting at each period's end (see the module docstring): `period`,
    `start`, `end`, `child_id`, `period_key`, `entered_on`, `plan_key` and `decision_on` (null
    when only a placement order is recorded), `placement_order_on` and `days_in_care` (from
    entering care to the period's end)."""
    sources = tables(frames, "cla_episode", "adoption")
    return shared("adoption_waiting", sources, periods, lambda: _waiting(frames, periods))


def _waiting(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    as_of = latest_end(periods)
    plans = _plans(frames)
    candidates = pl.concat(
        [
            plans.select("child_id"),
            table(frames, "cla_episode")
            .filter(pl.col("legal_status").is_in(PLACEMENT_ORDERS))
            .select("child_id"),
        ]
    ).unique()
    care = _periods_of_care(_episodes(frames, as_of, candidates))
    open_care = open_on(care, "started_on", "ended_on", periods)
    current_plans = (
        open_care.select("period", "end", "period_key", "child_id", "started_on")
        .join(plans, on="child_id", how="inner")
        .filter(
            pl.col("decision_on").is_between(pl.col("started_on"), pl.col("end")),
            pl.col("ceased_on").is_null() | (pl.col("ceased_on") > pl.col("end")),
        )
        .sort("decision_on", "plan_key")
        .unique(["period", "period_key"], keep="last")
        .select(
            "period", "period_key", "plan_key", "decision_on", "plan_order_on", "plan_placed_on"
        )
    )
    by_end = pl.col("end")
    order_on = pl.coalesce("plan_order_on", "episode_order_on")
    placed = (pl.col("plan_placed_on") <= by_end).fill_null(False) | (
        pl.col("episode_placed_on") <= by_end
    ).fill_null(False)
    return (
        open_care.join(current_plans, on=["period", "period_key"], how="left")
        .with_columns(
            pl.when(order_on <= by_end).then(order_on).alias("placement_order_on"),
            pl.col("started_on").alias("entered_on"),
        )
        .filter(
            (pl.col("plan_key").is_not_null() | pl.col("placement_order_on").is_not_null())
            & ~placed
        )
        .with_columns(_days("entered_on", "end").alias("days_in_care"))
        .select(
            "period",
            "start",
            "end",
            "child_id",
            "period_key",
            "entered_on",
            "plan_key",
            "decision_on",
            "placement_order_on",
            "days_in_care",
        )
    )


def ceased(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """One row per child who ceased to be looked after in each period, for their last period
    of care ending in it (short breaks never count): `period`, `start`, `end`, `child_id`,
    `period_key`, `started_on`, `ended_on`, `reason_ceased`."""
    sources = tables(frames, "cla_episode")
    return shared("adoption_ceased", sources, periods, lambda: _ceased(frames, periods))


def _ceased(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    as_of = latest_end(periods)
    earliest = earliest_start(periods)
    leaving = (
        table(frames, "cla_episode")
        .filter(
            pl.col("ended_on").is_between(earliest, as_of),
            pl.col("reason_ceased").fill_null("X1") != "X1",
        )
        .select("child_id")
        .unique()
    )
    care = _periods_of_care(_episodes(frames, as_of, leaving))
    return (
        during(care, "ended_on", periods)
        .sort("ended_on", "period_key")
        .unique(["period", "child_id"], keep="last")
        .select(
            "period",
            "start",
            "end",
            "child_id",
            "period_key",
            "started_on",
            "ended_on",
            "reason_ceased",
        )
    )


def average_days(days: pl.Expr, *, timed: pl.Expr | None = None) -> Compute:
    """A compute: each child adopted in the period (`adoptions`), counted on the day, with
    `days` as the measure averaged; those it cannot time (where `timed` does not hold: by
    default, where `days` is null) are listed outside the base."""
    in_base = days.is_not_null() if timed is None else timed

    def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
        return counted(
            adoptions(frames, periods),
            item="period_key",
            on="adopted_on",
            numerator=in_base,
            denominator=in_base,
            measure=days,
        )

    return compute
