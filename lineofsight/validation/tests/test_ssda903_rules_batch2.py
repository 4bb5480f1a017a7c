"""SSDA903 rules of the second batch: each passes the builders' valid return (with a
matching last year's return where it needs one) and catches its own fault."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.run import validate
from lineofsight.validation.ssda903.rules import SSDA903_RULES
from lineofsight.validation.ssda903.tables import ssda903_return
from lineofsight.validation.tests.ssda903_builders import (
    YEAR,
    Rows,
    string_tables,
    valid_return,
)

Fault = Callable[[Rows], None]
H, E, R, A, P, O2 = ("Header", "Episodes", "Reviews", "AD1", "PlacedAdoption", "OC2")
LEFT = {"DEC": "01/12/2024"}
CODES = [
    "359",
    "364",
    "366",
    "367",
    "375",
    "376",
    "377",
    "379",
    "383",
    "388",
    "390",
    "392b",
    "392c",
    "392d",
    "393",
    "398",
    "399",
    "408",
    "426",
    "431",
    "432",
    "433",
    "434",
    "435",
    "436",
    "437",
    "445",
    "451",
    "502",
    "503A",
    "503B",
    "503C",
    "503D",
    "503E",
    "503F",
    "504",
    "516",
    "521",
    "523",
    "525",
    "542",
    "543",
    "544",
    "545",
    "546",
    "547",
    "551",
    "552",
    "553",
    "554",
    "555",
    "556",
    "557",
    "558",
    "559",
]


def set_(table: str, index: int = 0, **changes: Any) -> Fault:
    def apply(rows: Rows) -> None:
        rows[table][index].update(changes)

    return apply


def add(table: str, **row: Any) -> Fault:
    def apply(rows: Rows) -> None:
        rows[table].append({"CHILD": "C1", **row})

    return apply


def both(*faults: Fault) -> Fault:
    def apply(rows: Rows) -> None:
        for fault in faults:
            fault(rows)

    return apply


def _last_year() -> Rows:
    """Last year's return: C1's first episode this year was open at 31 March 2024 (the
    valid return's first episode, with its DEC and REC blank); C1's adoption decision."""
    rows = valid_return()
    first = copy.deepcopy(rows[E][0])
    first.pop("DEC")
    first.pop("REC")
    first["DECOM"] = "01/03/2024"
    rows[E] = [first]
    return rows


def _this_year() -> Rows:
    """The valid return, its first episode continuing last year's open one."""
    rows = valid_return()
    rows[E][0]["DECOM"] = "01/03/2024"
    return rows


def _with_last(rows: Rows, last: Rows) -> Return:
    previous = ssda903_return(string_tables(last), year=YEAR - 1)
    return ssda903_return(string_tables(rows), year=YEAR, previous=previous)


T3 = {"DECOM": "01/09/2024", "RNE": "P", "LS": "C2", "CIN": "N1", "PLACE": "T3"}
CLA = set_(E, DECOM="01/03/2024")  # C1 looked after since before 1 April 2024

FAULTS: dict[str, Fault] = {
    "359": set_(H, DOB="01/04/2006"),
    "364": set_(E, 1, LS="J2"),
    "366": set_(E, 1, LS="V3"),
    "367": set_(E, 1, LS="V3"),
    "375": set_(E, 1, PLACE="T1"),
    "376": set_(E, 1, PLACE="T3"),
    "377": both(add(E, **T3), add(E, **T3), add(E, **T3)),
    "379": set_(E, 1, PLACE="T4"),
    "383": both(
        set_(E, 1, PLACE="T1", DEC="01/09/2024", REC="X1"),
        add(E, DECOM="01/09/2024", RNE="P", LS="C2", CIN="N1", PLACE="R1"),
    ),
    "388": set_(E, 1, REC="X1", **LEFT),
    "390": set_(E, 1, REC="E11", **LEFT),
    "392b": both(set_("UASC", CHILD="C9"), set_(E, 1, PL_POST=None)),
    "392c": set_(E, PL_POST="NOT A PC"),
    "392d": set_(E, PL_POST="ws11aa"),
    "393": set_(H, MOTHER=None),
    "398": set_(E, 1, LS="V4"),
    "399": both(set_(E, LS="V3"), set_(E, 1, LS="V3")),
    "408": set_(E, 1, PLACE="A5"),
    "426": both(set_(E, LS="V3"), set_(E, 1, LS="V4")),
    "431": set_(E, 1, RNE="S"),
    "432": set_(E, REC="E13"),
    "433": set_(E, 1, DECOM="02/08/2024"),
    "434": set_(E, 1, RNE="L"),
    "435": set_(E, 1, LS="C1"),
    "436": set_(E, 1, RNE="B"),
    "437": set_(E, REC="E2"),
    "445": set_(E, 1, LS="D1"),
    "451": set_(E, 1, LS="D1"),
    "502": set_(E, DECOM="02/03/2024"),
    "503A": set_(E, RNE="L"),
    "503B": set_(E, LS="C1"),
    "503C": set_(E, CIN="N2"),
    "503D": set_(E, PLACE="U3"),
    "503E": set_(E, PLACE_PROVIDER="PR2"),
    "503F": set_(E, URN=None),
    "504": set_(E, 1, CIN="N2"),
    "516": set_(E, 1, PLACE="K2", REC="E45", **LEFT),
    "521": both(set_(E, 1, PLACE="A6"), set_(A, DATE_INT="01/09/2024")),
    "523": set_(A, DATE_INT="02/01/2024"),
    "525": set_(P, DATE_PLACED_CEASED="01/05/2024"),
    "542": set_(O2, DOB="01/06/2016"),
    "543": both(CLA, set_(O2, CONVICTED=None)),
    "544": set_(O2, TEETH_CHECK=None),
    "545": both(CLA, set_(O2, DOB="01/06/2021")),
    "546": set_(O2, HEALTH_CHECK="1"),
    "547": set_(O2, HEALTH_CHECK="1", HEALTH_ASSESSMENT=None),
    "551": both(set_(E, 1, PLACE="A4"), set_(P, CHILD="C9")),
    "552": both(set_(E, 1, PLACE="A4"), set_(P, DATE_PLACED="01/09/2024")),
    "553": both(set_(E, 1, LS="E1"), set_(P, CHILD="C9")),
    "554": both(set_(E, 1, LS="E1"), set_(P, DATE_PLACED="01/09/2024")),
    "555": both(set_(E, 1, LS="D1"), set_(P, CHILD="C9")),
    "556": both(set_(E, 1, LS="D1"), set_(P, DATE_PLACED="01/09/2024")),
    "557": both(set_(E, 1, PLACE="A4", REC="E13", **LEFT), set_(P, DATE_PLACED_CEASED=None)),
    "558": set_(E, 1, PLACE="A4", REC="E11", **LEFT),
    "559": set_(P, CHILD="C9"),
}
# Faults made to last year's return rather than this year's.
LAST_YEAR_FAULTS = frozenset({"502", "503A", "503B", "503C", "503D", "503E", "503F", "559"})


def _return(code: str, fault: Fault | None) -> Return:
    if not SSDA903_RULES[code].needs_previous:
        rows = valid_return()
        if fault:
            fault(rows)
        return ssda903_return(string_tables(rows), year=YEAR)
    rows, last = _this_year(), _last_year()
    if fault:
        fault(last if code in LAST_YEAR_FAULTS else rows)
    return _with_last(rows, last)


def test_every_rule_of_the_batch_is_written_with_a_fault() -> None:
    assert set(FAULTS) == set(CODES)
    assert set(CODES) <= set(SSDA903_RULES)


@pytest.mark.parametrize("code", CODES)
def test_rule_passes_a_valid_return(code: str) -> None:
    result = validate(_return(code, None), [SSDA903_RULES[code]])
    assert result.skipped == ()
    assert result.failures.is_empty(), result.failures.to_dicts()


@pytest.mark.parametrize("code", CODES)
def test_rule_catches_its_fault(code: str) -> None:
    failures = validate(_return(code, FAULTS[code]), [SSDA903_RULES[code]]).failures
    assert failures.height >= 1
    assert set(failures["rule"]) == {code}


def test_rules_reading_last_year_need_it() -> None:
    needing = {code for code in CODES if SSDA903_RULES[code].needs_previous}
    assert needing == LAST_YEAR_FAULTS


def test_h5_may_continue_as_k3() -> None:
    rows, last = _this_year(), _last_year()
    last[E][0]["PLACE"] = "H5"
    rows[E][0]["PLACE"] = "K3"
    previous = ssda903_return(string_tables(last), year=2024)
    ret = ssda903_return(string_tables(rows), year=YEAR, previous=previous)
    assert validate(ret, [SSDA903_RULES["503D"]]).failures.is_empty()


def test_short_breaks_only_child_shows_header_and_reviews() -> None:
    rows = valid_return()
    FAULTS["399"](rows)
    ret = ssda903_return(string_tables(rows), year=YEAR)
    failures = validate(ret, [SSDA903_RULES["399"]]).failures
    assert sorted(failures["table"].to_list()) == ["Header", "Reviews"]
