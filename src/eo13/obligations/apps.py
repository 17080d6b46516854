from django.apps import AppConfig


class ObligationsConfig(AppConfig):
    name = "eo13.obligations"
    label = "obligations"
