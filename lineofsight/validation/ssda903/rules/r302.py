"""302: an episode starts before the child's date of birth (Header).

Any such episode fails: if the first starts before birth it is among them."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, with_header

FIELDS = ("DECOM", "DOB")


def _check(ret: Return) -> pl.DataFrame:
    frame = with_header(ret, "Episodes", "DOB")
    return found("Episodes", frame.filter(pl.col("DECOM") < pl.col("DOB")), fields=FIELDS)


RULE = Rule(
    code="302",
    severity="error",
    message=("First episode starts before child was born."),
    tables=("Episodes", "Header"),
    fields=FIELDS,
    check=_check,
)
