"""8775Q: a child should not be 25 or over while their episode is open.

Read, as DfE's check does: the child was born more than 25 years before the census date,
and the episode closed after their 25th birthday or is still open (the episode's row fails).
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import census_end, with_child
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("PersonBirthDate", "CINclosureDate")


def _check(ret: Return) -> pl.DataFrame:
    rows = with_child(ret, "CINdetails", "PersonBirthDate")
    born = pl.col("PersonBirthDate")
    over_25 = born < pl.lit(census_end(ret.year)).dt.offset_by("-25y")
    closed = pl.col("CINclosureDate")
    after_25th = closed.is_null() | (closed > born.dt.offset_by("25y"))
    return failures("CINdetails", rows.filter(over_25 & after_25th), fields=FIELDS)


RULE = Rule(
    code="8775Q",
    severity="query",
    message="Please check and either amend data or provide a reason: Child is over 25 years old",
    tables=("CINdetails", "ChildIdentifiers"),
    fields=FIELDS,
    check=_check,
)
