"""Reading an Annex A workbook back: round trips, other layouts and templates, bad files."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import polars as pl
import pytest
import xlsxwriter
from polars.testing import assert_frame_equal

from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.journey.domain.frames import empty_frame
from lineofsight.returns.annex_a.codes import category_column
from lineofsight.returns.annex_a.export import annex_a_lists, annex_a_write
from lineofsight.returns.annex_a.import_ import (
    ADDED_IN_2024,
    annex_a_lists_read,
    annex_a_read,
)
from lineofsight.returns.annex_a.spec import SPEC_DIR, annex_a_spec
from lineofsight.returns.cin_census.export import cin_census_write
from lineofsight.returns.cin_census.import_ import cin_census_read
from lineofsight.returns.domain.errors import ReturnError
from lineofsight.synth.council import SyntheticCouncil
from lineofsight.timescales.tests.builders import journey_frames

D = dt.date
AS_OF = D(2017, 3, 31)
SAMPLE = SPEC_DIR / "Annex_A_2024_Jan_sample.xlsx"
Lists = dict[str, pl.DataFrame]
Table = list[list[Any]]

# The columns each list carries into the frames directly, so that export -> read -> export
# gives them back. The child's columns come from the child record (Age is worked out again
# from the date of birth at the same inspection date). Everything else in a list is derived
# (counts, case-level allocations), an event Annex A gives only the last date of (visits,
# reviews, health checks), or something the frames have no place for: see frames_in.py.
CHILD = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"]
CARRIED: dict[str, list[str]] = {
    "list_1": [*CHILD, "Date of Contact", "Contact Source"],
    "list_2": [
        *CHILD,
        "Assessment start date",
        "Assessment completion date",
        "Organisation completing assessment",
    ],
    "list_3": [*CHILD, "Date of referral", "Referral Source", "Referral NFA?"],
    "list_4": [
        *CHILD,
        "Continuous Assessment Start Date",
        "Continuous Assessment Date of Authorisation",
    ],
    "list_5": [
        *CHILD,
        "Strategy discussion initiating Section 47 Enquiry Start Date",
        "Was an Initial Child Protection Conference deemed unnecessary?",
        "Date of Initial Child Protection Conference",
        "Did the Initial Child Protection Conference Result in a Child Protection Plan",
    ],
    "list_6": [
        *CHILD,
        "CIN Start Date",
        "Primary Need Code",
        "CIN Closure Date",
        "Reason for Closure",
        "Case Status",
    ],
    "list_7": [
        *CHILD,
        "Child Protection Plan Start Date",
        "Initial Category of Abuse",
        "Latest Category of Abuse",
        "Date of latest review conference",
        "Child Protection Plan End Date",
        "Number of Previous Child Protection Plans",
    ],
    "list_8": [
        *CHILD,
        "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
        "Child's Category of Need",
        "Child's Legal Status",
        "Date Ceased to be Looked After",
        "Reason Ceased to be Looked After",
        "Placement Type",
        "Placement Provider",
        "Placement postcode",
        "URN of Placement",
        "Placement Location",
        "LA of Placement",
    ],
    "list_9": [
        *CHILD,
        "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
        "Eligibility Category",
        "Latest Pathway Plan Review Date",
        "LA in Touch",
        "Type of Accommodation",
        "Suitability of Accommodation",
        "Activity Status",
    ],
    "list_10": [
        *CHILD,
        "Date of Decision that Child Should be Placed for Adoption",
        "Date of Placement Order",
        "Date of Matching Child and Prospective Adopters",
        "Date Placed for Adoption",
        "Date of Adoption Order",
        "Date of Decision that Child Should No Longer be Placed for Adoption",
        "Reason Why Child No Longer Placed for Adoption",
    ],
    "list_11": [spec.name for spec in annex_a_spec()[10].columns],
}


def small_frames() -> dict[str, pl.DataFrame]:
    """C1 contacted twice in a day, referred, assessed, s47 with an ICPC, CP plan with a
    review and early help; C2 (UASC) looked after; C3 a care leaver; C4 to be adopted; one
    adopter couple."""
    child: dict[str, Any] = {
        "given_name": "A",
        "family_name": "B",
        "is_uasc": False,
        "motherhood_recorded": False,
    }
    return journey_frames(
        child=[
            child | {"child_id": "C1", "sex": "M", "ethnicity": "WBRI", "born_on": D(2010, 4, 1)},
            child | {"child_id": "C2", "sex": "F", "ethnicity": "APKN", "born_on": D(2008, 6, 1),
                     "is_uasc": True},
            child | {"child_id": "C3", "sex": "F", "ethnicity": "MWBC", "born_on": D(1998, 5, 5)},
            child | {"child_id": "C4", "sex": "M", "ethnicity": "NOBT", "born_on": D(2015, 2, 2)},
        ],
        child_disability=[{"key": "X1", "child_id": "C2", "disability": "NONE"}],
        contact=[
            {"key": "K1", "child_id": "C1", "received_at": "2017-01-10T09:00:00", "source": "6",
             "is_mash": True},
            {"key": "K2", "child_id": "C1", "received_at": "2017-01-10T15:00:00", "source": "1A",
             "is_mash": False},
        ],
        early_help_episode=[{"key": "EH1", "child_id": "C1", "started_on": D(2016, 12, 1),
                             "assessment_started_on": D(2016, 12, 2),
                             "assessment_completed_on": D(2016, 12, 20),
                             "lead_agency": "Top Town Academy", "ended_on": D(2017, 1, 5)}],
        referral=[{"key": "R1", "child_id": "C1", "referred_on": D(2017, 1, 11), "source": "6",
                   "is_nfa": False, "primary_need": "N1"}],
        assessment=[{"key": "A1", "referral_id": "R1", "started_on": D(2017, 1, 12),
                     "child_seen_on": D(2017, 1, 13), "authorised_on": D(2017, 2, 1),
                     "outcome": "s47"}],
        section47_enquiry=[{"key": "S1", "referral_id": "R1", "started_on": D(2017, 1, 15),
                            "icpc_not_required": False}],
        cp_plan=[{"key": "P1", "referral_id": "R1", "started_on": D(2017, 2, 1),
                  "initial_category": "NEG", "latest_category": "EMO",
                  "previous_plans_count": 1}],
        conference=[
            {"key": "I1", "referral_id": "R1", "section47_enquiry_id": "S1", "cp_plan_id": "P1",
             "kind": "initial", "held_on": D(2017, 2, 1), "outcome": "plan"},
            {"key": "V1", "referral_id": "R1", "cp_plan_id": "P1", "kind": "review",
             "held_on": D(2017, 3, 1), "outcome": "plan_continues"},
        ],
        cla_episode=[{"key": "E1", "child_id": "C2", "started_on": D(2016, 1, 1),
                      "reason_new": "S", "legal_status": "C2", "category_of_need": "N1",
                      "placement_type": "U6", "placement_provider": "PR1",
                      "placement_postcode": "WS1 1AA", "urn": "SC123456",
                      "placement_la": "E08000030", "placement_location": "IN"}],
        care_leaver_status=[{"key": "L1", "child_id": "C3", "as_of": D(2017, 3, 1),
                             "eligibility": "former_relevant", "in_touch": "YES",
                             "activity": "F1", "accommodation": "U",
                             "accommodation_suitable": True, "staying_put": False,
                             "pathway_plan_reviewed_on": D(2017, 2, 1)}],
        adoption=[{"key": "AD1", "child_id": "C4", "decision_on": D(2016, 6, 1),
                   "placement_order_on": D(2016, 8, 1), "is_foster_for_adoption": False}],
        adopter_household=[{"key": "H1", "enquiry_on": D(2016, 5, 1),
                            "stage_1_started_on": D(2016, 6, 1), "stage": "stage_1",
                            "adopter_count": 2}],
    )  # fmt: skip


@pytest.fixture(scope="module")
def small_lists() -> Lists:
    return annex_a_lists(small_frames(), as_of=AS_OF)


# -- writing test workbooks ---------------------------------------------------------------


def table(frame: pl.DataFrame) -> Table:
    return [list(frame.columns), *(list(row) for row in frame.iter_rows())]


def tables(lists: Lists) -> dict[str, Table]:
    return {spec.sheet_name: table(lists[spec.key]) for spec in annex_a_spec()}


def workbook_write(path: Path, sheets: dict[str, Table]) -> Path:
    """Each sheet's rows as given; dates as Excel dates, None as an empty cell."""
    workbook = xlsxwriter.Workbook(str(path))
    dates = workbook.add_format({"num_format": "dd/mm/yyyy"})
    for title, rows in sheets.items():
        sheet = workbook.add_worksheet(title)
        for number, row in enumerate(rows):
            for column, value in enumerate(row):
                if isinstance(value, dt.date):
                    sheet.write_datetime(number, column, value, dates)
                elif isinstance(value, str):
                    sheet.write_string(number, column, value)
                elif value is not None:
                    sheet.write(number, column, value)
    workbook.close()
    return path


