"""Synthesised councils shared by every app's tests (each built once per test session)."""

from __future__ import annotations

from functools import lru_cache

import pytest

from lineofsight.synth.council import SyntheticCouncil, synthesise_council


@lru_cache(maxsize=8)
def council(la: str, year: int = 2017, seed: int = 1) -> SyntheticCouncil:
    return synthesise_council(la=la, year=year, seed=seed)


@pytest.fixture(scope="session")
def walsall() -> SyntheticCouncil:
    return council("Walsall")
