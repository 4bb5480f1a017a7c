"""State shared by the table builders of one synthetic council."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from lineofsight.core.domain.published import CouncilFigures, CouncilInfo
from lineofsight.synth.dates import NA, Bools, Days, Ints, add_years, day
from lineofsight.synth.skeleton import Skeleton
from lineofsight.synth.targets import Targets

STREAMS = (
    "skeleton",
    "frontdoor",
    "people",
    "workforce",
    "allocation",
    "cin",
    "care",
    "visits",
    "oversight",
    "relationships",
    "leavers",
    "young_people",  # last: a stream added later leaves the earlier streams' draws alone
)


@dataclass
class Children:
    """Every child known to the council: skeleton children first, then contact-only ones."""

    dob: Days
    uasc: Bools
    disabled: Bools
    unborn_at_reference: Bools
    sex: Ints = field(default_factory=lambda: np.zeros(0, np.int64))  # 0 M, 1 F, 2 U
    keys: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=object))
    home_postcode: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=str))

    def __len__(self) -> int:
        return len(self.dob)

    @property
    def b18(self) -> Days:
        return add_years(self.dob, 18)


@dataclass
class Context:
    info: CouncilInfo
    figures: CouncilFigures
    targets: Targets
    year: int
    seed: int
    reference: int  # day number of 31 March `year`
    window_start: int  # day number of 1 April, `history_years` earlier
    rngs: dict[str, np.random.Generator]
    skeleton: Skeleton
    area: str
    children: Children | None = None
    frames: dict[str, pl.DataFrame] = field(default_factory=dict)

    @property
    def reference_date(self) -> dt.date:
        return dt.date(self.year, 3, 31)

    def rng(self, stream: str) -> np.random.Generator:
        return self.rngs[stream]

    def clip(self, end: Days) -> Days:
        """End dates after 31 March are not known yet."""
        return np.where(end > self.reference, NA, end)

    def in_window(self, days: Days) -> Bools:
        result: Bools = (days != NA) & (days >= self.window_start) & (days <= self.reference)
        return result

    def code_year(self, days: Days) -> Ints:
        """The collection year (ending 31 March) a date falls in."""
        as_dates = days.astype("datetime64[D]")
        year = as_dates.astype("datetime64[Y]").astype(np.int64) + 1970
        month = (as_dates.astype("datetime64[M]").astype(np.int64) % 12) + 1
        return np.where(month >= 4, year + 1, year)

    @property
    def collection_from(self) -> dict[str, int]:
        """First day of collection years that changed a code list."""
        return {
            "E45": day(dt.date(2018, 4, 1)),
            "F4": day(dt.date(2021, 4, 1)),
            "RC9": day(dt.date(2023, 4, 1)),
            "18B": day(dt.date(2020, 4, 1)),
            "24A": day(dt.date(2021, 4, 1)),
        }


def make_rngs(seed: int) -> dict[str, np.random.Generator]:
    """Independent, reproducible streams: one per builder, from one seed."""
    children = np.random.SeedSequence(seed).spawn(len(STREAMS))
    return {
        name: np.random.Generator(np.random.PCG64(seq))
        for name, seq in zip(STREAMS, children, strict=True)
    }
