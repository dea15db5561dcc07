"""Phone numbers: validated and formatted by libphonenumber (``phonenumbers``).

Editors type numbers however they like; we keep what they typed if it is a
real number, show it in the national format and link it as ``tel:+1…``.
"""

import functools

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


# Every page shows the same few numbers (header, footer, calls to action, doctors' cards), and
# parsing one with libphonenumber costs more than the rest of its template: the formatted
# forms are remembered per worker. They depend on nothing but the text typed.
FORMATTED_NUMBERS_KEPT = 4096


def _remembered(format_function):
    remembered = functools.lru_cache(maxsize=FORMATTED_NUMBERS_KEPT)(format_function)

    @functools.wraps(format_function)
    def wrapper(value):
        # Plain str only: a SafeString equal to a str must not come back for it (or vice versa).
        return remembered(value) if type(value) is str else format_function(value)

    return wrapper


@_remembered
def tel_href(value):
    """``tel:+15627285000`` for a valid number, '' otherwise."""
    try:
        number = parse_phone(value)
    except ValidationError:
        return ""
    return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@_remembered
def display_phone(value):
    """``(562) 728-5000`` for a valid US number; other input is returned unchanged."""
    try:
        number = parse_phone(value)
    except ValidationError:
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
