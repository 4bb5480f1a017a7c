"""Helpers the definitions share: the period joins, counted rows, ages and working days.

Every helper takes and returns Polars frames and knows nothing of any one indicator, so each
definition module reads as its catalogue entry: which rows, in which period, counted how.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from lineofsight.indicators.definitions.base import COUNTED_SCHEMA, Frames
from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.journey.domain.frames import empty_frame
from lineofsight.timescales.domain.calendar import working_days_between_series
from lineofsight.timescales.domain.engine.ages import age_on, birthday

__all__ = [
    "Frames",
    "age_on",
    "birthday",
    "counted",
    "during",
    "empty_counted",
    "obligations_due",
    "obligations_met",
    "on_time",
    "open_on",
    "table",
    "with_child",
    "working_days",
]


def table(frames: Frames, name: str) -> pl.DataFrame:
    """The journey table `name`, or an empty one of its schema when the frames lack it."""
    frame = frames.get(name)
    if frame is not None:
        return frame
    if name in TABLES:
        return empty_frame(TABLES[name])
    raise KeyError(f"no frame {name!r}")


def _day(column: str) -> pl.Expr:
    return pl.col(column).cast(pl.Date)


def _matched(
    frame: pl.DataFrame, dates: dict[str, pl.Expr], keep: pl.Expr, periods: pl.DataFrame
) -> pl.DataFrame:
    """The rows of `frame` for each period where `keep` holds over the `dates` columns: only
    row numbers and dates are crossed with the periods, then the rows gathered (crossing a
    wide table with 36 periods would copy it 36 times before filtering)."""
    index = frame.select(
        pl.int_range(pl.len(), dtype=pl.UInt32).alias("_row"),
        *(expr.alias(name) for name, expr in dates.items()),
    )
    hits = (
        index.filter(pl.col("_day").is_not_null())
        .join(periods, how="cross")
        .filter(keep)
        .select("_row", *periods.columns)
    )
    # Every column of `periods` comes along (a definition may add its own, a year before).
    return frame[hits["_row"]].hstack(hits.select(periods.columns))


def during(frame: pl.DataFrame, on: str, periods: pl.DataFrame) -> pl.DataFrame:
    """Each row whose date `on` falls from a period's `start` to its `end` (inclusive), once per
    such period, with the period's `period`, `start` and `end` columns added."""
    keep = pl.col("_day").is_between(pl.col("start"), pl.col("end"))
    return _matched(frame, {"_day": _day(on)}, keep, periods)


def open_on(
    frame: pl.DataFrame, started: str, ended: str | None, periods: pl.DataFrame
) -> pl.DataFrame:
    """Each row open at a period's end, once per such period: started on or before `end` and
    not ended by then (an end on the day itself closes it: a plan ended on 31 March is not open
    at 31 March, as the CIN census and SSDA903 count)."""
    if ended is None:
        return _matched(frame, {"_day": _day(started)}, pl.col("_day") <= pl.col("end"), periods)
    keep = (pl.col("_day") <= pl.col("end")) & (
        pl.col("_stop").is_null() | (pl.col("_stop") > pl.col("end"))
    )
    return _matched(frame, {"_day": _day(started), "_stop": _day(ended)}, keep, periods)


def counted(
    rows: pl.DataFrame,
    *,
    item: str | pl.Expr,
    on: str | pl.Expr,
    numerator: bool | pl.Expr = True,
    denominator: bool | pl.Expr = True,
    measure: pl.Expr | None = None,
    child: str | pl.Expr | None = "child_id",
    team: str | pl.Expr | None = None,
    worker: str | pl.Expr | None = None,
) -> pl.DataFrame:
    """`rows` (with a `period` column) as counted rows in `COUNTED_SCHEMA`."""

    def expr(value: str | pl.Expr | bool | None, dtype: pl.DataType) -> pl.Expr:
        if value is None:
            return pl.lit(None, dtype=dtype)
        if isinstance(value, bool):
            return pl.lit(1.0 if value else 0.0, dtype=dtype)
        if isinstance(value, str):
            return pl.col(value).cast(dtype)
        return value.cast(dtype)

    return rows.select(
        pl.col("period").cast(pl.String),
        expr(child, pl.String()).alias("child_id"),
        expr(item, pl.String()).alias("item"),
        expr(numerator, pl.Float64()).fill_null(0.0).alias("numerator"),
        expr(denominator, pl.Float64()).fill_null(0.0).alias("denominator"),
        expr(measure, pl.Float64()).alias("measure"),
        expr(on, pl.Date()).alias("on"),
        expr(team, pl.String()).alias("team_id"),
        expr(worker, pl.String()).alias("worker_id"),
    )


def empty_counted() -> pl.DataFrame:
    return pl.DataFrame(schema=COUNTED_SCHEMA)


def with_child(frame: pl.DataFrame, frames: Frames, via: str = "referral_id") -> pl.DataFrame:
    """Add `child_id` (and the referral's `team_id`/`worker_id` as `referral_team_id` /
    `referral_worker_id`) to a table keyed by its referral (an assessment, a plan)."""
    referral = table(frames, "referral").select(
        pl.col("key").alias(via),
        "child_id",
        pl.col("team_id").alias("referral_team_id"),
        pl.col("worker_id").alias("referral_worker_id"),
        pl.col("referred_on"),
        pl.col("primary_need").alias("referral_primary_need"),
    )
    return frame.join(referral, on=via, how="inner")


def working_days(start: str | pl.Expr, end: str | pl.Expr) -> pl.Expr:
    """Working days (England's calendar) after `start` up to and including `end`."""
    first = pl.col(start) if isinstance(start, str) else start
    last = pl.col(end) if isinstance(end, str) else end
    return pl.struct(first.cast(pl.Date).alias("a"), last.cast(pl.Date).alias("b")).map_batches(
        lambda both: working_days_between_series(both.struct.field("a"), both.struct.field("b")),
        return_dtype=pl.Int64,
    )


def on_time() -> pl.Expr:
    """An obligation met by its due time (hour-based rules) or due date."""
    by_time = pl.col("met_at").is_not_null() & (pl.col("met_at") <= pl.col("due_at"))
    by_day = pl.col("met_on").is_not_null() & (pl.col("met_on") <= pl.col("due_on"))
    return pl.when(pl.col("due_at").is_not_null()).then(by_time).otherwise(by_day)


def _obligations(frames: Frames, rules: Iterable[str]) -> pl.DataFrame:
    rows = frames.get("obligations")
    if rows is None:
        raise KeyError("the timescale engine's obligations are not in the frames")
    # Compared as the engine's Enum, not cast to text (much the cheaper on every obligation).
    wanted = pl.Series(list(rules), dtype=rows["rule"].dtype).implode()
    return rows.filter(pl.col("rule").is_in(wanted))


def obligations_due(frames: Frames, rules: Iterable[str], periods: pl.DataFrame) -> pl.DataFrame:
    """The timescale engine's obligations under `rules` due in each period (the base of a
    'done on time' measure: one met after the period ended counts as not met in it)."""
    return during(_obligations(frames, rules), "due_on", periods)


def obligations_met(frames: Frames, rules: Iterable[str], periods: pl.DataFrame) -> pl.DataFrame:
    """The obligations under `rules` met in each period (DfE counts assessments on
    completion)."""
    return during(_obligations(frames, rules), "met_on", periods)
