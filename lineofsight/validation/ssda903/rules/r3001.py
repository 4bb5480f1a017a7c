"""3001: care leaver accommodation with former foster carers (ACCOM Z1, Z2) for a child whose
17th birthday falls in the collection year. DfE lists REC as the field; ACCOM is shown too."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found, with_header, year_end, year_start

FIELDS = ("REC",)


def _check(ret: Return) -> pl.DataFrame:
    frame = with_header(ret, "OC3", "DOB")
    turns_17 = birthday(pl.col("DOB_header"), 17)
    frame = frame.filter(
        pl.col("ACCOM").is_in(["Z1", "Z2"])
        & (turns_17 >= year_start(ret.year))
        & (turns_17 <= year_end(ret.year))
    )
    return found("OC3", frame, fields=("ACCOM", "DOB_header"))


RULE = Rule(
    code="3001",
    severity="error",
    message=(
        "Where care leavers information is being returned for a young person around "
        "their 17th birthday, the accommodation cannot be with their former foster "
        "carer(s)."
    ),
    tables=("Header", "OC3"),
    fields=FIELDS,
    check=_check,
)
