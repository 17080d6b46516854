from django.apps import AppConfig


class CommitteeConfig(AppConfig):
    name = "eo13.committee"
    label = "committee"
