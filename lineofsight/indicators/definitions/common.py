"""Helpers the definitions share: the period joins (`during`, `open_on`, `open_during`), the
timescale engine's obligations and the on-time share of them, counted rows, ages and working
days, and `shared`, which builds a result several definitions of one run read only once.

Every helper takes and returns Polars frames and knows nothing of any one indicator, so each
definition module reads as its catalogue entry: which rows, in which period, counted how.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt
import polars as pl

from lineofsight.core.domain.reuse import shared
from lineofsight.indicators.definitions.base import COUNTED_SCHEMA, Compute, Frames
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
    "earliest_start",
    "empty_counted",
    "latest_end",
    "obligations",
    "obligations_due",
    "obligations_met",
    "on_time",
    "on_time_share",
    "open_during",
    "open_on",
    "shared",
    "table",
    "tables",
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


def tables(frames: Frames, *names: str) -> list[pl.DataFrame]:
    """The journey tables `names` (see `table`): the sources of a `shared` result."""
    return [table(frames, name) for name in names]


def latest_end(periods: pl.DataFrame) -> dt.date:
    """The last period end: what is known by then is what every period is computed from."""
    latest = periods["end"].max()
    if not isinstance(latest, dt.date):
        raise ValueError("no periods")
    return latest


def earliest_start(periods: pl.DataFrame) -> dt.date:
    """The first period start."""
    earliest = periods["start"].min()
    if not isinstance(earliest, dt.date):
        raise ValueError("no periods")
    return earliest


# The period joins. Each row is matched with the periods its dates fall in by searching the
# sorted period dates, so it costs the rows returned, not rows times periods (36 months over a
# long history of contacts or obligations would otherwise be crossed 36 times). For `during`
# and `open_during` the periods holding a day are one run where starts and ends rise together
# (months, quarters, years, rolling years, as-at dates); a mixed set (a year and its months)
# is searched as a few such runs, and one needing more is crossed with the rows (`_matched`).
_MOST_RUNS = 4
_OPEN = np.iinfo(np.int32).max  # an open end, in days

_Days = npt.NDArray[np.int32]
_Positions = npt.NDArray[np.int64]


def _days(values: pl.Series) -> _Days:
    """Dates as days since 1970, a null as an open end."""
    days = (values if values.dtype == pl.Date else values.cast(pl.Date)).to_physical()
    return (days.fill_null(_OPEN) if days.has_nulls() else days).to_numpy()


def _known(values: pl.Series) -> npt.NDArray[np.bool_]:
    return values.is_not_null().to_numpy()


def _stops(frame: pl.DataFrame, ended: str | None) -> _Days:
    if ended is None:
        return np.full(frame.height, _OPEN, dtype=np.int32)
    return _days(frame[ended])


def _runs(periods: pl.DataFrame) -> list[_Positions]:
    """The periods' row numbers in runs in which neither the starts nor the ends go back: each
    period in start order joins the run whose last end is the latest not after its own. Every
    definition of a run is handed the same periods frame, so they are worked out once."""
    return shared(("period runs",), [periods], None, lambda: _built_runs(periods))


def _built_runs(periods: pl.DataFrame) -> list[_Positions]:
    starts, ends = _days(periods["start"]), _days(periods["end"])
    runs: list[list[int]] = []
    last_ends: list[int] = []
    for row in np.lexsort((ends, starts)).tolist():
        fits = [n for n, last in enumerate(last_ends) if last <= ends[row]]
        if fits:
            best = max(fits, key=lambda n: last_ends[n])
            runs[best].append(row)
            last_ends[best] = int(ends[row])
        else:
            runs.append([row])
            last_ends.append(int(ends[row]))
    return [np.array(run, dtype=np.int64) for run in runs]


def _spread(
    frame: pl.DataFrame,
    periods: pl.DataFrame,
    runs: list[_Positions],
    firsts: list[_Positions],
    lasts: list[_Positions],
) -> pl.DataFrame:
    """Each row of `frame` once per period of each run from position `firsts` up to, not
    including, `lasts` in the run, with every column of the period: row by row, in the
    frame's order. The index arithmetic is NumPy's; the rows are gathered once."""
    count = np.maximum(np.stack(lasts, axis=1) - np.stack(firsts, axis=1), 0).ravel()
    bases = np.cumsum([0, *(len(run) for run in runs[:-1])])
    first = (np.stack(firsts, axis=1) + bases).ravel()
    row = np.repeat(np.arange(frame.height).repeat(len(runs)), count)
    # Position of each copy within its run of periods, added to the run's first.
    offset = np.arange(row.size) - np.repeat(np.cumsum(count) - count, count)
    period = np.concatenate(runs)[np.repeat(first, count) + offset]
    return frame[pl.Series(row, dtype=pl.UInt32)].hstack(
        periods[pl.Series(period, dtype=pl.UInt32)]
    )


def _overlapping(
    frame: pl.DataFrame,
    periods: pl.DataFrame,
    runs: list[_Positions],
    *,
    started: str,
    stops: _Days,
) -> pl.DataFrame:
    """Each row with a known `started` once per period ending on or after that day and
    starting on or before its `stops` day: within a run, the periods from the first ending on
    or after the one day to the last starting on or before the other."""
    starts, ends = _days(periods["start"]), _days(periods["end"])
    day, known = _days(frame[started]), _known(frame[started])
    firsts = [np.searchsorted(ends[run], day, side="left") for run in runs]
    lasts = [np.where(known, np.searchsorted(starts[run], stops, side="right"), 0) for run in runs]
    return _spread(frame, periods, runs, firsts, lasts)


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
    such period, with every column of `periods` added."""
    runs = _runs(periods)
    if not runs or len(runs) > _MOST_RUNS:
        keep = pl.col("_day").is_between(pl.col("start"), pl.col("end"))
        return _matched(frame, {"_day": _day(on)}, keep, periods)
    return _overlapping(frame, periods, runs, started=on, stops=_days(frame[on]))


