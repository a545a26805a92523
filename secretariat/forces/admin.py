"""Forces in the admin: read-only lists for the secretariat. Pledges and records are written
through the portal, the API or the dataset, all of which go through forces.services."""

from django.contrib import admin

from secretariat.core.admin_base import ReadOnlyAdmin
from secretariat.forces.models import Contingent, Exercise, Formation


@admin.register(Formation)
class FormationAdmin(ReadOnlyAdmin):
    list_display = ["code", "kind", "name_en", "established", "founding_instrument"]


@admin.register(Contingent)
class ContingentAdmin(ReadOnlyAdmin):
    list_display = ["code", "formation", "state", "unit_en", "strength", "start", "end"]
    list_filter = ["formation", "state", "unit_type"]


@admin.register(Exercise)
class ExerciseAdmin(ReadOnlyAdmin):
    list_display = ["code", "name_en", "start", "host", "formation"]
