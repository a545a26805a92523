from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "secretariat.members"
    label = "members"
    verbose_name = "Members"

    def ready(self) -> None:
        # The core imports no app: each app hands it its rows of the permission table.
        from secretariat.core.domain.permissions import register_policy
        from secretariat.members.domain.policy import POLICY

        register_policy(POLICY)
        # What only the register of states knows, asked by the core (accounts, signing keys, page
        # headers, feeds, the first start of `serve`).
        from secretariat.core import registry
        from secretariat.members import selectors

        registry.provide("state_exists", selectors.state_exists)
        registry.provide("organization", selectors.organization_profile)
        registry.provide("dataset_loaded", selectors.dataset_loaded)
        registry.provide("state_name", selectors.state_name)
