"""Children looked after: the rows the health, outcome, missing and leaving measures share
(CLA-15 to CLA-35).

How the model is read:

* **Periods of care** are the timescale engine's (`periods.py`), built as of the latest period
  end. Short breaks (V3/V4) are not ordinary periods of care, so every measure here leaves
  them out, as DfE does.
* **The 12-month cohort** (SSDA903 OC2): children in a period of care open at the period's end
  (an end on that day closes it, as at 31 March) that started on or before the same date a
  year earlier, so with no new start in the year.
* **"In the year"** for the cohort's measures is the twelve months to the period's end (for a
  financial year, the year itself): a month's figure is a rolling year, as OC2 measures only
  make sense over a year.
* **Ages** are completed years at the period's end.
* **Health checks** are `health_check` records by kind. A value of "1" is what an SSDA903
  return's flags become (and what the synthesiser writes for yes); "0" is no.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import polars as pl

from lineofsight.indicators.definitions import _looked_after
from lineofsight.indicators.definitions.base import Compute
from lineofsight.indicators.definitions.common import (
    Frames,
    age_on,
    counted,
    during,
    obligations,
    open_during,
    open_on,
    shared,
    table,
)
from lineofsight.timescales.domain.engine.looked_after import RETURN_INTERVIEW_DECLINED

# SSDA903 reasons a period of care ceased with a special guardianship order: E43/E44 to
# 2017-18, split into E45-E48 from 2018-19.
SGO_REASONS = ("E43", "E44", "E45", "E46", "E47", "E48")
RETURNED_HOME_PLANNED = "E4A"

YES = "1"
# An SSDA903 return's OC2 items become records keyed `{CHILD}/OC2/{year}/{kind}`, dated
# 31 March: each says the year's requirement was met, whatever the child's age.
FROM_RETURN = "/OC2/"
SDQ_MAX = 40  # the SDQ total difficulties score runs from 0 to 40


def _with_years(periods: pl.DataFrame) -> pl.DataFrame:
    """The periods with `year_before` (the same date a year before the end) and `year_start`
    (the first day of the twelve months to the end), worked out once per period."""
    year_before = pl.col("end").dt.offset_by("-1y")
    return periods.with_columns(
        year_before.alias("year_before"), (year_before + dt.timedelta(days=1)).alias("year_start")
    )


def care_periods(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """The ordinary periods of care (`_looked_after.care_periods`: short breaks left out, known
    at the last period end), with the child's `born_on`."""
    care, children = _looked_after.care_periods(frames, periods), table(frames, "child")

    def build() -> pl.DataFrame:
        return care.join(children.select("child_id", "born_on"), on="child_id", how="left")

    return shared("care_periods_born", (care, children), periods, build)


