"""Frames for the timeliness tests, whose counted rows are the timescale engine's obligations."""

from typing import Any

import polars as pl

from lineofsight.indicators.tests.frames import build
from lineofsight.timescales.domain.engine import INPUT_TABLES


def engine_frames(**tables: list[dict[str, Any]]) -> dict[str, pl.DataFrame]:
    """Every table the timescale engine reads (empty unless given): it needs them all."""
    return build(**({name: [] for name in INPUT_TABLES} | tables))
