"""Polars enum types for the engine's low-cardinality columns.

A rule code, status, area or tag repeats across millions of rows for a large council; as enums
they are stored once and compared as integers, which halves the engine's time on England.
"""

from __future__ import annotations

import polars as pl

from lineofsight.timescales.domain.engine.status import STATUS_ENUM
from lineofsight.timescales.domain.rules import RULES
from lineofsight.timescales.domain.timescale import Area, Tag

RULE = pl.Enum(list(RULES))
STATUS = STATUS_ENUM
AREA = pl.Enum([area.value for area in Area])
TAG = pl.Enum([tag.value for tag in Tag])
TITLE = pl.Enum(list(dict.fromkeys(rule.title for rule in RULES.values())))
