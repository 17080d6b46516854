from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "eo13.policies"
    label = "policies"
