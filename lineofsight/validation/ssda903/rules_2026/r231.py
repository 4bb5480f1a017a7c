"""231 (in force 2025-26; in D2I's 2024-25 rules, not in our 2024-25 list): an unaccompanied
asylum-seeking child under 11 at the end of the collection year.

DfE's condition: if UASC_STATUS = 1 then DOB should be more than 11 years before the
collection end date. UASC_STATUS is the XML form's Header flag; in the CSV return a child is
UASC when they have a row in the UASC table. Either is read: a UASC row, or a Header UASC
column (where the return carries one) of 1. DOB is the Header's; one born on 31 March eleven
years before the year's end passes, a day later fails.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, year_end

FIELDS = ("DOB", "UASC_STATUS")


def _check(ret: Return) -> pl.DataFrame:
    header = ret.table("Header")
    uasc_rows = ret.tables.get("UASC")
    children = pl.Series([], dtype=pl.String) if uasc_rows is None else uasc_rows["CHILD"]
    is_uasc = pl.col("CHILD").is_in(children.drop_nulls().implode())
    if "UASC" in header.columns:
        flag = pl.col("UASC").cast(pl.String).str.strip_chars() == "1"
        is_uasc = is_uasc | flag.fill_null(False)
    end = year_end(ret.year)
    eleven_before = end.replace(year=end.year - 11)
    frame = header.filter(is_uasc & (pl.col("DOB") > eleven_before))
    return found("Header", frame, fields=("DOB",))


RULE = Rule(
    code="231",
    severity="error",
    message=(
        "We expect that unaccompanied asylum seeking children are generally older young "
        "people. Please check the date of birth is correct. If the date of birth is correct "
        "then please provide details in a bypass request."
    ),
    tables=("Header",),
    fields=FIELDS,
    check=_check,
)
