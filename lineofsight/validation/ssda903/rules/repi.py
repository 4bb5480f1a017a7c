"""EPI: a child in Header has no episodes. Care leavers in OC3 need none (they may not have
been looked after in the year), so they are left out."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("CHILD",)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Header").join(
        ret.table("Episodes").select("CHILD").unique(), on="CHILD", how="anti"
    )
    if "OC3" in ret.tables:
        frame = frame.join(ret.table("OC3").select("CHILD").unique(), on="CHILD", how="anti")
    return found("Header", frame, fields=FIELDS)


RULE = Rule(
    code="EPI",
    severity="error",
    message=(
        "WARNING: Episodes need to be loaded for this child before further validation is "
        "possible [NOTE: This refers to the DfE portal - here, all checks that can be "
        "performed with only the available data will be.]"
    ),
    tables=("Episodes", "Header"),
    fields=FIELDS,
    check=_check,
)