def looked_after_12_months(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """One row per child looked after continuously for at least 12 months at each period's
    end: `period`, `start`, `end`, `child_id`, `period_key`, `born_on`, `age` (at the end) and
    `year_start` (the first day of the twelve months to the end). Periods of care never
    overlap, so a child is in it once a period."""
    care = care_periods(frames, periods)

    def build() -> pl.DataFrame:
        years = _with_years(periods).select("period", "year_before", "year_start")
        open_at_end = open_on(care, "started_on", "ended_on", periods).join(years, on="period")
        return open_at_end.filter(pl.col("started_on") <= pl.col("year_before")).select(
            "period",
            "start",
            "end",
            "child_id",
            "period_key",
            "born_on",
            age_on(pl.col("born_on"), pl.col("end")).alias("age"),
            "year_start",
        )

    return shared("looked_after_12_months", (care,), periods, build)


def cohort_counted(
    cohort: pl.DataFrame, numerator: pl.Expr, *, measure: pl.Expr | None = None
) -> pl.DataFrame:
    """The cohort as counted rows: one per child, at the period's end."""
    return counted(cohort, item="child_id", on="end", numerator=numerator, measure=measure)


def _checks(frames: Frames, kinds: Sequence[str]) -> pl.DataFrame:
    return (
        table(frames, "health_check")
        .filter(pl.col("kind").is_in(list(kinds)))
        .select("child_id", "key", "kind", "done_on", "value")
    )


def _in_year(cohort: pl.DataFrame, records: pl.DataFrame, on: str) -> pl.DataFrame:
    """The cohort's records dated in the twelve months to each period's end."""
    return (
        cohort.select("period", "child_id", "year_start", "end")
        .join(records, on="child_id", how="inner")
        .filter(pl.col(on).is_between(pl.col("year_start"), pl.col("end")))
    )


def with_checks_in_year(
    frames: Frames, cohort: pl.DataFrame, kinds: Sequence[str], *, value: str | None = None
) -> pl.DataFrame:
    """The cohort with `checks`, the number of its health checks of `kinds` (with `value`, if
    given) in the year, and `from_return`, whether one of them came from an SSDA903 return."""
    records = _checks(frames, kinds)
    if value is not None:
        records = records.filter(pl.col("value") == value)
    found = (
        _in_year(cohort, records, "done_on")
        .group_by("period", "child_id")
        .agg(
            pl.col("key").n_unique().alias("checks"),
            pl.col("key").str.contains(FROM_RETURN, literal=True).any().alias("from_return"),
        )
    )
    return cohort.join(found, on=["period", "child_id"], how="left").with_columns(
        pl.col("checks").fill_null(0), pl.col("from_return").fill_null(False)
    )


def with_latest_value(frames: Frames, cohort: pl.DataFrame, kind: str) -> pl.DataFrame:
    """The cohort with `value`, that of its latest health check of `kind` on or before the
    period's end (null when there is none): a status, such as immunisations up to date."""
    records = _checks(frames, [kind]).sort("done_on", "key").select("child_id", "done_on", "value")
    return cohort.sort("end").join_asof(
        records,
        left_on="end",
        right_on="done_on",
        by="child_id",
        strategy="backward",
        check_sortedness=False,  # both sides are sorted just above
    )


def with_sdq_score(frames: Frames, cohort: pl.DataFrame) -> pl.DataFrame:
    """The cohort with `score`, its latest valid SDQ total difficulties score (a whole number
    from 0 to 40) recorded in the year; null when none was (a reason instead, or nothing)."""
    value = pl.col("value")
    scores = (
        _checks(frames, ["sdq"])
        .filter(value.str.contains(r"^\d{1,2}$").fill_null(False))
        .with_columns(value.cast(pl.Int64).alias("score"))
        .filter(pl.col("score") <= SDQ_MAX)
    )
    found = (
        _in_year(cohort, scores, "done_on")
        .group_by("period", "child_id")
        .agg(pl.col("score").sort_by("done_on", "key").last())
    )
    return cohort.join(found, on=["period", "child_id"], how="left")


def with_outcomes_in_year(frames: Frames, cohort: pl.DataFrame) -> pl.DataFrame:
    """The cohort with `outcomes`, its youth justice outcomes dated in the year (every kind
    counts: a conviction, a youth caution or conditional caution, or OC2's CONVICTED 1)."""
    records = table(frames, "youth_justice_outcome").select("child_id", "key", "outcome_on")
    found = (
        _in_year(cohort, records, "outcome_on")
        .group_by("period", "child_id")
        .agg(pl.col("key").n_unique().alias("outcomes"))
    )
    return cohort.join(found, on=["period", "child_id"], how="left").with_columns(
        pl.col("outcomes").fill_null(0)
    )


def _looked_after_during(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """Each period of care overlapping each period, with `from` and `to`, the days it began
    and ended within the period."""
    care = care_periods(frames, periods)

    def build() -> pl.DataFrame:
        return open_during(care, "started_on", "ended_on", periods).select(
            "period",
            "child_id",
            pl.max_horizontal("started_on", "start").alias("from"),
            pl.min_horizontal("ended_on", "end").alias("to"),
        )

    return shared("looked_after_during", (care,), periods, build)


def looked_after_during_with_incidents(
    frames: Frames, periods: pl.DataFrame, kind: str
) -> pl.DataFrame:
    """One row per child looked after at some time in each period (short breaks left out):
    `period`, `child_id`, `on` (the child's last day looked after in the period) and
    `incidents`, the number of their missing episodes of `kind` ("M" missing, "A" away without
    authorisation) under way while they were looked after in the period. An episode already
    under way when the period starts counts, as DfE counts those open on 1 April."""
    care = _looked_after_during(frames, periods)
    episodes = (
        table(frames, "missing_episode")
        .filter(pl.col("kind") == kind)
        .select(
            "child_id",
            "key",
            pl.col("started_at").dt.date().alias("went_on"),
            pl.col("ended_at").dt.date().alias("back_on"),
        )
    )
    incidents = (
        care.join(episodes, on="child_id", how="inner")
        .filter(
            (pl.col("went_on") <= pl.col("to"))
            & (pl.col("back_on").is_null() | (pl.col("back_on") >= pl.col("from")))
        )
        .group_by("period", "child_id")
        .agg(pl.col("key").n_unique().alias("incidents"))
    )
    children = care.group_by("period", "child_id").agg(pl.col("to").max().alias("on"))
    return children.join(incidents, on=["period", "child_id"], how="left").with_columns(
        pl.col("incidents").fill_null(0)
    )


def last_cessations(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """Each child's last period of care to end in each period (DfE counts only the last
    occasion a child ceased in the year): `period`, `child_id`, `period_key`, `ended_on`,
    `reason_ceased`."""
    ended = during(care_periods(frames, periods), "ended_on", periods)
    return (
        ended.sort("ended_on", "period_key")
        .unique(["period", "child_id"], keep="last")
        .select("period", "child_id", "period_key", "ended_on", "reason_ceased")
    )


def sdq_cohort(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """The 12-month cohort aged 5 to 16 at the period's end (DfE's SDQ cohort), with `score`."""
    cohort = looked_after_12_months(frames, periods).filter(pl.col("age").is_between(5, 16))
    return with_sdq_score(frames, cohort)


def return_interviews(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """The timescale engine's T-58 obligations (one per missing episode of kind M the child
    came back from) whose return falls in each period, with `offered` (an interview was
    recorded as offered) and `held` (one was held: met, and not by a declined offer)."""
    rows = during(obligations(frames, ["T-58"]), "start_on", periods)
    offers = table(frames, "missing_episode").select(
        pl.col("key").alias("start_key"), pl.col("return_interview_offered").alias("offered")
    )
    declined = (pl.col("note") == RETURN_INTERVIEW_DECLINED).fill_null(False)
    return rows.join(offers, on="start_key", how="left").with_columns(
        (pl.col("met_on").is_not_null() & ~declined).alias("held"),
        pl.col("offered").fill_null(False),
    )


def checked_share(kinds: Sequence[str], *, value: str | None = None) -> Compute:
    """A compute: the 12-month cohort, in the numerator when a health check of `kinds` (with
    `value`, if given) is recorded in the year."""

    def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
        cohort = looked_after_12_months(frames, periods)
        return cohort_counted(
            with_checks_in_year(frames, cohort, kinds, value=value), pl.col("checks") >= 1
        )

    return compute


def status_share(kind: str, *, among: pl.Expr | None = None) -> Compute:
    """A compute: the 12-month cohort (those of it where `among` holds, if given), in the
    numerator when the latest health check of `kind` by the period's end says yes: a status,
    not an event."""

    def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
        cohort = looked_after_12_months(frames, periods)
        if among is not None:
            cohort = cohort.filter(among)
        return cohort_counted(
            with_latest_value(frames, cohort, kind), (pl.col("value") == YES).fill_null(False)
        )

    return compute


def missing_share(kind: str) -> Compute:
    """A compute: each child looked after at some time in the period, in the numerator when
    they had a missing episode of `kind` ("M" missing, "A" away) under way while looked after
    in it; counted on their last day looked after in the period."""

    def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
        children = looked_after_during_with_incidents(frames, periods, kind)
        return counted(children, item="child_id", on="on", numerator=pl.col("incidents") >= 1)

    return compute


def cessation_share(numerator: pl.Expr) -> Compute:
    """A compute: each child's last cessation in the period (`last_cessations`), counted on
    the day, in the numerator where `numerator` holds."""

    def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
        ceased = last_cessations(frames, periods)
        return counted(ceased, item="period_key", on="ended_on", numerator=numerator)

    return compute


def return_interview_share(numerator: pl.Expr) -> Compute:
    """A compute: each return from a missing episode in the period (`return_interviews`),
    counted on the day of return, in the numerator where `numerator` holds, attributed to the
    worker and team the timescale engine holds responsible."""

    def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
        return counted(
            return_interviews(frames, periods),
            item="start_key",
            on="start_on",
            numerator=numerator,
            team="team_id",
            worker="worker_id",
        )

    return compute
