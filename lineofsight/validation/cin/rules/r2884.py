"""2884: an initial conference is recorded at one level only.

Read as DfE's check: a section 47 enquiry's conference date cannot equal its episode's
episode-level conference date (the episode level is for an enquiry from an earlier year).
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import with_episode
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("DateOfInitialCPC", "DateOfInitialCPC_episode")


def _check(ret: Return) -> pl.DataFrame:
    rows = with_episode(ret, "Section47", "DateOfInitialCPC")
    twice = pl.col("DateOfInitialCPC") == pl.col("DateOfInitialCPC_episode")
    return failures("Section47", rows.filter(twice), fields=FIELDS)


RULE = Rule(
    code="2884",
    severity="error",
    message=(
        "An initial child protection conference is recorded at both the S47 and CIN "
        "Details level and it should only be recorded in one"
    ),
    tables=("Section47", "CINdetails"),
    fields=FIELDS,
    check=_check,
)
