"""Care-leaver rows the care-leaver indicators share: the DfE birthday cohorts with the status
recorded around the birthday, and the care leavers open to the service at a period's end.

Who is a care leaver, as the timescale engine reads it (`timescales.domain.engine.leavers`):
their last ordinary period of care ended on or after the 16th birthday, they were looked
after for 13 weeks in all since the 14th birthday (short breaks never count), and their care
did not end by returning home (E4A, E4B, E13), a residence, child arrangements or special
guardianship order, adoption, death, or another council taking over (E3). A young person with
no episode held at all (one loaded from an SSDA903 return whose care is older than the
records) is a care leaver when a care-leaver record calls them relevant or former relevant.

**Cohort** (SSDA903 OC3, as the return's exporter selects it): care leavers whose birthday of
one of the cohort's ages (19, 20 or 21; 17 or 18) falls in the period, who had left care by
that birthday and had not died by it. Their status is the care-leaver record nearest the
birthday within three months either side; one with no record there stays in the cohort with
nothing known. Those whose record says they have died or have returned home for six months or
more (RHOM) leave the cohort, as DfE leaves them out. In a period holding two of a young
person's birthdays (longer than a year), the first counts.

**Open to the service** at a period's end: care leavers who had left care by then (for one
known only from the care-leaver records, whose first record is dated by then), are not yet 21
and had not died by then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import polars as pl

from lineofsight.indicators.definitions.base import Compute
from lineofsight.indicators.definitions.common import (
    Frames,
    birthday,
    counted,
    during,
    earliest_start,
    latest_end,
    open_on,
    shared,
    table,
    tables,
)
from lineofsight.timescales.domain.engine.leavers import care_leavers
from lineofsight.timescales.domain.engine.periods import is_short_break

COHORT_19_21 = (19, 20, 21)
COHORT_17_18 = (17, 18)
STAYING_PUT_AGES = (18, 19, 20)
RELEVANT = ("relevant", "former_relevant")
OUT_OF_COHORT = ("DIED", "RHOM")  # in_touch: died; returned home for six months or more

EET = ("F1", "P1", "F2", "P2", "F3", "P3", "F4", "P4", "F5", "P5")
NEET = ("G4", "G5", "G6")
HIGHER_EDUCATION = ("F1", "P1")
NOT_KNOWN = "0"  # activity and accommodation when not in touch, died or returned home
# Accommodation whose suitability is not usually known: DfE leaves these out of the base.
SUITABILITY_NOT_KNOWN = ("G", "H", "R")  # gone abroad, deported, residence not known
WITH_FORMER_FOSTER_CARERS = "Z"
FOSTER_PLACEMENTS = ("U1", "U2", "U3", "U4", "U5", "U6")

AROUND_BIRTHDAY = "3mo"


# The care-leaver measures all read the same leavers and cohorts of the same frames, and
# finding them is most of each measure's time: each is `common.shared` by these inputs.
_INPUTS = ("child", "cla_episode", "care_leaver_status")


def _shared(
    key: tuple[object, ...],
    frames: Frames,
    periods: pl.DataFrame,
    build: Callable[[], pl.DataFrame],
) -> pl.DataFrame:
    return shared(key, tables(frames, *_INPUTS), periods, build)


def leavers(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """One row per care leaver known by the last period's end who could count in any of the
    periods: `child_id`, `born_on`, `died_on`, `period_key` (the period of care they left,
    null for one known only from the care-leaver records), `left_on`, `reason_ceased` and
    `since` (the day they left care, or their first care-leaver record)."""
    return _shared(("care_leavers",), frames, periods, lambda: _leavers(frames, periods))


def _leavers(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    as_of = latest_end(periods)
    born = pl.col("born_on")
    # Only young people 16 or over by the last period's end and not yet 22 at its start, who
    # left care at 16 or over, can count: cutting the rest first (by whole days, a little
    # wider than the birthdays) keeps the period-of-care keying cheap. Lazy, to collect once.
    child = (
        table(frames, "child")
        .lazy()
        .filter(
            born <= as_of - dt.timedelta(days=16 * 365),
            born > earliest_start(periods) - dt.timedelta(days=22 * 366),
        )
        .select("child_id", "born_on", "died_on")
    )
    all_episodes = table(frames, "cla_episode").lazy()
    left_at_16 = (
        all_episodes.join(child, on="child_id")
        .filter(pl.col("ended_on") >= pl.col("born_on") + dt.timedelta(days=16 * 365))
        .select("child_id")
        .unique()
    )
    statuses = table(frames, "care_leaver_status").lazy().filter(pl.col("as_of") <= as_of)
    from_records = (
        statuses.filter(pl.col("eligibility").is_in(RELEVANT))
        .select("child_id")
        .unique()
        .join(all_episodes.select("child_id"), on="child_id", how="anti")
        .join(child, on="child_id", how="inner")
        .select(
            "child_id",
            "born_on",
            "died_on",
            pl.lit(None, dtype=pl.String).alias("period_key"),
            pl.lit(None, dtype=pl.Date).alias("left_on"),
            pl.lit(None, dtype=pl.String).alias("reason_ceased"),
        )
    )
    first_record = statuses.group_by("child_id").agg(pl.col("as_of").min().alias("first_on"))
    episodes, young, recorded, first = pl.collect_all(
        [
            all_episodes.join(left_at_16, on="child_id", how="semi"),
            child.join(left_at_16, on="child_id", how="semi"),
            from_records,
            first_record,
        ]
    )
    history = care_leavers(
        {"cla_episode": episodes, "child": young.select("child_id", "born_on")}, as_of
    ).join(young.select("child_id", "died_on"), on="child_id", how="inner")
    return (
        pl.concat(
            [
                history.select(
                    "child_id", "born_on", "died_on", "period_key", "left_on", "reason_ceased"
                ),
                recorded,
            ]
        )
        .join(first, on="child_id", how="left")
        .with_columns(pl.coalesce("left_on", "first_on").alias("since"))
        .drop("first_on")
    )


def left_foster_care_at_18(frames: Frames, rows: pl.DataFrame) -> pl.DataFrame:
    """`rows` (with `child_id`, `born_on` and `left_on`) with `foster_at_18`: whether they
    left care on their 18th birthday from a foster placement (U1-U6), read from the last
    ordinary episode of the period of care they left (the one ending that day)."""
    last = (
        table(frames, "cla_episode")
        .filter(~is_short_break())
        .join(rows.select("child_id", "left_on").unique(), on="child_id", how="inner")
        .filter(pl.col("ended_on") == pl.col("left_on"))
        .sort("started_on", "key")
        .group_by("child_id", "left_on")
        .agg(pl.col("placement_type").last().alias("_left_from"))
    )
    at_18 = pl.col("left_on") == birthday(pl.col("born_on"), 18)
    fostered = pl.col("_left_from").is_in(FOSTER_PLACEMENTS)
    return (
        rows.join(last, on=["child_id", "left_on"], how="left")
        .with_columns((at_18 & fostered).fill_null(False).alias("foster_at_18"))
        .drop("_left_from")
    )


def cohort(frames: Frames, periods: pl.DataFrame, ages: Sequence[int]) -> pl.DataFrame:
    """One row per young person in each period's birthday cohort of `ages` (see the module
    docstring): the columns of `leavers`, the period's, `age`, `birthday` and the status
    recorded around it (`status_key`, `in_touch`, `activity`, `accommodation`,
    `accommodation_suitable`, `staying_put`; null when none is recorded)."""
    return _shared(
        ("care_leaver_cohort", *ages), frames, periods, lambda: _cohort(frames, periods, ages)
    )


def _cohort(frames: Frames, periods: pl.DataFrame, ages: Sequence[int]) -> pl.DataFrame:
    known = leavers(frames, periods)
    birthdays = pl.concat(
        [
            known.with_columns(
                pl.lit(age, dtype=pl.Int64).alias("age"),
                birthday(pl.col("born_on"), age).alias("birthday"),
            )
            for age in ages
        ]
    )
    day = pl.col("birthday")
    rows = (
        during(birthdays, "birthday", periods)
        .filter(
            pl.col("left_on").is_null() | (pl.col("left_on") <= day),
            pl.col("died_on").is_null() | (pl.col("died_on") > day),
        )
        .sort("birthday")
        .unique(["period", "child_id"], keep="first", maintain_order=True)
    )
    nearest = (
        rows.select("period", "child_id", "birthday")
        .join(
            table(frames, "care_leaver_status").select(
                "child_id",
                pl.col("key").alias("status_key"),
                pl.col("as_of").alias("recorded_on"),
                "in_touch",
                "activity",
                "accommodation",
                "accommodation_suitable",
                "staying_put",
            ),
            on="child_id",
            how="inner",
        )
        .filter(
            pl.col("recorded_on").is_between(
                day.dt.offset_by(f"-{AROUND_BIRTHDAY}"), day.dt.offset_by(AROUND_BIRTHDAY)
            )
        )
        .with_columns((pl.col("recorded_on") - day).dt.total_days().abs().alias("_distance"))
        .sort("_distance", "recorded_on", "status_key")
        .unique(["period", "child_id"], keep="first")
        .drop("birthday", "recorded_on", "_distance")
    )
    return rows.join(nearest, on=["period", "child_id"], how="left").filter(
        ~pl.col("in_touch").is_in(OUT_OF_COHORT).fill_null(False)
    )


def open_to_service(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    """One row per care leaver open to the service at each period's end (see the module
    docstring), with the columns of `leavers` and the period's."""
    return _shared(
        ("care_leavers_open",), frames, periods, lambda: _open_to_service(frames, periods)
    )


