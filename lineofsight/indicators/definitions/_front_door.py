"""Rows the front door, assessment and children-in-need indicators share.

How the model is read:

* A referral is a CIN episode, from `referred_on` to `closed_on`.
* No further action (NFA) is the referral's own flag (`is_nfa`, the census ReferralNFA): the
  decision made on the referral before any assessment.
* A referral is *assessed as not in need* when it is not NFA, had an assessment, closed with
  reason RC8 (after assessment, no further action) or RC9 (after assessment, referred to early
  help), and had no further activity: no S47 enquiry, CP plan or CIN plan (the LAIT dictionary,
  'Referrals_AssessedNotNeed').
* DfE leaves both out of its children-in-need counts. An episode is read as in need on a date
  unless it is NFA or had been closed as assessed not in need by then: an episode still open
  and being assessed at 31 March is in need at 31 March, as in the census.
* A contact's or an assessment's team is the team its worker (the decider, the assessor)
  belonged to on the day, from team membership.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

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

# CIN census referral sources (LAIT's RefBySource_* measures).
POLICE = ("6",)
SCHOOLS = ("2A",)  # 2B education services is a separate DfE source
HEALTH = ("3A", "3B", "3C", "3D", "3E", "3F")

NOT_IN_NEED_CLOSURES = ("RC8", "RC9")
DOMESTIC_ABUSE = ("3A", "3B", "3C")  # CIN assessment factors: domestic violence, by person


_NEVER = dt.date(9999, 12, 31)  # an open end, for comparing


def _dates(frame: pl.DataFrame, column: str) -> pl.Series:
    return frame[column].cast(pl.Date).fill_null(_NEVER)


def with_worker_team(frame: pl.DataFrame, frames: Frames, *, worker: str, on: str) -> pl.DataFrame:
    """Add `worker_team_id`: the team the worker in column `worker` belonged to on the date in
    column `on` (null when the worker is not recorded or was in no team that day)."""
    spells = (
        table(frames, "team_membership")
        .select(
            pl.col("worker_id").alias(worker),
            pl.col("team_id").alias("worker_team_id"),
            pl.col("started_on").alias("_started"),
            pl.col("ended_on").alias("_ended"),
        )
        .sort("_started")
    )
    current = pl.col("_ended").is_null() | (pl.col("_ended") >= pl.col(on))
    return (
        frame.sort(on)
        .join_asof(
            spells,
            left_on=on,
            right_on="_started",
            by=worker,
            strategy="backward",
            check_sortedness=False,  # both sorted by date overall, so within each worker
        )
        .with_columns(pl.when(current).then(pl.col("worker_team_id")).alias("worker_team_id"))
        .drop("_started", "_ended")
    )


def contacts(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """The contacts received in each period (by the local date of receipt, `received_on`),
    with their decider's team."""
    sources = tables(frames, "contact", "team_membership")
    return shared("contacts", sources, periods, lambda: _contacts(frames, periods))


