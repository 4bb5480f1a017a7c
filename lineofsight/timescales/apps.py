from django.apps import AppConfig


class TimescalesConfig(AppConfig):
    name = "lineofsight.timescales"
    label = "timescales"
