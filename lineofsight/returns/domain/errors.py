"""Errors a statutory return raises: they say which file, line or element, field and value."""


class ReturnError(ValueError):
    """A return could not be read or written; the message names where and what was expected."""
