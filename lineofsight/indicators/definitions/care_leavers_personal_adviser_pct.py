"""CL-10 Care leavers with an allocated personal adviser (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._leavers import open_to_service
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, table


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    rows = open_to_service(frames, periods)
    advisers = table(frames, "allocation").filter(pl.col("role") == "personal_adviser")
    end = pl.col("end")
    allocated = (
        rows.select("period", "end", "child_id")
        .join(
            advisers.select("child_id", "started_on", "ended_on", "worker_id", "team_id"),
            on="child_id",
            how="inner",
        )
        .filter(
            pl.col("started_on") <= end,
            pl.col("ended_on").is_null() | (pl.col("ended_on") > end),
        )
        # Two advisers at once: the one allocated last holds the young person.
        .sort("started_on")
        .unique(["period", "child_id"], keep="last")
        .select("period", "child_id", pl.lit(True).alias("allocated"), "worker_id", "team_id")
    )
    rows = rows.join(allocated, on=["period", "child_id"], how="left")
    return counted(
        rows,
        item="child_id",
        on="end",
        numerator=pl.col("allocated").fill_null(False),
        # The allocation names the adviser and their team; without one the engine looks for
        # another case holder.
        team="team_id",
        worker="worker_id",
    )


DEFINITION = IndicatorDefinition(
    code="care_leavers_personal_adviser_pct",
    ref="CL-10",
    title="Care leavers with an allocated personal adviser",
    description=(
        "Of the care leavers open to the service at the period's end (left care at 16 or "
        "over after 13 weeks looked after since their 14th birthday, not to home, an order, "
        "adoption or another council; not yet 21 and not died), the share with a personal "
        "adviser allocation open on that day (an allocation ending that day is not open). "
        "The duty to advise up to 25 on request is not counted. Source: local (Ofsted ILACS "
        "Annex A list 9)."
    ),
    source="local",
    area=Area.CARE_LEAVERS,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("child", "cla_episode", "care_leaver_status", "allocation"),
    compute=compute,
)
