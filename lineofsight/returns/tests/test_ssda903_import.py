"""Reading SSDA903 CSV tables back: round trips, counts, what each table becomes, bad files."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from lineofsight.returns.domain.errors import ReturnError
from lineofsight.returns.ssda903.checks import ssda903_year_detect
from lineofsight.returns.ssda903.export import ssda903_tables, ssda903_write
from lineofsight.returns.ssda903.import_ import ssda903_read
from lineofsight.returns.ssda903.spec import FILE_NAMES
from lineofsight.returns.ssda903.tables_in import ADD_ONLY_TABLES, ssda903_frames
from lineofsight.returns.tests.test_ssda903_export import _child, _episode
from lineofsight.synth.council import SyntheticCouncil, synthesise_council
from lineofsight.timescales.tests.builders import journey_frames

D = dt.date
LONDON = dt.timezone(dt.timedelta(hours=1))  # BST, for the missing episode in September


def _status(key: str, child_id: str, as_of: str, **extra: Any) -> dict[str, Any]:
    row = {
        "key": key,
        "child_id": child_id,
        "as_of": as_of,
        "eligibility": "former_relevant",
        "in_touch": "YES",
        "activity": "F2",
        "accommodation": "U",
        "accommodation_suitable": True,
        "staying_put": False,
    }
    return row | extra


def _check(key: str, child_id: str, kind: str, value: str | None = None) -> dict[str, Any]:
    return {"key": key, "child_id": child_id, "kind": kind, "done_on": "2016-10-01", "value": value}


def _frames_2017() -> dict[str, pl.DataFrame]:
    """2016-17. C1 looked after all year (OC2, reviews, missing, previous permanence); C2
    adopted (two decisions: the earlier has the AD1 items and the adoption order, the later
    ceased); C3 adopted with no adoption record; U1 UASC until December; care leavers L1
    (status in the year), L2 (born 29 February, no status in the year), L3 (not in touch,
    ACCOM 0) and L4 (suitability of accommodation not known)."""
    return journey_frames(
        child=[
            _child("C1", "2010-05-01"),
            _child("C2", "2014-06-06", sex="M", upn=None, upn_unknown_reason="UN1"),
            _child("C3", "2013-01-01", ethnicity="BAFR"),
            _child("U1", "2000-09-09", sex="M", is_uasc=True, uasc_ceased_on="2016-12-01"),
            _child("L1", "1998-06-15"),
            _child("L2", "2000-02-29"),
            _child("L3", "1995-10-10", sex="M"),
            _child("L4", "1997-08-08"),
        ],
        cla_episode=[
            _episode(
                "e1",
                "C1",
                "2015-01-10",
                ended_on="2016-06-01",
                reason_ceased="X1",
                reason_place_change="CARPL",
                home_postcode="B1 1AA",
                placement_postcode="WS1 1AA",
                urn="SC123456",
            ),
            _episode("e2", "C1", "2016-06-01", reason_new="P"),
            _episode(
                "e3",
                "C2",
                "2015-02-01",
                placement_type="A5",
                ended_on="2016-11-01",
                reason_ceased="E11",
            ),
            _episode("e4", "C3", "2014-03-01", ended_on="2017-01-15", reason_ceased="E12"),
            _episode("e5", "U1", "2016-05-01", legal_status="V2", placement_type="K2"),
            _episode("e6", "L1", "2010-01-01", ended_on="2015-06-15", reason_ceased="E5"),
        ],
        cla_review=[
            {"key": "r1", "child_id": "C1", "held_on": "2016-07-01", "participation": "PN1"},
            {"key": "r2", "child_id": "C1", "held_on": "2016-12-01", "participation": "PN3"},
        ],
        adoption=[
            {
                "key": "a1",
                "child_id": "C2",
                "decision_on": "2015-06-01",
                "matched_on": "2016-01-01",
                "placed_on": "2016-02-01",
                "adoption_order_on": "2016-11-01",
                "ceased_on": "2016-11-01",
                "ceased_reason": "RD1",
                "is_foster_for_adoption": False,
                "adopted_by_foster_carer": True,
                "adopter_count": 2,
                "adopter_sex": "MF",
                "adopter_legal_status": "L11",
            },
            {
                "key": "a2",
                "child_id": "C2",
                "decision_on": "2015-09-01",
                "ceased_on": "2016-04-15",
                "ceased_reason": "RD3",
                "is_foster_for_adoption": False,
            },
        ],
        previous_permanence=[
            {
                "key": "p1",
                "child_id": "C1",
                "kind": "P2",
                "order_date_text": "ZZ/ZZ/2012",
                "la_code": "335",
            },
            {"key": "p2", "child_id": "C2", "kind": "P3", "order_on": "2013-05-04"},
        ],
        health_check=[
            _check("h1", "C1", "sdq", "14"),
            _check("h2", "C1", "immunisations", "1"),
            _check("h3", "C1", "dental"),
            _check("h4", "C1", "rha"),
            _check("h5", "C1", "substance_misuse", "1"),
            _check("h6", "C1", "intervention_received", "1"),
        ],
        care_leaver_status=[
            _status("s1", "L1", "2016-06-20"),
            _status("s2", "L2", "2015-01-01", eligibility="relevant"),
            _status(
                "s3",
                "L3",
                "2016-10-01",
                in_touch="NO",
                activity="0",
                accommodation="0",
                accommodation_suitable=None,
            ),
            _status(
                "s4",
                "L4",
                "2016-08-01",
                activity="G5",
                accommodation="D",
                accommodation_suitable=None,
            ),
        ],
        missing_episode=[
            {
                "key": "m1",
                "child_id": "C1",
                "kind": "M",
                "started_at": dt.datetime(2016, 9, 1, 20, 0, tzinfo=LONDON),
                "ended_at": dt.datetime(2016, 9, 2, 8, 0, tzinfo=LONDON),
            },
            {
                "key": "m2",
                "child_id": "C1",
                "kind": "A",
                "started_at": dt.datetime(2017, 3, 30, 22, 0, tzinfo=LONDON),
                "ended_at": dt.datetime(2017, 4, 2, 8, 0, tzinfo=LONDON),
            },
        ],
    )


def _allocation(key: str, child: str, worker: str, started: str, **extra: Any) -> dict[str, Any]:
    row = {
        "key": key,
        "child_id": child,
        "worker_id": worker,
        "team_id": "T",
        "role": "social_worker",
        "started_on": started,
    }
    return row | extra


def _frames_2025() -> dict[str, pl.DataFrame]:
    """2024-25: S1 (male, K3 placement) and T1 (sex unknown) with social workers."""
    return journey_frames(
        child=[_child("S1", "2010-01-01", sex="M"), _child("T1", "2012-02-02", sex="U")],
        cla_episode=[
            _episode("s", "S1", "2023-01-01", placement_type="K3"),
            _episode("t", "T1", "2024-06-01"),
        ],
        allocation=[
            _allocation(
                "w1", "S1", "SW1", "2023-01-01", ended_on="2024-04-30", change_reason="FCONTA"
            ),
            _allocation("w2", "S1", "SW2", "2024-04-30", change_reason="LEFTRL"),
            _allocation("w3", "T1", "SW2", "2024-06-01", change_reason="CHCHAN"),
            _allocation("w4", "S1", "IRO1", "2024-05-01", role="iro"),
        ],
    )


def _written(tmp_path: Path, frames: dict[str, pl.DataFrame], year: int) -> Path:
    out = tmp_path / f"903-{year}"
    ssda903_write(frames, year=year, out=out)
    return out


def _assert_same_tables(first: dict[str, pl.DataFrame], second: dict[str, pl.DataFrame]) -> None:
    assert list(first) == list(second)
    for name, frame in first.items():
        try:
            assert_frame_equal(frame, second[name])
        except AssertionError as error:
            raise AssertionError(f"{name}: {error}") from error


def _rows(folder: Path, table: str) -> list[dict[str, str]]:
    with (folder / FILE_NAMES[table]).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


# -- round trips ------------------------------------------------------------------------------


@pytest.mark.parametrize(("year", "frames"), [(2017, _frames_2017), (2025, _frames_2025)])
def test_round_trip_gives_the_same_tables(tmp_path: Path, year: int, frames: Any) -> None:
    source = frames()
    read = ssda903_read([_written(tmp_path, source, year)])
    assert (read.year, read.notes) == (year, ())
    _assert_same_tables(ssda903_tables(source, year=year), ssda903_tables(read.frames, year=year))


def test_the_edge_cases_are_in_the_files(tmp_path: Path) -> None:
    """The round trip above is only worth something if the files hold the hard cases."""
    folder = _written(tmp_path, _frames_2017(), 2017)
    oc3 = {
        row["CHILD"]: (row["IN_TOUCH"], row["ACTIV"], row["ACCOM"]) for row in _rows(folder, "oc3")
    }
    assert oc3 == {
        "L1": ("YES", "F2", "U1"),
        "L2": ("", "", ""),
        "L3": ("NO", "0", "0"),
        "L4": ("YES", "G5", ""),
    }
    ad1 = {row["CHILD"]: row["DATE_INT"] for row in _rows(folder, "ad1")}
    assert ad1 == {"C2": "01/06/2015", "C3": ""}
    assert [row["DATE_PERM"] for row in _rows(folder, "prev_perm")] == ["ZZ/ZZ/2012", "04/05/2013"]
    oc2 = _rows(folder, "oc2")
    assert [
        (row["CHILD"], row["SUBSTANCE_MISUSE"], row["INTERVENTION_RECEIVED"]) for row in oc2
    ] == [("C1", "1", "1")]


@pytest.mark.slow
def test_walsall_2017_round_trip(tmp_path: Path, walsall: SyntheticCouncil) -> None:
    first = ssda903_tables(walsall.frames, year=2017)
    read = ssda903_read([_written(tmp_path, walsall.frames, 2017)])
    assert read.year == 2017
    _assert_same_tables(first, ssda903_tables(read.frames, year=2017))


@pytest.fixture(scope="module")
def walsall_2024() -> SyntheticCouncil:
    return synthesise_council(la="Walsall", year=2024, seed=1)


@pytest.mark.slow
def test_walsall_2024_round_trip_with_social_workers(
    tmp_path: Path, walsall_2024: SyntheticCouncil
) -> None:
    first = ssda903_tables(walsall_2024.frames, year=2024)
    assert first["social_worker"].height
    folder = _written(tmp_path, walsall_2024.frames, 2024)
    read = ssda903_read([folder])
    assert read.year == 2024
    _assert_same_tables(first, ssda903_tables(read.frames, year=2024))
    _assert_counts(folder, read.frames)


# -- counts and what each table becomes --------------------------------------------------------


def _oc2_records(row: dict[str, str]) -> int:
    """How many health checks an OC2 row stands for (see tables_in's docstring)."""
    sdq = bool(row["SDQ_SCORE"] or row["SDQ_REASON"])
    development = 1 if row["HEALTH_CHECK"] else 0
    flags = [
        row[name]
        for name in (
            "IMMUNISATIONS",
            "TEETH_CHECK",
            "HEALTH_ASSESSMENT",
            "SUBSTANCE_MISUSE",
            "INTERVENTION_RECEIVED",
            "INTERVENTION_OFFERED",
        )
    ]
    return sdq + development + flags.count("1")


def _assert_counts(folder: Path, frames: dict[str, pl.DataFrame]) -> None:
    """Each frame holds what the files say, counted from the files with the csv module."""
    files = {
        name: _rows(folder, name) for name in FILE_NAMES if (folder / FILE_NAMES[name]).exists()
    }
    for table, frame in {
        "header": "child",
        "episodes": "cla_episode",
        "reviews": "cla_review",
        "prev_perm": "previous_permanence",
        "oc3": "care_leaver_status",
        "missing": "missing_episode",
        "social_worker": "allocation",
    }.items():
        assert frames[frame].height == len(files.get(table, [])), table
    assert frames["child"]["is_uasc"].sum() == len(files["uasc"])
    decisions = {(row["CHILD"], row["DATE_PLACED"]) for row in files["placed_adoption"]}
    decisions |= {(row["CHILD"], row["DATE_INT"]) for row in files["ad1"] if row["DATE_INT"]}
    assert frames["adoption"].height == len(decisions)
    assert frames["health_check"].height == sum(_oc2_records(row) for row in files["oc2"])
    workers = {row["SW_ID"] for row in files.get("social_worker", []) if row["SW_ID"]}
    assert frames["worker"].height == len(workers)
    assert frames["team"].height == (1 if workers else 0)


def test_counts_match_the_files(tmp_path: Path) -> None:
    for year, frames in ((2017, _frames_2017()), (2025, _frames_2025())):
        folder = _written(tmp_path, frames, year)
        _assert_counts(folder, ssda903_read([folder]).frames)


def test_what_each_table_becomes(tmp_path: Path) -> None:
    frames = ssda903_read([_written(tmp_path, _frames_2017(), 2017)]).frames
    child = {row["child_id"]: row for row in frames["child"].iter_rows(named=True)}
    assert (child["C2"]["upn"], child["C2"]["upn_unknown_reason"]) == (None, "UN1")
    assert (child["C1"]["upn"], child["C1"]["sex"], child["C1"]["given_name"]) == (
        "A111111111111",
        "F",
        None,
    )
    assert (child["U1"]["is_uasc"], child["U1"]["uasc_ceased_on"]) == (True, D(2016, 12, 1))
    assert not child["C1"]["is_uasc"]
    assert frames["cla_episode"]["key"].to_list() == [
        "C1/E/20150110",
        "C1/E/20160601",
        "C2/E/20150201",
        "C3/E/20140301",
        "U1/E/20160501",
    ]
    assert frames["cla_review"]["key"].to_list() == [
        "C1/CLAR/20160701",
        "C1/CLAR/20161201",
    ]
    adoption = frames["adoption"].sort("decision_on").to_dicts()
    assert [row["key"] for row in adoption] == ["C2/A/20150601", "C2/A/20150901"]
    assert (adoption[1]["ceased_reason"], adoption[1]["adoption_order_on"]) == ("RD3", None)
    assert {
        name: adoption[0][name]
        for name in (
            "matched_on",
            "adoption_order_on",
            "ceased_on",
            "adopted_by_foster_carer",
            "adopter_count",
            "adopter_sex",
            "is_foster_for_adoption",
        )
    } == {
        "matched_on": D(2016, 1, 1),
        "adoption_order_on": D(2016, 11, 1),
        "ceased_on": D(2016, 11, 1),
        "adopted_by_foster_carer": True,
        "adopter_count": 2,
        "adopter_sex": "MF",
        "is_foster_for_adoption": False,
    }
    permanence = frames["previous_permanence"].select("key", "order_on", "order_date_text")
    assert permanence.rows() == [("C1/PP", None, "ZZ/ZZ/2012"), ("C2/PP", D(2013, 5, 4), None)]
    checks = frames["health_check"]
    assert set(checks["done_on"].to_list()) == {D(2017, 3, 31)}
    assert sorted(checks.select("key", "value").rows()) == [
        ("C1/OC2/2017/dental", None),
        ("C1/OC2/2017/immunisations", "1"),
        ("C1/OC2/2017/intervention_received", "1"),
        ("C1/OC2/2017/rha", None),
        ("C1/OC2/2017/sdq", "14"),
        ("C1/OC2/2017/substance_misuse", "1"),
    ]
    statuses = (
        frames["care_leaver_status"]
        .sort("child_id")
        .select(
            "key", "as_of", "eligibility", "in_touch", "accommodation", "accommodation_suitable"
        )
    )
    assert statuses.rows() == [
        ("L1/OC3/20160615", D(2016, 6, 15), "former_relevant", "YES", "U", True),
        # 29 February 2000: 17 on 28 February 2017; nothing known in the year, so a
        # placeholder before it.
        ("L2/OC3/20160331", D(2016, 3, 31), "relevant", "NO", "0", None),
        ("L3/OC3/20161010", D(2016, 10, 10), "former_relevant", "NO", "0", None),
        ("L4/OC3/20160808", D(2016, 8, 8), "former_relevant", "YES", "R", None),
    ]
    missing = frames["missing_episode"].sort("started_at")
    assert missing["key"].to_list() == ["C1/MIS/20160901", "C1/MIS/20170330"]
    assert missing["started_at"][0] == dt.datetime(2016, 9, 1, tzinfo=LONDON)
    assert missing["ended_at"].to_list()[1] is None  # still missing at 31 March
    assert frames["allocation"].is_empty()
    assert frames["worker"].is_empty()


def test_social_workers_become_allocations_and_add_only_workers(tmp_path: Path) -> None:
    frames = ssda903_read([_written(tmp_path, _frames_2025(), 2025)]).frames
    assert frames["child"].sort("child_id")["sex"].to_list() == ["M", "U"]
    allocation = frames["allocation"].sort("key")
    assert allocation.select("key", "worker_id", "team_id", "role", "change_reason").rows() == [
        ("S1/SW/20230101", "SW1", "SSDA903", "social_worker", "FCONTA"),
        ("S1/SW/20240430", "SW2", "SSDA903", "social_worker", "LEFTRL"),
        ("T1/SW/20240601", "SW2", "SSDA903", "social_worker", "CHCHAN"),
    ]
    workers = frames["worker"].sort("staff_id")
    assert workers.select("staff_id", "family_name", "role", "started_on").rows() == [
        ("SW1", "SW1", "social_worker", D(2023, 1, 1)),
        ("SW2", "SW2", "social_worker", D(2024, 4, 30)),
    ]
    assert frames["team"].select("code", "service_area").rows() == [("SSDA903", "children_in_care")]
    assert ADD_ONLY_TABLES == ("team", "worker")


def test_reading_twice_gives_the_same_frames(tmp_path: Path) -> None:
    folder = _written(tmp_path, _frames_2017(), 2017)
    first, second = ssda903_read([folder]), ssda903_read(sorted(folder.iterdir(), reverse=True))
    _assert_same_tables(first.frames, second.frames)


def test_long_child_ids_get_keys_that_fit(tmp_path: Path) -> None:
    long_id = "X" * 20
    frames = {
        name: frame.with_columns(pl.col("child_id").replace("C1", long_id))
        if "child_id" in frame.columns
        else frame
        for name, frame in _frames_2017().items()
    }
    read = ssda903_read([_written(tmp_path, frames, 2017)])  # frames_conform checks lengths
    keys = read.frames["health_check"]["key"]
    assert keys.str.len_chars().max() == 40
    assert keys.is_unique().all()


# -- the year ---------------------------------------------------------------------------------


def _strings(**columns: list[str | None]) -> pl.DataFrame:
    rows = len(next(iter(columns.values())))
    where = [f"t.csv line {line}" for line in range(2, rows + 2)]
    return pl.DataFrame(
        {**columns, "_where": where}, schema=dict.fromkeys([*columns, "_where"], pl.String)
    )


def test_the_year_is_told_by_the_latest_event_not_by_births() -> None:
    tables = {
        "header": _strings(CHILD=["C1"], DOB=["01/05/2017"]),
        "episodes": _strings(DECOM=["01/06/2016", "31/03/2017"], DEC=[None, None]),
        "reviews": _strings(REVIEW=["01/04/2017"]),
    }
    assert ssda903_year_detect(tables) == 2018
    assert ssda903_year_detect({**tables, "reviews": _strings(REVIEW=["31/03/2017"])}) == 2017
    with pytest.raises(ReturnError, match="no DECOM, DEC, REVIEW, MIS_START or SW_DECOM date"):
        ssda903_year_detect({"header": tables["header"]})


def test_a_return_for_the_wrong_year(tmp_path: Path) -> None:
    folder = _written(tmp_path, _frames_2017(), 2017)
    with pytest.raises(
        ReturnError,
        match=r"missing\.csv line 3: a return for the wrong year: 2017-18 was asked for, "
        r"but the latest date in the return, MIS_START 30/03/2017, falls in 2016-17",
    ):
        ssda903_read([folder], year=2018)
    assert ssda903_read([folder], year=2017).year == 2017


# -- bad files --------------------------------------------------------------------------------


def _edited(tmp_path: Path, table: str, old: str, new: str, count: int = 1) -> Path:
    """A written 2016-17 return with `old` replaced by `new` in one table's file."""
    folder = _written(tmp_path, _frames_2017(), 2017)
    path = folder / FILE_NAMES[table]
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("table", "old", "new", "expected"),
    [
        (
            "episodes",
            "C1,10/01/2015",
            "C1,2015-01-10",
            r"episodes\.csv line 2: DECOM '2015-01-10' is not a date \(expected DD/MM/YYYY\)",
        ),
        (
            "episodes",
            "C1,10/01/2015",
            "C1,31/02/2015",
            r"episodes\.csv line 2: DECOM '31/02/2015' is not a real date",
        ),
        (
            "episodes",
            "C1,10/01/2015,S,C2",
            "C1,10/01/2015,S,Q9",
            r"episodes\.csv line 2: LS 'Q9' is not a 2016-17 code \(expected one of C1, C2,",
        ),
        (
            "episodes",
            "N1,U4,PR1,01/06/2016",
            "N1,K3,PR1,01/06/2016",
            r"episodes\.csv line 2: PLACE 'K3' is not a 2016-17 code",
        ),
        (
            "episodes",
            "C1,10/01/2015,S,",
            "C1,10/01/2015,,",
            r"episodes\.csv line 2: RNE is blank \(expected one of S, L, P, T, B, U\)",
        ),
        (
            "header",
            "C2,1,06/06/2014",
            "C1,1,06/06/2014",
            r"header\.csv line 3: CHILD 'C1' is in header twice \(first at header\.csv line 2\)",
        ),
        (
            "reviews",
            "C1,01/05/2010,01/07/2016",
            "X9,01/05/2010,01/07/2016",
            r"reviews\.csv line 2: CHILD 'X9' in reviews is not in header",
        ),
        (
            "oc3",
            "YES,F2,U1",
            "YES,,U1",
            r"oc3\.csv line 2: ACTIV blank while IN_TOUCH, ACCOM given",
        ),
        (
            "prev_perm",
            "ZZ/ZZ/2012",
            "ZZ/13/2012",
            r"previous_permanence\.csv line 2: DATE_PERM 'ZZ/13/2012' is not a date",
        ),
        (
            "header",
            "A111111111111",
            "A1111111111111",
            r"header\.csv line 2: UPN 'A1111111111111' is longer than the 13 characters",
        ),
    ],
)
def test_bad_values_say_file_line_field_and_value(
    tmp_path: Path, table: str, old: str, new: str, expected: str
) -> None:
    folder = _edited(tmp_path, table, old, new)
    with pytest.raises(ReturnError, match=expected):
        ssda903_read([folder])


