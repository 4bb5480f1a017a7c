"""Every open case on a date: what kind it is and who holds it, or how long it has waited.

A child's case is, in order of precedence: looked after (an open episode that is not a short
break), on a child protection plan, a child in need (an open referral), or a care leaver
(former relevant, 18-21). Who holds it on the date:

* ``allocated`` — an open social worker allocation (or, for a care leaver, a personal adviser);
* ``held_by_manager`` or ``duty`` — the case sits with a team manager or the duty desk;
* ``unallocated`` — nobody.

For a case not allocated, ``waiting_since`` is the later of the date the case opened and the end
of the child's last social worker allocation, and ``days_waiting`` counts calendar days from it.
The team of an unallocated child is its open referral's team, else its last allocation's team.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum

import polars as pl

from lineofsight.journey.domain.headline import SHORT_BREAKS, care_leaver_ids_on


class CaseType(StrEnum):
    CLA = "cla"
    CP = "cp"
    CIN = "cin"
    CARE_LEAVER = "care_leaver"


class Holding(StrEnum):
    ALLOCATED = "allocated"
    HELD_BY_MANAGER = "held_by_manager"
    DUTY = "duty"
    UNALLOCATED = "unallocated"


CASELOAD_SCHEMA: dict[str, pl.DataType] = {
    "child_id": pl.String(),
    "case_type": pl.String(),
    "case_opened_on": pl.Date(),
    "holding": pl.String(),
    "worker_id": pl.String(),
    "team_id": pl.String(),
    "held_since": pl.Date(),
    "waiting_since": pl.Date(),
    "days_waiting": pl.Int64(),
}


def _open_on(start: str, end: str, as_of: dt.date) -> pl.Expr:
    return (pl.col(start) <= as_of) & (pl.col(end).is_null() | (pl.col(end) > as_of))


def caseload(frames: Mapping[str, pl.DataFrame], *, as_of: dt.date) -> pl.DataFrame:
    """One row per child with an open case on `as_of` (see the module docstring)."""
    cases = _open_cases(frames, as_of)
    if cases.is_empty():
        return pl.DataFrame(schema=CASELOAD_SCHEMA)
    allocation = frames["allocation"].filter(pl.col("started_on") <= as_of)
    current = allocation.filter(_open_on("started_on", "ended_on", as_of))
    holders = (
        current.with_columns(
            pl.col("role")
            .replace_strict(
                {"social_worker": 0, "personal_adviser": 1, "held_by_manager": 2, "duty": 3},
                default=None,
                return_dtype=pl.Int8,
            )
            .alias("_rank")
        )
        .filter(pl.col("_rank").is_not_null())
        .sort("child_id", "_rank", pl.col("started_on").reverse())
        .select("child_id", "role", "worker_id", "team_id", "started_on", "_rank")
    )
    cases = cases.join(holders, on="child_id", how="left")
    # A personal adviser holds a care leaver's case; for any other case only a social worker.
    usable = (
        pl.col("_rank").is_null()
        | (pl.col("_rank") != 1)
        | (pl.col("case_type") == CaseType.CARE_LEAVER.value)
    )
    cases = cases.filter(usable).unique("child_id", keep="first", maintain_order=True)
    cases = _with_holding(cases)
    last_social_worker = (
        allocation.filter((pl.col("role") == "social_worker") & (pl.col("ended_on") <= as_of))
        .group_by("child_id")
        .agg(
            pl.col("ended_on").max().alias("_last_end"),
            pl.col("team_id").sort_by("ended_on").last().alias("_last_team"),
        )
    )
    referral_team = (
        frames["referral"]
        .filter(_open_on("referred_on", "closed_on", as_of))
        .sort("referred_on")
        .group_by("child_id")
        .agg(pl.col("team_id").drop_nulls().last().alias("_referral_team"))
    )
    cases = cases.join(last_social_worker, on="child_id", how="left").join(
        referral_team, on="child_id", how="left"
    )
    waiting = pl.col("holding") != Holding.ALLOCATED.value
    waiting_since = pl.max_horizontal("case_opened_on", "_last_end")
    cases = cases.with_columns(
        pl.when(waiting).then(waiting_since).alias("waiting_since"),
        pl.coalesce("team_id", "_referral_team", "_last_team").alias("team_id"),
    ).with_columns(
        (pl.lit(as_of) - pl.col("waiting_since")).dt.total_days().alias("days_waiting"),
    )
    return cases.select([pl.col(name).cast(dtype) for name, dtype in CASELOAD_SCHEMA.items()]).sort(
        "child_id"
    )


def _with_holding(cases: pl.DataFrame) -> pl.DataFrame:
    holding = (
        pl.when(pl.col("role").is_in(["social_worker", "personal_adviser"]))
        .then(pl.lit(Holding.ALLOCATED.value))
        .when(pl.col("role") == "held_by_manager")
        .then(pl.lit(Holding.HELD_BY_MANAGER.value))
        .when(pl.col("role") == "duty")
        .then(pl.lit(Holding.DUTY.value))
        .otherwise(pl.lit(Holding.UNALLOCATED.value))
    )
    return cases.with_columns(holding.alias("holding"), pl.col("started_on").alias("held_since"))


def _open_cases(frames: Mapping[str, pl.DataFrame], as_of: dt.date) -> pl.DataFrame:
    """child_id, case_type and case_opened_on, one row per child, by precedence."""
    episodes = frames["cla_episode"]
    # A period of care opened on the earliest start among the child's episodes still running
    # into `as_of`; the open episode's own start would restart the clock at every move.
    open_cla = (
        episodes.filter(
            _open_on("started_on", "ended_on", as_of) & ~pl.col("legal_status").is_in(SHORT_BREAKS)
        )
        .select("child_id")
        .unique()
        .join(_period_starts(episodes, as_of), on="child_id", how="left")
        .with_columns(pl.lit(CaseType.CLA.value).alias("case_type"), pl.lit(0).alias("_order"))
    )
    referral = frames["referral"]
    plans = frames["cp_plan"].join(
        referral.select(pl.col("key").alias("referral_id"), "child_id"), on="referral_id"
    )
    open_cp = (
        plans.filter(_open_on("started_on", "ended_on", as_of))
        .group_by("child_id")
        .agg(pl.col("started_on").min().alias("case_opened_on"))
        .with_columns(pl.lit(CaseType.CP.value).alias("case_type"), pl.lit(1).alias("_order"))
    )
    open_cin = (
        referral.filter(_open_on("referred_on", "closed_on", as_of))
        .group_by("child_id")
        .agg(pl.col("referred_on").min().alias("case_opened_on"))
        .with_columns(pl.lit(CaseType.CIN.value).alias("case_type"), pl.lit(2).alias("_order"))
    )
    leaver_ids = care_leaver_ids_on(frames["child"], episodes, as_of)
    leavers = (
        episodes.filter(pl.col("child_id").is_in(leaver_ids.implode()))
        .group_by("child_id")
        .agg(pl.col("ended_on").max().alias("case_opened_on"))
        .with_columns(
            pl.lit(CaseType.CARE_LEAVER.value).alias("case_type"), pl.lit(3).alias("_order")
        )
    )
    columns = ["child_id", "case_type", "case_opened_on", "_order"]
    every = pl.concat(
        [frame.select(columns) for frame in (open_cla, open_cp, open_cin, leavers)],
        how="vertical_relaxed",
    )
    return every.sort("child_id", "_order").unique("child_id", keep="first").drop("_order")


def _period_starts(episodes: pl.DataFrame, as_of: dt.date) -> pl.DataFrame:
    """The start of the period of care open on `as_of`: walk back over episodes that follow on
    without a gap (an episode starting the day the previous one ended)."""
    known = (
        episodes.filter(
            (pl.col("started_on") <= as_of) & ~pl.col("legal_status").is_in(SHORT_BREAKS)
        )
        .sort("child_id", "started_on")
        .with_columns(pl.col("ended_on").shift(1).over("child_id").alias("_previous_end"))
        .with_columns(
            (
                pl.col("_previous_end").is_null() | (pl.col("_previous_end") < pl.col("started_on"))
            ).alias("_new_period")
        )
        .with_columns(pl.col("_new_period").cum_sum().over("child_id").alias("_period"))
    )
    last_period = known.group_by("child_id").agg(pl.col("_period").max())
    return (
        known.join(last_period, on=["child_id", "_period"])
        .group_by("child_id")
        .agg(pl.col("started_on").min().alias("case_opened_on"))
    )
