"""Security headers Django 5.2 does not set itself, the idle session timeout, and answers
read once per request."""

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from lineofsight.core.request_memo import request_memo

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


class SessionIdleTimeoutMiddleware:
    """Sign a user out after `SESSION_COOKIE_AGE` seconds without a request.

    The session's expiry is pushed back at most once a minute (`SESSION_REFRESH_SECONDS`)
    rather than on every request, so a busy page does not write the session row each time
    (with 20 people on the Team page that write was most of its time on SQLite). The timeout
    is therefore exact to within that minute.
    """

    KEY = "_last_refreshed"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.every = int(getattr(settings, "SESSION_REFRESH_SECONDS", 60))

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            if now - int(request.session.get(self.KEY, 0)) >= self.every:
                request.session[self.KEY] = now  # marks the session modified: saved, re-dated
        return self.get_response(request)


class RequestMemoMiddleware:
    """Answers the same all request long (the council, a viewer's access to a child) are read
    once per request (`core.request_memo`)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with request_memo():
            return self.get_response(request)
