"""The scorecard as an Excel workbook: the sheets, the figures in their cells, and no child."""

import io
import zipfile

import openpyxl
import pytest

from lineofsight.reports.outputs.commentary import Commentary
from lineofsight.reports.outputs.xlsx import (
    DATA_HEADERS,
    DATA_TABLE,
    NO_PERSONAL_DATA,
    SECTION_HEADERS,
    scorecard_xlsx,
    sheet_names,
    unit_number_format,
)
from lineofsight.reports.tests.output_cards import (
    BOARD_TITLE,
    CHILD_IDS,
    COMMENTARY,
    COUNCIL,
    PERIODS,
    WRITTEN_AT,
    scorecard,
)

# "Children looked after: stability [moves] / permanence?" made valid and cut to 31.
LOOKED_AFTER_SHEET = "Children looked after stability"
FIRST_LINE_ROW = 5  # Excel's numbering: title, commentary, blank, headers, then the lines


@pytest.fixture(scope="module")
def content() -> bytes:
    return scorecard_xlsx(scorecard(), COMMENTARY)


@pytest.fixture(scope="module")
def workbook(content):
    return openpyxl.load_workbook(io.BytesIO(content))


def _column(sheet, header: str) -> int:
    headers = [cell.value for cell in sheet[FIRST_LINE_ROW - 1]]
    return headers.index(header) + 1


def test_the_workbook_has_a_summary_a_sheet_per_section_and_the_data(workbook):
    assert workbook.sheetnames == ["Summary", "Front door", LOOKED_AFTER_SHEET, "Data"]


def test_the_summary_names_the_pack_counts_the_rag_and_says_it_holds_no_personal_data(workbook):
    rows = {row[0]: row[1] for row in workbook["Summary"].iter_rows(values_only=True) if row[0]}
    assert rows["Council"] == COUNCIL
    assert rows["Board"] == f"{BOARD_TITLE} (corporate-parenting)"
    assert rows["Period"] == "2016-17 (1 April 2016 to 31 March 2017)"
    assert rows["Generated"].year == 2017  # an Excel date, in London time
    assert rows["Generated"].hour == 10
    assert rows["Source"] == "hand-built test scorecard"
    assert rows["Code version"] == "0.1.0+test"
    assert (rows["Green"], rows["Amber"], rows["Red"], rows["No RAG rating"]) == (1, 1, 1, 2)
    assert rows["Personal data"] == NO_PERSONAL_DATA
    assert workbook["Summary"]["A2"].value == "OFFICIAL"


def test_each_indicator_is_a_row_with_its_figures_in_the_right_cells(workbook):
    sheet = workbook["Front door"]
    assert sheet["A1"].value == "Front door"
    assert [c.value for c in sheet[FIRST_LINE_ROW - 1]] == [
        *SECTION_HEADERS,
        *PERIODS,
        "Commentary",
    ]
    row = [cell.value for cell in sheet[FIRST_LINE_ROW]]
    assert row[:12] == [
        "FD-05",
        "Re-referrals within 12 months of a previous referral",
        21.7918,
        990,
        4543,
        20,
        "Amber",
        21.7,
        21.9,
        23.4,
        21.39,
        "C",
    ]
    assert row[12:16] == [22.0056, 21.8953, 22.1503, 21.7918]
    assert row[16].startswith("Close to England. <script>")
    assert "Jane O'Neill, Service Manager, 3 May 2017" in row[16]
    rate = [cell.value for cell in sheet[FIRST_LINE_ROW + 1]]
    assert rate[:3] == ["FD-04", "Referrals per 10,000 children", 687.8748]
    assert rate[5] is None  # no target


def test_values_are_numbers_formatted_in_their_unit(workbook):
    sheet = workbook["Front door"]
    value = sheet.cell(FIRST_LINE_ROW, _column(sheet, "Value"))
    assert value.data_type == "n"
    assert value.number_format == '#,##0.0"%"'
    rate = sheet.cell(FIRST_LINE_ROW + 1, _column(sheet, "Value"))
    assert rate.number_format == '#,##0.0" per 10,000"'
    assert unit_number_format("count", 0) == "#,##0"
    assert unit_number_format("days", 0) == '#,##0" days"'


