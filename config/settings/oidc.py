"""Optional single sign-on (OpenID Connect, mozilla-django-oidc): the settings it adds.

Switched on by LINEOFSIGHT_OIDC_ISSUER; then the client and the provider's endpoints must be
given too (the library does not read the provider's discovery document):

    LINEOFSIGHT_OIDC_CLIENT_ID, LINEOFSIGHT_OIDC_CLIENT_SECRET,
    LINEOFSIGHT_OIDC_AUTHORIZATION_ENDPOINT, LINEOFSIGHT_OIDC_TOKEN_ENDPOINT,
    LINEOFSIGHT_OIDC_USERINFO_ENDPOINT, LINEOFSIGHT_OIDC_JWKS_ENDPOINT,
    optionally LINEOFSIGHT_OIDC_SIGN_ALGO (RS256) and LINEOFSIGHT_OIDC_SCOPES.

Without the issuer nothing is added and sign-in is by password alone.
"""

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

OIDC_BACKEND = "lineofsight.accounts.oidc.ExistingUsersOIDCBackend"
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"  # passwords

REQUIRED = {
    "OIDC_RP_CLIENT_ID": "LINEOFSIGHT_OIDC_CLIENT_ID",
    "OIDC_RP_CLIENT_SECRET": "LINEOFSIGHT_OIDC_CLIENT_SECRET",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "LINEOFSIGHT_OIDC_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT": "LINEOFSIGHT_OIDC_TOKEN_ENDPOINT",
    "OIDC_OP_USER_ENDPOINT": "LINEOFSIGHT_OIDC_USERINFO_ENDPOINT",
    "OIDC_OP_JWKS_ENDPOINT": "LINEOFSIGHT_OIDC_JWKS_ENDPOINT",
}


def oidc_settings(environ: Mapping[str, str]) -> dict[str, object]:
    """The settings single sign-on adds, from the environment; empty when it is off."""
    issuer = environ.get("LINEOFSIGHT_OIDC_ISSUER", "").strip()
    if not issuer:
        return {}
    missing = [name for name in REQUIRED.values() if not environ.get(name, "").strip()]
    if missing:
        raise ImproperlyConfigured(
            f"LINEOFSIGHT_OIDC_ISSUER is set, so these must be too: {', '.join(missing)}"
        )
    settings: dict[str, object] = {
        setting: environ[name].strip() for setting, name in REQUIRED.items()
    }
    settings.update(
        {
            "LINEOFSIGHT_OIDC_ISSUER": issuer,
            "AUTHENTICATION_BACKENDS": [MODEL_BACKEND, OIDC_BACKEND],
            "OIDC_RP_SIGN_ALGO": environ.get("LINEOFSIGHT_OIDC_SIGN_ALGO", "RS256"),
            "OIDC_RP_SCOPES": environ.get("LINEOFSIGHT_OIDC_SCOPES", "openid email profile"),
            # Matched to existing users only (see lineofsight.accounts.oidc).
            "OIDC_CREATE_USER": False,
            "OIDC_USE_PKCE": True,
            "LOGIN_REDIRECT_URL_FAILURE": "accounts:login",
        }
    )
    return settings
