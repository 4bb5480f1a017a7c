"""The chronology rules on plain values: the groups, the order, the wording, the file."""

from __future__ import annotations

import csv
import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest

from lineofsight.journey.domain.chronology import (
    CSV_HEADERS,
    KINDS,
    TITLE_LIMIT,
    ChronologyEntry,
    NoteVersion,
    chronology_csv,
    chronology_sorted,
    decision_title,
    detail_text,
    latest_note_versions,
    shorten,
    unknown_kinds,
    visit_seen_phrase,
)

D = dt.date
LONDON = ZoneInfo("Europe/London")


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


def entry(
    on: dt.date,
    key: str,
    *,
    kind: str = "assessment",
    when: dt.datetime | None = None,
    title: str = "Something happened",
    record_type: str = "referral",
    detail: str = "",
) -> ChronologyEntry:
    return ChronologyEntry(
        on=on,
        at=when,
        kind=kind,
        title=title,
        detail=detail,
        record_type=record_type,
        record_key=key,
    )


def keys(entries: list[ChronologyEntry]) -> list[str]:
    return [e.record_key for e in entries]


# ---- the groups ----------------------------------------------------------------------------


def test_every_group_has_a_label_and_an_entry_knows_its_label() -> None:
    assert all(label for label in KINDS.values())
    assert entry(D(2017, 1, 1), "R1", kind="child_protection").kind_label == "Child protection"


def test_an_entry_of_an_unknown_group_is_refused() -> None:
    with pytest.raises(ValueError, match="Unknown chronology kind 'gossip'"):
        entry(D(2017, 1, 1), "R1", kind="gossip")


def test_unknown_kinds_names_only_the_unknown_ones() -> None:
    assert unknown_kinds(["visits", "gossip", "rumour"]) == ["gossip", "rumour"]
    assert unknown_kinds([]) == []


# ---- the order and the filter --------------------------------------------------------------


def test_newest_date_comes_first() -> None:
    entries = [entry(D(2017, 1, 1), "A"), entry(D(2017, 3, 1), "B"), entry(D(2017, 2, 1), "C")]
    assert keys(chronology_sorted(entries)) == ["B", "C", "A"]


def test_on_one_day_later_times_come_first_and_untimed_entries_last() -> None:
    day = D(2017, 2, 1)
    entries = [
        entry(day, "UNTIMED"),
        entry(day, "MORNING", when=at(day, 9)),
        entry(day, "AFTERNOON", when=at(day, 15, 30)),
    ]
    assert keys(chronology_sorted(entries)) == ["AFTERNOON", "MORNING", "UNTIMED"]


def test_same_date_and_time_order_by_record_key_then_record_type_newest_last() -> None:
    day = D(2017, 2, 1)
    entries = [
        entry(day, "K1", record_type="visit"),
        entry(day, "K2", record_type="referral"),
        entry(day, "K1", record_type="assessment"),
    ]
    result = chronology_sorted(entries)
    assert [(e.record_key, e.record_type) for e in result] == [
        ("K2", "referral"),
        ("K1", "visit"),
        ("K1", "assessment"),
    ]


def test_two_stages_of_one_record_on_one_day_show_the_later_stage_first() -> None:
    day = D(2017, 2, 1)
    started = entry(day, "A1", title="Assessment started", record_type="assessment")
    seen = entry(day, "A1", title="Assessment: child seen", record_type="assessment")
    assert [e.title for e in chronology_sorted([started, seen])] == [
        "Assessment: child seen",
        "Assessment started",
    ]


def test_the_order_does_not_depend_on_the_input_order_of_distinct_records() -> None:
    entries = [
        entry(D(2017, 1, 1), "A"),
        entry(D(2017, 1, 1), "B", when=at(D(2017, 1, 1), 10)),
        entry(D(2016, 12, 31), "C", when=at(D(2016, 12, 31), 23, 59)),
        entry(D(2017, 1, 1), "D"),
    ]
    assert chronology_sorted(entries) == chronology_sorted(list(reversed(entries)))
    assert keys(chronology_sorted(entries)) == ["B", "D", "A", "C"]


def test_times_in_different_zones_compare_as_instants() -> None:
    day = D(2017, 7, 1)
    london_nine = at(day, 9)  # 08:00 UTC in summer
    utc_eight_thirty = dt.datetime(2017, 7, 1, 8, 30, tzinfo=dt.UTC)
    entries = [entry(day, "L", when=london_nine), entry(day, "U", when=utc_eight_thirty)]
    assert keys(chronology_sorted(entries)) == ["U", "L"]


def test_kinds_narrow_the_list_and_none_or_empty_keeps_everything() -> None:
    entries = [
        entry(D(2017, 1, 1), "V", kind="visits"),
        entry(D(2017, 1, 2), "P", kind="child_protection"),
        entry(D(2017, 1, 3), "N", kind="case_notes"),
    ]
    assert keys(chronology_sorted(entries, ["visits", "case_notes"])) == ["N", "V"]
    assert keys(chronology_sorted(entries, None)) == ["N", "P", "V"]
    assert keys(chronology_sorted(entries, [])) == ["N", "P", "V"]
    assert chronology_sorted(entries, ["missing"]) == []


def test_an_unknown_kind_in_the_filter_is_refused() -> None:
    with pytest.raises(ValueError, match="Unknown chronology kinds: gossip"):
        chronology_sorted([entry(D(2017, 1, 1), "A")], ["visits", "gossip"])


