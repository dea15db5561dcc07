"""JSON-LD for a provider profile: a schema.org ``ProfilePage`` about a ``Physician``, built in Python.

The page is the ``ProfilePage`` (a creative work, so it has ``inLanguage``: the language it is
written in); the doctor is its ``mainEntity`` (``knowsLanguage``: the languages they speak).
Both are BCP 47 tags, as schema.org asks.
"""

import json
import re

from django.utils.safestring import mark_safe

from base import phone
from base.i18n import current_language, localized
from conditions.structured_data import IN_LANGUAGE

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


def language_tag(language):
    """A language's BCP 47 tag ("es", "zh-yue") for schema.org, or its English name when its code is not one."""
    if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", language.code or ""):
        return language.code
    return language.name


def profile_page(provider, request=None, hospital_name=""):
    """The ``ProfilePage`` dict for one provider's profile, in the language it is shown in."""
    doctor = physician(provider, request, hospital_name)
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "url": doctor["url"],
        "inLanguage": IN_LANGUAGE.get(current_language(), "en-US"),
        "mainEntity": doctor,
    }


def physician(provider, request=None, hospital_name=""):
    """The ``Physician`` dict for one provider (relations should be prefetched)."""
    url = request.build_absolute_uri(provider.get_absolute_url()) if request else provider.get_absolute_url()
    locations = provider.location_list
    data = {
        "@type": "Physician",
        "@id": url,
        "url": url,
        "name": provider.display_name,
        "usNPI": provider.npi,
        "medicalSpecialty": [str(localized(specialty, "name")) for specialty in provider.specialty_list],
        "isAcceptingNewPatients": provider.accepting_new_patients,
        "knowsLanguage": [language_tag(language) for language in provider.languages.all()],
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
