"""Front door and children in need: T-01, T-02, T-03, T-04, T-04b, T-06, T-07."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import polars as pl

from lineofsight.timescales.domain.engine.chains import chain, empty, single, steps
from lineofsight.timescales.domain.engine.selection import EVERYTHING, Scope
from lineofsight.timescales.domain.rules import timescale
from lineofsight.timescales.domain.timescale import TimescaleConfig


def obligations(
    frames: Mapping[str, pl.DataFrame],
    as_of: dt.date,
    config: TimescaleConfig,
    scope: Scope = EVERYTHING,
) -> pl.DataFrame:
    parts = []
    if scope.wants("T-02"):
        parts.append(_contact_decisions(frames, as_of, config))
    if scope.wants("T-01"):
        parts.append(_referral_decisions(frames, as_of, config))
    if scope.wants("T-03", "T-04", "T-04b"):
        parts += _assessments(frames, as_of, config)
    if scope.wants("T-06", "T-07"):
        parts += _cin_plans(frames, as_of, config, since=scope.since)
    return pl.concat([empty(), *parts], how="vertical_relaxed")


def _contact_decisions(
    frames: Mapping[str, pl.DataFrame], as_of: dt.date, config: TimescaleConfig
) -> pl.DataFrame:
    """T-02: a contact decided within 1 working day of its receipt (local standard)."""
    contact = frames["contact"].filter(pl.col("child_id").is_not_null())
    contact = _with_decider_team(frames, contact)
    starts = contact.select(
        "child_id",
        pl.col("decided_by_id").alias("worker_hint"),
        "team_hint",
        pl.lit("contact").alias("start_kind"),
        pl.col("key").alias("start_key"),
        pl.col("received_at").dt.date().alias("start_on"),
        pl.col("key").alias("met_key"),
        pl.col("decision_at").dt.date().alias("met_on"),
        pl.col("decision_at").alias("met_at"),
    )
    return single(
        starts,
        None,
        rule=timescale("T-02"),
        config=config,
        as_of=as_of,
        met_kind="contact_decision",
    )


def _referral_decisions(
    frames: Mapping[str, pl.DataFrame], as_of: dt.date, config: TimescaleConfig
) -> pl.DataFrame:
    """T-01: the first decision on a referral: an assessment or a strategy discussion started,
    or closure with no further action."""
    referral = frames["referral"]
    decisions = pl.concat(
        [
            frames["assessment"].select(
                "referral_id", pl.col("key").alias("met_key"), pl.col("started_on").alias("met_on")
            ),
            frames["strategy_discussion"].select(
                "referral_id", pl.col("key").alias("met_key"), pl.col("held_on").alias("met_on")
            ),
            referral.filter(pl.col("is_nfa")).select(
                pl.col("key").alias("referral_id"),
                pl.col("key").alias("met_key"),
                pl.col("closed_on").alias("met_on"),
            ),
        ]
    ).drop_nulls("met_on")
    starts = referral.select(
        "child_id",
        pl.col("worker_id").alias("worker_hint"),
        pl.col("team_id").alias("team_hint"),
        pl.col("key").alias("referral_id"),
        pl.lit("referral").alias("start_kind"),
        pl.col("key").alias("start_key"),
        pl.col("referred_on").alias("start_on"),
    )
    return single(
        starts,
        decisions,
        rule=timescale("T-01"),
        config=config,
        as_of=as_of,
        match_on=("referral_id",),
        met_kind="referral_decision",
    )


def _assessments(
    frames: Mapping[str, pl.DataFrame], as_of: dt.date, config: TimescaleConfig
) -> list[pl.DataFrame]:
    """T-03 child seen, T-04 completed from the referral (first assessment only), T-04b
    completed from the assessment's own start (DfE's measure)."""
    assessment = frames["assessment"].join(
        frames["referral"].select(
            pl.col("key").alias("referral_id"),
            "child_id",
            "referred_on",
            "closed_on",
            pl.col("worker_id").alias("_referral_worker"),
            pl.col("team_id").alias("team_hint"),
        ),
        on="referral_id",
    )
    assessment = assessment.with_columns(
        pl.coalesce("assessed_by_id", "_referral_worker").alias("worker_hint")
    )
    base = assessment.select(
        "child_id",
        "worker_hint",
        "team_hint",
        pl.lit("assessment").alias("start_kind"),
        pl.col("key").alias("start_key"),
        pl.col("started_on").alias("start_on"),
        pl.col("key").alias("met_key"),
        pl.col("closed_on").alias("context_end"),
    )
    seen = single(
        base.with_columns(assessment["child_seen_on"].alias("met_on")),
        None,
        rule=timescale("T-03"),
        config=config,
        as_of=as_of,
        met_kind="child_seen",
    )
    completed = single(
        base.with_columns(assessment["authorised_on"].alias("met_on")),
        None,
        rule=timescale("T-04b"),
        config=config,
        as_of=as_of,
        met_kind="assessment_authorised",
    )
    first = assessment.sort("started_on", "key").unique("referral_id", keep="first")
    from_referral = single(
        first.select(
            "child_id",
            "worker_hint",
            "team_hint",
            pl.lit("referral").alias("start_kind"),
            pl.col("referral_id").alias("start_key"),
            pl.col("referred_on").alias("start_on"),
            pl.col("key").alias("met_key"),
            pl.col("authorised_on").alias("met_on"),
            pl.col("closed_on").alias("context_end"),
        ),
        None,
        rule=timescale("T-04"),
        config=config,
        as_of=as_of,
        met_kind="assessment_authorised",
    )
    return [seen, completed, from_referral]


def _with_decider_team(frames: Mapping[str, pl.DataFrame], contact: pl.DataFrame) -> pl.DataFrame:
    """`team_hint`: the team the contact's decider belonged to when the contact arrived."""
    dated = contact.with_columns(pl.col("received_at").dt.date().alias("_on"))
    if not dated["_on"].is_sorted():
        dated = dated.sort("_on")
    spells = (
        frames["team_membership"]
        .select(
            pl.col("worker_id").alias("decided_by_id"),
            pl.col("team_id").alias("team_hint"),
            pl.col("started_on").alias("_started"),
            pl.col("ended_on").alias("_ended"),
        )
        .sort("_started")
    )
    current = pl.col("_ended").is_null() | (pl.col("_ended") > pl.col("_on"))
    return (
        dated.join_asof(
            spells,
            left_on="_on",
            right_on="_started",
            by="decided_by_id",
            strategy="backward",
            check_sortedness=False,  # both sorted by date overall, so within each worker
        )
        .with_columns(pl.when(current).then(pl.col("team_hint")).alias("team_hint"))
        .drop("_on", "_started", "_ended")
    )


