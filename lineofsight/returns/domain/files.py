"""Writing a return's file all or nothing."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def bytes_write_atomic(out: Path, data: bytes) -> None:
    """Write `data` to `out` through a temporary file beside it, renamed over `out` only once
    complete, so a reader never sees half a return and a failure leaves the old file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        # mkstemp makes the file private; give it the mode the file it replaces had.
        os.chmod(temporary, out.stat().st_mode & 0o777 if out.exists() else 0o644)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
