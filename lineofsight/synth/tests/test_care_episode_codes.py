"""Synthetic Kent's episodes say what changed: RNE L is a new legal status in the same
placement, P/T a new placement under the same legal status, B/U both (rules 434-436), and an
SGO to former foster carers ends a foster placement (516)."""

from __future__ import annotations

import polars as pl
import pytest

from lineofsight.conftest import council
from lineofsight.synth.council import SyntheticCouncil
from lineofsight.validation.engine.run import validate
from lineofsight.validation.ssda903.records import records_return
from lineofsight.validation.ssda903.rules import SSDA903_RULES

RULES = ("434", "435", "436", "516")
PLACEMENT = ("placement_type", "placement_provider", "placement_postcode", "urn")


@pytest.fixture(scope="module")
def kent_2020() -> SyntheticCouncil:
    return council("Kent", 2020)


@pytest.mark.parametrize("year", [2019, 2020])
def test_episodes_pass_the_change_and_sgo_rules(kent_2020: SyntheticCouncil, year: int) -> None:
    ret = records_return(kent_2020.frames, year=year, la_code=kent_2020.info.la_code)
    failures = validate(ret, [SSDA903_RULES[code] for code in RULES]).failures
    assert failures.is_empty(), failures.select("rule", "child_id").head(10)


def test_every_episode_reason_matches_the_change(kent_2020: SyntheticCouncil) -> None:
    """Over the whole history, not just the returns' years."""
    same_child = pl.col("child_id") == pl.col("child_id").shift(1)
    moved = pl.any_horizontal(pl.col(c).ne_missing(pl.col(c).shift(1)) for c in PLACEMENT)
    legal = pl.col("legal_status").ne_missing(pl.col("legal_status").shift(1))
    episodes = (
        kent_2020.frames["cla_episode"]
        .sort("child_id", "started_on")
        .with_columns(moved.alias("moved"), legal.alias("legal"))
        .filter(same_child & (pl.col("reason_new") != "S"))
    )
    expected = (
        pl.when(pl.col("moved") & pl.col("legal"))
        .then(pl.col("reason_new").is_in(["B", "U"]))
        .when(pl.col("moved"))
        .then(pl.col("reason_new").is_in(["P", "T"]))
        .when(pl.col("legal"))
        .then(pl.col("reason_new") == "L")
        .otherwise(pl.lit(value=False))
    )
    bad = episodes.filter(~expected)
    assert bad.is_empty(), bad.select("child_id", "started_on", "reason_new", *PLACEMENT)
