"""The columns some SSDA903 rules read that the CSV upload does not carry, for validation only.

DfE's portal derives three Episodes columns from the postcodes (statutory-formats.md §1.1,
"Derived fields"): `PL_LA`, the ONS code of the upper-tier LA of PL_POST (or CON, NIR, SCO,
WAL, NUK), `PL_LOCATION` (IN or OUT of the council's area) and `PL_DISTANCE` (miles from home
to placement, one decimal; blank for UASC children). The records hold them on each CLA
episode (`placement_la`, `placement_location`, `distance_miles`): `derived_joined` puts them
on the exporter's Episodes table, by child and DECOM, so the rules see what DfE would. They are
never written to the statutory CSV files.

Files may carry them too: DfE's derived extract and the Data to Insight tool's files have them
on the episodes file, and some uploads carry the XML form's UASC flag on the header file. The
importer recognises a table by its exact columns, so `extra_columns_split` hands it copies of
those files without the extra columns, and `extra_columns_joined` puts them back on the tables
it read, by the file and line each row came from (`_where`). What the importer loads into the
database is unchanged.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import polars as pl

from lineofsight.returns.ssda903.spec import BASE_YEAR, LAST_YEAR, ssda903_spec

DERIVED_COLUMNS: tuple[str, ...] = ("PL_LA", "PL_LOCATION", "PL_DISTANCE")
# Columns a CSV file may carry beyond its table's, kept for the rules (by exporter table key).
EXTRA_COLUMNS: dict[str, tuple[str, ...]] = {"episodes": DERIVED_COLUMNS, "header": ("UASC",)}
WHERE = "_where"  # the importer's column saying which file and line a row was read from
_DATE_FORMAT = "%d/%m/%Y"


def distance_text(miles: pl.Expr) -> pl.Expr:
    """Miles as DfE writes PL_DISTANCE: one decimal place, halves rounded up ("12.3" for
    12.25, "0.0")."""
    tenths = (miles * 10).round(0, mode="half_away_from_zero").cast(pl.Int64)
    whole, tenth = (tenths.abs() // 10).cast(pl.String), (tenths.abs() % 10).cast(pl.String)
    sign = pl.when(tenths < 0).then(pl.lit("-")).otherwise(pl.lit(""))
    return pl.concat_str(sign, whole, pl.lit("."), tenth)


def episodes_derived(frames: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    """Per CLA episode (child, start date): PL_LA, PL_LOCATION and PL_DISTANCE as text."""
    episodes = frames["cla_episode"]
    return episodes.unique(["child_id", "started_on"], keep="first", maintain_order=True).select(
        pl.col("child_id").alias("CHILD"),
        pl.col("started_on").alias("_start"),
        pl.col("placement_la").alias("PL_LA"),
        pl.col("placement_location").alias("PL_LOCATION"),
        distance_text(pl.col("distance_miles")).alias("PL_DISTANCE"),
    )


def derived_joined(
    tables: Mapping[str, pl.DataFrame], frames: Mapping[str, pl.DataFrame]
) -> dict[str, pl.DataFrame]:
    """The exporter's string tables with PL_LA, PL_LOCATION and PL_DISTANCE on the episodes
    table (keyed `episodes` or `Episodes`), from the CLA episode of the same child and DECOM
    (blank where there is none)."""
    joined = dict(tables)
    key = "episodes" if "episodes" in tables else "Episodes"
    episodes = tables.get(key)
    if episodes is None:
        return joined
    start = (
        pl.col("DECOM")
        .cast(pl.String)
        .str.strip_chars()
        .str.strptime(pl.Date, _DATE_FORMAT, strict=False)
    )
    joined[key] = (
        episodes.drop(DERIVED_COLUMNS, strict=False)
        .with_columns(start.alias("_start"))
        .join(episodes_derived(frames), on=["CHILD", "_start"], how="left", maintain_order="left")
        .drop("_start")
    )
    return joined


# -- the same columns read from files ----------------------------------------------------------


@lru_cache(maxsize=1)
def _table_columns() -> dict[str, tuple[frozenset[str], ...]]:
    """Each table with extra columns: its column sets in any year's spec."""
    known: dict[str, set[frozenset[str]]] = {name: set() for name in EXTRA_COLUMNS}
    for year in range(BASE_YEAR, LAST_YEAR + 1):
        spec = ssda903_spec(year)
        for name in EXTRA_COLUMNS:
            known[name].add(frozenset(spec.tables[name].column_names))
    return {name: tuple(sets) for name, sets in known.items()}


