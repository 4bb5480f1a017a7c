"""2885: a CP plan starting in the census year starts on the day of an initial conference
in its episode (at episode level or on one of its section 47 enquiries).

Plans that started before the year are not checked: their conference is in an earlier return.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import EPISODE, census_end, census_start
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CPPstartDate",)


def _check(ret: Return) -> pl.DataFrame:
    icpc = "DateOfInitialCPC"
    held = pl.concat(
        [
            ret.table("Section47").select(*EPISODE, icpc),
            ret.table("CINdetails").select(*EPISODE, icpc),
        ]
    ).rename({icpc: "CPPstartDate"})
    in_year = pl.col("CPPstartDate").is_between(census_start(ret.year), census_end(ret.year))
    plans = ret.table("ChildProtectionPlans").filter(in_year)
    unmatched = plans.join(held, on=[*EPISODE, "CPPstartDate"], how="anti")
    return failures("ChildProtectionPlans", unmatched, fields=FIELDS)


RULE = Rule(
    code="2885",
    severity="error",
    message=(
        "Child protection plan shown as starting a different day to the initial child "
        "protection conference."
    ),
    tables=("ChildProtectionPlans", "Section47", "CINdetails"),
    fields=FIELDS,
    check=_check,
)
