"""Admin for secretariat staff that writes through the services, never around them.

The admin site is open to active staff holding the secretariat role only. Journaled records are
added through their service (validated, journaled) and are never edited or deleted in place:
corrections are new service calls, which the journal records.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from secretariat.core.domain.actors import Role
from secretariat.core.domain.errors import DomainError
from secretariat.core.permissions import actor_for


def is_secretariat(request: HttpRequest) -> bool:
    actor = actor_for(getattr(request, "user", None))
    return bool(getattr(request.user, "is_staff", False)) and actor.role is Role.SECRETARIAT


def _secretariat_only(request: HttpRequest) -> bool:
    return bool(request.user.is_active) and is_secretariat(request)


def _login_with_second_factor(request: HttpRequest, extra_context: Any = None) -> HttpResponse:
    # The admin has no login of its own: everyone goes through the two-factor login.
    return redirect_to_login(request.get_full_path(), reverse("core:login"))


admin.site.has_permission = _secretariat_only  # type: ignore[method-assign]
admin.site.login = _login_with_second_factor  # type: ignore[method-assign]
admin.site.site_header = "Secretariat administration"


def pair_languages(fields: Sequence[Any]) -> list[Any]:
    """`x_en` and `x_ru` on one row of the admin form (a tuple: Django shows it side by side),
    where `x_en` stands; every other field as it comes."""
    names = list(fields)
    paired: list[Any] = []
    for name in names:
        if isinstance(name, str) and name.endswith("_ru") and f"{name[:-3]}_en" in names:
            continue
        russian = f"{name[:-3]}_ru" if isinstance(name, str) and name.endswith("_en") else ""
        paired.append((name, russian) if russian in names else name)
    return paired


class ReadOnlyAdmin(admin.ModelAdmin):
    """The admin of a journaled record: secretariat staff only; both languages of each text
    side by side."""

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        if self.fieldsets:
            return self.fieldsets
        return [(None, {"fields": pair_languages(self.get_fields(request, obj))})]

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_secretariat(request)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_secretariat(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ServiceAdmin(ReadOnlyAdmin):
    """Adds go through `write(actor, cleaned_data)`; its refusal becomes the form's error."""

    write: Callable[..., tuple[Any, str]]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return is_secretariat(request)

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        base = super().get_form(request, obj, change=change, **kwargs)
        write = type(self).write
        actor = actor_for(request.user)

        class ServiceForm(base):  # type: ignore[valid-type, misc]
            result: Any = None

            def clean(self) -> dict[str, Any]:
                data = super().clean() or {}
                if self.errors:
                    return data
                try:
                    self.result, _outcome = write(actor, **self.service_kwargs(data))
                except DomainError as exc:
                    raise ValidationError(exc.message) from None
                return data

            def _post_clean(self) -> None:
                # The service has validated and written the row; the model form's own
                # instance checks would now see that row and call it a duplicate of itself.
                return None

            def service_kwargs(self, data: dict[str, Any]) -> dict[str, Any]:
                values = {k: v for k, v in data.items() if v is not None or k == "end"}
                if "state" in values and hasattr(values["state"], "code"):
                    values["state"] = values["state"].code
                return values

        return ServiceForm

    def save_model(self, request: HttpRequest, obj: Any, form: forms.Form, change: bool) -> None:
        # The service already wrote (and journaled) the row during validation; point at it.
        result = form.result  # type: ignore[attr-defined]
        obj.pk = result.pk
        obj.__dict__.update({k: v for k, v in result.__dict__.items() if not k.startswith("_")})

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        return None
