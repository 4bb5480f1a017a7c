"""SSDA903 CSV export: who is in each table at the year's edges, DfE columns, dates and codes."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import yaml

from lineofsight.returns.domain.errors import ReturnError
from lineofsight.returns.ssda903.export import ssda903_tables, ssda903_write
from lineofsight.returns.ssda903.spec import SPEC_DIR, ssda903_spec
from lineofsight.synth.council import SyntheticCouncil
from lineofsight.timescales.tests.builders import journey_frames as _journey_frames

D = dt.date
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def journey_frames(**tables: list[dict[str, Any]]) -> dict[str, pl.DataFrame]:
    """The shared builder, with ISO date strings in the rows turned into dates."""
    return _journey_frames(
        **{
            name: [
                {
                    key: D.fromisoformat(value)
                    if isinstance(value, str) and ISO_DATE.match(value)
                    else value
                    for key, value in row.items()
                }
                for row in rows
            ]
            for name, rows in tables.items()
        }
    )


def _yaml_columns(file: str, table: str) -> list[str]:
    """Column names straight from a spec file (independently of spec.py)."""
    data = yaml.safe_load((SPEC_DIR / file).read_text(encoding="utf-8"))
    if file.endswith(".diff.yml"):
        return list(data[f"column_map.{table}"]["value"])
    return list(data["column_map"][table])


def _child(child_id: str, born_on: str, sex: str = "F", **extra: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "child_id": child_id,
        "given_name": "A",
        "family_name": "B",
        "sex": sex,
        "born_on": born_on,
        "ethnicity": "WBRI",
        "is_uasc": False,
        "motherhood_recorded": False,
        "upn": f"A{child_id[-1] * 12}",
    }
    return row | extra


def _episode(
    key: str,
    child_id: str,
    started_on: str,
    ended_on: str | None = None,
    reason_ceased: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "key": key,
        "child_id": child_id,
        "started_on": started_on,
        "reason_new": "S",
        "legal_status": "C2",
        "category_of_need": "N1",
        "placement_type": "U4",
        "placement_provider": "PR1",
        "ended_on": ended_on,
        "reason_ceased": reason_ceased,
    }
    return row | extra


def _edges() -> dict[str, pl.DataFrame]:
    """Children around the edges of 2016/17 (1 April 2016 to 31 March 2017)."""
    return journey_frames(
        child=[
            _child("A1", "2005-01-01"),
            _child("B1", "2006-05-05", sex="M"),
            _child("C1", "2010-02-02"),
            _child("D1", "2011-03-03"),
            _child("E1", "2014-06-06", sex="M"),
            _child("F1", "2004-07-07"),
            _child("G1", "1998-06-15"),
            _child("H1", "1998-07-01"),
            _child("I1", "1994-06-15"),
            _child("U1", "2000-09-09", sex="M", is_uasc=True, uasc_ceased_on="2018-09-09"),
        ],
        cla_episode=[
            _episode("e1", "A1", "2016-03-01", "2016-03-31", "E13"),  # ended before 1 April
            _episode("e2", "B1", "2015-01-01", "2016-04-01", "E13"),  # ended on 1 April
            _episode("e3", "C1", "2017-03-31"),  # started on 31 March
            _episode("e4", "D1", "2017-04-01"),  # started after the year
            _episode("e5", "E1", "2014-09-01", "2016-06-01", "X1", reason_place_change="CARPL"),
            _episode(
                "e6",
                "E1",
                "2016-06-01",
                "2017-05-01",
                "E4A",
                reason_new="P",
                reason_place_change="CARPL",
            ),  # ends after the year: reported open
            _episode("e7", "F1", "2016-07-01", "2016-07-03", "X1", legal_status="V3"),
            _episode("e8", "F1", "2016-07-03", "2016-07-05", "E13", reason_new="L"),
            _episode("e9", "G1", "2010-01-01", "2015-06-15", "E5"),  # care leaver
            _episode("e10", "H1", "2010-01-01"),  # still in care on 18th birthday
            _episode("e11", "U1", "2015-10-01", placement_type="K2"),
        ],
        cla_review=[
            {"key": "r1", "child_id": "E1", "held_on": "2016-03-31", "participation": "PN0"},
            {"key": "r2", "child_id": "E1", "held_on": "2016-04-01", "participation": "PN0"},
            {"key": "r3", "child_id": "E1", "held_on": "2017-03-31", "participation": "PN0"},
            {"key": "r4", "child_id": "E1", "held_on": "2017-04-01", "participation": "PN0"},
            {"key": "r5", "child_id": "A1", "held_on": "2016-05-01", "participation": "PN1"},
        ],
        care_leaver_status=[
            {
                "key": f"s{i}",
                "child_id": child,
                "as_of": as_of,
                "eligibility": "former_relevant",
                "in_touch": "YES",
                "activity": "F2",
                "accommodation": "U",
                "accommodation_suitable": True,
                "staying_put": False,
            }
            for i, (child, as_of) in enumerate(
                [
                    ("G1", "2016-06-15"),
                    ("G1", "2016-12-01"),
                    ("H1", "2016-07-01"),
                    ("I1", "2016-06-15"),
                ]
            )
        ],
        health_check=[
            {"key": "h1", "child_id": "E1", "kind": "dental", "done_on": "2016-05-01"},
            {
                "key": "h2",
                "child_id": "E1",
                "kind": "development",
                "done_on": "2016-10-01",
                "value": "1",
            },
            {
                "key": "h3",
                "child_id": "E1",
                "kind": "immunisations",
                "done_on": "2015-10-01",
                "value": "1",
            },
        ],
        missing_episode=[
            {
                "key": "m1",
                "child_id": "U1",
                "kind": "M",
                "started_at": dt.datetime(2016, 3, 31, 20, 0),
                "ended_at": None,
            },
            {
                "key": "m2",
                "child_id": "U1",
                "kind": "A",
                "started_at": dt.datetime(2017, 3, 30, 22, 0),
                "ended_at": dt.datetime(2017, 4, 2, 8, 0),
            },
        ],
    )


@pytest.fixture(scope="module")
def tables_2017() -> dict[str, pl.DataFrame]:
    return ssda903_tables(_edges(), year=2017)


def _children(frame: pl.DataFrame) -> list[str]:
    return sorted(set(frame["CHILD"].to_list()))


def test_spec_columns_are_the_spec_files_in_dfe_order() -> None:
    spec_2017 = ssda903_spec(2017)
    for table in spec_2017.tables:
        assert spec_2017.tables[table].column_names == _yaml_columns(
            "SSDA903_schema_2017.yml", table
        )
    assert "social_worker" not in spec_2017.tables
    spec_2025 = ssda903_spec(2025)
    assert spec_2025.tables["social_worker"].column_names == _yaml_columns(
        "SSDA903_schema_2024.diff.yml", "social_worker"
    )
    assert spec_2025.tables["social_worker"].file_name == "sw_episodes.csv"
    assert spec_2025.tables["header"].column("SEX").code_values == {"M", "F", "U"}
    assert spec_2017.tables["header"].column("SEX").code_values == {"1", "2"}
    assert "E45" in ssda903_spec(2019).tables["episodes"].column("REC").code_values
    assert "E45" not in spec_2017.tables["episodes"].column("REC").code_values
    assert "Z12" in ssda903_spec(2026).tables["episodes"].column("PLACE").code_values
    assert "Z12" not in spec_2025.tables["episodes"].column("PLACE").code_values


def test_years_without_a_spec_are_refused() -> None:
    with pytest.raises(ReturnError, match="2016"):
        ssda903_spec(2016)
    with pytest.raises(ReturnError, match="2027"):
        ssda903_tables(_edges(), year=2027)


def test_episodes_open_at_any_time_in_the_year(tables_2017: dict[str, pl.DataFrame]) -> None:
    episodes = tables_2017["episodes"]
    assert episodes.columns == _yaml_columns("SSDA903_schema_2017.yml", "episodes")
    # A1 ended 31 March 2016 and D1 started 1 April 2017; G1 left care long ago.
    assert _children(episodes) == ["B1", "C1", "E1", "F1", "H1", "U1"]
    assert episodes.height == 8
    b1 = episodes.filter(pl.col("CHILD") == "B1").row(0, named=True)
    assert (b1["DECOM"], b1["DEC"], b1["REC"]) == ("01/01/2015", "01/04/2016", "E13")
    e1 = episodes.filter(pl.col("CHILD") == "E1").sort("DEC").to_dicts()
    open_at_end = next(row for row in e1 if row["DECOM"] == "01/06/2016")
    assert (open_at_end["DEC"], open_at_end["REC"], open_at_end["REASON_PLACE_CHANGE"]) == (
        None,
        None,
        None,
    )
    # Short breaks are reported (§1.1 leaves them out of OC2 only).
    assert "V3" in episodes.filter(pl.col("CHILD") == "F1")["LS"].to_list()


def test_header_is_looked_after_children_plus_care_leavers(
    tables_2017: dict[str, pl.DataFrame],
) -> None:
    header = tables_2017["header"]
    assert header.columns == ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
    assert _children(header) == ["B1", "C1", "E1", "F1", "G1", "H1", "U1"]
    row = header.filter(pl.col("CHILD") == "B1").row(0, named=True)
    assert (row["SEX"], row["DOB"], row["ETHNIC"], row["MOTHER"]) == (
        "1",
        "05/05/2006",
        "WBRI",
        None,
    )
    assert header.filter(pl.col("CHILD") == "C1")["SEX"].item() == "2"


def test_reviews_held_in_the_year_for_looked_after_children(
    tables_2017: dict[str, pl.DataFrame],
) -> None:
    reviews = tables_2017["reviews"]
    assert reviews.columns == ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"]
    assert reviews["REVIEW"].to_list() == ["01/04/2016", "31/03/2017"]


def test_oc2_is_the_twelve_month_cohort(tables_2017: dict[str, pl.DataFrame]) -> None:
    oc2 = tables_2017["oc2"]
    # B1 left care (E13) in the year, C1 started (S) in it, F1 had a short break; H1, U1 and
    # E1 were looked after throughout.
    assert _children(oc2) == ["E1", "H1", "U1"]
    e1 = oc2.filter(pl.col("CHILD") == "E1").row(0, named=True)
    assert e1["TEETH_CHECK"] == "1"
    assert e1["HEALTH_CHECK"] == "1"  # under 5 at 31 March
    assert e1["IMMUNISATIONS"] == "1"  # the latest record, though before the year
    assert e1["HEALTH_ASSESSMENT"] == "0"
    assert (e1["SUBSTANCE_MISUSE"], e1["INTERVENTION_RECEIVED"]) == ("0", None)
    assert oc2.filter(pl.col("CHILD") == "H1")["HEALTH_CHECK"].item() is None


def test_oc3_birthday_in_the_year_and_not_in_care(tables_2017: dict[str, pl.DataFrame]) -> None:
    oc3 = tables_2017["oc3"]
    assert oc3.columns == ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"]
    # H1 was still looked after on their 18th birthday; I1 turned 22 in the year.
    assert oc3.rows() == [("G1", "15/06/1998", "YES", "F2", "U1")]


def test_uasc_and_missing(tables_2017: dict[str, pl.DataFrame]) -> None:
    uasc = tables_2017["uasc"]
    assert uasc.columns == ["CHILD", "DOB", "SEX", "DUC"]
    assert uasc.rows() == [("U1", "09/09/2000", "1", None)]  # ceased after 31 March
    missing = tables_2017["missing"]
    assert missing.columns == ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"]
    # m1 started 31 March 2016 (the evening, London time) and is still open, so it is
    # reported again with its start (rule 576); m2 ends after the year.
    assert missing.rows() == [
        ("U1", "09/09/2000", "M", "31/03/2016", None),
        ("U1", "09/09/2000", "A", "30/03/2017", None),
    ]


def test_adoption_tables() -> None:
    frames = journey_frames(
        child=[_child("K1", "2014-01-01"), _child("L1", "2013-01-01")],
        cla_episode=[
            _episode("k", "K1", "2014-02-01", "2016-11-01", "E11", placement_type="A6"),
            _episode("l", "L1", "2014-02-01"),
        ],
        adoption=[
            {
                "key": "a1",
                "child_id": "K1",
                "decision_on": "2014-06-01",
                "matched_on": "2015-01-01",
                "placed_on": "2015-02-01",
                "adoption_order_on": "2016-11-01",
                "is_foster_for_adoption": False,
                "adopted_by_foster_carer": True,
                "adopter_count": 2,
                "adopter_sex": "MF",
                "adopter_legal_status": "L11",
            },
            {
                "key": "a2",
                "child_id": "L1",
                "decision_on": "2015-01-01",
                "ceased_on": "2016-05-01",
                "ceased_reason": "RD3",
                "is_foster_for_adoption": False,
            },
            {
                "key": "a3",
                "child_id": "L1",
                "decision_on": "2014-01-01",
                "ceased_on": "2016-03-31",
                "ceased_reason": "RD1",
                "is_foster_for_adoption": False,
            },
            {
                "key": "a4",
                "child_id": "L1",
                "decision_on": "2017-01-01",
                "ceased_on": "2017-06-01",
                "ceased_reason": "RD4",
                "is_foster_for_adoption": False,
            },
        ],
    )
    tables = ssda903_tables(frames, year=2017)
    assert tables["ad1"].columns == _yaml_columns("SSDA903_schema_2017.yml", "ad1")
    assert tables["ad1"].rows() == [
        ("K1", "01/01/2014", "01/06/2014", "01/01/2015", "1", "2", "MF", "L11")
    ]
    assert tables["placed_adoption"].rows() == [
        ("K1", "01/01/2014", "01/06/2014", None, None),
        ("L1", "01/01/2013", "01/01/2015", "01/05/2016", "RD3"),
        ("L1", "01/01/2013", "01/01/2017", None, None),
    ]


def test_2025_columns_sex_codes_and_social_workers() -> None:
    frames = journey_frames(
        child=[_child("S1", "2010-01-01", sex="M"), _child("T1", "2010-01-01", sex="U")],
        cla_episode=[
            _episode("s", "S1", "2023-01-01", placement_type="K3"),
            _episode("t", "T1", "2024-01-01"),
        ],
        allocation=[
            {
                "key": "w1",
                "child_id": "S1",
                "worker_id": "SW1",
                "team_id": "T",
                "role": "social_worker",
                "started_on": "2023-01-01",
                "ended_on": "2024-03-31",
                "change_reason": "FCONTA",
            },
            {
                "key": "w2",
                "child_id": "S1",
                "worker_id": "SW2",
                "team_id": "T",
                "role": "social_worker",
                "started_on": "2024-03-31",
                "ended_on": "2025-06-01",
                "change_reason": "LEFTRL",
            },
            {
                "key": "w3",
                "child_id": "S1",
                "worker_id": "IRO1",
                "team_id": "T",
                "role": "iro",
                "started_on": "2024-05-01",
            },
        ],
    )
    tables = ssda903_tables(frames, year=2025)
    spec = ssda903_spec(2025)
    assert list(tables) == list(spec.tables)
    for name, frame in tables.items():
        assert frame.columns == spec.tables[name].column_names
    assert tables["header"]["SEX"].to_list() == ["M", "U"]
    assert tables["social_worker"].columns == [
        "CHILD",
        "DOB",
        "SW_ID",
        "SW_DECOM",
        "SW_DEC",
        "SW_REASON",
    ]
    assert tables["social_worker"].rows() == [
        ("S1", "01/01/2010", "SW2", "31/03/2024", None, "LEFTRL")
    ]
    assert tables["episodes"]["PLACE"].to_list() == ["K3", "U4"]
    # U has no 1/2 code before 2024/25: left blank.
    assert ssda903_tables(
        journey_frames(
            child=frames["child"].to_dicts(), cla_episode=[_episode("t", "T1", "2016-01-01")]
        ),
        year=2017,
    )["header"]["SEX"].to_list() == [None]


def test_a_code_outside_the_years_list_is_refused() -> None:
    frames = journey_frames(
        child=[_child("S1", "2000-01-01")],
        cla_episode=[_episode("s", "S1", "2016-06-01", placement_type="K3")],
    )
    with pytest.raises(ReturnError, match="PLACE: K3"):
        ssda903_tables(frames, year=2017)


def test_write_one_csv_per_table(tmp_path: Path) -> None:
    out = tmp_path / "903"
    described = ssda903_write(_edges(), year=2017, out=out)
    assert described == f"10 tables, 7 children, to {out}"
    spec = ssda903_spec(2017)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        table.file_name for table in spec.tables.values()
    )
    with (out / "episodes.csv").open(newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == spec.tables["episodes"].column_names
    assert [
        "B1",
        "01/01/2015",
        "S",
        "C2",
        "N1",
        "U4",
        "PR1",
        "01/04/2016",
        "E13",
        "",
        "",
        "",
        "",
    ] in rows
    assert [p.name for p in tmp_path.iterdir()] == ["903"]  # no temporary folder left


def test_write_into_an_empty_folder(tmp_path: Path) -> None:
    out = tmp_path / "903"
    out.mkdir()
    ssda903_write(_edges(), year=2017, out=out)
    assert (out / "header.csv").is_file()


def test_write_into_a_non_empty_folder_changes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "903"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    with pytest.raises(ReturnError, match="not an empty folder"):
        ssda903_write(_edges(), year=2017, out=out)
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    assert (out / "notes.txt").read_text() == "keep me"
    assert [p.name for p in tmp_path.iterdir()] == ["903"]


@pytest.mark.slow
def test_walsall_2017(walsall: SyntheticCouncil, tmp_path: Path) -> None:
    start, end = D(2016, 4, 1), D(2017, 3, 31)
    out = tmp_path / "903"
    ssda903_write(walsall.frames, year=2017, out=out)
    spec = ssda903_spec(2017)
    written: dict[str, list[dict[str, str]]] = {}
    for name, table in spec.tables.items():
        with (out / table.file_name).open(newline="") as handle:
            reader = csv.DictReader(handle)
            assert reader.fieldnames == _yaml_columns("SSDA903_schema_2017.yml", name)
            written[name] = list(reader)
    # Independent counts, row by row: every episode open at some time in the year (short
    # breaks included: §1.1 excludes them from OC2 only).
    open_episodes = [
        row
        for row in walsall.frames["cla_episode"].iter_rows(named=True)
        if row["started_on"] <= end and (row["ended_on"] is None or row["ended_on"] >= start)
    ]
    looked_after = {row["child_id"] for row in open_episodes}
    assert len(written["episodes"]) == len(open_episodes)
    header_children = {row["CHILD"] for row in written["header"]}
    oc3_children = {row["CHILD"] for row in written["oc3"]}
    assert len(written["header"]) == len(header_children)
    assert header_children == looked_after | oc3_children
    assert len(written["header"]) == len(looked_after | oc3_children)
    assert looked_after
    assert oc3_children - looked_after
    assert {row["CHILD"] for row in written["oc2"]} <= looked_after
    for name in ("reviews", "uasc", "ad1", "placed_adoption", "prev_perm", "missing"):
        assert {row["CHILD"] for row in written[name]} <= looked_after, name
    for row in written["episodes"]:
        for column in ("DECOM", "DEC"):
            if row[column]:
                day, month, year = row[column].split("/")
                assert dt.date(int(year), int(month), int(day)) <= end
