"""8825Q: an episode closed RC8 or RC9 (after assessment) should have an assessment."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import EPISODE
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("ReasonForClosure",)


def _check(ret: Return) -> pl.DataFrame:
    after_assessment = pl.col("ReasonForClosure").is_in(["RC8", "RC9"])
    episodes = ret.table("CINdetails").filter(after_assessment)
    assessed = ret.table("Assessments").select(EPISODE)
    return failures("CINdetails", episodes.join(assessed, on=EPISODE, how="anti"), fields=FIELDS)


RULE = Rule(
    code="8825Q",
    severity="query",
    message=(
        "Please check and either amend data or provide a reason: Reason for Closure "
        "code RC8 (case closed after assessment) or RC9 (case closed after "
        "assessment, referred to early help) has been returned but there is no "
        "assessment present for the episode."
    ),
    tables=("CINdetails", "Assessments"),
    fields=FIELDS,
    check=_check,
)
