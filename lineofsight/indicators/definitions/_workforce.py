"""What the workforce and oversight definitions share: who counts as a children and family
social worker, who is in post at a period's end, the team a worker belongs to on a day, the
cases each worker holds and the children with an open case.

Worker rows are counted rows with no child: `item` is the staff id, `worker_id` the worker and
`team_id` the team of the worker's `team_membership` on the row's date, so the engine (which
attributes rows by the child's allocation) leaves them as they are.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from lineofsight.indicators.definitions.common import (
    Frames,
    counted,
    open_on,
    shared,
    table,
    tables,
)

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


def social_workers(frames: Frames) -> pl.DataFrame:
    """Workers in a children and family social work role (agency or directly employed)."""
    return table(frames, "worker").filter(pl.col("role").is_in(SOCIAL_WORK_ROLES))


def in_post(workers: pl.DataFrame, periods: pl.DataFrame) -> pl.DataFrame:
    """Each worker in post at each period's end (started by then, not left by then: a worker
    whose `ended_on` is the period end has left, as `open_on` reads an end date)."""
    return open_on(workers, "started_on", "ended_on", periods)


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


def workers_counted(
    rows: pl.DataFrame,
    frames: Frames,
    *,
    on: str = "end",
    numerator: bool | pl.Expr = True,
    denominator: bool | pl.Expr = True,
) -> pl.DataFrame:
    """Worker rows (`staff_id`, one per worker and period) as counted rows with no child, dated
    `on`: the item and the worker are the staff id, the team the worker's on that day."""
    return counted(
        with_team(rows, frames, on=on),
        item="staff_id",
        on=on,
        numerator=numerator,
        denominator=denominator,
        child=None,
        team="worker_team",
        worker="staff_id",
    )


def cases_held(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """Each children and family social worker (agency or not) in post at each period's end
    who holds at least one case then: `period`, `end`, `staff_id`, `fte`, `is_agency` and
    `cases`, the distinct children with an open case-holding allocation to the worker."""
    sources = tables(frames, "worker", "allocation")
    return shared("cases_held", sources, periods, lambda: _cases_held(frames, periods))


def _cases_held(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    workers = social_workers(frames)
    allocations = (
        table(frames, "allocation")
        .filter(pl.col("role").is_in(CASE_HOLDING_ROLES))
        .select(pl.col("worker_id").alias("staff_id"), "child_id", "started_on", "ended_on")
        .join(workers.select("staff_id"), on="staff_id", how="semi")
    )
    held = (
        open_on(allocations, "started_on", "ended_on", periods)
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
    sources = tables(frames, "referral", "cp_plan", "cla_episode")
    return shared("case_spells", sources, None, lambda: _built_case_spells(frames))


def _built_case_spells(frames: Frames) -> pl.DataFrame:
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
    return open_on(spells, "opened", "closed", periods).select("period", "end", "child_id")
