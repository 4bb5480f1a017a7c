"""CP-02 Section 47 enquiries leading to an initial child protection conference (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._protection import enquiries
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, during, obligations


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    # The timescale engine's T-12 obligation pairs each enquiry with its ICPC (the linked
    # conference, or its referral's next unlinked one); an enquiry marked "ICPC not required"
    # has none, so it never counts as leading to a conference.
    icpc = (
        obligations(frames, ["T-12"], ("start_key", "met_key", "met_on"))
        .filter(pl.col("met_on").is_not_null())
        .group_by("start_key")
        .agg(pl.col("met_key").first().alias("icpc_key"))
    )
    rows = during(enquiries(frames), "enquiry_on", periods).join(
        icpc, left_on="key", right_on="start_key", how="left"
    )
    return counted(rows, item="key", on="enquiry_on", numerator=pl.col("icpc_key").is_not_null())


DEFINITION = IndicatorDefinition(
    code="s47_to_icpc_pct",
    ref="CP-02",
    title="Section 47 enquiries leading to an initial child protection conference",
    description=(
        "Of the S47 enquiries started in the period (on the initiating strategy discussion's "
        "date), the share where an initial or pre-birth child protection conference was held "
        "for the enquiry and the enquiry is not marked 'ICPC not required'. The conference may "
        "fall after the period ends, so the latest weeks read low until their conferences are "
        "held. DfE publishes only ICPCs and S47s in the year (C4), whose ratio approximates "
        "this; no LAIT measure is the same. Source: DfE 'Characteristics of children in need', "
        "table C4 (derived)."
    ),
    source="DfE CIN census (C4, derived)",
    area=Area.CHILD_PROTECTION,
    unit=Unit.PERCENT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("obligations", "section47_enquiry", "strategy_discussion", "referral"),
    rules=("T-12",),
    compute=compute,
)