def test_several_problems_are_listed_and_counted(tmp_path: Path) -> None:
    folder = _edited(tmp_path, "reviews", "PN", "QN", count=2)
    episodes = folder / FILE_NAMES["episodes"]
    episodes.write_text(episodes.read_text(encoding="utf-8").replace(",C2,", ",Q9,", 1))
    with pytest.raises(ReturnError) as raised:
        ssda903_read([folder])
    message = str(raised.value)
    assert message.startswith("3 problems in the SSDA903 return:"), message
    for line in (2, 3):
        assert f"reviews.csv line {line}: REVIEW_CODE 'QN" in message
    assert "LS 'Q9'" in message


def test_not_utf8(tmp_path: Path) -> None:
    folder = _written(tmp_path, _frames_2017(), 2017)
    path = folder / "header.csv"
    path.write_bytes(path.read_bytes().replace(b"BAFR", b"BAF\xff"))
    with pytest.raises(ReturnError, match=r"header\.csv: line 4, byte \d+: not UTF-8 \(b'\\xff'\)"):
        ssda903_read([folder])


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    folder = _written(tmp_path, _frames_2017(), 2017)
    path = folder / "header.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert ssda903_read([folder]).frames["child"].height == 8


def test_an_empty_file(tmp_path: Path) -> None:
    folder = _written(tmp_path, _frames_2017(), 2017)
    (folder / "episodes.csv").write_text("\n\n")
    with pytest.raises(ReturnError, match=r"episodes\.csv: line 1: the file is empty"):
        ssda903_read([folder])


