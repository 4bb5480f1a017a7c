"""Which records a CIN census includes, as they stood on its reference date (Polars only).

The census is a snapshot at 31 March: frames may hold later history, so anything dated after
the reference date (a closure, an authorisation, an ICPC, a plan's end, a death) is left out
as not yet known, and a child born after it is reported as unborn (expected birth date,
sex unknown).

What is included (statutory-formats.md §2.1, §2.3 and the D2I rules quoted there):
* episodes (`referral`): referred on or before the reference date and not closed before the
  period started; this takes in every referral of the year, NFA ones included;
* assessments open at any point in the period: started by the reference date and not
  authorised before the period (rules 8696/8736); factors only on authorised ones (8614);
* CIN plans and child protection plans open at any point in the period (4010/4013, 8720/8930);
* section 47 enquiries started by the reference date whose ICPC (or, without one, whose
  completion) was not before the period (8715/8740);
* the ICPC date of an episode's initial conference not tied to a section 47, held in the
  period (CINdetails `DateOfInitialCPC`, rule 2884);
* CP plan review dates: review conferences of the plan held in the period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl

INITIAL_KINDS = ("initial", "pre_birth", "transfer_in")


@dataclass(frozen=True)
class CensusPeriod:
    """1 April `year - 1` to 31 March `year` (the reference date), both inclusive."""

    year: int

    @property
    def start(self) -> dt.date:
        return dt.date(self.year - 1, 4, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, 3, 31)


def _known(column: str, period: CensusPeriod) -> pl.Expr:
    """A date as known on the reference date: null when it lies after it."""
    return pl.when(pl.col(column) <= period.end).then(pl.col(column)).otherwise(None).alias(column)


def _open_in(start: str, end: str, period: CensusPeriod) -> pl.Expr:
    """Started by the reference date and not ended before the period started."""
    return (pl.col(start) <= period.end) & (pl.col(end).is_null() | (pl.col(end) >= period.start))


@dataclass(frozen=True)
class Census:
    """The census's rows, one frame per XML block, each sorted in document order."""

    period: CensusPeriod
    children: pl.DataFrame
    disabilities: pl.DataFrame
    episodes: pl.DataFrame
    assessments: pl.DataFrame
    factors: pl.DataFrame
    cin_plans: pl.DataFrame
    section47s: pl.DataFrame
    cp_plans: pl.DataFrame
    reviews: pl.DataFrame


def census_episodes(frames: dict[str, pl.DataFrame], period: CensusPeriod) -> pl.DataFrame:
    """The CIN episodes (referrals) open at any point in the period, closures after it
    blanked, with the date of an initial conference held in the period outside any s47."""
    episodes = frames["referral"].filter(_open_in("referred_on", "closed_on", period))
    closed = pl.col("closed_on").is_not_null() & (pl.col("closed_on") <= period.end)
    episodes = episodes.with_columns(
        pl.when(closed).then(pl.col("closed_on")).otherwise(None).alias("closed_on"),
        pl.when(closed).then(pl.col("closure_reason")).otherwise(None).alias("closure_reason"),
    )
    cin_level_icpc = (
        frames["conference"]
        .filter(
            pl.col("kind").is_in(INITIAL_KINDS)
            & pl.col("section47_enquiry_id").is_null()
            & pl.col("held_on").is_between(period.start, period.end)
        )
        .group_by("referral_id")
        .agg(pl.col("held_on").min().alias("icpc_on"))
    )
    return episodes.join(cin_level_icpc, left_on="key", right_on="referral_id", how="left").sort(
        "child_id", "referred_on", "key"
    )


