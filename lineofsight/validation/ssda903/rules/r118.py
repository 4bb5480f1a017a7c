"""118: the decision that the child should no longer be placed for adoption
(DATE_PLACED_CEASED) is dated before 1 April or before the child started to be looked after.

DfE: "If provided <DATE_PLACED_CEASED> must not be prior to <COLLECTION_START_DATE> or
<DECOM> of the earliest episode with an <LS> not = 'V3' or 'V4'". The earliest is the
child's episode in the return starting first (short breaks left out); a child with no such
episode is held to 1 April only. The PlacedAdoption row fails.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, year_start

FIELDS = ("DATE_PLACED_CEASED", "DECOM", "LS")


def _check(ret: Return) -> pl.DataFrame:
    earliest = (
        ret.table("Episodes")
        .filter(pl.col("DECOM").is_not_null() & ~pl.col("LS").is_in(["V3", "V4"]).fill_null(False))
        .sort("CHILD", "DECOM", "row")
        .unique("CHILD", keep="first")
        .select("CHILD", "DECOM", "LS")
    )
    frame = ret.table("PlacedAdoption").join(earliest, on="CHILD", how="left")
    ceased = pl.col("DATE_PLACED_CEASED")
    early = (ceased < year_start(ret.year)) | (ceased < pl.col("DECOM")).fill_null(False)
    return found("PlacedAdoption", frame.filter(ceased.is_not_null() & early), fields=FIELDS)


RULE = Rule(
    code="118",
    severity="error",
    message=(
        "Date of decision that a child should no longer be placed for adoption is before the "
        "current collection year or before the date the child started to be looked after."
    ),
    tables=("Episodes", "PlacedAdoption"),
    fields=FIELDS,
    check=_check,
)
