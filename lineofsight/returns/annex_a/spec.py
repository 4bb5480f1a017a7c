"""The Annex A (2024 template) lists and column headings, read from the shipped YAML.

`Annex_A_schema.yml` (liia-tools-pipeline's 2024 spec) has `column_map.list_1` … `list_11`;
each maps a column heading, in template order, to its spec: `date`, `numeric`, `string` or
`category`. A category has a `code` (the cleaned, lettered label, e.g. "a) Male") and `name`s
(the forms councils submit, among them the template's own lettered options such as
"a) WBRI" or "q) 6: Police"). YAML 1.1 reads the bare codes Yes/No as booleans; they are
turned back into "Yes"/"No" here. Some columns also have a `header_regex` list of
`/pattern/flags` forms that recognise councils' own wordings of the heading.

Sheet names are those of the template ("List 1" … "List 11"); the YAML does not carry them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from lineofsight.core.domain.published import DATA_ROOT
from lineofsight.returns.domain.errors import ReturnError
from lineofsight.returns.domain.specs import Code, ColumnKind

SPEC_DIR: Path = DATA_ROOT / "schemas" / "annex_a"
SPEC_FILE = "Annex_A_schema.yml"
LIST_COUNT = 11


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    kind: ColumnKind
    can_be_blank: bool
    categories: tuple[Code, ...] = ()
    # The spec's `header_regex` entries as written ("/.*date.*birth.*/i").
    header_regex: tuple[str, ...] = ()

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(category.code for category in self.categories)

    def allows(self, value: str) -> bool:
        """Whether `value` is one of the column's category codes or listed names."""
        return any(value == c.code or value in c.names for c in self.categories)

    def heading_matches(self, heading: str) -> bool:
        """Whether a workbook's heading is this column by one of the spec's header regexes."""
        return any(pattern.search(heading) for pattern in _patterns(self.header_regex))

    def option(self, code: str) -> str | None:
        """The template's option for a model code (worked out once per column and code)."""
        return _option(self, code)

    def _find_option(self, code: str) -> str | None:
        """The template's own option for a model code: a lettered name "x) CODE…" if the
        spec lists one (a letter another code also claims is passed over when there is an
        alternative, so NOBT is "t) NOBT" beside "s) REFU"), else a name "CODE: …" /
        "CODE - …", else a category code starting with CODE; None if there is none."""
        escaped = re.escape(code)
        names = [n for c in self.categories for n in c.names]
        lettered = re.compile(rf"^([a-z])\) {escaped}(?:[: ]|$)", re.IGNORECASE)
        hits = [(m.group(1), n) for n in names if (m := lettered.match(n))]
        if hits:
            other = {
                match.group(1)
                for n in names
                if (match := re.match(r"^([a-z])\) (\S+)", n))
                and match.group(2).rstrip(":").upper() != code.upper()
            }
            free = [name for letter, name in hits if letter not in other]
            return (free or [name for _, name in hits])[0]
        plain = re.compile(rf"^{escaped}(?::| -|$)")
        for pool in (names, list(self.codes)):
            for name in pool:
                if plain.match(name):
                    return name
        return None


@lru_cache(maxsize=4096)
def _option(column: ColumnSpec, code: str) -> str | None:
    return column._find_option(code)


# "/pattern/flags", then anything (one entry in the YAML has an alias swallowed after it).
_REGEX_FORM = re.compile(r"^/(?P<pattern>.*)/(?P<flags>[a-z]*)", re.DOTALL)


@lru_cache(maxsize=256)
def _patterns(forms: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for form in forms:
        match = _REGEX_FORM.match(form.strip())
        if match is None:
            continue
        flags = re.IGNORECASE if "i" in match.group("flags") else 0
        try:
            compiled.append(re.compile(match.group("pattern"), flags))
        except re.error:
            continue  # a pattern Python cannot read only loses that way of matching
    return tuple(compiled)


@dataclass(frozen=True)
class ListSpec:
    key: str
    number: int
    sheet_name: str
    columns: tuple[ColumnSpec, ...]

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    def column(self, name: str) -> ColumnSpec:
        for column in self.columns:
            if column.name == name:
                return column
        raise ReturnError(f"Annex A {self.key}: no column {name!r}")


def _text(value: Any) -> str:
    if value is True:
        return "Yes"
    if value is False:
        return "No"
    return str(value)


def _names(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list):
        return tuple(_text(v) for v in value)
    return (_text(value),)


def _column(name: str, raw: dict[str, Any]) -> ColumnSpec:
    kind: ColumnKind
    if "category" in raw:
        kind = "category"
    elif "date" in raw:
        kind = "date"
    elif "numeric" in raw:
        kind = "numeric"
    else:
        kind = "string"
    categories = tuple(
        Code(code=_text(entry["code"]), names=_names(entry.get("name")))
        for entry in raw.get("category") or ()
    )
    return ColumnSpec(
        name=name,
        kind=kind,
        can_be_blank=bool(raw.get("canbeblank", True)),
        categories=categories,
        header_regex=tuple(str(form) for form in raw.get("header_regex") or ()),
    )


@lru_cache(maxsize=4)
def annex_a_spec(spec_dir: Path = SPEC_DIR) -> tuple[ListSpec, ...]:
    """Lists 1-11 in order, each with its columns in template order."""
    path = spec_dir / SPEC_FILE
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ReturnError(f"{path}: cannot read the Annex A spec ({error})") from error
    column_map = raw.get("column_map") if isinstance(raw, dict) else None
    if not isinstance(column_map, dict):
        raise ReturnError(f"{path}: no column_map")
    lists: list[ListSpec] = []
    for number in range(1, LIST_COUNT + 1):
        key = f"list_{number}"
        columns = column_map.get(key)
        if not isinstance(columns, dict) or not columns:
            raise ReturnError(f"{path}: column_map has no {key}")
        lists.append(
            ListSpec(
                key=key,
                number=number,
                sheet_name=f"List {number}",
                columns=tuple(_column(str(n), spec or {}) for n, spec in columns.items()),
            )
        )
    return tuple(lists)


def list_spec(key: str) -> ListSpec:
    for spec in annex_a_spec():
        if spec.key == key:
            return spec
    raise ReturnError(f"Annex A: no list {key!r}")
