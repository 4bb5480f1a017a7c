"""Timings for the child's record and the Team page under load (issue 8's targets).

    .venv/bin/python benchmarks/record_pages.py                  # 3 runs of 30 s, 20 users
    .venv/bin/python benchmarks/record_pages.py --from var/lineofsight.sqlite3

Targets, with synthetic Walsall loaded: the child's record under 150 ms and the Team page
under 300 ms at the 95th percentile, with 20 concurrent users on the demo server.

The demo server is what `make demo` runs (gunicorn, 4 single-threaded workers, no debug pages,
SQLite), on loopback, in its own processes. Twenty users sign in through the sign-in page, each
as a worker of synthetic Walsall: ten social workers, each opening the records of the children
allocated to them, and ten team managers, each opening their team's page and the records of
their team's children.
Each user opens a page, reads it for 0.5 to 1.5 s, and opens the next; every page view is an
audited opening of the record, as in use. The figures are the latency of each request as the
user sees it (sending to the last byte), per run, and the median of the runs' percentiles.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
LINEOFSIGHT = str(Path(sys.executable).with_name("lineofsight"))
PASSWORD = "load-test-password-2017"  # noqa: S105 (a synthetic council's load users)
USERS_PER_ROLE = 10
WARM_UP_SECONDS = 10.0
TARGETS_MS = {"child record": 150.0, "team page": 300.0}
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class LoadUser:
    username: str
    pages: list[tuple[str, str]]  # (kind, path)


@dataclass
class Timings:
    by_kind: dict[str, list[float]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float) -> None:
        with self.lock:
            self.by_kind.setdefault(kind, []).append(seconds)


def _command(var_dir: Path, *args: str) -> None:
    env = {**os.environ, "LINEOFSIGHT_VAR_DIR": str(var_dir), "DJANGO_DEBUG": "false"}
    subprocess.run([LINEOFSIGHT, *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def prepare(var_dir: Path, source: Path | None) -> None:
    """Synthetic Walsall in a database of its own, as `make demo` sets it up."""
    if source is not None:
        shutil.copy(source, var_dir / source.name)
    _command(var_dir, "migrate", "--noinput")
    _command(var_dir, "synth", "--la", "Walsall", "--year", "2017", "--seed", "1", "--if-empty")
    _command(var_dir, "deadlines-refresh", "--if-stale")


def load_users(var_dir: Path) -> list[LoadUser]:
    """Ten social workers with the most children allocated and ten team managers, each a user
    signing in with the benchmark's password, and the pages each opens."""
    os.environ["LINEOFSIGHT_VAR_DIR"] = str(var_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db.models import Count

    from lineofsight.accounts.access import current_on
    from lineofsight.accounts.models import Role, User
    from lineofsight.core.selectors import council_today
    from lineofsight.people.constants import WorkerRole
    from lineofsight.people.models import Allocation, TeamMembership, Worker

    today = council_today()
    current = Allocation.objects.filter(current_on(today), worker__isnull=False)
    busiest = (
        current.filter(worker__role=WorkerRole.SOCIAL_WORKER)
        .values("worker")
        .annotate(children=Count("child"))
        .order_by("-children", "worker")[:USERS_PER_ROLE]
    )
    users = []
    for row in busiest:
        worker = Worker.objects.get(pk=row["worker"])
        children = current.filter(worker=worker).values_list("child__child_id", flat=True)
        users.append(_user(User, Role.SOCIAL_WORKER, worker, "sw", children, []))
    managers = Worker.objects.filter(role=WorkerRole.TEAM_MANAGER, ended_on__isnull=True)
    for worker in managers.order_by("staff_id")[: USERS_PER_ROLE * 3]:
        membership = TeamMembership.objects.filter(current_on(today), worker=worker).first()
        if membership is None:
            continue
        children = current.filter(team=membership.team).values_list("child__child_id", flat=True)
        if not children:
            continue
        team = membership.team.code
        users.append(_user(User, Role.TEAM_MANAGER, worker, "tm", children, [team]))
        if len(users) == 2 * USERS_PER_ROLE:
            break
    return users


def _user(
    user_model: type,
    role: str,
    worker: object,
    prefix: str,
    children: object,
    teams: list[str],
) -> LoadUser:
    staff_id = worker.staff_id  # type: ignore[attr-defined]
    username = f"load.{prefix}.{staff_id}".lower()
    # In this copy of the database the worker signs in as the load user only.
    user_model.objects.filter(worker=worker).exclude(username=username).update(worker=None)  # type: ignore[attr-defined]
    user, _ = user_model.objects.get_or_create(username=username)  # type: ignore[attr-defined]
    user.role = role
    user.worker = worker
    user.is_active = True
    user.set_password(PASSWORD)
    user.save()
    pages = [("child record", f"/children/{child}/") for child in list(children)[:40]]  # type: ignore[call-overload]
    pages += [("team page", f"/teams/{team}/") for team in teams]
    return LoadUser(username=username, pages=pages)


def serve(var_dir: Path, workers: int, threads: int) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "LINEOFSIGHT_VAR_DIR": str(var_dir), "DJANGO_DEBUG": "false"}
    if workers:
        _command(var_dir, "collectstatic", "--noinput", "--verbosity", "0")
        command = [
            str(Path(sys.executable).with_name("gunicorn")),
            "config.wsgi",
            f"--workers={workers}",
            f"--threads={threads}",
            f"--bind=127.0.0.1:{port}",
        ]
    else:
        command = [LINEOFSIGHT, "runserver", f"127.0.0.1:{port}", "--noreload"]
    server = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            if requests.get(f"{base}/accounts/sign-in/", timeout=2).status_code == 200:
                return server, base
        except requests.ConnectionError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the demo server did not start")


