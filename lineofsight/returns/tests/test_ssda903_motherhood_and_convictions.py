"""SSDA903 MOTHER, MC_DOB (Header) and CONVICTED (OC2): who the export writes them for, what
an import makes of them, and how a load merges them with the records already held."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from django.core.management import call_command

from lineofsight.journey.models import YouthJusticeOutcome
from lineofsight.people.models import Child
from lineofsight.returns.cin_census.export import cin_census_write
from lineofsight.returns.detect import returns_read
from lineofsight.returns.domain.errors import ReturnError
from lineofsight.returns.matching import frames_merged
from lineofsight.returns.ssda903.export import ssda903_tables, ssda903_write
from lineofsight.returns.ssda903.import_ import ssda903_read
from lineofsight.returns.ssda903.spec import FILE_NAMES
from lineofsight.returns.tests.conftest import one_child_frames
from lineofsight.returns.tests.test_ssda903_export import _child, _episode, journey_frames
from lineofsight.returns.tests.test_ssda903_import import _assert_same_tables
from lineofsight.timescales.tests.builders import D

IN_CARE = "2015-01-01"  # looked after since before 2016-17, and throughout it


def _girl(child_id: str, born_on: str, first_child: str | None = None, **extra: Any) -> dict:
    """A girl whose motherhood is recorded (a mother if `first_child` is given)."""
    return _child(
        child_id,
        born_on,
        motherhood_recorded=True,
        first_child_born_on=first_child,
        **extra,
    )


def _outcome(key: str, child_id: str, on: str, kind: str = "conviction") -> dict[str, Any]:
    return {"key": key, "child_id": child_id, "kind": kind, "outcome_on": on}


def _frames() -> dict[str, pl.DataFrame]:
    """2016-17. Girls: M1 a mother (first child 1 August 2016), M2 not, M3 not recorded, M4
    whose child is born after the year, M5 and M6 who left care on 1 October 2016 (M5's child
    born after she left, M6's before); S1 looked after only under short breaks, S2 under a
    short break and a care order; L1 a care leaver not looked after in the year. B1, a boy,
    recorded with a first child. Convictions: M1 in the year; Y9 (9 at 31 March) cautioned;
    Y10 (10 on 31 March) none; Y11 only before the year; Y12 on 1 April 2016."""
    return journey_frames(
        child=[
            _girl("M1", "2000-06-01", "2016-08-01"),
            _girl("M2", "2001-02-02"),
            _child("M3", "2001-03-03"),
            _girl("M4", "2001-04-04", "2017-05-01"),
            _girl("M5", "2000-05-05", "2016-12-01"),
            _girl("M6", "2000-06-06", "2016-09-01"),
            _girl("S1", "2002-07-07"),
            _girl("S2", "2002-08-08"),
            _girl("L1", "1998-06-15"),
            _child("B1", "2000-01-01", sex="M", motherhood_recorded=True),
            _child("Y9", "2007-04-01", sex="M", motherhood_recorded=True),
            _child("Y10", "2007-03-31", sex="M", motherhood_recorded=True),
            _child("Y11", "2004-11-11", sex="M", motherhood_recorded=True),
            _child("Y12", "2002-12-12", sex="M", motherhood_recorded=True),
        ],
        cla_episode=[
            *(
                _episode(f"e{child}", child, IN_CARE)
                for child in ("M1", "M2", "M3", "M4", "B1", "Y9", "Y10", "Y11", "Y12")
            ),
            _episode("eM5", "M5", IN_CARE, "2016-10-01", "E8"),
            _episode("eM6", "M6", IN_CARE, "2016-10-01", "E8"),
            _episode("eS1", "S1", "2016-07-01", "2016-07-04", "E13", legal_status="V3"),
            _episode("eS2a", "S2", "2016-05-01", "2016-05-03", "E13", legal_status="V3"),
            _episode("eS2b", "S2", "2016-09-01"),
            _episode("eL1", "L1", "2010-01-01", "2015-06-15", "E5"),
        ],
        care_leaver_status=[
            {
                "key": "s1",
                "child_id": "L1",
                "as_of": "2016-06-20",
                "eligibility": "former_relevant",
                "in_touch": "YES",
                "activity": "F2",
                "accommodation": "U",
                "accommodation_suitable": True,
                "staying_put": False,
            }
        ],
        health_check=[
            {"key": f"h{child}", "child_id": child, "kind": "dental", "done_on": "2016-10-01"}
            for child in ("M1", "M2", "Y9", "Y10", "Y11", "Y12")
        ],
        youth_justice_outcome=[
            _outcome("j1", "M1", "2016-09-14"),
            _outcome("j2", "Y9", "2017-02-01", "youth_caution"),
            _outcome("j3", "Y11", "2016-03-31", "youth_caution"),
            _outcome("j4", "Y12", "2016-04-01", "youth_conditional_caution"),
        ],
    )


@pytest.fixture(scope="module")
def tables() -> dict[str, pl.DataFrame]:
    return ssda903_tables(_frames(), year=2017)


def _by_child(frame: pl.DataFrame, *columns: str) -> dict[str, tuple[Any, ...]]:
    return {row["CHILD"]: tuple(row[c] for c in columns) for row in frame.iter_rows(named=True)}


# -- export -----------------------------------------------------------------------------------


def test_mother_and_her_first_childs_date_of_birth(tables: dict[str, pl.DataFrame]) -> None:
    header = _by_child(tables["header"], "MOTHER", "MC_DOB")
    assert header["M1"] == ("1", "01/08/2016")
    assert header["M2"] == ("0", None)  # recorded: not a mother
    assert header["M3"] == (None, None)  # not recorded: not known
    assert header["M4"] == ("0", None)  # her child was born after 31 March (rule 625)


def test_a_mother_who_left_care_is_one_only_if_her_child_was_born_by_then(
    tables: dict[str, pl.DataFrame],
) -> None:
    header = _by_child(tables["header"], "MOTHER", "MC_DOB")
    assert header["M5"] == ("0", None)
    assert header["M6"] == ("1", "01/09/2016")


def test_motherhood_is_not_written_for_those_not_asked(tables: dict[str, pl.DataFrame]) -> None:
    header = _by_child(tables["header"], "MOTHER", "MC_DOB")
    assert header["B1"] == (None, None)  # a boy: never MOTHER nor MC_DOB (165, 174)
    assert header["S1"] == (None, None)  # only short breaks (399)
    assert header["L1"] == (None, None)  # a care leaver not looked after in the year (628)
    assert header["S2"] == ("0", None)  # a short break and a care order: asked (393)


def test_convicted_for_children_of_ten_and_over(tables: dict[str, pl.DataFrame]) -> None:
    oc2 = _by_child(tables["oc2"], "CONVICTED")
    assert oc2 == {
        "B1": ("0",),
        "M1": ("1",),
        "M2": ("0",),
        "M3": ("0",),
        "M4": ("0",),
        "Y9": (None,),  # 9 at 31 March: not asked (542), though cautioned
        "Y10": ("0",),  # 10 on 31 March (543)
        "Y11": ("0",),  # cautioned only before the year
        "Y12": ("1",),  # on 1 April
    }


# -- import -----------------------------------------------------------------------------------


def _written(tmp_path: Path, frames: dict[str, pl.DataFrame] | None = None) -> Path:
    out = tmp_path / "903"
    ssda903_write(_frames() if frames is None else frames, year=2017, out=out)
    return out


def test_round_trip_gives_the_same_tables(tmp_path: Path, tables: dict[str, pl.DataFrame]) -> None:
    read = ssda903_read([_written(tmp_path)])
    _assert_same_tables(tables, ssda903_tables(read.frames, year=2017))


def test_what_the_import_makes_of_them(tmp_path: Path) -> None:
    frames = ssda903_read([_written(tmp_path)]).frames
    child = _rows(frames["child"], "child_id", "motherhood_recorded", "first_child_born_on")
    assert child["M1"] == (True, D(2016, 8, 1))
    assert child["M2"] == (True, None)
    assert child["M3"] == (False, None)  # a blank MOTHER is not known, not "not a mother"
    assert child["M4"] == (True, None)  # the return said 0
    assert child["B1"] == (False, None)  # not asked, so not said
    outcomes = frames["youth_justice_outcome"].sort("child_id")
    # The return says only that there was one in the year: a stand-in dated 31 March.
    assert outcomes.rows() == [
        ("M1/OC2/2017/convicted", "M1", "not_known", D(2017, 3, 31)),
        ("Y12/OC2/2017/convicted", "Y12", "not_known", D(2017, 3, 31)),
    ]


def _rows(frame: pl.DataFrame, key: str, *columns: str) -> dict[str, tuple[Any, ...]]:
    return {row[key]: tuple(row[c] for c in columns) for row in frame.iter_rows(named=True)}


def _header_edited(folder: Path, child: str, **values: str) -> None:
    path = folder / FILE_NAMES["header"]
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    for row in rows:
        if row["CHILD"] == child:
            row.update(values)
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize(
    ("child", "values", "expected"),
    [
        ("M1", {"MC_DOB": ""}, r"header\.csv line \d+: MOTHER is 1 but MC_DOB is blank"),
        (
            "M2",
            {"MC_DOB": "01/01/2017"},
            r"header\.csv line \d+: MC_DOB 01/01/2017 is given but MOTHER is 0",
        ),
        (
            "M3",
            {"MC_DOB": "01/01/2017"},
            r"header\.csv line \d+: MC_DOB 01/01/2017 is given but MOTHER is blank",
        ),
        ("M1", {"MC_DOB": "01/06/1999"}, r"MC_DOB 01/06/1999 is not after DOB 01/06/2000"),
    ],
)
def test_what_the_model_cannot_hold_is_refused(
    tmp_path: Path, child: str, values: dict[str, str], expected: str
) -> None:
    folder = _written(tmp_path)
    _header_edited(folder, child, **values)
    with pytest.raises(ReturnError, match=expected):
        ssda903_read([folder])


# -- merging with what is held ------------------------------------------------------------------


def test_a_blank_mother_never_clears_recorded_motherhood(tmp_path: Path) -> None:
    held = _frames()
    folder = _written(tmp_path)
    _header_edited(folder, "M1", MOTHER="", MC_DOB="")
    _header_edited(folder, "M2", MOTHER="")
    (read,) = returns_read([folder])
    child = _rows(
        frames_merged(read, held)["child"], "child_id", "motherhood_recorded", "first_child_born_on"
    )
    assert child["M1"] == (True, D(2016, 8, 1))
    assert child["M2"] == (True, None)


def test_a_census_never_clears_recorded_motherhood(tmp_path: Path) -> None:
    held = one_child_frames()
    held["child"] = held["child"].with_columns(pl.lit(value=True).alias("motherhood_recorded"))
    census = tmp_path / "cin.xml"
    cin_census_write(held, year=2017, out=census)
    (read,) = returns_read([census])
    assert read.frames["child"]["motherhood_recorded"].to_list() == [False]  # a stand-in
    assert frames_merged(read, held)["child"]["motherhood_recorded"].to_list() == [True]


def test_convicted_is_dropped_where_an_outcome_in_the_year_is_held(tmp_path: Path) -> None:
    held = _frames()
    (read,) = returns_read([_written(tmp_path)])
    merged = frames_merged(read, held)["youth_justice_outcome"]
    assert merged.is_empty()  # M1 and Y12 have theirs held
    nothing_held = {"youth_justice_outcome": held["youth_justice_outcome"].clear()}
    assert frames_merged(read, nothing_held)["youth_justice_outcome"].height == 2


@pytest.mark.django_db
def test_through_the_database_and_back(tmp_path: Path) -> None:
    source = _written(tmp_path)
    call_command("import", str(source), stdout=io.StringIO(), stderr=io.StringIO())
    assert Child.objects.get(child_id="M1").first_child_born_on == D(2016, 8, 1)
    assert Child.objects.filter(motherhood_recorded=True).count() == 6  # M1, M2, M4-M6, S2
    assert YouthJusticeOutcome.objects.filter(kind="not_known").count() == 2
    again = tmp_path / "again"
    call_command("export", "ssda903", "--year", "2017", "--out", str(again), stdout=io.StringIO())
    for name in ("header.csv", "oc2.csv"):
        assert (again / name).read_text() == (source / name).read_text(), name
    out = io.StringIO()
    call_command("import", str(source), stdout=out, stderr=io.StringIO())
    assert "0 records added, 0 updated" in out.getvalue()