def _table_with_extras(header: list[str]) -> tuple[str, list[int]] | None:
    """The table a header is once its extra columns are left out, and their positions."""
    names = [cell.strip() for cell in header]
    for table, extras in EXTRA_COLUMNS.items():
        positions = [i for i, name in enumerate(names) if name in extras]
        if not positions:
            continue
        rest = frozenset(name for i, name in enumerate(names) if i not in positions)
        if len(rest) == len(names) - len(positions) and rest in _table_columns()[table]:
            return table, positions
    return None


def _split(path: Path, out: Path) -> tuple[str, pl.DataFrame] | None:
    """If the file is a table plus extra columns: write it without them to `out` (same name,
    records on the same lines) and return the table and the extras by `_where`."""
    try:
        text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
        records = list(csv.reader(io.StringIO(text, newline="")))
    except (OSError, UnicodeDecodeError, csv.Error):
        return None  # the importer says what is wrong with it
    first = next((record for record in records if any(cell.strip() for cell in record)), None)
    found = _table_with_extras(first) if first is not None else None
    if found is None:
        return None
    table, positions = found
    assert first is not None
    names = [first[i].strip() for i in positions]
    if len(set(names)) != len(names):
        return None  # a column given twice: the importer refuses the file
    kept = io.StringIO()
    writer = csv.writer(kept, lineterminator="\n")
    extras: dict[str, list[str | None]] = {name: [] for name in [WHERE, *names]}
    reader = csv.reader(io.StringIO(text, newline=""))
    line, header_seen = 1, False
    for record in reader:
        writer.writerow([cell for i, cell in enumerate(record) if i not in positions])
        if any(cell.strip() for cell in record):
            if header_seen:
                extras[WHERE].append(f"{path.name} line {line}")
                for name, i in zip(names, positions, strict=True):
                    value = record[i].strip() if i < len(record) else ""
                    extras[name].append(value or None)
            header_seen = True
        line = reader.line_num + 1
    out.mkdir(parents=True, exist_ok=True)
    (out / path.name).write_text(kept.getvalue(), encoding="utf-8")
    return table, pl.DataFrame(extras, schema=dict.fromkeys(extras, pl.String))


def _csv_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".csv")
    return [path]


@contextmanager
def extra_columns_split(
    paths: Sequence[Path],
) -> Iterator[tuple[list[Path], dict[str, pl.DataFrame]]]:
    """The paths to give the importer (a file with extra columns replaced by a copy without
    them, in a temporary folder that lasts the `with`) and the extra columns by table key,
    each with the `_where` of its rows."""
    with tempfile.TemporaryDirectory(prefix="ssda903-extra-") as tmp:
        given: list[Path] = []
        extras: dict[str, pl.DataFrame] = {}
        for number, path in enumerate(map(Path, paths)):
            files = _csv_files(path) if path.exists() else [path]
            split = {}
            for index, file in enumerate(files):
                found = _split(file, Path(tmp) / f"{number}-{index}")
                if found is not None:
                    split[file] = Path(tmp) / f"{number}-{index}" / file.name
                    table, frame = found
                    extras[table] = (
                        pl.concat([extras[table], frame], how="diagonal")
                        if table in extras
                        else frame
                    )
            if not split:
                given.append(path)  # as it was: a folder stays a folder for the importer
            else:
                given.extend(split.get(file, file) for file in files)
        yield given, extras


def extra_columns_joined(
    tables: Mapping[str, pl.DataFrame], extras: Mapping[str, pl.DataFrame]
) -> dict[str, pl.DataFrame]:
    """The importer's tables with the extra columns put back on the rows they came from."""
    joined = dict(tables)
    for table, frame in extras.items():
        if table in joined and WHERE in joined[table].columns:
            joined[table] = joined[table].join(frame, on=WHERE, how="left", maintain_order="left")
    return joined
