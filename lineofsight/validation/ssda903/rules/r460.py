"""460: an episode stayed with current carers at 18 (E17) before the 18th birthday (age at DEC)."""

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
        frame.filter(pl.col("REC").is_in(["E17"]) & (pl.col("DEC") < birthday(pl.col("DOB"), 18))),
        fields=FIELDS,
    )


RULE = Rule(
    code="460",
    severity="error",
    message=(
        "Reason episode ceased is that child stayed with current carers at age 18 (or "
        "above), but child is aged under 18."
    ),
    tables=("Episodes", "Header"),
    fields=FIELDS,
    check=_check,
)
