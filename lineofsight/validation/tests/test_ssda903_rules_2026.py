"""SSDA903 2025-26 (year 2026): every rule in rules_2026 fails its own fault and passes a
near miss on a valid 2025-26 return; the 2026 ruleset holds exactly the additions and the
new texts of the changed rules; and each changed rule's 2026 text differs from its 2024-25
one on a case showing the change."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import polars as pl
import pytest

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.engine.run import validate
from lineofsight.validation.rulesets import ruleset
from lineofsight.validation.ssda903.rules import SSDA903_RULES
from lineofsight.validation.ssda903.rules_2026 import SSDA903_RULES_2026
from lineofsight.validation.ssda903.rulesets import DELETED_2026
from lineofsight.validation.ssda903.tables import ssda903_return
from lineofsight.validation.tests.ssda903_builders import Rows, string_tables, valid_return

YEAR = 2026
LA = "E08000030"  # the returning council (Walsall)
OTHER_LA = "E08000025"
E, H, SW, O3 = "Episodes", "Header", "SWEpisodes", "OC3"

ADDED = {
    "231",
    "232",
    "233",
    "234",
    "241",
    "242",
    "243",
    "348",
    "444",
    "454",
    "SW10aSTG2",
    "SW10bSTG2",
    "SW17STG2",
    "SW18STG2",
    "SW19STG2",
}
CHANGED = {"146", "178", "218", "226", "229", "383", "1015", "SW02STG1", "SW04STG1", "SW09STG2"}
# Changed by DfE only as far as the 2024-25 rule already reads (Z11-Z14, strict dates).
UNCHANGED_HERE = {"213", "503D", "526", "SW05STG1"}

# DfE's 2025-26 messages, as D2I's lac2025_26 (and lac2024_25, for 231/232) files give them.
MESSAGES = {
    "146": "Placement type code is not a valid code.",
    "178": "Placement provider code is not a valid code.",
    "218": "Ofsted Unique reference number (URN) is required.",
    "226": "Reason for placement change is not required for temporary placements.",
    "229": (
        "Placement provider does not match between the placing authority and the local "
        "authority code of the provider. [NOTE: The provider's LA code is inferred from the its "
        "postcode, and may be inaccurate in some cases.]"
    ),
    "231": (
        "We expect that unaccompanied asylum seeking children are generally older young "
        "people. Please check the date of birth is correct. If the date of birth is correct "
        "then please provide details in a bypass request."
    ),
    "232": "Sex of the child/young person has been reported as unknown.",
    "233": "Reason for placement change is not required when the episode has not ceased.",
    "234": "A child aged under 10 can not change placement due to being admitted to custody",
    "241": "LA of placement is not an LA the provider has premises.",
    "242": "URN = 'XXXXXXX' can only be used for regional adoption agencies",
    "243": "Only placements with providers registered with Ofsted should have a URN reported.",
    "348": "Care leaver has previously been reported as having died.",
    "383": (
        "A child in a temporary placement must subsequently return to his/her normal placement."
    ),
    "444": "Duplicate UPN has been reported",
    "454": (
        "Placement distance from home is over 350 miles. [NOTE: This check will result in "
        "false positives for children formerly UASC not identified as such in loaded data]"
    ),
    "1015": "Placement provider is own provision but child not placed in own LA.",
    "SW02STG1": "Social worker ID does not begin with the characters ‘SW’ or ‘XX’.",  # noqa: RUF001
    "SW04STG1": "Date social worker episode began is not a valid date..",
    "SW09STG2": "Social worker episode appears to have lasted for less than 24 hours.",
    "SW10aSTG2": (
        "A new social worker episode has started and it is not within +/- 7 days of a "
        "previous episode."
    ),
    "SW10bSTG2": (
        "A new social worker episode has started with a reason of first contact before the "
        "previous episode has ended."
    ),
    "SW17STG2": "There is no social worker episode open at 31 March",
    "SW18STG2": "The end date of the social worker episode is before the start date",
    "SW19STG2": "There are 2 social worker episodes for the child starting on the same date.",
}

# -- a valid 2025-26 return -----------------------------------------------------------------

_DATE = re.compile(r"(\d{2})/(\d{2})/(\d{4})")


def _a_year_on(value: Any) -> Any:
    """A DD/MM/YYYY date a year later (the builder's dates are 2024-25's); else as given."""
    if isinstance(value, str) and (match := _DATE.fullmatch(value)):
        day, month, year = match.groups()
        return f"{day}/{month}/{int(year) + 1}"
    return value


def _base() -> Rows:
    """The builder's valid 2024-25 return a year on (every date, DOBs too, so ages hold),
    with the columns DfE derives from postcodes: both placements in the council's own area."""
    rows = {
        table: [{column: _a_year_on(value) for column, value in row.items()} for row in table_rows]
        for table, table_rows in valid_return().items()
    }
    for episode in rows[E]:
        episode.update(PL_LA=LA, PL_DISTANCE="3.2")
    return rows


