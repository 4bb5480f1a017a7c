"""178 (2025-26): the placement provider is not PR0-PR5, or one is given for a placement
that takes none.

DfE's 2025-26 condition: if provided, PLACE_PROVIDER must be a valid code, and it should not
be provided where PLACE is T0, T1, T2, T3, Z11, Z12, Z13 or Z14. The list is taken as DfE
wrote it: T4 is not in it (a provider for T4 is 213's), nor is Z1 (gone in 2025-26).
A blank provider passes (526 asks for one, 213 says none).

Change from 2024-25: the rule was about the code alone; 2025-26 adds the placements that
take no provider.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import codes, found

FIELDS = ("PLACE_PROVIDER",)
NO_PROVIDER = ("T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14")


def _check(ret: Return) -> pl.DataFrame:
    provider = pl.col("PLACE_PROVIDER")
    invalid = ~provider.is_in(codes(ret.year, "Episodes", "PLACE_PROVIDER"))
    not_taken = pl.col("PLACE").is_in(NO_PROVIDER).fill_null(False)
    frame = ret.table("Episodes").filter(provider.is_not_null() & (invalid | not_taken))
    return found("Episodes", frame, fields=("PLACE", "PLACE_PROVIDER"))


RULE = Rule(
    code="178",
    severity="error",
    message="Placement provider code is not a valid code.",
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)
