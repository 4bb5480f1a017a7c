"""AD-06 Average days from the agency decision that the child should be placed for adoption
to the match (children adopted)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._adoption import average_days
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

compute = average_days((pl.col("matched_on") - pl.col("decision_on")).dt.total_days())


DEFINITION = IndicatorDefinition(
    code="adoption_decision_to_match_avg_days",
    ref="AD-06",
    title="Average days from the 'should be placed for adoption' decision to the match",
    description=(
        "Of the children adopted in the period (a period of care ending E11 or E12), the "
        "mean number of days from the agency decision maker's decision that the child should "
        "be placed for adoption to the match with the adopters, read from the adoption "
        "record decided within that period of care (the one with an adoption order, else the "
        "latest). Children with no such record or no match date are listed outside the "
        "base. The six-month clock on the same interval is the timescale engine's T-74. "
        "Source: DfE CLA table E (adoption process stages)."
    ),
    source="DfE SSDA903",
    area=Area.ADOPTION,
    unit=Unit.DAYS,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.DURING,
    kind=Kind.MEAN,
    inputs=("cla_episode", "adoption"),
    compute=compute,
    decimals=0,
)
