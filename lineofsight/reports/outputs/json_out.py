"""A scorecard as JSON: every figure a board pack shows, for other systems to read and for
a snapshot to produce the same pack again.

    document = scorecard_json(card, commentary)       # json.dumps takes it as it is
    card, commentary = scorecard_from_json(document)   # the same pack, for any renderer

Values and comparators are rounded to 4 places (the renderers show values from that rounding,
so a pack produced from its snapshot reads exactly as the original); numerators and
denominators keep full precision (they are counts, or FTE). A figure that is missing, or not
a finite number, is null. Child-level rows (`card.rows`) are never included: a card read back
has none.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

import polars as pl

from lineofsight.indicators.definitions.base import COUNTED_SCHEMA
from lineofsight.indicators.domain.benchmarks import LAIT_SOURCE, Comparators
from lineofsight.indicators.domain.periods import Frequency, Period
from lineofsight.reports.domain.charts import VALUE_PLACES
from lineofsight.reports.domain.scorecard import Line, Scorecard, Section, TrendPoint
from lineofsight.reports.outputs.commentary import Commentary, commentary_for, commentary_key

FORMAT_VERSION = 1
VALUES_SCHEMA: dict[str, pl.DataType] = {
    "code": pl.String(),
    "period": pl.String(),
    "numerator": pl.Float64(),
    "denominator": pl.Float64(),
    "value": pl.Float64(),
}


class ScorecardDocumentError(ValueError):
    """A stored document that is not a scorecard this code can read."""


def _rounded(value: float | None, places: int = VALUE_PLACES) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return round(float(value), places)


def _exact(value: float | None) -> float | int | None:
    if value is None or not math.isfinite(value):
        return None
    return int(value) if float(value).is_integer() else float(value)


def _comparators_json(found: Comparators | None) -> dict[str, Any] | None:
    if found is None:
        return None
    return {
        "council": _rounded(found.council),
        "england": _rounded(found.england),
        "region": _rounded(found.region),
        "region_name": found.region_name or None,
        "statistical_neighbours_mean": _rounded(found.neighbours_mean),
        "neighbours_counted": found.neighbours_counted,
        "neighbour_model": found.neighbour_model,
        "quartile_band": found.quartile_band,
        "quartiles": (None if found.quartiles is None else [_rounded(q) for q in found.quartiles]),
        "year": found.year,
        "measure": found.measure,
        "source": found.source,
    }


def _commentary_json(found: Commentary | None) -> dict[str, str] | None:
    if found is None:
        return None
    return {
        "text": found.text,
        "author": found.author,
        "written_at": found.written_at.isoformat(),
    }


def _line_json(
    card: Scorecard, section: Section, line: Line, commentary: Mapping[str, Commentary]
) -> dict[str, Any]:
    written = commentary_for(commentary, section, line)
    return {
        "section": section.title,
        "section_key": section.key,
        "code": line.code,
        "ref": line.ref,
        "title": line.title,
        "description": line.description,
        "unit": line.unit,
        "polarity": line.polarity,
        "decimals": line.decimals,
        "version": line.version,
        "period": card.period.label,
        "value": _rounded(line.value),
        "numerator": _exact(line.numerator),
        "denominator": _exact(line.denominator),
        "target": _rounded(line.target),
        "rag": line.rag,
        "published": _rounded(line.published),
        "comparators": _comparators_json(line.comparators),
        "trend": [
            {
                "period": point.period,
                "value": _rounded(point.value),
                "england": _rounded(point.england),
                "neighbours": _rounded(point.neighbours),
            }
            for point in line.trend
        ],
        "note": line.note or None,
        "commentary": written.text if written else None,
        "commentary_detail": _commentary_json(written),
    }


def scorecard_json(card: Scorecard, commentary: Mapping[str, Commentary]) -> dict[str, Any]:
    """The scorecard and its commentary as plain JSON types (json.dumps takes it as it is)."""
    sections = []
    for section in card.sections:
        written = commentary_for(commentary, section)
        sections.append(
            {
                "key": section.key,
                "title": section.title,
                "codes": [line.code for line in section.lines],
                "commentary": written.text if written else None,
                "commentary_detail": _commentary_json(written),
            }
        )
    return {
        "format_version": FORMAT_VERSION,
        "board": card.board,
        "title": card.title,
        "audience": card.audience,
        "council": card.council,
        "period": {
            "label": card.period.label,
            "start": card.period.start.isoformat(),
            "end": card.period.end.isoformat(),
            "frequency": card.period.frequency.value,
        },
        "team": card.team,
        "team_name": card.team_name,
        "population": card.population,
        "source": card.source,
        "code_version": card.code_version,
        "generated_at": card.generated_at.isoformat(),
        "notes": list(card.notes),
        "sections": sections,
        "indicators": [
            _line_json(card, section, line, commentary)
            for section in card.sections
            for line in section.lines
        ],
        "values": [
            {
                "code": code,
                "period": period,
                "numerator": _exact(numerator),
                "denominator": _exact(denominator),
                "value": _rounded(value),
            }
            for code, period, numerator, denominator, value in card.values.select(
                *VALUES_SCHEMA
            ).iter_rows()
        ],
    }


# Reading a document back ------------------------------------------------------------------


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _comparators_read(raw: Mapping[str, Any] | None) -> Comparators | None:
    if raw is None:
        return None
    quartiles = raw.get("quartiles")
    return Comparators(
        measure=raw["measure"],
        year=int(raw["year"]),
        council=_float(raw.get("council")),
        england=_float(raw.get("england")),
        region=_float(raw.get("region")),
        region_name=raw.get("region_name") or "",
        neighbours_mean=_float(raw.get("statistical_neighbours_mean")),
        neighbours_counted=int(raw.get("neighbours_counted") or 0),
        neighbour_model=raw.get("neighbour_model") or "",
        quartile_band=raw.get("quartile_band"),
        quartiles=(
            None
            if quartiles is None
            else (float(quartiles[0]), float(quartiles[1]), float(quartiles[2]))
        ),
        source=raw.get("source") or LAIT_SOURCE,
    )


def _commentary_read(raw: Mapping[str, Any] | None) -> Commentary | None:
    if raw is None:
        return None
    return Commentary(
        text=raw["text"],
        author=raw["author"],
        written_at=dt.datetime.fromisoformat(raw["written_at"]),
    )


def _line_read(raw: Mapping[str, Any]) -> Line:
    return Line(
        code=raw["code"],
        ref=raw["ref"],
        title=raw["title"],
        description=raw.get("description", ""),
        unit=raw["unit"],
        polarity=raw["polarity"],
        decimals=int(raw.get("decimals", 1)),
        version=int(raw["version"]),
        value=_float(raw.get("value")),
        numerator=_float(raw.get("numerator")),
        denominator=_float(raw.get("denominator")),
        target=_float(raw.get("target")),
        rag=raw.get("rag"),
        comparators=_comparators_read(raw.get("comparators")),
        published=_float(raw.get("published")),
        trend=tuple(
            TrendPoint(
                period=point["period"],
                value=_float(point.get("value")),
                england=_float(point.get("england")),
                neighbours=_float(point.get("neighbours")),
            )
            for point in raw.get("trend", ())
        ),
        note=raw.get("note") or "",
    )


def scorecard_from_json(document: Mapping[str, Any]) -> tuple[Scorecard, dict[str, Commentary]]:
    """The scorecard and commentary a `scorecard_json` document holds (its `rows` empty)."""
    version = document.get("format_version")
    if version != FORMAT_VERSION:
        raise ScorecardDocumentError(
            f"a scorecard document of format {version!r}; this code reads {FORMAT_VERSION}"
        )
    try:
        period_raw = document["period"]
        period = Period(
            end=dt.date.fromisoformat(period_raw["end"]),
            start=dt.date.fromisoformat(period_raw["start"]),
            frequency=Frequency(period_raw["frequency"]),
            label=period_raw["label"],
        )
        by_section: dict[str, list[Line]] = {}
        commentary: dict[str, Commentary] = {}
        for raw in document["indicators"]:
            line = _line_read(raw)
            by_section.setdefault(raw["section_key"], []).append(line)
            written = _commentary_read(raw.get("commentary_detail"))
            if written is not None:
                commentary[f"{raw['section_key']}/{line.code}"] = written
        sections = []
        for raw in document["sections"]:
            section = Section(
                key=raw["key"], title=raw["title"], lines=tuple(by_section.get(raw["key"], ()))
            )
            sections.append(section)
            written = _commentary_read(raw.get("commentary_detail"))
            if written is not None:
                commentary[commentary_key(section)] = written
        values = pl.DataFrame(
            [
                (row["code"], row["period"], row["numerator"], row["denominator"], row["value"])
                for row in document.get("values", ())
            ],
            schema=VALUES_SCHEMA,
            orient="row",
        )
        card = Scorecard(
            board=document["board"],
            title=document["title"],
            audience=document.get("audience", ""),
            council=document["council"],
            period=period,
            team=document.get("team"),
            team_name=document.get("team_name"),
            source=document["source"],
            code_version=document.get("code_version", ""),
            generated_at=dt.datetime.fromisoformat(document["generated_at"]),
            sections=tuple(sections),
            population=document.get("population"),
            rows=pl.DataFrame(schema={**COUNTED_SCHEMA, "code": pl.String()}),
            values=values,
            notes=tuple(document.get("notes", ())),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ScorecardDocumentError(f"not a scorecard document: {error!r}") from error
    return card, commentary
