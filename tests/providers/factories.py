"""Build directory data for tests through the models' own API (never the demo loader)."""

import itertools

from conditions.models import ConditionIndexPage, ConditionPage
from providers.models import Language, Location, Provider, ProviderLocation, Specialty
from providers.validators import npi_check_digit

_numbers = itertools.count(1)


def valid_npi(number=None):
    """A valid NPI (1 + eight digits + check digit), different on each call unless ``number`` is given."""
    first_nine = f"1{(number if number is not None else next(_numbers)):08d}"
    return first_nine + str(npi_check_digit(first_nine))


def hem_onc():
    """Pediatric Hematology-Oncology with the lay words parents use."""
    specialty, _ = Specialty.objects.get_or_create(
        slug="pediatric-hematology-oncology",
        defaults={
            "name": "Pediatric Hematology-Oncology",
            "taxonomy_code": "2080P0207X",
            "synonyms": "blood cancer doctor, hematology, oncology",
        },
    )
    return specialty


def cardiology():
    specialty, _ = Specialty.objects.get_or_create(
        slug="pediatric-cardiology",
        defaults={"name": "Pediatric Cardiology", "taxonomy_code": "2080P0202X", "synonyms": "heart doctor"},
    )
    return specialty


def language(code):
    """A language seeded by the providers migrations (en, es, vi, ko, …)."""
    return Language.objects.get(code=code)


def location(name="Main Campus", zip_code="90806", phone="(562) 555-0100", **fields):
    values = {
        "street": "2801 Atlantic Avenue",
        "city": "Long Beach",
        "state": "CA",
        "zip_code": zip_code,
        "phone": phone,
    }
    values.update(fields)
    obj, _ = Location.objects.get_or_create(name=name, defaults=values)
    return obj


def provider(
    first_name="Ana",
    last_name="Example",
    credentials="MD",
    specialties=None,
    conditions=(),
    languages=("en",),
    locations=None,
    **fields,
):
    """A saved, active provider. The first specialty is the primary one."""
    specialties = list(specialties) if specialties is not None else [hem_onc()]
    obj = Provider(
        first_name=first_name,
        last_name=last_name,
        credentials=credentials,
        npi=fields.pop("npi", None) or valid_npi(),
        primary_specialty=specialties[0],
        **fields,
    )
    obj.specialties = specialties
    obj.conditions = list(conditions)
    obj.languages = [language(code) for code in languages]
    obj.provider_locations = [
        ProviderLocation(location=loc, sort_order=order)
        for order, loc in enumerate(locations if locations is not None else [location()])
    ]
    obj.full_clean(exclude=["search_text"])
    obj.save()
    return obj


def condition_index(home_page):
    existing = ConditionIndexPage.objects.first()
    if existing:
        return existing
    index = ConditionIndexPage(title="Conditions", slug="conditions")
    # Provider tests need an index page to hang conditions on, not a finished one.
    index.full_clean = lambda *args, **kwargs: None
    return home_page.add_child(instance=index)


def condition_page(home_page, title="Acute Lymphoblastic Leukemia", slug="acute-lymphoblastic-leukemia", **fields):
    """A live condition page with just the fields provider search reads (title, slug, alternate names).

    Validation is skipped on purpose: a publishable condition page needs body blocks and a
    clinician's review, which belong to the conditions app's tests, not to the directory's.
    """
    fields.setdefault(
        "alternate_names", "acute lymphocytic leukemia, ALL" if slug == "acute-lymphoblastic-leukemia" else ""
    )
    fields.setdefault("summary", f"{title} explained for parents.")
    page = ConditionPage(title=title, slug=slug, **fields)
    page.full_clean = lambda *args, **kwargs: None
    return condition_index(home_page).add_child(instance=page)
