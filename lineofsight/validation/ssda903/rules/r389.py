"""389: an episode transferred to adult social care (E7) before the 16th birthday (age at DEC)."""

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
        frame.filter(pl.col("REC").is_in(["E7"]) & (pl.col("DEC") < birthday(pl.col("DOB"), 16))),
        fields=FIELDS,
    )


RULE = Rule(
    code="389",
    severity="error",
    message=(
        "Reason episode ceased is that child transferred to care of adult social care "
        "services, but child is aged under 16."
    ),
    tables=("Episodes", "Header"),
    fields=FIELDS,
    check=_check,
)
