"""JSON-LD for condition pages: schema.org MedicalWebPage about a MedicalCondition.

Built from the page's blocks, so the symptoms, causes and risk factors search
engines read are the ones parents read.
"""

import json

from django.utils.safestring import mark_safe

from base.i18n import localized, page_language
from base.models import SiteSettings

# What Django's json_script escapes, so the JSON cannot close the <script> element early.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def script_content(data):
    """``data`` as compact JSON that is safe inside ``<script type="application/ld+json">``.

    Compact, because json.dumps only uses its fast C encoder without ``indent``:
    this runs on every uncached view of a condition page.
    """
    return mark_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES))


# schema.org inLanguage: BCP 47, as the page is written for families in the United States.
IN_LANGUAGE = {"en": "en-US", "es": "es-US"}


def _named(schema_type, items, name_key="name"):
    return [{"@type": schema_type, "name": item[name_key]} for item in items]


def condition_page(page, request=None):
    """The JSON-LD dict for one condition page."""
    condition = {
        "@type": "MedicalCondition",
        "name": page.title,
        "description": page.summary,
    }
    # Each property walks the page body: read once.
    if alternate_names := page.alternate_name_list:
        condition["alternateName"] = alternate_names
    if symptoms := page.symptoms:
        condition["signOrSymptom"] = _named("MedicalSignOrSymptom", symptoms)
    if risk_factors := page.risk_factors:
        condition["riskFactor"] = _named("MedicalRiskFactor", risk_factors)
    if causes := page.causes:
        condition["cause"] = _named("MedicalCause", causes)
    specialties = [
        {"@type": "MedicalSpecialty", "name": localized(specialty, "name")}
        for specialty in page.related_specialties.all()
    ]
    if specialties:
        condition["relevantSpecialty"] = specialties

    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": page.seo_title or page.title,
        "description": page.search_description or page.summary,
        "url": page.get_full_url(request=request),
        "inLanguage": IN_LANGUAGE.get(page_language(page, request), "en-US"),
        "medicalAudience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "about": condition,
    }
    if page.last_reviewed:
        data["lastReviewed"] = page.last_reviewed.isoformat()
    if page.reviewer_name:
        reviewer = {"@type": "Person", "name": page.reviewer_name}
        if page.reviewer_credentials:
            reviewer["honorificSuffix"] = page.reviewer_credentials
        if page.reviewer_provider_id and page.reviewer_provider.active and request is not None:
            reviewer["url"] = request.build_absolute_uri(page.reviewer_provider.get_absolute_url())
        data["reviewedBy"] = reviewer
    hospital_name = localized(SiteSettings.load(request_or_site=request), "hospital_name")
    if hospital_name:
        data["publisher"] = {"@type": "Hospital", "name": hospital_name}
    return data
