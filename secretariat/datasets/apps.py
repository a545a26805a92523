from django.apps import AppConfig


class DatasetsConfig(AppConfig):
    name = "secretariat.datasets"
    label = "datasets"
    verbose_name = "Datasets"
