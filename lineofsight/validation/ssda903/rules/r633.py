"""633: LA_PERM is not a DfE 3-digit LA number or NIR, SCO, WAL, NUK or 999. The LA numbers
are those UPNs may begin with (`UPN_LA_NUMBERS`, DfE's list) from 201 up, less the pseudo-LA
ranges 660-708, which are not local authorities."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.upn import UPN_LA_NUMBERS
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("LA_PERM",)
OTHER = ("NIR", "SCO", "WAL", "NUK", "999")
VALID = sorted({n for n in UPN_LA_NUMBERS if n >= "201" and not "660" <= n <= "708"} | set(OTHER))


def _check(ret: Return) -> pl.DataFrame:
    la = pl.col("LA_PERM")
    frame = ret.table("PrevPerm").filter(la.is_not_null() & ~la.is_in(VALID))
    return found("PrevPerm", frame, fields=FIELDS)


RULE = Rule(
    code="633",
    severity="error",
    message=(
        "Local authority code where previous permanence option was arranged is not a valid value."
    ),
    tables=("PrevPerm",),
    fields=FIELDS,
    check=_check,
)
