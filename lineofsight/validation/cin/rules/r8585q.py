"""8585Q: an episode closed RC2 (died) should have a date of death for the child."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import with_child
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("ReasonForClosure", "PersonDeathDate")


def _check(ret: Return) -> pl.DataFrame:
    rows = with_child(ret, "CINdetails", "PersonDeathDate")
    died = (pl.col("ReasonForClosure") == "RC2") & pl.col("PersonDeathDate").is_null()
    return failures("CINdetails", rows.filter(died), fields=FIELDS)


RULE = Rule(
    code="8585Q",
    severity="query",
    message=(
        "Please check and either amend or provide a reason: CIN episode shows Died as"
        " the Closure Reason, however child has no recorded Date of Death"
    ),
    tables=("CINdetails", "ChildIdentifiers"),
    fields=FIELDS,
    check=_check,
)
