"""8831: a referral with no further action carries no assessment, section 47 or ICPC
(the episode's row fails).
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import EPISODE
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("ReferralNFA",)


def _check(ret: Return) -> pl.DataFrame:
    activity = pl.concat(
        [ret.table("Assessments").select(EPISODE), ret.table("Section47").select(EPISODE)]
    ).unique()
    episodes = ret.table("CINdetails").filter(pl.col("ReferralNFA"))
    with_activity = episodes.join(activity, on=EPISODE, how="semi")
    with_icpc = episodes.filter(pl.col("DateOfInitialCPC").is_not_null())
    return failures("CINdetails", pl.concat([with_activity, with_icpc]), fields=FIELDS)


RULE = Rule(
    code="8831",
    severity="error",
    message="Activity is recorded against a case marked as a referral with no further action",
    tables=("CINdetails", "Assessments", "Section47"),
    fields=FIELDS,
    check=_check,
)
