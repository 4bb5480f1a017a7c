"""A small valid CIN census as rows per table, and typed tables/returns built from rows."""

from __future__ import annotations

import copy
from typing import Any

from lineofsight.validation.cin.schema import COLUMNS, table_typed
from lineofsight.validation.cin.tables import cin_return
from lineofsight.validation.cin.upn import upn_check_letter
from lineofsight.validation.engine.returns import Return

Rows = dict[str, list[dict[str, Any]]]
YEAR = 2023  # census year 1 April 2022 - 31 March 2023


def upn(body: str) -> str:
    """A UPN with the right check letter for its 12 characters after the first."""
    letter = upn_check_letter("A" + body)
    assert letter is not None
    return letter + body


EPISODE = {"LAchildID": "C1", "CINdetailsID": 1}


def valid_census() -> Rows:
    """One child whose episode has an assessment, CIN plan, s47, CP plan and review, all valid."""
    return copy.deepcopy(
        {
            "Header": [{"Collection": "CIN", "Year": "2023", "ReferenceDate": "2023-03-31"}],
            "ChildIdentifiers": [
                {
                    "LAchildID": "C1",
                    "UPN": upn("335123456789"),
                    "PersonBirthDate": "2012-05-01",
                    "Sex": "F",
                }
            ],
            "ChildCharacteristics": [{"LAchildID": "C1", "Ethnicity": "WBRI"}],
            # eight codes, several for one child, so the LA-level disability queries pass
            "Disabilities": [
                {"LAchildID": "C1", "Disability": code}
                for code in ("MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS")
            ],
            "CINdetails": [
                {
                    **EPISODE,
                    "CINreferralDate": "2022-05-01",
                    "ReferralSource": "1A",
                    "PrimaryNeedCode": "N1",
                    "ReferralNFA": "false",
                }
            ],
            "Assessments": [
                {
                    **EPISODE,
                    "AssessmentID": 1,
                    "AssessmentActualStartDate": "2022-05-02",
                    "AssessmentAuthorisationDate": "2022-06-01",
                    "AssessmentFactors": ["1A"],
                }
            ],
            "AssessmentFactorsList": [{**EPISODE, "AssessmentID": 1, "AssessmentFactor": "1A"}],
            "CINplanDates": [
                {**EPISODE, "CINPlanStartDate": "2022-06-10", "CINPlanEndDate": "2022-07-01"}
            ],
            "Section47": [
                {
                    **EPISODE,
                    "S47ActualStartDate": "2022-07-01",
                    "InitialCPCtarget": "2022-07-14",
                    "DateOfInitialCPC": "2022-07-15",
                    "ICPCnotRequired": "false",
                }
            ],
            "ChildProtectionPlans": [
                {
                    **EPISODE,
                    "CPPID": 1,
                    "CPPstartDate": "2022-07-15",
                    "InitialCategoryOfAbuse": "NEG",
                    "LatestCategoryOfAbuse": "NEG",
                    "NumberOfPreviousCPP": "0",
                }
            ],
            "Reviews": [{**EPISODE, "CPPID": 1, "CPPreviewDate": "2022-10-14"}],
        }
    )


def cin_tables(rows: Rows) -> dict[str, Any]:
    """Typed tables from rows of text (dates as ISO text, flags as true/false/1/0)."""
    tables = {}
    for name, table_rows in rows.items():
        columns = {c: [row.get(c) for row in table_rows] for c in COLUMNS[name]}
        if name == "Assessments":
            columns["AssessmentFactors"] = [row.get("AssessmentFactors", []) for row in table_rows]
        tables[name] = table_typed(name, columns)
    return tables


def census(rows: Rows, year: int = YEAR) -> Return:
    return cin_return(cin_tables(rows), year)
