"""ZIP code centroids and distances.

Coordinates, city and state come from ``providers/data/us_zip_codes.tsv``, a
table we keep in the repository (written from the ``zipcodes`` package by
``manage.py export_zip_codes``), so a lookup never touches the network or the
database. The first lookup in a process reads it into four compact ``array``
columns and one string — about 1.5 MB — and finds a ZIP code by binary search.
(The ``zipcodes`` package itself held about 38 MB per worker: docs/architecture.md.)
"""

import bisect
import functools
import math
import re
from array import array
from pathlib import Path

from django.db.models import F, FloatField, Value
from django.db.models.functions import ASin, Cos, Least, Power, Radians, Sin, Sqrt

EARTH_RADIUS_MILES = 3958.8
MILES_PER_DEGREE_LATITUDE = 69.0
ZIP_PATTERN = re.compile(r"^(\d{5})(-\d{4})?$")
ZIP_DATA_FILE = Path(__file__).resolve().parent / "data" / "us_zip_codes.tsv"
# Coordinates are stored as whole ten-thousandths of a degree (about 11 m), as the source gives them;
# dividing back gives exactly the float the decimal text would.
COORDINATE_DECIMALS = 4
COORDINATE_SCALE = 10**COORDINATE_DECIMALS


def is_zip_format(value):
    """Five digits, optionally followed by -NNNN."""
    return isinstance(value, str) and bool(ZIP_PATTERN.match(value))


def normalize_zip(value):
    """The five-digit ZIP from '90806' or '90806-1234'; '' for anything else."""
    match = ZIP_PATTERN.match(value.strip()) if isinstance(value, str) else None
    return match.group(1) if match else ""


def zip_records(path=ZIP_DATA_FILE):
    """Every row of the ZIP code table as a dict of its columns (strings), in ZIP order."""
    with open(path, encoding="utf-8") as file:
        lines = (line.rstrip("\n") for line in file if not line.startswith("#"))
        columns = next(lines).split("\t")
        for line in lines:
            yield dict(zip(columns, line.split("\t"), strict=True))


class ZipTable:
    """The ZIP codes, their centroids and places in parallel arrays, sorted by ZIP code."""

    def __init__(self, path=ZIP_DATA_FILE):
        self.zips = array("I")
        self.latitudes = array("i")
        self.longitudes = array("i")
        self.place_starts = array("I")
        places, length = [], 0
        with open(path, encoding="utf-8") as file:
            for line in file:
                if line.startswith(("#", "zip\t")):
                    continue
                zip_code, latitude, longitude, city, state, _rest = line.split("\t", 5)
                self.zips.append(int(zip_code))
                self.latitudes.append(round(float(latitude) * COORDINATE_SCALE))
                self.longitudes.append(round(float(longitude) * COORDINATE_SCALE))
                place = f"{city}, {state}"
                self.place_starts.append(length)
                places.append(place)
                length += len(place)
        self.place_starts.append(length)
        self.places = "".join(places)

    def index(self, zip5):
        """Position of a five-digit ZIP code, or None when it is not in the table."""
        number = int(zip5)
        position = bisect.bisect_left(self.zips, number)
        return position if position < len(self.zips) and self.zips[position] == number else None

    def coordinates(self, position):
        return self.latitudes[position] / COORDINATE_SCALE, self.longitudes[position] / COORDINATE_SCALE

    def place(self, position):
        return self.places[self.place_starts[position] : self.place_starts[position + 1]]


@functools.cache
def zip_table():
    """The table, read on first use and kept for the life of the process."""
    return ZipTable()


def zip_coordinates(value):
    """(latitude, longitude) of a ZIP code's centroid, or None when it is not a known US ZIP."""
    zip5 = normalize_zip(value)
    if not zip5:
        return None
    table = zip_table()
    position = table.index(zip5)
    return None if position is None else table.coordinates(position)


def zip_place(value):
    """'Long Beach, CA' for a known ZIP code, '' otherwise."""
    zip5 = normalize_zip(value)
    if not zip5:
        return ""
    table = zip_table()
    position = table.index(zip5)
    return "" if position is None else table.place(position)


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
