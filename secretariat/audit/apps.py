from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "secretariat.audit"
    label = "audit"
    verbose_name = "Audit of the record"

    def ready(self) -> None:
        # The core imports no app: each app hands it its rows of the permission table.
        from secretariat.audit.domain.policy import POLICY
        from secretariat.core.domain.permissions import register_policy

        register_policy(POLICY)
