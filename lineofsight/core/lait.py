"""Published DfE figures (LAIT) for pages, read from `settings.SHARED_DATA_DIR`.

A thin adapter over `core.domain.published`, the one reader of the LAIT file (the
synthesiser calibrates from the same one). A page never fails for want of the file: a
missing file or figure is None.
"""

import logging
from dataclasses import dataclass
from pathlib import Path

import polars as pl
from django.conf import settings

from lineofsight.core.domain.published import (
    LAIT_PATH,
    la_number_for,
    published_cache_clear,
    published_value,
)

logger = logging.getLogger(__name__)

LAIT_SOURCE = "Department for Education, Local Authority Interactive Tool (LAIT)"
__all__ = ["LAIT_MEASURES", "LAIT_PATH", "LAIT_SOURCE", "lait_cache_clear", "lait_value"]


@dataclass(frozen=True, kw_only=True)
class LaitMeasure:
    code: str  # LAIT's `Short Desc`
    title: str


LAIT_MEASURES = {
    measure.code: measure
    for measure in (
        LaitMeasure(code="CIN", title="Children in need, rate per 10,000 children"),
        LaitMeasure(code="CPP_Num", title="Children on child protection plans, number"),
        LaitMeasure(code="CPP_rate", title="Children on child protection plans, rate per 10,000"),
        LaitMeasure(code="LACnum", title="Children looked after, number"),
        LaitMeasure(code="LAC", title="Children looked after, rate per 10,000 children"),
        LaitMeasure(code="NoCareLeavers", title="Care leavers aged 19 to 21, number"),
    )
}


def lait_value(*, la_number: str, la_name: str, year: int, measure: str) -> float | None:
    """A council's published figure for the year ending 31 March `year`, or None.

    None when the file is missing, the council or year is not there, or the figure is
    suppressed. The council is matched on its old 3-digit LA number, else on its name.
    """
    if measure not in LAIT_MEASURES:
        raise ValueError(f"{measure} is not one of the LAIT measures read: {sorted(LAIT_MEASURES)}")
    root = Path(settings.SHARED_DATA_DIR)
    try:
        number = la_number or la_number_for(la_name, root=root)
        if not number:
            return None
        return published_value(la_number=number, year=year, measure=measure, root=root)
    except (FileNotFoundError, pl.exceptions.PolarsError, OSError) as error:
        logger.warning("published DfE figures unavailable: %s", error)
        return None


def lait_cache_clear() -> None:
    published_cache_clear()
