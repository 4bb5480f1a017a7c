"""Headline counts on a date, from journey frames (pure: no Django).

Definitions follow the DfE statistical returns:

* **children_in_need** — distinct children with a referral (a CIN episode) open on the date:
  ``referred_on <= as_of`` and (``closed_on`` is null or ``closed_on > as_of``). As in the CIN
  census, referrals with no further action count only while they are open: an NFA referral
  closed on the day it was made is never open at the end of a day, so it is not counted.
  Children looked after and children on a plan are children in need, and unborn children
  count too (the CIN census includes them in the count, though not in the population).
* **on_cp_plan** — distinct children with a CP plan open on the date (same open rule).
* **looked_after** — distinct children with a CLA episode open on the date, excluding
  children whose open episode is a short break (legal status V3 or V4), as DfE does.
* **care_leavers** — former relevant young people: aged 18 to 21 on the date (from the 18th
  birthday to the day before the 22nd), not looked after on the date, who ceased to be looked
  after on or after their 16th birthday having been looked after for at least 13 weeks (91
  days) since their 14th birthday (in one period ending at 16+, or in total across periods
  from 14 when the last ended at 16+). Short-break-only care (V3/V4) does not count, and
  young people who have died are excluded. These are the young people owed leaving-care
  support as "former relevant" children; "eligible" and "relevant" children are 16-17.

Rates are per 10,000 children aged 0-17: `lineofsight.core.domain.rates.rate_per_10k`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import polars as pl

SHORT_BREAKS = ("V3", "V4")
THIRTEEN_WEEKS = 91


def _open_on(start: str, end: str, as_of: dt.date) -> pl.Expr:
    return (pl.col(start) <= as_of) & (pl.col(end).is_null() | (pl.col(end) > as_of))


def headline_counts(frames: Mapping[str, pl.DataFrame], as_of: dt.date) -> dict[str, int]:
    """Children in need, on a CP plan, looked after and care leavers on `as_of`."""
    referral = frames["referral"]
    cin = referral.filter(_open_on("referred_on", "closed_on", as_of))["child_id"].n_unique()
    plans = frames["cp_plan"].join(
        referral.select(pl.col("key").alias("referral_id"), "child_id"), on="referral_id"
    )
    cp = plans.filter(_open_on("started_on", "ended_on", as_of))["child_id"].n_unique()
    episodes = frames["cla_episode"]
    open_episodes = episodes.filter(_open_on("started_on", "ended_on", as_of))
    looked_after_ids = open_episodes.filter(~pl.col("legal_status").is_in(SHORT_BREAKS))[
        "child_id"
    ].unique()
    return {
        "children_in_need": int(cin),
        "on_cp_plan": int(cp),
        "looked_after": len(looked_after_ids),
        "care_leavers": care_leavers_on(frames["child"], frames["cla_episode"], as_of),
    }


def care_leavers_on(child: pl.DataFrame, cla_episode: pl.DataFrame, as_of: dt.date) -> int:
    """How many former relevant young people there are on `as_of` (see the module docstring).

    Takes only the columns it needs (`child`: child_id, born_on, died_on; `cla_episode`:
    child_id, started_on, ended_on, legal_status) so a page can pass a small extract.
    """
    return care_leaver_ids_on(child, cla_episode, as_of).len()


def care_leaver_ids_on(child: pl.DataFrame, cla_episode: pl.DataFrame, as_of: dt.date) -> pl.Series:
    """The child ids of former relevant young people on `as_of`."""
    in_care = cla_episode.filter(_open_on("started_on", "ended_on", as_of))["child_id"].unique()
    children = child.select("child_id", "born_on", "died_on")
    episodes = (
        cla_episode.filter(
            ~pl.col("legal_status").is_in(SHORT_BREAKS) & (pl.col("started_on") <= as_of)
        )
        .join(children, on="child_id")
        .filter(pl.col("born_on").is_not_null())
        .with_columns(
            pl.col("born_on").dt.offset_by("14y").alias("fourteen"),
            pl.col("born_on").dt.offset_by("16y").alias("sixteen"),
            pl.col("ended_on").fill_null(as_of + dt.timedelta(days=1)).alias("until"),
        )
        .with_columns(
            (pl.col("until") - pl.max_horizontal("started_on", "fourteen"))
            .dt.total_days()
            .clip(lower_bound=0)
            .alias("days_since_14")
        )
    )
    per_child = episodes.group_by("child_id").agg(
        pl.col("days_since_14").sum(),
        pl.col("ended_on").max().alias("last_end"),
        pl.col("ended_on").is_null().any().alias("still_open"),
        pl.col("sixteen").first(),
        pl.col("born_on").first(),
        pl.col("died_on").first(),
    )
    leavers = per_child.filter(
        ~pl.col("still_open")
        & (pl.col("last_end") >= pl.col("sixteen"))
        & (pl.col("last_end") <= as_of)
        & (pl.col("days_since_14") >= THIRTEEN_WEEKS)
        & (pl.col("born_on").dt.offset_by("18y") <= as_of)
        & (pl.col("born_on").dt.offset_by("22y") > as_of)
        & (pl.col("died_on").is_null() | (pl.col("died_on") > as_of))
        & ~pl.col("child_id").is_in(in_care.implode())
    )
    return leavers["child_id"]
