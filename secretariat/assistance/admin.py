"""Collective assistance in the admin: read-only lists for the secretariat. Every step is written
through the portal, the API or the dataset, all of which go through assistance.services."""

from django.contrib import admin

from secretariat.assistance.models import (
    AssistanceRequest,
    Consultation,
    CouncilDecision,
    Deployment,
    Mandate,
)
from secretariat.core.admin_base import ReadOnlyAdmin


@admin.register(AssistanceRequest)
class AssistanceRequestAdmin(ReadOnlyAdmin):
    list_display = ["code", "state", "requested_on", "status", "closed_on", "withdrawn_on"]
    list_filter = ["status", "state"]


@admin.register(Consultation)
class ConsultationAdmin(ReadOnlyAdmin):
    list_display = ["request", "date", "held_by_en", "session"]


@admin.register(CouncilDecision)
class CouncilDecisionAdmin(ReadOnlyAdmin):
    list_display = ["request", "date", "outcome", "session"]


@admin.register(Mandate)
class MandateAdmin(ReadOnlyAdmin):
    list_display = ["code", "request", "territory", "start", "end"]


@admin.register(Deployment)
class DeploymentAdmin(ReadOnlyAdmin):
    list_display = ["mandate", "contingent", "area", "strength", "start", "end"]
