"""Optional single sign-on: settings only when the issuer is configured; existing users only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, SuspiciousOperation
from pytest_django.fixtures import Settings

from config.settings.oidc import MODEL_BACKEND, OIDC_BACKEND, oidc_settings
from lineofsight.accounts.models import Role, User
from lineofsight.accounts.oidc import ExistingUsersOIDCBackend

ENVIRONMENT = {
    "LINEOFSIGHT_OIDC_ISSUER": "https://login.example.test/council",
    "LINEOFSIGHT_OIDC_CLIENT_ID": "line-of-sight",
    "LINEOFSIGHT_OIDC_CLIENT_SECRET": "not-a-real-secret",
    "LINEOFSIGHT_OIDC_AUTHORIZATION_ENDPOINT": "https://login.example.test/authorize",
    "LINEOFSIGHT_OIDC_TOKEN_ENDPOINT": "https://login.example.test/token",
    "LINEOFSIGHT_OIDC_USERINFO_ENDPOINT": "https://login.example.test/userinfo",
    "LINEOFSIGHT_OIDC_JWKS_ENDPOINT": "https://login.example.test/jwks",
}
ROOT = Path(__file__).resolve().parents[3]


# --- Settings ----------------------------------------------------------------------------------


def test_without_an_issuer_nothing_is_added() -> None:
    assert oidc_settings({}) == {}
    assert oidc_settings({"LINEOFSIGHT_OIDC_CLIENT_ID": "x"}) == {}


def test_with_an_issuer_the_backend_is_added_beside_passwords() -> None:
    added = oidc_settings(ENVIRONMENT)

    assert added["AUTHENTICATION_BACKENDS"] == [MODEL_BACKEND, OIDC_BACKEND]
    assert added["OIDC_CREATE_USER"] is False
    assert added["OIDC_RP_CLIENT_ID"] == "line-of-sight"
    assert added["OIDC_OP_USER_ENDPOINT"] == "https://login.example.test/userinfo"
    assert added["OIDC_RP_SIGN_ALGO"] == "RS256"


def test_an_issuer_without_its_client_and_endpoints_is_a_configuration_error() -> None:
    environment = {**ENVIRONMENT, "LINEOFSIGHT_OIDC_TOKEN_ENDPOINT": ""}

    with pytest.raises(ImproperlyConfigured, match="LINEOFSIGHT_OIDC_TOKEN_ENDPOINT"):
        oidc_settings(environment)


def _settings_in_a_fresh_process(environment: dict[str, str]) -> dict[str, object]:
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps({'backends': settings.AUTHENTICATION_BACKENDS, "
        "'create': getattr(settings, 'OIDC_CREATE_USER', None)}))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINEOFSIGHT_OIDC_")}
    env.update(environment, DJANGO_SETTINGS_MODULE="config.settings.test")
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def test_the_settings_with_the_variables_give_the_oidc_backend() -> None:
    loaded = _settings_in_a_fresh_process(ENVIRONMENT)

    assert loaded == {"backends": [MODEL_BACKEND, OIDC_BACKEND], "create": False}


def test_the_settings_without_the_variables_give_passwords_only() -> None:
    loaded = _settings_in_a_fresh_process({})

    assert loaded == {"backends": [MODEL_BACKEND], "create": None}


# --- The backend ------------------------------------------------------------------------------


class _UserInfo(BaseHTTPRequestHandler):
    """The identity provider's userinfo endpoint: answers a bearer token with the claims set
    on the server, as a real provider would over HTTP."""

    def do_GET(self) -> None:
        claims = getattr(self.server, "claims", {})
        if self.headers.get("Authorization") != "Bearer access":
            self.send_response(401)
            self.end_headers()
            return
        body = json.dumps(claims).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:  # keep the test output quiet
        pass


@pytest.fixture
def provider() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _UserInfo)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def backend(settings: Settings, provider: ThreadingHTTPServer) -> ExistingUsersOIDCBackend:
    for name, value in oidc_settings(ENVIRONMENT).items():
        setattr(settings, name, value)
    host, port = provider.server_address[:2]
    settings.OIDC_OP_USER_ENDPOINT = f"http://{host!s}:{port}/userinfo"
    found = ExistingUsersOIDCBackend()
    found.provider = provider
    return found


@pytest.fixture
def sam(db: None) -> User:
    return User.objects.create_user(
        username="sam.smith", email="Sam.Smith@council.example", role=Role.SOCIAL_WORKER
    )


def sign_in(backend: ExistingUsersOIDCBackend, claims: dict[str, object]) -> User | None:
    """What the backend does with an access token once the provider answers with `claims`."""
    backend.provider.claims = claims
    user: User | None = backend.get_or_create_user("access", "id", {})
    return user


def test_a_user_is_matched_by_username(backend: ExistingUsersOIDCBackend, sam: User) -> None:
    assert sign_in(backend, {"preferred_username": "SAM.SMITH", "email": "x@y.z"}) == sam


def test_a_user_is_matched_by_a_verified_email(
    backend: ExistingUsersOIDCBackend, sam: User
) -> None:
    assert sign_in(backend, {"email": "sam.smith@council.example", "email_verified": True}) == sam


def test_an_unverified_email_matches_no_one(backend: ExistingUsersOIDCBackend, sam: User) -> None:
    with pytest.raises(SuspiciousOperation, match="Claims verification failed"):
        sign_in(backend, {"email": "sam.smith@council.example", "email_verified": False})


def test_an_unknown_person_is_not_created(backend: ExistingUsersOIDCBackend, sam: User) -> None:
    assert sign_in(backend, {"preferred_username": "stranger", "email": "s@elsewhere.test"}) is None
    assert User.objects.count() == 1


def test_an_inactive_user_is_not_matched(backend: ExistingUsersOIDCBackend, sam: User) -> None:
    sam.is_active = False
    sam.save(update_fields=["is_active"])

    assert sign_in(backend, {"preferred_username": "sam.smith"}) is None


def test_the_backend_refuses_to_create_a_user_even_if_asked(
    backend: ExistingUsersOIDCBackend, db: None
) -> None:
    with pytest.raises(PermissionDenied):
        backend.create_user({"email": "new@council.example"})
    assert not User.objects.exists()
