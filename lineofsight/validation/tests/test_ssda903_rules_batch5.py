"""SSDA903 rules of batch 5, those needing the derived placement fields (PL_LA, PL_LOCATION,
PL_DISTANCE), the Header's UASC flag, the council's ONS code or Ofsted's provider list: each
passes a valid return (with last year's) and catches its own fault, and is not run when the
return lacks what it needs.

`_base` adds to the shared valid return (ssda903_builders): the derived fields on every
episode (placed in Walsall, E08000030, a mile or two from home); the Header's UASC flag, with
C2, the care leaver, UASC until his 18th birthday (01/06/2024, the DUC this year; blank
last year, when it was still to come) and C1 not UASC; and a provider list holding C1's two
URNs. Last year's return is the same rows, read as 2023-24.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import polars as pl
import pytest

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.run import validate
from lineofsight.validation.ssda903.derived import derived_joined, distance_text
from lineofsight.validation.ssda903.providers import PROVIDER_COLUMNS, providers_typed
from lineofsight.validation.ssda903.rules import SSDA903_RULES
from lineofsight.validation.ssda903.tables import ssda903_return
from lineofsight.validation.tests.ssda903_builders import Rows, string_tables, valid_return

Fault = Callable[[Rows, Rows], None]  # (this year's rows, last year's rows)
E, H, U, PI, SW = "Episodes", "Header", "UASC", "ProviderInfo", "SWEpisodes"
LA = "E08000030"  # Walsall
ELSEWHERE = "E08000031"  # Wolverhampton
C2_UASC: dict[str, Any] = {"CHILD": "C2", "DOB": "01/06/2006", "SEX": "M"}
PROVIDERS = [
    {
        "URN": "SC123456",
        "PLACE_CODES": "U4",
        "PROVIDER_CODES": "PR1",
        "POSTCODE": "WS2 2BB",
        "LA_CODE": LA,
        "REG_DATE": "01/01/2010",
    },
    {
        "URN": "SC654321",
        "PLACE_CODES": "U5,U6,K2",
        "PROVIDER_CODES": "PR4,PR5",
        "POSTCODE": "WS22BB",
        "LA_CODE": ELSEWHERE,
        "REG_DATE": "2015-06-01",
    },
]


def _base() -> tuple[Rows, Rows]:
    rows, last = valid_return(), valid_return()
    for each, duc in ((rows, "01/06/2024"), (last, None)):
        for index, episode in enumerate(each[E]):
            episode.update(PL_LA=LA, PL_LOCATION="IN", PL_DISTANCE=f"{index + 1}.5")
        each[H][0]["UASC"] = "0"
        each[H][1]["UASC"] = "1"
        each[U] = [{**C2_UASC, "DUC": duc}]
        each[PI] = [dict(provider) for provider in PROVIDERS]
    return rows, last


def _return(rows: Rows, last: Rows, *, la_code: str | None = LA) -> Return:
    def built(rows: Rows, year: int, previous: Return | None = None) -> Return:
        tables = string_tables({name: value for name, value in rows.items() if name != PI})
        providers = None
        if PI in rows:
            given = [{column: row.get(column) for column in PROVIDER_COLUMNS} for row in rows[PI]]
            frame = pl.DataFrame(given, schema=dict.fromkeys(PROVIDER_COLUMNS, pl.String))
            providers = providers_typed(frame)
        return ssda903_return(
            tables, year=year, previous=previous, la_code=la_code, providers=providers
        )

    return built(rows, 2025, built(last, 2024))


def _found(fault: Fault, code: str) -> list[str]:
    rows, last = _base()
    fault(rows, last)
    return validate(_return(rows, last), [SSDA903_RULES[code]]).failures["rule"].to_list()


def set_(table: str, index: int = 0, **changes: Any) -> Fault:
    def apply(rows: Rows, last: Rows) -> None:
        rows[table][index].update(changes)

    return apply


def last_(table: str, index: int = 0, **changes: Any) -> Fault:
    def apply(rows: Rows, last: Rows) -> None:
        last[table][index].update(changes)

    return apply


def add(table: str, *, last_year: bool = False, **row: Any) -> Fault:
    def apply(rows: Rows, last: Rows) -> None:
        (last if last_year else rows)[table].append(dict(row))

    return apply


def both(*faults: Fault) -> Fault:
    def apply(rows: Rows, last: Rows) -> None:
        for fault in faults:
            fault(rows, last)

    return apply


def _continued(rows: Rows, last: Rows) -> None:
    """Last year's return ends with C1's first placement still open: this year's first
    episode carries it on (same DECOM and RNE), as 452, 453 and 503G-J compare."""
    del last[E][1]
    last[E][0].update(DEC=None, REC=None, REASON_PLACE_CHANGE=None)


C1_UASC: dict[str, Any] = {"CHILD": "C1", "DOB": "01/06/2010", "SEX": "F"}
C1_WAS_UASC = both(last_(H, UASC="1"), add(U, last_year=True, **C1_UASC, DUC=None))

# A rule whose pass on the valid return needs a change of its own (else: the base as is),
# to pass on what its fault alters but for the one thing the rule checks.
PASSES: dict[str, Fault] = {
    "205A": both(C1_WAS_UASC, last_(U, 1, DUC="01/03/2024")),
    "221": set_(E, 1, PLACE="K2", PL_POST="ws2 2bb"),
    "1008": set_(E, 1, URN="XXXXXXX"),
    "1015": set_(E, 1, PLACE="K2", PLACE_PROVIDER="PR1", PL_LOCATION="IN"),
    "164": set_(E, PL_DISTANCE="999.9"),
    "169": set_(E, PL_LA="NUK"),
    "227": set_(PI, 1, REG_END="02/08/2024"),
    "228": set_(PI, 0, REG_END="01/08/2024"),
    "411": set_(E, PL_LA=ELSEWHERE, PL_LOCATION="OUT"),
    "420": set_(E, LS="V3", PL_LA=None, PL_LOCATION=None, PL_DISTANCE=None),
    "452": _continued,
    "453": both(_continued, last_(E, PL_DISTANCE="1.6")),
    "503G": both(_continued, last_(E, PL_DISTANCE="1.4")),
    "503H": _continued,
    "503J": _continued,
    "SW12STG2": set_(SW, SW_DECOM="30/04/2024"),
}

FAULTS: dict[str, Fault] = {
    # the Header's UASC flag (XML form)
    "105": set_(H, UASC="2"),
    "205A": C1_WAS_UASC,  # UASC last year, not this; last year's DUC does not end it then
    "205B": last_(U, DUC="01/03/2024"),  # UASC both years, but it ceased last year
    "205C": add(U, **C1_UASC, DUC="01/01/2025"),
    "205D": set_(H, UASC="1"),
    "303": both(add(U, **C1_UASC, DUC="01/01/2025"), set_(H, UASC="0")),
    # derived placement fields
    "164": set_(E, PL_DISTANCE="1000.0"),
    "169": set_(E, PL_LA="E07000001"),  # a district, not an upper-tier LA
    "179": set_(E, PL_LOCATION=None),
    "392a": set_(E, 1, PL_DISTANCE=None),
    "406": add(U, last_year=True, **C1_UASC),  # UASC last year: no distance this year
    "411": set_(E, PL_LA=ELSEWHERE),
    "420": set_(E, LS="V3"),
    "452": both(_continued, last_(E, PL_LA=ELSEWHERE)),
    "453": both(_continued, last_(E, PL_DISTANCE="1.7")),
    "503G": both(_continued, last_(E, PL_DISTANCE=None)),
    "503H": both(_continued, last_(E, PL_LA=ELSEWHERE)),
    "503J": both(_continued, last_(E, PL_LOCATION="OUT")),
    "1015": set_(E, 1, PLACE="K2", PLACE_PROVIDER="PR1", PL_LA=ELSEWHERE, PL_LOCATION="OUT"),
    # Ofsted's provider list
    "219": set_(E, PLACE="U3"),
    "221": set_(E, 1, PLACE="K2", PL_POST="B1 1AA"),
    "224": set_(E, 1, PLACE_PROVIDER="PR1"),
    "227": set_(PI, 1, REG_END="01/08/2024"),  # C1's second placement started that day
    "228": set_(PI, 1, REG_END="01/03/2025"),  # still open at 31 March
    "229": set_(PI, 0, LA_CODE=ELSEWHERE),  # own provision, premises elsewhere
    "1008": set_(E, 1, URN="XXXXXX"),  # six Xs is not the placeholder
    # social worker episodes
    "SW12STG2": set_(SW, SW_DECOM="02/05/2024"),  # C1 came into care on 01/05/2024
}
# Other ways each of some rules fails.
MORE_FAULTS: list[tuple[str, Fault]] = [
    ("105", set_(H, UASC=None)),
    ("164", set_(E, PL_DISTANCE="far")),
    ("169", set_(E, PL_LA=None)),
    ("205B", both(set_(U, DUC="01/07/2024"), last_(U, DUC="01/06/2024"))),  # they differ
    ("205C", add(U, last_year=True, **C1_UASC, DUC="01/01/2024")),
    ("228", set_(PI, 0, REG_END="01/07/2024")),  # before C1's first placement ended
    ("229", both(set_(E, 1, PLACE_PROVIDER="PR2"), set_(PI, 1, LA_CODE=LA))),
    ("503G", both(_continued, last_(E, PL_DISTANCE="1.7"))),  # 0.2 miles is a difference
]
DERIVED_NOT_RUN = ("164", "169", "179", "392a", "406", "411", "420", "1015")
LAST_YEAR_DERIVED_NOT_RUN = ("452", "453", "503G", "503H", "503J")
PROVIDERS_NOT_RUN = ("219", "221", "224", "227", "228", "229", "1008")
LA_CODE_NOT_RUN = ("229", "411", "1015")
UASC_FLAG_NOT_RUN = ("105", "205A", "205B", "205C", "205D", "303")


@pytest.mark.parametrize("code", sorted(FAULTS))
def test_rule_passes_the_valid_return(code: str) -> None:
    assert _found(PASSES.get(code, both()), code) == []
    assert _found(both(), code) == []


@pytest.mark.parametrize("code", sorted(FAULTS))
def test_rule_catches_its_fault(code: str) -> None:
    found = _found(FAULTS[code], code)
    assert found, code
    assert set(found) == {code}


@pytest.mark.parametrize(("code", "fault"), MORE_FAULTS)
def test_rule_catches_its_other_faults(code: str, fault: Fault) -> None:
    assert _found(fault, code) == [code]


def test_fault_details_name_the_row_and_the_facts_compared() -> None:
    rows, last = _base()
    set_(E, 1, PLACE_PROVIDER="PR1")(rows, last)
    failures = validate(_return(rows, last), [SSDA903_RULES["224"]]).failures
    assert failures.select("child_id", "table", "row", "values").to_dicts() == [
        {
            "child_id": "C1",
            "table": E,
            "row": 1,
            "values": "PLACE_PROVIDER=PR1; URN=SC654321; PROVIDER_CODES=PR4,PR5",
        }
    ]


def test_a_urn_not_on_the_list_is_only_1008s() -> None:
    rows, last = _base()
    set_(E, 1, URN="SC999999", PLACE="K2", PL_POST="B1 1AA")(rows, last)
    rules = [SSDA903_RULES[code] for code in PROVIDERS_NOT_RUN]
    assert validate(_return(rows, last), rules).failures["rule"].to_list() == ["1008"]


def test_uasc_children_have_no_distance_and_are_not_asked_for_one() -> None:
    rows, last = _base()
    rows[U].append({**C1_UASC})
    for episode in rows[E]:
        episode["PL_DISTANCE"] = None
    rules = [SSDA903_RULES[code] for code in ("164", "392a", "406")]
    assert validate(_return(rows, last), rules).failures.is_empty()


def _skipped(rows: Rows, last: Rows, codes: tuple[str, ...], **kwargs: Any) -> tuple[str, ...]:
    return validate(_return(rows, last, **kwargs), [SSDA903_RULES[c] for c in codes]).skipped


def test_derived_field_rules_are_not_run_without_the_columns() -> None:
    rows, last = _base()
    for each in (rows, last):
        for episode in each[E]:
            for column in ("PL_LA", "PL_LOCATION", "PL_DISTANCE"):
                del episode[column]
    codes = (*DERIVED_NOT_RUN, *LAST_YEAR_DERIVED_NOT_RUN)
    assert _skipped(rows, last, codes) == codes


def test_last_year_rules_need_last_years_derived_columns_too() -> None:
    rows, last = _base()
    for episode in last[E]:
        del episode["PL_DISTANCE"], episode["PL_LA"], episode["PL_LOCATION"]
    assert _skipped(rows, last, LAST_YEAR_DERIVED_NOT_RUN) == LAST_YEAR_DERIVED_NOT_RUN
    assert _skipped(rows, last, DERIVED_NOT_RUN) == ()


def test_provider_rules_are_not_run_without_the_provider_list() -> None:
    rows, last = _base()
    del rows[PI]
    assert _skipped(rows, last, PROVIDERS_NOT_RUN) == PROVIDERS_NOT_RUN


def test_rules_on_the_councils_area_are_not_run_without_its_code() -> None:
    rows, last = _base()
    assert _skipped(rows, last, LA_CODE_NOT_RUN, la_code=None) == LA_CODE_NOT_RUN


def test_rules_on_the_uasc_flag_are_not_run_without_it() -> None:
    rows, last = _base()
    for header in rows[H]:
        del header["UASC"]
    assert _skipped(rows, last, UASC_FLAG_NOT_RUN) == UASC_FLAG_NOT_RUN
    rows, last = _base()
    for header in last[H]:
        del header["UASC"]
    assert _skipped(rows, last, UASC_FLAG_NOT_RUN) == ("205A", "205B", "205C", "205D")


def test_the_records_derived_fields_join_the_exporters_episodes() -> None:
    frames = {
        "cla_episode": pl.DataFrame(
            {
                "child_id": ["C1", "C1", "C2"],
                "started_on": [dt.date(2024, 5, 1), dt.date(2024, 8, 1), dt.date(2024, 6, 1)],
                "placement_la": [LA, ELSEWHERE, None],
                "placement_location": ["IN", "OUT", None],
                "distance_miles": [2.0, 12.25, None],
            }
        )
    }
    episodes = pl.DataFrame(
        {"CHILD": ["C1", "C1", "C9"], "DECOM": ["01/05/2024", "01/08/2024", "01/06/2024"]}
    )
    joined = derived_joined({"episodes": episodes, "header": pl.DataFrame()}, frames)
    assert joined["episodes"].rows() == [
        ("C1", "01/05/2024", LA, "IN", "2.0"),
        ("C1", "01/08/2024", ELSEWHERE, "OUT", "12.3"),
        ("C9", "01/06/2024", None, None, None),
    ]
    assert set(joined) == {"episodes", "header"}


def test_distance_is_written_to_one_decimal_place() -> None:
    miles = pl.Series([0.0, 0.04, 3.0, 12.25, 340.0, None])
    written = pl.select(distance_text(pl.lit(miles))).to_series().to_list()
    assert written == ["0.0", "0.0", "3.0", "12.3", "340.0", None]
