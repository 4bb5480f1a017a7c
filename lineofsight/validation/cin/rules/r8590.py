"""8590: every child must have at least one CINdetails (episode)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("LAchildID",)


def _check(ret: Return) -> pl.DataFrame:
    episodes = ret.table("CINdetails").select("LAchildID").unique()
    ids = ret.table("ChildIdentifiers").join(episodes, on="LAchildID", how="anti", nulls_equal=True)
    return failures("ChildIdentifiers", ids, fields=FIELDS)


RULE = Rule(
    code="8590",
    severity="error",
    message="Child does not have a recorded CIN episode.",
    tables=("ChildIdentifiers", "CINdetails"),
    fields=FIELDS,
    check=_check,
)
