"""8740: a section 47 enquiry with no initial conference by 31 March (and not marked ICPC
not required) must have started within the census year (a missing start date fails too, as
in 8736).
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import outside_year
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("S47ActualStartDate", "DateOfInitialCPC", "ICPCnotRequired")


def _check(ret: Return) -> pl.DataFrame:
    open_ = pl.col("DateOfInitialCPC").is_null() & ~pl.col("ICPCnotRequired").fill_null(False)
    start = pl.col("S47ActualStartDate")
    wrong = open_ & (start.is_null() | outside_year("S47ActualStartDate", ret.year))
    return failures("Section47", ret.table("Section47").filter(wrong), fields=FIELDS)


RULE = Rule(
    code="8740",
    severity="error",
    message=(
        "For a Section 47 Enquiry that has not held the Initial Child Protection "
        "Conference by the end of the census year, the start date must fall within the "
        "census year"
    ),
    tables=("Section47",),
    fields=FIELDS,
    check=_check,
)
