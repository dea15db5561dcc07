"""JSON-LD for condition pages: schema.org MedicalWebPage about a MedicalCondition.

Built from the page's blocks, so the symptoms, causes and risk factors search
engines read are the ones parents read.
"""

import json

from django.utils.safestring import mark_safe

from base.i18n import localized, page_language
from base.models import SiteSettings

from .choices import KeyFactTopic

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
# Key facts on these topics are also schema.org properties of the condition.
KEY_FACT_PROPERTIES = {KeyFactTopic.HOW_COMMON: "epidemiology", KeyFactTopic.OUTLOOK: "expectedPrognosis"}


def _named(schema_type, items, name_key="name"):
    return [{"@type": schema_type, "name": item[name_key]} for item in items]


def _described(schema_type, name, description=""):
    """``{"@type", "name", "description"}``, the description left out when empty."""
    return {"@type": schema_type, "name": name, **({"description": description} if description else {})}


def _citation(source):
    """A source as a schema.org CreativeWork: its title, publisher and address."""
    work = {"@type": "CreativeWork", "name": source["title"]}
    if source["publisher"]:
        work["publisher"] = {"@type": "Organization", "name": source["publisher"]}
    if source["url"]:
        work["url"] = source["url"]
    return work


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
    if tests := page.medical_tests:
        condition["typicalTest"] = [_described("MedicalTest", test["name"], test["description"]) for test in tests]
    treatments = [_described("MedicalTherapy", phase["name"], phase["description"]) for phase in page.treatment_phases]
    treatments += [
        {
            "@type": "MedicalTherapy",
            "name": treatment,
            "adverseOutcome": [_described("MedicalEntity", item["name"], item["detail"]) for item in side_effects],
        }
        for treatment, side_effects in page.side_effect_groups
    ]
    if treatments:
        condition["possibleTreatment"] = treatments
    if warning_signs := page.warning_signs:
        # A sign that means "call now" during treatment is a complication to watch for.
        condition["possibleComplication"] = [sign["sign"] for sign in warning_signs]
    for topic, key in KEY_FACT_PROPERTIES.items():
        if facts := [fact["fact"] for fact in page.key_fact_items if fact["topic"] == topic]:
            condition[key] = " ".join(facts)
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
    if key_facts := page.key_fact_items:
        data["abstract"] = " ".join(fact["fact"] for fact in key_facts)
    if terms := page.glossary_terms:
        data["hasPart"] = {
            "@type": "DefinedTermSet",
            "name": next(block.value["heading"] for block in page.body if block.block_type == "glossary"),
            "hasDefinedTerm": [_described("DefinedTerm", term["term"], term["definition"]) for term in terms],
        }
    if sources := page.sources:
        data["citation"] = [_citation(source) for source in sources]
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
