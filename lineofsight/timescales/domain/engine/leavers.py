"""Care leavers: T-63 (pathway plan reviews), T-64 (visits to relevant children aged 16-17) and
T-65 (keeping in touch from 18 to 21, a local standard).

Who counts as a care leaver, as the model reads it:

* The child's last period of care known on `as_of` has ended, on or after the 16th birthday.
* The child was **eligible** (T-60, CPPCR reg 40): looked after for at least 13 weeks in all
  since the 14th birthday, counting ordinary periods of care only (short breaks never make a
  child eligible).
* The period did not end in a way that ends care-leaver duties: returned home (E4A, E4B) or to
  live with others without parental responsibility (E13), a residence or child arrangements
  order (E41), a special guardianship order (E43, E44, E45-E48), adoption (E11, E12), death
  (E2) or another council taking over (E3).

The clocks, each chained on the actual previous event and keyed by the leaving period:

* **T-63** runs from leaving care to the 21st birthday, met by the distinct dates in
  `care_leaver_status.pathway_plan_reviewed_on` (the model records reviews only as the latest
  date on each status record). A review before leaving care is not counted.
* **T-64** for those who left aged 16 or 17: first contact within 7 days of leaving, then every
  2 months, met by care-leaver visits and ending at the 18th birthday.
* **T-65** from the 18th birthday (or leaving, if later) to the 21st, met by care-leaver visits.
  The duty to age 25 (on request, T-66) is not tracked.

The personal adviser is responsible for all three (see `responsibility.py`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import polars as pl

from lineofsight.timescales.domain.engine.ages import birthday
from lineofsight.timescales.domain.engine.chains import chain, empty, steps
from lineofsight.timescales.domain.engine.periods import periods_of_care
from lineofsight.timescales.domain.engine.selection import EVERYTHING, Scope
from lineofsight.timescales.domain.rules import timescale
from lineofsight.timescales.domain.timescale import TimescaleConfig

Frames = Mapping[str, pl.DataFrame]

ELIGIBLE_DAYS = 91  # T-60: 13 weeks looked after since the 14th birthday
NOT_LEAVING_CARE = (
    "E2",  # died
    "E3",  # care taken over by another council
    "E4A",  # returned home as part of the care plan
    "E4B",  # returned home, not part of the care plan
    "E11",  # adopted
    "E12",  # adopted
    "E13",  # left care to live with someone without parental responsibility
    "E41",  # residence or child arrangements order
    "E43",  # special guardianship order (to 2017/18)
    "E44",  # special guardianship order (to 2017/18)
    "E45",  # special guardianship orders (from 2018/19)
    "E46",
    "E47",
    "E48",
)


def obligations(
    frames: Frames, as_of: dt.date, config: TimescaleConfig, scope: Scope = EVERYTHING
) -> pl.DataFrame:
    since = scope.since
    leavers = care_leavers(frames, as_of)
    contacts = frames["visit"].filter(pl.col("kind") == "care_leaver")
    visits = contacts.select(
        "child_id", pl.col("key").alias("event_key"), pl.col("visited_on").alias("event_on")
    ).drop_nulls("event_on")
    left_at = pl.col("left_on")
    parts = []
    if scope.wants("T-63"):
        parts.append(
            chain(
                _contexts(leavers, left_at, birthday(pl.col("born_on"), 21)),
                _pathway_plan_reviews(frames),
                links=steps(timescale("T-63"), config=config),
                config=config,
                as_of=as_of,
                since=since,
                start_kind="left_care",
                met_kind="pathway_plan_review",
            )
        )
    if scope.wants("T-64"):
        parts.append(
            chain(
                _contexts(
                    leavers.filter(pl.col("left_on") < birthday(pl.col("born_on"), 18)),
                    left_at,
                    birthday(pl.col("born_on"), 18),
                ),
                visits,
                links=steps(timescale("T-64"), config=config),
                config=config,
                as_of=as_of,
                since=since,
                start_kind="left_care",
                met_kind="care_leaver_contact",
            )
        )
    if scope.wants("T-65"):
        parts.append(
            chain(
                _contexts(
                    leavers,
                    pl.max_horizontal(left_at, birthday(pl.col("born_on"), 18)),
                    birthday(pl.col("born_on"), 21),
                ),
                visits,
                links=steps(timescale("T-65"), config=config),
                config=config,
                as_of=as_of,
                since=since,
                start_kind="eighteenth_birthday",
                met_kind="care_leaver_contact",
            )
        )
    return pl.concat([empty(), *parts], how="vertical_relaxed")


def care_leavers(frames: Frames, as_of: dt.date) -> pl.DataFrame:
    """One row per care leaver known on `as_of`: child_id, born_on, period_key (the period they
    left), left_on and reason_ceased."""
    periods = periods_of_care(frames["cla_episode"], as_of=as_of).join(
        frames["child"].select("child_id", "born_on"), on="child_id", how="inner"
    )
    since_fourteen = pl.max_horizontal("started_on", birthday(pl.col("born_on"), 14))
    days_from_fourteen = (
        (pl.col("ended_on").fill_null(pl.lit(as_of)) - since_fourteen).dt.total_days().clip(0)
    )
    eligible_days = days_from_fourteen.sum().over("child_id")
    last = pl.col("started_on") == pl.col("started_on").max().over("child_id")
    return periods.filter(
        last
        & pl.col("ended_on").is_not_null()
        & (pl.col("ended_on") >= birthday(pl.col("born_on"), 16))
        & (eligible_days >= ELIGIBLE_DAYS)
        & ~pl.col("reason_ceased").is_in(NOT_LEAVING_CARE).fill_null(False)
    ).select(
        "child_id",
        "born_on",
        "period_key",
        pl.col("ended_on").alias("left_on"),
        "reason_ceased",
    )


def _contexts(leavers: pl.DataFrame, start: pl.Expr, end: pl.Expr) -> pl.DataFrame:
    return leavers.select(
        pl.col("period_key").alias("context_key"),
        "child_id",
        start.alias("context_start"),
        end.alias("context_end"),
    ).filter(pl.col("context_start") < pl.col("context_end"))


def _pathway_plan_reviews(frames: Frames) -> pl.DataFrame:
    """Each distinct pathway plan review date of a child, keyed by the first record showing it."""
    return (
        frames["care_leaver_status"]
        .drop_nulls("pathway_plan_reviewed_on")
        .sort("key")
        .group_by("child_id", "pathway_plan_reviewed_on", maintain_order=True)
        .agg(pl.col("key").first().alias("event_key"))
        .select("child_id", "event_key", pl.col("pathway_plan_reviewed_on").alias("event_on"))
    )