def with_cell(sheets: dict[str, Table], sheet: str, heading: str, value: Any) -> dict[str, Table]:
    """The sheets with the first data row's cell under `heading` set to `value`."""
    changed = {title: [list(row) for row in rows] for title, rows in sheets.items()}
    rows = changed[sheet]
    rows[1][rows[0].index(heading)] = value
    return changed


def error_of(path: Path) -> str:
    with pytest.raises(ReturnError) as caught:
        annex_a_lists_read(path)
    return str(caught.value)


def frames_same(got: pl.DataFrame, want: pl.DataFrame, what: str) -> None:
    try:
        assert_frame_equal(got, want)
    except AssertionError as error:
        raise AssertionError(f"{what}: {error}") from error


def assert_lists_equal(got: Lists, want: Lists) -> None:
    assert list(got) == list(want)
    for key in want:
        frames_same(got[key], want[key], key)


# -- round trips --------------------------------------------------------------------------


def test_small_council_round_trip(tmp_path: Path, small_lists: Lists) -> None:
    out = tmp_path / "annex.xlsx"
    annex_a_write(small_frames(), as_of=AS_OF, out=out)
    got, notes = annex_a_lists_read(out)
    assert_lists_equal(got, small_lists)
    assert notes == ()
    assert all(small_lists[spec.key].height for spec in annex_a_spec()), "every list has rows"


