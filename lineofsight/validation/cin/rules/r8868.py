"""8868: a closed episode cannot have a section 47 enquiry with neither an ICPC date nor
ICPC not required.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import EPISODE
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CINclosureDate",)


def _check(ret: Return) -> pl.DataFrame:
    unresolved = pl.col("DateOfInitialCPC").is_null() & ~pl.col("ICPCnotRequired").fill_null(False)
    open_ = ret.table("Section47").filter(unresolved)
    closed = ret.table("CINdetails").filter(pl.col("CINclosureDate").is_not_null())
    return failures("CINdetails", closed.join(open_, on=EPISODE, how="semi"), fields=FIELDS)


RULE = Rule(
    code="8868",
    severity="error",
    message=(
        "CIN episode is shown as closed, however Section 47 enquiry is not shown as "
        "completed by ICPC date or ICPC not required flag"
    ),
    tables=("CINdetails", "Section47"),
    fields=FIELDS,
    check=_check,
)