def _cin_plans(
    frames: Mapping[str, pl.DataFrame],
    as_of: dt.date,
    config: TimescaleConfig,
    since: dt.date | None = None,
) -> list[pl.DataFrame]:
    """T-06 CIN plan reviews and T-07 CIN visits, each chained from the plan's start."""
    plans = frames["cin_plan"].join(
        frames["referral"].select(
            pl.col("key").alias("referral_id"),
            "child_id",
            pl.col("worker_id").alias("worker_hint"),
            pl.col("team_id").alias("team_hint"),
        ),
        on="referral_id",
    )
    contexts = plans.select(
        pl.col("key").alias("context_key"),
        "child_id",
        "worker_hint",
        "team_hint",
        pl.col("started_on").alias("context_start"),
        pl.col("ended_on").alias("context_end"),
    )
    reviews = frames["cin_plan_review"].select(
        pl.col("cin_plan_id").alias("context_key"),
        pl.col("key").alias("event_key"),
        pl.col("held_on").alias("event_on"),
    )
    review_chain = chain(
        contexts,
        reviews,
        links=steps(timescale("T-06"), config=config),
        config=config,
        as_of=as_of,
        since=since,
        start_kind="cin_plan",
        met_kind="cin_plan_review",
    )
    visits = frames["visit"].filter(pl.col("kind") == "cin")
    visit_chain = chain(
        contexts,
        visits.select(
            "child_id", pl.col("key").alias("event_key"), pl.col("visited_on").alias("event_on")
        ),
        links=steps(timescale("T-07"), config=config),
        config=config,
        as_of=as_of,
        since=since,
        start_kind="cin_plan",
        met_kind="cin_visit",
    )
    return [review_chain, visit_chain]
