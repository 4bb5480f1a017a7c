from django.conf import settings
from django.urls import include, path

urlpatterns = [
    path("accounts/", include("lineofsight.accounts.urls")),
    path("", include("lineofsight.journey.urls")),
    path("", include("lineofsight.people.urls")),
    path("", include("lineofsight.timescales.urls")),
    path("", include("lineofsight.returns.urls")),
    path("", include("lineofsight.validation.urls")),
    path("", include("lineofsight.reports.urls")),
    path("", include("lineofsight.frontend.urls")),
]

if getattr(settings, "LINEOFSIGHT_OIDC_ISSUER", ""):
    # Single sign-on's callback and start (see config/settings/oidc.py).
    urlpatterns.insert(0, path("oidc/", include("mozilla_django_oidc.urls")))
