"""ZIP code centroids come from the offline zipcodes data; distances are great-circle miles."""

import pytest

from providers import geo
from providers.models import Location
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
