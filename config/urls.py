from django.urls import include, path

urlpatterns = [
    path("accounts/", include("lineofsight.accounts.urls")),
    path("", include("lineofsight.journey.urls")),
    path("", include("lineofsight.timescales.urls")),
    path("", include("lineofsight.returns.urls")),
    path("", include("lineofsight.validation.urls")),
    path("", include("lineofsight.reports.urls")),
    path("", include("lineofsight.frontend.urls")),
]
