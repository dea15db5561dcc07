"""Staff sign-in: repeated wrong passwords lock the account for a while; the admin can move."""

import secrets

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings

from tests.conftest import soup
from tests.helpers import run_django

PASSWORD = "correct-horse-battery"
LOGIN = "/admin/login/"


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    return settings


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.invalid", PASSWORD)


def sign_in(client, password, username="editor", ip="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_staff_sign_in_with_the_right_password(client, axes_on, editor):
    response = sign_in(client, PASSWORD)

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_wrong_password_shows_the_login_form_again(client, axes_on, editor):
    response = sign_in(client, "wrong")

    assert response.status_code == 200
    assert soup(response).find("input", attrs={"name": "password"}) is not None


def test_after_the_failure_limit_even_the_right_password_is_refused_with_a_clear_message(client, axes_on, editor):
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong")

    response = sign_in(client, PASSWORD)

    assert response.status_code == 429
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Sign-in locked for now"
    assert "even with the right password" in page.get_text()
    assert "paused for 30 minutes" in page.get_text()
    assert client.get("/admin/").status_code == 302  # still not signed in


def test_one_failure_short_of_the_limit_still_lets_the_right_password_in(client, axes_on, editor):
    for _ in range(django_settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "wrong")

    assert sign_in(client, PASSWORD).status_code == 302
    assert not AccessAttempt.objects.exists()  # a good sign-in clears the count


def test_a_lockout_holds_one_username_from_one_address_only(client, axes_on, editor, django_user_model):
    django_user_model.objects.create_superuser("colleague", "colleague@example.invalid", PASSWORD)
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong")

    assert sign_in(client, PASSWORD, ip="198.51.100.4").status_code == 302
    client.logout()
    assert sign_in(client, PASSWORD, username="colleague").status_code == 302


def test_the_lockout_ends_after_the_cool_off(client, axes_on, editor):
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong")
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - axes_on.AXES_COOLOFF_TIME)

    assert sign_in(client, PASSWORD).status_code == 302


def test_the_admin_can_move_to_another_address(tmp_path):
    code = (
        "from django.db import connection\n"
        "connection.creation.create_test_db(verbosity=0)\n"
        "from django.test import Client\n"
        "from django.urls import reverse\n"
        "c = Client()\n"
        "print(reverse('wagtailadmin_home'), c.get('/admin/').status_code, c.get('/staff-7f3k/').status_code,\n"
        "      'Disallow: /admin/' in c.get('/robots.txt').content.decode())\n"
    )
    result = run_django(
        code,
        "hospital_site.settings.test",
        env={"ADMIN_URL_PATH": "/staff-7f3k", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"},
    )

    assert result.returncode == 0, result.stderr
    home, old, new, listed = result.stdout.split()
    assert home == "/staff-7f3k/"
    assert old == "404"
    assert new == "302"  # to the login page
    assert listed == "False"  # a moved admin is not advertised


def test_production_locks_out_staff_by_default():
    result = run_django(
        "from django.conf import settings\n"
        "print(settings.AXES_ENABLED, settings.AXES_FAILURE_LIMIT, settings.AUTHENTICATION_BACKENDS[0])\n",
        "hospital_site.settings.production",
        env={"SECRET_KEY": secrets.token_urlsafe(64), "ALLOWED_HOSTS": "www.example.org"},
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "5", "axes.backends.AxesStandaloneBackend"]
