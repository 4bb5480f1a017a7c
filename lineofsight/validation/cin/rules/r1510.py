"""1510: a UPN's first character must be the check letter its other twelve call for.

Only UPNs whose characters 2-13 allow a check letter are tested; the others fail 1540/1550.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.upn import upn_check_letter
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("UPN",)


def _wrong_letter(upn: str | None) -> bool:
    if upn is None:
        return False
    expected = upn_check_letter(upn)
    return expected is not None and upn[0] != expected


def _check(ret: Return) -> pl.DataFrame:
    ids = ret.table("ChildIdentifiers")
    wrong = pl.Series([_wrong_letter(upn) for upn in ids["UPN"]], dtype=pl.Boolean)
    return failures("ChildIdentifiers", ids.filter(wrong), fields=FIELDS)


RULE = Rule(
    code="1510",
    severity="error",
    message="UPN invalid (wrong check letter at character 1)",
    tables=("ChildIdentifiers",),
    fields=FIELDS,
    check=_check,
)
