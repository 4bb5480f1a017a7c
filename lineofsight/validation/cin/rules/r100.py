"""100: the header's ReferenceDate must be 31 March of the collection year (`Return.year`);
a missing Header fails too.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import census_end
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures, la_failure

FIELDS = ("ReferenceDate",)


def _check(ret: Return) -> pl.DataFrame:
    header = ret.table("Header")
    if header.is_empty():
        return la_failure("Header", "ReferenceDate=")
    wrong = pl.col("ReferenceDate").is_null() | (pl.col("ReferenceDate") != census_end(ret.year))
    return failures("Header", header.filter(wrong), fields=FIELDS)


RULE = Rule(
    code="100",
    severity="error",
    message="Reference Date is incorrect",
    tables=("Header",),
    fields=FIELDS,
    check=_check,
    la_level=True,
)
