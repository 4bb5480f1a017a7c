"""CP-04 Initial child protection conferences within 15 working days of the strategy
discussion (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import (
    TIMED,
    Frames,
    counted,
    obligations_met,
    on_time,
)


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    # T-12 is this measure: 15 working days from the strategy discussion that initiated the
    # S47 to the initial (or pre-birth) conference. Met in the period = ICPCs held in it.
    rows = obligations_met(frames, ["T-12"], periods, TIMED)
    # Two enquiries of one referral can meet their clocks with the same conference: the
    # conference counts once, timed from the earlier enquiry.
    rows = rows.sort("start_on", "start_key").unique(
        ["period", "met_key"], keep="first", maintain_order=True
    )
    return counted(
        rows,
        item="met_key",
        on="met_on",
        numerator=on_time(),
        team="team_id",
        worker="worker_id",
    )


DEFINITION = IndicatorDefinition(
    code="icpc_15wd_pct",
    ref="CP-04",
    title="Initial conferences within 15 working days of the strategy discussion",
    description=(
        "Of the initial and pre-birth child protection conferences held in the period, the "
        "share held within 15 working days of the strategy discussion at which the S47 "
        "enquiry leading to it was initiated (the census S47 start date; the enquiry's own "
        "start where no discussion is linked). Each conference counts once. Read from the "
        "timescale engine's T-12 obligations, so a conference with no S47 enquiry (a "
        "transfer-in) is not in the base. Source: Working Together; DfE 'Characteristics of "
        "children in need', table C4; LAIT 'CP_conf_15days'."
    ),
    source="DfE CIN census (C4)",
    area=Area.CHILD_PROTECTION,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("obligations",),
    rules=("T-12",),
    compute=compute,
    benchmark=Benchmark(lait="CP_conf_15days"),
)
