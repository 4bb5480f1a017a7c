"""Read whole tables as Arrow through ADBC, bypassing row-by-row Python on bulk extracts.

Used only outside a transaction: a second connection cannot see rows the Django connection
has written but not committed, so inside `atomic` the caller reads through Django instead.
"""

from __future__ import annotations

import threading
from typing import Any
from urllib.parse import quote

import polars as pl
from django.db import connection

# SQLite's driver infers a column's type from the first batch; one batch for the whole
# table means a column that starts with nulls is still typed from its real values.
SQLITE_BATCH_ROWS = "100000000"


def arrow_reader_available() -> bool:
    if connection.in_atomic_block:
        return False
    if connection.vendor == "sqlite":
        # A second connection cannot reach a private in-memory database. And ADBC brings its
        # own SQLite library: when it closes the file, POSIX drops the locks the process's
        # other connections hold, so in a threaded server (other requests, other threads)
        # the Django connections fail with "disk I/O error". Only the main thread (commands,
        # benchmarks) reads SQLite through it; PostgreSQL has no such problem.
        if threading.current_thread() is not threading.main_thread():
            return False
        return not connection.is_in_memory_db()  # type: ignore[attr-defined]
    return connection.vendor == "postgresql"


def _connect() -> Any:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        import adbc_driver_sqlite.dbapi

        return adbc_driver_sqlite.dbapi.connect(str(settings["NAME"]))
    import adbc_driver_postgresql.dbapi

    user = quote(str(settings.get("USER") or ""), safe="")
    password = quote(str(settings.get("PASSWORD") or ""), safe="")
    credentials = f"{user}:{password}@" if user else ""
    host = settings.get("HOST") or "localhost"
    port = settings.get("PORT") or 5432
    uri = f"postgresql://{credentials}{host}:{port}/{settings['NAME']}"
    return adbc_driver_postgresql.dbapi.connect(uri)


def arrow_read_tables(queries: dict[str, str]) -> dict[str, pl.DataFrame]:
    """Run each SELECT on one ADBC connection and return Polars frames."""
    frames: dict[str, pl.DataFrame] = {}
    with _connect() as adbc:
        for name, sql in queries.items():
            with adbc.cursor() as cursor:
                if connection.vendor == "sqlite":
                    cursor.adbc_statement.set_options(
                        **{"adbc.sqlite.query.batch_rows": SQLITE_BATCH_ROWS}
                    )
                cursor.execute(sql)
                table = cursor.fetch_arrow_table()
            frame = pl.from_arrow(table)
            assert isinstance(frame, pl.DataFrame)
            frames[name] = frame
    return frames