def _rewrite(path: Path, columns: list[str]) -> None:
    """The file with only `columns`, in that order."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def test_a_missing_column(tmp_path: Path) -> None:
    folder = _written(tmp_path, _frames_2017(), 2017)
    path = folder / "episodes.csv"
    columns = path.read_text().splitlines()[0].split(",")
    _rewrite(path, [column for column in columns if column != "URN"])
    with pytest.raises(
        ReturnError,
        match=r"episodes\.csv: line 1: the header matches no SSDA903 table; it is closest to "
        r"episodes \(episodes\.csv\): missing columns URN$",
    ):
        ssda903_read([folder])


def test_reordered_columns_are_read_by_name_and_noted(tmp_path: Path) -> None:
    folder = _written(tmp_path, _frames_2017(), 2017)
    before = ssda903_read([folder])
    path = folder / "episodes.csv"
    _rewrite(path, list(reversed(path.read_text().splitlines()[0].split(","))))
    after = ssda903_read([folder])
    assert after.notes == ("episodes.csv: columns are not in DfE's order; read by name",)
    _assert_same_tables(before.frames, after.frames)
    assert after.tables["episodes"].columns == before.tables["episodes"].columns


def test_an_unrecognised_csv(tmp_path: Path) -> None:
    folder = _written(tmp_path, _frames_2017(), 2017)
    (folder / "notes.csv").write_text("name,age\nSam,7\n")
    with pytest.raises(
        ReturnError,
        match=r"notes\.csv: line 1: the header matches no SSDA903 table \(its columns: name, age\)",
    ):
        ssda903_read([folder])


def test_tables_given_twice_missing_or_not_in_the_year(tmp_path: Path) -> None:
    folder = _written(tmp_path, _frames_2017(), 2017)
    copy = tmp_path / "again.csv"
    copy.write_bytes((folder / "reviews.csv").read_bytes())
    with pytest.raises(ReturnError, match=r"the reviews table again \(already read from reviews"):
        ssda903_read([folder, copy])
    with pytest.raises(ReturnError, match=r"no header table among episodes\.csv"):
        ssda903_read([folder / "episodes.csv"])
    sw = tmp_path / "sw.csv"
    sw.write_text("CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n")
    with pytest.raises(ReturnError, match=r"sw\.csv: line 1: the social_worker table is not part"):
        ssda903_read([folder, sw])


def test_a_row_with_the_wrong_number_of_values(tmp_path: Path) -> None:
    folder = _edited(tmp_path, "reviews", "C1,01/05/2010,01/07/2016,PN1", "C1,01/05/2010,PN1")
    with pytest.raises(ReturnError, match=r"reviews\.csv: line 2: 3 values, expected 4"):
        ssda903_read([folder])


def test_an_episode_after_the_year_is_refused(tmp_path: Path) -> None:
    """Given the year (as the XML reader or `year=` does), a later episode is named."""
    tables = ssda903_read([_written(tmp_path, _frames_2017(), 2017)]).tables
    late = pl.when(pl.col("CHILD") == "U1").then(pl.lit("01/04/2017")).otherwise("DECOM")
    tables["episodes"] = tables["episodes"].with_columns(late.alias("DECOM"))
    with pytest.raises(
        ReturnError,
        match=r"episodes\.csv line 6: DECOM 01/04/2017 is after 31/03/2017, when the 2016-17 "
        r"return ends",
    ):
        ssda903_frames(tables, year=2017)


def test_frames_from_tables_without_a_where_are_refused() -> None:
    tables = {"header": _strings(CHILD=["C1"]).drop("_where")}
    with pytest.raises(ReturnError, match=r"header table: columns .* are missing"):
        ssda903_frames(tables, year=2017)


def test_a_blank_sex_before_2025_reads_as_unknown(tmp_path: Path) -> None:
    frames = journey_frames(
        child=[_child("U1", "2010-01-01", sex="U")],
        cla_episode=[_episode("u", "U1", "2016-06-01")],
    )
    folder = _written(tmp_path, frames, 2017)
    assert _rows(folder, "header")[0]["SEX"] == ""  # 2016-17 has only 1 and 2
    read = ssda903_read([folder])
    assert read.frames["child"]["sex"].to_list() == ["U"]
    _assert_same_tables(ssda903_tables(read.frames, year=2017), ssda903_tables(frames, year=2017))
