"""Every council in England, synthesised in a process pool and written as Parquet.

Each council gets its own seed, derived from the run's seed and its LA number, so one
council's output does not depend on which others were run or in what order. Workers write
their council's frames themselves and send back only a line of row counts.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from pathlib import Path

import numpy as np
import polars as pl
from tqdm import tqdm

from lineofsight.core.domain.published import (
    CouncilFigures,
    CouncilInfo,
    all_councils,
    council_figures,
)
from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.journey.domain.frames import frames_write_parquet
from lineofsight.synth.council import synthesise

Job = tuple[CouncilInfo, CouncilFigures, int, int, int, str]


def council_seed(seed: int, la_number: str) -> int:
    """A council's seed: a function of the run's seed and the council's LA number only."""
    state = np.random.SeedSequence([seed, int(la_number)]).generate_state(1, dtype=np.uint32)
    return int(state[0])


def council_directory(info: CouncilInfo) -> str:
    return f"{info.la_number}-{info.slug}"


def _work(job: Job) -> dict[str, object]:
    info, figures, year, seed, history_years, out = job
    council = synthesise(info, figures, year=year, seed=seed, history_years=history_years)
    directory = Path(out) / council_directory(info)
    frames_write_parquet(directory, council.frames)
    counts = {name: frame.height for name, frame in council.frames.items()}
    del council
    return {
        "name": info.name,
        "la_number": info.la_number,
        "la_code": info.la_code,
        "region": info.region,
        "directory": council_directory(info),
        "seed": seed,
        **counts,
    }


def synthesise_england(
    *,
    year: int,
    seed: int,
    out: Path,
    processes: int = 2,
    progress: Callable[[str], None] | bool | None = None,
    history_years: int = 6,
    councils: list[CouncilInfo] | None = None,
) -> list[Path]:
    """Synthesise every council with figures for `year`; returns the directories written.

    `out/<la_number>-<slug>/` holds each council's frames; `out/councils.parquet` lists the
    councils with their directory, seed and row counts. With `progress` (True, or a
    callable that also receives a line per council) a tqdm bar shows the councils done.
    """
    show = bool(progress)
    report = progress if callable(progress) else None
    out.mkdir(parents=True, exist_ok=True)
    chosen = councils if councils is not None else all_councils(year)
    jobs: list[Job] = []
    for info in chosen:
        figures = council_figures(info, year)
        jobs.append(
            (info, figures, year, council_seed(seed, info.la_number), history_years, str(out))
        )
    # Largest first, so the pool is not left waiting on one big council at the end.
    jobs.sort(key=lambda job: -job[1].population * (job[1].referral_rate + 1))
    rows: list[dict[str, object]] = []
    bar = tqdm(total=len(jobs), unit="council", disable=not show, desc="England")
    try:
        if processes <= 1:
            for job in jobs:
                rows.append(_work(job))
                _report(bar, report, rows[-1])
        else:
            context = multiprocessing.get_context("spawn")
            with context.Pool(processes=processes, maxtasksperchild=8) as pool:
                for row in pool.imap_unordered(_work, jobs, chunksize=1):
                    rows.append(row)
                    _report(bar, report, row)
    finally:
        bar.close()
    rows.sort(key=lambda row: str(row["la_number"]))
    listing = pl.DataFrame(
        rows,
        schema={
            "name": pl.String,
            "la_number": pl.String,
            "la_code": pl.String,
            "region": pl.String,
            "directory": pl.String,
            "seed": pl.Int64,
            **dict.fromkeys(TABLES, pl.Int64),
        },
    )
    listing.write_parquet(out / "councils.parquet")
    return [out / str(row["directory"]) for row in rows]


def _report(bar: tqdm, progress: Callable[[str], None] | None, row: dict[str, object]) -> None:
    bar.update(1)
    if progress is not None:
        progress(f"{row['name']}: {row['referral']} referrals written to {row['directory']}")


def default_processes() -> int:
    return max(1, min(2, os.cpu_count() or 1))
