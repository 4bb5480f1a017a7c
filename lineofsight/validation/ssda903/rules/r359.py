"""359: a child looked after after their 18th birthday is not under V2 in a community home.

Read as: an episode still running after the 18th birthday (DEC later than it, or open at
31 March with the birthday passed) must be legal status V2 (section 20) and placement K1 or
K2 (the placement types that are community homes)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found, with_header, year_end

FIELDS = ("DEC", "LS", "PLACE")


def _check(ret: Return) -> pl.DataFrame:
    frame = with_header(ret, "Episodes", "DOB")
    end = pl.coalesce(pl.col("DEC"), pl.lit(year_end(ret.year)))
    after = end > birthday(pl.col("DOB"), 18)
    allowed = (pl.col("LS") == "V2") & pl.col("PLACE").is_in(["K1", "K2"])
    return found("Episodes", frame.filter(after & ~allowed), fields=FIELDS)


RULE = Rule(
    code="359",
    severity="error",
    message=(
        "Child being looked after following 18th birthday must be accommodated under "
        "section 20(5) of the Children Act 1989 in a community home."
    ),
    tables=("Episodes", "Header"),
    fields=FIELDS,
    check=_check,
)
