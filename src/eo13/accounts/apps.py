from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "eo13.accounts"
    label = "accounts"
    verbose_name = "Accounts and roles"
