"""What every return's column specification is made of: kinds of column and their codes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ColumnKind = Literal["string", "date", "category", "numeric"]


@dataclass(frozen=True)
class Code:
    """One permitted value of a coded column, with the other spellings that mean it."""

    code: str
    names: tuple[str, ...]
