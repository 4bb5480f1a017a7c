"""One timed import into the database named by DATABASE_URL (run by returns_import.py).

Prints JSON: seconds to read and check the files, to load them, to recompute the deadlines,
and to import the same files again (which must add nothing), with the lines the load said.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _own_peak_bytes() -> int:
    """This process's own peak resident memory. (ru_maxrss would report the parent's peak:
    Linux carries it over the fork and exec that started this process.)"""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from lineofsight.returns.detect import returns_read
    from lineofsight.returns.services import returns_load
    from lineofsight.timescales.services import deadlines_refresh

    paths = [Path(p) for p in sys.argv[1:]]
    started = time.perf_counter()
    reads = returns_read(paths)
    read = time.perf_counter()
    lines = returns_load(reads=reads, acting_user=None)
    loaded = time.perf_counter()
    refreshed = deadlines_refresh(acting_user=None)
    recomputed = time.perf_counter()
    again = returns_load(reads=returns_read(paths), acting_user=None)
    repeated = time.perf_counter()
    print(
        json.dumps(
            {
                "read": read - started,
                "load": loaded - read,
                "deadlines": recomputed - loaded,
                "deadline_count": refreshed.deadlines,
                "again": repeated - recomputed,
                "lines": lines,
                "again_lines": again,
                "children": reads[0].frames["child"].height,
                "peak_bytes": _own_peak_bytes(),
            }
        )
    )


if __name__ == "__main__":
    main()
