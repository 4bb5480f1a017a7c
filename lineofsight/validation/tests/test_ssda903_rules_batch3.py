"""SSDA903 rules 560-634, EPI, INT, NoE and SW: each passes the valid return (with itself as
last year's) and catches its own fault."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from lineofsight.validation.engine.run import validate
from lineofsight.validation.ssda903.rules import SSDA903_RULES
from lineofsight.validation.ssda903.tables import ssda903_return
from lineofsight.validation.tests.ssda903_builders import Rows, string_tables, valid_return

Fault = Callable[[Rows, Rows], None]  # (this year's rows, last year's rows)


def set_(table: str, index: int = 0, **changes: Any) -> Fault:
    def apply(rows: Rows, last: Rows) -> None:
        rows[table][index].update(changes)

    return apply


def last_(table: str, index: int = 0, **changes: Any) -> Fault:
    def apply(rows: Rows, last: Rows) -> None:
        last[table][index].update(changes)

    return apply


def add(table: str, **row: Any) -> Fault:
    def apply(rows: Rows, last: Rows) -> None:
        rows[table].append({"CHILD": "C1", "DOB": "01/06/2010", **row})

    return apply


def drop(table: str) -> Fault:
    def apply(rows: Rows, last: Rows) -> None:
        rows[table] = []

    return apply


def both(*faults: Fault) -> Fault:
    def apply(rows: Rows, last: Rows) -> None:
        for fault in faults:
            fault(rows, last)

    return apply


def _failures(fault: Fault, code: str) -> list[str]:
    rows, last = valid_return(), valid_return()
    fault(rows, last)
    previous = ssda903_return(string_tables(last), year=2024)
    ret = ssda903_return(string_tables(rows), year=2025, previous=previous)
    return validate(ret, [SSDA903_RULES[code]]).failures["rule"].to_list()


E, M, P, H, SW = "Episodes", "Missing", "PlacedAdoption", "Header", "SWEpisodes"
LEFT = {"DEC": "01/12/2024", "REC": "E13"}
ADOPTED = set_(E, 1, DEC="01/03/2025", REC="E11")
OPEN_SW = {"SW_ID": "SW1", "SW_DECOM": "01/01/2025", "SW_REASON": "MANAGE"}

# A rule whose valid-return pass needs a change of its own (else: the valid return as is).
PASSES: dict[str, Fault] = {"602": ADOPTED}

FAULTS: dict[str, Fault] = {
    "560": both(
        last_(P, DATE_PLACED_CEASED=None, REASON_PLACED_CEASED=None),
        set_(P, DATE_PLACED="02/01/2024"),
    ),
    "561": set_(P, DATE_PLACED_CEASED=None, REASON_PLACED_CEASED=None),
    "562": both(set_(E, DECOM="01/03/2024"), last_(E, DECOM="01/02/2024")),
    "574": add(M, MISSING="A", MIS_START="01/09/2024"),
    "575": set_(M, MIS_START="01/07/2024", MIS_END=None),
    "576": last_(M, MIS_END=None, MIS_START="01/01/2024"),
    "577": both(set_(E, 1, **LEFT), set_(M, MIS_END=None)),
    "578": both(set_(E, 1, **LEFT), set_(M, MIS_START="02/12/2024", MIS_END="03/12/2024")),
    "579": add(P, DATE_PLACED="01/02/2024"),
    "580": both(set_(E, 1, DEC="01/09/2024", REC="E13"), set_(M, MIS_END="05/09/2024")),
    "581": set_(M, MIS_START="01/04/2024", MIS_END="02/04/2024"),
    "582": both(ADOPTED, set_("AD1", DATE_MATCH="01/03/2025")),
    "583": both(
        set_(P, DATE_PLACED_CEASED=None, REASON_PLACED_CEASED=None),
        add(P, DATE_PLACED="01/02/2024"),
    ),
    "584": set_(P, DATE_PLACED="01/12/2023"),
    "601": both(ADOPTED, set_("AD1", LS_ADOPTR=None)),
    "602": set_(E, 1, DEC=None),
    "607": both(set_(E, 1, **LEFT), set_(H, MOTHER=None)),
    "624": both(
        set_(H, MOTHER="1", MC_DOB="01/02/2024"), last_(H, MOTHER="1", MC_DOB="01/01/2024")
    ),
    "625": set_(H, MOTHER="1", MC_DOB="01/04/2025"),
    "626": set_(H, MOTHER="1", MC_DOB="01/01/2024"),
    "628": set_(H, 1, MOTHER="0"),
    "630": drop("PrevPerm"),
    "633": set_("PrevPerm", LA_PERM="123"),
    "634": set_(E, DECOM="01/03/2015", RNE="P"),
    "EPI": set_(H, 1, CHILD="C3"),
    "INT01": set_("AD1", CHILD="C9"),
    "INT02": set_(P, CHILD="C9"),
    "INT03": set_(E, CHILD="C9"),
    "INT04": set_(M, CHILD="C9"),
    "INT05": set_("OC2", CHILD="C9"),
    "INT06": set_("OC3", CHILD="C9"),
    "INT07": set_("PrevPerm", CHILD="C9"),
    "INT08": set_("Reviews", CHILD="C9"),
    "INT09": set_("UASC", CHILD="C9"),
    "INT11": set_("AD1", DOB="02/06/2010"),
    "INT12": set_(P, DOB="02/06/2010"),
    "INT13": set_(M, DOB="02/06/2010"),
    "INT14": set_("OC2", DOB="02/06/2010"),
    "INT15": set_("OC3", DOB="02/06/2006"),
    "INT16": set_("PrevPerm", DOB="02/06/2010"),
    "INT17": set_("Reviews", DOB="02/06/2010"),
    "INT18": set_("UASC", DOB="02/06/2010"),
    "INT21": set_("UASC", SEX="M"),
    "INT31": add("AD1"),
    "INT32": add(H),
    "INT33": add("OC2"),
    "INT34": add("OC3", CHILD="C2", DOB="01/06/2006"),
    "INT35": add("PrevPerm"),
    "INT36": add("UASC"),
    "NoE": both(set_(E, DECOM="01/03/2024"), last_(E, CHILD="C7"), last_(E, 1, CHILD="C7")),
    "SW01STG1": drop(SW),
    "SW03STG1": set_(SW, SW_ID=None),
    "SW06STG2": set_(SW, SW_DECOM="01/04/2025"),
    "SW07STG2": set_(SW, SW_DEC="01/04/2025"),
    "SW09STG2": set_(SW, SW_DEC="01/05/2024"),
    "SW108STG2": add(SW, **OPEN_SW),
    "SW10STG2": both(set_(SW, SW_DEC="01/02/2025"), add(SW, **OPEN_SW)),
    "SW11STG2": set_(SW, SW_DEC="01/02/2025"),
    "SW14STG2": add(SW, **OPEN_SW),
    "SW15STG2": set_(SW, SW_REASON=None),
    "SW16aSTG2": last_(SW, SW_ID="SW999"),
    "SW16bSTG2": last_(SW, SW_DECOM="01/04/2024"),
    "SW16cSTG2": last_(SW, SW_REASON="OTHERS"),
}


@pytest.mark.parametrize("code", sorted(FAULTS))
def test_rule_passes_the_valid_return(code: str) -> None:
    assert _failures(PASSES.get(code, both()), code) == []


@pytest.mark.parametrize("code", sorted(FAULTS))
def test_rule_catches_its_fault(code: str) -> None:
    found = _failures(FAULTS[code], code)
    assert found, code
    assert set(found) == {code}
