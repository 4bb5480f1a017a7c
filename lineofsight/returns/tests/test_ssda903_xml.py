"""SSDA903 in its XML form (CLA.xsd): written valid, read back the same as the CSV tables."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.returns.domain.errors import ReturnError
from lineofsight.returns.ssda903.export import ssda903_tables, ssda903_write
from lineofsight.returns.ssda903.import_ import ssda903_read
from lineofsight.returns.ssda903.xml_form import (
    XSD_PATH,
    ssda903_xml_build,
    ssda903_xml_read,
    ssda903_xml_tables,
    ssda903_xml_write,
)
from lineofsight.returns.tests.test_ssda903_export import _child, _episode, journey_frames
from lineofsight.synth.council import SyntheticCouncil


@pytest.fixture(scope="module")
def walsall_xml(walsall: SyntheticCouncil, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("xml") / "ssda903-2017.xml"
    ssda903_xml_write(walsall.frames, year=2017, out=out)
    return out


def _without_where(tables: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    return {name: frame.drop("_where") for name, frame in tables.items()}


def test_xmllint_finds_the_file_valid(walsall_xml: Path) -> None:
    # lxml validates every file we write; xmllint (installed by `make test`) checks apart.
    xmllint = shutil.which("xmllint")
    assert xmllint is not None, "make test installs libxml2-utils for xmllint"
    done = subprocess.run(
        [xmllint, "--noout", "--schema", str(XSD_PATH), str(walsall_xml)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "validates" in done.stderr


def test_the_xml_holds_the_same_tables_as_the_csv(
    walsall: SyntheticCouncil, walsall_xml: Path
) -> None:
    written = ssda903_tables(walsall.frames, year=2017)
    read = _without_where(ssda903_xml_tables(walsall_xml))
    assert set(read) == set(written)
    for name, frame in written.items():
        # The XML nests per child, so rows come back child by child: compare sorted.
        columns = frame.columns
        assert_frame_equal(read[name].sort(columns), frame.sort(columns), check_dtypes=False)
    assert written["episodes"].height > 500  # a real return, not an empty one


def test_export_import_export_gives_the_same_file(walsall_xml: Path, tmp_path: Path) -> None:
    read = ssda903_xml_read(walsall_xml)
    assert read.year == 2017
    again = tmp_path / "again.xml"
    ssda903_xml_write(read.frames, year=2017, out=again)
    assert again.read_bytes() == walsall_xml.read_bytes()


def test_the_xml_and_the_csv_give_the_same_records(
    walsall: SyntheticCouncil, walsall_xml: Path, tmp_path: Path
) -> None:
    ssda903_write(walsall.frames, year=2017, out=tmp_path / "csv")
    from_csv = ssda903_read([tmp_path / "csv"]).frames
    from_xml = ssda903_xml_read(walsall_xml).frames
    for name, frame in from_csv.items():
        key = TABLES[name].key
        assert_frame_equal(from_xml[name].sort(key), frame.sort(key), check_row_order=False)


def test_a_return_asked_for_another_year_is_refused(walsall_xml: Path) -> None:
    with pytest.raises(ReturnError, match=r"ssda903-2017\.xml: this is the return for 2016-17"):
        ssda903_xml_read(walsall_xml, year=2018)


def test_placement_codes_too_long_for_the_xml_are_refused() -> None:
    frames = journey_frames(
        child=[_child("Z1", "2010-01-01", sex="M")],
        cla_episode=[_episode("z", "Z1", "2025-06-01", placement_type="Z11")],
    )
    tables = ssda903_tables(frames, year=2026)
    with pytest.raises(ReturnError, match=r"Z11 do not fit the XML form.*CHILD Z1.*CSV form"):
        ssda903_xml_build(tables, year=2026)


def test_social_worker_episodes_have_no_place_in_the_xml() -> None:
    frames = journey_frames(
        child=[_child("S1", "2010-01-01", sex="M")],
        cla_episode=[_episode("s", "S1", "2023-06-01")],
        allocation=[
            {
                "key": "w1",
                "child_id": "S1",
                "worker_id": "SW1",
                "team_id": "T",
                "role": "social_worker",
                "started_on": "2023-06-01",
                "change_reason": "FCONTA",
            }
        ],
    )
    tables = ssda903_tables(frames, year=2024)
    with pytest.raises(ReturnError, match=r"no place for the social_worker table \(1 rows\)"):
        ssda903_xml_build(tables, year=2024)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda text: text[: len(text) // 2], r"line \d+, column \d+: not well-formed XML"),
        (
            lambda text: text.replace("<DOB>", "<DOB>x", 1),
            r"not valid against CLA\.xsd: line \d+, /EXPSSDA903/CHILD\[1\]/HEADER/DOB "
            r"\(CHILDID \w+\).*pattern",
        ),
        (
            lambda text: text.replace("<EXPSSDA903>", "<EXPSSDA903><SURPRISE/>", 1),
            r"not valid against CLA\.xsd.*SURPRISE",
        ),
        (lambda text: "  \n", r"line 1: the file is empty"),
    ],
)
def test_bad_xml_is_named_by_line_and_element(
    walsall_xml: Path, tmp_path: Path, change, message: str
) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text(change(walsall_xml.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ReturnError, match=rf"bad\.xml: .*{message}"):
        ssda903_xml_read(bad)


def test_a_non_utf8_file_is_refused_with_its_line(walsall_xml: Path, tmp_path: Path) -> None:
    bad = tmp_path / "latin1.xml"
    text = walsall_xml.read_text(encoding="utf-8")
    bad.write_bytes(text.replace("<UPN>", "<UPN>\xe9", 1).encode("latin-1"))
    with pytest.raises(ReturnError, match=r"latin1\.xml: line \d+, byte \d+: not UTF-8"):
        ssda903_xml_read(bad)
