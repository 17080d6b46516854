from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "eo13.access"
    label = "access"
