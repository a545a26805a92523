"""Two-factor login, enrolment, lockout across workers, session lifetimes, security headers, log."""

from __future__ import annotations

import logging
import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client, override_settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from secretariat.core.middleware import SESSION_SEEN, SESSION_STARTED
from secretariat.core.security_log import escape_control
from secretariat.core.testing import PASSWORD, make_user
from secretariat.journal.models import JournalEntry

pytestmark = pytest.mark.django_db


def code_for(device: TOTPDevice, offset_steps: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset_steps * device.step
    return f"{totp.token():06d}"


def enrolled(username: str = "olga", role: str = "secretariat", state: str | None = None):
    user = make_user(username, role, state)
    device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    return user, device


def password_step(client: Client, username: str, password: str = PASSWORD):
    return client.post("/en/login/", {"username": username, "password": password})


def is_logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    from django.core.cache import cache

    # django-otp also slows a device down after each wrong code (1 s, 2 s, 4 s...); off here so
    # each test sees our lockout alone. test_a_device_is_throttled_after_a_wrong_code keeps it on.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    cache.clear()
    yield
    cache.clear()


def test_a_password_alone_does_not_log_in():
    enrolled()
    client = Client()
    response = password_step(client, "olga")
    assert response.status_code == 302 and response["Location"] == "/en/login/verify/"
    assert not is_logged_in(client)
    assert client.get("/en/journal/").status_code == 200  # still the public view
    assert "Entries" not in client.get("/en/journal/").content.decode().split("<h2>")[-1][:20]


def test_password_and_code_log_in_and_the_code_works_only_once():
    _user, device = enrolled()
    client = Client()
    password_step(client, "olga")
    code = code_for(device)
    response = client.post("/en/login/verify/", {"code": code})
    assert response.status_code == 302 and is_logged_in(client)

    again = Client()
    password_step(again, "olga")
    replay = again.post("/en/login/verify/", {"code": code})
    assert replay.status_code == 422 and not is_logged_in(again)


def test_first_login_enrols_an_authenticator_before_anything_else():
    user = make_user("nina", "delegation", "BY")
    client = Client()
    response = password_step(client, "nina")
    assert response["Location"] == "/en/login/enroll/"
    page = client.get("/en/login/enroll/")
    assert "<svg" in page.content.decode() and 'data-testid="totp-secret"' in page.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert client.post("/en/login/enroll/", {"code": "000000"}).status_code == 422
    assert not is_logged_in(client)
    client.post("/en/login/enroll/", {"code": code_for(device)})
    device.refresh_from_db()
    assert device.confirmed and is_logged_in(client)
    assert JournalEntry.objects.filter(action="account.second_factor_enrolled").exists()


def test_the_verify_step_needs_a_fresh_password_step():
    client = Client()
    assert client.get("/en/login/verify/")["Location"] == "/en/login/"
    assert client.post("/en/login/enroll/", {"code": "123456"})["Location"] == "/en/login/"


def test_failed_attempts_lock_the_account_even_for_the_right_password():
    _, _device = enrolled()
    client = Client()
    for _ in range(5):
        assert password_step(client, "olga", "wrong password!!").status_code == 422
    response = password_step(client, "olga")
    assert response.status_code == 422 and "too many attempts" in response.content.decode()
    assert not is_logged_in(client)


def test_wrong_codes_count_towards_the_lockout():
    _, device = enrolled()
    client = Client()
    password_step(client, "olga")
    for _ in range(5):
        client.post("/en/login/verify/", {"code": "000000"})
    assert client.post("/en/login/verify/", {"code": code_for(device)}).status_code == 422
    assert not is_logged_in(client)


def test_the_lockout_is_shared_through_redis_across_processes():
    # Two clients stand for two worker processes; only the shared cache connects them.
    redis_cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
        }
    }
    with override_settings(CACHES=redis_cache):
        from django.core.cache import caches

        caches["default"].clear()
        enrolled()
        for _ in range(5):
            password_step(Client(REMOTE_ADDR="10.0.0.1"), "olga", "wrong password!!")
        other_worker = Client(REMOTE_ADDR="10.0.0.2")
        assert password_step(other_worker, "olga").status_code == 422
        caches["default"].clear()


def test_changing_the_second_factor_needs_password_and_current_code():
    user, old = enrolled()
    client = Client()
    password_step(client, "olga")
    client.post("/en/login/verify/", {"code": code_for(old)})
    refused = client.post(
        "/en/account/second-factor/",
        {"username": "olga", "password": "wrong", "code": code_for(old, 1)},
    )
    assert refused.status_code == 422
    assert TOTPDevice.objects.filter(user=user, confirmed=True).get() == old

    client.post(
        "/en/account/second-factor/",
        {"username": "olga", "password": PASSWORD, "code": code_for(old, 1)},
    )
    new = TOTPDevice.objects.get(user=user, confirmed=False)
    client.post("/en/account/second-factor/", {"code": code_for(new)})
    assert list(TOTPDevice.objects.filter(user=user, confirmed=True)) == [new]
    assert JournalEntry.objects.filter(action="account.second_factor_changed").exists()


