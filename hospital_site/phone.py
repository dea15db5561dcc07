"""Phone numbers: validated and formatted by libphonenumber (``phonenumbers``).

Editors type numbers however they like; we keep what they typed if it is a
real number, show it in the national format and link it as ``tel:+1…``.
"""

import phonenumbers
from django.core.exceptions import ValidationError

DEFAULT_REGION = "US"


def parse_phone(value):
    """Return a ``PhoneNumber`` for a valid number, or raise ValidationError."""
    try:
        number = phonenumbers.parse(value or "", DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            "Enter a real phone number with its area code, for example (562) 728-5000.",
            code="invalid_phone",
        )
    return number


def validate_phone(value):
    """Model and form field validator."""
    parse_phone(value)


def tel_href(value):
    """``tel:+15627285000`` for a valid number, '' otherwise."""
    try:
        number = parse_phone(value)
    except ValidationError:
        return ""
    return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(value):
    """``(562) 728-5000`` for a valid US number; other input is returned unchanged."""
    try:
        number = parse_phone(value)
    except ValidationError:
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
