"""JSON-LD for a provider profile: a schema.org ``Physician``, built in Python and serialized with json.dumps."""

import json

from django.utils.safestring import mark_safe

from base import phone
from base.i18n import localized

# What Django's json_script escapes, so the JSON cannot close the <script> element early.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def script_content(data):
    """``data`` as JSON that is safe inside ``<script type="application/ld+json">``."""
    return mark_safe(json.dumps(data, ensure_ascii=False, indent=1).translate(_SCRIPT_ESCAPES))


def _international(number):
    """'+1-562-728-5000' style for schema.org, or the number as typed when it is not valid."""
    href = phone.tel_href(number)
    return href.removeprefix("tel:") if href else number


def postal_address(location):
    return {
        "@type": "PostalAddress",
        "name": location.name,
        "streetAddress": location.street,
        "addressLocality": location.city,
        "addressRegion": location.state,
        "postalCode": location.zip_code,
        "addressCountry": "US",
    }


def physician(provider, request=None, hospital_name=""):
    """The ``Physician`` dict for one provider (relations should be prefetched)."""
    url = request.build_absolute_uri(provider.get_absolute_url()) if request else provider.get_absolute_url()
    locations = provider.location_list
    data = {
        "@context": "https://schema.org",
        "@type": "Physician",
        "@id": url,
        "url": url,
        "name": provider.display_name,
        "usNPI": provider.npi,
        "medicalSpecialty": [str(localized(specialty, "name")) for specialty in provider.specialty_list],
        "isAcceptingNewPatients": provider.accepting_new_patients,
        "knowsLanguage": [language.name for language in provider.languages.all()],
        "address": [postal_address(pl.location) for pl in locations],
    }
    numbers = [pl.phone_number for pl in locations if pl.phone_number]
    if numbers:
        data["telephone"] = _international(numbers[0])
    if hospital_name:
        data["hospitalAffiliation"] = {"@type": "Hospital", "name": hospital_name}
    if provider.bio:
        data["description"] = provider.bio_paragraphs[0]
    return data
