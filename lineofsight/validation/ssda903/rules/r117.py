"""117: a decision that the child should (DATE_PLACED) or should no longer (DATE_PLACED_CEASED)
be placed for adoption is dated after 31 March, or after the DEC of the child's latest episode
not ending X1.

DfE: "If provided <DATE_PLACED> and/or <DATE_PLACED_CEASED> must not be >
<COLLECTION_END_DATE> or <DEC> of latest episode where <REC> not = 'X1'". Read as: of the
child's episodes other than those ending X1 (an open episode counts), the one starting
latest; where it has ended (DEC given), neither date may be after its DEC. A child still
looked after (latest such episode open) is held to 31 March only. The PlacedAdoption row fails.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, year_end

FIELDS = ("DATE_PLACED", "DATE_PLACED_CEASED", "DECOM", "DEC", "REC")


def _check(ret: Return) -> pl.DataFrame:
    latest = (
        ret.table("Episodes")
        .filter(pl.col("DECOM").is_not_null() & pl.col("REC").ne_missing(pl.lit("X1")))
        .sort("CHILD", "DECOM", "row")
        .unique("CHILD", keep="last")
        .select("CHILD", "DECOM", "DEC", "REC")
    )
    frame = ret.table("PlacedAdoption").join(latest, on="CHILD", how="left")
    end = year_end(ret.year)
    late = [
        (pl.col(column) > end) | (pl.col(column) > pl.col("DEC")).fill_null(False)
        for column in ("DATE_PLACED", "DATE_PLACED_CEASED")
    ]
    return found("PlacedAdoption", frame.filter(pl.any_horizontal(late)), fields=FIELDS)


RULE = Rule(
    code="117",
    severity="error",
    message=(
        "Date of decision that a child should/should no longer be placed for adoption is "
        "beyond the current collection year or after the child ceased to be looked after."
    ),
    tables=("Episodes", "PlacedAdoption"),
    fields=FIELDS,
    check=_check,
)
