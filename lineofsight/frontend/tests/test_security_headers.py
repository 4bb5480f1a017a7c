"""Every response carries the security headers, signed in or not."""

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["frontend:home", "frontend:about", "accounts:login"])
def test_security_headers_present(client: Client, name: str) -> None:
    response = client.get(reverse(name))

    assert response.status_code == 200
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]


def test_a_view_may_set_its_own_policy(rf: RequestFactory) -> None:
    from lineofsight.frontend.middleware import SecurityHeadersMiddleware

    def view(request: HttpRequest) -> HttpResponse:
        response = HttpResponse()
        response.headers["Content-Security-Policy"] = "default-src 'none'"
        return response

    response = SecurityHeadersMiddleware(view)(rf.get("/"))

    assert response.headers["Content-Security-Policy"] == "default-src 'none'"
