"""Database <-> journey frames, in bulk.

Extraction reads each table with one plain SELECT and turns primary keys into natural
keys in Polars; loading writes each table with one bulk statement (COPY on PostgreSQL)
inside one transaction, so a load is all or nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import UTC, datetime
from functools import cache
from typing import Any

import polars as pl
from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone

from lineofsight.accounts.models import User
from lineofsight.core.bulk import rows_insert
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.journey.arrow_reader import arrow_read_tables, arrow_reader_available
from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.journey.domain.frames import (
    DTYPES,
    FrameError,
    Frames,
    TableSchema,
    frames_conform,
)
from lineofsight.journey.frame_tables import FRAME_MODELS, frame_fields
from lineofsight.people.models import Child

FRAMES_LOAD_REFUSED = "{table}: the database refused the rows ({error}); nothing was loaded"
FRAMES_LOAD_DANGLING = (
    "{table}.{column}: {count} rows refer to {target} keys that exist neither in the frames "
    "nor in the database (for example {examples})"
)


def _select(sql: str, params: Sequence[Any] | None = None) -> list[tuple[object, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def _select_all(model: type[models.Model]) -> tuple[list[str], str]:
    quote = connection.ops.quote_name
    names: list[str] = ["id"]
    selected = [quote("id")]
    for field in frame_fields(model):
        column = str(field.column)
        names.append(column)
        # Decimals arrive as opaque numerics through Arrow; frames hold them as floats.
        if isinstance(field, models.DecimalField):
            selected.append(f"CAST({quote(column)} AS DOUBLE PRECISION) AS {quote(column)}")
        else:
            selected.append(quote(column))
    return names, f"SELECT {', '.join(selected)} FROM {quote(model._meta.db_table)}"  # noqa: S608


def _raw_frame(
    model: type[models.Model], where: str = "", params: Sequence[Any] | None = None
) -> pl.DataFrame:
    names, sql = _select_all(model)
    rows = _select(sql + where, params or None)
    return pl.DataFrame(rows, schema=names, orient="row", infer_schema_length=None)


def _raw_frames() -> dict[str, pl.DataFrame]:
    """Every journey table as stored; through Arrow when no transaction is open."""
    if arrow_reader_available():
        return arrow_read_tables({name: _select_all(model)[1] for name, model in FRAME_MODELS})
    return {name: _raw_frame(model) for name, model in FRAME_MODELS}


def _as_column(series: pl.Series, dtype: str) -> pl.Series:
    """Bring a raw database column to its frame type, whichever backend produced it."""
    if series.null_count() == series.len():  # untyped when every value is null
        return pl.Series(series.name, [None] * series.len(), dtype=DTYPES[dtype])
    if dtype == "Date" and series.dtype == pl.String:
        return series.str.to_date("%Y-%m-%d")
    if dtype == "Datetime":
        if series.dtype == pl.String:
            # SQLite holds Django's str(datetime): no fraction when the microseconds are 0.
            series = series.str.replace(r"^(\S+ \d\d:\d\d:\d\d)$", "${1}.000000").str.to_datetime(
                "%Y-%m-%d %H:%M:%S%.f", time_unit="us", time_zone="UTC"
            )
        elif isinstance(series.dtype, pl.Datetime) and series.dtype.time_zone is None:
            series = series.dt.replace_time_zone("UTC")
        if isinstance(series.dtype, pl.Null):
            series = series.cast(pl.Datetime("us", "UTC"))
        return series.dt.cast_time_unit("us").dt.convert_time_zone("Europe/London")
    if dtype == "String" and series.dtype == pl.String:
        return series.replace("", None)
    return series


def _convert(name: str, raw: pl.DataFrame, key_maps: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    """One raw table (database ids) as its frame (natural keys), keeping `__id`."""
    model = dict(FRAME_MODELS)[name]
    columns = [raw.get_column("id").alias("__id")]
    for field, column in zip(frame_fields(model), TABLES[name].columns, strict=True):
        series = raw.get_column(str(field.column))
        if column.references is not None:
            keys = key_maps[column.references]
            series = series.cast(pl.Int64).replace_strict(
                keys["id"], keys["key"], default=None, return_dtype=pl.String
            )
        columns.append(_as_column(series, column.dtype).alias(column.name))
    return pl.DataFrame(columns)


def _keys_of(name: str, raw: pl.DataFrame) -> pl.DataFrame:
    key = TABLES[name].key
    return raw.select(pl.col("id").cast(pl.Int64), pl.col(key).cast(pl.String).alias("key"))


def frames_extract() -> Frames:
    """Every journey table as a conformed frame keyed by natural keys."""
    raw = _raw_frames()
    key_maps = {name: _keys_of(name, frame) for name, frame in raw.items()}
    frames = {name: _convert(name, raw[name], key_maps).drop("__id") for name in raw}
    return frames_conform(TABLES, frames)


def frames_extract_for_child(child: Child, *, tables: Collection[str] | None = None) -> Frames:
    """The frames `frames_extract()` gives, with every table that belongs to a child holding
    only `child`'s rows; tables that belong to no child (teams, workers, people) are whole.

    Given `tables`, only those are read and the others are empty: a reader that needs a few
    tables is spared the council's whole list of people."""
    raw = {
        name: _raw_frame(model, *_child_filter(model, child))
        for name, model in FRAME_MODELS
        if tables is None or name in tables
    }
    key_maps = {name: _keys_of(name, frame) for name, frame in raw.items()}
    unread = pl.DataFrame(schema={"id": pl.Int64, "key": pl.String})
    key_maps = _with_referenced_keys(raw, {name: key_maps.get(name, unread) for name in TABLES})
    frames = {name: _convert(name, raw[name], key_maps).drop("__id") for name in raw}
    return frames_conform(TABLES, frames)


