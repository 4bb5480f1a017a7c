"""8890: a section 47 enquiry cannot start while another in the episode is ongoing.

An enquiry runs from its start to its initial conference; one with neither a conference nor
"ICPC not required" is ongoing to the end of the year (as 8839 reads "open"). One marked ICPC
not required has no recorded end, so it is read as ending the day it started. Starting on the
day another's conference is held is allowed; two starting the same day both fail.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import EPISODE, open_until, overlapping
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("S47ActualStartDate", "DateOfInitialCPC", "ICPCnotRequired")


def _check(ret: Return) -> pl.DataFrame:
    not_required = pl.col("ICPCnotRequired").fill_null(False)
    end = (
        pl.when(pl.col("DateOfInitialCPC").is_not_null())
        .then(pl.col("DateOfInitialCPC"))
        .when(not_required)
        .then(pl.col("S47ActualStartDate"))
        .otherwise(pl.lit(open_until(ret.year)))
    )
    rows = overlapping(ret.table("Section47"), EPISODE, "S47ActualStartDate", end)
    return failures("Section47", rows, fields=FIELDS)


RULE = Rule(
    code="8890",
    severity="error",
    message=(
        "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing"
    ),
    tables=("Section47",),
    fields=FIELDS,
    check=_check,
)
