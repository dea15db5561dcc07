"""Settings shared by every environment.

Everything that differs between machines comes from environment variables
(see the README's table). This module is safe by default: DEBUG is off and
there is no secret key; dev.py and test.py supply throwaway values and
production.py refuses to start without real ones.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Ours, ground first (docs/architecture.md: each may import only those above it here).
    "base",
    "conditions",
    "providers",
    "search",
    "hospital_site",
    # Spanish pages are translated in the admin, then go through medical review (docs/spanish.md).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "csp",
    "corsheaders",
    "axes",
    "django_ratelimit",
    # Optional two-step sign-in for staff (STAFF_2FA_REQUIRED); docs/security.md, section 7.
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Background tasks kept in the database when TASKS_BACKEND=database (an empty table otherwise).
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # CORS for the FHIR API only (CORS_URLS_REGEX): before anything that can answer, cached answers included.
    "corsheaders.middleware.CorsMiddleware",
    # Content-Security-Policy and Permissions-Policy, cached pages included; see docs/security.md.
    "base.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag and 304s, for cached and fresh pages alike.
    "django.middleware.http.ConditionalGetMiddleware",
    # Anonymous pages from the cache before sessions, auth or routing run; see docs/caching.md.
    "base.middleware.PageCacheMiddleware",
    "base.middleware.CacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the address alone (/es/… or not); see base/i18n.py.
    "base.i18n.LanguageFromPathMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # user.is_verified(): signed in with a one-time code (django-otp).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # With STAFF_2FA_REQUIRED, a session signed in without a code never reaches the admin.
    "base.staff_2fa.RequireVerifiedStaffMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Wagtail's redirects, except on REDIRECT_EXEMPT_URLS_REGEX (the FHIR API).
    "base.middleware.RedirectMiddleware",
    # Last, as django-axes requires: answers a locked-out login attempt.
    "axes.middleware.AxesMiddleware",
]

# The FHIR directory API (/fhir/r4/): every answer there is FHIR JSON, errors included (its own
# handler500), and never a Wagtail redirect (base.middleware.RedirectMiddleware). docs/fhir.md.
FHIR_URLS_REGEX = r"^/fhir/r4(/.*)?$"
# It is public and read-only: any web app may read it from the browser. Nothing else on the
# site sends CORS headers.
CORS_URLS_REGEX = FHIR_URLS_REGEX
REDIRECT_EXEMPT_URLS_REGEX = FHIR_URLS_REGEX
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "POST", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "content-type", "prefer", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Location", "Content-Location"]
CORS_PREFLIGHT_MAX_AGE = 86400

# Two-step sign-in for staff (django-otp, TOTP codes from an authenticator app): off unless
# STAFF_2FA_REQUIRED=true. When on, the admin's sign-in form asks for a code from the
# person's registered device (manage.py staff_totp_device), and nobody reaches the admin
# without one. docs/security.md, section 7.
STAFF_2FA_REQUIRED = os.environ.get("STAFF_2FA_REQUIRED", "false").strip().lower() in {"1", "true", "yes", "on"}
WAGTAILADMIN_USER_LOGIN_FORM = "base.staff_2fa.StaffLoginForm"
OTP_TOTP_ISSUER = os.environ.get("WAGTAIL_SITE_NAME", "Children's Hospital")

# The Wagtail admin's address, e.g. "staff-7f3k/" to keep it away from password-guessing bots.
ADMIN_URL_PATH = os.environ.get("ADMIN_URL_PATH", "admin/").strip("/") + "/"
if ADMIN_URL_PATH == "/":
    ADMIN_URL_PATH = "admin/"

ROOT_URLCONF = "hospital_site.urls"
WSGI_APPLICATION = "hospital_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# A SQLite file next to manage.py is the embedded default for a first run;
# DATABASE_URL=postgres://… switches to PostgreSQL (production and CI).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds whole anonymous pages and the site data every page reads, and
# must be shared by every worker that can receive a request, or a publish would
# reach only one of them: files on this machine by default (all gunicorn workers
# see them), REDIS_URL for several app servers.
#
# A cache is never the only copy of anything, so a Redis outage must not take the
# site down: django-redis with IGNORE_EXCEPTIONS turns every failed read into a miss
# and every failed write into a no-op, and the short timeouts keep a Redis that hangs
# from holding pages up; base.cache logs the outage once and serves pages
# uncached until Redis answers again (docs/operations.md, "When Redis goes away").
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.25")),
                "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / ".cache" / "django")),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# Page caching (docs/caching.md). Cached pages are dropped on every publish and
# directory change, so the time limits only bound what an unpurged cache may keep.
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE_ENABLED", "true").lower() != "false"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# 0: browsers revalidate every visit (a cheap 304 with the ETag), so a parent who
# reloads right after a clinician approves a change sees it; proxies are purged instead.
BROWSER_CACHE_SECONDS = int(os.environ.get("BROWSER_CACHE_SECONDS", "0"))
SHARED_CACHE_SECONDS = int(os.environ.get("SHARED_CACHE_SECONDS", "3600"))
# Never cached anywhere, always "private, no-store": the admin (and its previews), documents.
PRIVATE_PATH_PREFIXES = [f"/{ADMIN_URL_PATH}", "/documents/"]

# bench/pages.sh compares pages with a fixed response served through the same stack.
BENCH_FLOOR = os.environ.get("BENCH_FLOOR", "") == "1"

# Wagtail would send every purge once per language, rewriting "/es/…" into "/en/…" (a prefix English
# does not have); our purges already name each language's own addresses (base.i18n.addresses_changed_by).
WAGTAILFRONTENDCACHE_LANGUAGES = []

# Security headers (docs/security.md). The public site runs no JavaScript, so its
# policy allows no script at all; <script type="application/ld+json"> is data and
# is never executed, so CSP does not block it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
# The Wagtail admin, its previews and the user bar staff see on public pages still
# use inline scripts and styles, and show previews in a same-origin frame.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
    }
}
# Browser features no page here uses, switched off for every page and anything it embeds.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)
# Also set in production.py with the rest; here so every environment sends them.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Staff avatars are never fetched from an outside host (gravatar.com).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# How many proxies we run in front of the app (the TLS proxy, a CDN): client_ip() in
# base/security.py takes the visitor's address from X-Forwarded-For that many
# entries from the right. 0 trusts nothing and uses the connection's address.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Staff sign-in: django-axes locks a username, from one IP address, after
# AXES_FAILURE_LIMIT failed attempts, for AXES_COOLOFF_TIME (docs/security.md).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "base.security.client_ip"
AXES_LOCKOUT_TEMPLATE = "base/locked_out.html"
# Attempts are recorded in the database (AccessAttempt), shared by every app server.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"

# Site search and Find a Doctor, per client address (base/security.py): a
# generous limit that a parent never meets and a scraper soon does. Pages served
# from the page cache cost nothing and are not counted.
SEARCH_RATE_LIMIT = os.environ.get("SEARCH_RATE_LIMIT", "60/m")
RATELIMIT_ENABLE = os.environ.get("RATELIMIT_ENABLE", "true").lower() != "false"
RATELIMIT_USE_CACHE = "default"
# If the cache is down, let searches through rather than turn every parent away.
RATELIMIT_FAIL_OPEN = True
# django-ratelimit calls the file cache "not atomic": two workers incrementing at the
# same instant may count one request, which a generous limit tolerates. Several app
# servers use Redis (REDIS_URL), which is atomic and shared.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# English at the site's own addresses, Spanish under /es/ (docs/spanish.md). The language
# comes from the address only: never from the browser's Accept-Language or a cookie.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
SPANISH = "es"
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "America/Los_Angeles")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Overridable so a test can collect static files into a scratch folder.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
# Each app keeps its own static/ (base: site.css, print.css, favicon; conditions and providers: their CSS).
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Complex condition pages can exceed Django's default of 1,000 form fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "website@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO"), "propagate": False},
    },
}

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Children's Hospital")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# One page tree per language (docs/spanish.md).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A translation starts as a draft and goes live only through medical review (docs/spanish.md):
# never made live because its English source is live.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# No machine translation anywhere: WAGTAILLOCALIZE_MACHINE_TRANSLATOR is never set, and a
# system check (base/checks.py) fails check, migrate and runserver if it is.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]

# Wagtail's database backend: PostgreSQL full-text search on PostgreSQL,
# FTS5 on SQLite. The config is named so stemming ("bleeding" ~ "bleed")
# does not depend on the server's default_text_search_config.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "english",
        "AUTO_UPDATE": True,
    }
}

# load_demo_content refuses to run unless a settings module turns this on;
# production never does, so demo doctors can never reach a live site.
ALLOW_DEMO_CONTENT = False

# Every image needs a description (its alt text): see base/forms.py.
WAGTAILIMAGES_IMAGE_FORM_BASE = "base.forms.ImageForm"
# Renaming or moving a published page leaves a permanent redirect from its old URL (Wagtail's default, made explicit).
WAGTAILREDIRECTS_AUTO_CREATE = True
# Reviewers get an email when a page is submitted; editors when it is approved or sent back.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# Approval publishes even though medical reviewers have no "publish" permission: see base/workflows.py.
WAGTAIL_FINISH_WORKFLOW_ACTION = "base.workflows.publish_approved_revision"

# ---------------------------------------------------------------------------------------------
# Several app servers (docs/deployment.md; hospital_site/settings/cluster.py). Each part is off
# until its environment variable is set, and then this server behaves as before.
from . import cluster  # noqa: E402

DATABASES = cluster.databases(DATABASES["default"])
DATABASE_ROUTERS = cluster.database_routers()
REPLICA = cluster.replica_settings()
if DATABASE_ROUTERS:
    # Before the page cache, so its own queries are routed too (base/replica.py).
    MIDDLEWARE.insert(MIDDLEWARE.index("base.middleware.PageCacheMiddleware"), "base.replica.ReplicaMiddleware")
TASKS = cluster.tasks()
# base.tasks.recover: how often the worker looks, when a running task counts as lost, retries.
TASK_RECOVER_SECONDS = int(os.environ.get("TASK_RECOVER_SECONDS", "30"))
TASK_STUCK_SECONDS = int(os.environ.get("TASK_STUCK_SECONDS", "900"))
TASK_MAX_ATTEMPTS = int(os.environ.get("TASK_MAX_ATTEMPTS", "5"))
TASK_RETRY_SECONDS = int(os.environ.get("TASK_RETRY_SECONDS", "10"))
if cluster.tasks_in_database():
    # Workflow emails are sent by the worker through the backend that was configured.
    QUEUED_EMAIL_BACKEND = EMAIL_BACKEND
    EMAIL_BACKEND = "base.mail.TaskEmailBackend"
if cluster.frontend_caches():
    WAGTAILFRONTENDCACHE = cluster.frontend_caches()
STORAGES = {**STORAGES, "default": cluster.media_storage(STORAGES["default"])}
WAGTAILSEARCH_BACKENDS = cluster.search_backends(WAGTAILSEARCH_BACKENDS)
