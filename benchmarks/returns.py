"""Timings for the statutory returns (issue 5's targets: the exports, and reading a CIN census).

    .venv/bin/python benchmarks/returns.py                  # synthetic Birmingham 2017, median of 3
    .venv/bin/python benchmarks/returns.py --la Walsall

Targets: each export in under 5 s, with peak memory reported. Reading and loading returns into
the database is timed by returns_import.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _memory import PeakMemory

ROOT = Path(__file__).resolve().parent.parent


def _timed(label: str, repeat: int, work: Callable[[Path], str], target: float = 5) -> None:
    times: list[float] = []
    peaks: list[int] = []
    written = ""
    for number in range(repeat):
        with tempfile.TemporaryDirectory() as scratch, PeakMemory() as memory:
            start = time.perf_counter()
            written = work(Path(scratch) / f"out{number}")
            times.append(time.perf_counter() - start)
        peaks.append(memory.peak)
    print(
        f"  {label}: median {statistics.median(times):.2f} s of {repeat} "
        f"({', '.join(f'{t:.2f}' for t in times)}) — target < {target:g} s; "
        f"peak RSS {max(peaks) / 2**30:.2f} GiB; {written}"
    )


def _described(read: object) -> str:
    frames = getattr(read, "frames", {})
    return f"{frames['child'].height:,} children, {sum(f.height for f in frames.values()):,} rows"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--la", default="Birmingham")
    parser.add_argument("--year", type=int, default=2017)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]

    from lineofsight.returns.annex_a.export import annex_a_write
    from lineofsight.returns.cin_census.export import cin_census_write
    from lineofsight.returns.cin_census.import_ import cin_census_read
    from lineofsight.returns.ssda903.export import ssda903_write
    from lineofsight.returns.ssda903.xml_form import ssda903_xml_write
    from lineofsight.synth.council import synthesise_council

    council = synthesise_council(la=args.la, year=args.year, seed=1)
    frames = council.frames
    la_number = council.info.la_number or "000"
    print(f"{args.la} {args.year}: {sum(f.height for f in frames.values()):,} journey rows")
    _timed(
        "CIN census XML (built, checked against the XSD, written)",
        args.repeat,
        lambda out: cin_census_write(
            frames, year=args.year, out=out.with_suffix(".xml"), la_number=str(la_number)
        ),
    )
    with tempfile.TemporaryDirectory() as scratch:
        census = Path(scratch) / "cin.xml"
        cin_census_write(frames, year=args.year, out=census, la_number=str(la_number))
        _timed(
            "CIN census read (parsed, checked against the XSD, into frames; not loaded)",
            args.repeat,
            lambda out: _described(cin_census_read(census)),
            target=10,
        )
    _timed(
        "SSDA903 CSV tables",
        args.repeat,
        lambda out: ssda903_write(frames, year=args.year, out=out),
    )
    _timed(
        "SSDA903 XML (checked against CLA.xsd)",
        args.repeat,
        lambda out: ssda903_xml_write(frames, year=args.year, out=out.with_suffix(".xml")),
    )
    _timed(
        "Annex A workbook",
        args.repeat,
        lambda out: annex_a_write(
            frames, as_of=dt.date(args.year, 3, 31), out=out.with_suffix(".xlsx")
        ),
    )


if __name__ == "__main__":
    main()
