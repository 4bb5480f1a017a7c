"""SSDA903 rules of batch 1: each passes a valid return and catches its own fault.

The shared valid return (ssda903_builders) has C1's adoption decision, matching and interest
dates before her care began, and OC2 items though she is not looked after for 12 months:
`_base` moves those so that 1003, 118, 334, 185, 190 and 198 pass on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from lineofsight.validation.engine.run import validate
from lineofsight.validation.ssda903.rules import SSDA903_RULES
from lineofsight.validation.tests.ssda903_builders import Rows, ssda903, valid_return

Fault = Callable[[Rows], None]
H, E, A, P, O2, O3 = "Header", "Episodes", "AD1", "PlacedAdoption", "OC2", "OC3"


def set_(table: str, index: int = 0, **changes: Any) -> Fault:
    def apply(rows: Rows) -> None:
        rows[table][index].update(changes)

    return apply


def both(*faults: Fault) -> Fault:
    def apply(rows: Rows) -> None:
        for fault in faults:
            fault(rows)

    return apply


def _cla(rows: Rows) -> None:
    """C1 looked after since 2020 (12 months at 31 March), OC2 complete."""
    rows[E][0]["DECOM"] = "01/05/2020"


def _base() -> Rows:
    rows = valid_return()
    set_(P, DATE_PLACED="01/06/2024", DATE_PLACED_CEASED="01/09/2024")(rows)
    set_(A, DATE_INT="01/06/2024", DATE_MATCH="01/07/2024")(rows)
    _cla(rows)
    return rows


LEAVER = set_(O3, 0)  # C2: born 01/06/2006, 18 on 01/06/2024
C2_EPISODE = {"CHILD": "C2", "LS": "C2", "CIN": "N1", "PLACE": "U1", "PLACE_PROVIDER": "PR1"}


def c2_episode(**fields: Any) -> Fault:
    def apply(rows: Rows) -> None:
        rows[E].append({**C2_EPISODE, "RNE": "S", "URN": "SC111111", **fields})

    return apply


FAULTS: dict[str, Fault] = {
    "1000": c2_episode(DECOM="01/04/2024", DEC="01/05/2024", REC="E2"),
    "1003": set_(P, DATE_PLACED="01/01/2020"),
    "1007": c2_episode(DECOM="01/04/2024"),
    "1011": c2_episode(DECOM="01/04/2024", DEC="01/05/2024", REC="E3"),
    "1012": set_("Reviews", CHILD="C2"),
    "1014": set_("UASC", CHILD="C2", DUC="01/05/2024"),
    "1016": c2_episode(DECOM="01/04/2024", DEC="01/07/2024", REC="E8"),
    "157": set_(O2, SDQ_SCORE=None, SDQ_REASON="SDQ1"),
    "182": set_(O2, TEETH_CHECK=None),
    "184": set_(P, DATE_PLACED="01/01/2009"),
    "185": set_(E, DECOM="01/05/2024"),
    "188": set_(O2, DOB="01/06/2022"),
    "189": set_(O2, DOB="01/06/2006"),
    "190": both(set_(E, DECOM="01/05/2024"), set_(O2, SDQ_SCORE=None)),
    "191": set_(O2, IMMUNISATIONS=None),
    "198": both(set_(E, DECOM="01/05/2024"), set_(O2, SDQ_SCORE=None, SDQ_REASON="SDQ2")),
    "199": set_(E, REC="E11"),
    "214": set_(E, LS="V3"),
    "217": set_(E, 1, PLACE="A3"),
    "225": set_(E, REASON_PLACE_CHANGE=None),
    "3001": both(set_(H, 1, DOB="01/06/2007"), set_(O3, ACCOM="Z1")),
    "344": set_(O3, IN_TOUCH="DIED"),
    "347": both(set_(O3, DOB="01/06/2007"), set_(O3, ACCOM="T1")),
    "357": both(set_(E, DECOM="01/05/2024", RNE="P"), set_(O2, SDQ_SCORE=None)),
}
PREVIOUS: dict[str, tuple[Fault, Fault]] = {
    # (change to last year's return, change to this year's), from the same valid rows
    "1001": (lambda rows: None, c2_episode(DECOM="01/05/2024", DEC="02/05/2024", REC="E8")),
    "1002": (lambda rows: None, lambda rows: None),
    "1010": (c2_episode(DECOM="01/05/2023"), lambda rows: None),
    "203": (set_(H, DOB="02/06/2010"), lambda rows: None),
    "204": (set_(H, ETHNIC="WIRI"), lambda rows: None),
}
PASSING_PREVIOUS: dict[str, Fault] = {
    "1001": c2_episode(DECOM="01/05/2020", REC="E8", DEC="01/05/2024"),
    "1002": c2_episode(DECOM="01/05/2020", REC="E8", DEC="01/05/2024"),
    "1010": lambda rows: None,
    "203": lambda rows: None,
    "204": lambda rows: None,
}
BATCH = set(FAULTS) | set(PREVIOUS)


def _with_previous(last: Fault, this: Fault, *, extra: Fault | None = None) -> Any:
    previous_rows = _base()
    last(previous_rows)
    rows = _base()
    this(rows)
    if extra is not None:
        extra(rows)
    previous = ssda903(previous_rows, year=2024)
    current = ssda903(rows)
    return type(current)(kind="ssda903", year=2025, tables=current.tables, previous=previous)


def test_the_batch_is_written() -> None:
    assert set(SSDA903_RULES) >= BATCH


def test_base_passes_every_rule_of_the_batch() -> None:
    rules = [SSDA903_RULES[c] for c in sorted(BATCH)]
    ret = _with_previous(PASSING_PREVIOUS["1001"], lambda rows: None)
    result = validate(ret, rules)
    assert result.failures.is_empty(), result.failures.to_dicts()


@pytest.mark.parametrize("code", sorted(FAULTS))
def test_rule_catches_its_fault(code: str) -> None:
    rows = _base()
    FAULTS[code](rows)
    failures = validate(ssda903(rows), [SSDA903_RULES[code]]).failures
    assert failures.height >= 1
    assert set(failures["rule"]) == {code}


@pytest.mark.parametrize("code", sorted(PREVIOUS))
def test_rule_against_last_year_catches_its_fault(code: str) -> None:
    last, this = PREVIOUS[code]
    failures = validate(_with_previous(last, this), [SSDA903_RULES[code]]).failures
    assert failures.height >= 1
    passing = _with_previous(PASSING_PREVIOUS[code], lambda rows: None)
    assert validate(passing, [SSDA903_RULES[code]]).failures.is_empty()


@pytest.mark.parametrize("code", sorted(PREVIOUS))
def test_rule_against_last_year_is_skipped_without_it(code: str) -> None:
    assert validate(ssda903(_base()), [SSDA903_RULES[code]]).skipped == (code,)
