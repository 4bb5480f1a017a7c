"""Natural keys for records read from a return: made from what the file says, so reading the
same file again gives the same keys and a re-import adds nothing."""

from __future__ import annotations

import hashlib
from collections import Counter

from lineofsight.journey.domain.frame_schema import TABLES


def key_fit(table: str, key: str) -> str:
    """`key`, or its readable start plus a short hash of the whole when it is longer than the
    table's key column allows (two long keys differing only at the end stay distinct)."""
    limit = TABLES[table].column(TABLES[table].key).max_length
    if limit is None or len(key) <= limit:
        return key
    digest = hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:10]
    return f"{key[: limit - 11]}~{digest}"


class Keys:
    """Natural keys, with `#2`, `#3` … for a second record of the same kind on the same day."""

    def __init__(self) -> None:
        self.seen: Counter[tuple[str, str]] = Counter()

    def make(self, table: str, key: str) -> str:
        self.seen[(table, key)] += 1
        count = self.seen[(table, key)]
        return key_fit(table, key if count == 1 else f"{key}#{count}")
