"""Children looked after: T-30, T-32, T-33 (visits), T-39, T-40, T-41 (reviews), T-43 (short-break
reviews), T-45, T-46 (health assessments), T-47 (SDQ), T-48 (dental), T-50, T-51 (PEPs) and
T-58 (return home interviews).

Periods of care, short-break series and placements are built by `periods.py`. How the model is
read, where it can't tell:

* **Visits (T-30/T-32/T-33).** Each placement is a context, met by visits of kind "cla". The
  placement's first episode decides the rule: placed with parents (P1) under an interim care
  order (C1) is T-32; P1 under a full care order (C2) is T-33; anything else is T-30. A change
  of legal status within a placement does not change its rule. T-30 keeps 6 weeks throughout
  (the model does not record whether a placement is meant to last until 18), and T-32 allows
  one week, one more week, then 4 weeks (the model does not tie visits to the first review).
* **Reviews (T-39 → T-40 → T-41).** One chain per ordinary period of care, met by the child's
  looked-after reviews held within it. T-43 does the same for each series of short breaks
  (V3/V4): 3 months to the first review, then 6-monthly. A series of V3 breaks is taken to run
  on for six months after its last break (reviews fall between breaks), so a review due later
  than that lapses; see `periods.py`.
* **Health (T-45, T-46).** T-45 is met by the first initial health assessment ("iha") in the
  period. T-46 chains from each actual assessment in the period, initial or review ("rha"):
  6 months if the child is under 5 on that assessment's date, otherwise 12 months (the rule's
  allowance). A period with no assessment yet has no T-46 clock.
* **SDQ (T-47).** For children aged 4 to 16 at the first anniversary of the period's start:
  first due on that anniversary, then 12 months after each SDQ. The clock stops (lapses) when
  the period ends or on the 17th birthday, after which no SDQ is expected.
* **Dental (T-48).** Due 12 months after the period's start, then 12 months after each check.
* **PEP (T-50 → T-51).** For children aged 5 to 17 on the period's start: 20 school days
  (counted as working days until a term calendar exists), then every 4 months from the actual
  previous PEP. A child who reaches school age during a period is not tracked.
* **Return interviews (T-58).** Each ended episode of kind "M" (missing; "A", away from
  placement, is not owed a return interview) starts a clock at its `ended_at`, due 72 hours
  later; `due_on` is the London date of that time. It is met at `return_interview_done_at`.
  Where no interview is recorded but one was offered and declined, the offer meets it, at the
  return (the time of the offer is not recorded) and with a note saying so. A missing episode
  has no context, so an unmet one stays overdue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import polars as pl

from lineofsight.timescales.domain.allowances import Hours
from lineofsight.timescales.domain.engine.ages import age_on, birthday
from lineofsight.timescales.domain.engine.chains import (
    Step,
    chain,
    conform,
    due_on,
    empty,
    lapse,
    steps,
)
from lineofsight.timescales.domain.engine.periods import (
    periods_of_care,
    placements,
    short_break_series,
)
from lineofsight.timescales.domain.engine.selection import EVERYTHING, Scope
from lineofsight.timescales.domain.rules import timescale
from lineofsight.timescales.domain.timescale import TimescaleConfig

Frames = Mapping[str, pl.DataFrame]

RETURN_INTERVIEW_DECLINED = "offered and declined; time of offer not recorded"


def obligations(
    frames: Frames, as_of: dt.date, config: TimescaleConfig, scope: Scope = EVERYTHING
) -> pl.DataFrame:
    periods = _contexts(periods_of_care(frames["cla_episode"], as_of=as_of))
    parts = []
    if scope.wants("T-30", "T-32", "T-33"):
        parts += _visits(frames, as_of, config, since=scope.since)
    clocks = (
        (("T-39", "T-40", "T-41"), _reviews),
        (("T-45",), _initial_health),
        (("T-46",), _review_health),
        (("T-47",), _sdq),
        (("T-48",), _dental),
        (("T-50", "T-51"), _education_plans),
    )
    parts += [
        clock(frames, periods, as_of, config, since=scope.since)
        for codes, clock in clocks
        if scope.wants(*codes)
    ]
    if scope.wants("T-43"):
        parts.append(_short_break_reviews(frames, as_of, config, since=scope.since))
    if scope.wants("T-58"):
        parts.append(_return_interviews(frames, as_of, config))
    return pl.concat([empty(), *parts], how="vertical_relaxed")


def _contexts(periods: pl.DataFrame) -> pl.DataFrame:
    """Periods (or placements, series) as `chain` contexts."""
    key = "placement_key" if "placement_key" in periods.columns else "period_key"
    return periods.select(
        pl.col(key).alias("context_key"),
        "child_id",
        pl.col("started_on").alias("context_start"),
        pl.col("ended_on").alias("context_end"),
    )


def _events(frame: pl.DataFrame, on: str) -> pl.DataFrame:
    return frame.select(
        "child_id", pl.col("key").alias("event_key"), pl.col(on).alias("event_on")
    ).drop_nulls("event_on")


def _health_checks(frames: Frames, *kinds: str) -> pl.DataFrame:
    return _events(frames["health_check"].filter(pl.col("kind").is_in(kinds)), "done_on")


def _with_born(contexts: pl.DataFrame, frames: Frames) -> pl.DataFrame:
    return contexts.join(frames["child"].select("child_id", "born_on"), on="child_id", how="left")


def _visits(
    frames: Frames, as_of: dt.date, config: TimescaleConfig, since: dt.date | None = None
) -> list[pl.DataFrame]:
    """T-30, T-32, T-33: one chain per placement, by the placement's type and legal status."""
    placed = placements(frames["cla_episode"], as_of=as_of)
    with_parent = pl.col("placement_type") == "P1"
    rule = (
        pl.when(with_parent & (pl.col("legal_status") == "C1"))
        .then(pl.lit("T-32"))
        .when(with_parent & (pl.col("legal_status") == "C2"))
        .then(pl.lit("T-33"))
        .otherwise(pl.lit("T-30"))
    )
    placed = placed.with_columns(rule.alias("_rule"))
    visits = _events(frames["visit"].filter(pl.col("kind") == "cla"), "visited_on")
    return [
        chain(
            _contexts(placed.filter(pl.col("_rule") == code)),
            visits,
            links=steps(timescale(code), config=config),
            config=config,
            as_of=as_of,
            since=since,
            start_kind="placement",
            met_kind="cla_visit",
        )
        for code in ("T-30", "T-32", "T-33")
    ]


