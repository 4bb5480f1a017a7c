"""386: an episode adopted (E11/E12) on or after the 18th birthday (age at DEC)."""

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
            pl.col("REC").is_in(["E11", "E12"]) & (pl.col("DEC") >= birthday(pl.col("DOB"), 18))
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="386",
    severity="error",
    message=("Reason episode ceased is adopted but child has reached age 18."),
    tables=("Episodes", "Header"),
    fields=FIELDS,
    check=_check,
)
