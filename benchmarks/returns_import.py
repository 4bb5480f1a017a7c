"""Timings for importing statutory returns into the database (issue 5's targets).

    .venv/bin/python benchmarks/returns_import.py              # median of 3 runs
    .venv/bin/python benchmarks/returns_import.py --repeat 5

Targets: parse and load synthetic Birmingham's 2016-17 SSDA903 return (CSV tables, and the
XML form) in under 5 s; a CIN census of 30,000 children in under 10 s, load included. The
30,000 are synthetic Birmingham's census (about 23,500 children) with enough of synthetic
Sandwell's children added, under ids prefixed "S", to make 30,000.

Each run loads into a fresh SQLite database (migrated once, copied per run) in its own
process; the deadline recomputation an import ends with, and a second import of the same
files (which must add nothing), are timed separately. Peak memory is the importing process's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CENSUS_CHILDREN = 30_000


def _census_of(count: int, first: Path, second: Path, out: Path) -> int:
    """`first`'s census with `second`'s children (ids prefixed S) added up to `count`."""
    main = etree.parse(str(first))
    children = main.getroot().find("Children")
    assert children is not None
    more = etree.parse(str(second)).getroot().iterfind("Children/Child")
    while len(children) < count:
        child = next(more)
        identifier = child.find("ChildIdentifiers/LAchildID")
        assert identifier is not None
        identifier.text = f"S{identifier.text}"[:10]
        children.append(child)
    main.write(str(out), xml_declaration=True, encoding="UTF-8")
    return len(children)


def _prepare(folder: Path, year: int) -> dict[str, list[Path]]:
    sys.path.insert(0, str(ROOT))
    from lineofsight.returns.annex_a.export import annex_a_write
    from lineofsight.returns.cin_census.export import cin_census_write
    from lineofsight.returns.ssda903.export import ssda903_write
    from lineofsight.returns.ssda903.xml_form import ssda903_xml_write
    from lineofsight.synth.council import synthesise_council

    birmingham = synthesise_council(la="Birmingham", year=year, seed=1).frames
    sandwell = synthesise_council(la="Sandwell", year=year, seed=2).frames
    ssda903_write(birmingham, year=year, out=folder / "ssda903")
    ssda903_xml_write(birmingham, year=year, out=folder / "ssda903.xml")
    annex_a_write(birmingham, as_of=dt.date(year, 3, 31), out=folder / "annex-a.xlsx")
    cin_census_write(birmingham, year=year, out=folder / "birmingham.xml", la_number="330")
    cin_census_write(sandwell, year=year, out=folder / "sandwell.xml", la_number="333")
    total = _census_of(
        CENSUS_CHILDREN, folder / "birmingham.xml", folder / "sandwell.xml", folder / "cin.xml"
    )
    print(f"  files written: SSDA903 CSV and XML for Birmingham; CIN census of {total:,} children")
    return {
        f"SSDA903 {year} CSV tables (Birmingham)": [folder / "ssda903"],
        f"SSDA903 {year} XML (Birmingham)": [folder / "ssda903.xml"],
        f"CIN census {year} of {total:,} children": [folder / "cin.xml"],
        f"Annex A at 31 March {year} (Birmingham)": [folder / "annex-a.xlsx"],
    }


def _run(template: Path, folder: Path, paths: list[Path], year: int) -> dict[str, Any]:
    database = folder / "run.sqlite3"
    shutil.copy(template, database)
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "LINEOFSIGHT_TODAY": f"{year}-03-31",
    }
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "_import_run.py"), *map(str, paths)],
        check=True,
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    database.unlink()
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2017)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        template = folder / "template.sqlite3"
        subprocess.run(
            [BIN / "lineofsight", "migrate", "--noinput", "-v", "0"],
            check=True,
            env={**os.environ, "DATABASE_URL": f"sqlite:///{template}"},
            cwd=ROOT,
        )
        for label, paths in _prepare(folder, args.year).items():
            target = {"CIN": "target < 10 s", "SSD": "target < 5 s"}.get(label[:3], "no target")
            runs = [_run(template, folder, paths, args.year) for _ in range(args.repeat)]
            peak = max(run["peak_bytes"] for run in runs)
            parse_and_load = [run["read"] + run["load"] for run in runs]
            print(
                f"  {label}: read + load median {statistics.median(parse_and_load):.2f} s of "
                f"{args.repeat} ({', '.join(f'{t:.2f}' for t in parse_and_load)}) — "
                f"{target}; read {_median(runs, 'read'):.2f} s, load "
                f"{_median(runs, 'load'):.2f} s; then deadlines recomputed "
                f"{_median(runs, 'deadlines'):.2f} s ({runs[0]['deadline_count']:,}); same "
                f"files again {_median(runs, 'again'):.2f} s; peak RSS "
                f"{peak / 2**30:.2f} GiB"
            )
            print(f"    {'; '.join(runs[0]['lines'])} | again: {'; '.join(runs[0]['again_lines'])}")


if __name__ == "__main__":
    main()
