"""Reading FHIR search parameters: names, modifiers, and values of each type.

``parse_query`` turns a request's parameters into ``Criterion`` objects and
the result parameters (``_count``, ``_include``, …); every malformed value
raises ``FHIRError`` (400), so no search runs on a guess.
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.utils import timezone

ID_PATTERN = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")
DEFAULT_COUNT = 20
MAX_COUNT = 100
# Bundle.total is counted up to this many matches unless _total=accurate: counting every one of
# tens of thousands of matches costs fifty times the page (bench/README.md), as in Find a Doctor.
COUNT_LIMIT = 1000
# Parameters that shape the answer rather than select resources.
RESULT_PARAMETERS = {"_count", "_summary", "_total", "_include", "_revinclude", "_format", "_pretty", "_cursor"}
DATE_PREFIXES = ("eq", "ne", "gt", "lt", "ge", "le", "sa", "eb")
# Distances in Location?near=lat|lon|distance|unit, in miles per unit (UCUM codes, and the words people type).
DISTANCE_UNITS = {"km": 0.621371, "m": 0.000621371, "[mi_us]": 1.0, "[mi_i]": 1.0, "mi": 1.0}
DEFAULT_NEAR_MILES = 25
MAX_NEAR_MILES = 250


class FHIRError(Exception):
    """An answer other than success: its HTTP status and an OperationOutcome issue."""

    def __init__(self, status, code, diagnostics, headers=None):
        super().__init__(diagnostics)
        self.status = status
        self.code = code
        self.diagnostics = diagnostics
        self.headers = headers or {}


def invalid(message):
    return FHIRError(400, "invalid", message)


@dataclass
class Criterion:
    """One search parameter as sent: ``name[:modifier]=v1,v2`` (the values are ORed).

    ``chain`` is what follows the first dot (``location.address-postalcode`` →
    ``address-postalcode``); ``has`` holds ``(type, reference param)`` for a
    ``_has:Type:param:…`` reverse chain, whose inner criterion is ``inner``.
    """

    name: str
    modifier: str = ""
    values: list = field(default_factory=list)
    chain: str = ""
    raw_key: str = ""
    has: tuple = ()
    inner: object = None


@dataclass
class Query:
    """A parsed search: criteria, result parameters, and what was ignored."""

    criteria: list
    count: int = DEFAULT_COUNT
    summary_count: bool = False
    # "capped" (the default): exact up to COUNT_LIMIT matches, left out above; "accurate"; "none".
    total: str = "capped"
    includes: list = field(default_factory=list)
    revincludes: list = field(default_factory=list)
    cursor: str = ""
    ignored: list = field(default_factory=list)
    pretty: bool = False
    # (key, value) pairs that selected or shaped this search, for the self and next links.
    used: list = field(default_factory=list)


def split_values(value):
    """A parameter's comma-separated values; ``\\,`` is a literal comma."""
    parts, current, escaped = [], [], False
    for char in value:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == ",":
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def criterion_from_key(key, value):
    """``name:modifier.chain`` → Criterion; ``_has:Type:ref:rest`` nests."""
    if key.startswith("_has:"):
        pieces = key.split(":", 3)
        if len(pieces) < 4 or not all(pieces[1:]):
            raise invalid(f"{key}: write _has:Type:reference-parameter:parameter=value.")
        inner = criterion_from_key(pieces[3], value)
        return Criterion(name="_has", raw_key=key, has=(pieces[1], pieces[2]), inner=inner, values=[value])
    head, _, chain = key.partition(".")
    name, _, modifier = head.partition(":")
    if not name:
        raise invalid(f"{key!r} is not a search parameter name.")
    values = split_values(value)
    if not chain and any(v == "" for v in values):
        raise invalid(f"{key}: a value is empty.")
    return Criterion(name=name, modifier=modifier, values=values, chain=chain, raw_key=key)


def parse_count(value):
    try:
        count = int(value)
    except ValueError:
        raise invalid(f"_count must be a whole number (you sent {value!r}).") from None
    if count < 0:
        raise invalid("_count cannot be negative.")
    return min(count, MAX_COUNT)


def parse_query(pairs, known, strict):
    """Read ``pairs`` (key, value) for a resource type whose parameter names are ``known``.

    Unknown parameters raise 400 under ``strict`` (``Prefer: handling=strict``)
    and are otherwise ignored and left out of the links.
    """
    query = Query(criteria=[])
    for key, value in pairs:
        if "\x00" in key or "\x00" in value:
            # No text in FHIR (or in PostgreSQL) holds a NUL character.
            raise invalid(f"{key.replace(chr(0), '')}: a parameter cannot contain a NUL character.")
        base_name = key.split(":", 1)[0].split(".", 1)[0]
        if key in RESULT_PARAMETERS:
            _result_parameter(query, key, value)
            if key not in ("_format", "_cursor"):
                query.used.append((key, value))
            continue
        if base_name in RESULT_PARAMETERS:
            raise invalid(f"{key}: {base_name} takes no modifier.")
        if base_name != "_has" and base_name not in known:
            if strict:
                raise invalid(f"Unknown search parameter {key!r} (Prefer: handling=strict).")
            query.ignored.append(key)
            continue
        query.criteria.append(criterion_from_key(key, value))
        query.used.append((key, value))
    return query


