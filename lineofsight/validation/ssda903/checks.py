"""What many SSDA903 rules share: the collection year, birthdays, code lists and failures.

Codes valid "for the year" are the year's spec's code lists (`ssda903_spec`), so one rule
serves every year whose list it checks (e.g. PLACE gains K3 in 2024-25, Z11-Z14 in 2025-26).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import polars as pl

from lineofsight.returns.ssda903.spec import ssda903_spec
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import CHILD_ID, failures, no_failures
from lineofsight.validation.ssda903.tables import DFE_NAMES, spec_year, text_column

TEMPORARY = ("T0", "T1", "T2", "T3", "T4")
OTHER_PLACEMENTS = ("Z1", "Z11", "Z12", "Z13", "Z14")
ADOPTION_PLACEMENTS = ("A3", "A4", "A5", "A6")
FOSTER_PLACEMENTS = ("U1", "U2", "U3", "U4", "U5", "U6")
_SPEC_NAMES = {dfe: key for key, dfe in DFE_NAMES.items()}


def year_start(year: int) -> dt.date:
    """1 April starting the collection year ending 31 March `year`."""
    return dt.date(year - 1, 4, 1)


def year_end(year: int) -> dt.date:
    return dt.date(year, 3, 31)


def birthday(born: pl.Expr, age: int) -> pl.Expr:
    """The `age`th birthday; one born on 29 February has it on 1 March in a common year."""
    day = born.dt.offset_by(f"{age}y")
    leapling = (born.dt.month() == 2) & (born.dt.day() == 29) & (day.dt.day() == 28)
    return pl.when(leapling).then(day.dt.offset_by("1d")).otherwise(day)


def found(table: str, frame: pl.DataFrame, *, fields: Sequence[str]) -> pl.DataFrame:
    """The failure frame for `frame`'s rows of `table`, naming each child by CHILD."""
    if "CHILD" in frame.columns:
        frame = frame.with_columns(pl.col("CHILD").alias(CHILD_ID))
    return failures(table, frame, fields=fields)


def codes(year: int, table: str, column: str) -> list[str]:
    """The codes valid in `table`.`column` (DfE names) in the collection year's spec."""
    spec = ssda903_spec(spec_year(year)).tables[_SPEC_NAMES[table]]
    return sorted(spec.column(column).code_values)


def code_invalid(ret: Return, table: str, column: str, *, required: bool) -> pl.DataFrame:
    """Rows whose `column` is not one of the year's codes (or blank, if `required`)."""
    value = pl.col(column)
    bad = value.is_not_null() & ~value.is_in(codes(ret.year, table, column))
    if required:
        bad = bad | value.is_null()
    return found(table, ret.table(table).filter(bad), fields=(column,))


def date_invalid(ret: Return, table: str, column: str, *, required: bool) -> pl.DataFrame:
    """Rows whose `column` was given but is not a date (or is blank, if `required`)."""
    frame = ret.table(table)
    text = text_column(column)
    bad = pl.col(column).is_null() & pl.col(text).is_not_null()
    if required:
        bad = pl.col(column).is_null()
    frame = frame.filter(bad).with_columns(pl.col(text).alias(column))
    return found(table, frame, fields=(column,))


def code_named(year: int, table: str, column: str, label: str) -> str | None:
    """The year's code labelled `label` (e.g. SEX "Male" is 1 to 2023-24, M after)."""
    spec = ssda903_spec(spec_year(year)).tables[_SPEC_NAMES[table]]
    return spec.column(column).code_named(label)


def with_header(ret: Return, table: str, *columns: str) -> pl.DataFrame:
    """`table` with the child's Header `columns` joined on CHILD (each named as in Header,
    or `<column>_header` where `table` has a column of that name)."""
    frame = ret.table(table)
    header = (
        ret.table("Header")
        .unique("CHILD", keep="first", maintain_order=True)
        .select(
            "CHILD", *(pl.col(c).alias(f"{c}_header" if c in frame.columns else c) for c in columns)
        )
    )
    return frame.join(header, on="CHILD", how="left", maintain_order="left")


def episodes_in_order(ret: Return) -> pl.DataFrame:
    """Episodes sorted by child and start, with the child's previous and next episode's
    DECOM, DEC, REC and PLACE (`prev_*`, `next_*`; null for the first/last)."""
    shifted = ("DECOM", "DEC", "REC", "PLACE")
    return (
        ret.table("Episodes")
        .sort("CHILD", "DECOM", "row", nulls_last=True)
        .with_columns(
            *(pl.col(c).shift(1).over("CHILD").alias(f"prev_{c}") for c in shifted),
            *(pl.col(c).shift(-1).over("CHILD").alias(f"next_{c}") for c in shifted),
        )
    )


def sw_carried_over_differs(ret: Return, column: str) -> pl.DataFrame:
    """Children whose last social worker episode in last year's return was still open, and
    whose first episode this year differs from it in `column` (SW16a/b/c): it should be the
    same episode carried over. Fields are `column` and `<column>_last`."""
    last = ret.previous.tables.get("SWEpisodes") if ret.previous else None
    if last is None:
        return no_failures()
    order = ("CHILD", "SW_DECOM", "row")
    latest = last.sort(*order, nulls_last=True).unique("CHILD", keep="last")
    still_open = latest.filter(pl.col("SW_DEC_text").is_null()).select(
        "CHILD", pl.col(column).alias(f"{column}_last")
    )
    first = ret.table("SWEpisodes").sort(*order, nulls_last=True).unique("CHILD", keep="first")
    frame = first.join(still_open, on="CHILD")
    differs = pl.col(column).ne_missing(pl.col(f"{column}_last"))
    return found("SWEpisodes", frame.filter(differs), fields=(column, f"{column}_last"))


