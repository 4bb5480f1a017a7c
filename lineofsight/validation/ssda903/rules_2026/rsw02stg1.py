"""SW02STG1 (2025-26): the social worker id does not start SW (a Social Work England number)
or XX, or is no more than that prefix.

D2I's 2025-26 check quotes no condition; it adds to the prefix check that an id shorter
than four characters fails ("SW", "XX" and "SW1" do; "SW12" passes), read as: the prefix
must be followed by a number of at least two characters. The prefix is case-sensitive as
before. A blank id is SW03STG1's.

Change from 2024-25: ids shorter than four characters now fail.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("SW_ID",)
MIN_LENGTH = 4


def _check(ret: Return) -> pl.DataFrame:
    sw_id = pl.col("SW_ID")
    bad = ~sw_id.str.contains("^(SW|XX)") | (sw_id.str.len_chars() < MIN_LENGTH)
    frame = ret.table("SWEpisodes").filter(sw_id.is_not_null() & bad)
    return found("SWEpisodes", frame, fields=FIELDS)


RULE = Rule(
    code="SW02STG1",
    severity="error",
    message="Social worker ID does not begin with the characters ‘SW’ or ‘XX’.",  # noqa: RUF001 (DfE's text)
    tables=("SWEpisodes",),
    fields=FIELDS,
    check=_check,
)
