"""8555Q: a child cannot be referred after the recorded date of death."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import with_child
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CINreferralDate", "PersonDeathDate")


def _check(ret: Return) -> pl.DataFrame:
    rows = with_child(ret, "CINdetails", "PersonDeathDate")
    return failures(
        "CINdetails",
        rows.filter(pl.col("CINreferralDate") > pl.col("PersonDeathDate")),
        fields=FIELDS,
    )


RULE = Rule(
    code="8555Q",
    severity="query",
    message="Child cannot be referred after its recorded date of death",
    tables=("CINdetails", "ChildIdentifiers"),
    fields=FIELDS,
    check=_check,
)
