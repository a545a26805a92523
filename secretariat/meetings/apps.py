from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "secretariat.meetings"
    label = "meetings"
    verbose_name = "Meetings and decisions"
