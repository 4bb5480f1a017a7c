from django.apps import AppConfig


class FrontendConfig(AppConfig):
    name = "lineofsight.frontend"
    label = "frontend"