def _reviews(
    frames: Frames,
    periods: pl.DataFrame,
    as_of: dt.date,
    config: TimescaleConfig,
    since: dt.date | None = None,
) -> pl.DataFrame:
    """T-39 → T-40 → T-41: 20 working days, then 3 months, then every 6 months."""
    return chain(
        periods,
        _events(frames["cla_review"], "held_on"),
        links=steps(timescale("T-39"), timescale("T-40"), timescale("T-41"), config=config),
        config=config,
        as_of=as_of,
        since=since,
        start_kind="period_of_care",
        met_kind="cla_review",
    )


def _short_break_reviews(
    frames: Frames, as_of: dt.date, config: TimescaleConfig, since: dt.date | None = None
) -> pl.DataFrame:
    """T-43: 3 months from the first short break of a series, then every 6 months."""
    series = _contexts(short_break_series(frames["cla_episode"], as_of=as_of))
    return chain(
        series,
        _events(frames["cla_review"], "held_on"),
        links=steps(timescale("T-43"), config=config),
        config=config,
        as_of=as_of,
        since=since,
        start_kind="short_breaks",
        met_kind="cla_review",
    )


def _initial_health(
    frames: Frames,
    periods: pl.DataFrame,
    as_of: dt.date,
    config: TimescaleConfig,
    since: dt.date | None = None,
) -> pl.DataFrame:
    """T-45: the first initial health assessment within the period, 20 working days."""
    rows = chain(
        periods,
        _health_checks(frames, "iha"),
        links=steps(timescale("T-45"), config=config),
        config=config,
        as_of=as_of,
        since=since,
        start_kind="period_of_care",
        met_kind="initial_health_assessment",
    )
    return rows.filter(pl.col("seq") == 0)


def _review_health(
    frames: Frames,
    periods: pl.DataFrame,
    as_of: dt.date,
    config: TimescaleConfig,
    since: dt.date | None = None,
) -> pl.DataFrame:
    """T-46: from each health assessment, 6 months under 5, 12 months from 5."""
    initial, review = steps(timescale("T-45"), timescale("T-46"), config=config)[:2]
    under_five_interval = review.rule.under_five
    assert under_five_interval is not None, "T-46 names the interval for a child under 5"
    # Chain with the shorter interval, so only clocks that lapse under both are dropped; then
    # give children aged 5 or over on the link's start the rule's own interval.
    rows = chain(
        periods,
        _health_checks(frames, "iha", "rha"),
        links=(initial, Step(review.rule, under_five_interval)),
        config=config,
        as_of=as_of,
        since=since,
        start_kind="health_assessment",
        met_kind="health_assessment",
    ).filter(pl.col("seq") > 0)
    rows = rows.join(frames["child"].select("child_id", "born_on"), on="child_id", how="left")
    older = due_on(rows["start_on"], review.allowance, review.rule, config)
    under_five = age_on(pl.col("born_on"), pl.col("start_on")) < 5
    rows = rows.with_columns(
        pl.when(under_five.fill_null(False)).then(pl.col("due_on")).otherwise(older).alias("due_on")
    )
    return conform(lapse(rows))