def test_a_password_reset_never_disables_the_second_factor(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    user, _device = enrolled()
    user.email = "olga@example.org"
    user.save()
    client = Client()
    client.post("/en/password-reset/", {"email": "olga@example.org"})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/en/password-reset/" in line)
    path = link.split("://", 1)[1].split("/", 1)[1]
    form_page = client.get("/" + path, follow=True)
    new_password = "a brand new long passphrase 7"
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert get_user_model().objects.get(pk=user.pk).check_password(new_password)
    response = password_step(Client(), "olga", new_password)
    assert response["Location"] == "/en/login/verify/"
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_the_admin_has_no_login_of_its_own():
    response = Client().get("/admin/login/")
    assert response.status_code == 302 and response["Location"].startswith("/en/login/")


def test_sessions_end_after_the_idle_timeout(settings, personas):
    client = Client()
    client.force_login(personas.sofia)
    session = client.session
    session[SESSION_STARTED] = int(time.time())
    session[SESSION_SEEN] = int(time.time()) - settings.SESSION_IDLE_SECONDS - 5
    session.save()
    client.get("/en/")
    assert not is_logged_in(client)


def test_sessions_end_after_the_absolute_lifetime_however_active(settings, personas):
    client = Client()
    client.force_login(personas.sofia)
    session = client.session
    session[SESSION_STARTED] = int(time.time()) - settings.SESSION_COOKIE_AGE - 5
    session[SESSION_SEEN] = int(time.time())
    session.save()
    client.get("/en/")
    assert not is_logged_in(client)


@pytest.mark.parametrize(
    "path", ["/en/", "/en/members/", "/en/login/", "/api/v1/members", "/api/v1/docs"]
)
def test_every_page_carries_the_security_headers(path):
    response = Client().get(path)
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def test_every_post_form_in_the_templates_carries_a_csrf_token():
    import re
    from pathlib import Path

    from django.conf import settings as django_settings

    for template in Path(django_settings.PACKAGE_DIR).rglob("templates/**/*.html"):
        text = template.read_text()
        for form in re.findall(r"<form[^>]*method=\"post\".*?</form>", text, flags=re.S | re.I):
            assert "{% csrf_token %}" in form, template


def test_login_events_are_logged_with_user_address_and_outcome_and_no_secret(caplog):
    enrolled()
    with caplog.at_level(logging.INFO, logger="secretariat.security"):
        password_step(Client(REMOTE_ADDR="192.0.2.7"), "olga\x1b[31m", "hunter2 secret")
        password_step(Client(REMOTE_ADDR="192.0.2.7"), "olga")
    lines = [r.getMessage() for r in caplog.records if r.name == "secretariat.security"]
    assert any("outcome=bad_password" in line and "address=192.0.2.7" in line for line in lines)
    assert any("user=olga\\x1b[31m" in line for line in lines)  # escaped, not raw
    assert all("hunter2" not in line and PASSWORD not in line for line in lines)
    assert any("event=login_password outcome=ok user=olga" in line for line in lines)


def test_control_characters_are_escaped():
    assert escape_control("a\nb\rc\x00\u2028") == "a\\x0ab\\x0dc\\x00\\u2028"


def test_a_device_is_throttled_after_a_wrong_code(settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 1
    _, device = enrolled()
    client = Client()
    password_step(client, "olga")
    client.post("/en/login/verify/", {"code": "000000"})
    # Within the throttle delay even the right code is refused.
    assert client.post("/en/login/verify/", {"code": code_for(device)}).status_code == 422


def test_a_refused_action_is_logged_with_user_address_and_what_was_refused(personas, caplog):
    client = Client(REMOTE_ADDR="198.51.100.9")
    client.force_login(personas.anna)
    with caplog.at_level(logging.INFO, logger="secretariat.security"):
        response = client.post(
            "/api/v1/states/BY/events",
            {"kind": "statement", "date": "2026-10-01", "summary_en": "x"},
            content_type="application/json",
        )
    assert response.status_code == 404
    line = next(r.getMessage() for r in caplog.records if "event=authorization" in r.getMessage())
    assert "outcome=denied_as_not_found" in line and "user=anna" in line
    assert "address=198.51.100.9" in line and "record_state=BY" in line


def test_a_bad_api_token_is_logged(caplog):
    with caplog.at_level(logging.INFO, logger="secretariat.security"):
        Client(headers={"Authorization": "Bearer nope"}).get("/api/v1/members")
    assert any("event=api_token outcome=invalid" in r.getMessage() for r in caplog.records)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "what", "who"),
    [
        ("en", "common entry-ban register", "Only border and consular officers"),
        ("ru", "единому реестру запретов на въезд", "только сотрудники пограничных"),
    ],
)
def test_an_anonymous_visitor_sent_from_the_screening_page_is_told_what_it_is_and_who_may_use_it(
    client: Client, language: str, what: str, who: str
) -> None:
    response = client.get(f"/{language}/entry-bans/screen/", follow=True)
    assert response.redirect_chain[-1][0].startswith(f"/{language}/login/?next=")
    page = response.content.decode()
    assert 'data-testid="asked-for"' in page
    assert what in page and who in page


@pytest.mark.django_db
def test_the_login_page_reached_directly_or_from_a_page_without_a_purpose_explains_nothing_more(
    client: Client,
) -> None:
    for address in ("/en/login/", "/en/login/?next=/en/members/", "/en/login/?next=/nowhere/"):
        assert 'data-testid="asked-for"' not in client.get(address).content.decode()


@pytest.mark.parametrize(("lang", "name"), [("en", "Belarus"), ("ru", "Беларусь")])
def test_the_header_names_a_delegations_state_in_the_pages_language(personas, lang, name):
    client = Client()
    client.force_login(personas.boris)
    page = client.get(f"/{lang}/members/").content.decode()
    found = re.search(r'<span class="who"><span translate="no">boris</span>([^<]*)</span>', page)
    assert found is not None
    assert found.group(1).endswith(f" · {name}")  # the state's name, not its code
