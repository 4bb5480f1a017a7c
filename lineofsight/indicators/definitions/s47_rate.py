"""CP-01 Section 47 enquiries per 10,000 children."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._protection import enquiries
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, during


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    # Each enquiry counts, on the date of the strategy discussion that initiated it.
    rows = during(enquiries(frames), "enquiry_on", periods)
    return counted(rows, item="key", on="enquiry_on")


DEFINITION = IndicatorDefinition(
    code="s47_rate",
    ref="CP-01",
    title="Section 47 enquiries per 10,000 children",
    description=(
        "Section 47 enquiries started in the period, each one counted (a child with two "
        "enquiries counts twice), per 10,000 children aged 0-17. An enquiry starts on the date "
        "of the strategy discussion that initiated it (the CIN census S47 start date); with no "
        "linked discussion, on the enquiry's own start date. Source: DfE 'Characteristics of "
        "children in need', table C4; LAIT 'Section_47'."
    ),
    source="DfE CIN census (C4)",
    area=Area.CHILD_PROTECTION,
    unit=Unit.RATE_PER_10K,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.RATE_PER_10K,
    inputs=("section47_enquiry", "strategy_discussion", "referral"),
    compute=compute,
    benchmark=Benchmark(lait="Section_47"),
)
