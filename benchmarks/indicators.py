"""Timings for the indicator engine and board packs (issue 7's targets).

    .venv/bin/python benchmarks/indicators.py                   # Walsall 2017 and the PDF pack
    .venv/bin/python benchmarks/indicators.py --england DIR     # also every council in DIR

Targets: every indicator x 36 months x every team for synthetic Walsall 2017 in under 3 s;
every council in `lineofsight synth --la England --out DIR` frames, one financial year, in
under 60 s with peak memory under 8 GB; the PDF board pack in under 10 s.

The Walsall figure is the whole registry run over 36 monthly periods (the timescale engine
included, once, for the timeliness measures), then the values for the council and for every
team in every month. The England run reads each council's frames in a pool of worker
processes and computes every indicator for 2016-17 with its comparators' population.
The PDF figure builds the monthly performance board (its 12-point trends and comparators) and
renders it with WeasyPrint.
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import os
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from _memory import PeakMemory

ROOT = Path(__file__).resolve().parent.parent


def _django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()


def walsall(repeat: int) -> None:
    from lineofsight.indicators.definitions import REGISTRY
    from lineofsight.indicators.domain.engine import indicator_values, indicators_run
    from lineofsight.indicators.domain.periods import period_parse, periods_back
    from lineofsight.synth.council import synthesise_council

    frames = synthesise_council(la="Walsall", year=2017, seed=1).frames
    definitions = list(REGISTRY.values())
    months = periods_back(period_parse("2017-03"), 36)
    population = dict.fromkeys((p.label for p in months), 66_044)
    times = []
    values = None
    rows = None
    for _ in range(repeat):
        start = time.perf_counter()
        rows = indicators_run(frames, definitions, months)
        council = indicator_values(rows, definitions, population=population)
        values = indicator_values(rows, definitions, by=("team",))
        times.append(time.perf_counter() - start)
    assert values is not None
    assert rows is not None
    teams = values["team"].n_unique()
    print(
        f"Walsall 2017: {len(definitions)} indicators x {len(months)} months x {teams} teams "
        f"({rows.height:,} counted rows; {council.height:,} council and {values.height:,} team "
        f"values) in median {statistics.median(times):.2f} s of {repeat} "
        f"({', '.join(f'{t:.2f}' for t in times)}) — target < 3 s"
    )


def _one_council(directory: Path) -> tuple[str, int, float]:
    from lineofsight.core.domain.published import child_population
    from lineofsight.indicators.definitions import REGISTRY
    from lineofsight.indicators.domain.engine import (
        indicator_values,
        indicators_run,
        tables_needed,
    )
    from lineofsight.indicators.domain.periods import financial_year
    from lineofsight.journey.domain.frame_schema import TABLES
    from lineofsight.journey.domain.frames import frames_read_parquet

    start = time.perf_counter()
    definitions = list(REGISTRY.values())
    # Only the tables the indicators, the timescale engine and attribution read.
    wanted = {name: TABLES[name] for name in tables_needed(definitions)}
    frames = frames_read_parquet(directory, wanted)
    year = financial_year(2017)
    # Folders are named "<LA number>-<name>", e.g. 335-walsall.
    number = directory.name.split("-", 1)[0]
    population = child_population(int(number), 2016) if number.isdigit() else None
    # Values for the council as a whole, as a comparison of councils needs: no attribution.
    rows = indicators_run(frames, definitions, [year], attribute=False)
    values = indicator_values(rows, definitions, population={year.label: population})
    return directory.name, values.height, time.perf_counter() - start


def england(source: Path, processes: int, repeat: int) -> None:
    councils = sorted(path for path in source.iterdir() if path.is_dir())
    if not councils:
        raise SystemExit(f"{source}: no council folders (run lineofsight synth --la England)")
    os.environ.setdefault("POLARS_MAX_THREADS", str(max(1, (os.cpu_count() or 1) // processes)))
    by_size = sorted(councils, key=lambda path: -_size(path))
    times: list[float] = []
    peaks: list[int] = []
    done: list[tuple[str, int, float]] = []
    for _ in range(repeat):
        with PeakMemory() as memory:
            start = time.perf_counter()
            spawn = multiprocessing.get_context("spawn")  # Polars' threads do not survive fork
            cores = spawn.Queue()
            for core in sorted(os.sched_getaffinity(0))[:processes]:
                cores.put(core)
            with ProcessPoolExecutor(
                max_workers=processes,
                mp_context=spawn,
                initializer=_pin,
                initargs=(cores,),
            ) as pool:
                done = list(pool.map(_one_council, by_size, chunksize=1))
            times.append(time.perf_counter() - start)
        peaks.append(memory.peak)
    slowest = max(done, key=lambda item: item[2])
    print(
        f"England: {len(done)} councils x every indicator for 2016-17 "
        f"({sum(n for _, n, _ in done):,} values) in median {statistics.median(times):.1f} s "
        f"of {repeat} ({', '.join(f'{t:.1f}' for t in times)}) with {processes} processes "
        "— target < 60 s"
    )
    print(
        f"  peak RSS of the process tree: {max(peaks) / 2**30:.2f} GiB — target < 8 GB; "
        f"councils' own times summed {sum(t for _, _, t in done):.1f} s; "
        f"slowest council {slowest[0]} {slowest[2]:.2f} s"
    )


def _pin(cores: multiprocessing.Queue) -> None:
    """Keep a worker and its Polars thread on one core of their own. On a virtual machine a
    wake-up on another core is slow (an interrupt the hypervisor must deliver), and a small
    council's run is some 2,000 small Polars steps, each handing work to the pool and back."""
    if hasattr(os, "sched_setaffinity"):
        try:
            core = cores.get_nowait()
        except Exception:  # more workers than cores: leave this one to the scheduler
            return
        os.sched_setaffinity(0, {core})


def _size(directory: Path) -> int:
    return sum(path.stat().st_size for path in directory.glob("*.parquet"))


def pdf_pack(repeat: int) -> None:
    _django()
    from pypdf import PdfReader

    from lineofsight.core.domain.published import find_council
    from lineofsight.indicators.domain.periods import period_parse
    from lineofsight.reports.domain.packs import packs_load
    from lineofsight.reports.domain.scorecard import scorecard_build
    from lineofsight.reports.outputs.document import scorecard_pdf
    from lineofsight.synth.council import synthesise_council

    frames = synthesise_council(la="Walsall", year=2017, seed=1).frames
    pack = packs_load()["monthly-performance-board"]
    council = find_council("Walsall")
    times = []
    size = pages = 0
    for _ in range(repeat):
        start = time.perf_counter()
        card = scorecard_build(
            pack=pack,
            period=period_parse("2016-17"),
            frames=frames,
            council=council,
            source="synthetic Walsall",
        )
        data = scorecard_pdf(card, {})
        times.append(time.perf_counter() - start)
        size = len(data)
        pages = len(PdfReader(io.BytesIO(data)).pages)
    print(
        f"PDF board pack ({pack.title}, {len(pack.lines)} indicators, {pages} pages, "
        f"{size / 1024:.0f} KiB) built and rendered in median {statistics.median(times):.2f} s "
        f"of {repeat} ({', '.join(f'{t:.2f}' for t in times)}) — target < 10 s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--england", type=Path, help="a folder of council frame folders")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    walsall(args.repeat)
    pdf_pack(max(3, args.repeat // 2))
    if args.england:
        england(args.england, args.processes, max(1, args.repeat // 2))


if __name__ == "__main__":
    main()
