from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "secretariat.members"
    label = "members"
    verbose_name = "Members"
