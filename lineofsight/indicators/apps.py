from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "lineofsight.indicators"
    label = "indicators"