def _providers() -> list[dict[str, Any]]:
    """Ofsted's provider list: the base's two foster providers, both in the council's area."""
    return [
        {
            "URN": "SC123456",
            "PLACE_CODES": "U4",
            "PROVIDER_CODES": "PR1",
            "POSTCODE": "WS2 2BB",
            "LA_CODE": LA,
            "REG_DATE": "01/01/2010",
            "REG_END": None,
        },
        {
            "URN": "SC654321",
            "PLACE_CODES": "U4,U6",
            "PROVIDER_CODES": "PR4",
            "POSTCODE": "WS2 2BB",
            "LA_CODE": LA,
            "REG_DATE": "01/01/2012",
            "REG_END": None,
        },
    ]


@dataclass
class Case:
    """This year's rows, last year's (the same, as the batch tests do: DOBs and the open
    social worker episode agree) and Ofsted's list."""

    rows: Rows = field(default_factory=_base)
    last: Rows = field(default_factory=_base)
    providers: list[dict[str, Any]] = field(default_factory=_providers)

    def ret(self) -> Return:
        previous = ssda903_return(string_tables(self.last), year=YEAR - 1)
        ret = ssda903_return(string_tables(self.rows), year=YEAR, previous=previous)
        columns = sorted({column for row in self.providers for column in row})
        info = pl.DataFrame(
            {column: [row.get(column) for row in self.providers] for column in columns},
            schema=dict.fromkeys(columns, pl.String),
        ).with_row_index("row")
        info = info.with_columns(pl.col("row").cast(pl.Int64))
        return replace(ret, tables={**ret.tables, "ProviderInfo": info}, la_code=LA)


Fault = Callable[[Case], None]


def set_(table: str, index: int = 0, **changes: Any) -> Fault:
    def apply(case: Case) -> None:
        case.rows[table][index].update(changes)

    return apply


def last_(table: str, index: int = 0, **changes: Any) -> Fault:
    def apply(case: Case) -> None:
        case.last[table][index].update(changes)

    return apply


def add(table: str, **row: Any) -> Fault:
    def apply(case: Case) -> None:
        case.rows[table].append({"CHILD": "C1", "DOB": "01/06/2011", **row})

    return apply


def premises(urn: str, *la_codes: str) -> Fault:
    """The URN's rows on Ofsted's list become one per LA given."""

    def apply(case: Case) -> None:
        (model,) = [row for row in case.providers if row["URN"] == urn]
        others = [row for row in case.providers if row["URN"] != urn]
        case.providers = [*others, *({**model, "LA_CODE": la} for la in la_codes)]

    return apply


def both(*faults: Fault) -> Fault:
    def apply(case: Case) -> None:
        for fault in faults:
            fault(case)

    return apply


def _failing(rule: Rule, fault: Fault | None = None) -> list[int | None]:
    """The rows `rule` fails on the base with `fault` applied; it must have run."""
    case = Case()
    if fault is not None:
        fault(case)
    result = validate(case.ret(), [rule])
    assert result.skipped == (), f"{rule.code} was skipped"
    assert set(result.failures["rule"]) <= {rule.code}
    return result.failures["row"].to_list()


