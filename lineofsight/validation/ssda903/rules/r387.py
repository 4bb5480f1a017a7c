"""387: an episode moved to independent living (E5/E6) before the 14th birthday (age at DEC)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found, with_header

FIELDS = ("DEC", "REC", "DOB")


def _check(ret: Return) -> pl.DataFrame:
    frame = with_header(ret, "Episodes", "DOB")
    return found(
        "Episodes",
        frame.filter(
            pl.col("REC").is_in(["E5", "E6"]) & (pl.col("DEC") < birthday(pl.col("DOB"), 14))
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="387",
    severity="error",
    message=(
        "Reason episode ceased is child moved into independent living arrangement, but the "
        "child is aged under 14."
    ),
    tables=("Episodes", "Header"),
    fields=FIELDS,
    check=_check,
)
