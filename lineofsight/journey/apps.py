from django.apps import AppConfig


class JourneyConfig(AppConfig):
    name = "lineofsight.journey"
    label = "journey"
