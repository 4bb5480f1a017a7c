"""2887Q (LA level): fewer than 8 distinct disability codes used in the return.

NONE is counted as a code, as the message says "disability codes" without exception.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, la_failure, no_failures

FIELDS = ("Disability",)


def _check(ret: Return) -> pl.DataFrame:
    used = ret.table("Disabilities")["Disability"].drop_nulls().n_unique()
    return (
        la_failure("Disabilities", f"Disability codes used={used}") if used < 8 else no_failures()
    )


RULE = Rule(
    code="2887Q",
    severity="query",
    message=(
        "Please check and either amend or provide a reason: Less than 8 disability "
        "codes have been used in your return"
    ),
    tables=("Disabilities",),
    fields=FIELDS,
    check=_check,
    la_level=True,
)
