"""The SSDA903 table and column spec for a collection year, read from the shipped YAML files.

`SSDA903_schema_2017.yml` is the base (the collection year ending 31 March 2017); each
`SSDA903_schema_<year>.diff.yml` changes the spec of the years before it (keys are dotted paths
under `column_map`, each with `type` add / modify / remove and a `value`). The spec for a year
is the base with every diff up to and including that year applied. Years are named by the
31 March the collection ends (2017 = 2016/17), as liia-tools names these files.

Column order in the YAML is DfE's CSV column order. DfE does not fix file names for the CSV
upload (its portal recognises each table by its header row), so the file names here are those
of the Data to Insight validator's test data (statutory-formats.md §1.2).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from lineofsight.core.domain.published import DATA_ROOT
from lineofsight.returns.domain.errors import ReturnError
from lineofsight.returns.domain.specs import Code, ColumnKind

SPEC_DIR: Path = DATA_ROOT / "schemas" / "ssda903"
BASE_YEAR = 2017
LAST_YEAR = 2026

FILE_NAMES: dict[str, str] = {
    "header": "header.csv",
    "episodes": "episodes.csv",
    "reviews": "reviews.csv",
    "uasc": "uasc.csv",
    "ad1": "ad1.csv",
    "placed_adoption": "placed_for_adoption.csv",
    "prev_perm": "previous_permanence.csv",
    "oc2": "oc2.csv",
    "oc3": "oc3.csv",
    "missing": "missing.csv",
    "social_worker": "sw_episodes.csv",
}


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    kind: ColumnKind
    can_be_blank: bool
    date_format: str | None = None
    codes: tuple[Code, ...] = ()

    @property
    def code_values(self) -> frozenset[str]:
        return frozenset(code.code for code in self.codes)

    def code_named(self, name: str) -> str | None:
        """The code whose label (any of its names) is `name`, case-insensitively."""
        for code in self.codes:
            if any(label.casefold() == name.casefold() for label in code.names):
                return code.code
        return None


@dataclass(frozen=True)
class TableSpec:
    name: str
    file_name: str
    columns: tuple[ColumnSpec, ...]

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]

    def column(self, name: str) -> ColumnSpec:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(f"{self.name} has no column {name}")


@dataclass(frozen=True)
class Spec:
    year: int
    tables: dict[str, TableSpec]


def spec_files(year: int, root: Path = SPEC_DIR) -> list[Path]:
    """The base file and the diffs that make up `year`'s spec, in the order to apply them."""
    if not BASE_YEAR <= year <= LAST_YEAR:
        raise ReturnError(
            f"SSDA903 year {year}: specs are shipped for years ending 31 March "
            f"{BASE_YEAR} to {LAST_YEAR}"
        )
    base = root / f"SSDA903_schema_{BASE_YEAR}.yml"
    if not base.is_file():
        raise ReturnError(f"{base}: the SSDA903 base spec is missing")
    diffs: list[tuple[int, Path]] = []
    for path in root.glob("SSDA903_schema_*.diff.yml"):
        match = re.fullmatch(r"SSDA903_schema_(\d{4})\.diff\.yml", path.name)
        if match and int(match.group(1)) <= year:
            diffs.append((int(match.group(1)), path))
    return [base, *(path for _, path in sorted(diffs))]


def _load(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ReturnError(f"{path}: cannot read the SSDA903 spec ({error})") from error
    if not isinstance(data, dict):
        raise ReturnError(f"{path}: expected a mapping at the top level")
    return data


def _apply_diff(spec: dict[str, Any], diff: dict[str, Any], path: Path) -> None:
    for dotted, change in diff.items():
        keys = str(dotted).split(".")
        if not isinstance(change, dict) or change.get("type") not in {"add", "modify", "remove"}:
            raise ReturnError(f"{path}: {dotted}: expected type add, modify or remove")
        node = spec
        for key in keys[:-1]:
            child = node.get(key)
            if not isinstance(child, dict):
                raise ReturnError(f"{path}: {dotted}: no {key} in the spec it changes")
            node = child
        last = keys[-1]
        if change["type"] == "remove":
            node.pop(last, None)
        else:
            if change["type"] == "modify" and last not in node:
                raise ReturnError(f"{path}: {dotted}: nothing there to modify")
            node[last] = copy.deepcopy(change.get("value"))


def _names(raw: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, list):
        return tuple(str(item) for item in raw)
    return (str(raw),)


def _column(table: str, name: str, raw: Any) -> ColumnSpec:
    if not isinstance(raw, dict):
        raise ReturnError(f"SSDA903 spec {table}.{name}: expected a mapping")
    blank = raw.get("canbeblank", True)
    can_be_blank = blank is True or str(blank).lower() in {"yes", "true"}
    if "date" in raw:
        return ColumnSpec(name, "date", can_be_blank, date_format=str(raw["date"]))
    if "category" in raw:
        codes = tuple(
            Code(str(item["code"]), _names(item.get("name")))
            for item in raw["category"] or []
            if isinstance(item, dict) and "code" in item
        )
        return ColumnSpec(name, "category", can_be_blank, codes=codes)
    if "numeric" in raw:
        return ColumnSpec(name, "numeric", can_be_blank)
    return ColumnSpec(name, "string", can_be_blank)


@lru_cache(maxsize=16)
def _spec_cached(year: int, root: Path) -> Spec:
    files = spec_files(year, root)
    merged = _load(files[0])
    for path in files[1:]:
        _apply_diff(merged, _load(path), path)
    column_map = merged.get("column_map")
    if not isinstance(column_map, dict):
        raise ReturnError(f"{files[0]}: no column_map")
    tables: dict[str, TableSpec] = {}
    for table, columns in column_map.items():
        if table not in FILE_NAMES:
            raise ReturnError(f"SSDA903 {year} spec: table {table!r} has no known file name")
        if not isinstance(columns, dict):
            raise ReturnError(f"SSDA903 {year} spec: table {table!r} has no columns")
        tables[table] = TableSpec(
            table,
            FILE_NAMES[table],
            tuple(_column(table, str(name), raw) for name, raw in columns.items()),
        )
    return Spec(year, tables)


def ssda903_spec(year: int, root: Path = SPEC_DIR) -> Spec:
    """The tables (DfE file name, columns in DfE order) of the collection year ending 31 March
    `year`. Raises ReturnError for years without a shipped spec or a malformed file."""
    return _spec_cached(year, root)
