from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "lineofsight.accounts"
    label = "accounts"