@cache
def child_path(model: type[models.Model]) -> str | None:
    """The ORM lookup from `model` to its child's pk (`referral__child` for a conference), or
    None for a table that belongs to no child. Required links are preferred to optional ones,
    then the shortest."""
    if model is Child:
        return "pk"
    found: list[tuple[bool, int, str]] = []
    for field in frame_fields(model):
        if not isinstance(field, models.ForeignKey) or field.related_model is model:
            continue
        target = field.related_model
        assert isinstance(target, type)
        if target is Child:
            found.append((bool(field.null), 1, field.name))
            continue
        onward = child_path(target)
        if onward is not None:
            found.append((bool(field.null), onward.count("__") + 2, f"{field.name}__{onward}"))
    if not found:
        return None
    return min(found)[2]


def _child_filter(model: type[models.Model], child: Child) -> tuple[str, list[Any]]:
    """A WHERE clause keeping `child`'s rows of `model` (none for a table of no child)."""
    path = child_path(model)
    quote = connection.ops.quote_name
    if path is None:
        return "", []
    if path == "pk":
        return f" WHERE {quote('id')} = %s", [child.pk]
    if "__" not in path:  # a direct link: the child's column itself
        field = model._meta.get_field(path)
        return f" WHERE {quote(str(field.column))} = %s", [child.pk]  # type: ignore[union-attr]
    # The ids first, then the rows: a subquery joined back to its own table is planned badly
    # on PostgreSQL for tables written in the same transaction (no statistics yet).
    ids = list(model._default_manager.filter(**{path: child.pk}).values_list("pk", flat=True))
    if not ids:
        return " WHERE 1 = 0", []
    return f" WHERE {quote('id')} IN ({', '.join(['%s'] * len(ids))})", ids


def _with_referenced_keys(
    raw: Mapping[str, pl.DataFrame], key_maps: Mapping[str, pl.DataFrame]
) -> dict[str, pl.DataFrame]:
    """Key maps that also hold every row the filtered rows refer to, even another child's (a
    note amending a note on a sibling's record), so no reference is lost to the filter."""
    wanted: dict[str, set[int]] = {}
    for name, frame in raw.items():
        model = dict(FRAME_MODELS)[name]
        for field, column in zip(frame_fields(model), TABLES[name].columns, strict=True):
            if column.references is None:
                continue
            ids = frame.get_column(str(field.column)).drop_nulls().cast(pl.Int64)
            known = key_maps[column.references].get_column("id")
            missing = ids.filter(~ids.is_in(known.implode())).unique().to_list()
            wanted.setdefault(column.references, set()).update(missing)
    maps = dict(key_maps)
    quote = connection.ops.quote_name
    for name, missing_ids in wanted.items():
        if not missing_ids:
            continue
        model = dict(FRAME_MODELS)[name]
        key = TABLES[name].key
        ordered = sorted(missing_ids)
        rows = _select(
            f"SELECT {quote('id')}, {quote(key)} FROM {quote(model._meta.db_table)} "  # noqa: S608
            f"WHERE {quote('id')} IN ({', '.join(['%s'] * len(ordered))})",
            ordered,
        )
        extra = pl.DataFrame(rows, schema={"id": pl.Int64, "key": pl.String}, orient="row")
        maps[name] = pl.concat([maps[name], extra])
    return maps


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
    """Nulls back to "" for text the database keeps blank; times to UTC, as Django stores them."""
    model = dict(FRAME_MODELS)[table.name]
    nullable_in_database = {f.name for f in frame_fields(model) if f.null}
    exprs = []
    for column in table.columns:
        expr = pl.col(column.name)
        if (
            column.dtype == "String"
            and column.references is None
            and column.name not in nullable_in_database
        ):
            expr = expr.fill_null("")
        if column.dtype == "Datetime":
            expr = expr.dt.convert_time_zone("UTC")
            if connection.vendor == "sqlite":
                expr = expr.dt.replace_time_zone(None).dt.strftime("%Y-%m-%d %H:%M:%S%.6f")
        exprs.append(expr)
    return frame.select(exprs)


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
    rows_insert(table=model._meta.db_table, columns=db_columns, rows=data.rows())


