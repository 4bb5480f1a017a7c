"""A board pack computed: each line's value, trend, comparators and RAG status for a period.

    card = scorecard_build(pack=pack, period=period_parse("2016-17"), frames=frames,
                           council=find_council("Walsall"), source="database")

The same `Scorecard` feeds every output (web page, Excel, PDF, JSON), so they cannot disagree.
The trend is `pack.points` periods of the pack's frequency ending with the requested period; a
comparator is drawn beside a trend point only where it means the same thing there (a whole
year, or a measure that does not scale with the length of the period).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from lineofsight.core.domain.published import DATA_ROOT, CouncilInfo, child_population
from lineofsight.indicators.definitions.base import Frames, IndicatorDefinition, Kind, PeriodKind
from lineofsight.indicators.domain.benchmarks import Comparators, comparators
from lineofsight.indicators.domain.engine import indicator_values, indicators_run
from lineofsight.indicators.domain.periods import Period, periods_back
from lineofsight.reports.domain.packs import Pack, PackLine

SCALING_KINDS = (Kind.COUNT, Kind.RATE_PER_10K)


@dataclass(frozen=True)
class TrendPoint:
    period: str
    value: float | None
    england: float | None = None
    neighbours: float | None = None


@dataclass(frozen=True)
class Line:
    code: str
    ref: str
    title: str
    description: str
    unit: str
    polarity: str
    decimals: int
    version: int
    value: float | None
    numerator: float | None
    denominator: float | None
    target: float | None
    rag: str | None
    comparators: Comparators | None
    published: float | None  # the council's own published figure for this period, if any
    trend: tuple[TrendPoint, ...]
    note: str = ""


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Scorecard:
    board: str
    title: str
    audience: str
    council: str
    period: Period
    team: str | None
    team_name: str | None
    source: str
    code_version: str
    generated_at: dt.datetime
    sections: tuple[Section, ...]
    population: int | None
    # Every counted row behind every number (children included): pages list them to those
    # who may see the children; never written to a board pack.
    rows: pl.DataFrame = field(repr=False, compare=False)
    # Every value of every period computed (code, period, numerator, denominator, value).
    values: pl.DataFrame = field(repr=False, compare=False)
    notes: tuple[str, ...] = ()

    @property
    def lines(self) -> tuple[Line, ...]:
        return tuple(line for section in self.sections for line in section.lines)


def _population_by_period(
    periods: Sequence[Period], council: CouncilInfo | None, root: Path
) -> dict[str, int | None]:
    if council is None or not council.la_number:
        return {period.label: None for period in periods}
    number = int(council.la_number)
    return {
        period.label: child_population(number, period.collection_year - 1, root=root)
        for period in periods
    }


def _comparable(definition: IndicatorDefinition, period: Period) -> bool:
    """Whether a published year's figure means the same thing beside this period's value."""
    if period.is_whole_year:
        return True
    benchmark = definition.benchmark
    if benchmark is not None and not benchmark.shorter_periods:
        return False
    # What is open on a day (children looked after per 10,000) compares on any day; a count
    # of what happens during the period grows with it.
    return definition.period_kind is PeriodKind.SNAPSHOT or definition.kind not in SCALING_KINDS


def _comparators_for(
    definition: IndicatorDefinition,
    period: Period,
    council: CouncilInfo | None,
    root: Path,
    measures: tuple[str, ...],
) -> Comparators | None:
    benchmark = definition.benchmark
    if benchmark is None or council is None or not council.la_number:
        return None
    if not _comparable(definition, period):
        return None
    try:
        return comparators(
            measure=benchmark.lait,
            year=period.collection_year + benchmark.year_offset,
            la_number=int(council.la_number),
            polarity=definition.polarity.value,
            root=root,
            measures=measures,
        )
    except FileNotFoundError:
        return None


def scorecard_build(
    *,
    pack: Pack,
    period: Period,
    frames: Frames,
    council: CouncilInfo | None,
    source: str,
    code_version: str = "",
    team: str | None = None,
    generated_at: dt.datetime | None = None,
    root: Path = DATA_ROOT,
) -> Scorecard:
    trend = periods_back(period, pack.points, pack.frequency)
    periods = sorted({*trend, period}, key=lambda p: (p.end, p.start))
    definitions = pack.definitions
    rows = indicators_run(frames, definitions, periods)
    team_name = None
    population = _population_by_period(periods, council, root)
    if team is not None:
        rows = rows.filter(pl.col("team_id") == team)
        names = frames.get("team")
        if names is not None:
            found = names.filter(pl.col("code") == team)["name"].to_list()
            team_name = found[0] if found else team
        # No population is published for a team: its rates are counts only.
        population = dict.fromkeys(population)
    values = indicator_values(rows, definitions, population=population)
    table = {
        (code, label): (num, den, value) for code, label, num, den, value in values.iter_rows()
    }
    measures = tuple(sorted({d.benchmark.lait for d in definitions if d.benchmark is not None}))
    sections = []
    for pack_section in pack.sections:
        lines = tuple(
            _line(pack_line, period, trend, table, council, root, measures, team is not None)
            for pack_line in pack_section.lines
        )
        sections.append(Section(key=pack_section.key, title=pack_section.title, lines=lines))
    notes = []
    if team is None and council is not None and population.get(period.label) is None:
        notes.append("No ONS population estimate was found, so rates per 10,000 are not shown.")
    return Scorecard(
        board=pack.code,
        title=pack.title,
        audience=pack.audience,
        council=council.name if council else "",
        period=period,
        team=team,
        team_name=team_name,
        source=source,
        code_version=code_version,
        generated_at=generated_at or dt.datetime.now(tz=dt.UTC),
        sections=tuple(sections),
        population=population.get(period.label),
        rows=rows,
        values=values,
        notes=tuple(notes),
    )


def _line(
    pack_line: PackLine,
    period: Period,
    trend: Sequence[Period],
    table: Mapping[tuple[str, str], tuple[float, float | None, float | None]],
    council: CouncilInfo | None,
    root: Path,
    measures: tuple[str, ...],
    for_team: bool,
) -> Line:
    definition = pack_line.indicator
    code = definition.code
    numerator, denominator, value = table.get((code, period.label), (0.0, None, None))
    if value is None and definition.kind is Kind.COUNT:
        value = 0.0
    found = None if for_team else _comparators_for(definition, period, council, root, measures)
    points = []
    for point in trend:
        point_value = table.get((code, point.label), (None, None, None))[2]
        if point_value is None and definition.kind is Kind.COUNT:
            point_value = 0.0
        other = None
        if not for_team:
            other = _comparators_for(definition, point, council, root, measures)
        points.append(
            TrendPoint(
                period=point.label,
                value=point_value,
                england=other.england if other else None,
                neighbours=other.neighbours_mean if other else None,
            )
        )
    published = None
    if found is not None and (
        period.is_whole_year or (period.end.month == 3 and period.end.day == 31)
    ):
        published = found.council
    return Line(
        code=code,
        ref=definition.ref,
        title=definition.title,
        description=definition.description,
        unit=definition.unit.value,
        polarity=definition.polarity.value,
        decimals=definition.decimals,
        version=definition.version,
        value=value,
        numerator=numerator,
        denominator=denominator,
        target=pack_line.target,
        rag=pack_line.rag(value),
        comparators=found,
        published=published,
        trend=tuple(points),
        note=pack_line.note,
    )