# Episode 0 (C1): U4, PR1, URN SC123456, 1 May to 1 August 2025 (X1, CARPL); episode 1: U6,
# PR4, URN SC654321, open. C1 (born 1 June 2011) is UASC; her social worker is SW12345 from
# 1 May 2025 (FCONTA), open. C2, born 1 June 2007, is a care leaver (OC3).
CLOSED = {"DEC": "01/02/2026", "REC": "E13"}
SECOND_SW = {"SW_ID": "SW67890", "SW_REASON": "MANAGE"}
OLD_SW_ENDS = set_(SW, SW_DEC="01/06/2025")
# A temporary placement between two of the same, then back: U4 -> T1 -> U4.
TEMPORARY_STAY = both(
    set_(E, 0, REASON_PLACE_CHANGE=None),
    set_(E, 1, PLACE="T1", PLACE_PROVIDER=None, URN=None, DEC="15/08/2025", REC="X1"),
    add(
        E,
        DECOM="15/08/2025",
        RNE="P",
        LS="C2",
        CIN="N1",
        PLACE="U4",
        PLACE_PROVIDER="PR1",
        URN="SC123456",
        HOME_POST="WS1 1AA",
        PL_POST="WS2 2BB",
        PL_LA=LA,
        PL_DISTANCE="3.2",
    ),
)
DIED: dict[str, Any] = {"IN_TOUCH": "DIED", "ACTIV": "0", "ACCOM": "0"}

# code: (fault that fails, near miss that passes)
CASES: dict[str, tuple[Fault, Fault]] = {
    "146": (
        set_(E, 1, PLACE="Z1", PLACE_PROVIDER=None, URN=None),  # retired in 2025-26
        set_(E, 1, PLACE="Z12", PLACE_PROVIDER=None, URN=None),
    ),
    "178": (
        set_(E, 1, PLACE="T0"),  # a provider for a temporary placement
        set_(E, 1, PLACE="T0", PLACE_PROVIDER=None),
    ),
    "218": (
        set_(E, 1, URN=None),
        set_(E, 1, URN=None, PL_LA="WAL"),  # placed in Wales
    ),
    "226": (
        set_(E, 1, PLACE="T1", PLACE_PROVIDER=None),  # the episode before it has CARPL
        both(set_(E, 0, REASON_PLACE_CHANGE=None), set_(E, 1, PLACE="T1", PLACE_PROVIDER=None)),
    ),
    "229": (
        premises("SC123456", OTHER_LA),  # own provision (PR1) in another LA's area
        premises("SC123456", OTHER_LA, LA),  # premises in two LAs, one the council's
    ),
    "231": (
        both(set_(H, DOB="01/04/2015"), set_("UASC", DOB="01/04/2015")),
        both(set_(H, DOB="31/03/2015"), set_("UASC", DOB="31/03/2015")),  # 11 on 31 March
    ),
    "232": (set_(H, SEX="U"), set_(H, SEX="F")),
    "233": (
        set_(E, 1, REASON_PLACE_CHANGE="CARPL"),  # the open episode
        set_(E, 1, REASON_PLACE_CHANGE="CARPL", **CLOSED),
    ),
    "234": (
        both(set_(E, REASON_PLACE_CHANGE="CUSTOD"), set_(H, DOB="01/06/2016")),
        both(set_(E, REASON_PLACE_CHANGE="CUSTOD"), set_(H, DOB="01/08/2015")),  # 10 that day
    ),
    "241": (
        set_(E, 1, PLACE="K3", PL_LA=OTHER_LA),  # SC654321 has premises only in the LA
        set_(E, 1, PLACE="K3"),
    ),
    "242": (
        set_(E, 1, URN="XXXXXXX", PLACE="K2"),
        set_(E, 1, URN="XXXXXXX"),  # a foster placement (U6)
    ),
    "243": (
        set_(E, 1, PL_LA="SCO"),
        set_(E, 1, PL_LA="SCO", URN=None),
    ),
    "348": (
        last_(O3, **DIED),
        both(last_(O3, **DIED), set_(O3, **DIED)),
    ),
    "383": (
        both(TEMPORARY_STAY, set_(E, 2, PL_POST="WS9 9ZZ")),  # back to another U4
        both(TEMPORARY_STAY, set_(E, 2, PL_POST="ws22bb")),  # the same postcode
    ),
    "444": (set_(H, 1, UPN="A123456789012"), set_(H, UPN="UN3")),  # C2's is UN3
    "454": (set_(E, 1, PL_DISTANCE="350.1"), set_(E, 1, PL_DISTANCE="999.9")),
    "1015": (
        set_(E, 1, PLACE="K2", PLACE_PROVIDER="PR1", PL_LA=OTHER_LA),
        set_(E, 1, PLACE="K3", PLACE_PROVIDER="PR1", PL_LA=OTHER_LA),
    ),
    "SW02STG1": (set_(SW, SW_ID="SW1"), set_(SW, SW_ID="SW12")),
    "SW04STG1": (set_(SW, SW_DECOM=None), set_(SW, SW_DECOM="02/05/2025")),
    "SW09STG2": (set_(SW, SW_DEC="03/05/2025"), set_(SW, SW_DEC="04/05/2025")),
    "SW10aSTG2": (
        both(OLD_SW_ENDS, add(SW, SW_DECOM="09/06/2025", **SECOND_SW)),  # 8 days on
        both(OLD_SW_ENDS, add(SW, SW_DECOM="08/06/2025", **SECOND_SW)),  # 7 days on
    ),
    "SW10bSTG2": (
        both(OLD_SW_ENDS, add(SW, SW_DECOM="01/06/2025", SW_ID="SW67890", SW_REASON="FCONTA")),
        both(OLD_SW_ENDS, add(SW, SW_DECOM="02/06/2025", SW_ID="SW67890", SW_REASON="FCONTA")),
    ),
    "SW17STG2": (
        set_(SW, SW_DEC="01/03/2026"),
        both(set_(SW, SW_DEC="01/03/2026"), add(SW, SW_DECOM="01/03/2026", **SECOND_SW)),
    ),
    "SW18STG2": (set_(SW, SW_DEC="30/04/2025"), set_(SW, SW_DEC="02/05/2025")),
    "SW19STG2": (
        add(SW, SW_DECOM="01/05/2025", **SECOND_SW),
        both(set_(SW, SW_DEC="02/05/2025"), add(SW, SW_DECOM="02/05/2025", **SECOND_SW)),
    ),
}
FAILING_ROW = {"348": 0, "383": 2, "SW10aSTG2": 1, "SW10bSTG2": 1, "SW17STG2": 0}


