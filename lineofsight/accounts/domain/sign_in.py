"""Sign-in rules that need no database."""


def sign_in_key(username: str) -> str:
    """The form of a username that sign-in lockouts are kept under: trimmed, lower case."""
    return username.strip().lower()[:150]
