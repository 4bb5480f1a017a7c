"""Annex A lists: look-back windows, value forms, column order, and synthetic Walsall."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import polars as pl
import pytest

from lineofsight.returns.annex_a.export import annex_a_lists, annex_a_write, months_before
from lineofsight.returns.annex_a.spec import annex_a_spec
from lineofsight.timescales.tests.builders import journey_frames

D = dt.date
AS_OF = D(2017, 3, 31)
CHILD = {
    "child_id": "C1",
    "given_name": "A",
    "family_name": "B",
    "sex": "M",
    "born_on": D(2010, 4, 1),
    "ethnicity": "NOBT",
    "is_uasc": False,
    "motherhood_recorded": False,
}


def lists(**tables: list[dict[str, Any]]) -> dict[str, pl.DataFrame]:
    tables.setdefault("child", [CHILD])
    return annex_a_lists(journey_frames(**tables), as_of=AS_OF)


def test_months_before() -> None:
    assert months_before(AS_OF, 6) == D(2016, 9, 30)
    assert months_before(D(2017, 8, 31), 6) == D(2017, 2, 28)
    assert months_before(AS_OF, 12) == D(2016, 3, 31)


def test_columns_are_the_spec_headings_in_order() -> None:
    result = lists()
    specs = annex_a_spec()
    assert list(result) == [spec.key for spec in specs]
    for spec in specs:
        assert tuple(result[spec.key].columns) == spec.headings


def test_list_1_contacts_in_six_months_with_lettered_forms() -> None:
    contacts = [
        {"key": k, "child_id": "C1", "received_at": dt.datetime(*d), "source": s, "is_mash": False}
        for k, d, s in [
            ("in", (2016, 9, 30, 9), "6"),
            ("old", (2016, 9, 29, 9), "1A"),
            ("future", (2017, 4, 1, 9), "1A"),
        ]
    ]
    frame = lists(contact=contacts)["list_1"]
    assert frame.to_dicts() == [
        {
            "Child Unique ID": "C1",
            "Gender": "a) Male",
            "Ethnicity": "t) NOBT",
            "Date of Birth": D(2010, 4, 1),
            "Age of Child (Years)": 6,
            "Date of Contact": D(2016, 9, 30),
            "Contact Source": "q) 6: Police",
        }
    ]


def referral(key: str, on: dt.date, **extra: Any) -> dict[str, Any]:
    return {
        "key": key,
        "child_id": "C1",
        "referred_on": on,
        "source": "2A",
        "is_nfa": False,
    } | extra


def test_list_3_referrals_window_nfa_and_twelve_month_count() -> None:
    frame = lists(
        referral=[
            referral("R1", D(2016, 5, 1)),
            referral("R2", D(2016, 10, 1), is_nfa=True),
            referral("R3", D(2017, 3, 31)),
            referral("R4", D(2017, 4, 1)),
        ],
        team=[{"code": "T1", "name": "Team One", "service_area": "assessment"}],
        worker=[
            {
                "staff_id": "W1",
                "given_name": "Ann",
                "family_name": "Lee",
                "role": "social_worker",
                "is_qualified": True,
                "is_agency": False,
                "fte": 1.0,
                "started_on": D(2010, 1, 1),
            }
        ],
        allocation=[
            {
                "key": "A1",
                "child_id": "C1",
                "worker_id": "W1",
                "team_id": "T1",
                "role": "social_worker",
                "started_on": D(2016, 10, 1),
            },
        ],
    )["list_3"]
    assert frame["Date of referral"].to_list() == [D(2016, 10, 1), D(2017, 3, 31)]
    assert frame["Referral NFA?"].to_list() == ["Yes", "No"]
    assert frame["Referral Source"].to_list() == ["e) 2A: Schools"] * 2
    assert frame["Number of Referrals in Last 12 Months"].to_list() == [3, 3]
    assert frame["Allocated Team"].to_list() == ["Team One"] * 2
    assert frame["Allocated Worker"].to_list() == ["Ann Lee"] * 2
    assert "Does the Child have a Disability" not in frame.columns


def test_list_5_s47_window_and_icpc() -> None:
    frame = lists(
        referral=[referral("R1", D(2016, 1, 1))],
        section47_enquiry=[
            {
                "key": "S1",
                "referral_id": "R1",
                "started_on": D(2016, 9, 29),
                "icpc_not_required": False,
            },
            {
                "key": "S2",
                "referral_id": "R1",
                "started_on": D(2016, 11, 1),
                "icpc_not_required": False,
            },
        ],
        conference=[
            {
                "key": "K1",
                "referral_id": "R1",
                "section47_enquiry_id": "S2",
                "kind": "initial",
                "held_on": D(2016, 11, 20),
                "police_attended": True,
                "health_attended": True,
                "education_attended": True,
                "outcome": "plan",
            },
        ],
        child_disability=[{"key": "X", "child_id": "C1", "disability": "AUT"}],
    )["list_5"]
    row = frame.to_dicts()
    assert len(row) == 1
    assert row[0]["Strategy discussion initiating Section 47 Enquiry Start Date"] == D(2016, 11, 1)
    assert row[0]["Date of Initial Child Protection Conference"] == D(2016, 11, 20)
    assert (
        row[0]["Did the Initial Child Protection Conference Result in a Child Protection Plan"]
        == "Yes"
    )
    assert row[0]["Was an Initial Child Protection Conference deemed unnecessary?"] == "No"
    assert row[0]["Number of Section 47 Enquiries in the last 12 months"] == 2
    assert row[0]["Number of ICPCs in the last 12 months"] == 1
    assert row[0]["Does the Child have a Disability"] == "Yes"


def test_list_6_open_or_closed_in_six_months() -> None:
    frame = lists(
        referral=[
            referral("open", D(2016, 1, 1), primary_need="N1"),
            referral("closed_in", D(2016, 1, 1), closed_on=D(2016, 10, 1), closure_reason="RC1"),
            referral("closed_old", D(2016, 1, 1), closed_on=D(2016, 9, 1)),
            referral("nfa", D(2017, 1, 1), is_nfa=True),
            referral("closes_later", D(2017, 1, 1), closed_on=D(2017, 5, 1), closure_reason="RC8"),
        ],
        cin_plan=[{"key": "P1", "referral_id": "open", "started_on": D(2016, 2, 1)}],
    )["list_6"]
    by_start = frame.sort("CIN Start Date", "CIN Closure Date").to_dicts()
    assert len(by_start) == 3
    assert {r["CIN Closure Date"] for r in by_start} == {None, D(2016, 10, 1)}
    closed = next(r for r in by_start if r["CIN Closure Date"])
    assert closed["Case Status"] == "e) Closed episode"
    assert closed["Reason for Closure"] == "RC1 - Adopted"
    open_ = next(r for r in by_start if r["Primary Need Code"])
    assert open_["Primary Need Code"] == "N1 - Abuse or neglect"
    assert open_["Case Status"] == "c) Child in need plan"
    later = next(r for r in by_start if r["CIN Start Date"] == D(2017, 1, 1))
    assert later["CIN Closure Date"] is None
    assert later["Reason for Closure"] is None


def test_list_7_current_or_ended_in_six_months() -> None:
    def plan(key: str, start: dt.date, end: dt.date | None) -> dict[str, Any]:
        return {
            "key": key,
            "referral_id": "R1",
            "started_on": start,
            "ended_on": end,
            "initial_category": "NEG",
            "latest_category": "MUL",
            "previous_plans_count": 1,
        }

    frame = lists(
        referral=[referral("R1", D(2015, 1, 1))],
        cp_plan=[
            plan("current", D(2016, 12, 1), None),
            plan("ended_in", D(2016, 1, 1), D(2016, 9, 30)),
            plan("ended_old", D(2015, 1, 1), D(2016, 9, 29)),
            plan("future", D(2017, 4, 1), None),
        ],
        visit=[
            {
                "key": "V1",
                "child_id": "C1",
                "kind": "cp",
                "visited_on": D(2017, 3, 1),
                "child_seen": True,
                "child_seen_alone": True,
                "bedroom_seen": False,
            },
        ],
    )["list_7"]
    assert frame["Child Protection Plan Start Date"].to_list() == [D(2016, 1, 1), D(2016, 12, 1)]
    assert frame["Child Protection Plan End Date"].to_list() == [D(2016, 9, 30), None]
    assert frame["Initial Category of Abuse"].to_list() == ["a) Neglect"] * 2
    assert frame["Latest Category of Abuse"].to_list() == ["e) Multiple"] * 2
    assert frame["Date of the Last Statutory Visit"].to_list() == [None, D(2017, 3, 1)]
    assert frame["Was the Child Seen Alone?"].to_list() == [None, "Yes"]


def episode(
    key: str, child: str, start: dt.date, end: dt.date | None, **extra: Any
) -> dict[str, Any]:
    return {
        "key": key,
        "child_id": child,
        "started_on": start,
        "ended_on": end,
        "reason_new": "S",
        "legal_status": "C2",
        "category_of_need": "N1",
        "placement_type": "U6",
        "placement_provider": "PR1",
        "placement_location": "IN",
    } | extra


def test_list_8_looked_after_now_or_ceased_in_six_months() -> None:
    children = [CHILD | {"child_id": c} for c in ("C1", "C2", "C3", "C4")]
    frame = lists(
        child=children,
        cla_episode=[
            episode(
                "E1", "C1", D(2015, 1, 1), D(2016, 6, 1), reason_ceased="X1", legal_status="V2"
            ),
            episode("E2", "C1", D(2016, 6, 1), None, reason_new="L"),
            episode("E3", "C2", D(2015, 1, 1), D(2016, 10, 1), reason_ceased="E13"),
            episode("E4", "C3", D(2015, 1, 1), D(2016, 9, 1), reason_ceased="E13"),
            episode("E5", "C4", D(2017, 4, 1), None),
        ],
    )["list_8"]
    rows = {r["Child Unique ID"]: r for r in frame.to_dicts()}
    assert set(rows) == {"C1", "C2"}
    assert rows["C1"]["Date Started to be Looked After"] == D(2015, 1, 1)
    assert rows["C1"]["Start date of current legal status"] == D(2016, 6, 1)
    assert rows["C1"]["Child's Legal Status"] == "C2: FCO"
    assert rows["C1"]["Placement Type"] == "f) U6: Foster placement - not FFA"
    assert rows["C1"]["Placement Provider"] == "b) PR1: Own provision"
    assert rows["C1"]["Number of Placements in the Last 12 months"] == 1
    assert rows["C1"]["Date Ceased to be Looked After"] is None
    assert rows["C2"]["Date Ceased to be Looked After"] == D(2016, 10, 1)
    assert rows["C2"]["Reason Ceased to be Looked After"].startswith("g) E13:")


def test_list_10_adoption_in_twelve_months() -> None:
    children = [CHILD | {"child_id": c} for c in ("C1", "C2", "C3")]
    frame = lists(
        child=children,
        adoption=[
            {
                "key": "AD1",
                "child_id": "C1",
                "decision_on": D(2015, 1, 1),
                "adoption_order_on": D(2016, 4, 1),
                "is_foster_for_adoption": False,
            },
            {
                "key": "AD2",
                "child_id": "C2",
                "decision_on": D(2014, 1, 1),
                "adoption_order_on": D(2016, 3, 30),
                "is_foster_for_adoption": False,
            },
            {
                "key": "AD3",
                "child_id": "C3",
                "decision_on": D(2016, 1, 1),
                "ceased_on": D(2016, 12, 1),
                "ceased_reason": "RD2",
                "is_foster_for_adoption": False,
            },
        ],
    )["list_10"]
    rows = {r["Child Unique ID"]: r for r in frame.to_dicts()}
    assert set(rows) == {"C1", "C3"}
    assert rows["C1"]["Date of Adoption Order"] == D(2016, 4, 1)
    assert rows["C3"]["Reason Why Child No Longer Placed for Adoption"].startswith("RD2 - ")


def test_workbook_written_atomically(tmp_path: Path) -> None:
    out = tmp_path / "annex.xlsx"
    message = annex_a_write(journey_frames(child=[CHILD]), as_of=AS_OF, out=out)
    assert "to" in message
    assert out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["annex.xlsx"]
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == [f"List {n}" for n in range(1, 12)]


@pytest.mark.slow
def test_walsall_workbook(walsall: Any, tmp_path: Path) -> None:
    out = tmp_path / "walsall.xlsx"
    annex_a_write(walsall.frames, as_of=AS_OF, out=out)
    workbook = openpyxl.load_workbook(out, read_only=True)
    specs = annex_a_spec()
    assert workbook.sheetnames == [spec.sheet_name for spec in specs]
    for spec in specs:
        header = next(workbook[spec.sheet_name].iter_rows(min_row=1, max_row=1, values_only=True))
        assert tuple(header) == spec.headings
    rows_7 = sum(1 for _ in workbook["List 7"].iter_rows(min_row=2))
    plans = walsall.frames["cp_plan"]
    start = D(2016, 9, 30)
    current = plans.filter(
        (pl.col("started_on") <= AS_OF)
        & (pl.col("ended_on").is_null() | (pl.col("ended_on") > AS_OF))
    ).height
    ended = plans.filter(pl.col("ended_on").is_between(start, AS_OF)).height
    assert rows_7 == current + ended
