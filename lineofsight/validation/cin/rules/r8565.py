"""8565: nothing in a closed episode can be dated after its closure.

The closure date must be on or after every date present among the episode's assessment
starts and authorisations, section 47 starts, initial conferences (at episode and section 47
level), CP plan ends and CIN plan starts and ends. Each row holding a later date fails, in
its own table.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import with_episode
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = (
    "CINclosureDate",
    "DateOfInitialCPC",
    "AssessmentActualStartDate",
    "AssessmentAuthorisationDate",
    "S47ActualStartDate",
    "CPPendDate",
    "CINPlanStartDate",
    "CINPlanEndDate",
)
# Each table the rule reads, and its dates that must not be after the closure.
DATES = {
    "CINdetails": ("DateOfInitialCPC",),
    "Assessments": ("AssessmentActualStartDate", "AssessmentAuthorisationDate"),
    "Section47": ("S47ActualStartDate", "DateOfInitialCPC"),
    "ChildProtectionPlans": ("CPPendDate",),
    "CINplanDates": ("CINPlanStartDate", "CINPlanEndDate"),
}


def _check(ret: Return) -> pl.DataFrame:
    found = []
    for table, dates in DATES.items():
        if table == "CINdetails":
            rows = ret.table(table)
        else:
            rows = with_episode(ret, table, "CINclosureDate")
        late = pl.any_horizontal(pl.col(date) > pl.col("CINclosureDate") for date in dates)
        found.append(
            failures(table, rows.filter(late.fill_null(False)), fields=("CINclosureDate", *dates))
        )
    return pl.concat(found)


RULE = Rule(
    code="8565",
    severity="error",
    message="Activity shown after a case has been closed",
    tables=tuple(DATES),
    fields=FIELDS,
    check=_check,
)
