"""Timings for the timescale engine and the Team page (issue 4's targets).

    .venv/bin/python benchmarks/timescales.py                     # Walsall 2017 frames: median of 5
    .venv/bin/python benchmarks/timescales.py --england DIR       # also every council in DIR
    .venv/bin/python benchmarks/timescales.py --team-page         # also the Team page under load

Targets: every obligation for synthetic Walsall 2017 (6 years of history) in under 2 s; for
England's frames in under 60 s and 8 GB; the Team page under 300 ms at the 95th percentile with
20 concurrent users on the demo server.

The England run takes the folder `lineofsight synth --la England --out DIR` writes (a folder per
council), runs the engine on each council in a pool of worker processes, writes each council's
obligations to Parquet, and reports the wall time and the peak memory of the process tree.

The Team page run starts the demo server (`lineofsight runserver`, as `make demo` does) on a
free port against the database in var/ (run `make demo` once first), signs 20 clients in as the
demo team manager, and has each fetch the manager's team page repeatedly at the same time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ProcessPoolExecutor
from http.cookiejar import CookieJar
from pathlib import Path

from _memory import PeakMemory

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2017, 3, 31)


def walsall(repeat: int) -> None:
    from lineofsight.synth.council import synthesise_council
    from lineofsight.timescales.domain.engine import obligations, obligations_due_between

    frames = synthesise_council(la="Walsall", year=2017, seed=1).frames
    rows = sum(frame.height for frame in frames.values())
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = obligations(frames, as_of=AS_OF)
        times.append(time.perf_counter() - start)
    assert result is not None
    print(
        f"Walsall 2017 ({rows:,} journey rows): {result.height:,} obligations, median "
        f"{statistics.median(times):.2f} s of {repeat} ({', '.join(f'{t:.2f}' for t in times)})"
        " — target < 2 s"
    )
    start = time.perf_counter()
    year = obligations_due_between(frames, start=dt.date(2016, 4, 1), end=AS_OF)
    print(f"  due in 2016-17: {year.height:,} in {time.perf_counter() - start:.2f} s")
    counts = result.group_by("status").len().sort("status").iter_rows()
    print("  " + ", ".join(f"{status} {count:,}" for status, count in counts))


def _one_council(directory: Path, keep: Path | None) -> tuple[str, int, float]:
    from lineofsight.journey.domain.frame_schema import TABLES
    from lineofsight.journey.domain.frames import frames_read_parquet
    from lineofsight.timescales.domain.engine import input_tables, obligations

    start = time.perf_counter()
    frames = frames_read_parquet(directory, input_tables(TABLES))
    result = obligations(frames, as_of=AS_OF)
    if keep is not None:
        result.write_parquet(keep / f"{directory.name}.parquet", compression="lz4")
    return directory.name, result.height, time.perf_counter() - start


def england(source: Path, processes: int, keep: Path | None, repeat: int) -> None:
    councils = sorted(path for path in source.iterdir() if path.is_dir())
    if not councils:
        raise SystemExit(f"{source}: no council folders (run lineofsight synth --la England)")
    # Each worker process gets its share of the cores for Polars' own threads.
    os.environ.setdefault("POLARS_MAX_THREADS", str(max(1, (os.cpu_count() or 1) // processes)))
    # Largest councils first, so the last one to finish is a small one.
    by_size = sorted(councils, key=lambda path: -_size(path))
    times: list[float] = []
    peaks: list[int] = []
    done: list[tuple[str, int, float]] = []
    for _ in range(repeat):
        with PeakMemory() as memory:
            start = time.perf_counter()
            # spawn, not fork: Polars' thread pool does not survive a fork.
            spawn = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=processes, mp_context=spawn) as pool:
                done = list(pool.map(_one_council, by_size, [keep] * len(by_size), chunksize=1))
            times.append(time.perf_counter() - start)
        peaks.append(memory.peak)
    total = sum(count for _, count, _ in done)
    slowest = max(done, key=lambda item: item[2])
    print(
        f"England: {len(done)} councils, {total:,} obligations read and computed in median "
        f"{statistics.median(times):.1f} s of {repeat} ({', '.join(f'{t:.1f}' for t in times)})"
        f" with {processes} processes{' (and written)' if keep else ''} — target < 60 s"
    )
    print(
        f"  peak RSS of the process tree: {max(peaks) / 2**30:.2f} GiB — target < 8 GB; "
        f"slowest council {slowest[0]} {slowest[2]:.2f} s"
    )


def _size(directory: Path) -> int:
    return sum(path.stat().st_size for path in directory.glob("*.parquet"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _signed_in_opener(base: str) -> urllib.request.OpenerDirector:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    page = opener.open(f"{base}/accounts/sign-in/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token, "no CSRF token on the sign-in page"
    form = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token.group(1),
            "username": "team.manager",
            "password": os.environ.get("DEMO_PASSWORD", "line-of-sight-demo"),
        }
    ).encode()
    request = urllib.request.Request(  # noqa: S310 (the local demo server)
        f"{base}/accounts/sign-in/", data=form, headers={"Referer": f"{base}/accounts/sign-in/"}
    )
    opener.open(request).read()
    return opener


def team_page(users: int, requests_each: int) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/lineofsight"), "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/", timeout=1).read()  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        openers = [_signed_in_opener(base) for _ in range(users)]
        teams = openers[0].open(f"{base}/teams/").read().decode()
        link = re.search(r'href="(/teams/[^"/]+/)"', teams)
        assert link, "the team manager sees no team on /teams/ (run make demo first)"
        url = base + link.group(1)
        # The first request renders the page from the stored deadlines; later ones within a
        # minute reuse the rendered lists until the deadlines are recomputed.
        start = time.perf_counter()
        openers[0].open(url).read()
        first = time.perf_counter() - start
        timings: list[float] = []
        lock = threading.Lock()

        def client(opener: urllib.request.OpenerDirector) -> None:
            for _ in range(requests_each):
                start = time.perf_counter()
                response = opener.open(url)
                response.read()
                assert response.status == 200
                with lock:
                    timings.append(time.perf_counter() - start)

        threads = [threading.Thread(target=client, args=(opener,)) for opener in openers]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=10)
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(
        f"Team page {link.group(1)}: {len(timings)} requests by {users} concurrent users in "
        f"{elapsed:.1f} s; median {statistics.median(timings) * 1000:.0f} ms, "
        f"95th percentile {p95 * 1000:.0f} ms — target < 300 ms"
    )
    print(f"  first (uncached) render: {first * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--england", type=Path, help="a folder of council frame folders")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="also write each council's obligations here")
    parser.add_argument("--england-repeat", type=int, default=3)
    parser.add_argument("--team-page", action="store_true")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--requests", type=int, default=10, help="per user")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    walsall(args.repeat)
    if args.england:
        england(args.england, args.processes, args.keep, args.england_repeat)
    if args.team_page:
        team_page(args.users, args.requests)


if __name__ == "__main__":
    main()
