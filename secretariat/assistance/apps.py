from django.apps import AppConfig


class AssistanceConfig(AppConfig):
    name = "secretariat.assistance"
    label = "assistance"
    verbose_name = "Collective assistance"
