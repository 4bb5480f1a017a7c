"""8820: a child's CIN episodes cannot overlap.

Read as: an episode's referral falls on or after another episode's referral and before its
closure (or within the year, if that episode is still open). A new referral on the day an
episode closes is allowed.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import open_until, overlapping
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CINreferralDate", "CINclosureDate")


def _check(ret: Return) -> pl.DataFrame:
    end = pl.col("CINclosureDate").fill_null(open_until(ret.year))
    rows = overlapping(ret.table("CINdetails"), ["LAchildID"], "CINreferralDate", end)
    return failures("CINdetails", rows, fields=FIELDS)


RULE = Rule(
    code="8820",
    severity="error",
    message="The dates on the CIN episodes for this child overlap",
    tables=("CINdetails",),
    fields=FIELDS,
    check=_check,
)
