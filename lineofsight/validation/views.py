"""The validation page: the records' CIN census under DfE's rules, before it is submitted."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from lineofsight.accounts.access import every_child_visible
from lineofsight.accounts.models import User
from lineofsight.core.selectors import council_today
from lineofsight.returns.forms import YEARS
from lineofsight.validation.engine.run import Validation
from lineofsight.validation.report import report_write
from lineofsight.validation.selectors import validation_page

SHOWN = 500
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _year(request: HttpRequest) -> int:
    today = council_today()
    ended = today.year if (today.month, today.day) >= (3, 31) else today.year - 1
    chosen = request.GET.get("year", "")
    years = [year for year, _ in YEARS]
    return int(chosen) if chosen.isdigit() and int(chosen) in years else min(max(ended, 2017), 2026)


def _download(validation: Validation, year: int, format: str) -> HttpResponse:
    name = f"cin-census-{year}-validation"
    if format == "csv":
        text = report_write(validation, title=name, format="csv", out=None)
        response = HttpResponse(text, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / f"{name}.xlsx"
        report_write(validation, title=name, format="xlsx", out=out)
        response = HttpResponse(out.read_bytes(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


@never_cache
@login_required
def validation(request: HttpRequest) -> HttpResponse:
    viewer = request.user
    assert isinstance(viewer, User)
    year = _year(request)
    page = validation_page(
        viewer=viewer,
        year=year,
        rule=request.GET.get("rule", ""),
        team=request.GET.get("team", ""),
        worker=request.GET.get("worker", ""),
    )
    if request.GET.get("format") in {"csv", "xlsx"}:
        filtered = Validation(failures=page.failures.drop("team", "worker"), skipped=())
        return _download(filtered, year, request.GET["format"])
    context = {
        "page": page,
        "years": YEARS,
        "failures": page.failures.head(SHOWN).to_dicts(),
        "shown": min(SHOWN, page.failures.height),
        # Counted here: templates look names up as keys first, and a frame's keys are columns.
        "matching": page.failures.height,
        "errors": page.validation.errors.height,
        "queries": page.validation.queries.height,
        "skipped": page.validation.skipped,
        "filters": {k: request.GET.get(k, "") for k in ("rule", "team", "worker")},
        # Analysts may not open children's records: the child's worker fixes the failure.
        "link_children": every_child_visible(viewer),
    }
    return render(request, "validation/validation.html", context)
