"""The LAIT reader finds a council's published figures, by LA number or by name."""

from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest
from pytest_django.fixtures import Settings

from lineofsight.core import lait
from lineofsight.core.lait import LAIT_PATH, lait_value


@pytest.fixture
def shared_data(tmp_path: Path, settings: Settings) -> Iterator[Path]:
    """A tiny LAIT file in the real file's shape (synthetic values)."""
    path = tmp_path / LAIT_PATH
    path.parent.mkdir(parents=True)
    pl.DataFrame(
        {
            "Short Desc": ["CIN", "CIN", "LAC", "CPP_rate", "RTA"],
            "Data item": [None] * 5,
            "Years": ["2017", "2018", "2017", "2017", "2014-16"],
            "LA and Regions": ["Testshire", "Testshire", "Testshire", "Testshire", "Testshire"],
            "Values": ["401.5", "c", "88", None, "12.1"],
            "LA Number": [999.0, 999.0, 999.0, 999.0, 999.0],
            "Region": ["Nowhere"] * 5,
        }
    ).write_parquet(path)
    settings.SHARED_DATA_DIR = tmp_path
    lait.lait_cache_clear()
    yield tmp_path
    lait.lait_cache_clear()


def test_value_by_la_number(shared_data: Path) -> None:
    assert lait_value(la_number="999", la_name="", year=2017, measure="CIN") == 401.5
    assert lait_value(la_number="999", la_name="", year=2017, measure="LAC") == 88


def test_value_by_name_when_the_number_is_unknown(shared_data: Path) -> None:
    assert lait_value(la_number="", la_name=" testshire ", year=2017, measure="CIN") == 401.5


def test_suppressed_missing_or_absent_values_are_none(shared_data: Path) -> None:
    assert lait_value(la_number="999", la_name="", year=2018, measure="CIN") is None  # "c"
    assert lait_value(la_number="999", la_name="", year=2017, measure="CPP_rate") is None
    assert lait_value(la_number="999", la_name="", year=2016, measure="CIN") is None
    assert lait_value(la_number="111", la_name="Elsewhere", year=2017, measure="CIN") is None


def test_missing_file_gives_none(settings: Settings, tmp_path: Path) -> None:
    settings.SHARED_DATA_DIR = tmp_path / "nowhere"
    lait.lait_cache_clear()

    assert lait_value(la_number="999", la_name="", year=2017, measure="CIN") is None
    lait.lait_cache_clear()


def test_only_known_measures_are_read() -> None:
    with pytest.raises(ValueError, match="not one of the LAIT measures"):
        lait_value(la_number="999", la_name="", year=2017, measure="RTA")
