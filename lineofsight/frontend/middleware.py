"""Security headers Django 5.2 does not set itself."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

DEFAULT_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'; object-src 'none'"
)
DEFAULT_PERMISSIONS_POLICY = "camera=(), geolocation=(), microphone=(), payment=(), usb=()"


class SecurityHeadersMiddleware:
    """Add a Content-Security-Policy and a Permissions-Policy unless a view set its own.

    Pages load scripts, styles, fonts and images only from this site: templates carry no
    inline scripts or styles, so the policy needs no nonces or hashes.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.csp = getattr(
            settings, "LINEOFSIGHT_CONTENT_SECURITY_POLICY", DEFAULT_CONTENT_SECURITY_POLICY
        )
        self.permissions = getattr(
            settings, "LINEOFSIGHT_PERMISSIONS_POLICY", DEFAULT_PERMISSIONS_POLICY
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.csp:
            response.headers.setdefault("Content-Security-Policy", self.csp)
        if self.permissions:
            response.headers.setdefault("Permissions-Policy", self.permissions)
        return response
