"""Child protection: T-11, T-12, T-16 and T-17, T-18 and T-19, T-20, T-21.

* T-12: an initial child protection conference within 15 working days of the strategy
  discussion that initiated the S47 enquiry (the census S47 start date, timescales.md §10.4).
  T-11 (local): the enquiry completed within the same 15 working days.
* T-16 then T-17: the plan's first core group within 10 working days of the conference that
  made the plan, then one at least every 6 weeks from the actual previous core group.
* T-18 then T-19: the first review conference within 3 months of that conference, then one at
  least every 6 months from the actual previous review conference.
* T-20 (local): a CP visit at least every 10 working days from the plan's start.
* T-21: a plan still open 729 days after it started (the two-year flag).

How the model is read:

* The S47's clock runs from its linked strategy discussion; with no link, from the enquiry's own
  start (the obligation's note says so). Each obligation is keyed by the enquiry
  (`start_kind` "section47_enquiry"), since the census treats that date as the enquiry's start.
  An enquiry not yet started on `as_of` is unknown.
* An enquiry marked `icpc_not_required` makes no T-12 obligation. That decision is part of the
  enquiry's outcome, so it is known only once the enquiry completed on or before `as_of` (or
  when no completion date is recorded); until then the ICPC clock runs.
* The ICPC is the initial or pre-birth conference linked to the enquiry; an enquiry with no
  linked conference takes the first initial or pre-birth conference of its referral on or after
  the clock's start that is not linked to another enquiry. T-11 and T-12 end with the referral
  (`closed_on`): an enquiry whose referral closed before its deadline, unmet, lapses.
* The conference that "made the plan" is the plan's earliest linked initial, pre-birth or
  transfer-in conference; a plan with none counts from its own start (start_kind "cp_plan").
  Core groups and review conferences belong to the plan they name (`cp_plan_id`). CP visits
  (`visit.kind` "cp", or "pre_birth": the visit under a pre-birth plan before the baby is
  born) belong to every plan of the child whose dates contain them.
* T-21 is met when the plan ended within 729 days (met_on = ended_on); a plan that ran longer
  is overdue while open and missed once it ended (days_overdue = days beyond 729).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import polars as pl

from lineofsight.timescales.domain.engine.chains import (
    Step,
    chain,
    due_on,
    empty,
    known_by,
    single,
    steps,
)
from lineofsight.timescales.domain.engine.selection import EVERYTHING, Scope
from lineofsight.timescales.domain.rules import timescale
from lineofsight.timescales.domain.timescale import TimescaleConfig

INITIAL_KINDS = ("initial", "pre_birth")
PLAN_MAKING_KINDS = ("initial", "pre_birth", "transfer_in")
CP_VISIT_KINDS = ("cp", "pre_birth")  # a pre-birth visit is the CP visit of an unborn child


def obligations(
    frames: Mapping[str, pl.DataFrame],
    as_of: dt.date,
    config: TimescaleConfig,
    scope: Scope = EVERYTHING,
) -> pl.DataFrame:
    parts = []
    if scope.wants("T-11", "T-12"):
        parts += _enquiries(frames, as_of, config)
    if scope.wants("T-16", "T-17", "T-18", "T-19", "T-20"):
        parts += _plans(frames, as_of, config, since=scope.since)
    if scope.wants("T-21"):
        parts.append(_long_plans(frames, as_of, config))
    return pl.concat([empty(), *parts], how="vertical_relaxed")


def _enquiries(
    frames: Mapping[str, pl.DataFrame], as_of: dt.date, config: TimescaleConfig
) -> list[pl.DataFrame]:
    """T-12 ICPC and T-11 S47 completed, both from the initiating strategy discussion."""
    discussions = frames["strategy_discussion"].select(
        pl.col("key").alias("strategy_discussion_id"), pl.col("held_on").alias("discussed_on")
    )
    referrals = frames["referral"].select(
        pl.col("key").alias("referral_id"), "child_id", pl.col("closed_on").alias("context_end")
    )
    enquiries = (
        known_by(frames["section47_enquiry"], "started_on", as_of)
        .join(discussions, on="strategy_discussion_id", how="left")
        .join(referrals, on="referral_id", how="left")
    )
    starts = enquiries.select(
        "child_id",
        "referral_id",
        "icpc_not_required",
        "completed_on",
        pl.col("key").alias("s47_key"),
        pl.lit("section47_enquiry").alias("start_kind"),
        pl.col("key").alias("start_key"),
        pl.coalesce("discussed_on", "started_on").alias("start_on"),
        "context_end",
        pl.when(pl.col("discussed_on").is_null())
        .then(pl.lit("no linked strategy discussion: counted from the enquiry's start"))
        .alias("note"),
    )
    decided = pl.col("completed_on").is_null() | (pl.col("completed_on") <= as_of)
    not_required = pl.col("icpc_not_required").fill_null(False) & decided
    conferences = _initial_conferences(frames["conference"], starts)
    icpc = single(
        starts.filter(~not_required).drop("icpc_not_required", "completed_on", "referral_id"),
        conferences,
        rule=timescale("T-12"),
        config=config,
        as_of=as_of,
        match_on=("s47_key",),
        met_kind="initial_conference",
    )
    completed = single(
        starts.select(
            "child_id",
            "start_kind",
            "start_key",
            "start_on",
            "context_end",
            "note",
            pl.col("s47_key").alias("met_key"),
            pl.col("completed_on").alias("met_on"),
        ),
        None,
        rule=timescale("T-11"),
        config=config,
        as_of=as_of,
        met_kind="section47_completed",
    )
    return [icpc, completed]


def _initial_conferences(conference: pl.DataFrame, starts: pl.DataFrame) -> pl.DataFrame:
    """Candidate ICPCs per enquiry (`s47_key`, met_key, met_on): its linked conferences, or for
    an enquiry with none, its referral's initial conferences not linked to any enquiry."""
    initial = conference.filter(pl.col("kind").is_in(INITIAL_KINDS)).select(
        "referral_id",
        pl.col("section47_enquiry_id").alias("s47_key"),
        pl.col("key").alias("met_key"),
        pl.col("held_on").alias("met_on"),
    )
    linked = initial.filter(pl.col("s47_key").is_not_null())
    unlinked_enquiries = starts.select("s47_key", "referral_id").join(
        linked.select("s47_key").unique(), on="s47_key", how="anti"
    )
    by_referral = unlinked_enquiries.join(
        initial.filter(pl.col("s47_key").is_null()).drop("s47_key"), on="referral_id"
    )
    return pl.concat(
        [linked.drop("referral_id"), by_referral.drop("referral_id")], how="vertical_relaxed"
    )


