"""Test runs: fast hashing, in-memory email, plain static storage.

The database still comes from DATABASE_URL so the same suite runs on SQLite
(default) and on PostgreSQL (CI).
"""

from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "test-only-not-secret-0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
ALLOW_DEMO_CONTENT = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILADMIN_BASE_URL = "http://testserver"

# Serve static files straight from the apps, as they change, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Wagtail's test helpers sign in with client.login(), which passes no request, and
# django-axes refuses to authenticate without one. The lockout tests switch it on;
# production settings (and their tests) always run with it.
AXES_ENABLED = False
# Tests search far more often than a parent does; the rate-limit tests switch it on.
RATELIMIT_ENABLE = False
