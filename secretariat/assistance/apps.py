from django.apps import AppConfig


class AssistanceConfig(AppConfig):
    name = "secretariat.assistance"
    label = "assistance"
    verbose_name = "Collective assistance"

    def ready(self) -> None:
        # The core imports no app: each app hands it its rows of the permission table.
        from secretariat.assistance.domain.policy import POLICY
        from secretariat.core.domain.permissions import register_policy

        register_policy(POLICY)