def _plans(
    frames: Mapping[str, pl.DataFrame],
    as_of: dt.date,
    config: TimescaleConfig,
    since: dt.date | None = None,
) -> list[pl.DataFrame]:
    """T-16/T-17 core groups and T-18/T-19 reviews from the conference that made the plan;
    T-20 CP visits from the plan's start."""
    plans = _plans_with_conference(frames)
    core_groups = frames["core_group"].select(
        pl.col("cp_plan_id").alias("context_key"),
        pl.col("key").alias("event_key"),
        pl.col("held_on").alias("event_on"),
    )
    reviews = (
        frames["conference"]
        .filter((pl.col("kind") == "review") & pl.col("cp_plan_id").is_not_null())
        .select(
            pl.col("cp_plan_id").alias("context_key"),
            pl.col("key").alias("event_key"),
            pl.col("held_on").alias("event_on"),
        )
    )
    core_group_chain = _from_conference(
        plans,
        core_groups,
        links=steps(timescale("T-16"), timescale("T-17"), config=config),
        config=config,
        as_of=as_of,
        since=since,
        met_kind="core_group",
    )
    review_chain = _from_conference(
        plans,
        reviews,
        links=steps(timescale("T-18"), timescale("T-19"), config=config),
        config=config,
        as_of=as_of,
        since=since,
        met_kind="review_conference",
    )
    visits = frames["visit"].filter(pl.col("kind").is_in(CP_VISIT_KINDS))
    visit_chain = chain(
        plans.select(
            pl.col("key").alias("context_key"),
            "child_id",
            pl.col("started_on").alias("context_start"),
            pl.col("ended_on").alias("context_end"),
        ),
        visits.select(
            "child_id", pl.col("key").alias("event_key"), pl.col("visited_on").alias("event_on")
        ),
        links=steps(timescale("T-20"), config=config),
        config=config,
        as_of=as_of,
        since=since,
        start_kind="cp_plan",
        met_kind="cp_visit",
    )
    return [*core_group_chain, *review_chain, visit_chain]


def _plans_with_conference(frames: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    """Each CP plan with its child and `conference_on`: the date of the earliest conference that
    made it (null when none is linked)."""
    made_by = (
        frames["conference"]
        .filter(
            pl.col("kind").is_in(PLAN_MAKING_KINDS)
            & pl.col("cp_plan_id").is_not_null()
            & pl.col("outcome").ne_missing("no_plan")
        )
        .group_by("cp_plan_id")
        .agg(pl.col("held_on").min().alias("conference_on"))
    )
    return _plans_with_child(frames).join(made_by, left_on="key", right_on="cp_plan_id", how="left")


def _from_conference(
    plans: pl.DataFrame,
    events: pl.DataFrame,
    *,
    links: Sequence[Step],
    config: TimescaleConfig,
    as_of: dt.date,
    met_kind: str,
    since: dt.date | None = None,
) -> list[pl.DataFrame]:
    """A chain over each plan starting at the conference that made it, or at the plan's own
    start where no conference is linked (each with its own start_kind)."""
    contexts = plans.select(
        pl.col("key").alias("context_key"),
        "child_id",
        pl.coalesce("conference_on", "started_on").alias("context_start"),
        pl.col("ended_on").alias("context_end"),
        pl.col("conference_on").is_not_null().alias("_by_conference"),
    )
    return [
        chain(
            contexts.filter(pl.col("_by_conference") == by_conference).drop("_by_conference"),
            events,
            links=links,
            config=config,
            as_of=as_of,
            since=since,
            start_kind=start_kind,
            met_kind=met_kind,
        )
        for by_conference, start_kind in ((True, "initial_conference"), (False, "cp_plan"))
    ]


def _long_plans(
    frames: Mapping[str, pl.DataFrame], as_of: dt.date, config: TimescaleConfig
) -> pl.DataFrame:
    """T-21: each plan flagged once it has been open for more than 729 days."""
    (link,) = steps(timescale("T-21"), config=config)
    plans = _plans_with_child(frames)
    flagged_on = due_on(plans["started_on"], link.allowance, link.rule, config)
    starts = plans.with_columns(flagged_on.alias("_due")).select(
        "child_id",
        pl.lit("cp_plan").alias("start_kind"),
        pl.col("key").alias("start_key"),
        pl.col("started_on").alias("start_on"),
        pl.col("key").alias("met_key"),
        pl.when(pl.col("ended_on") <= pl.col("_due")).then(pl.col("ended_on")).alias("met_on"),
        pl.col("ended_on").alias("context_end"),
    )
    return single(
        starts, None, rule=link.rule, config=config, as_of=as_of, met_kind="cp_plan_ended"
    )


def _plans_with_child(frames: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    return frames["cp_plan"].join(
        frames["referral"].select(pl.col("key").alias("referral_id"), "child_id"),
        on="referral_id",
        how="left",
    )
