from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "eo13.web"
    label = "web"
    verbose_name = "Web shell"
