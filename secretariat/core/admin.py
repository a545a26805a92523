from django.contrib import admin

from secretariat.core.admin_base import ReadOnlyAdmin
from secretariat.core.models import UserRole


@admin.register(UserRole)
class UserRoleAdmin(ReadOnlyAdmin):
    list_display = ["user", "role", "state"]
