"""1104: an ICPC cannot be before the referral.

Read as covering the ICPC wherever it is recorded: on the Section47 block, or on the
episode itself (CINdetails' DateOfInitialCPC, used when there was no s47, see 2884).
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import with_episode
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("DateOfInitialCPC", "CINreferralDate")


def _check(ret: Return) -> pl.DataFrame:
    early = pl.col("DateOfInitialCPC") < pl.col("CINreferralDate")
    enquiries = with_episode(ret, "Section47", "CINreferralDate").filter(early)
    episodes = ret.table("CINdetails").filter(early)
    return pl.concat(
        [
            failures("Section47", enquiries, fields=FIELDS),
            failures("CINdetails", episodes, fields=FIELDS),
        ]
    )


RULE = Rule(
    code="1104",
    severity="error",
    message=(
        "The date of the initial child protection conference cannot be before the referral date"
    ),
    tables=("Section47", "CINdetails"),
    fields=FIELDS,
    check=_check,
)
