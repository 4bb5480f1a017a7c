"""Board packs as configuration: which indicators a board sees, with targets and RAG bands.

Each pack is one YAML file in `lineofsight/reports/boards/` (reviewable, versioned with the
code). A pack names its audience, how its trend is drawn (frequency and number of points),
and its sections; each line is an indicator code from the registry with an optional target
and red/amber/green thresholds:

    code: corporate-parenting
    title: Corporate parenting board
    audience: Elected members and partners
    trend: {frequency: quarter, points: 12}
    sections:
      - title: Stability
        lines:
          - indicator: cla_placements_3plus_pct
            target: 9
            green: 9      # at or better than this is green
            amber: 11     # at or better than this (and worse than green) is amber

"Better" follows the indicator's polarity. An indicator with no polarity (a demand measure)
may still have a target band: `green: [low, high]` is green inside the range and amber within
`amber: [low, high]`; outside both it is red.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from lineofsight.indicators.definitions import REGISTRY
from lineofsight.indicators.definitions.base import IndicatorDefinition, Polarity
from lineofsight.indicators.domain.periods import Frequency

BOARDS_DIR = Path(__file__).resolve().parent.parent / "boards"

Band = float | tuple[float, float]


class PackError(ValueError):
    """A board pack file that does not say what it must; names the file and the field."""


@dataclass(frozen=True)
class PackLine:
    indicator: IndicatorDefinition
    target: float | None = None
    green: Band | None = None
    amber: Band | None = None
    note: str = ""

    def rag(self, value: float | None) -> str | None:
        """'green', 'amber' or 'red' for `value`; None with no value or no thresholds."""
        if value is None or self.green is None:
            return None
        rounded = round(value, self.indicator.decimals)
        if isinstance(self.green, tuple):
            if self.green[0] <= rounded <= self.green[1]:
                return "green"
            if isinstance(self.amber, tuple) and self.amber[0] <= rounded <= self.amber[1]:
                return "amber"
            return "red"
        higher = self.indicator.polarity is Polarity.HIGHER

        def at_least(threshold: float) -> bool:
            return rounded >= threshold if higher else rounded <= threshold

        if at_least(self.green):
            return "green"
        if isinstance(self.amber, (int, float)) and at_least(self.amber):
            return "amber"
        return "red"


@dataclass(frozen=True)
class PackSection:
    title: str
    lines: tuple[PackLine, ...]
    key: str  # stable key for commentary: the section's position and title


@dataclass(frozen=True)
class Pack:
    code: str
    title: str
    audience: str
    description: str
    frequency: Frequency
    points: int
    sections: tuple[PackSection, ...]
    # A team pack is computed for one team at a time and may be opened by its team manager.
    per_team: bool = False
    # Whether the children behind a number may be listed from this pack's pages.
    drill_down: bool = True

    @property
    def lines(self) -> tuple[PackLine, ...]:
        return tuple(line for section in self.sections for line in section.lines)

    @property
    def definitions(self) -> list[IndicatorDefinition]:
        seen: dict[str, IndicatorDefinition] = {}
        for line in self.lines:
            seen.setdefault(line.indicator.code, line.indicator)
        return list(seen.values())


def _band(value: Any, where: str) -> Band | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise PackError(f"{where}: expected a number or [low, high], not {value!r}")
    if isinstance(value, (int, float)):
        return float(value)
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, (int, float)) for v in value)
    ):
        return (float(value[0]), float(value[1]))
    raise PackError(f"{where}: expected a number or [low, high], not {value!r}")


def _line(raw: Any, where: str, registry: Mapping[str, IndicatorDefinition]) -> PackLine:
    if isinstance(raw, str):
        raw = {"indicator": raw}
    if not isinstance(raw, dict) or "indicator" not in raw:
        raise PackError(f"{where}: each line needs an 'indicator' code")
    unknown = set(raw) - {"indicator", "target", "green", "amber", "note"}
    if unknown:
        raise PackError(f"{where}: unknown field(s) {sorted(unknown)}")
    code = raw["indicator"]
    if code not in registry:
        raise PackError(f"{where}: no indicator {code!r} in the registry")
    definition = registry[code]
    green = _band(raw.get("green"), f"{where} green")
    amber = _band(raw.get("amber"), f"{where} amber")
    if isinstance(green, float) and definition.polarity is Polarity.NEITHER:
        raise PackError(
            f"{where}: {code} has no polarity, so its green band must be a range [low, high]"
        )
    target = raw.get("target")
    if target is not None and (isinstance(target, bool) or not isinstance(target, (int, float))):
        raise PackError(f"{where} target: expected a number, not {target!r}")
    return PackLine(
        indicator=definition,
        target=float(target) if target is not None else None,
        green=green,
        amber=amber,
        note=str(raw.get("note", "")),
    )


def pack_parse(
    text: str, *, source: str, registry: Mapping[str, IndicatorDefinition] = REGISTRY
) -> Pack:
    """The pack a YAML text describes; PackError names `source` and the field at fault."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise PackError(f"{source}: not valid YAML: {error}") from error
    if not isinstance(raw, dict):
        raise PackError(f"{source}: expected a mapping with code, title and sections")
    for field in ("code", "title", "sections"):
        if field not in raw:
            raise PackError(f"{source}: '{field}' is missing")
    trend = raw.get("trend") or {}
    try:
        frequency = Frequency(trend.get("frequency", "month"))
    except ValueError as error:
        choices = ", ".join(f.value for f in Frequency)
        raise PackError(f"{source} trend.frequency: expected one of {choices}") from error
    points = trend.get("points", 12)
    if not isinstance(points, int) or not 2 <= points <= 60:
        raise PackError(f"{source} trend.points: expected a whole number from 2 to 60")
    sections = []
    for number, section in enumerate(raw["sections"], start=1):
        where = f"{source} section {number}"
        if not isinstance(section, dict) or "title" not in section or "lines" not in section:
            raise PackError(f"{where}: each section needs a title and lines")
        lines = tuple(
            _line(line, f"{where} line {index}", registry)
            for index, line in enumerate(section["lines"], start=1)
        )
        sections.append(PackSection(title=str(section["title"]), lines=lines, key=f"s{number}"))
    return Pack(
        code=str(raw["code"]),
        title=str(raw["title"]),
        audience=str(raw.get("audience", "")),
        description=str(raw.get("description", "")),
        frequency=frequency,
        points=points,
        sections=tuple(sections),
        per_team=bool(raw.get("per_team", False)),
        drill_down=bool(raw.get("drill_down", True)),
    )


def packs_load(directory: Path = BOARDS_DIR) -> dict[str, Pack]:
    """Every pack in the boards folder, by code (file order). Parsed once per version of the
    files (each page asks for them; an edited pack is read again)."""
    files = tuple((path, path.stat().st_mtime_ns) for path in sorted(directory.glob("*.yaml")))
    return dict(_packs_parsed(files))


@lru_cache(maxsize=4)
def _packs_parsed(files: tuple[tuple[Path, int], ...]) -> tuple[tuple[str, Pack], ...]:
    packs: dict[str, Pack] = {}
    for path, _ in files:
        pack = pack_parse(path.read_text(encoding="utf-8"), source=path.name)
        if pack.code in packs:
            raise PackError(f"{path.name}: board code {pack.code!r} is used twice")
        packs[pack.code] = pack
    return tuple(packs.items())
