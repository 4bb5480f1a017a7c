"""Timings for DfE validation (issue 6's targets) on synthetic Birmingham.

    .venv/bin/python benchmarks/validation.py               # median of 3

Targets: the CIN census of a large council validated in under 3 s (read from its XML into the
flattened tables, then every rule), and its SSDA903 return with the previous year's in under
3 s (the CSV tables read and typed, then every rule); peak memory reported. The SSDA903 run
uses 2017-18 with 2016-17 as the previous year, the first pair both inside the years the
returns are written for.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _memory import PeakMemory

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--la", default="Birmingham")
    parser.add_argument("--year", type=int, default=2017)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    _census(args)
    _ssda903(args)


def _ssda903(args: argparse.Namespace) -> None:
    from lineofsight.returns.ssda903.export import ssda903_write
    from lineofsight.synth.council import synthesise_council
    from lineofsight.validation.files import ssda903_validated

    year = args.year + 1
    frames = synthesise_council(la=args.la, year=year, seed=1).frames
    with tempfile.TemporaryDirectory() as scratch:
        current, previous = Path(scratch) / "current", Path(scratch) / "previous"
        ssda903_write(frames, year=year, out=current)
        ssda903_write(frames, year=year - 1, out=previous)
        del frames
        times: list[float] = []
        with PeakMemory() as memory:
            for _ in range(args.repeat):
                started = time.perf_counter()
                _, validation = ssda903_validated([current], year=year, previous=[previous])
                times.append(time.perf_counter() - started)
        print(
            f"  {args.la} SSDA903 {year} with {year - 1}: validated in median "
            f"{statistics.median(times):.2f} s of {args.repeat} "
            f"({', '.join(f'{t:.2f}' for t in times)}) — target < 3 s; "
            f"{validation.errors.height:,} errors, {len(validation.skipped)} rules skipped; "
            f"peak RSS {memory.peak / 2**30:.2f} GiB"
        )


def _census(args: argparse.Namespace) -> None:
    from lineofsight.returns.cin_census.export import cin_census_write
    from lineofsight.synth.council import synthesise_council
    from lineofsight.validation.files import census_validated

    council = synthesise_council(la=args.la, year=args.year, seed=1)
    with tempfile.TemporaryDirectory() as scratch:
        census = Path(scratch) / "cin.xml"
        written = cin_census_write(council.frames, year=args.year, out=census, la_number="330")
        del council
        times: list[float] = []
        with PeakMemory() as memory:
            for _ in range(args.repeat):
                started = time.perf_counter()
                _, validation = census_validated([census], year=args.year)
                times.append(time.perf_counter() - started)
        print(
            f"  {args.la} CIN census {args.year} ({written.split(' to ')[0]}): validated in "
            f"median {statistics.median(times):.2f} s of {args.repeat} "
            f"({', '.join(f'{t:.2f}' for t in times)}) — target < 3 s; "
            f"{validation.errors.height:,} errors, {validation.queries.height:,} queries, "
            f"{len(validation.skipped)} rules skipped; peak RSS {memory.peak / 2**30:.2f} GiB"
        )


if __name__ == "__main__":
    main()
