"""Local development: DEBUG on, a throwaway key, any local host."""

from .base import *  # noqa: F401,F403

DEBUG = True
SECRET_KEY = "dev-only-not-secret-8c5f1e2a9b7d4c3e6f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]
ALLOW_DEMO_CONTENT = True

# Serve static files straight from the apps, as they change, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# See template and code changes at once; the page cache is exercised by the tests and `make serve`.
PAGE_CACHE_ENABLED = False