def test_the_rag_cell_says_its_status_on_its_colour(workbook):
    sheet = workbook["Front door"]
    amber = sheet.cell(FIRST_LINE_ROW, _column(sheet, "RAG"))
    green = sheet.cell(FIRST_LINE_ROW + 1, _column(sheet, "RAG"))
    assert (amber.value, green.value) == ("Amber", "Green")
    assert amber.fill.fgColor.rgb.endswith("FFF7BF")
    assert green.fill.fgColor.rgb.endswith("CCE2D8")
    red = workbook[LOOKED_AFTER_SHEET].cell(FIRST_LINE_ROW + 1, 7)
    assert red.value == "Red"
    assert red.fill.fgColor.rgb.endswith("F4CDC6")


def test_a_section_sheet_shows_gaps_as_empty_cells_and_its_section_commentary(workbook):
    sheet = workbook[LOOKED_AFTER_SHEET]
    assert sheet["A1"].value == "Children looked after: stability [moves] / permanence?"
    assert sheet["B2"].value == "None recorded"
    count = [cell.value for cell in sheet[FIRST_LINE_ROW]]
    assert count[:3] == ["LAC-01", "Children looked after at the period's end", 612]
    assert count[8] is None  # no England figure
    assert count[12:16] == [598, None, 604, 612]
    assert workbook["Front door"]["B2"].value.startswith("Demand is steady.")


def test_the_data_sheet_is_a_table_of_every_value(workbook):
    sheet = workbook["Data"]
    assert list(sheet.tables) == [DATA_TABLE]
    table = sheet.tables[DATA_TABLE]
    assert table.ref == f"A1:F{1 + 5 * 4}"
    assert table.autoFilter is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == DATA_HEADERS
    card = scorecard()
    expected = {
        (code, period, numerator, denominator, value)
        for code, period, numerator, denominator, value in card.values.iter_rows()
    }
    found = {(code, period, num, den, value) for code, _, period, num, den, value in rows[1:]}
    assert found == expected
    titles = {row[0]: row[1] for row in rows[1:]}
    assert titles["referrals_rate"] == "Referrals per 10,000 children"


def test_no_child_id_is_written_anywhere(content, workbook):
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            assert not any(isinstance(v, str) and "CHILD-SECRET" in v for v in row)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            assert all(child.encode() not in data for child in CHILD_IDS)


def test_commentary_that_looks_like_a_formula_stays_text():
    commentary = {
        "s1/referrals_rate": Commentary('=HYPERLINK("http://example.com","x")', "A", WRITTEN_AT)
    }
    workbook = openpyxl.load_workbook(io.BytesIO(scorecard_xlsx(scorecard(), commentary)))
    sheet = workbook["Front door"]
    cell = sheet.cell(FIRST_LINE_ROW + 1, _column(sheet, "Commentary"))
    assert cell.data_type == "s"
    assert cell.value.startswith("=HYPERLINK")


@pytest.mark.parametrize(
    ("titles", "names"),
    [
        (["Front door"], ["Front door"]),
        (["A: b/c\\d [e] *f? g"], ["A b c d e f g"]),
        (["x" * 40], ["x" * 31]),
        (
            ["Front door", "front door", "Front door"],
            ["Front door", "front door (2)", "Front door (3)"],
        ),
        (["Summary", "Data", "History"], ["Summary (2)", "Data (2)", "History (2)"]),
        (["'quoted'", "", "::"], ["quoted", "Section 2", "Section 3"]),
        (["y" * 31, "y" * 31], ["y" * 31, "y" * 27 + " (2)"]),
    ],
)
def test_sheet_names_are_valid_and_unique(titles, names):
    made = sheet_names(titles, taken=("Summary", "Data"))
    assert made == names
    for name in made:
        assert len(name) <= 31
        assert not set(name) & set("[]:*?/\\")
    assert len({name.casefold() for name in made}) == len(made)
