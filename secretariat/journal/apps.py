from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "secretariat.journal"
    label = "journal"
    verbose_name = "Journal"
