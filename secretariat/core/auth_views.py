"""Logging in with two factors, enrolling an authenticator, changing it, logging out.

The only way to an authenticated session is password, then a TOTP code (or, on first login,
enrolling an authenticator app and proving it with a code). Django's own login (the admin's) is
redirected here. Each code is accepted once; failures count towards a lockout shared by all
workers; every outcome is written to the security log.
"""

from __future__ import annotations

import base64
import time
from typing import Any
from urllib.parse import urlsplit

import segno
from django import forms
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from secretariat.core import lockout
from secretariat.core.permissions import actor_for
from secretariat.core.security_log import client_address, security_event
from secretariat.journal.services import record_now

PENDING_USER = "secretariat_pending_user"
PENDING_AT = "secretariat_pending_at"
PENDING_NEXT = "secretariat_pending_next"
NEW_DEVICE = "secretariat_new_device"
PENDING_SECONDS = 300


class PasswordForm(forms.Form):
    username = forms.CharField(label=gettext_lazy("Username"), max_length=150)
    password = forms.CharField(label=gettext_lazy("Password"), widget=forms.PasswordInput)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class ReauthForm(PasswordForm):
    code = CodeForm.base_fields["code"]


def _refused() -> str:
    # One message for wrong, unknown and locked: nothing to learn about which it was.
    return _("Those details were not accepted, or there were too many attempts. Try again later.")


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return str(settings.LOGIN_REDIRECT_URL)


def asked_for(next_url: str | None) -> Any:
    """What the page that sent a visitor to log in is, and who may use it, when its view says so in
    a `login_purpose` attribute ({"title", "what", "who"}): an anonymous visitor learns why an
    account is asked for before typing one. None for any other address."""
    if not next_url:
        return None
    try:
        match = resolve(urlsplit(next_url).path)
    except Resolver404:
        return None
    return getattr(match.func, "login_purpose", None)


def _pending_user(request: HttpRequest) -> Any:
    user_id = request.session.get(PENDING_USER)
    started = request.session.get(PENDING_AT, 0)
    if not user_id or time.time() - started > PENDING_SECONDS:
        return None
    return get_user_model().objects.filter(pk=user_id, is_active=True).first()


def _confirmed_device(user: Any) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


@sensitive_post_parameters("password")
@never_cache
def login_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(_safe_next(request, request.GET.get("next")))
    form = PasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"]
        address = client_address(request)
        if lockout.is_locked(username, address):
            security_event("login", request=request, user=username, outcome="locked")
            form.add_error(None, _refused())
        else:
            user = authenticate(request, username=username, password=form.cleaned_data["password"])
            if user is None:
                locked = lockout.record_failure(username, address)
                security_event(
                    "login",
                    request=request,
                    user=username,
                    outcome="bad_password",
                    locked_now=locked,
                )
                form.add_error(None, _refused())
            else:
                request.session.cycle_key()
                request.session[PENDING_USER] = user.pk
                request.session[PENDING_AT] = int(time.time())
                request.session[PENDING_NEXT] = request.POST.get("next") or request.GET.get("next")
                security_event("login_password", request=request, user=username, outcome="ok")
                if _confirmed_device(user) is None:
                    return redirect("core:enroll")
                return redirect("core:verify")
    return render(
        request,
        "core/login.html",
        {
            "form": form,
            "next": request.GET.get("next", ""),
            "asked_for": asked_for(request.GET.get("next") or request.POST.get("next")),
        },
        status=422 if form.errors else 200,
    )


def _complete_login(request: HttpRequest, user: Any, device: TOTPDevice) -> HttpResponse:
    next_url = _safe_next(request, request.session.get(PENDING_NEXT))
    for key in (PENDING_USER, PENDING_AT, PENDING_NEXT):
        request.session.pop(key, None)
    auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    otp_login(request, device)
    lockout.clear(user.get_username())
    security_event("login", request=request, user=user.get_username(), outcome="ok")
    return redirect(next_url)


def _code_failed(request: HttpRequest, user: Any, form: forms.Form, event: str) -> None:
    locked = lockout.record_failure(user.get_username(), client_address(request))
    security_event(
        event, request=request, user=user.get_username(), outcome="bad_code", locked_now=locked
    )
    form.add_error("code", _refused())


