from django.apps import AppConfig


class EntrybansConfig(AppConfig):
    name = "secretariat.entrybans"
    label = "entrybans"
    verbose_name = "Common entry-ban register"

    def ready(self) -> None:
        # The core imports no app: each app hands it its rows of the permission table.
        from secretariat.core.domain.permissions import register_policy
        from secretariat.entrybans.domain.policy import POLICY

        register_policy(POLICY)
        # The access log is evidence like the journal: lifted with it for the test runner.
        from secretariat.entrybans import guards
        from secretariat.journal.guards import register_evidence_guard

        register_evidence_guard(guards.remove)
