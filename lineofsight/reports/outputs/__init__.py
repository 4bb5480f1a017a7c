"""A computed scorecard in every form a board receives it: JSON, Excel, HTML and PDF.

Each renderer takes the same `Scorecard` and the commentary written on it, keyed as
`commentary.commentary_key` says, so the formats cannot disagree.
"""
