"""168: the UPN is neither a UPN nor UN1-UN5.

A UPN is a letter other than I, O or S and 12 digits, or (temporary) that letter, 11 digits
and a letter. The check letter is not tested (DfE's 903 rule does not name it); a blank UPN
is 442's concern."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("UPN",)


def _check(ret: Return) -> pl.DataFrame:
    upn = pl.col("UPN")
    shaped = upn.str.contains(r"^[A-HJ-NP-RT-Z]\d{11}[0-9A-Z]$")
    unknown = upn.is_in(["UN1", "UN2", "UN3", "UN4", "UN5"])
    frame = ret.table("Header")
    return found("Header", frame.filter(upn.is_not_null() & ~shaped & ~unknown), fields=FIELDS)


RULE = Rule(
    code="168",
    severity="error",
    message=(
        "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, "
        "UN2, UN3, UN4 or UN5."
    ),
    tables=("Header",),
    fields=FIELDS,
    check=_check,
)
