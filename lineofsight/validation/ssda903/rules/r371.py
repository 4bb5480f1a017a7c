"""371: a placement in supported/semi-independent accommodation (H5 to 2023-24, K3 after) under 16.

The age is at DECOM."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found, with_header

FIELDS = ("DECOM", "PLACE", "DOB")


def _check(ret: Return) -> pl.DataFrame:
    frame = with_header(ret, "Episodes", "DOB")
    return found(
        "Episodes",
        frame.filter(
            pl.col("PLACE").is_in(["H5", "K3"]) & (pl.col("DECOM") < birthday(pl.col("DOB"), 16))
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="371",
    severity="error",
    message=(
        "Child in supported accomodation not subject to children’s homes regulations should "  # noqa: RUF001 (DfE's text)
        "be at least 16."
    ),
    tables=("Episodes", "Header"),
    fields=FIELDS,
    check=_check,
)
