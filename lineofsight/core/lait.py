"""Published DfE figures from the Local Authority Interactive Tool (LAIT) data.

LAIT's long table (`dfe/lait/bds_long_0.parquet` under `settings.SHARED_DATA_DIR`) holds every
English council's published figures by measure and year ending 31 March. Only the measures in
`LAIT_MEASURES` are read, once per process, and kept in memory.
"""

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import polars as pl
from django.conf import settings

logger = logging.getLogger(__name__)

LAIT_PATH = Path("dfe", "lait", "bds_long_0.parquet")
LAIT_SOURCE = "Department for Education, Local Authority Interactive Tool (LAIT)"


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

_Key = tuple[str, int, str]  # (LA number or lower-cased name, year, measure code)


def lait_value(*, la_number: str, la_name: str, year: int, measure: str) -> float | None:
    """A council's published figure for the year ending 31 March `year`, or None.

    None when the file is missing, the council or year is not there, or the figure is
    suppressed. The council is matched on its old 3-digit LA number, else on its name.
    """
    if measure not in LAIT_MEASURES:
        raise ValueError(f"{measure} is not one of the LAIT measures read: {sorted(LAIT_MEASURES)}")
    table = _lait_table(str(Path(settings.SHARED_DATA_DIR) / LAIT_PATH))
    if la_number and (la_number, year, measure) in table:
        return table[(la_number, year, measure)]
    return table.get((la_name.strip().lower(), year, measure))


@lru_cache(maxsize=2)
def _lait_table(path: str) -> dict[_Key, float | None]:
    try:
        frame = pl.read_parquet(
            path, columns=["Short Desc", "Years", "LA and Regions", "Values", "LA Number"]
        )
    except (FileNotFoundError, pl.exceptions.PolarsError, OSError) as error:
        logger.warning("published DfE figures unavailable: %s", error)
        return {}
    frame = frame.filter(
        pl.col("Short Desc").is_in(list(LAIT_MEASURES)) & pl.col("Years").str.contains(r"^\d{4}$")
    ).with_columns(
        pl.col("Values").cast(pl.Float64, strict=False).alias("value"),
        pl.col("Years").cast(pl.Int32).alias("year"),
        pl.col("LA Number").cast(pl.Int32, strict=False).cast(pl.String).alias("la_number"),
    )
    table: dict[_Key, float | None] = {}
    for row in frame.iter_rows(named=True):
        measure, year, value = row["Short Desc"], row["year"], row["value"]
        if row["la_number"]:
            table[(row["la_number"], year, measure)] = value
        if row["LA and Regions"]:
            table[(row["LA and Regions"].strip().lower(), year, measure)] = value
    return table
