"""What many SSDA903 rules share: the collection year, birthdays, code lists and failures.

Codes valid "for the year" are the year's spec's code lists (`ssda903_spec`), so one rule
serves every year whose list it checks (e.g. PLACE gains K3 in 2024-25, Z11-Z14 in 2025-26).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import polars as pl

from lineofsight.returns.ssda903.spec import ssda903_spec
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import CHILD_ID, failures
from lineofsight.validation.ssda903.tables import DFE_NAMES, spec_year, text_column

TEMPORARY = ("T0", "T1", "T2", "T3", "T4")
OTHER_PLACEMENTS = ("Z1", "Z11", "Z12", "Z13", "Z14")
ADOPTION_PLACEMENTS = ("A3", "A4", "A5", "A6")
FOSTER_PLACEMENTS = ("U1", "U2", "U3", "U4", "U5", "U6")
_SPEC_NAMES = {dfe: key for key, dfe in DFE_NAMES.items()}


def year_start(year: int) -> dt.date:
    """1 April starting the collection year ending 31 March `year`."""
    return dt.date(year - 1, 4, 1)


def year_end(year: int) -> dt.date:
    return dt.date(year, 3, 31)


def birthday(born: pl.Expr, age: int) -> pl.Expr:
    """The `age`th birthday; one born on 29 February has it on 1 March in a common year."""
    day = born.dt.offset_by(f"{age}y")
    leapling = (born.dt.month() == 2) & (born.dt.day() == 29) & (day.dt.day() == 28)
    return pl.when(leapling).then(day.dt.offset_by("1d")).otherwise(day)


def found(table: str, frame: pl.DataFrame, *, fields: Sequence[str]) -> pl.DataFrame:
    """The failure frame for `frame`'s rows of `table`, naming each child by CHILD."""
    if "CHILD" in frame.columns:
        frame = frame.with_columns(pl.col("CHILD").alias(CHILD_ID))
    return failures(table, frame, fields=fields)


def codes(year: int, table: str, column: str) -> list[str]:
    """The codes valid in `table`.`column` (DfE names) in the collection year's spec."""
    spec = ssda903_spec(spec_year(year)).tables[_SPEC_NAMES[table]]
    return sorted(spec.column(column).code_values)


def code_invalid(ret: Return, table: str, column: str, *, required: bool) -> pl.DataFrame:
    """Rows whose `column` is not one of the year's codes (or blank, if `required`)."""
    value = pl.col(column)
    bad = value.is_not_null() & ~value.is_in(codes(ret.year, table, column))
    if required:
        bad = bad | value.is_null()
    return found(table, ret.table(table).filter(bad), fields=(column,))


def date_invalid(ret: Return, table: str, column: str, *, required: bool) -> pl.DataFrame:
    """Rows whose `column` was given but is not a date (or is blank, if `required`)."""
    frame = ret.table(table)
    text = text_column(column)
    bad = pl.col(column).is_null() & pl.col(text).is_not_null()
    if required:
        bad = pl.col(column).is_null()
    frame = frame.filter(bad).with_columns(pl.col(text).alias(column))
    return found(table, frame, fields=(column,))


def code_named(year: int, table: str, column: str, label: str) -> str | None:
    """The year's code labelled `label` (e.g. SEX "Male" is 1 to 2023-24, M after)."""
    spec = ssda903_spec(spec_year(year)).tables[_SPEC_NAMES[table]]
    return spec.column(column).code_named(label)


def with_header(ret: Return, table: str, *columns: str) -> pl.DataFrame:
    """`table` with the child's Header `columns` joined on CHILD (each named as in Header,
    or `<column>_header` where `table` has a column of that name)."""
    frame = ret.table(table)
    header = (
        ret.table("Header")
        .unique("CHILD", keep="first", maintain_order=True)
        .select(
            "CHILD", *(pl.col(c).alias(f"{c}_header" if c in frame.columns else c) for c in columns)
        )
    )
    return frame.join(header, on="CHILD", how="left", maintain_order="left")


def episodes_in_order(ret: Return) -> pl.DataFrame:
    """Episodes sorted by child and start, with the child's previous and next episode's
    DECOM, DEC, REC and PLACE (`prev_*`, `next_*`; null for the first/last)."""
    shifted = ("DECOM", "DEC", "REC", "PLACE")
    return (
        ret.table("Episodes")
        .sort("CHILD", "DECOM", "row", nulls_last=True)
        .with_columns(
            *(pl.col(c).shift(1).over("CHILD").alias(f"prev_{c}") for c in shifted),
            *(pl.col(c).shift(-1).over("CHILD").alias(f"next_{c}") for c in shifted),
        )
    )