@never_cache
def verify_view(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None:
        return redirect("core:login")
    device = _confirmed_device(user)
    if device is None:
        return redirect("core:enroll")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if lockout.is_locked(user.get_username(), client_address(request)):
            security_event(
                "login_code", request=request, user=user.get_username(), outcome="locked"
            )
            form.add_error("code", _refused())
        elif device.verify_token(form.cleaned_data["code"].strip()):
            return _complete_login(request, user, device)
        else:
            _code_failed(request, user, form, "login_code")
    return render(request, "core/verify.html", {"form": form}, status=422 if form.errors else 200)


def _qr_svg(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#14304f")


def _secret(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode().rstrip("=")


@never_cache
def enroll_view(request: HttpRequest) -> HttpResponse:
    """First login: the user proves an authenticator holds the new secret before it counts."""
    user = _pending_user(request)
    if user is None:
        return redirect("core:login")
    if _confirmed_device(user) is not None:
        return redirect("core:verify")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if lockout.is_locked(user.get_username(), client_address(request)):
            form.add_error("code", _refused())
        elif device.verify_token(form.cleaned_data["code"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            _journal_factor(request, user, "account.second_factor_enrolled")
            return _complete_login(request, user, device)
        else:
            _code_failed(request, user, form, "enroll_code")
    return render(
        request,
        "core/enroll.html",
        {"form": form, "qr": mark_safe(_qr_svg(device)), "secret": _secret(device)},  # noqa: S308 - segno's own SVG
        status=422 if form.errors else 200,
    )


def _journal_factor(request: HttpRequest, user: Any, action: str) -> None:
    actor = actor_for(user)
    record_now(
        actor=actor,
        action=action,
        subject=f"user:{user.pk}",
        data={"username": user.get_username()},
    )


@login_required
@sensitive_post_parameters("password")
@never_cache
def second_factor_view(request: HttpRequest) -> HttpResponse:
    """Replacing the authenticator: password and a current code first, then prove the new one."""
    user: Any = request.user
    new_id = request.session.get(NEW_DEVICE)
    new_device = (
        TOTPDevice.objects.filter(pk=new_id, user=user, confirmed=False).first() if new_id else None
    )
    if new_device is None:
        form: forms.Form = ReauthForm(
            request.POST or None, initial={"username": user.get_username()}
        )
        if request.method == "POST" and form.is_valid():
            current = _confirmed_device(user)
            address = client_address(request)
            ok = (
                not lockout.is_locked(user.get_username(), address)
                and form.cleaned_data["username"] == user.get_username()
                and authenticate(
                    request, username=user.get_username(), password=form.cleaned_data["password"]
                )
                is not None
                and current is not None
                and current.verify_token(form.cleaned_data["code"].strip())
            )
            if not ok:
                _code_failed(request, user, form, "reauth")
            else:
                security_event("reauth", request=request, user=user.get_username(), outcome="ok")
                TOTPDevice.objects.filter(user=user, confirmed=False).delete()
                fresh = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
                request.session[NEW_DEVICE] = fresh.pk
                return redirect("core:second_factor")
        return render(
            request,
            "core/second_factor.html",
            {"form": form, "step": "reauth"},
            status=422 if form.errors else 200,
        )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if new_device.verify_token(form.cleaned_data["code"].strip()):
            TOTPDevice.objects.filter(user=user, confirmed=True).delete()
            new_device.confirmed = True
            new_device.save(update_fields=["confirmed"])
            request.session.pop(NEW_DEVICE, None)
            otp_login(request, new_device)
            _journal_factor(request, user, "account.second_factor_changed")
            security_event(
                "second_factor_changed", request=request, user=user.get_username(), outcome="ok"
            )
            return redirect("portal:home")
        _code_failed(request, user, form, "second_factor_code")
    return render(
        request,
        "core/second_factor.html",
        {
            "form": form,
            "step": "confirm",
            "qr": mark_safe(_qr_svg(new_device)),  # noqa: S308 - segno's own SVG
            "secret": _secret(new_device),
        },
        status=422 if form.errors else 200,
    )


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    username = request.user.get_username() if request.user.is_authenticated else None
    auth_logout(request)
    security_event("logout", request=request, user=username, outcome="ok")
    return redirect(settings.LOGOUT_REDIRECT_URL)
