from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "eo13.training"
    label = "training"
