"""Formatting an indicator's value in its unit, as the board pages show it."""

from __future__ import annotations

from django import template

register = template.Library()

_SUFFIX = {"percent": "%", "days": " days", "rate_per_10k": ""}
RAG_TAGS = {"green": "govuk-tag--green", "amber": "govuk-tag--yellow", "red": "govuk-tag--red"}
RAG_TEXT = {"green": "Green", "amber": "Amber", "red": "Red"}


@register.filter
def in_unit(value: float | None, unit: str) -> str:
    """`value` rounded and marked for `unit` ("—" for no value)."""
    if value is None:
        return "—"
    if unit == "count":
        return f"{value:,.0f}"
    decimals = 0 if unit == "days" else 1
    return f"{value:,.{decimals}f}{_SUFFIX.get(unit, '')}"


@register.filter
def whole(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


@register.filter
def rag_class(rag: str | None) -> str:
    return RAG_TAGS.get(rag or "", "govuk-tag--grey")


@register.filter
def rag_text(rag: str | None) -> str:
    return RAG_TEXT.get(rag or "", "No target")
