"""(being written)"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import polars as pl

from lineofsight.timescales.domain.engine.chains import empty
from lineofsight.timescales.domain.timescale import TimescaleConfig


def obligations(
    frames: Mapping[str, pl.DataFrame], as_of: dt.date, config: TimescaleConfig
) -> pl.DataFrame:
    return empty()
