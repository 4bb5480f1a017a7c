"""454 (new in 2025-26): the placement is more than 350 miles from the child's home.

DfE's condition: if PL_DISTANCE is present and not 999.9, it should be no more than 350
(miles). PL_DISTANCE is derived by DfE from the home and placement postcodes: the rule is
skipped unless the return carries it. A value that is not a number is not checked.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("PL_DISTANCE",)
LIMIT_MILES = 350
NOT_KNOWN = 999.9


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    if frame.schema["PL_DISTANCE"] == pl.String:
        miles = pl.col("PL_DISTANCE").str.strip_chars().cast(pl.Float64, strict=False)
    else:
        miles = pl.col("PL_DISTANCE").cast(pl.Float64, strict=False)
    bad = (miles > LIMIT_MILES) & ((miles - NOT_KNOWN).abs() > 1e-9)
    return found("Episodes", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="454",
    severity="error",
    message=(
        "Placement distance from home is over 350 miles. [NOTE: This check will result in "
        "false positives for children formerly UASC not identified as such in loaded data]"
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
    derived=("PL_DISTANCE",),
)
