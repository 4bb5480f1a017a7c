"""CLA-34 Children ceasing care through a special guardianship order (% of those ceasing)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._outcomes import SGO_REASONS, cessation_share
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

compute = cessation_share(pl.col("reason_ceased").is_in(SGO_REASONS).fill_null(False))


DEFINITION = IndicatorDefinition(
    code="cla_ceased_sgo_pct",
    ref="CLA-34",
    title="Children ceasing care through a special guardianship order",
    description=(
        "Of children who ceased to be looked after in the period (short breaks excluded; "
        "only each child's last cessation in the period counts), the share who left care "
        "through a special guardianship order: reason ceased E43 or E44 (to 2017-18) or E45 "
        "to E48 (from 2018-19). Source: DfE 'Children looked after in England', table D; LAIT "
        "'LAC_ceased_SGO%'."
    ),
    source="DfE SSDA903 (table D)",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("cla_episode",),
    compute=compute,
    benchmark=Benchmark(lait="LAC_ceased_SGO%"),
)
