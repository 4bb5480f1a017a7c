"""8873Q: an episode closed with one assessment only, completed with factor 21 ("no factors
identified"), should be closed RC8 or RC9 (after assessment).

Read as: only episodes with a reason for closure are checked (an open episode has none to
amend); the episode's row fails.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import EPISODE
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("ReasonForClosure",)


def _check(ret: Return) -> pl.DataFrame:
    assessments = ret.table("Assessments")
    only_one = assessments.filter(pl.len().over(EPISODE) == 1)
    no_factors = only_one.filter(
        pl.col("AssessmentAuthorisationDate").is_not_null()
        & pl.col("AssessmentFactors").list.contains("21")
    )
    reason = pl.col("ReasonForClosure")
    episodes = ret.table("CINdetails").filter(reason.is_not_null() & ~reason.is_in(["RC8", "RC9"]))
    return failures("CINdetails", episodes.join(no_factors, on=EPISODE, how="semi"), fields=FIELDS)


RULE = Rule(
    code="8873Q",
    severity="query",
    message=(
        "Please check and either amend data or provide a reason: When there is only one "
        "assessment on the episode and the factors code “21 No factors identified” has been "
        "used for the completed assessment, the reason for closure \u2018RC8\u2019 or "
        "'RC9' should be used."
    ),
    tables=("CINdetails", "Assessments"),
    fields=FIELDS,
    check=_check,
)
