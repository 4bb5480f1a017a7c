"""SSDA903 rules of batch 4 (117 to 336): each passes two valid returns and catches its own
fault on the row it should, and the readings their docstrings record hold.

`_base` is the shared valid return with C1 looked after since 2020 (in the OC2 cohort, so no
AD1 row) and her decision to be placed for adoption made and ceased in the year. `_adopted`
is a second valid return, C1 adopted from a foster-to-adopt placement (A5) in March 2025, for
the rules about adoption. Last year's return is the base with 2023-24 SEX codes (1/2).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.run import validate
from lineofsight.validation.ssda903.rules import SSDA903_RULES
from lineofsight.validation.tests.ssda903_builders import Rows, ssda903, valid_return

Fault = Callable[[Rows], None]
Where = tuple[str, int, str]  # (table, row, child) of a failure
H, E, A, P, O2, O3 = "Header", "Episodes", "AD1", "PlacedAdoption", "OC2", "OC3"


def set_(table: str, index: int = 0, **changes: Any) -> Fault:
    def apply(rows: Rows) -> None:
        rows[table][index].update(changes)

    return apply


def add(table: str, **row: Any) -> Fault:
    def apply(rows: Rows) -> None:
        rows[table].append(row)

    return apply


def both(*faults: Fault) -> Fault:
    def apply(rows: Rows) -> None:
        for fault in faults:
            fault(rows)

    return apply


def nothing(rows: Rows) -> None:
    pass


def _base() -> Rows:
    rows = valid_return()
    set_(E, DECOM="01/05/2020")(rows)  # looked after continuously for 12 months at 31 March
    rows[A] = []  # a child in the OC2 cohort has no adoption data (187)
    set_(P, DATE_PLACED="01/06/2024", DATE_PLACED_CEASED="01/09/2024")(rows)
    return rows


C1_ADOPTION = {
    "CHILD": "C1",
    "DOB": "01/06/2010",
    "DATE_INT": "01/06/2024",
    "DATE_MATCH": "01/07/2024",
    "FOSTER_CARE": "1",
    "NB_ADOPTR": "2",
    "SEX_ADOPTR": "MF",
    "LS_ADOPTR": "L11",
}


def _adopted(rows: Rows) -> None:
    """C1 placed for adoption with her foster carer (A5) on 1 August, adopted 1 March."""
    set_(E, 1, PLACE="A5", LS="E1", RNE="U", DEC="01/03/2025", REC="E11")(rows)
    rows[A] = [dict(C1_ADOPTION)]
    rows[O2] = []
    set_(P, DATE_PLACED_CEASED=None, REASON_PLACED_CEASED=None)(rows)


def adopted(*faults: Fault) -> Fault:
    return both(_adopted, *faults)


def _last_year() -> Rows:
    """The base as 2023-24 would have it: SEX 1 (male) / 2 (female)."""
    rows = _base()
    for row in rows[H]:
        row["SEX"] = {"M": "1", "F": "2"}[row["SEX"]]
    return rows


def _return(this: Fault = nothing, last: Fault | None = None) -> Return:
    """This year's base with `this` applied; with last year's (changed by `last`) if given."""
    rows = _base()
    this(rows)
    current = ssda903(rows)
    if last is None:
        return current
    last_rows = _last_year()
    last(last_rows)
    previous = ssda903(last_rows, year=2024)
    return Return(kind="ssda903", year=2025, tables=current.tables, previous=previous)


def _where(ret: Return, code: str) -> set[Where]:
    failures = validate(ret, [SSDA903_RULES[code]]).failures
    assert set(failures["rule"]) <= {code}
    return {(f["table"], f["row"], f["child_id"]) for f in failures.to_dicts()}


C2_AD1 = {**C1_ADOPTION, "CHILD": "C2", "DOB": "01/06/2006"}
C2_OC2 = {"CHILD": "C2", "DOB": "01/06/2006", "CONVICTED": "0"}

FAULTS: dict[str, Fault] = {
    "117": adopted(set_(P, DATE_PLACED_CEASED="02/03/2025", REASON_PLACED_CEASED="RD1")),
    "118": set_(P, DATE_PLACED_CEASED="01/03/2024"),
    "134": add(A, **C2_AD1),
    "165": set_(H, MOTHER=None),
    "186": set_(O2, SDQ_SCORE=None),
    "187": add(A, **C1_ADOPTION),
    "197B": set_(O2, DOB="01/06/2007", SDQ_SCORE=None),
    "209": set_(H, UPN="UN1"),
    "210": set_(H, UPN="UN4"),
    "215": add(O2, **C2_OC2),
    "218": set_(E, URN=None),
    "331": adopted(set_(A, DATE_MATCH="02/08/2024")),
    "334": adopted(set_(A, DATE_INT="01/04/2020")),
    "335": adopted(set_(A, FOSTER_CARE="0")),
    "336": both(set_(E, PLACE="K2"), set_(E, 1, PLACE="A5")),
}
WHERE: dict[str, set[Where]] = {
    "117": {(P, 0, "C1")},
    "118": {(P, 0, "C1")},
    "134": {(A, 0, "C2")},
    "165": {(H, 0, "C1")},
    "186": {(O2, 0, "C1")},
    "187": {(A, 0, "C1")},
    "197B": {(O2, 0, "C1")},
    "209": {(H, 0, "C1")},
    "210": {(H, 0, "C1")},
    "215": {(O3, 0, "C2"), (O2, 1, "C2")},
    "218": {(E, 0, "C1")},
    "331": {(A, 0, "C1")},
    "334": {(A, 0, "C1")},
    "335": {(A, 0, "C1")},
    "336": {(E, 1, "C1")},
}
PREVIOUS: dict[str, tuple[Fault, Fault]] = {
    # (change to last year's return, change to this year's)
    "202": (set_(H, SEX="1"), nothing),
    "207": (set_(H, MOTHER="1", MC_DOB="01/01/2024"), nothing),
    "208": (set_(H, UPN="B123456789012"), nothing),
}
BATCH = set(FAULTS) | set(PREVIOUS)


def test_the_batch_is_written_with_where_each_fault_fails() -> None:
    assert set(SSDA903_RULES) >= BATCH
    assert set(WHERE) == set(FAULTS)


@pytest.mark.parametrize("variant", [nothing, _adopted], ids=["base", "adopted"])
def test_valid_returns_pass_every_rule_of_the_batch(variant: Fault) -> None:
    rules = [SSDA903_RULES[code] for code in sorted(BATCH)]
    result = validate(_return(variant, last=nothing), rules)
    assert result.failures.is_empty(), result.failures.to_dicts()
    assert result.skipped == ()


@pytest.mark.parametrize("code", sorted(FAULTS))
def test_rule_catches_its_fault(code: str) -> None:
    assert _where(_return(FAULTS[code]), code) == WHERE[code]


@pytest.mark.parametrize("code", sorted(PREVIOUS))
def test_rule_against_last_year_catches_its_fault(code: str) -> None:
    last, this = PREVIOUS[code]
    assert _where(_return(this, last=last), code) == {(H, 0, "C1")}
    assert _where(_return(this, last=nothing), code) == set()


@pytest.mark.parametrize("code", sorted(PREVIOUS))
def test_rule_against_last_year_is_skipped_without_it(code: str) -> None:
    assert validate(_return(), [SSDA903_RULES[code]]).skipped == (code,)


# -- the readings ---------------------------------------------------------------------------

C3 = {"CHILD": "C3", "SEX": "F", "ETHNIC": "WBRI", "UPN": "UN4", "MOTHER": "0"}
C3_EPISODE = {
    "CHILD": "C3",
    "RNE": "S",
    "LS": "V2",
    "CIN": "N4",
    "PLACE": "U6",
    "PLACE_PROVIDER": "PR1",
    "URN": "SC222222",
}


def c3_started(on: str) -> Fault:
    """C3, 12, newly looked after from `on`, her UPN not yet known (UN4)."""
    return both(add(H, **C3, DOB="01/01/2013"), add(E, **C3_EPISODE, DECOM=on))


READINGS: list[tuple[str, str, Fault, set[Where]]] = [
    # (what, rule, change to the base, failures expected)
    ("117 decision after 31 March", "117", set_(P, DATE_PLACED="01/04/2025"), {(P, 0, "C1")}),
    ("117 looked after: 31 March only", "117", set_(P, DATE_PLACED_CEASED="31/03/2025"), set()),
    (
        "118 ceased before care began",
        "118",
        both(set_(E, DECOM="01/05/2024"), set_(P, DATE_PLACED_CEASED="30/04/2024")),
        {(P, 0, "C1")},
    ),
    ("118 no cessation", "118", set_(P, DATE_PLACED_CEASED=None), set()),
    ("165 a boy with MOTHER", "165", set_(H, 1, MOTHER="0"), {(H, 1, "C2")}),
    ("165 MOTHER not 0 or 1", "165", set_(H, MOTHER="2"), {(H, 0, "C1")}),
    # unknown sex: not asked for MOTHER, but not recorded female either
    ("165 unknown sex, MOTHER blank", "165", set_(H, SEX="U", MOTHER=None), set()),
    ("165 unknown sex with MOTHER", "165", set_(H, SEX="U", MOTHER="0"), {(H, 0, "C1")}),
    ("165 a care leaver not looked after", "165", set_(H, 1, SEX="F"), set()),
    (
        "165 short breaks only",
        "165",
        both(set_(H, MOTHER=None), set_(E, LS="V3"), set_(E, 1, LS="V3")),
        set(),
    ),
    ("186 a reason for no score", "186", set_(O2, SDQ_SCORE=None, SDQ_REASON="SDQ2"), set()),
    (
        "186 not in the cohort",
        "186",
        both(set_(E, DECOM="01/05/2024"), set_(O2, SDQ_SCORE=None)),
        set(),
    ),
    ("186 turns 17 in the year", "186", set_(O2, DOB="01/06/2007", SDQ_SCORE=None), set()),
    (
        "197B turns 4 in the year",
        "197B",
        set_(O2, DOB="01/04/2020", SDQ_SCORE=None),
        {(O2, 0, "C1")},
    ),
    (
        "197B a reason for no score",
        "197B",
        set_(O2, DOB="01/06/2007", SDQ_SCORE=None, SDQ_REASON="SDQ1"),
        set(),
    ),
    ("197B aged 14", "197B", set_(O2, SDQ_SCORE=None), set()),
    # 17 on 1 April itself is 17 at the start of the year: no SDQ is reported (189)
    ("197B 17 on 1 April", "197B", set_(O2, DOB="01/04/2007", SDQ_SCORE=None), set()),
    ("197B 17 on 2 April", "197B", set_(O2, DOB="02/04/2007", SDQ_SCORE=None), {(O2, 0, "C1")}),
    (
        "187 care leaver data",
        "187",
        add(O3, CHILD="C1", DOB="01/06/2010", IN_TOUCH="YES", ACTIV="F2", ACCOM="U1"),
        {(O3, 1, "C1")},
    ),
    (
        "187 adopted, so not in the cohort",
        "187",
        both(set_(E, 1, DEC="01/03/2025", REC="E11"), add(A, **C1_ADOPTION)),
        set(),
    ),
    ("209 not yet 4 on 31 August 2023", "209", set_(H, UPN="UN1", DOB="01/09/2019"), set()),
    ("209 4 on 31 August 2023", "209", set_(H, UPN="UN1", DOB="31/08/2019"), {(H, 0, "C1")}),
    ("210 started 23 March", "210", c3_started("23/03/2025"), {(H, 2, "C3")}),
    ("210 started 24 March", "210", c3_started("24/03/2025"), set()),
    (
        "210 left care",
        "210",
        both(set_(H, UPN="UN4"), set_(E, 1, DEC="01/03/2025", REC="E13")),
        set(),
    ),
    (
        "218 a placement that takes none",
        "218",
        set_(E, PLACE="R1", PLACE_PROVIDER="PR4", URN=None),
        set(),
    ),
    ("218 placed in Wales", "218", set_(E, URN=None, PL_LA="WAL"), set()),
    ("218 placed in Scotland, ONS", "218", set_(E, URN=None, PL_LA="S12000036"), set()),
    ("218 confidential", "218", set_(E, URN=None, PL_LA="CON"), set()),
    ("218 placed in England", "218", set_(E, URN=None, PL_LA="E08000030"), {(E, 0, "C1")}),
    ("331 matched on the day placed", "331", adopted(set_(A, DATE_MATCH="01/08/2024")), set()),
    ("334 decided the day care began", "334", adopted(set_(A, DATE_INT="01/05/2020")), set()),
    (
        "335 adopted by others, 1",
        "335",
        adopted(set_(E, 1, PLACE="A6"), set_(A, FOSTER_CARE="1")),
        {(A, 0, "C1")},
    ),
    (
        "335 adopted by others, 0",
        "335",
        adopted(set_(E, 1, PLACE="A6"), set_(A, FOSTER_CARE="0")),
        set(),
    ),
    (
        "336 A4 needs no foster carer",
        "336",
        both(set_(E, PLACE="K2"), set_(E, 1, PLACE="A4")),
        set(),
    ),
    ("336 first episode", "336", set_(E, PLACE="A3"), set()),
    ("215 OC2 SDQ only", "215", add(O2, CHILD="C2", DOB="01/06/2006", SDQ_REASON="SDQ1"), set()),
    (
        "134 OC3 items blank",
        "134",
        both(add(A, **C2_AD1), set_(O3, IN_TOUCH=None, ACTIV=None, ACCOM=None)),
        set(),
    ),
]


@pytest.mark.parametrize(
    ("rule", "change", "expected"),
    [reading[1:] for reading in READINGS],
    ids=[reading[0] for reading in READINGS],
)
def test_reading(rule: str, change: Fault, expected: set[Where]) -> None:
    assert _where(_return(change), rule) == expected


LAST_YEAR_READINGS: list[tuple[str, str, Fault, Fault, set[Where]]] = [
    # (what, rule, change to last year's return, change to this year's, failures expected)
    ("202 recorded as 1, now M", "202", nothing, set_(H, SEX="M"), {(H, 0, "C1")}),
    ("202 blank last year", "202", set_(H, SEX=None), nothing, set()),
    (
        "207 a mother last year, blank now",
        "207",
        set_(H, MOTHER="1"),
        set_(H, MOTHER=None),
        {(H, 0, "C1")},
    ),
    ("207 not a mother last year", "207", nothing, set_(H, MOTHER="1"), set()),
    ("208 UN1 to UN2", "208", set_(H, 1, UPN="UN1"), set_(H, 1, UPN="UN2"), set()),
    ("208 UN4 to a UPN", "208", set_(H, UPN="UN4"), nothing, set()),
    ("208 blank to UN1", "208", set_(H, UPN=None), set_(H, UPN="UN1"), set()),
    ("208 UN4 to UN3", "208", set_(H, 1, UPN="UN4"), nothing, {(H, 1, "C2")}),
    ("208 a UPN, then blank", "208", nothing, set_(H, UPN=None), {(H, 0, "C1")}),
    ("208 case", "208", nothing, set_(H, UPN="a123456789012"), set()),
]


@pytest.mark.parametrize(
    ("rule", "last", "this", "expected"),
    [reading[1:] for reading in LAST_YEAR_READINGS],
    ids=[reading[0] for reading in LAST_YEAR_READINGS],
)
def test_reading_against_last_year(
    rule: str, last: Fault, this: Fault, expected: set[Where]
) -> None:
    assert _where(_return(this, last=last), rule) == expected
