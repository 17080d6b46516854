from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "eo13.privacy"
    label = "privacy"
