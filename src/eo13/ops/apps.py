from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "eo13.ops"
    label = "ops"
    verbose_name = "Operations"