# ---- the wording ---------------------------------------------------------------------------


def test_shorten_keeps_short_text_on_one_line() -> None:
    assert shorten("  Seen at\nschool   today ", 50) == "Seen at school today"


def test_shorten_cuts_long_text_at_a_word_with_an_ellipsis() -> None:
    text = "The rationale is that the family have engaged well with the plan for many weeks"
    short = shorten(text, 40)
    assert len(short) <= 40
    assert short.endswith("…")
    assert text.startswith(short[:-1])
    assert not short[:-1].endswith(" ")
    assert short == "The rationale is that the family have…"


def test_shorten_cuts_one_long_word_hard() -> None:
    assert shorten("x" * 50, 10) == "x" * 9 + "…"


def test_detail_text_joins_the_parts_given_and_skips_blanks() -> None:
    assert detail_text("Bedroom seen", "", "  ", "by Jo Testworker") == (
        "Bedroom seen; by Jo Testworker"
    )
    assert detail_text() == ""


def test_visit_seen_phrase() -> None:
    assert visit_seen_phrase(child_seen=True, child_seen_alone=True) == "child seen alone"
    assert visit_seen_phrase(child_seen=True, child_seen_alone=False) == "child seen, not alone"
    assert visit_seen_phrase(child_seen=False, child_seen_alone=False) == "child not seen"


def test_decision_title_names_the_kind_and_who_made_it() -> None:
    title = decision_title(
        kind_label="Step up",
        made_by="Ada Examplemanager",
        made_by_role="Team manager",
        decision="Step up to an assessment",
    )
    assert title == (
        "Decision (Step up) recorded by Team manager Ada Examplemanager: Step up to an assessment"
    )


def test_decision_title_without_a_maker_and_with_a_long_decision() -> None:
    title = decision_title(
        kind_label="Closure", made_by="", made_by_role="", decision="Close the case " * 30
    )
    assert title.startswith("Decision (Closure): Close the case")
    assert len(title) <= TITLE_LIMIT
    assert title.endswith("…")


# ---- amended case notes --------------------------------------------------------------------


def test_a_note_never_amended_is_its_own_latest_version() -> None:
    note = NoteVersion(key="N1", amends=None, written_at=at(D(2017, 1, 1), 9))
    assert latest_note_versions([note]) == {"N1": "N1"}


def test_a_chain_of_amendments_shows_the_last_one_written() -> None:
    notes = [
        NoteVersion(key="N1-B", amends="N1-A", written_at=at(D(2017, 1, 2), 9)),
        NoteVersion(key="N1", amends=None, written_at=at(D(2017, 1, 1), 9)),
        NoteVersion(key="N1-A", amends="N1", written_at=at(D(2017, 1, 1), 17)),
        NoteVersion(key="N2", amends=None, written_at=at(D(2017, 1, 3), 9)),
    ]
    assert latest_note_versions(notes) == {"N1": "N1-B", "N2": "N2"}


def test_two_amendments_of_one_note_keep_the_later() -> None:
    notes = [
        NoteVersion(key="N1", amends=None, written_at=at(D(2017, 1, 1), 9)),
        NoteVersion(key="N1-LATE", amends="N1", written_at=at(D(2017, 1, 5), 9)),
        NoteVersion(key="N1-EARLY", amends="N1", written_at=at(D(2017, 1, 2), 9)),
    ]
    assert latest_note_versions(notes) == {"N1": "N1-LATE"}


def test_an_amendment_of_a_note_not_given_stands_as_its_own_original() -> None:
    note = NoteVersion(key="N9-A", amends="N9", written_at=at(D(2017, 1, 1), 9))
    assert latest_note_versions([note]) == {"N9-A": "N9-A"}


# ---- the file ------------------------------------------------------------------------------


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_the_csv_has_a_header_and_one_row_per_entry_in_the_order_given() -> None:
    day = D(2017, 3, 31)
    entries = [
        entry(
            day,
            "V1",
            kind="visits",
            when=at(day, 14, 5),
            title="Child protection visit: child seen alone",
            detail="Bedroom seen; by Jo Testworker",
            record_type="visit",
        ),
        entry(D(2017, 1, 9), "R1", title="Referral received (source: Police)"),
    ]
    rows = _rows(chronology_csv(entries))
    assert rows[0] == list(CSV_HEADERS)
    assert rows[1:] == [
        [
            "2017-03-31",
            "14:05",
            "Visits",
            "Child protection visit: child seen alone",
            "Bedroom seen; by Jo Testworker",
            "visit",
            "V1",
        ],
        [
            "2017-01-09",
            "",
            "Referrals and assessments",
            "Referral received (source: Police)",
            "",
            "referral",
            "R1",
        ],
    ]


def test_the_csv_of_no_entries_is_the_header_alone() -> None:
    assert chronology_csv([]) == ",".join(CSV_HEADERS) + "\r\n"


def test_the_csv_quotes_commas_and_new_lines_and_defuses_formulas() -> None:
    day = D(2017, 3, 31)
    text = chronology_csv(
        [entry(day, "N1", kind="case_notes", title="=HYPERLINK(1)", detail='Said "no", then\nleft')]
    )
    rows = _rows(text)
    assert rows[1][3] == "'=HYPERLINK(1)"
    assert rows[1][4] == 'Said "no", then\nleft'