def open_on(
    frame: pl.DataFrame, started: str, ended: str | None, periods: pl.DataFrame
) -> pl.DataFrame:
    """Each row open at a period's end, once per such period: started on or before `end` and
    not ended by then (an end on the day itself closes it: a plan ended on 31 March is not open
    at 31 March, as the CIN census and SSDA903 count). Every column of `periods` comes along."""
    # Only the ends matter, so the periods in order of their ends are always one run: those
    # ending on or after the start and before the end (an open end: every later one).
    run = np.argsort(_days(periods["end"]), kind="stable")
    ends = _days(periods["end"])[run]
    first = np.searchsorted(ends, _days(frame[started]), side="left")
    last = np.where(
        _known(frame[started]), np.searchsorted(ends, _stops(frame, ended), side="left"), 0
    )
    return _spread(frame, periods, [run], [first], [last])


def open_during(
    frame: pl.DataFrame, started: str, ended: str | None, periods: pl.DataFrame
) -> pl.DataFrame:
    """Each row open at any time in a period, once per such period: started on or before its
    `end` and not ended before its `start` (ended on its first day counts). Every column of
    `periods` comes along."""
    runs = _runs(periods)
    if not runs or len(runs) > _MOST_RUNS:
        keep = (pl.col("_day") <= pl.col("end")) & (
            pl.col("_stop").is_null() | (pl.col("_stop") >= pl.col("start"))
        )
        stop = pl.lit(None, dtype=pl.Date) if ended is None else _day(ended)
        return _matched(frame, {"_day": _day(started), "_stop": stop}, keep, periods)
    return _overlapping(frame, periods, runs, started=started, stops=_stops(frame, ended))


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


def obligations(
    frames: Frames, rules: Iterable[str], columns: Sequence[str] | None = None
) -> pl.DataFrame:
    """The timescale engine's obligations under `rules`, whenever due; with `columns`, only
    those (and `rule`), cut before the rows so the engine's wide text is never copied."""
    rows = frames.get("obligations")
    if rows is None:
        raise KeyError("the timescale engine's obligations are not in the frames")
    if columns is not None:
        rows = rows.select(*dict.fromkeys(("rule", *columns)))
    # Compared as the engine's Enum, not cast to text (much the cheaper on every obligation).
    wanted = pl.Series(list(rules), dtype=rows["rule"].dtype).implode()
    return rows.filter(pl.col("rule").is_in(wanted))


def obligations_due(
    frames: Frames,
    rules: Iterable[str],
    periods: pl.DataFrame,
    columns: Sequence[str] | None = None,
) -> pl.DataFrame:
    """The timescale engine's obligations under `rules` due in each period (the base of a
    'done on time' measure: one met after the period ended counts as not met in it)."""
    return during(obligations(frames, rules, columns), "due_on", periods)


def obligations_met(
    frames: Frames,
    rules: Iterable[str],
    periods: pl.DataFrame,
    columns: Sequence[str] | None = None,
) -> pl.DataFrame:
    """The obligations under `rules` met in each period (DfE counts assessments on
    completion)."""
    return during(obligations(frames, rules, columns), "met_on", periods)


# What a timeliness measure reads of an obligation: identity, dates, who was responsible.
TIMED = (
    "obligation_id",
    "child_id",
    "start_key",
    "start_on",
    "due_on",
    "due_at",
    "met_key",
    "met_on",
    "met_at",
    "team_id",
    "worker_id",
)


def on_time_share(
    rules: str | Sequence[str], *, counted_on: str = "due_on", item: str = "obligation_id"
) -> Compute:
    """A compute: the obligations under `rules` due in each period (`counted_on="met_on"`:
    met in it), each counted once as `item`, on time or not, attributed to the worker and team
    the timescale engine holds responsible."""
    wanted = [rules] if isinstance(rules, str) else list(rules)

    def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
        rows = during(obligations(frames, wanted, TIMED), counted_on, periods)
        return counted(
            rows,
            item=item,
            on=counted_on,
            numerator=on_time(),
            team="team_id",
            worker="worker_id",
        )

    return compute
