"""SW02STG1: the social worker id does not start SW (a Social Work England number) or XX."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("SW_ID",)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("SWEpisodes")
    return found(
        "SWEpisodes",
        frame.filter(pl.col("SW_ID").is_not_null() & ~pl.col("SW_ID").str.contains("^(SW|XX)")),
        fields=FIELDS,
    )


RULE = Rule(
    code="SW02STG1",
    severity="error",
    message=("Social worker ID does not begin with the characters ‘SW’ or ‘XX’."),  # noqa: RUF001 (DfE's text)
    tables=("SWEpisodes",),
    fields=FIELDS,
    check=_check,
)
