"""Results several computations of one run derive from the same frames, built once.

The indicator definitions share periods of care, care-leaver cohorts and the like; the
timescale engine and the definitions share the periods of care built from the episodes.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar, cast

import polars as pl

# Each result is kept with weak references to the frames it was built from and the periods'
# values, and handed back while those very frame objects (and equal periods) come again. A
# frame that has gone never matches (its address may be reused, its reference is dead), and
# none is kept alive. Journey frames are never changed in place, which is what makes reuse by
# identity safe.
_Sources = tuple["weakref.ref[pl.DataFrame] | None", ...]
_SHARED: dict[Hashable, tuple[_Sources, pl.DataFrame | None, Any]] = {}
Built = TypeVar("Built")


def shared(
    key: Hashable,
    sources: Sequence[pl.DataFrame | None],
    periods: pl.DataFrame | None,
    build: Callable[[], Built],
) -> Built:
    """`build()`, or its result kept under `key` if it was built from these very `sources`
    (every frame `build` reads, by identity) and equal `periods` (None: not period by
    period)."""
    kept = _SHARED.get(key)
    if kept is not None:
        refs, kept_periods, result = kept
        same_sources = len(refs) == len(sources) and all(
            (ref is None and frame is None) or (ref is not None and ref() is frame)
            for ref, frame in zip(refs, sources, strict=False)
        )
        same_periods = (
            kept_periods is None
            if periods is None
            else kept_periods is not None and kept_periods.equals(periods)
        )
        if same_sources and same_periods:
            return cast(Built, result)
    result = build()
    _SHARED[key] = (
        tuple(None if frame is None else weakref.ref(frame) for frame in sources),
        periods,
        result,
    )
    return result
