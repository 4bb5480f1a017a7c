"""Formatting an indicator's value in its unit, as the board pages show it."""

from __future__ import annotations

import math

from django import template

register = template.Library()

_SUFFIX = {"percent": "%", "days": " days", "rate_per_10k": ""}
RAG_TAGS = {"green": "govuk-tag--green", "amber": "govuk-tag--yellow", "red": "govuk-tag--red"}
RAG_TEXT = {"green": "Green", "amber": "Amber", "red": "Red"}


def _number(value: object) -> float | None:
    """The value as a number, or None when there is none: a missing figure, or what a
    template gives for a lookup that failed (`line.comparators.england` on a line without
    comparators is "", not None)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return None if math.isnan(value) or math.isinf(value) else float(value)


@register.filter
def in_unit(value: object, unit: str) -> str:
    """`value` rounded and marked for `unit` ("—" for no value)."""
    number = _number(value)
    if number is None:
        return "—"
    if unit == "count":
        return f"{number:,.0f}"
    decimals = 0 if unit == "days" else 1
    return f"{number:,.{decimals}f}{_SUFFIX.get(unit, '')}"


@register.filter
def whole(value: object) -> str:
    number = _number(value)
    if number is None:
        return "—"
    return f"{number:,.0f}" if number.is_integer() else f"{number:,.1f}"


@register.filter
def rag_class(rag: str | None) -> str:
    return RAG_TAGS.get(rag or "", "govuk-tag--grey")


@register.filter
def rag_text(rag: str | None) -> str:
    return RAG_TEXT.get(rag or "", "No target")
