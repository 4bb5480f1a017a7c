"""Timings for the synthetic-council generator.

    .venv/bin/python benchmarks/synth_frames.py                 # Walsall 2017: median of 3
    .venv/bin/python benchmarks/synth_frames.py --england       # also every council in England

The England run writes Parquet to a temporary directory (or --out) and reports the wall time
and the peak resident memory of the whole process tree (this process and its workers,
sampled every 0.2 s), plus the largest single worker.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

from _memory import PeakMemory


def council(la: str, year: int, seed: int, repeat: int) -> None:
    from lineofsight.core.domain.published import council_figures, find_council
    from lineofsight.journey.domain.headline import headline_counts
    from lineofsight.synth.council import synthesise_council

    council_figures(find_council(la), year)  # read the published files once
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = synthesise_council(la=la, year=year, seed=seed)
        times.append(time.perf_counter() - start)
    assert result is not None
    rows = sum(frame.height for frame in result.frames.values())
    print(
        f"{la} {year} seed {seed}: median {statistics.median(times):.2f} s of {repeat} "
        f"({', '.join(f'{t:.2f}' for t in times)}); {rows:,} rows in {len(result.frames)} frames"
    )
    with tempfile.TemporaryDirectory() as directory:
        start = time.perf_counter()
        result.write_parquet(Path(directory))
        print(f"  write Parquet: {time.perf_counter() - start:.2f} s")
    counts = headline_counts(result.frames, result.reference_date)
    population = result.figures.population
    for key, published in (
        ("children_in_need", result.figures.cin_rate),
        ("on_cp_plan", result.figures.cpp_rate),
        ("looked_after", result.figures.cla_rate),
    ):
        rate = counts[key] * 10_000 / population
        print(f"  {key}: {counts[key]:,} = {rate:.1f} per 10k (published {published})")


def england(year: int, seed: int, processes: int, out: Path | None) -> None:
    from lineofsight.synth.england import synthesise_england

    with tempfile.TemporaryDirectory() as scratch:
        target = out or Path(scratch)
        start = time.perf_counter()
        with PeakMemory() as memory:
            written = synthesise_england(
                year=year, seed=seed, out=target, processes=processes, progress=True
            )
        elapsed = time.perf_counter() - start
        size = sum(f.stat().st_size for f in target.rglob("*.parquet"))
        worker_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"England {year}: {len(written)} councils in {elapsed / 60:.1f} min "
            f"with {processes} processes; {size / 2**30:.2f} GiB of Parquet"
        )
        print(
            f"  peak RSS of the process tree: {memory.peak / 2**30:.2f} GiB; "
            f"largest worker: {worker_peak / 1024:.2f} GiB"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--la", default="Walsall")
    parser.add_argument("--year", type=int, default=2017)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--england", action="store_true", help="also time every council")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--out", type=Path, help="keep the England output here")
    args = parser.parse_args()
    council(args.la, args.year, args.seed, args.repeat)
    if args.england:
        england(args.year, args.seed, args.processes, args.out)


if __name__ == "__main__":
    main()
