"""234 (new in 2025-26): a placement ended for custody (REASON_PLACE_CHANGE CUSTOD) while the
child was under 10.

DfE's condition: if DECOM < DOB + 10 years then the previous episode's REASON_PLACE_CHANGE
cannot be CUSTOD. The reason is recorded on the episode whose placement ended; the change
happened when the next episode started, so the child's age is taken at the next episode's
DECOM (or, where none follows in the return, at the episode's own DEC). The episode carrying
CUSTOD is the one reported. DOB is the Header's; the 10th birthday of one born on 29 February
is 1 March.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, episodes_in_order, found

FIELDS = ("REASON_PLACE_CHANGE",)


def _check(ret: Return) -> pl.DataFrame:
    born = (
        ret.table("Header")
        .unique("CHILD", keep="first", maintain_order=True)
        .select("CHILD", pl.col("DOB").alias("DOB_header"))
    )
    frame = (
        episodes_in_order(ret)
        .join(born, on="CHILD", how="left", maintain_order="left")
        .with_columns(pl.coalesce("next_DECOM", "DEC").alias("changed"))
    )
    bad = (pl.col("REASON_PLACE_CHANGE") == "CUSTOD") & (
        pl.col("changed") < birthday(pl.col("DOB_header"), 10)
    )
    return found(
        "Episodes", frame.filter(bad), fields=("REASON_PLACE_CHANGE", "changed", "DOB_header")
    )


RULE = Rule(
    code="234",
    severity="error",
    message="A child aged under 10 can not change placement due to being admitted to custody",
    tables=("Episodes", "Header"),
    fields=FIELDS,
    check=_check,
)
