"""Where a scorecard's frames come from: the database, a frames folder, or statutory files.

An analyst with only last year's returns gets the whole pack: `--from` takes a folder of
journey frames (`lineofsight frames-export` or `synth --out` writes one: a Parquet file per
table) or statutory files in any mix — a CIN census XML, SSDA903 CSVs (or its XML), an Ofsted
Annex A workbook — read and matched exactly as an import would, but only into memory.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import polars as pl

from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.journey.domain.frames import empty_frame, frames_read_parquet
from lineofsight.returns.detect import returns_read
from lineofsight.returns.matching import frames_merged

Frames = dict[str, pl.DataFrame]


class SourceError(ValueError):
    """Frames could not be read from what was given; says which file or folder and why."""


def frames_from_database() -> Frames:
    from lineofsight.journey.frames_db import frames_extract

    return dict(frames_extract())


def _is_frames_folder(path: Path) -> bool:
    return path.is_dir() and any((path / f"{name}.parquet").exists() for name in TABLES)


def frames_from_paths(paths: Sequence[Path]) -> tuple[Frames, str]:
    """Frames from a frames folder or from statutory files, and a description of the source."""
    if not paths:
        raise SourceError("--from needs a frames folder or statutory files")
    for path in paths:
        if not path.exists():
            raise SourceError(f"{path}: no such file or folder")
    if len(paths) == 1 and _is_frames_folder(paths[0]):
        return frames_read_parquet(paths[0], TABLES), f"journey frames in {paths[0]}"
    reads = returns_read(list(paths))
    if not reads:
        raise SourceError(f"{', '.join(map(str, paths))}: no CIN census, SSDA903 or Annex A found")
    held: Frames = {name: empty_frame(table) for name, table in TABLES.items()}
    for read in reads:
        for name, frame in frames_merged(read, held).items():
            key = TABLES[name].key
            kept = held[name].join(frame.select(key), on=key, how="anti")
            held[name] = pl.concat([kept, frame.select(held[name].columns)], how="vertical")
    titles = "; ".join(
        f"{read.title} ({', '.join(p.name for p in read.sources)})" for read in reads
    )
    return held, f"statutory files: {titles}"