def _open_to_service(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    # Open from leaving care (or the first record) to the day before the 21st birthday.
    known = leavers(frames, periods).with_columns(
        birthday(pl.col("born_on"), 21).alias("_turns_21")
    )
    return (
        open_on(known.filter(pl.col("_turns_21").is_not_null()), "since", "_turns_21", periods)
        .filter(pl.col("died_on").is_null() | (pl.col("died_on") > pl.col("end")))
        .drop("_turns_21")
    )


def cohort_counted(
    rows: pl.DataFrame,
    *,
    numerator: bool | pl.Expr = True,
    denominator: bool | pl.Expr = True,
) -> pl.DataFrame:
    """Cohort rows as counted rows: one per young person, dated at the birthday (the team,
    worker and age then)."""
    return counted(
        rows, item="child_id", on="birthday", numerator=numerator, denominator=denominator
    )


def cohort_share(
    ages: Sequence[int],
    numerator: bool | pl.Expr = True,
    *,
    denominator: bool | pl.Expr = True,
) -> Compute:
    """A compute: the birthday cohort of `ages` (`cohort`), one row per young person at the
    birthday, in the numerator where `numerator` holds (and the base where `denominator`)."""

    def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
        rows = cohort(frames, periods, ages)
        return cohort_counted(rows, numerator=numerator, denominator=denominator)

    return compute


def activity_share(ages: Sequence[int], activities: Sequence[str]) -> Compute:
    """A compute: the share of the cohort of `ages` whose activity recorded around the
    birthday is one of `activities` (nothing known counts as not)."""
    return cohort_share(ages, pl.col("activity").is_in(list(activities)).fill_null(False))


def suitable_accommodation_share(ages: Sequence[int]) -> Compute:
    """A compute: the share of the cohort of `ages` in accommodation judged suitable, over
    those whose suitability can be known (see `SUITABILITY_NOT_KNOWN`)."""
    in_base = ~pl.col("accommodation").is_in(SUITABILITY_NOT_KNOWN).fill_null(False)
    return cohort_share(
        ages,
        in_base & pl.col("accommodation_suitable").fill_null(False),
        denominator=in_base,
    )
