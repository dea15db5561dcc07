"""Optional two-step sign-in for staff (STAFF_2FA_REQUIRED): no code, no admin."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import soup

PASSWORD = "correct-horse-battery"
LOGIN = "/admin/login/"


@pytest.fixture
def required(settings):
    settings.STAFF_2FA_REQUIRED = True
    settings.AXES_ENABLED = True
    return settings


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.invalid", PASSWORD)


def give_authenticator(username):
    """What a site administrator runs; returns the key the person types into their app."""
    out = StringIO()
    call_command("staff_totp_device", username, stdout=out)
    return re.search(r"type this key into the app: (\S+)", out.getvalue()).group(1)


def code_now(username):
    device = TOTPDevice.objects.get(user__username=username)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def sign_in(client, password=PASSWORD, **extra):
    return client.post(LOGIN, {"username": "editor", "password": password, **extra}, REMOTE_ADDR="203.0.113.7")


def test_off_by_default_the_password_is_enough(client, settings, editor):
    settings.AXES_ENABLED = True
    assert settings.STAFF_2FA_REQUIRED is False
    assert "otp_token" not in str(client.get(LOGIN).content)

    assert sign_in(client).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_required_the_sign_in_form_asks_for_a_code(client, required, editor):
    field = soup(client.get(LOGIN)).find("input", attrs={"name": "otp_token"})
    assert field is not None and field["autocomplete"] == "one-time-code"


def test_required_staff_without_an_authenticator_cannot_reach_the_admin(client, required, editor):
    response = sign_in(client, otp_token="123456")

    assert response.status_code == 200
    assert "no authenticator app is set up for you yet" in soup(response).get_text()
    assert client.get("/admin/").status_code == 302


def test_required_the_right_password_without_the_code_is_not_enough(client, required, editor):
    give_authenticator("editor")

    missing = sign_in(client)
    wrong = sign_in(client, otp_token=f"{(int(code_now('editor')) + 1) % 1_000_000:06d}")

    assert "Enter the 6-digit code" in soup(missing).get_text()
    assert "That code is not right" in soup(wrong).get_text()
    assert client.get("/admin/").status_code == 302


def test_required_password_and_code_reach_the_admin(client, required, editor):
    give_authenticator("editor")

    assert sign_in(client, otp_token=code_now("editor")).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_required_a_session_signed_in_without_a_code_is_signed_out(client, required, editor):
    """A session from before the setting was switched on, or from any other way in."""
    give_authenticator("editor")
    client.force_login(editor)

    response = client.get("/admin/pages/")

    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert client.get("/admin/").status_code == 302  # and stays signed out


def test_public_pages_are_unaffected(client, required, editor, home_page):
    assert client.get("/").status_code == 200
