"""How long one child's deadline recalculation takes after a journey write.

    .venv/bin/python benchmarks/deadlines_recalculate.py            # synthetic Walsall 2017
    .venv/bin/python benchmarks/deadlines_recalculate.py --keep DB  # synthesise once, reuse

Synthesises the council into a fresh SQLite database (which also computes every deadline),
then recalculates the 20 children with the most deadlines one by one and prints the median,
beside one whole-council refresh for comparison.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def synth(database: Path, la: str, year: int) -> float:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    run = {"check": True, "env": env, "cwd": ROOT}
    subprocess.run([BIN / "lineofsight", "migrate", "--noinput", "-v", "0"], **run)  # type: ignore[call-overload]
    command = [BIN / "lineofsight", "synth", "--la", la, "--year", str(year), "--seed", "1"]
    started = time.perf_counter()
    subprocess.run(  # type: ignore[call-overload]
        [*command, "--no-progress"],
        stdout=subprocess.DEVNULL,
        **run,
    )
    return time.perf_counter() - started


def recalculate(children: int) -> None:
    import django

    django.setup()
    from django.db.models import Count

    from lineofsight.people.models import Child
    from lineofsight.timescales.services import deadlines_recalculate, deadlines_refresh

    busiest = list(Child.objects.annotate(due=Count("deadlines")).order_by("-due", "pk")[:children])
    times = []
    for child in busiest:
        started = time.perf_counter()
        result = deadlines_recalculate(child=child, acting_user=None)
        times.append(time.perf_counter() - started)
        assert result is not None, "no deadlines computed: did the synth refresh them?"
    started = time.perf_counter()
    whole = deadlines_refresh(acting_user=None)
    refresh = time.perf_counter() - started
    print(
        f"deadlines_recalculate for {len(times)} children: median {statistics.median(times):.3f} s"
        f" (min {min(times):.3f}, max {max(times):.3f}); whole-council refresh of "
        f"{whole.deadlines:,} deadlines {refresh:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--la", default="Walsall")
    parser.add_argument("--year", type=int, default=2017)
    parser.add_argument("--children", type=int, default=20)
    parser.add_argument("--keep", type=Path, help="synthesise into this database once, reuse it")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        database = args.keep or Path(tmp) / "council.sqlite3"
        if not database.exists():
            took = synth(database, args.la, args.year)
            print(f"synth {args.la} {args.year} into SQLite: {took:.1f} s")
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
        recalculate(args.children)


if __name__ == "__main__":
    main()
