"""Single sign-on with the council's identity provider (OpenID Connect), when configured.

Signing in this way never creates a user: the person must already have a Line of Sight user,
with a role an administrator gave them, matched by username (`preferred_username`) or, failing
that, by a verified email address. Inactive users are never matched.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from lineofsight.accounts.models import User

NO_SUCH_USER = "Single sign-on does not create users: ask an administrator for an account"


class ExistingUsersOIDCBackend(OIDCAuthenticationBackend):
    """The library's backend, matching only existing active users and refusing to create one."""

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(claims.get("preferred_username") or _verified_email(claims))

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        active = User.objects.filter(is_active=True)
        username = claims.get("preferred_username")
        if username:
            by_username = active.filter(username__iexact=username)
            if by_username.exists():
                return by_username
        email = _verified_email(claims)
        if email:
            return active.filter(email__iexact=email)
        return User.objects.none()

    def create_user(self, claims: dict[str, Any]) -> User:
        # OIDC_CREATE_USER is False too; this is the second lock on the same door.
        raise PermissionDenied(NO_SUCH_USER)


def _verified_email(claims: dict[str, Any]) -> str:
    """The email claim, unless the provider says it is unverified (anyone could type it)."""
    if claims.get("email_verified") is False:
        return ""
    return str(claims.get("email") or "")
