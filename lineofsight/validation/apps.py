from django.apps import AppConfig


class ValidationConfig(AppConfig):
    name = "lineofsight.validation"
    label = "validation"
