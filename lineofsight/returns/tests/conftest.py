"""Small journey records the returns tests share: one child in need, looked after."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl

from lineofsight.timescales.tests.builders import D, journey_frames

CHILD = {
    "child_id": "C1",
    "given_name": "Sam",
    "family_name": "Green",
    "sex": "M",
    "ethnicity": "WBRI",
    "is_uasc": False,
    "motherhood_recorded": False,
    "born_on": D(2010, 5, 1),
}
REFERRAL = {
    "key": "R1",
    "child_id": "C1",
    "referred_on": D(2016, 6, 1),
    "source": "1A",
    "is_nfa": False,
    "primary_need": "N1",
}


def one_child_frames(**more: list[dict[str, Any]]) -> dict[str, pl.DataFrame]:
    """Child C1, referred on 1 June 2016, plus whatever other tables a test adds."""
    return journey_frames(child=[CHILD], referral=[REFERRAL], **more)


def frames_folder_write(frames: dict[str, pl.DataFrame], folder: Path) -> Path:
    """The frames as a folder of Parquet files, as `--from DIR` reads them."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in frames.items():
        frame.write_parquet(folder / f"{name}.parquet")
    return folder
