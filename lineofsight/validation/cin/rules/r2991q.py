"""2991Q: an episode with a section 47 enquiry should have an assessment."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import EPISODE
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CINdetailsID",)


def _check(ret: Return) -> pl.DataFrame:
    enquired = ret.table("CINdetails").join(ret.table("Section47"), on=EPISODE, how="semi")
    assessed = ret.table("Assessments").select(EPISODE)
    return failures("CINdetails", enquired.join(assessed, on=EPISODE, how="anti"), fields=FIELDS)


RULE = Rule(
    code="2991Q",
    severity="query",
    message=(
        "Please check and either amend data or provide a reason: A Section 47 module "
        "is recorded and there is no assessment on the episode"
    ),
    tables=("CINdetails", "Section47", "Assessments"),
    fields=FIELDS,
    check=_check,
)
