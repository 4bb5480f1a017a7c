"""Partnership: complaints under the Children Act 1989 representations procedure.

* T-93: stage 1 response within 10 working days of receipt.
* T-94: stage 2 investigation within 25 working days.
* T-95: stage 3 review panel within 30 working days.

How the model is read:

* Each complaint row is one request at its `stage`; its `received_on` starts the clock of that
  stage's rule and its `responded_on` meets it. A complaint escalated to a later stage is
  expected as a new row at that stage.
* The model records no agreed extension (to 20 or 65 working days), so the base allowance applies.
* A complaint not about a named child (no `child_id`) is still an obligation of the service; it
  carries no child and so no responsible worker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import polars as pl

from lineofsight.timescales.domain.engine.chains import empty, single
from lineofsight.timescales.domain.engine.selection import EVERYTHING, Scope
from lineofsight.timescales.domain.rules import timescale
from lineofsight.timescales.domain.timescale import TimescaleConfig

STAGES = (("T-93", "1"), ("T-94", "2"), ("T-95", "3"))


def obligations(
    frames: Mapping[str, pl.DataFrame],
    as_of: dt.date,
    config: TimescaleConfig,
    scope: Scope = EVERYTHING,
) -> pl.DataFrame:
    complaints = frames["complaint"]
    parts = [
        single(
            complaints.filter(pl.col("stage") == stage).select(
                "child_id",
                pl.lit("complaint").alias("start_kind"),
                pl.col("key").alias("start_key"),
                pl.col("received_on").alias("start_on"),
                pl.col("key").alias("met_key"),
                pl.col("responded_on").alias("met_on"),
            ),
            None,
            rule=timescale(code),
            config=config,
            as_of=as_of,
            met_kind="complaint_response",
        )
        for code, stage in STAGES
        if scope.wants(code)
    ]
    return pl.concat([empty(), *parts], how="vertical_relaxed")
