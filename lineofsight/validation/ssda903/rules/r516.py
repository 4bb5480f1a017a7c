"""516: an episode ends with a special guardianship order to former foster carers (E45,
E46) but is not a foster placement (U1-U6)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import FOSTER_PLACEMENTS, found

FIELDS = ("PLACE", "REC")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    bad = pl.col("REC").is_in(["E45", "E46"]) & ~pl.col("PLACE").is_in(FOSTER_PLACEMENTS)
    return found("Episodes", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="516",
    severity="error",
    message=(
        "The episode data submitted for this child does not show that he/she was with their "
        "former foster carer(s) during the year.If the code in the reason episode ceased is "
        "E45 or E46 the child must have a placement code of U1 to U6."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)
