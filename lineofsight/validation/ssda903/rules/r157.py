"""157: SDQ1 (child under 4 or over 16) given as the reason for no SDQ score for a child aged
4 or over on 1 April and 16 or under on 31 March; the message's "or" is read as "and"."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found, year_end, year_start

FIELDS = ("DOB", "SDQ_REASON")


def _check(ret: Return) -> pl.DataFrame:
    in_range = (birthday(pl.col("DOB"), 4) <= year_start(ret.year)) & (
        birthday(pl.col("DOB"), 17) > year_end(ret.year)
    )
    frame = ret.table("OC2").filter((pl.col("SDQ_REASON") == "SDQ1") & in_range)
    return found("OC2", frame, fields=FIELDS)


RULE = Rule(
    code="157",
    severity="error",
    message=(
        "Child is aged 4 years or over at the beginning of the year or 16 years or "
        "under at the end of the year and Strengths and Difficulties Questionnaire "
        "(SDQ) 1 has been recorded as the reason for no Strengths and Difficulties "
        "Questionnaire (SDQ) score."
    ),
    tables=("Episodes", "OC2"),
    fields=FIELDS,
    check=_check,
)
