"""Pseudonyms for children in lists shown to people who count children but need not know who.

A keyed HMAC of the child's ID with the installation's SECRET_KEY: the same child gets the
same pseudonym on every page and download, and without the key it cannot be turned back into
the ID (nor worked out from a list of IDs).
"""

from django.utils.crypto import salted_hmac

# Separates these HMACs from every other use of SECRET_KEY; changing it renames every child.
PSEUDONYM_SALT = "lineofsight.accounts.child_pseudonym"
# 12 hex digits (48 bits): a clash among a council's children is vanishingly unlikely.
PSEUDONYM_LENGTH = 12


def child_pseudonym(child_id: str) -> str:
    """`P-` and 12 upper-case hex digits, the same for the same child ID and key."""
    digest = salted_hmac(PSEUDONYM_SALT, child_id, algorithm="sha256").hexdigest()
    return f"P-{digest[:PSEUDONYM_LENGTH].upper()}"
