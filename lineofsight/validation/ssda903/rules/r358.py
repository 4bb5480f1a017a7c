"""358: an episode with a youth-justice legal status (J1-J3) starts before the 10th birthday."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found, with_header

FIELDS = ("DECOM", "LS", "DOB")


def _check(ret: Return) -> pl.DataFrame:
    frame = with_header(ret, "Episodes", "DOB")
    return found(
        "Episodes",
        frame.filter(
            pl.col("LS").is_in(["J1", "J2", "J3"]) & (pl.col("DECOM") < birthday(pl.col("DOB"), 10))
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="358",
    severity="error",
    message=("Child with this legal status should not be under 10."),
    tables=("Episodes", "Header"),
    fields=FIELDS,
    check=_check,
)
