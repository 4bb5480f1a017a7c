"""Reading a CIN census back: round trips byte for byte, counts, determinism, bad files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from lineofsight.returns.cin_census.export import cin_census_write
from lineofsight.returns.cin_census.import_ import cin_census_read
from lineofsight.returns.domain.errors import ReturnError
from lineofsight.synth.council import SyntheticCouncil
from lineofsight.timescales.tests.builders import journey_frames

D = dt.date
STAMP = dt.datetime(2017, 4, 20, 9, 30)


def _frames() -> dict[str, pl.DataFrame]:
    """Year ending 31 March 2017, every record inside the census (so counts can be compared).
    C1: assessment with factors, CIN plan, s47 with ICPC, CP plan with reviews, and a second
    (NFA) referral; C2: unborn, pre-birth ICPC outside any s47, no plan; C3: closed episode."""
    child: dict[str, Any] = {
        "given_name": "A",
        "family_name": "B",
        "is_uasc": False,
        "motherhood_recorded": False,
    }
    return journey_frames(
        child=[
            child
            | {
                "child_id": "C1",
                "upn": "A123456789012",
                "sex": "M",
                "born_on": D(2012, 6, 3),
                "ethnicity": "WBRI",
            },
            child
            | {
                "child_id": "C2",
                "upn_unknown_reason": "UN1",
                "sex": "U",
                "expected_birth_on": D(2017, 5, 10),
                "ethnicity": "NOBT",
            },
            child
            | {
                "child_id": "C3",
                "upn_unknown_reason": "UN3",
                "sex": "F",
                "born_on": D(2005, 1, 2),
                "died_on": D(2017, 1, 1),
                "ethnicity": "MWBC",
            },
        ],
        child_disability=[
            {"key": "D1", "child_id": "C1", "disability": "AUT"},
            {"key": "D2", "child_id": "C1", "disability": "MOB"},
        ],
        referral=[
            {"key": "R1", "child_id": "C1", "referred_on": D(2016, 5, 10), "source": "2A",
             "primary_need": "N1", "is_nfa": False},
            {"key": "R2", "child_id": "C1", "referred_on": D(2017, 3, 1), "source": "1A",
             "is_nfa": True, "closed_on": D(2017, 3, 1), "closure_reason": "RC8"},
            {"key": "R3", "child_id": "C2", "referred_on": D(2017, 1, 5), "source": "3B",
             "primary_need": "N2", "is_nfa": False},
            {"key": "R4", "child_id": "C3", "referred_on": D(2016, 2, 1), "source": "5B",
             "primary_need": "N3", "is_nfa": False, "closed_on": D(2017, 1, 1),
             "closure_reason": "RC2"},
        ],
        assessment=[
            {"key": "A1", "referral_id": "R1", "started_on": D(2016, 5, 12),
             "authorised_on": D(2016, 6, 20)},
            {"key": "A2", "referral_id": "R3", "started_on": D(2017, 3, 20)},
        ],
        assessment_factor=[
            {"key": "F1", "assessment_id": "A1", "factor": "1B"},
            {"key": "F2", "assessment_id": "A1", "factor": "3B"},
        ],
        cin_plan=[
            {"key": "P1", "referral_id": "R1", "started_on": D(2016, 6, 21),
             "ended_on": D(2016, 7, 1)},
        ],
        section47_enquiry=[
            {"key": "S1", "referral_id": "R1", "started_on": D(2016, 7, 2),
             "icpc_not_required": False, "icpc_target_on": D(2016, 7, 20)},
            {"key": "S2", "referral_id": "R4", "started_on": D(2016, 4, 2),
             "icpc_not_required": True, "completed_on": D(2016, 4, 20)},
        ],
        cp_plan=[
            {"key": "CPP1", "referral_id": "R1", "started_on": D(2016, 7, 19),
             "initial_category": "NEG", "latest_category": "EMO", "previous_plans_count": 0},
        ],
        conference=[
            {"key": "K1", "referral_id": "R1", "kind": "initial", "held_on": D(2016, 7, 19),
             "section47_enquiry_id": "S1", "cp_plan_id": "CPP1", "outcome": "plan"},
            {"key": "K2", "referral_id": "R1", "kind": "review", "held_on": D(2016, 10, 12),
             "cp_plan_id": "CPP1", "outcome": "plan_continues"},
            {"key": "K3", "referral_id": "R1", "kind": "review", "held_on": D(2017, 3, 30),
             "cp_plan_id": "CPP1", "outcome": "plan_continues"},
            {"key": "K4", "referral_id": "R3", "kind": "pre_birth", "held_on": D(2017, 2, 1),
             "outcome": "no_plan"},
        ],
    )  # fmt: skip


def _shifted(year: int) -> dict[str, pl.DataFrame]:
    years = pl.col(pl.Date).dt.offset_by(f"{year - 2017}y")
    return {name: frame.with_columns(years) for name, frame in _frames().items()}


@pytest.mark.parametrize("year", [2017, 2022, 2025])
def test_round_trip_is_byte_identical(tmp_path: Path, year: int) -> None:
    first, second = tmp_path / "first.xml", tmp_path / "second.xml"
    cin_census_write(_shifted(year), year=year, out=first, la_number="335", generated_at=STAMP)
    read = cin_census_read(first)
    assert (read.year, read.la_number) == (year, "335")
    cin_census_write(read.frames, year=year, out=second, la_number="335", generated_at=STAMP)
    assert second.read_bytes() == first.read_bytes()


def test_counts_match_the_source(tmp_path: Path) -> None:
    out = tmp_path / "cin.xml"
    source = _frames()
    cin_census_write(source, year=2017, out=out, la_number="335", generated_at=STAMP)
    frames = cin_census_read(out).frames
    for name in (
        "child",
        "child_disability",
        "referral",
        "assessment",
        "assessment_factor",
        "section47_enquiry",
        "cp_plan",
        "conference",
    ):
        assert frames[name].height == source[name].height, name
    assert frames["cin_plan"].is_empty()  # 2017 has no CINPlanDates
    icpc = frames["conference"].filter(pl.col("kind") == "initial").sort("held_on")
    assert icpc["outcome"].to_list() == ["plan", "no_plan"]
    assert icpc["cp_plan_id"][0] == frames["cp_plan"]["key"][0]
    assert frames["child"].filter(pl.col("child_id") == "C2")["born_on"][0] is None
    referral = frames["referral"].filter(pl.col("is_nfa"))
    assert referral["key"].to_list() == ["C1/R/20170301"]


def test_reading_twice_gives_the_same_frames(tmp_path: Path) -> None:
    out = tmp_path / "cin.xml"
    cin_census_write(_frames(), year=2017, out=out, la_number="335", generated_at=STAMP)
    first, second = cin_census_read(out), cin_census_read(out)
    assert first.frames.keys() == second.frames.keys()
    for name, frame in first.frames.items():
        assert_frame_equal(frame, second.frames[name])
        key = frame.columns[0]
        assert frame[key].is_unique().all(), name


def test_long_child_ids_get_keys_that_fit(tmp_path: Path) -> None:
    frames = _frames()
    long_id = "X" * 20
    frames = {
        name: frame.with_columns(pl.col("child_id").replace("C1", long_id))
        if "child_id" in frame.columns
        else frame
        for name, frame in frames.items()
    }
    out = tmp_path / "cin.xml"
    cin_census_write(frames, year=2017, out=out, la_number="335", generated_at=STAMP)
    read = cin_census_read(out)  # frames_conform checks every key's length
    assert read.frames["assessment_factor"]["key"].str.len_chars().max() == 40


def _valid(tmp_path: Path) -> bytes:
    out = tmp_path / "valid.xml"
    cin_census_write(_frames(), year=2017, out=out, la_number="335", generated_at=STAMP)
    return out.read_bytes()


def _first_referral_date(valid: bytes, value: bytes) -> bytes:
    start = valid.index(b"<CINreferralDate>") + len(b"<CINreferralDate>")
    return valid[:start] + value + valid[valid.index(b"</CINreferralDate>", start) :]


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("empty", r"bad\.xml: line 1: the file is empty"),
        ("not_xml", r"bad\.xml: line 1, column \d+: not well-formed"),
        ("truncated", r"bad\.xml: line \d+, column \d+: not well-formed"),
        ("not_utf8", r"bad\.xml: line \d+, byte \d+: not UTF-8"),
        ("not_cin", r"bad\.xml: line 2, /Return: not a CIN census"),
        ("other_collection", r"bad\.xml: line \d+, /Message/Header/CollectionDetails/Collection"),
        ("no_schema_year", r"bad\.xml: CIN census year 2016: only years"),
        ("xsd", r"bad\.xml: CIN census 2017 is not valid .*: line \d+, /Message/Children/Child"),
        ("duplicate", r"bad\.xml: line \d+, /Message/Children/Child\[2\]/.*/LAchildID: .*twice"),
        (
            "malformed_date",
            r"bad\.xml: CIN census 2017 is not valid .*/CINreferralDate.*01/06/2016",
        ),
        (
            "impossible_date",
            r"bad\.xml: CIN census 2017 is not valid .*/CINreferralDate.*2016-02-30",
        ),
        (
            "later_year",
            r"bad\.xml: line \d+, /Message/Children/Child\[1\]/CINdetails\[1\]/CINreferralDate: "
            r"CINreferralDate 01/06/2017 is after 31/03/2017, the end of the 2016-17 census",
        ),
    ],
)
def test_bad_files_are_reported_with_where(tmp_path: Path, case: str, expected: str) -> None:
    valid = _valid(tmp_path)
    bad = {
        "empty": b"",
        "not_xml": b"this is not xml",
        "truncated": valid[: len(valid) // 2],
        "not_utf8": valid.replace(b"WBRI", b"WBR\xff"),
        "not_cin": b"<?xml version='1.0'?>\n<Return><Header/></Return>",
        "other_collection": valid.replace(
            b"<Collection>CIN</Collection>", b"<Collection>SEN</Collection>"
        ),
        "no_schema_year": valid.replace(b"<Year>2017</Year>", b"<Year>2016</Year>"),
        "xsd": valid.replace(b"<Ethnicity>WBRI</Ethnicity>", b"<Ethnicity>ZZZZ</Ethnicity>"),
        "duplicate": valid.replace(b"<LAchildID>C2</LAchildID>", b"<LAchildID>C1</LAchildID>"),
        "malformed_date": _first_referral_date(valid, b"01/06/2016"),
        "impossible_date": _first_referral_date(valid, b"2016-02-30"),
        "later_year": _first_referral_date(valid, b"2017-06-01"),
    }[case]
    path = tmp_path / "bad.xml"
    path.write_bytes(bad)
    with pytest.raises(ReturnError, match=expected):
        cin_census_read(path)


@pytest.mark.slow
def test_walsall_2017_round_trip(tmp_path: Path, walsall: SyntheticCouncil) -> None:
    first, second = tmp_path / "first.xml", tmp_path / "second.xml"
    cin_census_write(walsall.frames, year=2017, out=first, la_number="335", generated_at=STAMP)
    read = cin_census_read(first)
    cin_census_write(read.frames, year=2017, out=second, la_number="335", generated_at=STAMP)
    assert second.read_bytes() == first.read_bytes()
