from django.apps import AppConfig


class ForcesConfig(AppConfig):
    name = "secretariat.forces"
    label = "forces"
    verbose_name = "Forces"
