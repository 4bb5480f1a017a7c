"""186: a child in the OC2 cohort aged 4 or over on 1 April and under 17 on 31 March has no
SDQ score.

The cohort (continuously looked after for 12 months at 31 March) is read as in 543
(statutory-formats §1.1). DfE's message asks for a score; a reason for no score (SDQ_REASON)
is read as answering it, since a reason beside a score is itself an error (197a) and the
reasons SDQ2-SDQ5 are for children of these ages. So the row fails when both SDQ_SCORE and
SDQ_REASON are blank (a score given but not a number is 180's concern). Ages are by
birthday, a 29 February birthday falling on 1 March in a common year."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found, year_end, year_start
from lineofsight.validation.ssda903.rules.r543 import continuously_looked_after

FIELDS = ("DOB", "SDQ_SCORE", "SDQ_REASON")


def no_sdq() -> pl.Expr:
    """Neither an SDQ score nor a reason for none is given."""
    return pl.col("SDQ_SCORE_text").is_null() & pl.col("SDQ_REASON").is_null()


def _check(ret: Return) -> pl.DataFrame:
    dob = pl.col("DOB")
    aged = (birthday(dob, 4) <= year_start(ret.year)) & (birthday(dob, 17) > year_end(ret.year))
    cohort = pl.col("CHILD").is_in(continuously_looked_after(ret))
    frame = ret.table("OC2").filter(cohort & aged & no_sdq())
    return found("OC2", frame, fields=FIELDS)


RULE = Rule(
    code="186",
    severity="error",
    message=(
        "Children aged 4 or over at the start of the year and children aged under 17 at the "
        "end of the year and who have been looked after for at least 12 months continuously "
        "should have a Strengths and Difficulties (SDQ) score completed."
    ),
    tables=("Episodes", "OC2"),
    fields=FIELDS,
    check=_check,
)
