"""`lineofsight validate` with Ofsted's provider list (--providers), the council's ONS code
(--la-code), and SSDA903 episodes files carrying DfE's derived placement columns."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from lineofsight.returns.ssda903.export import ssda903_write
from lineofsight.returns.tests.test_ssda903_export import _child, _episode, journey_frames
from lineofsight.validation.ssda903.providers import PROVIDER_COLUMNS
from lineofsight.validation.tests.test_validate_command import run

LA = "E08000030"
PLACEMENT: dict[str, Any] = {
    "urn": "SC123456",
    "placement_postcode": "WS2 2BB",
    "home_postcode": "WS1 1AA",
    "placement_la": LA,
    "placement_location": "IN",
    "distance_miles": 1.2,
}


def _frames() -> dict[str, pl.DataFrame]:
    return journey_frames(
        child=[_child("C1", "2010-01-01")],
        cla_episode=[_episode("e", "C1", "2016-06-01", **PLACEMENT)],
    )


@pytest.fixture
def return_903(tmp_path: Path) -> Path:
    folder = tmp_path / "903"
    ssda903_write(_frames(), year=2017, out=folder)
    return folder


def _providers(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ofsted-providers.csv"
    path.write_text(text, encoding="utf-8")
    return path


HEADER = ",".join(PROVIDER_COLUMNS)


def _report(*args: str) -> tuple[int, dict[str, Any]]:
    code, out, _ = run(*args, "--format", "json")
    return code, json.loads(out)


def _rules(report: dict[str, Any]) -> set[str]:
    return {failure["rule"] for failure in report["failures"]}


def test_a_provider_list_makes_the_urn_rules_run(return_903: Path, tmp_path: Path) -> None:
    _, without = _report(str(return_903))
    assert {"219", "224", "1008"} <= set(without["skipped"])
    right = _providers(tmp_path, f"{HEADER}\nSC123456,U4,PR1,WS2 2BB,{LA},01/04/2010,\n")
    _, report = _report(str(return_903), "--providers", str(right))
    assert not {"219", "221", "224", "227", "228", "1008"} & set(report["skipped"])
    assert not {"219", "224", "1008"} & _rules(report)
    assert "229" in report["skipped"]  # it needs the council's code too
    wrong = _providers(tmp_path, f"{HEADER}\nsc123456,U6,PR1,WS2 2BB,{LA},,\n")
    _, report = _report(str(return_903), "--providers", str(wrong), "--la-code", LA)
    failure = next(f for f in report["failures"] if f["rule"] == "219")
    assert failure["child_id"] == "C1"
    assert failure["values"] == "PLACE=U4; URN=SC123456; PLACE_CODES=U6"
    assert "229" not in report["skipped"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (f"{HEADER}\nSC1,U4,PR1,WS2 2BB,{LA},,\n\nSC2,U4,PR1,,,31/02/2020,\n", "line 4: REG_DATE"),
        ("URN,PLACE_CODES\nSC1,U4\n", "line 1: no column PROVIDER_CODES"),
        ("", "line 1: the file is empty"),
    ],
)
def test_a_bad_provider_list_exits_2_naming_the_file_and_line(
    return_903: Path, tmp_path: Path, text: str, message: str
) -> None:
    path = _providers(tmp_path, text)
    code, _, err = run(str(return_903), "--providers", str(path))
    assert code == 2
    assert f"ofsted-providers.csv: {message}" in err, err


def test_a_missing_provider_list_exits_2(return_903: Path, tmp_path: Path) -> None:
    code, _, err = run(str(return_903), "--providers", str(tmp_path / "none.csv"))
    assert code == 2
    assert "none.csv" in err


def _with_derived(folder: Path, **values: str) -> None:
    """Add DfE's derived columns to the episodes file, as its derived extract has them."""
    path = folder / "episodes.csv"
    episodes = pl.read_csv(path, infer_schema=False)
    derived = {"PL_LA": LA, "PL_LOCATION": "IN", "PL_DISTANCE": "1.2"} | values
    episodes.with_columns(pl.lit(v).alias(k) for k, v in derived.items()).write_csv(path)


