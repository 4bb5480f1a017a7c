"""2883: an episode cannot have more CP plans starting than initial conferences held.

Both are counted within the census year: plans starting in it, against initial conferences
held in it (on the episode's section 47 enquiries, or at episode level for an enquiry from
an earlier year). Each plan starting in the year in a failing episode fails.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import EPISODE, census_end, census_start
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CPPstartDate", "DateOfInitialCPC")


def _in_year(column: str, year: int) -> pl.Expr:
    return pl.col(column).is_between(census_start(year), census_end(year)).fill_null(False)


def _check(ret: Return) -> pl.DataFrame:
    icpc = "DateOfInitialCPC"
    held = pl.concat(
        [
            ret.table("Section47").select(*EPISODE, icpc),
            ret.table("CINdetails").select(*EPISODE, icpc),
        ]
    )
    conferences = (
        held.filter(_in_year(icpc, ret.year))
        .group_by(EPISODE)
        .agg(pl.len().alias("_conferences"), pl.col(icpc).max())
    )
    plans = ret.table("ChildProtectionPlans").filter(_in_year("CPPstartDate", ret.year))
    counted = plans.with_columns(pl.len().over(EPISODE).alias("_plans")).join(
        conferences, on=EPISODE, how="left"
    )
    more = pl.col("_plans") > pl.col("_conferences").fill_null(0)
    return failures("ChildProtectionPlans", counted.filter(more), fields=FIELDS)


RULE = Rule(
    code="2883",
    severity="error",
    message=(
        "There are more child protection plans starting than initial conferences taking place"
    ),
    tables=("ChildProtectionPlans", "Section47", "CINdetails"),
    fields=FIELDS,
    check=_check,
)
