"""ZIP code centroids come from our own offline ZIP table; distances are great-circle miles."""

import io

import pytest
from django.core.management import call_command

from providers import geo
from providers.models import Location
from tests.helpers import run_django
from tests.providers import factories


@pytest.mark.parametrize(
    ("zip_a", "zip_b", "miles"),
    [
        ("90806", "90815", 4.0),  # across Long Beach
        ("90806", "90210", 23.4),  # Long Beach to Beverly Hills
        ("60601", "94103", 1858),  # Chicago to San Francisco, about 1,858 miles
        ("10001", "90001", 2448),  # Manhattan to Los Angeles, about 2,450 miles
    ],
)
def test_distance_between_known_zip_codes(zip_a, zip_b, miles):
    distance = geo.haversine_miles(*geo.zip_coordinates(zip_a), *geo.zip_coordinates(zip_b))

    assert distance == pytest.approx(miles, rel=0.01)


def test_a_zip_code_is_zero_miles_from_itself():
    assert geo.haversine_miles(*geo.zip_coordinates("90806"), *geo.zip_coordinates("90806")) == 0


@pytest.mark.parametrize("value", ["00000", "ABCDE", "9080", "908060", "", "90806-12", None])
def test_unknown_or_malformed_zip_codes_have_no_coordinates(value):
    assert geo.zip_coordinates(value) is None


def test_zip_plus_four_uses_the_five_digit_zip():
    assert geo.zip_coordinates("90806-1234") == geo.zip_coordinates("90806")


def test_a_location_gets_coordinates_from_its_zip_when_none_are_given(db):
    location = factories.location(zip_code="90806")

    assert (location.latitude, location.longitude) == pytest.approx(geo.zip_coordinates("90806"))


def test_a_location_keeps_coordinates_an_editor_typed(db):
    location = factories.location(zip_code="90806", latitude=33.8, longitude=-118.2)

    assert (location.latitude, location.longitude) == (33.8, -118.2)


def test_database_distance_matches_python_distance(db):
    torrance = factories.location("Torrance", zip_code="90505", city="Torrance")
    origin = geo.zip_coordinates("90806")

    within = Location.objects.within(*origin, 25).get(pk=torrance.pk)

    assert within.miles == pytest.approx(geo.haversine_miles(*origin, torrance.latitude, torrance.longitude), abs=1e-6)


def test_locations_inside_the_bounding_box_but_outside_the_circle_are_left_out(db):
    origin = geo.zip_coordinates("90806")
    min_lat, max_lat, min_lng, max_lng = geo.bounding_box(*origin, 10)
    corner = factories.location("Box corner", latitude=max_lat - 0.001, longitude=max_lng - 0.001)

    assert geo.haversine_miles(*origin, corner.latitude, corner.longitude) > 10
    assert not Location.objects.within(*origin, 10).filter(pk=corner.pk).exists()


def test_changing_a_zip_code_moves_the_location_unless_an_editor_set_coordinates(db):
    location = factories.location(zip_code="90806")
    location = Location.objects.get(pk=location.pk)

    location.zip_code = "90505"
    location.save()

    assert (location.latitude, location.longitude) == pytest.approx(geo.zip_coordinates("90505"))

    location = Location.objects.get(pk=location.pk)
    location.zip_code = "90806"
    location.latitude, location.longitude = 33.81, -118.19
    location.save()

    assert (location.latitude, location.longitude) == (33.81, -118.19)


@pytest.mark.parametrize(
    ("value", "place"),
    [
        ("90806", "Long Beach, CA"),
        ("90806-1234", "Long Beach, CA"),
        ("00501", "Holtsville, NY"),  # the first ZIP code in the table
        ("99950", "Ketchikan, AK"),  # the last
        ("60601", "Chicago, IL"),
        ("00000", ""),
        ("99999", ""),
        ("9080", ""),
        (None, ""),
    ],
)
def test_a_zip_code_is_named_by_its_city_and_state(value, place):
    assert geo.zip_place(value) == place


def test_the_first_and_last_zip_codes_have_coordinates():
    assert geo.zip_coordinates("00501") == (40.8154, -73.0451)
    assert geo.zip_coordinates("99950") == (55.3422, -131.6478)


def test_the_committed_zip_table_is_what_the_zipcodes_package_gives(tmp_path):
    """``manage.py export_zip_codes`` writes the table from the zipcodes package; the committed copy is current."""
    pytest.importorskip("zipcodes", reason="zipcodes is a development dependency")
    written = tmp_path / "us_zip_codes.tsv"

    call_command("export_zip_codes", output=str(written), stdout=io.StringIO())

    assert written.read_bytes() == geo.ZIP_DATA_FILE.read_bytes()


def test_serving_a_zip_search_never_loads_the_zipcodes_package(db):
    """The zipcodes package holds about 38 MB per process once used; the site reads its own table instead."""
    result = run_django(
        "import sys\n"
        "from providers import geo, validators\n"
        "validators.validate_zip('90806')\n"
        "assert geo.zip_place('90806') == 'Long Beach, CA'\n"
        "assert geo.zip_coordinates('10001')\n"
        "print('zipcodes' in sys.modules)\n",
        "hospital_site.settings.test",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