ORDER_WITHOUT_DECISION_FIELDS = (
    "CHILD",
    "DATE_PLACED",
    "DATE_PLACED_CEASED",
    "REASON_PLACED_CEASED",
)


def order_without_decision(ret: Return, legal_status: str) -> pl.DataFrame:
    """Episodes under `legal_status` (E1 placement order, D1 freeing order) for a child with no
    PlacedAdoption decision (553, 555). The episode is shown: the missing row has none."""
    decided = ret.table("PlacedAdoption").filter(pl.col("DATE_PLACED").is_not_null())
    frame = ret.table("Episodes").with_columns(
        pl.lit(None, dtype=pl.Date).alias("DATE_PLACED"),
        pl.lit(None, dtype=pl.Date).alias("DATE_PLACED_CEASED"),
        pl.lit(None, dtype=pl.String).alias("REASON_PLACED_CEASED"),
    )
    bad = (pl.col("LS") == legal_status) & ~pl.col("CHILD").is_in(decided["CHILD"].implode())
    return found("Episodes", frame.filter(bad), fields=ORDER_WITHOUT_DECISION_FIELDS)


# -- Derived placement fields, UASC status and Ofsted's provider list ---------------------------

SHORT_BREAKS = ("V3", "V4")
PLACEHOLDER_URN = "XXXXXXX"  # stands for a URN (an adoption agency's, say): no Ofsted lookup
# PL_LA for a placement with no English LA code: confidential, Northern Ireland, Scotland,
# Wales, outside the UK.
PLACEMENT_LA_NOT_ENGLAND = ("CON", "NIR", "SCO", "WAL", "NUK")
# PL_DISTANCE is worked out afresh each year from the postcodes: two years' distances for one
# placement are read as the same unless they differ by this much (453, 503G).
DISTANCE_TOLERANCE = 0.2


def uasc_children(ret: Return) -> pl.Series:
    """Children UASC this year or last: a row in the UASC table, or the XML form's Header
    UASC flag coded 1, in this or last year's return. Years before last are not held, so a
    child formerly UASC only before then is not known (the NOTEs of 164, 392a and 406)."""
    found = [pl.DataFrame(schema={"CHILD": pl.String})]
    for each in (ret, ret.previous):
        if each is None:
            continue
        if "UASC" in each.tables:
            found.append(each.table("UASC").select("CHILD"))
        header = each.tables.get("Header")
        if header is not None and "UASC" in header.columns:
            found.append(header.filter(pl.col("UASC") == "1").select("CHILD"))
    return pl.concat(found)["CHILD"].drop_nulls().unique()


def miles(column: str) -> pl.Expr:
    """PL_DISTANCE (text) as a number; null when blank or not a number."""
    return pl.col(column).cast(pl.Float64, strict=False)


def distances_differ(column: str, other: str) -> pl.Expr:
    """Two distances differ: by DISTANCE_TOLERANCE miles or more, or one is blank and the
    other given (text that is not a number is compared as text)."""
    gap = (miles(column) - miles(other)).abs().round(6) >= DISTANCE_TOLERANCE
    one_blank = pl.col(column).is_null() != pl.col(other).is_null()
    return one_blank | gap.fill_null(pl.col(column).ne(pl.col(other)).fill_null(False))


def urn_looked_up() -> pl.Expr:
    """Episodes whose URN is given and is not the placeholder XXXXXXX."""
    return pl.col("URN").is_not_null() & (pl.col("URN").str.to_uppercase() != PLACEHOLDER_URN)


def providers_by_urn(ret: Return) -> pl.DataFrame:
    """The ProviderInfo table as one row per URN: PLACE_CODES, PROVIDER_CODES, POSTCODE
    (without spaces) and LA_CODE as lists of every row's values, REG_DATE the earliest and
    REG_END the latest (blank if any row has none: still registered)."""
    codes = ("PLACE_CODES", "PROVIDER_CODES")
    return (
        ret.table("ProviderInfo")
        .filter(pl.col("URN").is_not_null())
        .group_by("URN", maintain_order=True)
        .agg(
            *(pl.col(c).str.split(",").explode().drop_nulls().unique().sort() for c in codes),
            pl.col("POSTCODE").str.replace_all(" ", "").drop_nulls().unique().sort(),
            pl.col("LA_CODE").drop_nulls().unique().sort(),
            pl.col("REG_DATE").min(),
            pl.when(pl.col("REG_END").is_null().any())
            .then(pl.lit(None, dtype=pl.Date))
            .otherwise(pl.col("REG_END").max())
            .alias("REG_END"),
        )
    )


def episodes_with_provider(ret: Return) -> pl.DataFrame:
    """Episodes whose URN (given, not XXXXXXX) is on the provider list, with its facts as in
    `providers_by_urn`. A URN not on the list is 1008's to report, so the rules comparing an
    episode with the list's facts (219-229) do not test it."""
    return (
        ret.table("Episodes")
        .filter(urn_looked_up())
        .with_columns(pl.col("URN").str.to_uppercase().alias("_urn"))
        .join(
            providers_by_urn(ret).rename({"URN": "_urn"}),
            on="_urn",
            how="inner",
            maintain_order="left",
        )
        .drop("_urn")
    )
