"""Database <-> journey frames, in bulk.

Extraction reads each table with one plain SELECT and turns primary keys into natural
keys in Polars; loading writes each table with one bulk statement (COPY on PostgreSQL)
inside one transaction, so a load is all or nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

import polars as pl
from django.db import connection, models, transaction
from django.utils import timezone

from lineofsight.accounts.models import User
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.journey.domain.frames import FrameError, Frames, TableSchema, frames_conform
from lineofsight.journey.frame_tables import FRAME_MODELS, frame_fields

FRAMES_LOAD_KEYS_EXIST = (
    "{table}: {count} rows already exist in the database (for example {examples}); "
    "loading frames adds new records only"
)
FRAMES_LOAD_DANGLING = (
    "{table}.{column}: {count} rows refer to {target} keys that exist neither in the frames "
    "nor in the database (for example {examples})"
)


def _select(sql: str) -> list[tuple[object, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return list(cursor.fetchall())


def _raw_frame(model: type[models.Model]) -> pl.DataFrame:
    fields = frame_fields(model)
    names: list[str] = ["id"] + [str(f.column) for f in fields]
    quoted = ", ".join(connection.ops.quote_name(n) for n in names)
    rows = _select(f"SELECT {quoted} FROM {connection.ops.quote_name(model._meta.db_table)}")  # noqa: S608
    return pl.DataFrame(rows, schema=names, orient="row", infer_schema_length=None)


def _as_column(series: pl.Series, dtype: str) -> pl.Series:
    """Bring a raw database column to its frame type, whichever backend produced it."""
    if dtype == "Date" and series.dtype == pl.String:
        return series.str.to_date("%Y-%m-%d")
    if dtype == "Datetime":
        if series.dtype == pl.String:
            series = series.str.to_datetime(time_unit="us", time_zone="UTC", format=None)
        elif isinstance(series.dtype, pl.Datetime) and series.dtype.time_zone is None:
            series = series.dt.replace_time_zone("UTC")
        if isinstance(series.dtype, pl.Null):
            series = series.cast(pl.Datetime("us", "UTC"))
        return series.dt.cast_time_unit("us").dt.convert_time_zone("Europe/London")
    if dtype == "String" and series.dtype == pl.String:
        return series.replace("", None)
    return series


def frames_extract() -> Frames:
    """Every journey table as a conformed frame keyed by natural keys."""
    raw: dict[str, pl.DataFrame] = {}
    for name, model in FRAME_MODELS:
        raw[name] = _raw_frame(model)
    frames: Frames = {}
    for name, model in FRAME_MODELS:
        table = TABLES[name]
        frame = raw[name]
        columns = []
        for field, column in zip(frame_fields(model), table.columns, strict=True):
            series = frame.get_column(str(field.column))
            if column.references is not None:
                target = raw[column.references]
                target_key = TABLES[column.references].key
                series = series.cast(pl.Int64).replace_strict(
                    target.get_column("id"),
                    target.get_column(target_key),
                    default=None,
                    return_dtype=pl.String,
                )
            columns.append(_as_column(series, column.dtype).alias(column.name))
        frames[name] = pl.DataFrame(columns) if columns else frame
    return frames_conform(TABLES, frames)


def _key_map(table: TableSchema, model: type[models.Model]) -> pl.DataFrame:
    key = TABLES[table.name].key
    rows = _select(
        f"SELECT {connection.ops.quote_name('id')}, {connection.ops.quote_name(key)} "  # noqa: S608
        f"FROM {connection.ops.quote_name(model._meta.db_table)}"
    )
    return pl.DataFrame(rows, schema={"id": pl.Int64, "key": pl.String}, orient="row")


def _resolve(
    frame: pl.DataFrame, table: TableSchema, key_maps: Mapping[str, pl.DataFrame]
) -> pl.DataFrame:
    resolved = []
    for column in table.columns:
        series = frame.get_column(column.name)
        if column.references is not None:
            keys = key_maps[column.references]
            ids = series.replace_strict(
                keys["key"], keys["id"], default=None, return_dtype=pl.Int64
            )
            dangling = series.is_not_null() & ids.is_null()
            if dangling.any():
                examples = series.filter(dangling).unique().sort().head(3).to_list()
                raise FrameError(
                    FRAMES_LOAD_DANGLING.format(
                        table=table.name,
                        column=column.name,
                        count=int(dangling.sum()),
                        target=column.references,
                        examples=examples,
                    )
                )
            series = ids
        resolved.append(series.alias(column.name))
    return pl.DataFrame(resolved)


def _for_database(frame: pl.DataFrame, table: TableSchema) -> pl.DataFrame:
    """Nulls back to "" for blank text; times to UTC, as Django stores them."""
    exprs = []
    for column in table.columns:
        expr = pl.col(column.name)
        if (
            column.dtype == "String"
            and column.references is None
            and not _db_null(table, column.name)
        ):
            expr = expr.fill_null("")
        if column.dtype == "Datetime":
            expr = expr.dt.convert_time_zone("UTC")
            if connection.vendor == "sqlite":
                expr = expr.dt.replace_time_zone(None).dt.strftime("%Y-%m-%d %H:%M:%S%.6f")
        exprs.append(expr)
    return frame.select(exprs)


def _db_null(table: TableSchema, column: str) -> bool:
    model = dict(FRAME_MODELS)[table.name]
    for field in frame_fields(model):
        if field.name == column:
            return bool(field.null)
    return False


def _insert(
    model: type[models.Model], table: TableSchema, frame: pl.DataFrame, now: datetime
) -> None:
    if frame.is_empty():
        return
    fields = frame_fields(model)
    db_columns = [str(f.column) for f in fields]
    self_refs = [
        (str(f.column), c.name)
        for f, c in zip(fields, table.columns, strict=True)
        if c.references == table.name
    ]
    has_times = any(f.name == "created_at" for f in model._meta.concrete_fields)
    data = frame
    for _, name in self_refs:  # self-references are filled in after every row exists
        data = data.with_columns(pl.lit(None, dtype=pl.Int64).alias(name))
    stamp = now if connection.vendor != "sqlite" else now.replace(tzinfo=None).isoformat(" ")
    if has_times:
        data = data.with_columns(
            pl.lit(stamp).alias("__created_at"), pl.lit(stamp).alias("__updated_at")
        )
        db_columns = [*db_columns, "created_at", "updated_at"]
    quote = connection.ops.quote_name
    target = quote(model._meta.db_table)
    column_list = ", ".join(quote(c) for c in db_columns)
    rows = data.rows()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {target} ({column_list}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(db_columns))
            cursor.executemany(f"INSERT INTO {target} ({column_list}) VALUES ({marks})", rows)  # noqa: S608


@transaction.atomic
def frames_load(
    *, frames: Mapping[str, pl.DataFrame], acting_user: User | None = None, reason: str = ""
) -> dict[str, int]:
    """Add the records in `frames` to the database in one transaction; returns rows per table.

    Records are matched by natural key: a key already in the database is refused with a
    message naming the table and keys, so nothing is half-loaded or silently doubled.
    """
    conformed = frames_conform(TABLES, frames)
    now = timezone.now().astimezone(UTC)
    key_maps: dict[str, pl.DataFrame] = {}
    counts: dict[str, int] = {}
    for name, model in FRAME_MODELS:
        table = TABLES[name]
        frame = conformed[name]
        existing = _key_map(table, model)
        clash = frame.get_column(table.key).is_in(existing["key"].implode())
        if clash.any():
            examples = frame.get_column(table.key).filter(clash).head(3).to_list()
            raise FrameError(
                FRAMES_LOAD_KEYS_EXIST.format(table=name, count=int(clash.sum()), examples=examples)
            )
        # Keys of rows about to be written are known before insertion for self-references.
        key_maps[name] = existing
        resolved = _resolve_with_self(frame, table, key_maps)
        _insert(model, table, _for_database(resolved, table), now)
        key_maps[name] = _key_map(table, model)
        _fill_self_references(model, table, frame, key_maps[name])
        counts[name] = frame.height
    AuditEvent.objects.create(
        actor=acting_user,
        action=AuditAction.LOADED,
        record_type="journey_frames",
        detail={"rows": counts, "reason": reason},
    )
    return counts


def _resolve_with_self(
    frame: pl.DataFrame, table: TableSchema, key_maps: Mapping[str, pl.DataFrame]
) -> pl.DataFrame:
    others = [c for c in table.columns if c.references != table.name]
    partial = TableSchema(name=table.name, key=table.key, columns=tuple(others))
    resolved = _resolve(frame.select([c.name for c in others]), partial, key_maps)
    return frame.with_columns(resolved).select([c.name for c in table.columns])


def _fill_self_references(
    model: type[models.Model], table: TableSchema, frame: pl.DataFrame, keys: pl.DataFrame
) -> None:
    for column in table.columns:
        if column.references != table.name:
            continue
        pairs = frame.select(table.key, column.name).drop_nulls()
        if pairs.is_empty():
            continue
        resolved = _resolve(
            pairs.rename({table.key: "__row"}).select(column.name),
            TableSchema(name=table.name, key=column.name, columns=(column,)),
            {table.name: keys},
        )
        row_ids = pairs.get_column(table.key).replace_strict(
            keys["key"], keys["id"], return_dtype=pl.Int64
        )
        field = next(f for f in frame_fields(model) if f"{f.name}_id" == column.name)
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {quote(model._meta.db_table)} SET {quote(str(field.column))} = %s "  # noqa: S608
                f"WHERE {quote('id')} = %s",
                list(
                    zip(resolved.get_column(column.name).to_list(), row_ids.to_list(), strict=True)
                ),
            )
