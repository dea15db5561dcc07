"""What a visitor sees while the database is down: a 503 page that needs no database.

Any request that fails because the database cannot be reached (``OperationalError``,
``InterfaceError``: refused, dropped, shutting down) ends in Django's 500 handler,
wherever it was raised — a view, a template, a middleware reading the session.
``server_error`` (``handler500`` in urls.py) looks at the exception being handled and
answers those with ``503 Service Unavailable`` and ``Retry-After``, a page that tells a
parent to call 911 in an emergency and gives the hospital's numbers. The numbers come
from the last site settings this server read (kept in memory and in the cache),
because the database that holds them is the thing that is down. Every other error is
still a 500. Nothing here is cached, so the first request after the database comes
back is served normally: Django's connection health checks (``CONN_HEALTH_CHECKS``)
replace the dropped connection by themselves.
"""

import contextlib
import logging
import sys
from types import SimpleNamespace

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from . import cache
from .i18n import SPANISH, language_of_path, localized

logger = logging.getLogger(__name__)

CONTACT_KEY = "site-contact:last-known"
CONTACT_FIELDS = (
    "hospital_name",
    "hospital_name_es",
    "main_phone",
    "cancer_center_name",
    "cancer_center_name_es",
    "cancer_center_phone",
    "on_call_phone",
)
# Names with a Spanish version: a Spanish outage page shows it, or the English one marked lang="en".
TRANSLATED_NAMES = ("hospital_name", "cancer_center_name")
RETRY_AFTER_SECONDS = 30
DATABASE_DOWN = (OperationalError, InterfaceError)

# This process's copy of the last site settings it read (the cache holds another).
_last_known = {}


def remember_contact(site_settings):
    """Keep the hospital's name and numbers for the outage page; cheap when nothing changed."""
    contact = {name: getattr(site_settings, name, "") for name in CONTACT_FIELDS}
    if contact == _last_known:
        return
    _last_known.clear()
    _last_known.update(contact)
    cache.cache().set(CONTACT_KEY, contact, timeout=None)


def last_known_contact():
    """The hospital's name and numbers as last read, from this process or the shared cache; {} if never."""
    if _last_known:
        return dict(_last_known)
    with contextlib.suppress(Exception):  # the cache may be down too: the page still says "call 911"
        return cache.cache().get(CONTACT_KEY) or {}
    return {}


def database_down(error):
    """True when ``error``, or an error it was raised from, means the database cannot be reached."""
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, DATABASE_DOWN):
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


def server_error(request, template_name="500.html"):
    """``handler500``: 503 with a database-free page when the database is down, the 500 page otherwise."""
    if database_down(sys.exception()):
        return service_unavailable(request)
    language = _language(request)
    with translation.override(language):
        body = loader.get_template(template_name).render(_context(language))
    return HttpResponseServerError(body)


def _language(request):
    """The language of the address asked for: a Spanish address gets the Spanish error page, whatever failed where."""
    return language_of_path(getattr(request, "path_info", "") or "")


def _context(language):
    contact = last_known_contact()
    known = SimpleNamespace(**contact)
    contact.update({name: localized(known, name, language) for name in TRANSLATED_NAMES if name in contact})
    return {"contact": contact, "home_url": "/es/" if language == SPANISH else "/"}


def service_unavailable(request):
    """The outage page: rendered without a request context, so no context processor can touch the database."""
    language = _language(request)
    with translation.override(language):
        body = loader.get_template("503.html").render({**_context(language), "retry_after": RETRY_AFTER_SECONDS})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response
