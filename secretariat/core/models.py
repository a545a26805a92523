"""Who a user is in the organization: one role, and for national roles the state they act for."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q

from secretariat.core.domain.actors import Role


class RoleChoices(models.TextChoices):
    DELEGATION = Role.DELEGATION.value, "Delegation of a member state"
    SECRETARIAT = Role.SECRETARIAT.value, "Secretariat"
    BORDER_OFFICER = Role.BORDER_OFFICER.value, "Border or consular officer"
    AUDITOR = Role.AUDITOR.value, "Auditor"


NATIONAL_ROLES = [Role.DELEGATION.value, Role.BORDER_OFFICER.value]


class UserRole(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="secretariat_role"
    )
    role = models.CharField(max_length=20, choices=RoleChoices.choices)
    state = models.ForeignKey(
        "members.MemberState",
        to_field="code",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="officials",
    )

    class Meta:
        constraints = [
            # National roles act for exactly one state; the others act for none.
            models.CheckConstraint(
                condition=(Q(role__in=NATIONAL_ROLES) & Q(state__isnull=False))
                | (~Q(role__in=NATIONAL_ROLES) & Q(state__isnull=True)),
                name="userrole_state_matches_role",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.role}{' ' + self.state_id if self.state_id else ''}"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for API clients; only its SHA-256 is stored, the token is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.user})"

    @staticmethod
    def new_raw_token() -> str:
        return "sec_" + secrets.token_urlsafe(32)
