"""A validation written out: text for a person at a terminal, JSON, CSV or an Excel workbook
(failures, and summaries by rule and by child)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

import polars as pl

from lineofsight.validation.engine.run import Validation, summary_by_child, summary_by_rule

Format = Literal["text", "json", "csv", "xlsx"]
_SHOWN_IN_TEXT = 20


def report_text(validation: Validation, *, title: str) -> str:
    failures = validation.failures
    errors, queries = validation.errors.height, validation.queries.height
    lines = [f"{title}: {errors:,} errors, {queries:,} queries"]
    if validation.skipped:
        lines.append(
            "not run (the return lacks a table or column they read, last year's return or "
            f"the council's LA code): {', '.join(validation.skipped)}"
        )
    for row in summary_by_rule(failures).iter_rows(named=True):
        lines.append(
            f"  {row['rule']:>6} {row['severity']:<5} {row['failures']:>6,} failures, "
            f"{row['children']:>5,} children: {row['message']}"
        )
    if failures.height:
        lines.append(f"first {min(_SHOWN_IN_TEXT, failures.height)} failures:")
    for row in failures.head(_SHOWN_IN_TEXT).iter_rows(named=True):
        where = f"{row['table']} row {row['row']}" if row["row"] is not None else row["table"]
        child = row["child_id"] or "(the whole return)"
        lines.append(f"  {row['rule']} {child} {where}: {row['values']}")
    return "\n".join(lines) + "\n"


def report_json(validation: Validation, *, title: str) -> str:
    document = {
        "title": title,
        "errors": validation.errors.height,
        "queries": validation.queries.height,
        "skipped": list(validation.skipped),
        "by_rule": summary_by_rule(validation.failures).to_dicts(),
        "failures": validation.failures.to_dicts(),
    }
    return json.dumps(document, indent=1, default=str) + "\n"


def report_write(validation: Validation, *, title: str, format: Format, out: Path | None) -> str:
    """Write the report to `out` (or return it as text for standard output when `out` is
    None; an Excel workbook always needs a file)."""
    if format == "xlsx":
        if out is None:
            raise ValueError("an Excel report needs --out FILE.xlsx")
        _workbook_write(validation, out)
        return ""
    if format == "csv":
        text = validation.failures.write_csv()
    elif format == "json":
        text = report_json(validation, title=title)
    else:
        text = report_text(validation, title=title)
    if out is None:
        return text
    out.write_text(text, encoding="utf-8")
    return ""


def _workbook_write(validation: Validation, out: Path) -> None:
    import xlsxwriter

    by_child = summary_by_child(validation.failures).with_columns(pl.col("rules").list.join(", "))
    with xlsxwriter.Workbook(str(out)) as workbook:
        for name, frame in (
            ("Failures", validation.failures),
            ("By rule", summary_by_rule(validation.failures)),
            ("By child", by_child),
        ):
            frame.write_excel(workbook, worksheet=name, autofit=True)
