"""HTTP for the FHIR API: routing, content type, errors as OperationOutcomes, ETag and Last-Modified.

One view answers every URL under /fhir/r4/, so every answer — a resource, a
Bundle, a 404 for a path we do not serve, a 405 for a write — is FHIR JSON,
and no URL here is ever redirected (``no_append_slash``). The API sets no
cookie and reads none; CORS headers come from django-cors-headers
(``CORS_URLS_REGEX`` in settings).
"""

import hashlib
import re
import sys
from urllib.parse import parse_qsl

from django.http import HttpResponse
from django.urls import reverse
from django.utils.http import http_date
from django.views.decorators.common import no_append_slash
from django.views.decorators.csrf import csrf_exempt

from base.models import SiteSettings
from base.outage import RETRY_AFTER_SECONDS, database_down

from . import bundles
from .capability import capability_statement
from .params import ID_PATTERN, FHIRError, invalid, parse_query
from .resources import Context
from .search import Directory

CONTENT_TYPE = "application/fhir+json; charset=utf-8"
JSON_FORMATS = {"json", "application/json", "application/fhir+json", "application/json+fhir"}
OTHER_FORMATS = {"xml", "text/xml", "application/xml", "application/fhir+xml", "application/xml+fhir", "ttl", "html"}
READ_METHODS = {"GET", "HEAD"}
TYPE_PATTERN = re.compile(r"^[A-Z][A-Za-z]+$")


def _pairs(query_dict):
    return [(key, value) for key in query_dict for value in query_dict.getlist(key)]


def _base_url(request):
    return request.build_absolute_uri(reverse("fhir:metadata")).removesuffix("/metadata")


def _check_format(request):
    """JSON only: ``_format`` decides when given, else ``Accept``; anything that rules JSON out is 406."""
    requested = request.GET.get("_format")
    if requested is not None:
        if requested.split(";")[0].strip() in JSON_FORMATS:
            return
        raise FHIRError(406, "not-supported", f"_format={requested}: this server answers in JSON only (_format=json).")
    accept = request.headers.get("Accept", "")
    if not accept.strip():
        return
    kinds = [part.split(";")[0].strip().lower() for part in accept.split(",")]
    if any(kind in JSON_FORMATS or kind in ("*/*", "application/*") or kind.endswith("+json") for kind in kinds):
        return
    raise FHIRError(406, "not-supported", f"Accept: {accept} — this server answers in application/fhir+json only.")


def _strict(request):
    prefer = request.headers.get("Prefer", "")
    return any(part.strip().replace(" ", "") == "handling=strict" for part in prefer.split(";") + prefer.split(","))


def _json_response(model, status=200, pretty=False, last_modified=None, headers=None):
    body = model.model_dump_json(indent=2 if pretty else None)
    response = HttpResponse(body, status=status, content_type=CONTENT_TYPE)
    # Revalidate every time (ETag); also keeps the anonymous page cache, keyed by URL alone, out of it.
    response["Cache-Control"] = "no-cache"
    response["Vary"] = "Accept, Prefer"
    if status == 200:
        response["ETag"] = 'W/"' + hashlib.sha256(body.encode()).hexdigest()[:32] + '"'
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified.timestamp())
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def error_response(error, request=None):
    """An error as FHIR expects it: the status and an OperationOutcome."""
    outcome = bundles.operation_outcome(error.code, error.diagnostics)
    return _json_response(outcome, status=error.status, headers=error.headers)


def server_error(request):
    """``handler500`` under /fhir/r4/: an OperationOutcome, not the site's HTML page.

    Django has logged the exception (``django.request``) before it calls this, as for
    any page. The database out of reach is a 503 with ``Retry-After`` (``transient``),
    as on the rest of the site; anything else is a 500 (``exception``). Nothing here
    touches the database.
    """
    if database_down(sys.exception()):
        error = FHIRError(
            503,
            "transient",
            f"The directory cannot be read right now. Try again in {RETRY_AFTER_SECONDS} seconds.",
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    else:
        error = FHIRError(500, "exception", "The server failed to answer this request. The error has been logged.")
    return error_response(error, request)


def _method_not_allowed(allowed, what):
    return FHIRError(
        405,
        "not-supported",
        f"This directory is read-only: {what} allows only {', '.join(sorted(allowed))}.",
        headers={"Allow": ", ".join(sorted(allowed))},
    )


def _route(rest):
    """The interaction a path asks for: ('metadata',), ('search', type), ('post-search', type), ('read', type, id)."""
    if rest == "metadata":
        return ("metadata",)
    parts = rest.split("/")
    if not rest or rest.endswith("/") or not TYPE_PATTERN.match(parts[0]):
        return None
    if len(parts) == 1:
        return ("search", parts[0])
    if len(parts) == 2 and parts[1] == "_search":
        return ("post-search", parts[0])
    if len(parts) == 2 and ID_PATTERN.match(parts[1]):
        return ("read", parts[0], parts[1])
    return None


@csrf_exempt
@no_append_slash
def api(request, rest=""):
    """Every request under /fhir/r4/."""
    try:
        return _answer(request, rest)
    except FHIRError as error:
        return error_response(error, request)


def _answer(request, rest):
    route = _route(rest)
    if not rest and request.method not in READ_METHODS:
        # POST [base] is a batch or transaction: a write.
        raise _method_not_allowed(READ_METHODS, "the base URL")
    if route is None:
        hint = " (no trailing slash)" if rest.endswith("/") else ""
        raise FHIRError(404, "not-found", f"Nothing is served at /{rest}{hint}. Start from metadata.")
    directory = Directory(Context(base_url=_base_url(request), site_settings=SiteSettings.load(request)), request)
    kind = route[0]
    if kind != "metadata" and route[1] not in directory.types:
        raise FHIRError(404, "not-supported", f"{route[1]} is not a resource type this directory serves; see metadata.")
    if kind == "post-search":
        if request.method != "POST":
            raise _method_not_allowed({"POST"}, f"{route[1]}/_search")
    elif request.method not in READ_METHODS:
        raise _method_not_allowed(READ_METHODS, "every URL here except [type]/_search")
    _check_format(request)
    pretty = request.GET.get("_pretty") == "true"
    if kind == "metadata":
        statement = capability_statement(directory.context)
        return _json_response(statement, pretty=pretty, last_modified=statement.date)
    if kind == "read":
        resource = directory.type(route[1]).read(directory, route[2])
        return _json_response(resource, pretty=pretty, last_modified=resource.meta.lastUpdated)
    pairs = _pairs(request.GET)
    if kind == "post-search":
        content_type = request.content_type or ""
        if content_type != "application/x-www-form-urlencoded":
            raise FHIRError(
                415, "not-supported", "POST [type]/_search takes application/x-www-form-urlencoded parameters."
            )
        try:
            pairs += parse_qsl(request.body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
        except UnicodeDecodeError:
            raise invalid("The form body is not UTF-8.") from None
    resource_type = directory.type(route[1])
    query = parse_query(pairs, resource_type.params, _strict(request))
    bundle = bundles.search_bundle(directory, route[1], query)
    return _json_response(bundle, pretty=query.pretty, last_modified=directory.context.now)
