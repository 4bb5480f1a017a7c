"""392c: a home or placement postcode given is not in the form of a UK postcode.

Only the form is checked (outward code, optional space, inward digit and two letters, any
case): whether the postcode exists needs the ONS lookup the return does not carry."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("HOME_POST", "PL_POST")
POSTCODE = r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$"


def _invalid(column: str) -> pl.Expr:
    value = pl.col(column).str.to_uppercase().str.strip_chars()
    return value.is_not_null() & ~value.str.contains(POSTCODE)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    return found(
        "Episodes", frame.filter(_invalid("HOME_POST") | _invalid("PL_POST")), fields=FIELDS
    )


RULE = Rule(
    code="392c",
    severity="error",
    message="Postcode(s) provided are invalid.",
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)