def _contacts(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    rows = table(frames, "contact")
    # Local dates from zoned times are slow to compute: trim to the periods' span first, with
    # a day's margin for the time zone.
    day_ms = 86_400_000
    first = pl.lit(earliest_start(periods)).cast(pl.Int64) * day_ms - day_ms  # in ms
    last = pl.lit(latest_end(periods)).cast(pl.Int64) * day_ms + 2 * day_ms
    near = rows.filter(pl.col("received_at").dt.timestamp("ms").is_between(first, last))
    dated = near.with_columns(pl.col("received_at").dt.date().alias("received_on"))
    return with_worker_team(
        during(dated, "received_on", periods),
        frames,
        worker="decided_by_id",
        on="received_on",
    )


def _referral_ids(frames: Frames, name: str) -> pl.Series:
    return table(frames, name)["referral_id"]


def referrals(frames: Frames) -> pl.DataFrame:
    """Each referral with `not_in_need`: assessed as not in need (see the module's notes)."""
    sources = tables(frames, "referral", "section47_enquiry", "cp_plan", "cin_plan", "assessment")
    return shared("referrals", sources, None, lambda: _referrals(frames))


def _referrals(frames: Frames) -> pl.DataFrame:
    referral = table(frames, "referral")
    further = pl.concat(
        [
            _referral_ids(frames, "section47_enquiry"),
            _referral_ids(frames, "cp_plan"),
            _referral_ids(frames, "cin_plan"),
        ]
    )
    # Checked on the few referrals closed RC8/RC9, then flagged on all.
    closed_after_assessment = referral.filter(
        ~pl.col("is_nfa") & pl.col("closure_reason").is_in(NOT_IN_NEED_CLOSURES)
    ).select("key")
    not_in_need = closed_after_assessment.filter(
        pl.col("key").is_in(_referral_ids(frames, "assessment").implode())
        & ~pl.col("key").is_in(further.implode())
    )["key"]
    return referral.with_columns(pl.col("key").is_in(not_in_need.implode()).alias("not_in_need"))


def in_need_on(day: str | pl.Expr) -> pl.Expr:
    """A referral (from `referrals`) counted as an episode of need as known on `day`."""
    on = pl.col(day) if isinstance(day, str) else day
    closed_not_in_need = pl.col("not_in_need") & (pl.col("closed_on") <= on).fill_null(False)
    return ~pl.col("is_nfa") & ~closed_not_in_need


def referral_share(flag: pl.Expr, *, outcomes: bool = False) -> Compute:
    """A compute: of the referrals received in the period (each counted), those where `flag`
    holds, attributed to the referral's team and worker. With `outcomes`, the flag can read
    `not_in_need` (the rows are `referrals`)."""

    def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
        base = referrals(frames) if outcomes else table(frames, "referral")
        rows = during(base, "referred_on", periods)
        return counted(
            rows,
            item="key",
            on="referred_on",
            numerator=flag,
            team="team_id",
            worker="worker_id",
        )

    return compute


def from_sources(codes: Sequence[str]) -> pl.Expr:
    """The referral's source is one of `codes`."""
    return pl.col("source").is_in(list(codes))


def completed_assessments(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """Assessments authorised in each period, with their child and the assessor's team."""
    sources = tables(frames, "assessment", "referral", "team_membership")
    return shared(
        "completed_assessments", sources, periods, lambda: _completed_assessments(frames, periods)
    )


def _completed_assessments(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    assessments = table(frames, "assessment").filter(pl.col("authorised_on").is_not_null())
    referral = table(frames, "referral").select(pl.col("key").alias("referral_id"), "child_id")
    rows = during(assessments.join(referral, on="referral_id"), "authorised_on", periods)
    return with_worker_team(rows, frames, worker="assessed_by_id", on="authorised_on")


def _overlapping(rows: pl.DataFrame, started: str, ended: str) -> bool:
    """Whether a child has two rows open at once. Sorted by child and start, any overlap shows
    between neighbours: a row starting before the one before it ended."""
    ordered = rows.select("child_id", started, _dates(rows, ended).alias("_ended")).sort(
        "child_id", started
    )
    same_child = pl.col("child_id") == pl.col("child_id").shift(1)
    overlap = same_child & (pl.col(started) < pl.col("_ended").shift(1))
    return bool(ordered.select(overlap.any()).item())


def in_need_at_end(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """The children in need at each period's end, each child once (`period`, `end`,
    `child_id`, and the `key` and `referred_on` of the child's earliest open episode: a child
    should have one open episode at a time)."""
    sources = tables(frames, "referral")
    return shared("in_need_at_end", sources, periods, lambda: _in_need_at_end(frames, periods))


def _in_need_at_end(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    # An episode open at the end has not closed, so it cannot have closed as not in need:
    # only NFA referrals are left out.
    referral = (
        table(frames, "referral")
        .filter(~pl.col("is_nfa"))
        .select("key", "child_id", "referred_on", "closed_on")
    )
    rows = open_on(referral, "referred_on", "closed_on", periods)
    near = referral.filter(
        (pl.col("referred_on") <= latest_end(periods))
        & (pl.col("closed_on").is_null() | (pl.col("closed_on") > periods["end"].min()))
    )
    if not _overlapping(near, "referred_on", "closed_on"):
        return rows.select("period", "end", "child_id", "key", "referred_on")
    earliest = pl.col("referred_on").arg_min()
    return rows.group_by("period", "child_id").agg(
        pl.col("end").first(),
        pl.col("key").get(earliest),
        pl.col("referred_on").get(earliest),
    )
