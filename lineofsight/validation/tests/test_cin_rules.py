"""Every CIN rule written passes a valid census and catches its own fault."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from lineofsight.validation.cin.rules import CIN_RULES
from lineofsight.validation.engine.run import validate
from lineofsight.validation.tests.builders import EPISODE, Rows, census, upn, valid_census

Fault = Callable[[Rows], None]


def set_(table: str, **changes: Any) -> Fault:
    def apply(rows: Rows) -> None:
        rows[table][0].update(changes)

    return apply


def add(table: str, **changes: Any) -> Fault:
    def apply(rows: Rows) -> None:
        rows[table].append({**rows[table][0], **changes})

    return apply


def clear(table: str) -> Fault:
    def apply(rows: Rows) -> None:
        rows[table].clear()

    return apply


def both(*faults: Fault) -> Fault:
    def apply(rows: Rows) -> None:
        for fault in faults:
            fault(rows)

    return apply


IDS, CIN, ASS, S47, CPP, PLAN = (
    "ChildIdentifiers",
    "CINdetails",
    "Assessments",
    "Section47",
    "ChildProtectionPlans",
    "CINplanDates",
)
CLOSED = {"CINclosureDate": "2022-12-01", "ReasonForClosure": "RC7"}

FAULTS: dict[str, Fault] = {
    "100": set_("Header", ReferenceDate="2023-03-30"),
    "1103": set_(ASS, AssessmentActualStartDate="2022-04-30"),
    "1104": set_(S47, DateOfInitialCPC="2022-04-29"),
    "1105": set_(CPP, CPPstartDate="2022-04-30"),
    "2889": set_(S47, S47ActualStartDate="2022-04-30"),
    "4015": set_(PLAN, CINPlanStartDate="2022-04-30"),
    "1510": set_(IDS, UPN="A335123456789" if upn("335123456789")[0] != "A" else "B335123456789"),
    "1520": add(IDS, LAchildID="C2"),
    "1530": set_(IDS, UPN=upn("999123456789")),
    "1540": set_(IDS, UPN="A335ABCD56789"),
    "1550": set_(IDS, UPN="A33512345678I"),
    "1560Q": set_(IDS, FormerUPN="X12"),
    "1570": set_(IDS, LAchildID="C" * 21),
    "1580": set_(IDS, LAchildID="C-1"),
    "4180": set_(IDS, Sex="X"),
    "4220": set_("ChildCharacteristics", Ethnicity="XXXX"),
    "8500": set_(IDS, LAchildID=None),
    "8510": add(IDS, UPN=None),
    "8520": set_(IDS, PersonBirthDate="2023-04-01"),
    "8525Q": set_(IDS, ExpectedPersonBirthDate="2012-05-01"),
    "8530Q": set_(IDS, PersonBirthDate=None, ExpectedPersonBirthDate="2024-01-01"),
    "8535Q": set_(IDS, PersonDeathDate="2012-04-01"),
    "8540": set_("Disabilities", Disability="BAD"),
    "8545Q": set_(IDS, PersonDeathDate="2021-01-01"),
    "8750": set_(IDS, PersonBirthDate=None, ExpectedPersonBirthDate="2023-06-01"),
    "8600": set_(CIN, CINreferralDate=None),
    "8608": set_(ASS, AssessmentAuthorisationDate="2022-05-01"),
    "8610": set_(CIN, PrimaryNeedCode=None),
    "8568": set_(CIN, ReferralNFA="maybe"),
    "8620": set_(CIN, CINclosureDate="2023-04-02", ReasonForClosure="RC7"),
    "8630": set_(CIN, CINclosureDate="2022-04-20", ReasonForClosure="RC7"),
    "8640": set_(CIN, CINclosureDate="2022-12-01", ReasonForClosure="RC10"),
    "8650": set_(CIN, PrimaryNeedCode="N10"),
    "8805": set_(CIN, CINclosureDate="2022-12-01"),
    "8810": set_(CIN, ReasonForClosure="RC7"),
    "8866": set_(CIN, ReferralSource="11"),
    "8720": set_(CPP, CPPstartDate=None),
    "8730": set_(CPP, NumberOfPreviousCPP="none"),
    "8840": set_(CPP, CPPendDate="2022-07-15"),
    "8905": set_(CPP, InitialCategoryOfAbuse="XXX"),
    "8910": set_(CPP, LatestCategoryOfAbuse=None),
    "8925": set_(CPP, CPPendDate="2022-07-01"),
    "8930": set_(CPP, CPPendDate="2023-04-05"),
    "4010": set_(PLAN, CINPlanStartDate=None),
    "4011": set_(PLAN, CINPlanEndDate="2022-06-01"),
    "4012Q": set_(PLAN, CINPlanEndDate="2022-06-10"),
    "4013": set_(PLAN, CINPlanEndDate="2023-04-05"),
    "8696": set_(ASS, AssessmentAuthorisationDate="2023-04-05"),
    "8736": set_(
        ASS,
        AssessmentAuthorisationDate=None,
        AssessmentFactors=[],
        AssessmentActualStartDate="2021-05-02",
    ),
    "8842Q": set_("Reviews", CPPreviewDate=None),
    "8869": set_(ASS, AssessmentFactors=["21", "1A"]),
    "8898": set_(ASS, AssessmentFactors=["1A", "1A"]),
    "8945Q": set_(ASS, AssessmentFactors=["18A"]),
    "8950Q": set_(ASS, AssessmentFactors=["19A"]),
    "8614": set_(ASS, AssessmentAuthorisationDate=None),
    "8897Q": set_(ASS, AssessmentFactors=[]),
    "8870Q": set_(S47, InitialCPCtarget="2022-07-16"),  # a Saturday
    "8615": set_(S47, S47ActualStartDate=None),
    "8555Q": set_(IDS, PersonDeathDate="2022-04-15"),
    "4008": set_(IDS, PersonDeathDate="2022-06-05"),
    "4009Q": set_(IDS, PersonDeathDate="2022-06-20"),
    "8915": set_(IDS, PersonDeathDate="2022-07-01"),
    "8920": both(set_(CPP, CPPendDate="2022-09-01"), set_(IDS, PersonDeathDate="2022-08-01")),
    "8585Q": set_(CIN, CINclosureDate="2022-12-01", ReasonForClosure="RC2"),
    "8590": set_(CIN, LAchildID="C9"),
    "8790": add("Disabilities", Disability="NONE"),
    "8794": add("Disabilities"),
    "4004": both(set_(PLAN, CINPlanEndDate=None), add(PLAN, CINPlanStartDate="2022-08-01")),
    "8935": add(CPP, CPPID=2, CPPstartDate="2022-08-01"),
    "8896": both(set_(ASS, AssessmentAuthorisationDate=None), add(ASS, AssessmentID=2)),
    "8839": both(set_(S47, DateOfInitialCPC=None), add(S47)),
    "8841": set_("Reviews", CPPreviewDate="2022-07-15"),
    "8875": set_(S47, DateOfInitialCPC="2022-07-16"),
    "8715": set_(S47, DateOfInitialCPC="2023-04-05"),
    "8772": set_(IDS, UPN=None, UPNunknown="UN7"),
    "8832": set_(CIN, ReferralNFA="true"),
    "4000": set_(CIN, ReferralNFA="1"),
    "8831": set_(CIN, ReferralNFA="TRUE"),
    "8867": both(set_(CIN, **CLOSED), set_(ASS, AssessmentAuthorisationDate=None)),
    "8868": both(set_(CIN, **CLOSED), set_(S47, DateOfInitialCPC=None)),
    "8825Q": both(set_(CIN, CINclosureDate="2022-12-01", ReasonForClosure="RC8"), clear(ASS)),
    "2991Q": clear(ASS),
    "2887Q": lambda rows: rows.update(Disabilities=rows["Disabilities"][:7]),
    "2888Q": lambda rows: rows.update(Disabilities=[{"LAchildID": "C1", "Disability": "MOB"}]),
}


def test_every_rule_written_has_a_fault() -> None:
    from lineofsight.validation.tests.test_cin_rules_more import MORE_FAULTS

    assert not set(FAULTS) & set(MORE_FAULTS)
    assert set(FAULTS) | set(MORE_FAULTS) == set(CIN_RULES)


def test_a_valid_census_passes_every_rule() -> None:
    result = validate(census(valid_census()), list(CIN_RULES.values()))
    assert result.failures.is_empty(), result.failures.to_dicts()
    assert result.skipped == ()


@pytest.mark.parametrize("code", sorted(FAULTS))
def test_rule_catches_its_fault(code: str) -> None:
    rows = valid_census()
    FAULTS[code](rows)
    failures = validate(census(rows), [CIN_RULES[code]]).failures
    assert failures.height >= 1
    assert set(failures["rule"]) == {code}


def test_failure_points_at_the_row_and_shows_the_fields() -> None:
    rows = valid_census()
    add(CPP, CPPID=2, CPPstartDate="2022-04-30")(rows)
    failures = validate(census(rows), [CIN_RULES["1105"]]).failures
    assert failures.select("child_id", "table", "row", "values").to_dicts() == [
        {
            "child_id": EPISODE["LAchildID"],
            "table": CPP,
            "row": 1,
            "values": "CPPstartDate=2022-04-30; CINreferralDate=2022-05-01",
        }
    ]
