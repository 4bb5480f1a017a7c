"""197B: a child in the OC2 cohort who turns 4 or 17 in the year (the birthday between 1 April
and 31 March) has neither an SDQ score nor a reason for none.

The cohort is read as in 543 (statutory-formats §1.1); together with 186 (4 or over on
1 April and under 17 on 31 March) every child of SDQ age is asked for one or the other. A
17th birthday on 1 April itself does not count: the child is 17 at the start of the year,
when 189 says no SDQ is to be reported."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found, year_end, year_start
from lineofsight.validation.ssda903.rules.r186 import no_sdq
from lineofsight.validation.ssda903.rules.r543 import continuously_looked_after

FIELDS = ("DOB", "SDQ_SCORE", "SDQ_REASON")


def _check(ret: Return) -> pl.DataFrame:
    start, end = year_start(ret.year), year_end(ret.year)
    dob = pl.col("DOB")
    turns = birthday(dob, 4).is_between(start, end)
    turns |= birthday(dob, 17).is_between(start, end, closed="right")
    cohort = pl.col("CHILD").is_in(continuously_looked_after(ret))
    frame = ret.table("OC2").filter(cohort & turns & no_sdq())
    return found("OC2", frame, fields=FIELDS)


RULE = Rule(
    code="197B",
    severity="error",
    message="SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.",
    tables=("Episodes", "OC2"),
    fields=FIELDS,
    check=_check,
)