def test_every_2026_rule_has_its_cases_and_dfe_message() -> None:
    assert set(CASES) == set(SSDA903_RULES_2026) == set(MESSAGES)
    for code, rule in SSDA903_RULES_2026.items():
        assert rule.message == MESSAGES[code], code
        assert rule.severity == "error", code


def test_the_2025_26_base_passes_every_2026_rule() -> None:
    result = validate(Case().ret(), list(SSDA903_RULES_2026.values()))
    assert result.skipped == ()
    assert result.failures.is_empty(), result.failures.to_dicts()


@pytest.mark.parametrize("code", sorted(CASES))
def test_2026_rule_catches_its_fault(code: str) -> None:
    failing = _failing(SSDA903_RULES_2026[code], CASES[code][0])
    assert failing, code
    if code in FAILING_ROW:
        assert failing == [FAILING_ROW[code]]


@pytest.mark.parametrize("code", sorted(CASES))
def test_2026_rule_passes_its_near_miss(code: str) -> None:
    assert _failing(SSDA903_RULES_2026[code], CASES[code][1]) == []


def test_rules_reading_derived_columns_providers_or_the_council_are_skipped_without() -> None:
    rules = [SSDA903_RULES_2026[code] for code in ("229", "241", "243", "454", "1015")]
    ret = Case().ret()
    bare = replace(
        ret,
        tables={
            **{name: table for name, table in ret.tables.items() if name != "ProviderInfo"},
            E: ret.table(E).drop("PL_LA", "PL_DISTANCE"),
        },
        la_code=None,
    )
    assert validate(bare, rules).skipped == ("229", "241", "243", "454", "1015")
    assert validate(ret, rules).skipped == ()


def test_218_runs_without_pl_la_taking_the_placement_to_be_in_england() -> None:
    case = Case()
    set_(E, 1, URN=None, PL_LA="WAL")(case)
    ret = case.ret()
    rule = SSDA903_RULES_2026["218"]
    assert validate(ret, [rule]).failures.is_empty()
    without = replace(ret, tables={**ret.tables, E: ret.table(E).drop("PL_LA")})
    assert validate(without, [rule]).failures["row"].to_list() == [1]


def test_229_other_la_provision_in_the_councils_own_area() -> None:
    rule = SSDA903_RULES_2026["229"]
    other_la = set_(E, 1, PLACE_PROVIDER="PR2")  # SC654321 has premises only in the LA
    assert _failing(rule, other_la) == [1]
    assert _failing(rule, both(other_la, premises("SC654321", LA, OTHER_LA))) == []
    assert _failing(rule, both(premises("SC123456", OTHER_LA), set_(E, URN="XXXXXXX"))) == []
    assert _failing(rule, both(premises("SC123456", OTHER_LA), set_(E, PLACE="K3"))) == []


