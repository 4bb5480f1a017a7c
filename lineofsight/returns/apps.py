from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "lineofsight.returns"
    label = "returns"
