"""SW04STG1 (2025-26): the social worker episode's start is blank or not a valid date.

Dates are DD/MM/YYYY; a partial date (ZZ) is not valid. D2I's 2025-26 check fails a blank
SW_DECOM as well as one that does not parse; a blank start is also SW03STG1's (incomplete
episode), so a blank start now fails both, as DfE's two rules do.

Change from 2024-25: a blank SW_DECOM fails (it was left to SW03STG1).
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import date_invalid

FIELDS = ("SW_DECOM",)


def _check(ret: Return) -> pl.DataFrame:
    return date_invalid(ret, "SWEpisodes", "SW_DECOM", required=True)


RULE = Rule(
    code="SW04STG1",
    severity="error",
    message="Date social worker episode began is not a valid date..",
    tables=("SWEpisodes",),
    fields=FIELDS,
    check=_check,
)