def sign_in(base: str, username: str) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{base}/accounts/sign-in/", timeout=10)
    match = CSRF.search(page.text)
    assert match is not None, "no CSRF token on the sign-in page"
    landed = session.post(
        f"{base}/accounts/sign-in/",
        data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": match[1]},
        headers={"Referer": f"{base}/accounts/sign-in/"},
        timeout=10,
    )
    if "sessionid" not in session.cookies:
        raise SystemExit(f"{username} could not sign in ({landed.status_code})")
    return session


def browse(
    base: str, session: requests.Session, user: LoadUser, until: float, timings: Timings
) -> None:
    chooser = random.Random(user.username)
    while time.perf_counter() < until:
        kind, path = chooser.choice(user.pages)
        if kind != "team page" and any(k == "team page" for k, _ in user.pages):
            # A manager opens the team page as often as the records of the team's children.
            kind, path = chooser.choice([user.pages[-1], (kind, path)])
        start = time.perf_counter()
        try:
            response = session.get(f"{base}{path}", timeout=30)
        except requests.RequestException as error:  # counted, and the run reports it
            timings.failures.append(f"{user.username} {path}: {error}")
            continue
        elapsed = time.perf_counter() - start
        if response.status_code != 200:
            timings.failures.append(f"{user.username} {path}: {response.status_code}")
        timings.add(kind, elapsed)
        time.sleep(chooser.uniform(0.5, 1.5))


def run(
    base: str, users: list[LoadUser], sessions: list[requests.Session], seconds: float
) -> Timings:
    timings = Timings()
    until = time.perf_counter() + seconds
    threads = [
        threading.Thread(target=browse, args=(base, session, user, until, timings))
        for user, session in zip(users, sessions, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--from", dest="source", type=Path, help="a demo database to copy")
    parser.add_argument(
        "--workers", type=int, default=4, help="gunicorn workers, as make demo (0: runserver)"
    )
    parser.add_argument("--threads", type=int, default=1, help="threads per worker")
    args = parser.parse_args()
    var_dir = Path(tempfile.mkdtemp(prefix="los-load-"))
    try:
        prepare(var_dir, args.source)
        users = load_users(var_dir)
        server, base = serve(var_dir, args.workers, args.threads)
        try:
            sessions = [sign_in(base, user.username) for user in users]
            for user, session in zip(users, sessions, strict=True):  # warm each page once
                for _, path in user.pages[:2] + user.pages[-1:]:
                    session.get(f"{base}{path}", timeout=30)
            # Ten unmeasured seconds of the same load first: a database just synthesised is
            # cold (pages not cached, the write-ahead log not yet checkpointed).
            run(base, users, sessions, WARM_UP_SECONDS)
            p95s: dict[str, list[float]] = {}
            for number in range(1, args.runs + 1):
                timings = run(base, users, sessions, args.seconds)
                if timings.failures:
                    raise SystemExit(f"failed requests: {timings.failures[:5]}")
                figures = []
                for kind, values in sorted(timings.by_kind.items()):
                    p95 = percentile(values, 0.95) * 1000
                    p95s.setdefault(kind, []).append(p95)
                    figures.append(
                        f"{kind} {len(values)} requests, p50 "
                        f"{statistics.median(values) * 1000:.0f} ms, p95 {p95:.0f} ms"
                    )
                print(f"run {number}: " + "; ".join(figures), flush=True)
        finally:
            server.terminate()
            server.wait(timeout=10)
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)
    for kind, values in sorted(p95s.items()):
        print(
            f"{kind}: p95 median {statistics.median(values):.0f} ms of {len(values)} runs "
            f"({', '.join(f'{v:.0f}' for v in values)}) with {len(users)} users "
            f"— target < {TARGETS_MS[kind]:.0f} ms"
        )


if __name__ == "__main__":
    main()
