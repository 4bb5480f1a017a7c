"""What every page needs to know: the service's name, the council it serves, and which of the
role-specific pages the signed-in user's navigation offers."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from lineofsight.accounts.access import sections_visible_to
from lineofsight.accounts.models import User
from lineofsight.core.selectors import council_get

SERVICE_NAME = "Line of Sight"


def service(request: HttpRequest) -> dict[str, Any]:
    council = council_get()
    user = getattr(request, "user", None)
    return {
        "service_name": SERVICE_NAME,
        "council": council,
        "council_name": council.name if council else settings.LINEOFSIGHT_COUNCIL_NAME,
        # The role-specific pages the service navigation links to (none when signed out).
        "sections": sections_visible_to(user) if isinstance(user, User) else {},
        # Single sign-on through the council's identity provider, when it is configured.
        "single_sign_on": bool(getattr(settings, "LINEOFSIGHT_OIDC_ISSUER", "")),
    }
