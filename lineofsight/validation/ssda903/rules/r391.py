"""391: a care leaver was not aged 17 to 21 on any day of the collection year.

Fails when the 17th birthday is after 31 March or the 22nd is on or before 1 April."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found, year_end, year_start

FIELDS = ("DOB", "IN_TOUCH", "ACTIV", "ACCOM")


def _check(ret: Return) -> pl.DataFrame:
    born = pl.col("DOB")
    frame = ret.table("OC3")
    return found(
        "OC3",
        frame.filter(
            (birthday(born, 17) > year_end(ret.year)) | (birthday(born, 22) <= year_start(ret.year))
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="391",
    severity="error",
    message=("Young person was not 17, 18, 19, 20 or 21 during the current collection year."),
    tables=("OC3",),
    fields=FIELDS,
    check=_check,
)
