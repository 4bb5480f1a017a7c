"""Fast inserts of many rows: COPY on PostgreSQL, one prepared statement on SQLite.

For engine output and bulk loads (hundreds of thousands of rows), where the ORM's bulk_create
would build a model instance per row. Callers own the transaction.
"""

from collections.abc import Sequence

from django.db import connection


def rows_insert(*, table: str, columns: Sequence[str], rows: Sequence[tuple[object, ...]]) -> None:
    if not rows:
        return
    quote = connection.ops.quote_name
    target = quote(table)
    column_list = ", ".join(quote(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {target} ({column_list}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {target} ({column_list}) VALUES ({marks})"  # noqa: S608
            cursor.executemany(sql, rows)  # type: ignore[arg-type]
