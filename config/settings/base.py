"""Settings shared by every environment; the others only override."""

import os
from pathlib import Path

import environ

from config.settings.oidc import MODEL_BACKEND, oidc_settings
from lineofsight.core.domain.published import DATA_ROOT

BASE_DIR = Path(__file__).resolve().parents[2]
env = environ.Env()

# The shared reference data (DfE figures, schemas): ../shared/data beside the checkout, or
# LINEOFSIGHT_SHARED_DATA. One definition, shared with the pure readers.
SHARED_DATA_DIR = DATA_ROOT
VAR_DIR = Path(env("LINEOFSIGHT_VAR_DIR", default=str(BASE_DIR / "var")))

SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "govuk_frontend_django",
    "lineofsight.core",
    "lineofsight.accounts",
    "lineofsight.people",
    "lineofsight.journey",
    "lineofsight.timescales",
    "lineofsight.indicators",
    "lineofsight.returns",
    "lineofsight.validation",
    "lineofsight.reports",
    "lineofsight.frontend",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lineofsight.frontend.middleware.SecurityHeadersMiddleware",
    "lineofsight.frontend.middleware.RequestMemoMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lineofsight.frontend.middleware.SessionIdleTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lineofsight.frontend.context_processors.service",
            ],
        },
    },
]

# SQLite under var/ unless DATABASE_URL names another database (PostgreSQL in production).
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'lineofsight.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"timeout": 30, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
# Signed in, people land on their account page (it names their role and worker record).
LOGIN_REDIRECT_URL = "accounts:account"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTHENTICATION_BACKENDS = [MODEL_BACKEND]
# Single sign-on, only when LINEOFSIGHT_OIDC_ISSUER is set (see config/settings/oidc.py): it
# adds the OIDC backend beside passwords, and the library's settings.
globals().update(oidc_settings(os.environ))
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

SESSION_COOKIE_AGE = 60 * 30
# Idle timeout: SessionIdleTimeoutMiddleware re-dates the session at most once a minute.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_REFRESH_SECONDS = 60
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Set by lineofsight.frontend.middleware.SecurityHeadersMiddleware. Templates use no inline
# scripts or styles, so everything can come from this site alone.
LINEOFSIGHT_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'; object-src 'none'"
)
LINEOFSIGHT_PERMISSIONS_POLICY = "camera=(), geolocation=(), microphone=(), payment=(), usb=()"

# Sign-in lockout: this many wrong passwords in a row for a username locks it for this long.
LINEOFSIGHT_SIGN_IN_MAX_FAILURES = 5
LINEOFSIGHT_SIGN_IN_LOCKOUT_MINUTES = 15

# The council this installation serves; the demo sets it from the synthetic council loaded.
LINEOFSIGHT_COUNCIL_NAME = env("LINEOFSIGHT_COUNCIL_NAME", default="")
# Pin the service's "today" (YYYY-MM-DD); empty means the real date (or a synthetic council's
# reference date).
LINEOFSIGHT_TODAY = env("LINEOFSIGHT_TODAY", default="")