@pytest.mark.slow
def test_walsall_lists_round_trip(walsall: SyntheticCouncil, tmp_path: Path) -> None:
    out = tmp_path / "walsall.xlsx"
    annex_a_write(walsall.frames, as_of=AS_OF, out=out)
    got, notes = annex_a_lists_read(out)
    assert_lists_equal(got, annex_a_lists(walsall.frames, as_of=AS_OF))
    assert notes == ()


def every_table(frames: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    return {name: frames.get(name, empty_frame(schema)) for name, schema in TABLES.items()}


def carried(lists: Lists, key: str) -> pl.DataFrame:
    columns = CARRIED[key]
    return lists[key].select(columns).sort(columns, nulls_last=True)


@pytest.mark.slow
def test_walsall_frames_round_trip_for_carried_columns(
    walsall: SyntheticCouncil, tmp_path: Path
) -> None:
    """Export, read the frames, export again: the same rows, and the same values in every
    column a list carries directly."""
    out = tmp_path / "walsall.xlsx"
    annex_a_write(walsall.frames, as_of=AS_OF, out=out)
    read = annex_a_read(out, as_of=AS_OF)
    again = annex_a_lists(every_table(read.frames), as_of=AS_OF)
    for key in CARRIED:
        assert again[key].height == read.lists[key].height, key
        frames_same(carried(again, key), carried(read.lists, key), key)


def test_small_council_frames(tmp_path: Path) -> None:
    out = tmp_path / "annex.xlsx"
    annex_a_write(small_frames(), as_of=AS_OF, out=out)
    frames = annex_a_read(out, as_of=AS_OF).frames
    child = {row["child_id"]: row for row in frames["child"].to_dicts()}
    assert (child["C2"]["sex"], child["C2"]["ethnicity"], child["C2"]["is_uasc"]) == (
        "F",
        "APKN",
        True,
    )
    assert child["C1"]["given_name"] is None
    assert frames["referral"]["key"].to_list() == ["C1/R/20170111"]
    assert frames["assessment"]["key"].to_list() == ["C1/R/20170111/A/20170112"]
    [initial] = frames["conference"].filter(pl.col("kind") == "initial").to_dicts()
    assert initial["key"] == "C1/R/20170111/S/20170115/C/20170201"
    assert initial["cp_plan_id"] == "C1/R/20170111/CP/20170201"
    [episode] = frames["cla_episode"].to_dicts()
    assert (episode["key"], episode["reason_new"], episode["placement_la"]) == (
        "C2/E/20160101",
        "S",
        "E08000030",
    )
    [status] = frames["care_leaver_status"].to_dicts()
    assert (status["as_of"], status["eligibility"], status["accommodation_suitable"]) == (
        AS_OF,
        "former_relevant",
        True,
    )
    [household] = frames["adopter_household"].to_dicts()
    assert (household["key"], household["adopter_count"], household["stage"]) == (
        "H1",
        2,
        "stage_1",
    )
    assert frames["child_disability"]["key"].to_list() == ["C2/D/NONE"]


def test_keys_do_not_depend_on_row_order(tmp_path: Path, small_lists: Lists) -> None:
    """Reading the same records in another row order gives the same keys (and frames): the
    second contact on a day is `#2` by its content, not its row."""
    reversed_lists = {key: frame.reverse() for key, frame in small_lists.items()}
    first = annex_a_read(workbook_write(tmp_path / "a.xlsx", tables(small_lists)), as_of=AS_OF)
    second = annex_a_read(workbook_write(tmp_path / "b.xlsx", tables(reversed_lists)), as_of=AS_OF)
    assert first.frames["contact"]["key"].to_list() == ["C1/CT/20170110", "C1/CT/20170110#2"]
    for name, frame in first.frames.items():
        key = TABLES[name].key
        frames_same(second.frames[name].sort(key), frame.sort(key), name)


@pytest.mark.slow
def test_walsall_keys_meet_the_cin_census_reader(walsall: SyntheticCouncil, tmp_path: Path) -> None:
    """An Annex A and a CIN census of the same council give the same keys to the same
    referrals, assessments, plans, enquiries and conferences; reading twice changes nothing."""
    annex = tmp_path / "a.xlsx"
    annex_a_write(walsall.frames, as_of=AS_OF, out=annex)
    census = tmp_path / "cin.xml"
    cin_census_write(walsall.frames, year=2017, out=census, la_number="335")
    from_census = cin_census_read(census).frames
    read = annex_a_read(annex, as_of=AS_OF)
    for name in ("referral", "assessment", "cp_plan", "section47_enquiry", "conference"):
        keys = set(read.frames[name]["key"])
        assert keys, name
        assert keys <= set(from_census[name]["key"]), name
    again = annex_a_read(annex, as_of=AS_OF)
    for name, frame in read.frames.items():
        frames_same(again.frames[name], frame, name)


# -- other layouts and templates ----------------------------------------------------------


def test_moved_columns_renamed_sheets_and_a_title_row_read_the_same(
    tmp_path: Path, small_lists: Lists
) -> None:
    moved: dict[str, Table] = {}
    for spec in annex_a_spec():
        rows = table(small_lists[spec.key])
        reversed_rows = [list(reversed(row)) for row in rows]
        title = f"list {spec.number} - {spec.key}"
        moved[title] = [[f"Annex A {title}"], [], *reversed_rows]
    path = workbook_write(tmp_path / "moved.xlsx", moved)
    got, notes = annex_a_lists_read(path)
    assert_lists_equal(got, small_lists)
    assert notes == ()


# The earlier (pre-2024) template: the same columns in the same order, without the five
# the 2024 template added (liia-tools' la-agg.yml sort order), and councils' wordings.
EARLIER_WORDING = {"Date of referral": "Date of Referral", "Age of Child (Years)": "Age"}


def earlier_template(lists: Lists) -> dict[str, Table]:
    sheets: dict[str, Table] = {}
    for spec in annex_a_spec():
        frame = lists[spec.key].select(
            [c for c in spec.headings if (spec.key, c) not in ADDED_IN_2024]
        )
        rows = table(frame)
        rows[0] = [EARLIER_WORDING.get(heading, heading) for heading in rows[0]]
        sheets[spec.sheet_name] = rows
    return sheets


def test_earlier_template_reads_with_notes(tmp_path: Path, small_lists: Lists) -> None:
    path = workbook_write(tmp_path / "earlier.xlsx", earlier_template(small_lists))
    got, notes = annex_a_lists_read(path)
    want = {
        key: frame.with_columns(
            pl.lit(None, frame.schema[c]).alias(c)
            for c in frame.columns
            if (key, c) in ADDED_IN_2024
        )
        for key, frame in small_lists.items()
    }
    assert_lists_equal(got, want)
    assert got["list_9"].height == 1
    for key, heading in ADDED_IN_2024:
        sheet = f"List {key.removeprefix('list_')}"
        assert f"{sheet}: no {heading!r} column (the 2024 template added it); read as blank" in (
            notes
        )
    assert len(notes) == len(ADDED_IN_2024)


def test_missing_sheet_reads_as_empty_with_a_note(tmp_path: Path, small_lists: Lists) -> None:
    sheets = tables(small_lists)
    del sheets["List 7"]
    got, notes = annex_a_lists_read(workbook_write(tmp_path / "no7.xlsx", sheets))
    assert got["list_7"].is_empty()
    assert got["list_7"].columns == small_lists["list_7"].columns
    assert notes == ("no sheet for List 7 (child protection); read as empty",)


def test_text_dates_and_excel_day_numbers(tmp_path: Path, small_lists: Lists) -> None:
    sheets = tables(small_lists)
    for value in ("11/01/2017", "2017-01-11", " 11/1/2017 ", 42746):
        path = workbook_write(
            tmp_path / "dates.xlsx", with_cell(sheets, "List 3", "Date of referral", value)
        )
        got, _ = annex_a_lists_read(path)
        assert got["list_3"]["Date of referral"].to_list() == [D(2017, 1, 11)], value


def test_councils_category_wordings() -> None:
    """A council's wordings become the template's options (as the exporter writes them)."""
    cases = [
        ("list_1", "Gender", "Female", "b) Female"),
        ("list_1", "Ethnicity", "WBRI", "a) WBRI"),
        ("list_1", "Ethnicity", "s) NOBT", "t) NOBT"),  # an earlier template's letter
        ("list_1", "Ethnicity", "White - British", "a) White"),  # only the group is known
        ("list_3", "Referral NFA?", "No further action", "Yes"),
        ("list_6", "Primary Need Code", "N1 - Abuse or Neglect", "N1 - Abuse or neglect"),
        ("list_8", "Placement Provider", "e) PR4 - Private provision", "e) PR4: Private provision"),
        ("list_8", "LA of Placement", "walsall", "Walsall"),
        ("list_9", "LA in Touch", " A) YES ", "a) Yes"),
    ]
    for key, heading, cell, option in cases:
        assert category_column(key, heading).value(cell) == option, cell


# -- the shipped sample -------------------------------------------------------------------


def test_shipped_sample_stops_at_its_first_value_outside_the_spec() -> None:
    message = error_of(SAMPLE)
    assert message.startswith("Annex_A_2024_Jan_sample.xlsx: List 4!J2 ")
    assert "(Was the child assessed as requiring LA children's social care support?)" in message
    assert "'CS Assessment Updated' is not an option of this column" in message
    assert "expected one of 'No', 'Yes'" in message


def test_shipped_sample_reads_once_its_out_of_spec_cells_are_cleared(tmp_path: Path) -> None:
    """Its other values (its own headings such as "Age", "Date of Referral" and a UASC
    heading with a stray bracket; Excel #N/A; text-valued flags) read."""
    path = tmp_path / "sample.xlsx"
    shutil.copy(SAMPLE, path)
    workbook = openpyxl.load_workbook(path, data_only=True)
    for sheet, cells in {
        "List 4": [f"J{n}" for n in range(2, 7)],  # "CS Assessment Updated"
        "List 6": ["H2"],  # "PSRMEM - Support with memory and cognition"
        "List 8": [f"AB{n}" for n in range(2, 7)],  # "Home Town", "Other Town 1"
    }.items():
        for cell in cells:
            workbook[sheet][cell].value = None
    workbook.save(path)
    read = annex_a_read(path)
    assert read.lists["list_1"]["Age of Child (Years)"].to_list() == [6, 8, 11, 14, 15]
    assert read.lists["list_1"]["Gender"][0] == "b) Female"  # "Female" in the sample
    assert read.lists["list_3"]["Date of referral"].null_count() == 0
    uasc = "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"
    assert read.lists["list_8"][uasc].to_list() == ["No"] * 5  # heading ends "(Y/N))"
    assert any("List 6 'Allocated Team': Excel error values read as blank" in n for n in read.notes)
    assert read.frames["child"].height > 0


# -- bad input ----------------------------------------------------------------------------


@pytest.fixture
def sheets(small_lists: Lists) -> dict[str, Table]:
    return tables(small_lists)


def written(tmp_path: Path, sheets: dict[str, Table], name: str = "bad.xlsx") -> Path:
    return workbook_write(tmp_path / name, sheets)


def test_malformed_date(tmp_path: Path, sheets: dict[str, Table]) -> None:
    path = written(tmp_path, with_cell(sheets, "List 3", "Date of referral", "next Tuesday"))
    assert error_of(path) == (
        "bad.xlsx: List 3!F2 (Date of referral): 'next Tuesday' is not a date; "
        "expected a date (dd/mm/yyyy or an Excel date)"
    )


def test_impossible_date(tmp_path: Path, sheets: dict[str, Table]) -> None:
    path = written(tmp_path, with_cell(sheets, "List 1", "Date of Contact", "30/02/2017"))
    message = error_of(path)
    assert message.startswith("bad.xlsx: List 1!F2 (Date of Contact): '30/02/2017' is not a date")
    assert "day is out of range for month" in message
    assert message.endswith("expected a date (dd/mm/yyyy or an Excel date)")


def test_unknown_category_value(tmp_path: Path, sheets: dict[str, Table]) -> None:
    path = written(tmp_path, with_cell(sheets, "List 1", "Contact Source", "Carrier pigeon"))
    message = error_of(path)
    assert message.startswith(
        "bad.xlsx: List 1!G2 (Contact Source): 'Carrier pigeon' is not an option of this column"
    )
    assert "expected one of 'a) 1A: Individual', 'b) 1B: Individual'" in message


def test_fraction_where_a_count_is_expected(tmp_path: Path, sheets: dict[str, Table]) -> None:
    heading = "Number of Previous Child Protection Plans"
    path = written(tmp_path, with_cell(sheets, "List 7", heading, 1.5))
    assert error_of(path) == (
        f"bad.xlsx: List 7!O2 ({heading}): 1.5 is not a whole number; expected a whole number"
    )


def test_missing_required_column(tmp_path: Path, sheets: dict[str, Table]) -> None:
    rows = sheets["List 3"]
    at = rows[0].index("Date of referral")
    sheets["List 3"] = [row[:at] + row[at + 1 :] for row in rows]
    message = error_of(written(tmp_path, sheets))
    assert message.startswith(
        "bad.xlsx: List 3: no 'Date of referral' column (expected a heading like "
        "'Date of referral'; found 'Child Unique ID', 'Gender', "
    )
    assert "'Referral Source'" in message


def test_no_heading_row(tmp_path: Path, sheets: dict[str, Table]) -> None:
    sheets["List 2"] = [["Early help"], ["Name", "Date"]]
    message = error_of(written(tmp_path, sheets))
    assert message == (
        "bad.xlsx: List 2: no heading row with 'Child Unique ID' in the first 10 rows "
        "(the first row with anything in it has 'Early help')"
    )


def test_duplicate_child_in_a_one_row_per_child_list(
    tmp_path: Path, sheets: dict[str, Table]
) -> None:
    sheets["List 8"] = [*sheets["List 8"], sheets["List 8"][1]]
    assert error_of(written(tmp_path, sheets)) == (
        "bad.xlsx: List 8: Child Unique ID 'C2' appears in rows 2 and 3 "
        "(List 8 has one row per child)"
    )


def test_child_twice_in_list_7_is_allowed(tmp_path: Path, sheets: dict[str, Table]) -> None:
    """A plan that ended in the six months and a new one: two rows for one child."""
    sheets["List 7"] = [*sheets["List 7"], sheets["List 7"][1]]
    got, _ = annex_a_lists_read(written(tmp_path, sheets))
    assert got["list_7"]["Child Unique ID"].to_list() == ["C1", "C1"]


def test_blank_child_id_in_a_row_with_values(tmp_path: Path, sheets: dict[str, Table]) -> None:
    path = written(tmp_path, with_cell(sheets, "List 1", "Child Unique ID", None))
    assert error_of(path) == (
        "bad.xlsx: List 1!A2 (Child Unique ID): blank, but the row has other values "
        "(expected the child's identifier)"
    )


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    assert error_of(path) == "empty.xlsx: the file is empty (expected an Annex A workbook, .xlsx)"


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "annex.xlsx"
    path.write_text("Child Unique ID,Gender\nC1,a) Male\n", encoding="utf-8")
    assert error_of(path) == "annex.xlsx: not an Excel workbook (expected an Annex A .xlsx file)"


def test_old_excel_format(tmp_path: Path) -> None:
    path = tmp_path / "annex.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    assert "an Excel 97-2003 workbook (.xls) or a password-protected one; save it" in (
        error_of(path)
    )


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "annex.xlsx"
    shutil.make_archive(str(tmp_path / "annex"), "zip", root_dir=tmp_path, base_dir=".")
    (tmp_path / "annex.zip").rename(path)
    assert error_of(path).startswith(
        "annex.xlsx: not a readable Excel workbook (expected an Annex A .xlsx file)"
    )


