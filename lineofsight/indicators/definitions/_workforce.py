"""What the workforce and oversight definitions share: who counts as a children and family
social worker, who is in post at a period's end, the team a worker belongs to on a day, the
cases each worker holds and the children with an open case.

`open_at_ends` and `happening_in` are `open_on` and `during` for long tables (allocations,
decisions): they find each row's periods by a search of the sorted period dates, not a cross
join with every period.

Worker rows are counted rows with no child: `item` is the staff id, `worker_id` the worker and
`team_id` the team of the worker's `team_membership` on the row's date, so the engine (which
attributes rows by the child's allocation) leaves them as they are.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from lineofsight.indicators.definitions.common import Frames, during, table

# The roles of `worker.role` that DfE's workforce census counts as children and family social
# workers: registered social workers in a children's services post, from newly qualified (ASYE)
# to head of service, including IROs and conference chairs. Personal advisers, family support
# workers, business support and analysts are not social work posts, even when the person holds
# a social work qualification.
SOCIAL_WORK_ROLES = (
    "social_worker",
    "asye",
    "senior_practitioner",
    "advanced_practitioner",
    "team_manager",
    "service_manager",
    "head_of_service",
    "iro",
    "conference_chair",
)

# Allocation roles that hold a case (as the indicator engine and the timescale engine's
# responsibility step read them). Repeated here, not imported, because the engine imports the
# definitions package.
CASE_HOLDING_ROLES = ("social_worker", "held_by_manager", "duty", "personal_adviser")


def _spread(
    rows: pl.DataFrame, first: pl.Series, last: pl.Series, ordered: pl.DataFrame
) -> pl.DataFrame:
    """Each row once per period of `ordered` (in its order) from index `first` up to, not
    including, `last`, with the period's columns. The index arithmetic is done in NumPy: far
    cheaper than exploding ranges and joining the periods back."""
    start = first.cast(pl.Int64).to_numpy()
    count = np.maximum(last.cast(pl.Int64).to_numpy() - start, 0)
    row = np.repeat(np.arange(rows.height), count)
    # Position of each copy within its row's run, added to the run's first period.
    offset = np.arange(row.size) - np.repeat(np.cumsum(count) - count, count)
    period = np.repeat(start, count) + offset
    copies = rows.select(pl.all().gather(pl.Series(row)))
    dates = ordered.select(pl.col("period", "start", "end").gather(pl.Series(period)))
    return pl.concat([copies, dates], how="horizontal")


def open_at_ends(
    frame: pl.DataFrame, started: str, ended: str | None, periods: pl.DataFrame
) -> pl.DataFrame:
    """What `open_on` returns (each row open at a period's end, once per such period, with
    the period's columns; an end on the day itself closes it), found by searching the sorted
    period ends rather than by a cross join, which a long history of many rows makes slow."""
    ordered = periods.sort("end")
    ends = ordered["end"]
    rows = frame.filter(pl.col(started).is_not_null())
    # Open at the ends on or after its start and before its end.
    first = ends.search_sorted(rows[started].cast(pl.Date), side="left")
    if ended is None:
        last = pl.Series([ends.len()] * rows.height, dtype=pl.UInt32)
    else:
        stop = rows[ended].cast(pl.Date)
        last = ends.search_sorted(stop, side="left").set(stop.is_null(), ends.len())
    return _spread(rows, first, last, ordered)


def happening_in(frame: pl.DataFrame, on: str, periods: pl.DataFrame) -> pl.DataFrame:
    """What `during` returns (each row whose date `on` falls in a period, once per such
    period), by searching the sorted periods when their ends come in the same order as
    their starts (months, quarters, years, a run of rolling years); otherwise by `during`."""
    ordered = periods.sort("start", "end")
    if not ordered["end"].is_sorted():
        return during(frame, on, periods)
    rows = frame.filter(pl.col(on).is_not_null())
    day = rows[on].cast(pl.Date)
    # The periods containing the day: started by then (index below `last`) and not ended
    # before it (index from `first`); with ends in start order these are one run.
    first = ordered["end"].search_sorted(day, side="left")
    last = ordered["start"].search_sorted(day, side="right")
    return _spread(rows, first, last, ordered)


def social_workers(frames: Frames) -> pl.DataFrame:
    """Workers in a children and family social work role (agency or directly employed)."""
    return table(frames, "worker").filter(pl.col("role").is_in(SOCIAL_WORK_ROLES))


def in_post(workers: pl.DataFrame, periods: pl.DataFrame) -> pl.DataFrame:
    """Each worker in post at each period's end (started by then, not left by then: a worker
    whose `ended_on` is the period end has left, as `open_on` reads an end date)."""
    return open_at_ends(workers, "started_on", "ended_on", periods)


def with_team(
    rows: pl.DataFrame, frames: Frames, *, worker: str = "staff_id", on: str = "on_day"
) -> pl.DataFrame:
    """Add `worker_team`: the team of the worker's membership covering the date `on` (the
    latest membership started by then, unless it had ended before that day; a membership
    ending on the day itself still covers it, so a leaver is counted in the team they left)."""
    memberships = (
        table(frames, "team_membership")
        .select(
            pl.col("worker_id").alias("_member"),
            pl.col("started_on").cast(pl.Date).alias("_joined"),
            pl.col("ended_on").cast(pl.Date).alias("_left"),
            pl.col("team_id").alias("_team"),
        )
        .sort("_joined")
    )
    joined = (
        rows.with_columns(pl.col(worker).alias("_member"), pl.col(on).cast(pl.Date).alias("_on"))
        .sort("_on")
        .join_asof(
            memberships,
            left_on="_on",
            right_on="_joined",
            by="_member",
            strategy="backward",
            check_sortedness=False,
        )
    )
    covers = pl.col("_left").is_null() | (pl.col("_left") >= pl.col("_on"))
    return joined.with_columns(pl.when(covers).then(pl.col("_team")).alias("worker_team")).drop(
        "_member", "_on", "_joined", "_left", "_team"
    )


def cases_held(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """Each children and family social worker (agency or not) in post at each period's end
    who holds at least one case then: `period`, `end`, `staff_id`, `fte`, `is_agency` and
    `cases`, the distinct children with an open case-holding allocation to the worker."""
    workers = social_workers(frames)
    allocations = (
        table(frames, "allocation")
        .filter(pl.col("role").is_in(CASE_HOLDING_ROLES))
        .select(pl.col("worker_id").alias("staff_id"), "child_id", "started_on", "ended_on")
        .join(workers.select("staff_id"), on="staff_id", how="semi")
    )
    held = (
        open_at_ends(allocations, "started_on", "ended_on", periods)
        .group_by("period", "staff_id")
        .agg(pl.col("child_id").n_unique().cast(pl.Float64).alias("cases"))
    )
    in_post_then = in_post(workers, periods).select("period", "end", "staff_id", "fte", "is_agency")
    return in_post_then.join(held, on=["period", "staff_id"], how="inner")


def _case_spells(frames: Frames) -> pl.DataFrame:
    """Each child's open-case spells (`child_id`, `opened`, `closed`, null while open): the
    union of their referrals (not closed with no further action), child protection plans and
    episodes of care, overlapping or touching ones merged (a plan ending the day the next
    begins is one spell), so a child is open at a date at most once."""
    referrals = table(frames, "referral")
    parts = [
        referrals.filter(~pl.col("is_nfa")).select(
            "child_id", pl.col("referred_on").alias("opened"), pl.col("closed_on").alias("closed")
        ),
        table(frames, "cp_plan")
        .join(referrals.select(pl.col("key").alias("referral_id"), "child_id"), on="referral_id")
        .select(
            "child_id", pl.col("started_on").alias("opened"), pl.col("ended_on").alias("closed")
        ),
        table(frames, "cla_episode").select(
            "child_id", pl.col("started_on").alias("opened"), pl.col("ended_on").alias("closed")
        ),
    ]
    spells = (
        pl.concat(parts, how="vertical_relaxed")
        .filter(pl.col("opened").is_not_null())
        .sort("child_id", "opened")
    )
    if spells.is_empty():
        return spells
    # Days since 1970 as integers (an open spell closes on the last representable day); each
    # child's days are offset by a multiple of `span` that grows with the child's place in
    # the sort, so one running maximum over the whole column never carries from one child to
    # the next: it is each spell's latest close so far within its own child.
    opened = spells["opened"].cast(pl.Int64).to_numpy()
    closed = spells["closed"].cast(pl.Int64).fill_null(_OPEN_DAY).to_numpy()
    new_child = (
        spells["child_id"].ne_missing(spells["child_id"].shift(1)).fill_null(True).to_numpy()
    )
    child = np.cumsum(new_child)
    span = np.int64(2 * _OPEN_DAY + 1)
    running = np.maximum.accumulate(child * span + closed) - child * span
    before = np.concatenate([[np.iinfo(np.int64).min], running[:-1]])
    first = np.flatnonzero(new_child | (opened > before))
    last = np.concatenate([first[1:] - 1, [opened.size - 1]])
    close = running[last]
    return pl.DataFrame(
        {
            "child_id": spells["child_id"].gather(first),
            "opened": pl.Series(opened[first]).cast(pl.Date),
            "closed": pl.Series(close).cast(pl.Date).set(pl.Series(close == _OPEN_DAY), None),
        }
    )


# 31 December 9999 in days since 1970: the close of a spell still open.
_OPEN_DAY = 2_932_896


def open_cases(frames: Frames, periods: pl.DataFrame, *, weeks: int = 0) -> pl.DataFrame:
    """Each child with an open case at each period's end: a child in need (a referral that was
    not closed with no further action, not closed by then), on a child protection plan or
    looked after; with `weeks`, only those whose case had been open without a break for that
    many weeks by then. One row per child and period: `period`, `end`, `child_id`."""
    spells = _case_spells(frames).with_columns(
        (pl.col("opened") + pl.duration(weeks=weeks)).alias("opened")
    )
    return open_at_ends(spells, "opened", "closed", periods).select("period", "end", "child_id")
