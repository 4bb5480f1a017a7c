"""Reads of users and the worker records they act as."""

from lineofsight.accounts.models import User


def user_account_get(*, viewer: User) -> User:
    """The signed-in user's own account, with the worker record they act as."""
    return User.objects.select_related("worker").get(pk=viewer.pk)
