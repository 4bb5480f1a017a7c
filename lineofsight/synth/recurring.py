"""Recurring events (visits, reviews, core groups) laid out with numpy, no per-row Python."""

from __future__ import annotations

import numpy as np

from lineofsight.synth.calendar import add_working_days
from lineofsight.synth.dates import Days, Ints


def series(
    rng: np.random.Generator,
    start: Days,
    end: Days,
    first: Ints | int,
    interval: Ints | int,
    jitter: int = 0,
    working_days: bool = False,
) -> tuple[Ints, Days]:
    """Events at start + first, then every `interval`, while before `end`.

    Returns (owner row, day). With `working_days`, offsets count working days and events
    fall on working days. `jitter` moves each event by up to ± that many days (never before
    the previous event's slot or past `end`).
    """
    n = len(start)
    first_arr = np.broadcast_to(np.asarray(first, dtype=np.int64), (n,))
    step = np.broadcast_to(np.asarray(interval, dtype=np.int64), (n,))
    # with working days, roughly 5 per 7 calendar days, to size the arrays
    span = np.maximum(end - start, 0)
    if working_days:
        span = span * 5 // 7 + 2
    count = np.where(span > first_arr, (span - first_arr) // np.maximum(step, 1) + 1, 0)
    count = np.maximum(count, 0) + (1 if working_days else 0)
    owner = np.repeat(np.arange(n), count)
    offsets = np.cumsum(count) - count
    k = np.arange(len(owner)) - np.repeat(offsets, count)
    offset = first_arr[owner] + k * step[owner]
    if jitter:
        offset = offset + rng.integers(-jitter, jitter + 1, len(owner))
        offset = np.maximum(offset, 1)
    day = add_working_days(start[owner], offset) if working_days else start[owner] + offset
    keep = (day < end[owner]) & (day > start[owner])
    return owner[keep], day[keep]