def _result_parameter(query, key, value):
    if key == "_count":
        query.count = parse_count(value)
    elif key == "_summary":
        if value == "count":
            query.summary_count = True
        elif value != "false":
            raise invalid(f"_summary={value} is not supported; use _summary=count or leave it out.")
    elif key == "_total":
        if value not in ("none", "estimate", "accurate"):
            raise invalid("_total must be none, estimate or accurate.")
        query.total = {"estimate": "capped"}.get(value, value)
    elif key == "_include":
        query.includes.append(value)
    elif key == "_revinclude":
        query.revincludes.append(value)
    elif key == "_pretty":
        query.pretty = value == "true"
    elif key == "_cursor":
        query.cursor = value


# Value types.


def parse_token(value):
    """``[system]|[code]`` or ``code`` → (system or None, code or None); None means "any"."""
    if "|" in value:
        system, _, code = value.partition("|")
        return system, code or None
    return None, value


def parse_reference(value, default_type):
    """``Type/id``, ``id`` or an absolute URL ending in ``Type/id`` → (type, id)."""
    parts = value.rstrip("/").split("/")
    if len(parts) >= 2 and parts[-2][:1].isupper():
        resource_type, resource_id = parts[-2], parts[-1]
    elif len(parts) == 1:
        resource_type, resource_id = default_type, parts[0]
    else:
        raise invalid(f"{value!r} is not a reference: write Type/id or id.")
    if not ID_PATTERN.match(resource_id):
        raise invalid(f"{resource_id!r} is not a FHIR id (letters, digits, '-' and '.', up to 64).")
    return resource_type, resource_id


_DATE = re.compile(
    r"^(?P<year>\d{4})(-(?P<month>\d{2})(-(?P<day>\d{2})"
    r"(T(?P<hour>\d{2}):(?P<minute>\d{2})(:(?P<second>\d{2})(\.(?P<fraction>\d+))?)?"
    r"(?P<tz>Z|[+-]\d{2}:\d{2})?)?)?)?$"
)


def parse_date(value):
    """``[prefix]date`` → (prefix, start, end): the instant range the value covers, end exclusive."""
    prefix = value[:2] if value[:2] in DATE_PREFIXES else "eq"
    text = value[2:] if value[:2] in DATE_PREFIXES else value
    match = _DATE.match(text)
    if not match:
        raise invalid(f"{value!r} is not a FHIR date (for example 2026-12-01 or ge2026-12-01T08:00:00Z).")
    parts = match.groupdict()
    try:
        if parts["tz"]:
            tz = UTC if parts["tz"] == "Z" else datetime.strptime(parts["tz"], "%z").tzinfo
        else:
            tz = timezone.get_current_timezone()
        year, month, day = int(parts["year"]), int(parts["month"] or 1), int(parts["day"] or 1)
        if parts["hour"] is not None:
            second = int(parts["second"] or 0)
            fraction = (parts["fraction"] or "")[:6].ljust(6, "0")
            start = datetime(year, month, day, int(parts["hour"]), int(parts["minute"]), second, int(fraction), tz)
            if parts["fraction"]:
                end = start + timedelta(microseconds=1)
            elif parts["second"] is not None:
                end = start + timedelta(seconds=1)
            else:
                end = start + timedelta(minutes=1)
        else:
            start = datetime(year, month, day, tzinfo=tz)
            if parts["day"]:
                end = start + timedelta(days=1)
            elif parts["month"]:
                end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=tz)
            else:
                end = datetime(year + 1, 1, 1, tzinfo=tz)
    except ValueError:
        raise invalid(f"{value!r} is not a real date.") from None
    return prefix, start, end


def date_matches(prefix, start, end, instant):
    """Whether an instant (a resource's lastUpdated) matches ``[prefix]date`` (FHIR's rules for ranges)."""
    return {
        "eq": start <= instant < end,
        "ne": not (start <= instant < end),
        "gt": instant >= end,
        "sa": instant >= end,
        "ge": instant >= start,
        "lt": instant < start,
        "eb": instant < start,
        "le": instant < end,
    }[prefix]


def date_lookup(prefix, start, end):
    """The same rule as Django lookups on a datetime field: (kwargs to filter, negate)."""
    return {
        "eq": ({"gte": start, "lt": end}, False),
        "ne": ({"gte": start, "lt": end}, True),
        "gt": ({"gte": end}, False),
        "sa": ({"gte": end}, False),
        "ge": ({"gte": start}, False),
        "lt": ({"lt": start}, False),
        "eb": ({"lt": start}, False),
        "le": ({"lt": end}, False),
    }[prefix]


def parse_near(value):
    """``lat|lon|distance|unit`` → (latitude, longitude, miles)."""
    parts = value.split("|")
    if len(parts) < 2 or len(parts) > 4:
        raise invalid(f"near={value}: write latitude|longitude|distance|unit, for example 33.80|-118.18|10|[mi_us].")
    try:
        latitude, longitude = float(parts[0]), float(parts[1])
        distance = float(parts[2]) if len(parts) > 2 and parts[2] else None
    except ValueError:
        raise invalid(f"near={value}: latitude, longitude and distance must be numbers.") from None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise invalid(f"near={value}: latitude is -90 to 90 and longitude -180 to 180.")
    unit = parts[3] if len(parts) > 3 and parts[3] else "[mi_us]"
    if unit not in DISTANCE_UNITS:
        raise invalid(f"near={value}: the unit must be one of " + ", ".join(DISTANCE_UNITS) + ".")
    miles = DEFAULT_NEAR_MILES if distance is None else distance * DISTANCE_UNITS[unit]
    if distance is not None and distance < 0:
        raise invalid(f"near={value}: the distance cannot be negative.")
    if miles > MAX_NEAR_MILES:
        raise invalid(f"near={value}: search within {MAX_NEAR_MILES} miles (about 400 km) at most.")
    return latitude, longitude, miles
