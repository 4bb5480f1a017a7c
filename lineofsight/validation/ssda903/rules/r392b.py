"""392b: an episode of a looked-after child lacks the home or placement postcode.

Short-break episodes (V3, V4) carry no postcodes (398), and children in the UASC table are
left out, as the note says formerly UASC children may have none."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("HOME_POST", "PL_POST")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    uasc = ret.table("UASC")["CHILD"] if "UASC" in ret.tables else pl.Series([], dtype=pl.String)
    bad = (
        ~pl.col("LS").is_in(["V3", "V4"])
        & ~pl.col("CHILD").is_in(uasc.to_list())
        & (pl.col("HOME_POST").is_null() | pl.col("PL_POST").is_null())
    )
    return found("Episodes", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="392b",
    severity="error",
    message=(
        "Child is looked after but no postcodes are recorded. [NOTE: This check may result in "
        "false positives for children formerly UASC, particularly if current & prior year UASC "
        "data not loaded]"
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)
