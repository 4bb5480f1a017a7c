"""Comparators from DfE's published figures: England, the region, statistical neighbours and
the quartile band, as LAIT computes them.

* **Figures.** LAIT's long file (`dfe/lait/bds_long_0.parquet`) holds every council's, region's
  and England's value per measure and year, read by `core.domain.published.lait_values` (the
  same reader the synthesiser calibrates from).
* **Statistical neighbours.** LAIT compares a council with the simple mean of its 10
  neighbours, dropping any with no figure. The model is the one DfE published for the year:
  the May 2025 model from 2024-25 on, the April 2021 model before it. For years before 2021
  DfE's 2007 (NFER) model was in force, but its lists are not published in machine-readable
  form, so the April 2021 model is applied back and the comparator says so.
* **Quartile band.** The quartiles of all councils' values for the year (R's default
  `quantile()`, linear interpolation); band A is the best quartile by polarity (the lowest for
  "lower is better", the highest for "higher is better"), and a measure with no polarity has
  no band.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import polars as pl

from lineofsight.core.domain.published import (
    DATA_ROOT,
    ENGLAND,
    council_regions,
    lait_values,
)

SN_2021_PATH = Path("dfe/ees/New_Statistical_Neighbour_Groupings_April_2021.csv")
SN_2025_PATH = Path("dfe/ees/sn_model_2025_wide.csv")
FIRST_2025_MODEL_YEAR = 2025  # 2024-25, the first data year published under the May 2025 model
LAIT_SOURCE = "DfE Local Authority Interactive Tool (LAIT), bds_long_0.parquet"


@dataclass(frozen=True)
class Comparators:
    """One measure's comparators for one council and year (values in LAIT's unit)."""

    measure: str
    year: int
    council: float | None  # the council's own published figure
    england: float | None
    region: float | None
    region_name: str
    neighbours_mean: float | None
    neighbours_counted: int
    neighbour_model: str
    quartile_band: str | None
    quartiles: tuple[float, float, float] | None
    source: str = LAIT_SOURCE


@lru_cache(maxsize=8)
def _figures(root: Path, measures: tuple[str, ...]) -> pl.DataFrame:
    """measure, year, number (LA Number; 970 England, 98x regions), value."""
    return pl.DataFrame(
        [(m, y, n, v) for (m, n, y), v in lait_values(root, measures).items()],
        schema={
            "measure": pl.String(),
            "year": pl.Int32(),
            "number": pl.Int32(),
            "value": pl.Float64(),
        },
        orient="row",
    )


@lru_cache(maxsize=4)
def neighbour_models(root: Path) -> dict[str, dict[int, tuple[int, ...]]]:
    """Each model's LA number -> its 10 neighbours' LA numbers, closest first."""
    models: dict[str, dict[int, tuple[int, ...]]] = {}
    for name, path, own, prefix in (
        ("April 2021", SN_2021_PATH, "LA num", "SN"),
        ("May 2025", SN_2025_PATH, "old_la_code", "SN_"),
    ):
        with (root / path).open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = [cell.strip() for cell in next(reader)]
            columns = [header.index(f"{prefix}{n}") for n in range(1, 11)]
            at = header.index(own)
            lists: dict[int, tuple[int, ...]] = {}
            for row in reader:
                if not row or not row[at].strip().isdigit():
                    continue
                lists[int(row[at])] = tuple(
                    int(row[c]) for c in columns if c < len(row) and row[c].strip().isdigit()
                )
            models[name] = lists
    return models


def neighbour_model_for(year: int) -> str:
    return "May 2025" if year >= FIRST_2025_MODEL_YEAR else "April 2021"


def quartile_band(
    value: float | None, quartiles: tuple[float, float, float] | None, polarity: str
) -> str | None:
    """A (best) to D by polarity ("higher" / "lower"); None with no polarity or value."""
    if value is None or quartiles is None or polarity not in {"higher", "lower"}:
        return None
    low, middle, high = quartiles
    if polarity == "lower":
        return "A" if value <= low else "B" if value <= middle else "C" if value <= high else "D"
    return "A" if value >= high else "B" if value >= middle else "C" if value >= low else "D"


def comparators(
    *,
    measure: str,
    year: int,
    la_number: int,
    polarity: str,
    root: Path = DATA_ROOT,
    measures: Iterable[str] = (),
) -> Comparators:
    """`measure`'s comparators for the council with old LA number `la_number` in the year
    ending 31 March `year`. `measures` names every measure a caller will ask for, so the
    file is read once for all of them."""
    wanted = tuple(sorted({measure, *measures}))
    figures = _figures(root, wanted).filter(
        (pl.col("measure") == measure) & (pl.col("year") == year)
    )
    by_number = dict(zip(figures["number"].to_list(), figures["value"].to_list(), strict=True))
    region_row, region_name = council_regions(root).get(la_number, (ENGLAND, ""))
    model = neighbour_model_for(year)
    neighbours = neighbour_models(root)[model].get(la_number, ())
    values = [by_number[n] for n in neighbours if by_number.get(n) is not None]
    councils = [v for n, v in by_number.items() if n < ENGLAND and v is not None]
    quartiles = None
    if len(councils) >= 4:
        series = pl.Series(councils)
        quartiles = tuple(
            float(series.quantile(q, interpolation="linear") or 0.0) for q in (0.25, 0.5, 0.75)
        )
    own = by_number.get(la_number)
    return Comparators(
        measure=measure,
        year=year,
        council=own,
        england=by_number.get(ENGLAND),
        region=by_number.get(region_row),
        region_name=region_name,
        neighbours_mean=sum(values) / len(values) if values else None,
        neighbours_counted=len(values),
        neighbour_model=(
            model if year >= 2021 else f"{model} (applied back: the 2007 model is not published)"
        ),
        quartile_band=quartile_band(own, quartiles, polarity),  # type: ignore[arg-type]
        quartiles=quartiles,  # type: ignore[arg-type]
    )


def series(
    *, measure: str, la_number: int, root: Path = DATA_ROOT, measures: Iterable[str] = ()
) -> dict[int, Comparators]:
    """Every year's comparators for one measure (for trend lines)."""
    wanted = tuple(sorted({measure, *measures}))
    years = _figures(root, wanted).filter(pl.col("measure") == measure)["year"].unique().to_list()
    return {
        year: comparators(
            measure=measure,
            year=year,
            la_number=la_number,
            polarity="neither",
            root=root,
            measures=wanted,
        )
        for year in sorted(years)
    }
