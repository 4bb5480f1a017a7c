"""529: the placement provider is other public provision (PR3) with P1, A3-A6, K1, K2 or U1-U6."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import ADOPTION_PLACEMENTS, FOSTER_PLACEMENTS, found

FIELDS = ("PLACE", "PLACE_PROVIDER")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    return found(
        "Episodes",
        frame.filter(
            (pl.col("PLACE_PROVIDER") == "PR3")
            & pl.col("PLACE").is_in(["P1", *ADOPTION_PLACEMENTS, "K1", "K2", *FOSTER_PLACEMENTS])
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="529",
    severity="error",
    message=(
        "Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, "
        "K1, K2 and U1 to U6 as these placements cannot be provided by other public "
        "organisations."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)
