"""165: Header MOTHER is not valid for the child.

DfE: "If provided <MOTHER> must be a valid value (and child must be female). If not provided
<MOTHER> then either <GENDER> is male or no episode record for current year and any of
<IN_TOUCH>, <ACTIV> or <ACCOM> have been provided." Read as three faults: MOTHER given but
not 0 or 1; MOTHER given for a child whose SEX is not the year's female code; MOTHER blank
for a girl with an episode in the year. The text predates the unknown sex code (U, 2024-25
on), and read literally it fails a child of unknown sex whether MOTHER is given or not: such a
child is read as not asked for MOTHER (blank passes), while MOTHER given still fails, as the
child is not recorded female. Episodes under
short breaks (V3, V4) do not count, as rule 399 asks no MOTHER of a child looked after only
so; a care leaver with no episode is not asked for MOTHER (rule 628), whether or not their
OC3 items are given (so OC3, in DfE's tables, is not read). The Header row fails."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import code_named, codes, found, year_end, year_start

FIELDS = ("MOTHER", "SEX")


def looked_after_in_year(ret: Return) -> pl.Series:
    """Children with an episode other than a short break (V3, V4) overlapping the year."""
    overlaps = (pl.col("DECOM") <= year_end(ret.year)) & (
        pl.col("DEC").is_null() | (pl.col("DEC") >= year_start(ret.year))
    )
    episodes = ret.table("Episodes").filter(
        overlaps & ~pl.col("LS").is_in(["V3", "V4"]).fill_null(False)
    )
    return episodes["CHILD"].unique()


def _check(ret: Return) -> pl.DataFrame:
    female = code_named(ret.year, "Header", "SEX", "Female")
    mother, sex = pl.col("MOTHER"), pl.col("SEX")
    invalid = mother.is_not_null() & ~mother.is_in(codes(ret.year, "Header", "MOTHER"))
    not_female = mother.is_not_null() & sex.is_not_null() & (sex != female)
    looked_after = pl.col("CHILD").is_in(looked_after_in_year(ret).implode())
    missing = mother.is_null() & (sex == female) & looked_after
    frame = ret.table("Header").filter(invalid | not_female | missing)
    return found("Header", frame, fields=FIELDS)


RULE = Rule(
    code="165",
    severity="error",
    message="Data entry for mother status is invalid.",
    tables=("Episodes", "Header"),
    fields=FIELDS,
    check=_check,
)
