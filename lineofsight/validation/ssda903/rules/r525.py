"""525: a child whose latest decision to be placed for adoption was reversed during the
year (DATE_PLACED_CEASED on or after 1 April) has AD1 (adoption) items completed.

"Reversed" is read as the child's latest PlacedAdoption row (by DATE_PLACED) having ceased
in the collection year; adoption as any AD1 item given. The AD1 row is shown."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, year_start

FIELDS = (
    "DATE_INT",
    "DATE_MATCH",
    "DATE_PLACED_CEASED",
    "FOSTER_CARE",
    "LS_ADOPTR",
    "NB_ADOPTR",
    "SEX_ADOPTR",
)
AD1_ITEMS = ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")


def _check(ret: Return) -> pl.DataFrame:
    reversed_ = (
        ret.table("PlacedAdoption")
        .sort("CHILD", "DATE_PLACED", nulls_last=True)
        .group_by("CHILD", maintain_order=True)
        .agg(pl.col("DATE_PLACED_CEASED").last())
        .filter(pl.col("DATE_PLACED_CEASED") >= year_start(ret.year))
    )
    frame = ret.table("AD1").join(reversed_, on="CHILD", how="inner")
    given = pl.any_horizontal(pl.col(c).is_not_null() for c in AD1_ITEMS)
    return found("AD1", frame.filter(given), fields=FIELDS)


RULE = Rule(
    code="525",
    severity="error",
    message=(
        "A child for whom the decision to be placed for adoption has been reversed cannot be "
        "adopted during the year."
    ),
    tables=("AD1", "PlacedAdoption"),
    fields=FIELDS,
    check=_check,
)
