"""8675Q: a section 47 enquiry with no initial conference (and not marked ICPC not required)
should not have started more than 15 working days (England and Wales calendar) before the
census date.

Working days are counted after the start up to and including 31 March, so a start exactly
15 working days before passes.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import working_days_to_census_end
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("DateOfInitialCPC", "S47ActualStartDate", "ICPCnotRequired")
LIMIT = 15


def _check(ret: Return) -> pl.DataFrame:
    open_ = pl.col("DateOfInitialCPC").is_null() & ~pl.col("ICPCnotRequired").fill_null(False)
    rows = ret.table("Section47").filter(open_)
    days = working_days_to_census_end(rows, "S47ActualStartDate", ret.year)
    return failures("Section47", rows.filter(days > LIMIT), fields=FIELDS)


RULE = Rule(
    code="8675Q",
    severity="query",
    message=(
        "Please check and either amend data or provide a reason: S47 Enquiry started more "
        "than 15 working days before the end of the census year. However, there is no date "
        "of Initial Child Protection Conference."
    ),
    tables=("Section47",),
    fields=FIELDS,
    check=_check,
)
