from django.apps import AppConfig


class DetainersConfig(AppConfig):
    name = "eo13.detainers"
    label = "detainers"
    verbose_name = "Detainer decisions (Admin Code §9-131, §9-205, §14-154)"
