"""Validators for identifiers staff type into the directory: NPI, ZIP code, NUCC taxonomy code."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import geo

NPI_PATTERN = re.compile(r"^[12]\d{9}$")
TAXONOMY_PATTERN = re.compile(r"^\d{3}[0-9A-Z]{6}X$")

# The NPI check digit is a Luhn digit computed as if the number carried the
# card-issuer prefix 80840; those five digits always contribute 24 to the sum.
NPI_PREFIX_SUM = 24


def npi_check_digit(first_nine):
    """The Luhn check digit for the first nine digits of an NPI (as a string)."""
    total = NPI_PREFIX_SUM
    # Luhn doubles every second digit counting leftwards from the check digit,
    # so the rightmost of the nine is doubled.
    for position, char in enumerate(reversed(first_nine)):
        digit = int(char)
        if position % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return (10 - total % 10) % 10


def is_valid_npi(value):
    """True for ten digits starting with 1 or 2 whose last digit is the right check digit."""
    value = str(value or "")
    return bool(NPI_PATTERN.match(value)) and int(value[-1]) == npi_check_digit(value[:9])


def validate_npi(value):
    """Model and form validator with messages an editor can act on."""
    value = str(value or "")
    if not re.fullmatch(r"\d{10}", value):
        raise ValidationError(
            _("An NPI is exactly 10 digits, with no spaces or dashes (you entered %(value)s)."),
            code="npi_format",
            params={"value": value},
        )
    if value[0] not in "12":
        raise ValidationError(_("An NPI starts with 1 or 2."), code="npi_prefix")
    if not is_valid_npi(value):
        raise ValidationError(
            _(
                "%(value)s is not a valid NPI: its last digit does not match the check digit. "
                "Check the number against the NPPES registry."
            ),
            code="npi_check_digit",
            params={"value": value},
        )


def validate_zip(value):
    """A real US ZIP code (five digits, or ZIP+4), known to our offline ZIP table (``providers/geo.py``)."""
    if not geo.is_zip_format(value):
        raise ValidationError(_("Enter a 5-digit US ZIP code, for example 90806."), code="zip_format")
    if geo.zip_coordinates(value) is None:
        raise ValidationError(
            _("%(value)s is not a US ZIP code we know. Check the number."),
            code="zip_unknown",
            params={"value": value},
        )


def validate_taxonomy_code(value):
    """A NUCC Health Care Provider Taxonomy code such as 2080P0207X."""
    if not TAXONOMY_PATTERN.match(value or ""):
        raise ValidationError(
            _("A NUCC taxonomy code is 10 characters ending in X, for example 2080P0207X."),
            code="taxonomy_format",
        )