def census_select(frames: dict[str, pl.DataFrame], year: int) -> Census:
    """Everything the census for the year ending 31 March `year` reports."""
    period = CensusPeriod(year)
    episodes = census_episodes(frames, period)
    episode_keys = episodes.select(pl.col("key").alias("referral_id"))

    def of_episodes(name: str) -> pl.DataFrame:
        return frames[name].join(episode_keys, on="referral_id", how="semi")

    children = (
        frames["child"]
        .join(episodes.select("child_id").unique(), on="child_id", how="semi")
        .with_columns(
            (pl.col("born_on").is_null() | (pl.col("born_on") > period.end)).alias("unborn"),
        )
        .with_columns(
            pl.when(pl.col("unborn")).then(None).otherwise(pl.col("born_on")).alias("born_on"),
            pl.when(pl.col("unborn"))
            .then(pl.coalesce("expected_birth_on", "born_on"))
            .otherwise(None)
            .alias("expected_birth_on"),
            pl.when(pl.col("unborn")).then(pl.lit("U")).otherwise(pl.col("sex")).alias("sex"),
            _known("died_on", period),
        )
        .sort("child_id")
    )
    disabilities = (
        frames["child_disability"]
        .join(children.select("child_id"), on="child_id", how="semi")
        .unique(["child_id", "disability"])
        .sort("child_id", "disability")
    )
    assessments = (
        of_episodes("assessment")
        .filter(_open_in("started_on", "authorised_on", period))
        .with_columns(_known("authorised_on", period))
        .sort("referral_id", "started_on", "key")
    )
    factors = (
        frames["assessment_factor"]
        .join(
            assessments.filter(pl.col("authorised_on").is_not_null()).select(
                pl.col("key").alias("assessment_id")
            ),
            on="assessment_id",
            how="semi",
        )
        .unique(["assessment_id", "factor"])
        .sort("assessment_id", "key")
    )
    cin_plans = (
        of_episodes("cin_plan")
        .filter(_open_in("started_on", "ended_on", period))
        .with_columns(_known("ended_on", period))
        .sort("referral_id", "started_on", "key")
    )
    section47s = _section47s(frames, of_episodes("section47_enquiry"), period)
    cp_plans = (
        of_episodes("cp_plan")
        .filter(_open_in("started_on", "ended_on", period))
        .with_columns(_known("ended_on", period))
        .sort("referral_id", "started_on", "key")
    )
    reviews = (
        frames["conference"]
        .filter(
            (pl.col("kind") == "review")
            & pl.col("held_on").is_between(period.start, period.end)
            & pl.col("cp_plan_id").is_in(cp_plans["key"].implode())
        )
        .unique(["cp_plan_id", "held_on"])
        .sort("cp_plan_id", "held_on")
    )
    return Census(
        period=period,
        children=children,
        disabilities=disabilities,
        episodes=episodes,
        assessments=assessments,
        factors=factors,
        cin_plans=cin_plans,
        section47s=section47s,
        cp_plans=cp_plans,
        reviews=reviews,
    )


def _section47s(
    frames: dict[str, pl.DataFrame], enquiries: pl.DataFrame, period: CensusPeriod
) -> pl.DataFrame:
    """S47 enquiries with the date of their (first) initial conference, as known on the
    reference date; "ICPC not required" only once the enquiry had concluded by then."""
    icpcs = (
        frames["conference"]
        .filter(pl.col("kind").is_in(INITIAL_KINDS) & pl.col("section47_enquiry_id").is_not_null())
        .group_by("section47_enquiry_id")
        .agg(pl.col("held_on").min().alias("icpc_on"))
    )
    concluded = pl.col("completed_on").is_null() | (pl.col("completed_on") <= period.end)
    return (
        enquiries.join(icpcs, left_on="key", right_on="section47_enquiry_id", how="left")
        .with_columns(pl.coalesce("icpc_on", "completed_on").alias("concluded_on"))
        .filter(_open_in("started_on", "concluded_on", period))
        .with_columns(
            _known("icpc_on", period),
            (pl.col("icpc_not_required") & pl.col("icpc_on").is_null() & concluded).alias(
                "icpc_not_required"
            ),
        )
        .sort("referral_id", "started_on", "key")
    )
