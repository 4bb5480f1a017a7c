"""8839: an episode cannot have more than one open section 47 enquiry.

Open is read as no ICPC date and not marked ICPC not required.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import EPISODE
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("DateOfInitialCPC", "ICPCnotRequired")


def _check(ret: Return) -> pl.DataFrame:
    open_ = pl.col("DateOfInitialCPC").is_null() & ~pl.col("ICPCnotRequired").fill_null(False)
    twice = open_ & (open_.sum().over(EPISODE) > 1)
    return failures("Section47", ret.table("Section47").filter(twice), fields=FIELDS)


RULE = Rule(
    code="8839",
    severity="error",
    message="Within one CINDetails group there are 2 or more open S47 Assessments",
    tables=("Section47",),
    fields=FIELDS,
    check=_check,
)
