"""CP-19 Care proceedings concluded within 26 weeks (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._protection import TIMED, obligations_in
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, on_time


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    # T-24: 26 weeks from the application's issue to the end of the proceedings. Concluded in
    # the period = met in it, whatever the outcome.
    rows = obligations_in(frames, "T-24", "met_on", periods, TIMED)
    return counted(
        rows,
        item="start_key",
        on="met_on",
        numerator=on_time(),
        team="team_id",
        worker="worker_id",
    )


DEFINITION = IndicatorDefinition(
    code="care_proceedings_26wk_pct",
    ref="CP-19",
    title="Care proceedings concluded within 26 weeks",
    description=(
        "Of the care (or supervision) order proceedings that concluded in the period, each "
        "child's counted, the share concluded within 26 weeks of the application being issued "
        "(the timescale engine's T-24; Children Act 1989 s32). No extension is recorded, so a "
        "case extended by the court and concluded after 26 weeks counts as late. MoJ "
        "publishes this by court area, not by council; no LAIT measure. Source: Children and "
        "Families Act 2014; MoJ Family Court Statistics (local measure)."
    ),
    source="local (MoJ definition)",
    area=Area.CHILD_PROTECTION,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("obligations",),
    compute=compute,
)
