"""Commentary written on a scorecard, as every renderer receives it, and how its dates read.

Renderers take a `Mapping[str, Commentary]` keyed by a section's key ("s1") for the
section's commentary and by "s1/<indicator code>" for one indicator's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from lineofsight.reports.domain.scorecard import Line, Section

LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class Commentary:
    text: str
    author: str
    written_at: dt.datetime


def commentary_key(section: Section, line: Line | None = None) -> str:
    """The key of a section's commentary, or of one of its indicators' commentary."""
    return section.key if line is None else f"{section.key}/{line.code}"


def commentary_for(
    commentary: Mapping[str, Commentary], section: Section, line: Line | None = None
) -> Commentary | None:
    """The commentary recorded on a section (or one of its lines), if any has text."""
    found = commentary.get(commentary_key(section, line))
    return found if found is not None and found.text.strip() else None


def local_time(moment: dt.datetime) -> dt.datetime:
    """An aware time in the council's time zone (a naive one is taken as already local)."""
    return moment.astimezone(LONDON) if moment.tzinfo is not None else moment


def long_date(day: dt.date) -> str:
    """A date as a board paper writes it: "1 April 2016"."""
    return f"{day.day} {day:%B %Y}"