def test_383_reads_through_a_run_of_temporary_placements() -> None:
    rule = SSDA903_RULES_2026["383"]
    run = both(
        TEMPORARY_STAY,
        set_(E, 2, PLACE="T2", PLACE_PROVIDER=None, URN=None, DEC="20/08/2025", REC="X1"),
        add(E, DECOM="20/08/2025", RNE="P", LS="C2", CIN="N1", PLACE="U4", PLACE_PROVIDER="PR1"),
        set_(E, 3, URN="SC123456", PL_POST="WS2 2BB", PL_LA=LA),
    )
    assert _failing(rule, run) == []
    assert _failing(rule, both(run, set_(E, 3, RNE="T"))) == [3]


def test_sw10a_leaves_first_contact_to_sw10b() -> None:
    late_first_contact = both(
        OLD_SW_ENDS, add(SW, SW_DECOM="01/09/2025", SW_ID="SW67890", SW_REASON="FCONTA")
    )
    assert _failing(SSDA903_RULES_2026["SW10aSTG2"], late_first_contact) == []
    assert _failing(SSDA903_RULES_2026["SW10bSTG2"], late_first_contact) == []


def test_2026_ruleset_has_the_additions_and_the_new_texts() -> None:
    rules_2026 = {rule.code: rule for rule in ruleset("ssda903", YEAR)}
    rules_2025 = {rule.code: rule for rule in ruleset("ssda903", YEAR - 1)}
    codes_2025 = set(rules_2025)
    assert set(SSDA903_RULES_2026) == ADDED | CHANGED
    assert ADDED.isdisjoint(SSDA903_RULES)
    assert ADDED.isdisjoint(codes_2025)
    assert set(rules_2026) == (set(SSDA903_RULES) - set(DELETED_2026)) | ADDED | CHANGED
    for code in ADDED | CHANGED:
        assert rules_2026[code] is SSDA903_RULES_2026[code], code
        if code in SSDA903_RULES:
            assert rules_2026[code] is not SSDA903_RULES[code], code
    for code in UNCHANGED_HERE:
        assert rules_2026[code] is SSDA903_RULES[code], code
    for code in CHANGED & set(SSDA903_RULES):
        assert rules_2025[code] is SSDA903_RULES[code], code


# code: (a case showing the change, whether the 2026 text fails it; the 2024-25 one does not)
CHANGES: dict[str, tuple[Fault, bool]] = {
    "146": (CASES["146"][0], True),  # Z1 no longer valid
    "178": (set_(E, 1, PLACE="T0"), True),  # provider given for a temporary placement
    "218": (set_(E, 1, PLACE="Z1", PLACE_PROVIDER=None, URN=None), True),  # Z1 is no longer exempt
    "226": (CASES["226"][0], True),  # the episode before the temporary one has a reason
    "229": (both(premises("SC123456", OTHER_LA), set_(E, PLACE="K3")), False),  # K3 exempt now
    "383": (both(TEMPORARY_STAY, set_(E, 2, RNE="T")), True),  # back, but not RNE P
    "1015": (set_(E, PLACE="K3", PL_LA=OTHER_LA), False),  # K3 may be out of area now
    "SW02STG1": (set_(SW, SW_ID="SW1"), True),  # too short
    "SW04STG1": (set_(SW, SW_DECOM=None), True),  # blank start
    "SW09STG2": (set_(SW, SW_DEC="03/05/2025"), True),  # two days
}


def test_every_changed_rule_has_a_case_showing_the_change() -> None:
    assert set(CHANGES) == CHANGED


@pytest.mark.parametrize("code", sorted(CHANGED))
def test_changed_rule_differs_from_its_2024_25_text(code: str) -> None:
    assert code in SSDA903_RULES, f"{code} changed in 2025-26 has no 2024-25 text"
    fault, fails_2026 = CHANGES[code]
    assert bool(_failing(SSDA903_RULES_2026[code], fault)) is fails_2026
    assert bool(_failing(SSDA903_RULES[code], fault)) is not fails_2026