def test_workbook_without_list_sheets(tmp_path: Path) -> None:
    path = workbook_write(tmp_path / "other.xlsx", {"Sheet1": [["Name"], ["x"]], "Notes": []})
    assert error_of(path) == (
        "other.xlsx: no Annex A list sheets (expected sheets named 'List 1' … 'List 11'; "
        "found 'Sheet1', 'Notes')"
    )


def test_two_sheets_for_one_list(tmp_path: Path, sheets: dict[str, Table]) -> None:
    sheets["list 1 old"] = sheets.pop("List 1")
    sheets["List1 new"] = sheets["list 1 old"]
    assert error_of(written(tmp_path, sheets)) == (
        "bad.xlsx: sheets 'list 1 old', 'List1 new' all look like List 1; rename all but one"
    )


# -- frames from a council's own workbook -------------------------------------------------


def test_records_without_a_referral_hang_off_an_assumed_one(
    tmp_path: Path, sheets: dict[str, Table]
) -> None:
    for sheet in ("List 3", "List 6"):
        sheets[sheet] = sheets[sheet][:1]
    read = annex_a_read(written(tmp_path, sheets), as_of=AS_OF)
    referrals = read.frames["referral"].to_dicts()
    # The assessment (12 January) is the first record; the enquiry and plan join it.
    assert [(r["key"], r["source"]) for r in referrals] == [("C1/R/20170112", "10")]
    assert set(read.frames["cp_plan"]["referral_id"]) == {"C1/R/20170112"}
    assert any(n.startswith("No referral in lists 3 or 6 on or before") for n in read.notes)


def test_care_leavers_dated_by_the_workbook_without_as_of(
    tmp_path: Path, sheets: dict[str, Table]
) -> None:
    read = annex_a_read(written(tmp_path, sheets))
    # The latest contact, referral, assessment or s47 date: the enquiry on 15 January.
    assert read.frames["care_leaver_status"]["as_of"].to_list() == [D(2017, 1, 15)]
    assert any("care-leaver statuses dated 15/01/2017" in note for note in read.notes)
