"""555: an episode under a freeing order (D1), and the child has no PlacedAdoption row with a
DATE_PLACED.

The episode is shown, as the PlacedAdoption row it lacks has no row to point at."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import (
    ORDER_WITHOUT_DECISION_FIELDS as FIELDS,
)
from lineofsight.validation.ssda903.checks import order_without_decision


def _check(ret: Return) -> pl.DataFrame:
    return order_without_decision(ret, "D1")


RULE = Rule(
    code="555",
    severity="error",
    message=(
        "Freeing order has been granted but there is no date of decision that the child "
        "should be placed for adoption."
    ),
    tables=("Episodes", "PlacedAdoption"),
    fields=FIELDS,
    check=_check,
)
