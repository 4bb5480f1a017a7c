"""England mode: one directory per council and a listing, from a worker pool."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from lineofsight.core.domain.published import find_council
from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.journey.domain.frames import frames_read_parquet
from lineofsight.synth.england import council_seed, synthesise_england

pytestmark = pytest.mark.slow


def test_england_writes_each_council_and_a_listing(tmp_path: Path) -> None:
    councils = [find_council("City of London"), find_council("Rutland")]
    written = synthesise_england(year=2017, seed=3, out=tmp_path, processes=2, councils=councils)
    assert sorted(path.name for path in written) == ["201-city-of-london", "857-rutland"]
    listing = pl.read_parquet(tmp_path / "councils.parquet")
    assert listing["la_number"].to_list() == ["201", "857"]
    assert listing["seed"].to_list() == [council_seed(3, "201"), council_seed(3, "857")]
    rutland = frames_read_parquet(tmp_path / "857-rutland", TABLES)
    assert (
        rutland["referral"].height
        == listing.filter(pl.col("la_number") == "857")["referral"].item()
    )
