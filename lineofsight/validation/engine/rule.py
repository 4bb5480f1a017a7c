"""One DfE validation rule, and the frame of failures its check returns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import polars as pl

if TYPE_CHECKING:
    from lineofsight.validation.engine.returns import Return

Severity = Literal["error", "query"]

# What every check returns: one row per failing row of a table (or per LA-level failure).
FAILURE_SCHEMA = pl.Schema(
    {"table": pl.String, "row": pl.Int64, "child_id": pl.String, "values": pl.String}
)
CHILD_ID = "LAchildID"


@dataclass(frozen=True)
class Rule:
    """A DfE rule: its code, severity and message as published, and the check that applies it.

    `tables` are the tables the check reads (the rule is skipped when one is absent);
    `fields` are the DfE affected fields shown beside each failure. `derived` names the
    Episodes columns DfE derives from postcodes (PL_LA, PL_LOCATION, PL_DISTANCE): they are
    not uploaded, so the rule runs only where the return carries them. `columns` names other
    columns ("Table.COLUMN") that only some returns carry, such as the Header's UASC flag of
    the XML form. A rule that `needs_previous` also needs its `derived` and `columns` in last
    year's return. `needs_la_code`: the check compares with the council's own ONS code
    (`Return.la_code`).
    """

    code: str
    severity: Severity
    message: str
    tables: tuple[str, ...]
    fields: tuple[str, ...]
    check: Callable[[Return], pl.DataFrame]
    la_level: bool = False
    needs_previous: bool = False
    derived: tuple[str, ...] = ()
    needs_la_code: bool = False
    columns: tuple[str, ...] = ()


def _shown(column: str, dtype: pl.DataType) -> pl.Expr:
    """A column's value as text for the `values` column (lists joined by commas)."""
    value = pl.col(column)
    if isinstance(dtype, pl.List):
        value = value.cast(pl.List(pl.String)).list.join(",")
    return pl.concat_str(pl.lit(f"{column}="), value.cast(pl.String).fill_null(""))


def failures(table: str, frame: pl.DataFrame, *, fields: Sequence[str]) -> pl.DataFrame:
    """The failure frame for the rows of `table` left in `frame` (filtered by the check).

    `frame` must keep the table's `row` column; its `LAchildID` (if any) becomes `child_id`;
    `fields` (columns of `frame`, possibly joined from other tables) make up `values`.
    """
    child = pl.col(CHILD_ID) if CHILD_ID in frame.columns else pl.lit(None, dtype=pl.String)
    shown = [_shown(field, frame.schema[field]) for field in fields]
    return frame.select(
        pl.lit(table, dtype=pl.String).alias("table"),
        pl.col("row").cast(pl.Int64),
        child.cast(pl.String).alias("child_id"),
        (pl.concat_str(shown, separator="; ") if shown else pl.lit("")).alias("values"),
    ).unique(maintain_order=True)


def la_failure(table: str, values: str) -> pl.DataFrame:
    """One failure about the whole return (LA-level), pointing at no row or child."""
    return pl.DataFrame(
        {"table": [table], "row": [None], "child_id": [None], "values": [values]},
        schema=FAILURE_SCHEMA,
    )


def no_failures() -> pl.DataFrame:
    return pl.DataFrame(schema=FAILURE_SCHEMA)
