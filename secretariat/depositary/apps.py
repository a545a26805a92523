from django.apps import AppConfig


class DepositaryConfig(AppConfig):
    name = "secretariat.depositary"
    label = "depositary"
    verbose_name = "Depositary"

    def ready(self) -> None:
        # The core imports no app: each app hands it its rows of the permission table.
        from secretariat.core.domain.permissions import register_policy
        from secretariat.depositary.domain.policy import POLICY

        register_policy(POLICY)