def test_derived_columns_in_an_episodes_file_are_read_for_the_rules(return_903: Path) -> None:
    _, before = _report(str(return_903))
    assert {"169", "179", "392a", "411"} <= set(before["skipped"])
    _with_derived(return_903, PL_LA="E08000031")
    _, report = _report(str(return_903))
    assert not {"164", "169", "179", "392a", "420"} & set(report["skipped"])
    assert {"411", "1015"} <= set(report["skipped"])  # they need the council's code
    _, report = _report(str(return_903), "--la-code", LA)
    assert not {"411", "1015"} & set(report["skipped"])
    failure = next(f for f in report["failures"] if f["rule"] == "411")
    assert (failure["table"], failure["row"]) == ("Episodes", 0)
    assert failure["values"] == "PL_LOCATION=IN; PL_LA=E08000031"


def test_a_bad_derived_value_points_at_its_file_line(return_903: Path) -> None:
    _with_derived(return_903, PL_DISTANCE="far")
    _, report = _report(str(return_903))
    failure = next(f for f in report["failures"] if f["rule"] == "164")
    assert failure["values"] == "PL_DISTANCE=far"
    assert failure["row"] == 0


def test_a_malformed_la_code_exits_2(return_903: Path) -> None:
    code, _, err = run(str(return_903), "--la-code", "Walsall")
    assert code == 2
    assert "--la-code 'Walsall' is not an ONS code" in err


def test_the_census_takes_no_provider_list(tmp_path: Path) -> None:
    from lineofsight.returns.cin_census.export import cin_census_write
    from lineofsight.returns.tests.conftest import one_child_frames
    from lineofsight.validation.tests.test_validate_command import STAMP

    census = tmp_path / "cin.xml"
    cin_census_write(one_child_frames(), year=2017, out=census, la_number="335", generated_at=STAMP)
    code, _, err = run(str(census), "--la-code", LA)
    assert code == 2
    assert "are for SSDA903 returns" in err


@pytest.mark.django_db
def test_the_records_return_carries_the_derived_fields_and_the_councils_code() -> None:
    import datetime as dt

    from lineofsight.core.models import Council
    from lineofsight.journey.models import CLAEpisode
    from lineofsight.timescales.tests.scenarios import child_create

    Council.objects.create(name="Walsall", la_code=LA, reference_date=dt.date(2017, 3, 31))
    child = child_create("C1", "Sam", "Green")
    CLAEpisode.objects.create(
        key="e",
        child=child,
        started_on=dt.date(2016, 6, 1),
        reason_new="S",
        legal_status="C2",
        category_of_need="N1",
        placement_type="U4",
        placement_provider="PR1",
        **PLACEMENT,
    )
    _, report = _report("--return", "ssda903", "--year", "2017")
    assert not {"164", "169", "179", "392a", "411", "420", "1015"} & set(report["skipped"])
    assert not {"169", "179", "392a", "411"} & _rules(report)
    _, report = _report("--return", "ssda903", "--year", "2017", "--la-code", "E08000031")
    assert "411" in _rules(report)  # placed IN, but not in the council given


def test_extra_columns_are_put_back_on_the_lines_they_came_from(return_903: Path) -> None:
    from lineofsight.validation.ssda903.tables import ssda903_return_from_files

    _with_derived(return_903, PL_DISTANCE="3.4")
    episodes = return_903 / "episodes.csv"
    lines = episodes.read_text(encoding="utf-8").splitlines()
    episodes.write_text("\n".join([lines[0], "", *lines[1:]]) + "\n", encoding="utf-8")
    header = return_903 / "header.csv"
    lines = header.read_text(encoding="utf-8").splitlines()
    header.write_text(
        "\n".join([f"{lines[0]},UASC", *(f"{line},2" for line in lines[1:])]) + "\n",
        encoding="utf-8",
    )
    ret = ssda903_return_from_files([return_903])
    first = ret.table("Episodes").row(0, named=True)
    assert (first["_where"], first["PL_DISTANCE"], first["PL_LA"]) == (
        "episodes.csv line 3",
        "3.4",
        LA,
    )
    assert ret.table("Header")["UASC"].to_list() == ["2"]
    _, report = _report(str(return_903))
    assert "105" not in report["skipped"]
    assert "105" in _rules(report)
