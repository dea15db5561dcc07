"""NPI validation: ten digits, starting with 1 or 2, with the Luhn check digit over the 80840 prefix."""

import pytest
from django.core.exceptions import ValidationError

from providers.validators import is_valid_npi, npi_check_digit, validate_npi


def test_cms_worked_example_check_digit_is_3():
    assert npi_check_digit("123456789") == 3
    assert is_valid_npi("1234567893")


@pytest.mark.parametrize(
    "npi",
    [
        "1234567893",  # CMS's worked example
        "1245319599",
        "1003000126",
        "1497758544",
        "2999999999"[:9] + str(npi_check_digit("299999999")),  # a demo NPI
    ],
)
def test_valid_npis_pass(npi):
    assert is_valid_npi(npi)
    validate_npi(npi)


@pytest.mark.parametrize(
    ("npi", "message"),
    [
        ("1234567890", "check digit"),
        ("1234567894", "check digit"),
        ("123456789", "exactly 10 digits"),
        ("12345678931", "exactly 10 digits"),
        ("123456789A", "exactly 10 digits"),
        ("1234-56789", "exactly 10 digits"),
        ("3234567893", "starts with 1 or 2"),
        ("", "exactly 10 digits"),
    ],
)
def test_invalid_npis_say_what_is_wrong(npi, message):
    assert not is_valid_npi(npi)
    with pytest.raises(ValidationError, match=message):
        validate_npi(npi)
