"""ZIP code centroids and distances.

Coordinates come from the ``zipcodes`` package, which ships the US ZIP
centroids offline, so a lookup never touches the network.
"""

import functools
import math
import re

import zipcodes
from django.db.models import F, FloatField, Value
from django.db.models.functions import ASin, Cos, Least, Power, Radians, Sin, Sqrt

EARTH_RADIUS_MILES = 3958.8
MILES_PER_DEGREE_LATITUDE = 69.0
ZIP_PATTERN = re.compile(r"^(\d{5})(-\d{4})?$")


def is_zip_format(value):
    """Five digits, optionally followed by -NNNN."""
    return isinstance(value, str) and bool(ZIP_PATTERN.match(value))


def normalize_zip(value):
    """The five-digit ZIP from '90806' or '90806-1234'; '' for anything else."""
    match = ZIP_PATTERN.match(value.strip()) if isinstance(value, str) else None
    return match.group(1) if match else ""


@functools.lru_cache(maxsize=4096)
def _lookup(zip5):
    try:
        matches = zipcodes.matching(zip5)
    except (TypeError, ValueError):
        return None
    for match in matches:
        if match.get("lat") and match.get("long"):
            return float(match["lat"]), float(match["long"])
    return None


def zip_coordinates(value):
    """(latitude, longitude) of a ZIP code's centroid, or None when it is not a known US ZIP."""
    zip5 = normalize_zip(value)
    return _lookup(zip5) if zip5 else None


def zip_place(value):
    """'Long Beach, CA' for a known ZIP code, '' otherwise."""
    zip5 = normalize_zip(value)
    if not zip5:
        return ""
    try:
        matches = zipcodes.matching(zip5)
    except (TypeError, ValueError):
        return ""
    return f"{matches[0]['city']}, {matches[0]['state']}" if matches else ""


def haversine_miles(lat1, lng1, lat2, lng2):
    """Great-circle distance between two points, in miles."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lng2 - lng1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat, lng, radius_miles):
    """(min_lat, max_lat, min_lng, max_lng) enclosing a circle; cheap to test with an index."""
    d_lat = radius_miles / MILES_PER_DEGREE_LATITUDE
    # Longitude degrees shrink towards the poles; clamp so the box never inverts.
    cos_lat = max(math.cos(math.radians(lat)), 0.01)
    d_lng = radius_miles / (MILES_PER_DEGREE_LATITUDE * cos_lat)
    return lat - d_lat, lat + d_lat, lng - d_lng, lng + d_lng


def haversine_expression(lat, lng, lat_field="latitude", lng_field="longitude"):
    """The haversine distance in miles from (lat, lng) to a row's coordinates, as an ORM expression.

    Works on PostgreSQL and on SQLite (Django registers the math functions there).
    """
    lat0 = Value(math.radians(lat), output_field=FloatField())
    lng0 = Value(math.radians(lng), output_field=FloatField())
    lat1 = Radians(F(lat_field))
    lng1 = Radians(F(lng_field))
    a = Power(Sin((lat1 - lat0) / 2), 2) + Cos(lat0) * Cos(lat1) * Power(Sin((lng1 - lng0) / 2), 2)
    # Rounding can push ``a`` a hair above 1, which asin() rejects on PostgreSQL.
    return Value(2 * EARTH_RADIUS_MILES, output_field=FloatField()) * ASin(
        Sqrt(Least(a, Value(1.0, output_field=FloatField())))
    )
