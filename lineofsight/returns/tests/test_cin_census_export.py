"""CIN census XML: who is included, element values and order, every year's XSD, atomic writes."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from lxml import etree

from lineofsight.returns.cin_census.export import cin_census_build, cin_census_write
from lineofsight.returns.cin_census.formats import (
    FIRST_YEAR,
    LAST_YEAR,
    cin_census_schema,
    cin_census_xsd_path,
)
from lineofsight.returns.domain.errors import ReturnError
from lineofsight.timescales.tests.builders import journey_frames

D = dt.date
STAMP = dt.datetime(2017, 4, 20, 9, 30)


def _child(child_id: str, **extra: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "child_id": child_id,
        "upn": None,
        "upn_unknown_reason": "UN1",
        "given_name": "A",
        "family_name": "B",
        "sex": "F",
        "born_on": D(2010, 5, 1),
        "ethnicity": "WBRI",
        "is_uasc": False,
        "motherhood_recorded": False,
    }
    return row | extra


def _referral(key: str, child_id: str, referred_on: dt.date, **extra: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "key": key,
        "child_id": child_id,
        "referred_on": referred_on,
        "source": "2A",
        "primary_need": "N1",
        "is_nfa": False,
        "closed_on": None,
        "closure_reason": None,
    }
    return row | extra


def _frames(**overrides: list[dict[str, Any]]) -> dict[str, pl.DataFrame]:
    """Year ending 31 March 2017. C1: a full episode (assessment, CIN plan, s47, ICPC, CP plan,
    reviews) plus an old closed one; C2: closed before the year; C3: referred after it;
    C4: an NFA referral in the year; C5: closed after the year ends; C6: unborn."""
    tables: dict[str, list[dict[str, Any]]] = {
        "child": [
            _child(
                "C1",
                upn="A123456789012",
                upn_unknown_reason=None,
                sex="M",
                born_on=D(2012, 6, 3),
            ),
            _child("C2"),
            _child("C3"),
            _child("C4", upn_unknown_reason="UN7", sex="U"),
            _child("C5", died_on=D(2017, 6, 1)),
            _child("C6", born_on=D(2017, 5, 2), expected_birth_on=D(2017, 5, 10), sex="F"),
        ],
        "child_disability": [
            {"key": "D1", "child_id": "C1", "disability": "MOB"},
            {"key": "D2", "child_id": "C1", "disability": "AUT"},
            {"key": "D3", "child_id": "C2", "disability": "NONE"},
        ],
        "referral": [
            _referral("R0", "C1", D(2014, 1, 1), closed_on=D(2015, 1, 1), closure_reason="RC8"),
            _referral("R1", "C1", D(2016, 5, 10), source="5D"),
            _referral("R2", "C2", D(2015, 2, 1), closed_on=D(2016, 3, 31), closure_reason="RC7"),
            _referral("R3", "C3", D(2017, 4, 1)),
            _referral(
                "R4",
                "C4",
                D(2016, 9, 9),
                primary_need=None,
                is_nfa=True,
                closed_on=D(2016, 9, 9),
                closure_reason="RC8",
            ),
            _referral("R5", "C5", D(2016, 1, 4), closed_on=D(2017, 4, 3), closure_reason="RC2"),
            _referral("R6", "C6", D(2017, 1, 5), source="3B", primary_need="N2"),
        ],
        "assessment": [
            {"key": "A0", "referral_id": "R1", "started_on": D(2016, 5, 11)},
            {
                "key": "A1",
                "referral_id": "R1",
                "started_on": D(2016, 5, 12),
                "authorised_on": D(2016, 6, 20),
            },
            {
                "key": "A2",
                "referral_id": "R5",
                "started_on": D(2017, 3, 1),
                "authorised_on": D(2017, 4, 5),
            },
        ],
        "assessment_factor": [
            {"key": "F1", "assessment_id": "A1", "factor": "3B"},
            {"key": "F2", "assessment_id": "A1", "factor": "24A"},
            {"key": "F3", "assessment_id": "A2", "factor": "1B"},
        ],
        "cin_plan": [
            {
                "key": "P1",
                "referral_id": "R1",
                "started_on": D(2016, 6, 21),
                "ended_on": D(2016, 7, 1),
            },
        ],
        "section47_enquiry": [
            {
                "key": "S1",
                "referral_id": "R1",
                "started_on": D(2016, 7, 2),
                "icpc_not_required": False,
                "icpc_target_on": D(2016, 7, 20),
                "completed_on": D(2016, 7, 15),
            },
            {
                "key": "S0",
                "referral_id": "R0",
                "started_on": D(2014, 2, 1),
                "icpc_not_required": True,
                "completed_on": D(2014, 3, 1),
            },
        ],
        "cp_plan": [
            {
                "key": "CPP1",
                "referral_id": "R1",
                "started_on": D(2016, 7, 19),
                "ended_on": D(2017, 5, 1),
                "initial_category": "NEG",
                "latest_category": "EMO",
                "previous_plans_count": 1,
            }
        ],
        "conference": [
            _conference(
                "K1", "R1", "initial", D(2016, 7, 19), section47_enquiry_id="S1", cp_plan_id="CPP1"
            ),
            _conference("K2", "R1", "review", D(2016, 10, 12), cp_plan_id="CPP1"),
            _conference("K3", "R1", "review", D(2017, 3, 30), cp_plan_id="CPP1"),
            _conference("K4", "R1", "review", D(2017, 4, 28), cp_plan_id="CPP1"),
            _conference("K5", "R6", "pre_birth", D(2017, 2, 1)),
        ],
    }
    return journey_frames(**(tables | overrides))


def _conference(
    key: str, referral_id: str, kind: str, held_on: dt.date, **extra: Any
) -> dict[str, Any]:
    return {
        "key": key,
        "referral_id": referral_id,
        "kind": kind,
        "held_on": held_on,
        "police_attended": True,
        "health_attended": True,
        "education_attended": True,
        "outcome": "plan",
    } | extra


def _shifted(year: int) -> dict[str, pl.DataFrame]:
    """The small council moved forward so the census for `year` has the same shape."""
    years = pl.col(pl.Date).dt.offset_by(f"{year - 2017}y")
    return {name: frame.with_columns(years) for name, frame in _frames().items()}


def _build(year: int = 2017) -> etree._Element:
    tree = cin_census_build(
        _shifted(year),
        year=year,
        la_number="335",
        generated_at=STAMP,
    )
    return tree.getroot()


def _child_element(root: etree._Element, child_id: str) -> etree._Element:
    (found,) = (
        child
        for child in root.iterfind("Children/Child")
        if child.findtext("ChildIdentifiers/LAchildID") == child_id
    )
    return found


def _texts(element: etree._Element, path: str) -> list[str | None]:
    return [found.text for found in element.iterfind(path)]


def _tags(element: etree._Element) -> list[str]:
    return [str(sub.tag) for sub in element]


def test_includes_episodes_open_in_the_year_and_nfa_referrals() -> None:
    root = _build()
    assert _texts(root, "Children/Child/ChildIdentifiers/LAchildID") == [
        "C1",
        "C4",
        "C5",
        "C6",
    ]
    # C1's episode closed in 2015 is left out; only the open one remains.
    assert _texts(_child_element(root, "C1"), "CINdetails/CINreferralDate") == ["2016-05-10"]
    nfa = _child_element(root, "C4").find("CINdetails")
    assert nfa is not None
    assert nfa.findtext("ReferralNFA") == "1"
    assert nfa.find("PrimaryNeedCode") is None
    assert nfa.findtext("ReasonForClosure") == "RC8"
    assert _child_element(root, "C4").findtext("ChildIdentifiers/UPNunknown") == "UN7"


def test_header() -> None:
    root = _build()
    assert root.findtext("Header/CollectionDetails/Year") == "2017"
    assert root.findtext("Header/CollectionDetails/ReferenceDate") == "2017-03-31"
    assert root.findtext("Header/Source/LEA") == "335"
    assert root.findtext("Header/Source/DateTime") == "2017-04-20T09:30:00"
    assert _tags(root) == ["Header", "Children"]


def test_full_episode_values_and_order_2017() -> None:
    child = _child_element(_build(2017), "C1")
    assert _tags(child) == ["ChildIdentifiers", "ChildCharacteristics", "CINdetails"]
    ids = child.find("ChildIdentifiers")
    assert ids is not None
    assert _tags(ids) == ["LAchildID", "UPN", "PersonBirthDate", "GenderCurrent"]
    assert ids.findtext("GenderCurrent") == "1"
    assert _texts(child, "ChildCharacteristics/Disabilities/Disability") == ["AUT", "MOB"]
    details = child.find("CINdetails")
    assert details is not None
    # 2016/17: no CINPlanDates block; ReferralSource 5D and factor 24A did not exist yet.
    assert _tags(details) == [
        "CINreferralDate",
        "ReferralSource",
        "PrimaryNeedCode",
        "Assessments",
        "Assessments",
        "Section47",
        "ReferralNFA",
        "ChildProtectionPlans",
    ]
    assert details.findtext("ReferralSource") == "5B"
    open_assessment, done = details.findall("Assessments")
    assert _tags(open_assessment) == ["AssessmentActualStartDate"]
    assert _tags(done) == [
        "AssessmentActualStartDate",
        "AssessmentAuthorisationDate",
        "FactorsIdentifiedAtAssessment",
    ]
    assert _texts(done, "FactorsIdentifiedAtAssessment/AssessmentFactors") == ["3B", "20"]
    s47 = details.find("Section47")
    assert s47 is not None
    assert [(e.tag, e.text) for e in s47] == [
        ("S47ActualStartDate", "2016-07-02"),
        ("InitialCPCtarget", "2016-07-20"),
        ("DateOfInitialCPC", "2016-07-19"),
        ("ICPCnotRequired", "0"),
    ]
    cpp = details.find("ChildProtectionPlans")
    assert cpp is not None
    # The plan ends and is reviewed again after 31 March: not yet known at the census.
    assert [(e.tag, e.text) for e in cpp if e.tag != "Reviews"] == [
        ("CPPstartDate", "2016-07-19"),
        ("InitialCategoryOfAbuse", "NEG"),
        ("LatestCategoryOfAbuse", "EMO"),
        ("NumberOfPreviousCPP", "1"),
    ]
    assert _texts(cpp, "Reviews/CPPreviewDate") == ["2016-10-12", "2017-03-30"]


def test_later_years_add_cin_plans_sex_and_new_codes() -> None:
    child = _child_element(_build(2025), "C1")
    assert child.findtext("ChildIdentifiers/Sex") == "M"
    assert child.find("ChildIdentifiers/GenderCurrent") is None
    details = child.find("CINdetails")
    assert details is not None
    assert _tags(details)[3:6] == ["Assessments", "Assessments", "CINPlanDates"]
    plan = details.find("CINPlanDates")
    assert plan is not None
    assert [(e.tag, e.text) for e in plan] == [
        ("CINPlanStartDate", "2024-06-21"),
        ("CINPlanEndDate", "2024-07-01"),
    ]
    assert details.findtext("ReferralSource") == "5D"
    assert (
        _texts(details, "Assessments/FactorsIdentifiedAtAssessment/AssessmentFactors")[1] == "24A"
    )


def test_dates_after_the_reference_date_are_not_yet_known() -> None:
    root = _build()
    c5 = _child_element(root, "C5")
    assert c5.find("ChildIdentifiers/PersonDeathDate") is None
    details = c5.find("CINdetails")
    assert details is not None
    assert details.find("CINclosureDate") is None
    assert details.find("ReasonForClosure") is None
    assessment = details.find("Assessments")
    assert assessment is not None
    assert _tags(assessment) == ["AssessmentActualStartDate"]  # authorised, factors later
    c6 = _child_element(root, "C6")
    ids = c6.find("ChildIdentifiers")
    assert ids is not None
    assert [(e.tag, e.text) for e in ids][-2:] == [
        ("ExpectedPersonBirthDate", "2017-05-10"),
        ("GenderCurrent", "0"),
    ]
    assert c6.findtext("CINdetails/DateOfInitialCPC") == "2017-02-01"


@pytest.mark.parametrize("year", range(FIRST_YEAR, LAST_YEAR + 1))
def test_small_export_is_valid_for_every_year(year: int, tmp_path: Path) -> None:
    frames = _shifted(year)
    out = tmp_path / "cin.xml"
    assert cin_census_write(frames, year=year, out=out, la_number="335") == f"4 children to {out}"
    assert cin_census_schema(year).validate(etree.parse(str(out)))
    assert out.stat().st_mode & 0o777 == 0o644
    assert cin_census_xsd_path(year).name == f"CIN_schema_{year}.xsd"


def test_invalid_export_names_the_element_and_leaves_no_file(tmp_path: Path) -> None:
    frames = _frames()
    frames["child"] = frames["child"].with_columns(
        pl.when(pl.col("child_id") == "C5")
        .then(pl.lit("XXXX"))
        .otherwise(pl.col("ethnicity"))
        .alias("ethnicity")
    )
    out = tmp_path / "cin.xml"
    with pytest.raises(ReturnError) as raised:
        cin_census_write(frames, year=2017, out=out, la_number="335")
    message = str(raised.value)
    assert "Ethnicity" in message
    assert "XXXX" in message
    assert "C5" in message
    assert "line " in message
    assert list(tmp_path.iterdir()) == []


def test_existing_file_survives_a_failed_write(tmp_path: Path) -> None:
    out = tmp_path / "cin.xml"
    out.write_text("previous")
    with pytest.raises(ReturnError):
        cin_census_write(_frames(), year=2017, out=out, la_number="33")
    assert out.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["cin.xml"]


@pytest.mark.parametrize("year", [2016, 2027])
def test_years_without_a_schema_are_refused(year: int, tmp_path: Path) -> None:
    with pytest.raises(ReturnError, match=str(year)):
        cin_census_write(_frames(), year=year, out=tmp_path / "cin.xml")


def test_no_children_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ReturnError, match="no child"):
        cin_census_write(journey_frames(), year=2017, out=tmp_path / "cin.xml")


@pytest.mark.slow
def test_walsall_2017_is_valid_and_counts_every_child_in_need(walsall: Any, tmp_path: Path) -> None:
    year = walsall.reference_date.year
    assert walsall.reference_date == D(year, 3, 31)
    out = tmp_path / "cin.xml"
    written = cin_census_write(walsall.frames, year=year, out=out, la_number=walsall.info.la_number)
    root = etree.parse(str(out)).getroot()
    assert cin_census_schema(year).validate(root)
    # Independently: children with a referral on or before 31 March not closed before 1 April.
    start, end = D(year - 1, 4, 1), D(year, 3, 31)
    expected = {
        row["child_id"]
        for row in walsall.frames["referral"].iter_rows(named=True)
        if row["referred_on"] <= end and (row["closed_on"] is None or row["closed_on"] >= start)
    }
    exported = _texts(root, "Children/Child/ChildIdentifiers/LAchildID")
    assert len(exported) == len(set(exported)) == len(expected)
    assert set(exported) == expected
    assert written == f"{len(expected):,} children to {out}"
    assert root.findtext("Header/Source/LEA") == walsall.info.la_number
    # And independently of lxml's binding: xmllint, as DfE's users would check it.
    xmllint = shutil.which("xmllint")
    assert xmllint is not None, "make test installs libxml2-utils for xmllint"
    schema = str(cin_census_xsd_path(year))
    done = subprocess.run(
        [xmllint, "--noout", "--schema", schema, str(out)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
