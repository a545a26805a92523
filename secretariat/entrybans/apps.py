from django.apps import AppConfig


class EntrybansConfig(AppConfig):
    name = "secretariat.entrybans"
    label = "entrybans"
    verbose_name = "Common entry-ban register"
