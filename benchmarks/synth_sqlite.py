"""Synthesise Walsall 2017 into a fresh SQLite database, then extract its frames.

Targets (issue 3): synth into SQLite under 60 s; DB -> frames for Walsall under 2 s.
Prints the median of several runs and the peak memory of the synth process.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def synth_once(database: Path, la: str, year: int) -> tuple[float, float]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    subprocess.run(
        [BIN / "lineofsight", "migrate", "--noinput", "-v", "0"], check=True, env=env, cwd=ROOT
    )
    started = time.perf_counter()
    subprocess.run(
        [
            BIN / "lineofsight",
            "synth",
            "--la",
            la,
            "--year",
            str(year),
            "--seed",
            "1",
            "--no-progress",
        ],
        check=True,
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    elapsed = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return elapsed, peak_mib


def extract_times(database: Path, runs: int) -> tuple[list[float], dict[str, int]]:
    code = (
        "import time, json, django; django.setup();"
        "from lineofsight.journey.frames_db import frames_extract;"
        f"times=[];\nfor _ in range({runs}):\n"
        "    t=time.perf_counter(); f=frames_extract(); times.append(time.perf_counter()-t)\n"
        "print(json.dumps({'times': times, 'rows': {k: v.height for k, v in f.items()}}))"
    )
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
    }
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, env=env, cwd=ROOT, capture_output=True, text=True
    )
    import json

    result = json.loads(out.stdout.strip().splitlines()[-1])
    return result["times"], result["rows"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--la", default="Walsall")
    parser.add_argument("--year", type=int, default=2017)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    synth_times = []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            database = Path(tmp) / f"run{run}.sqlite3"
            elapsed, peak = synth_once(database, args.la, args.year)
            synth_times.append(elapsed)
        times, rows = extract_times(Path(tmp) / "run0.sqlite3", runs=5)
    print(
        f"synth {args.la} {args.year} into SQLite: median {statistics.median(synth_times):.1f} s "
        f"over {args.runs} runs (target < 60 s); peak RSS {peak:.0f} MiB"
    )
    print(
        f"DB -> frames: median {statistics.median(times):.2f} s over {len(times)} runs "
        f"(target < 2 s); {sum(rows.values()):,} rows in {len(rows)} tables"
    )


if __name__ == "__main__":
    main()
