"""CLA-17 Health: immunisations up to date (%)."""

from __future__ import annotations

from lineofsight.indicators.definitions._outcomes import status_share
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

# A status, not an event: the latest record by the period's end says whether the child is
# up to date, however long ago it was made (as the SSDA903 exporter reads it).
compute = status_share("immunisations")


DEFINITION = IndicatorDefinition(
    code="cla_immunisations_pct",
    ref="CLA-17",
    title="Looked-after children whose immunisations are up to date",
    description=(
        "Of children looked after at the period's end who had been looked after continuously "
        "for at least 12 months (short breaks excluded), the share whose immunisations were up "
        "to date: all those due for their age, including any due before they came into care. "
        "Read from the child's latest immunisations record on or before the period's end "
        "(value 1 up to date, 0 not); a child with no record counts as not up to date. Source: "
        "DfE 'Children looked after in England', OC2 health outcomes; LAIT 'LACVaccinations%'."
    ),
    source="DfE SSDA903 (OC2)",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("cla_episode", "child", "health_check"),
    compute=compute,
    benchmark=Benchmark(lait="LACVaccinations%"),
)
