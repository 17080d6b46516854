from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    name = "eo13.agencies"
    label = "agencies"
    verbose_name = "Agency registry"
