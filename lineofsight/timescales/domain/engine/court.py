"""Court: T-24 care proceedings within 26 weeks, T-25 (local) pre-proceedings within 16 weeks.

Each legal proceeding of kind "care" (T-24) or "pre_proceedings" (T-25) starts a clock on its
`started_on`; it is met by the proceeding's `ended_on`, whatever the outcome.

How the model is read:

* The model records no extension, so the court's 8-week extensions under CA 1989 s32(5) are not
  allowed for: a case concluded in week 30 after an extension reads as met late.
* The 26-week limit is applied to every care application, including those issued before the
  Children and Families Act 2014 brought it in (22 April 2014); restrict the period when
  reporting on earlier years.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import polars as pl

from lineofsight.timescales.domain.engine.chains import empty, single
from lineofsight.timescales.domain.engine.selection import EVERYTHING, Scope
from lineofsight.timescales.domain.rules import timescale
from lineofsight.timescales.domain.timescale import TimescaleConfig

KINDS = (("T-24", "care"), ("T-25", "pre_proceedings"))


def obligations(
    frames: Mapping[str, pl.DataFrame],
    as_of: dt.date,
    config: TimescaleConfig,
    scope: Scope = EVERYTHING,
) -> pl.DataFrame:
    proceedings = frames["legal_proceeding"]
    parts = [
        single(
            proceedings.filter(pl.col("kind") == kind).select(
                "child_id",
                pl.lit(kind).alias("start_kind"),
                pl.col("key").alias("start_key"),
                pl.col("started_on").alias("start_on"),
                pl.col("key").alias("met_key"),
                pl.col("ended_on").alias("met_on"),
            ),
            None,
            rule=timescale(code),
            config=config,
            as_of=as_of,
            met_kind=f"{kind}_concluded",
        )
        for code, kind in KINDS
        if scope.wants(code)
    ]
    return pl.concat([empty(), *parts], how="vertical_relaxed")
