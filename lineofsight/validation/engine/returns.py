"""A statutory return as typed tables: what every rule's check reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import polars as pl

ReturnKind = Literal["cin_census", "ssda903"]


@dataclass(frozen=True)
class Return:
    """One collection year's return (`year` = the 31 March it ends on, 2025 = 2024-25).

    Each table is typed (dates as `pl.Date`, flags as `pl.Boolean`, counts as integers,
    codes as strings) and has a `row` column, its 0-based index, so failures point at rows.
    `previous` is last year's return, for the rules that compare the two. `la_code` is the
    returning council's ONS code (E08000030), for rules about placements in its own area.
    """

    kind: ReturnKind
    year: int
    tables: dict[str, pl.DataFrame] = field(repr=False)
    previous: Return | None = None
    la_code: str | None = None

    def __post_init__(self) -> None:
        for name, table in self.tables.items():
            if table.schema.get("row") != pl.Int64:
                raise ValueError(f"{self.kind} {self.year}: table {name} has no Int64 row column")

    def table(self, name: str) -> pl.DataFrame:
        return self.tables[name]
