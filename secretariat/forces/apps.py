from django.apps import AppConfig


class ForcesConfig(AppConfig):
    name = "secretariat.forces"
    label = "forces"
    verbose_name = "Forces"

    def ready(self) -> None:
        # The core imports no app: each app hands it its rows of the permission table.
        from secretariat.core.domain.permissions import register_policy
        from secretariat.forces.domain.policy import POLICY

        register_policy(POLICY)
