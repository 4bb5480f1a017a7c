"""Ofsted ILACS Annex A (child-level lists 1-11) from journey frames."""