@transaction.atomic
def frames_load(
    *,
    frames: Mapping[str, pl.DataFrame],
    acting_user: User | None = None,
    reason: str = "",
    progress: Callable[[str], None] | None = None,
) -> dict[str, dict[str, int]]:
    """Bring the database up to the records in `frames`, in one transaction.

    Records are matched by natural key: new keys are added, keys whose values differ are
    updated, identical records are left alone, so loading the same frames twice changes
    nothing. Records in the database but not in the frames are kept. Returns, per table,
    how many rows were added, updated and unchanged.
    """
    conformed = frames_conform(TABLES, frames)
    now = timezone.now().astimezone(UTC)
    key_maps: dict[str, pl.DataFrame] = {}
    counts: dict[str, dict[str, int]] = {}
    for name, model in FRAME_MODELS:
        table = TABLES[name]
        incoming = conformed[name]
        if progress is not None:
            progress(f"loading {name}")
        raw = _raw_frame(model)
        key_maps[name] = _keys_of(name, raw)
        existing = _convert(name, raw, key_maps)
        is_new = ~incoming.get_column(table.key).is_in(existing.get_column(table.key).implode())
        added = incoming.filter(is_new)
        resolved = _resolve_with_self(added, table, key_maps)
        changed = _changed_rows(table, incoming.filter(~is_new), existing)
        try:
            _insert(model, table, _for_database(resolved, table), now)
            key_maps[name] = _key_map(table, model)
            _fill_self_references(model, table, added, key_maps[name])
            _update(model, table, changed, key_maps, now)
        except (IntegrityError, _driver_integrity_error()) as error:
            raise FrameError(FRAMES_LOAD_REFUSED.format(table=name, error=error)) from error
        counts[name] = {
            "added": added.height,
            "updated": changed.height,
            "unchanged": incoming.height - added.height - changed.height,
        }
    AuditEvent.objects.create(
        actor=acting_user,
        action=AuditAction.LOADED,
        record_type="journey_frames",
        detail={"rows": counts, "reason": reason},
    )
    return counts


def _driver_integrity_error() -> type[Exception]:
    """The driver's own IntegrityError: COPY on PostgreSQL bypasses Django's wrapping."""
    driver = getattr(connection, "Database", None)
    return getattr(driver, "IntegrityError", IntegrityError)


def _changed_rows(
    table: TableSchema, incoming: pl.DataFrame, existing: pl.DataFrame
) -> pl.DataFrame:
    """Incoming rows whose values differ from the database's, with the database `__id`."""
    if incoming.is_empty():
        return incoming.with_columns(pl.lit(None, dtype=pl.Int64).alias("__id"))
    joined = incoming.join(existing, on=table.key, how="inner", suffix="__db")
    others = [c.name for c in table.columns if c.name != table.key]
    differs = pl.any_horizontal(
        [pl.col(c).ne_missing(pl.col(f"{c}__db")) for c in others] or [pl.lit(False)]
    )
    return joined.filter(differs).select([c.name for c in table.columns] + ["__id"])


def _update(
    model: type[models.Model],
    table: TableSchema,
    changed: pl.DataFrame,
    key_maps: Mapping[str, pl.DataFrame],
    now: datetime,
) -> None:
    if changed.is_empty():
        return
    values = _for_database(_resolve(changed.drop("__id"), table, key_maps), table)
    fields = frame_fields(model)
    quote = connection.ops.quote_name
    assignments = [f"{quote(str(f.column))} = %s" for f in fields]
    params = values.rows()
    if any(f.name == "updated_at" for f in model._meta.concrete_fields):
        assignments.append(f"{quote('updated_at')} = %s")
        stamp = now if connection.vendor != "sqlite" else now.replace(tzinfo=None).isoformat(" ")
        params = [(*row, stamp) for row in params]
    ids = changed.get_column("__id").to_list()
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {quote(model._meta.db_table)} SET {', '.join(assignments)} "  # noqa: S608
            f"WHERE {quote('id')} = %s",
            [(*row, row_id) for row, row_id in zip(params, ids, strict=True)],
        )


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
            pairs.select(column.name),
            TableSchema(name=table.name, key=table.key, columns=(column,)),
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
