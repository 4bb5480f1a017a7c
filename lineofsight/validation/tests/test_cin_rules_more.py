"""The CIN rules added second: each catches its fault, and the readings of their texts hold
at the edges (same-day starts and ends, working days, the 2% share)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from lineofsight.validation.cin.rules import CIN_RULES
from lineofsight.validation.engine.run import validate
from lineofsight.validation.tests.builders import Rows, census, valid_census
from lineofsight.validation.tests.test_cin_rules import (
    ASS,
    CIN,
    CPP,
    IDS,
    PLAN,
    S47,
    Fault,
    add,
    both,
    set_,
)

MORE_FAULTS: dict[str, Fault] = {
    "4014": add(PLAN, CINPlanStartDate="2022-06-20"),
    "8940": add(CPP, CPPID=2, CPPstartDate="2022-08-01"),
    "8820": add(CIN, CINdetailsID=2, CINreferralDate="2022-06-01"),
    "8890": add(S47, S47ActualStartDate="2022-07-10"),
    "8863Q": add(ASS, AssessmentID=2, AssessmentActualStartDate="2022-05-20"),
    "8815": add(CIN, CINdetailsID=2, CINreferralDate="2022-12-01"),
    "8816": add(
        CIN,
        CINdetailsID=2,
        CINreferralDate="2022-12-01",
        CINclosureDate="2023-01-10",
        ReasonForClosure="RC7",
    ),
    "8565": set_(CIN, CINclosureDate="2022-07-10", ReasonForClosure="RC7"),
    "4001": set_(PLAN, CINPlanEndDate=None),
    "4003": set_(PLAN, CINPlanEndDate="2022-12-01"),
    "4016": add(PLAN, CINPlanStartDate="2022-08-01", CINPlanEndDate="2022-09-01"),
    "4017": set_(PLAN, CINPlanEndDate="2022-08-01"),
    "2883": add(CPP, CPPID=2, CPPstartDate="2022-08-01"),
    "2884": set_(CIN, DateOfInitialCPC="2022-07-15"),
    "2885": set_(CPP, CPPstartDate="2022-07-16"),
    "2990": set_(CIN, CINclosureDate="2022-12-01", ReasonForClosure="RC8"),
    "8606": set_(CIN, CINreferralDate="2011-07-01"),  # DOB 2012-05-01 less 40 weeks: 2011-07-26
    "8740": set_(S47, S47ActualStartDate="2022-03-01", DateOfInitialCPC=None),
    "8569Q": set_(CIN, ReferralNFA="true", CINreferralDate="2022-03-30"),
    "8670Q": set_(ASS, AssessmentAuthorisationDate=None),
    "8675Q": set_(S47, DateOfInitialCPC=None),
    "8770Q": set_(IDS, UPN=None),
    "8775Q": set_(IDS, PersonBirthDate="1997-01-01"),
    "2886Q": set_(IDS, Sex="U"),
    "8873Q": both(
        set_(ASS, AssessmentFactors=["21"]),
        set_(CIN, CINclosureDate="2022-12-01", ReasonForClosure="RC7"),
    ),
}


def _failed(code: str, *faults: Fault, year: int = 2023) -> set[str]:
    """The tables in which rule `code` fails on the valid census with `faults` applied."""
    rows = valid_census()
    for fault in faults:
        fault(rows)
    return set(validate(census(rows, year), [CIN_RULES[code]]).failures["table"])


@pytest.mark.parametrize("code", sorted(MORE_FAULTS))
def test_rule_catches_its_fault(code: str) -> None:
    rows = valid_census()
    MORE_FAULTS[code](rows)
    failures = validate(census(rows), [CIN_RULES[code]]).failures
    assert failures.height >= 1
    assert set(failures["rule"]) == {code}


@pytest.mark.parametrize("code", sorted(MORE_FAULTS))
def test_rule_passes_the_valid_census(code: str) -> None:
    assert not _failed(code)


# Passing cases at the edges of each reading.
Case = tuple[str, Callable[[Rows], None]]
PASSES: list[Case] = [
    ("4014", add(PLAN, CINPlanStartDate="2022-07-01", CINPlanEndDate="2022-08-01")),
    ("8940", add(CPP, CPPID=2, CPPstartDate="2022-03-01", CPPendDate="2022-07-15")),
    ("8820", add(CIN, CINdetailsID=2, CINreferralDate="2022-04-01", CINclosureDate="2022-05-01")),
    ("8890", add(S47, S47ActualStartDate="2022-07-15", DateOfInitialCPC=None)),
    (
        "8890",
        add(S47, S47ActualStartDate="2022-06-01", DateOfInitialCPC=None, ICPCnotRequired="true"),
    ),
    ("8863Q", add(ASS, AssessmentID=2, AssessmentActualStartDate="2022-06-01")),
    ("8815", add(CIN, CINdetailsID=2, CINreferralDate="2022-12-01", ReferralNFA="true")),
    ("8816", add(CIN, CINdetailsID=2, CINreferralDate="2022-04-02", CINclosureDate="2022-04-20")),
    ("8565", set_(CIN, CINclosureDate="2023-01-01", ReasonForClosure="RC7")),
    ("4003", set_("Reviews", CPPreviewDate="2022-07-01")),  # the day the CIN plan ends
    (
        "4016",  # a step down on the day the CP plan ends
        both(
            set_(CPP, CPPendDate="2022-09-01"),
            add(PLAN, CINPlanStartDate="2022-09-01", CINPlanEndDate=None),
        ),
    ),
    ("2883", add(S47, S47ActualStartDate="2022-07-20", DateOfInitialCPC="2022-08-01")),
    ("2885", set_(CPP, CPPstartDate="2022-03-01")),  # started before the year: not checked
    ("2990", set_(CIN, CINclosureDate="2022-12-01", ReasonForClosure="RC7")),
    ("8606", set_(CIN, CINreferralDate="2011-07-26")),  # exactly 40 weeks before birth
    ("8740", set_(S47, S47ActualStartDate="2022-03-01", ICPCnotRequired="true")),
    ("8569Q", set_(CIN, ReferralNFA="true", CINreferralDate="2022-03-31")),  # Thursday
    ("8670Q", set_(ASS, AssessmentAuthorisationDate=None, AssessmentActualStartDate="2023-01-27")),
    ("8675Q", set_(S47, DateOfInitialCPC=None, S47ActualStartDate="2023-03-10")),
    ("8770Q", set_(IDS, UPN=None, UPNunknown="UN2")),
    ("8770Q", set_(IDS, UPN=None, PersonBirthDate="2017-04-01")),  # not yet 6
    ("8775Q", set_(IDS, PersonBirthDate="1997-01-01")),
    ("8873Q", both(set_(ASS, AssessmentFactors=["21"]), add(ASS, AssessmentID=2))),
    ("8873Q", set_(ASS, AssessmentFactors=["21"])),  # the episode is still open
]


@pytest.mark.parametrize(("code", "case"), PASSES)
def test_rule_passes_at_the_edge(code: str, case: Callable[[Rows], None]) -> None:
    if code == "8775Q":  # over 25, but the episode closed before the 25th birthday
        case = both(case, set_(CIN, CINreferralDate="2021-12-01", CINclosureDate="2021-12-31"))
    assert not _failed(code, case)


def test_overlaps_fail_where_they_start() -> None:
    rows = valid_census()
    add(PLAN, CINPlanStartDate="2022-06-20")(rows)
    failures = validate(census(rows), [CIN_RULES["4014"]]).failures
    assert failures.select("table", "row").to_dicts() == [{"table": PLAN, "row": 1}]


def test_activity_after_closure_fails_in_its_own_table() -> None:
    late = set_(CIN, CINclosureDate="2022-06-20", ReasonForClosure="RC7")
    assert _failed("8565", late) == {PLAN, S47}
    assert _failed("8565", set_(CIN, CINclosureDate="2022-05-20", ReasonForClosure="RC7")) == {
        ASS,
        PLAN,
        S47,
    }


def test_working_days_leave_out_bank_holidays() -> None:
    """2023-24: 31 March 2024 is a Sunday and Good Friday is 29 March, so the 15th working
    day before it is 7 March (a count of weekdays alone would make it 8 March)."""
    open_s47 = set_(S47, DateOfInitialCPC=None, S47ActualStartDate="2024-03-07")
    assert not _failed("8675Q", open_s47, year=2024)
    assert _failed(
        "8675Q", set_(S47, S47ActualStartDate="2024-03-06", DateOfInitialCPC=None), year=2024
    ) == {S47}


def test_45_working_days_before_the_census_date() -> None:
    """2022-23: 45 working days before Friday 31 March 2023 is Friday 27 January."""
    unauthorised = set_(
        ASS, AssessmentAuthorisationDate=None, AssessmentActualStartDate="2023-01-26"
    )
    assert _failed("8670Q", unauthorised) == {ASS}


def test_nfa_on_a_referral_from_before_the_last_working_day_of_march() -> None:
    """1 April 2023 is a Saturday: the working day before it is Friday 31 March."""
    nfa = set_(CIN, ReferralNFA="true", CINreferralDate="2023-03-30")
    assert _failed("8569Q", nfa, year=2024) == {CIN}
    assert not _failed(
        "8569Q", set_(CIN, ReferralNFA="true", CINreferralDate="2023-03-31"), year=2024
    )


def _children(count: int, unknown: int, unborn: int = 0) -> Callable[[Rows], None]:
    def apply(rows: Rows) -> None:
        child = rows[IDS][0]
        rows[IDS] = [
            {**child, "LAchildID": f"C{i}", "Sex": "U" if i < unknown else "F"}
            for i in range(count)
        ]
        rows[IDS] += [
            {"LAchildID": f"U{i}", "Sex": "U", "ExpectedPersonBirthDate": "2023-05-01"}
            for i in range(unborn)
        ]

    return apply


def test_more_than_two_percent_without_sex_is_queried_once() -> None:
    assert not _failed("2886Q", _children(50, unknown=1))  # exactly 2%
    assert not _failed("2886Q", _children(50, unknown=1, unborn=5))  # unborns left out
    rows = valid_census()
    _children(49, unknown=1)(rows)
    failures = validate(census(rows), [CIN_RULES["2886Q"]]).failures
    assert failures.select("child_id", "row", "values").to_dicts() == [
        {"child_id": None, "row": None, "values": "No sex recorded=1 of 49 children (2.0%)"}
    ]


def test_before_2024_25_gender_current_0_is_no_sex_recorded() -> None:
    old = set_(IDS, Sex=None, GenderCurrent="0")
    assert _failed("2886Q", old) == {IDS}
    assert not _failed("2886Q", set_(IDS, Sex=None, GenderCurrent="2"))
