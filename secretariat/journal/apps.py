from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "secretariat.journal"
    label = "journal"
    verbose_name = "Journal"

    def ready(self) -> None:
        # The core imports no app: each app hands it its rows of the permission table.
        from secretariat.core.domain.permissions import register_policy
        from secretariat.journal.domain.policy import POLICY

        register_policy(POLICY)