def _sdq(
    frames: Frames,
    periods: pl.DataFrame,
    as_of: dt.date,
    config: TimescaleConfig,
    since: dt.date | None = None,
) -> pl.DataFrame:
    """T-47: aged 4-16 a year into the period; yearly from then, then from each SDQ."""
    born = _with_born(periods, frames)
    anniversary = pl.col("context_start").dt.offset_by("1y")
    age = age_on(pl.col("born_on"), anniversary)
    seventeen = birthday(pl.col("born_on"), 17)
    eligible = born.filter(age.is_between(4, 16)).with_columns(
        pl.min_horizontal("context_end", seventeen).alias("context_end")
    )
    return chain(
        eligible.drop("born_on"),
        _health_checks(frames, "sdq"),
        links=steps(timescale("T-47"), config=config),
        config=config,
        as_of=as_of,
        since=since,
        start_kind="period_of_care",
        met_kind="sdq",
    )


def _dental(
    frames: Frames,
    periods: pl.DataFrame,
    as_of: dt.date,
    config: TimescaleConfig,
    since: dt.date | None = None,
) -> pl.DataFrame:
    """T-48: 12 months from the period's start, then from each dental check."""
    return chain(
        periods,
        _health_checks(frames, "dental"),
        links=steps(timescale("T-48"), config=config),
        config=config,
        as_of=as_of,
        since=since,
        start_kind="period_of_care",
        met_kind="dental_check",
    )


def _education_plans(
    frames: Frames,
    periods: pl.DataFrame,
    as_of: dt.date,
    config: TimescaleConfig,
    since: dt.date | None = None,
) -> pl.DataFrame:
    """T-50 → T-51: children aged 5-17 when the period starts; 20 school days, then termly."""
    born = _with_born(periods, frames)
    school_age = born.filter(age_on(pl.col("born_on"), pl.col("context_start")).is_between(5, 17))
    return chain(
        school_age.drop("born_on"),
        _events(frames["education_plan"], "done_on"),
        links=steps(timescale("T-50"), timescale("T-51"), config=config),
        config=config,
        as_of=as_of,
        since=since,
        start_kind="period_of_care",
        met_kind="education_plan",
    )


def _return_interviews(frames: Frames, as_of: dt.date, config: TimescaleConfig) -> pl.DataFrame:
    """T-58: a return interview within 72 hours of the child's return from being missing."""
    allowance = config.apply(timescale("T-58")).allowance
    if not isinstance(allowance, Hours):
        raise ValueError("T-58 is counted in hours")
    hours = allowance.n
    missing = frames["missing_episode"].filter(
        (pl.col("kind") == "M")
        & pl.col("ended_at").is_not_null()
        & (pl.col("ended_at").dt.date() <= as_of)
    )
    done = pl.col("return_interview_done_at")
    declined = (
        done.is_null()
        & pl.col("return_interview_offered").fill_null(False)
        & pl.col("return_interview_accepted").not_().fill_null(False)
    )
    met_at = pl.when(declined).then(pl.col("ended_at")).otherwise(done)
    due_at = pl.col("ended_at") + dt.timedelta(hours=hours)
    rows = missing.select(
        "child_id",
        pl.lit("T-58").alias("rule"),
        pl.lit("missing_return").alias("start_kind"),
        pl.col("key").alias("start_key"),
        pl.col("ended_at").dt.date().alias("start_on"),
        due_at.dt.date().alias("due_on"),
        due_at.alias("due_at"),
        pl.lit("return_interview").alias("met_kind"),
        pl.col("key").alias("met_key"),
        met_at.dt.date().alias("met_on"),
        met_at.alias("met_at"),
        pl.when(declined).then(pl.lit(RETURN_INTERVIEW_DECLINED)).alias("note"),
    )
    # An interview after `as_of` is not known yet.
    unknown = ~(pl.col("met_on") <= as_of).fill_null(False)
    return conform(
        rows.with_columns(
            pl.when(unknown).then(None).otherwise(pl.col(name)).alias(name)
            for name in ("met_kind", "met_key", "met_on", "met_at", "note")
        )
    )
