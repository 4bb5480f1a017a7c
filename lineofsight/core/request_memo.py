"""Answers read once per request: a page asks "who is the council?" and "may this viewer see
this child?" many times over, and within one request the answer does not change.

Outside a request (a command, a test calling a selector) nothing is remembered.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

_MEMO: ContextVar[dict[Hashable, object] | None] = ContextVar("request_memo", default=None)


@contextmanager
def request_memo() -> Iterator[None]:
    """While open (one request), `once` reads each answer at most once."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def once(key: Hashable, read: Callable[[], T]) -> T:
    """`read()`, remembered under `key` for the rest of the request."""
    memo = _MEMO.get()
    if memo is None:
        return read()
    if key not in memo:
        memo[key] = read()
    return memo[key]  # type: ignore[return-value]


def forget() -> None:
    """Drop what this request remembered (after a write that changes an answer)."""
    memo = _MEMO.get()
    if memo is not None:
        memo.clear()
