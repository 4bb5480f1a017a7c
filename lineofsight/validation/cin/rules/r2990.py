"""2990: an episode closed RC8 or RC9 (after assessment) carries no CIN plan, section 47
enquiry, CP plan or episode-level initial conference (the episode's row fails).
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import EPISODE
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("ReasonForClosure",)
ACTIVITY = ("CINplanDates", "Section47", "ChildProtectionPlans")


def _check(ret: Return) -> pl.DataFrame:
    activity = pl.concat([ret.table(table).select(EPISODE) for table in ACTIVITY]).unique()
    episodes = ret.table("CINdetails").filter(pl.col("ReasonForClosure").is_in(["RC8", "RC9"]))
    with_activity = episodes.join(activity, on=EPISODE, how="semi")
    with_icpc = episodes.filter(pl.col("DateOfInitialCPC").is_not_null())
    return failures("CINdetails", pl.concat([with_activity, with_icpc]), fields=FIELDS)


RULE = Rule(
    code="2990",
    severity="error",
    message=(
        "Activity is recorded against a case marked as \u2018Case closed after assessment, "
        "no further action\u2019 or 'case closed after assessment, referred to early help'."
    ),
    tables=("CINdetails", *ACTIVITY),
    fields=FIELDS,
    check=_check,
)
