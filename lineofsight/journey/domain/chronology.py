"""The child's chronology: every dated event of the journey as one list, newest first.

Inspections keep finding records where it is "not always possible to track key events". The
chronology is built, never typed: each journey record gives one entry per date it carries (a
plan its start and, once ended, its end), in plain English written from the record. This
module holds the rules (the filter groups, the order, the wording helpers, the file); the
selector reads the rows and the code labels.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime

# The filter groups a reader can narrow the chronology to, in the order they are offered.
KINDS: dict[str, str] = {
    "front_door": "Front door and early help",
    "assessment": "Referrals and assessments",
    "child_in_need": "Child in need",
    "child_protection": "Child protection",
    "visits": "Visits",
    "looked_after": "Looked after",
    "health_education": "Health and education",
    "missing": "Missing from home or care",
    "court": "Court and youth justice",
    "permanence": "Permanence and adoption",
    "care_leaver": "Care leaver",
    "family": "Family and household",
    "oversight": "Allocation and oversight",
    "case_notes": "Case notes",
}

TITLE_LIMIT = 120
DETAIL_LIMIT = 400
ELLIPSIS = "…"

CSV_HEADERS = ("Date", "Time", "Kind", "Event", "Detail", "Record type", "Record key")
# A spreadsheet runs a cell starting with one of these as a formula; such text gets a quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, kw_only=True)
class ChronologyEntry:
    """One dated event: `at` is the time when the record has one (a contact, a note)."""

    on: date
    at: datetime | None
    kind: str
    title: str
    detail: str
    record_type: str
    record_key: str

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"Unknown chronology kind {self.kind!r}")

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]


def unknown_kinds(kinds: Iterable[str]) -> list[str]:
    """The asked-for kinds that are not filter groups (for a form to refuse)."""
    return sorted(set(kinds) - KINDS.keys())


def chronology_sorted(
    entries: Iterable[ChronologyEntry], kinds: Collection[str] | None = None
) -> list[ChronologyEntry]:
    """The entries of the `kinds` asked for (all of them when None or empty), newest first.

    Order: by date, then time (an entry with no time counts as the start of its day), then
    record key and record type, newest first. Entries equal on all of those (two stages of
    one record on the same day) come in the reverse of the order they were given, so a record
    built stage by stage shows its later stage above its earlier one.
    """
    if kinds:
        unknown = unknown_kinds(kinds)
        if unknown:
            raise ValueError(f"Unknown chronology kinds: {', '.join(unknown)}")
        wanted = set(kinds)
        entries = [entry for entry in entries if entry.kind in wanted]
    ascending = sorted(entries, key=_order)
    ascending.reverse()
    return ascending


def _order(entry: ChronologyEntry) -> tuple[date, bool, float, str, str]:
    return (
        entry.on,
        entry.at is not None,
        entry.at.timestamp() if entry.at is not None else 0.0,
        entry.record_key,
        entry.record_type,
    )


def shorten(text: str, limit: int) -> str:
    """`text` on one line, cut at a word boundary to at most `limit` characters with "…"."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - len(ELLIPSIS)]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-—") + ELLIPSIS


def title_text(text: str) -> str:
    return shorten(text, TITLE_LIMIT)


def detail_text(*parts: str) -> str:
    """The non-empty parts joined as sentences-ish ("; "), shortened for the list."""
    return shorten("; ".join(part.strip() for part in parts if part and part.strip()), DETAIL_LIMIT)


def visit_seen_phrase(*, child_seen: bool, child_seen_alone: bool) -> str:
    if child_seen_alone:
        return "child seen alone"
    if child_seen:
        return "child seen, not alone"
    return "child not seen"


def decision_title(*, kind_label: str, made_by: str, made_by_role: str, decision: str) -> str:
    """ "Decision (Step up) recorded by Team manager Jo Bloggs: <the decision>"."""
    who = " ".join(part for part in (made_by_role, made_by) if part)
    recorded = f"Decision ({kind_label}) recorded by {who}" if who else f"Decision ({kind_label})"
    return title_text(f"{recorded}: {decision}")


@dataclass(frozen=True)
class NoteVersion:
    """A case note as written: `amends` is the key of the note it amends, if any."""

    key: str
    amends: str | None
    written_at: datetime


def latest_note_versions(notes: Iterable[NoteVersion]) -> dict[str, str]:
    """For each original note (one that amends nothing), the key of its latest version.

    Notes are amended by appending, so a chain is original → amendment → amendment …; the
    latest is the one written last in the chain (by time, then key). A note whose chain is
    broken (it amends a note not given) counts as an original of its own.
    """
    by_key = {note.key: note for note in notes}
    latest: dict[str, NoteVersion] = {}
    for note in by_key.values():
        root = _root(note, by_key)
        best = latest.get(root)
        if best is None or (note.written_at, note.key) > (best.written_at, best.key):
            latest[root] = note
    return {root: note.key for root, note in latest.items()}


def _root(note: NoteVersion, by_key: dict[str, NoteVersion]) -> str:
    seen = {note.key}
    while note.amends is not None and note.amends in by_key and note.amends not in seen:
        note = by_key[note.amends]
        seen.add(note.key)
    return note.key


def _cell(value: str) -> str:
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def chronology_csv(entries: Iterable[ChronologyEntry]) -> str:
    """The chronology as CSV text: a header row, then one row per entry in the given order.

    Dates are ISO (2017-03-31); the time is HH:MM in the entry's own time zone, blank when
    the record has none. Text that a spreadsheet would run as a formula gets a quote.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    for entry in entries:
        writer.writerow(
            [
                entry.on.isoformat(),
                entry.at.strftime("%H:%M") if entry.at is not None else "",
                entry.kind_label,
                _cell(entry.title),
                _cell(entry.detail),
                entry.record_type,
                _cell(entry.record_key),
            ]
        )
    return buffer.getvalue()
