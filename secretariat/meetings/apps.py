from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "secretariat.meetings"
    label = "meetings"
    verbose_name = "Meetings and decisions"

    def ready(self) -> None:
        # The core imports no app: each app hands it its rows of the permission table.
        from secretariat.core.domain.permissions import register_policy
        from secretariat.meetings.domain.policy import POLICY

        register_policy(POLICY)
