"""Fictional demo providers: deterministic, clearly labelled, and safe to load twice.

Provider number ``i`` is always the same person: the same name, NPI, specialties,
languages and locations, derived from a random generator seeded with ``i``.
So ``generate_demo_providers --count 10000`` after ``--count 1000`` adds
9,000 providers and leaves the first 1,000 alone, and running either twice
changes nothing.

Everything here is fiction:

- every demo provider has ``is_demo=True`` and is labelled "Demo profile — fictional";
- names are random pairings of common first and last names;
- NPIs start with 299. They pass the NPI check digit, but CMS has so far only
  issued NPIs that start with 1, so none can belong to a real clinician;
- clinic phone numbers use the 555-01XX range reserved for fiction.

The first ``LOCAL_COUNT`` providers practise at a handful of clinics near the
hospital in Long Beach, CA 90806 (``load_demo_content`` loads those). Beyond
them, most providers are spread over clinics in real ZIP codes across the US,
so a "near 90806" search at 100,000 providers behaves like a real directory.
"""

import random

from django.db import connection, transaction
from django.utils.text import slugify as slugify_name

from . import geo
from .choices import PlanType
from .models import (
    InsurancePlan,
    Language,
    Location,
    Network,
    Provider,
    ProviderLocation,
    Specialty,
    build_search_text,
)
from .validators import npi_check_digit

DEMO_NPI_PREFIX = "299"
LOCAL_COUNT = 40
SEED = 20240806
BATCH_SIZE = 1000


def words(text):
    """A list of names kept as prose, which reads better than a long list literal."""
    return text.split()


SPECIALTIES = [
    # (name, NUCC taxonomy code, lay synonyms)
    (
        "Pediatric Hematology-Oncology",
        "2080P0207X",
        "blood cancer doctor, childhood cancer, cancer doctor, hematology, oncology, hematologist, oncologist, "
        "leukemia doctor, blood disorders",
    ),
    ("Pediatrics", "208000000X", "pediatrician, children's doctor, general pediatrics, primary care"),
    ("Pediatric Cardiology", "2080P0202X", "heart doctor, cardiologist, heart specialist"),
    ("Pediatric Gastroenterology", "2080P0206X", "stomach doctor, GI, digestive, gastroenterologist"),
    ("Pediatric Endocrinology", "2080P0205X", "hormone doctor, diabetes doctor, growth, endocrinologist"),
    ("Pediatric Nephrology", "2080P0210X", "kidney doctor, nephrologist"),
    ("Pediatric Pulmonology", "2080P0214X", "lung doctor, asthma, breathing, pulmonologist"),
    ("Pediatric Infectious Diseases", "2080P0208X", "infection doctor, ID"),
    ("Pediatric Critical Care Medicine", "2080P0203X", "intensive care, PICU, ICU"),
    ("Child Neurology", "2084N0402X", "brain doctor, nerve doctor, seizures, epilepsy, neurologist"),
    ("Pediatric Surgery", "2086S0120X", "surgeon, children's surgery"),
    ("Pediatric Nurse Practitioner", "363LP0200X", "nurse practitioner, NP"),
]
HEMATOLOGY_ONCOLOGY = "pediatric-hematology-oncology"
# Spanish names and the lay words Spanish-speaking parents use, by slug (docs/spanish.md).
SPECIALTIES_ES = {
    "pediatric-hematology-oncology": (
        "Hematología y oncología pediátrica",
        "cáncer de la sangre, médico del cáncer, cáncer infantil, cáncer en niños, oncólogo, hematólogo, "
        "médico de la leucemia, enfermedades de la sangre",
    ),
    "pediatrics": ("Pediatría", "pediatra, médico de niños, doctor de niños, médico general"),
    "pediatric-cardiology": ("Cardiología pediátrica", "médico del corazón, cardiólogo, corazón"),
    "pediatric-gastroenterology": ("Gastroenterología pediátrica", "médico del estómago, gastroenterólogo, digestivo"),
    "pediatric-endocrinology": ("Endocrinología pediátrica", "médico de las hormonas, diabetes, crecimiento"),
    "pediatric-nephrology": ("Nefrología pediátrica", "médico de los riñones, nefrólogo, riñón"),
    "pediatric-pulmonology": ("Neumología pediátrica", "médico de los pulmones, asma, respiración, neumólogo"),
    "pediatric-infectious-diseases": ("Infectología pediátrica", "médico de infecciones, infectólogo"),
    "pediatric-critical-care-medicine": ("Cuidados intensivos pediátricos", "terapia intensiva, UCI pediátrica"),
    "child-neurology": ("Neurología infantil", "médico del cerebro, convulsiones, epilepsia, neurólogo"),
    "pediatric-surgery": ("Cirugía pediátrica", "cirujano, cirugía de niños"),
    "pediatric-nurse-practitioner": ("Enfermera practicante pediátrica", "enfermera practicante, NP"),
}

# Condition pages the conditions app's demo creates; linked by slug when they exist.
CANCER_CONDITIONS = ["acute-lymphoblastic-leukemia", "acute-myeloid-leukemia", "hodgkin-lymphoma", "neuroblastoma"]
BLOOD_CONDITIONS = ["sickle-cell-disease", "hemophilia"]

LOCAL_LOCATIONS = [
    # (name, street, city, ZIP, phone, accessibility notes). The first is the hospital itself.
    (
        "Cancer Center at Miller Children's — Main Campus",
        "2801 Atlantic Avenue",
        "Long Beach",
        "90806",
        "(562) 728-5000",
        "Free parking in the visitor structure on Atlantic Avenue. Wheelchairs at the main entrance.",
    ),
    (
        "Demo Children's Specialty Clinic — Los Altos",
        "5500 East Stearns Street, Suite 100",
        "Long Beach",
        "90815",
        "(562) 555-0101",
        "Ground-floor clinic with step-free entrance.",
    ),
    (
        "Demo Children's Specialty Clinic — Lakewood",
        "4000 Hardwick Street, Suite 210",
        "Lakewood",
        "90712",
        "(562) 555-0102",
        "Elevator to the second floor. Parking behind the building.",
    ),
    (
        "Demo Children's Specialty Clinic — Torrance",
        "3300 Lomita Boulevard, Suite 300",
        "Torrance",
        "90505",
        "(310) 555-0103",
        "",
    ),
    (
        "Demo Children's Specialty Clinic — Huntington Beach",
        "17000 Beach Boulevard, Suite 150",
        "Huntington Beach",
        "92647",
        "(714) 555-0104",
        "Accessible parking spaces by the front door.",
    ),
]
NATIONAL_LOCATION_COUNT = 400
# Beyond the first LOCAL_COUNT, this share of providers still practise locally.
LOCAL_SHARE = 0.2

FIRST_NAMES = words(
    "Maria Ana Sofia Isabel Lucia Camila Elena Rosa Carmen Gabriela Linh Mai Thu Hoa Sokha Sreymom Dara "
    "Minji Jiwoo Seoyeon Mei Xiu Ling Priya Anjali Neha Aisha Fatima Layla Noor Sarah Emily Hannah Grace "
    "Olivia Rachel Laura Megan Leilani Malia Ani Nare Tatevik Jose Luis Carlos Miguel Juan Diego Javier "
    "Antonio Minh Tuan Huy Bao Sokun Vannak Joon Hyun Wei Jun Ming Arjun Rahul Vikram Omar Yusuf Karim "
    "Daniel David James Michael Andrew Matthew Benjamin Samuel Tavita Sione Aram Davit Reza Dariush Kofi "
    "Kwame Chidi"
)
LAST_NAMES = words(
    "Alvarez Castillo Delgado Escobar Fuentes Guerrero Herrera Ibarra Jimenez Lozano Medina Navarro "
    "Orozco Pacheco Quintero Rosales Salazar Trevino Valdez Zamora Nguyen Tran Pham Le Hoang Vo Dang "
    "Chea Sok Chhay Kim Park Choi Jung Kang Chen Wang Liu Zhang Huang Lin Patel Shah Mehta Rao Iyer "
    "Haddad Khalil Nasser Rahimi Karimi Sarkisian Petrosyan Hakobyan Santos Reyes Cruz Bautista Mendoza "
    "Aquino Tuilagi Faleolo Fonoti Okafor Mensah Adeyemi Brooks Carter Foster Hayes Morgan Parker Reed "
    "Sullivan Turner Walsh Whitfield Lindqvist Novak Kowalski Romano Bianchi Moreau Dubois Keller Brandt "
    "Sato Tanaka Yamamoto"
)
GENDER_BY_INDEX = ["female", "male", "female", "male", "nonbinary", "female", "male", ""]
LANGUAGE_WEIGHTS = [
    # (code, probability) besides English, which every demo provider speaks.
    ("es", 0.45),
    ("vi", 0.08),
    ("tl", 0.08),
    ("km", 0.05),
    ("ko", 0.05),
    ("zh-cmn", 0.05),
    ("zh-yue", 0.03),
    ("fa", 0.03),
    ("hy", 0.02),
    ("ar", 0.02),
    ("sm", 0.02),
    ("ase", 0.02),
]
SCHOOLS = [
    "University of California, Los Angeles",
    "University of California, Irvine",
    "University of Southern California",
    "Stanford University",
    "University of Michigan",
    "Baylor College of Medicine",
    "University of Washington",
    "Johns Hopkins University",
]
STREETS = ["Main Street", "Oak Avenue", "Park Boulevard", "Center Drive", "Medical Plaza", "Hospital Way", "Elm Street"]


def demo_npi(index):
    """The fictional NPI of demo provider ``index``: 299 + six digits + check digit."""
    first_nine = f"{DEMO_NPI_PREFIX}{index:06d}"
    return f"{first_nine}{npi_check_digit(first_nine)}"


def ensure_specialties():
    """The demo specialties, created when missing; returns {slug: Specialty}."""
    by_slug = {}
    for name, code, synonyms in SPECIALTIES:
        slug = slugify_name(name)
        specialty = Specialty.objects.filter(slug=slug).first()
        name_es, synonyms_es = SPECIALTIES_ES.get(slug, ("", ""))
        if specialty is None:
            specialty = Specialty(
                name=name, slug=slug, taxonomy_code=code, synonyms=synonyms, name_es=name_es, synonyms_es=synonyms_es
            )
            specialty.full_clean()
            specialty.save()
        elif not specialty.name_es and not specialty.synonyms_es and name_es:
            # Spanish added to a directory loaded before it had any; an editor's Spanish is never replaced.
            specialty.name_es, specialty.synonyms_es = name_es, synonyms_es
            specialty.save()
        by_slug[slug] = specialty
    return by_slug


def _location(name, street, city, state, zip_code, phone, notes=""):
    location = Location.objects.filter(name=name).first()
    if location is None:
        location = Location(
            name=name, street=street, city=city, state=state, zip_code=zip_code, phone=phone, accessibility_notes=notes
        )
        location.full_clean()
        location.save()
    return location


def ensure_local_locations():
    """Clinics near the hospital in Long Beach."""
    return [
        _location(name, street, city, "CA", zip_code, phone, notes)
        for name, street, city, zip_code, phone, notes in LOCAL_LOCATIONS
    ]


def ensure_national_locations():
    """Demo clinics in real ZIP codes across the US, chosen by a seeded generator."""
    candidates = [
        z
        for z in geo.zip_records()
        if z["type"] == "STANDARD" and z["active"] == "1" and z["latitude"] and z["area_code"]
    ]
    candidates.sort(key=lambda z: z["zip"])
    rng = random.Random(SEED)
    chosen = rng.sample(candidates, NATIONAL_LOCATION_COUNT)
    existing = {loc.name: loc for loc in Location.objects.filter(name__startswith="Demo Pediatric Clinic ")}
    missing = []
    for number, zip_data in enumerate(chosen, start=1):
        name = f"Demo Pediatric Clinic {number:03d} — {zip_data['city']}, {zip_data['state']}"
        if name in existing:
            continue
        missing.append(
            Location(
                name=name,
                street=f"{100 + rng.randrange(9000)} {rng.choice(STREETS)}",
                city=zip_data["city"],
                state=zip_data["state"],
                zip_code=zip_data["zip"],
                phone=f"({zip_data['area_code']}) 555-01{number % 100:02d}",
                latitude=float(zip_data["latitude"]),
                longitude=float(zip_data["longitude"]),
            )
        )
    Location.objects.bulk_create(missing, batch_size=BATCH_SIZE)
    return list(Location.objects.filter(name__startswith="Demo Pediatric Clinic ").order_by("name"))


def _conditions_by_slug():
    from conditions.models import ConditionPage

    slugs = CANCER_CONDITIONS + BLOOD_CONDITIONS
    return {
        page.slug: page
        for page in ConditionPage.objects.english()
        .filter(slug__in=slugs)
        .only("pk", "slug", "title", "alternate_names")
    }


def _rng(index, aspect):
    """A generator for one aspect of one provider, so adding condition pages or languages later
    never changes a provider's name or locations."""
    return random.Random(f"{SEED}:{index}:{aspect}")


def _specialty_slugs(index, all_slugs):
    """Primary specialty first, then any others. Local providers are mostly the cancer and blood team."""
    rng = _rng(index, "specialties")
    all_slugs = sorted(all_slugs)
    share = 0.75 if index < LOCAL_COUNT else 0.3
    primary = HEMATOLOGY_ONCOLOGY if rng.random() < share else rng.choice(all_slugs)
    others = []
    if primary == "pediatric-nurse-practitioner":
        others.append(HEMATOLOGY_ONCOLOGY)
    elif rng.random() < 0.15:
        others.append(rng.choice(all_slugs))
    return list(dict.fromkeys([primary, *others]))


def _condition_slugs(index, specialty_slugs, available):
    """Conditions a hematologist-oncologist treats; everyone on that team treats ALL."""
    if HEMATOLOGY_ONCOLOGY not in specialty_slugs:
        return []
    rng = _rng(index, "conditions")
    focus = rng.random()
    pool = (
        CANCER_CONDITIONS if focus < 0.6 else BLOOD_CONDITIONS if focus < 0.8 else CANCER_CONDITIONS + BLOOD_CONDITIONS
    )
    chosen = [slug for slug in pool if rng.random() < 0.85]
    if "acute-lymphoblastic-leukemia" in pool:
        chosen = ["acute-lymphoblastic-leukemia", *[slug for slug in chosen if slug != "acute-lymphoblastic-leukemia"]]
    return [slug for slug in chosen if slug in available]


def describe(index, specialties, local_locations, national_locations, conditions, languages):
    """Everything about demo provider ``index``, as plain data (no database writes)."""
    rng = _rng(index, "person")
    first = rng.choice(FIRST_NAMES)
    last = rng.choice(LAST_NAMES)
    specialty_slugs = _specialty_slugs(index, specialties)
    primary_slug = specialty_slugs[0]
    is_np = primary_slug == "pediatric-nurse-practitioner"
    credentials = "NP" if is_np else rng.choice(["MD", "MD", "MD", "DO", "MD, PhD"])

    language_rng = _rng(index, "languages")
    language_codes = ["en"] + [code for code, share in LANGUAGE_WEIGHTS if language_rng.random() < share]
    language_codes = [code for code in language_codes if code in languages]

    location_rng = _rng(index, "locations")
    local = index < LOCAL_COUNT or not national_locations or location_rng.random() < LOCAL_SHARE
    location_pool = local_locations if local else national_locations
    location_count = 1 if location_rng.random() < 0.7 else 2
    chosen_locations = location_rng.sample(location_pool, min(location_count, len(location_pool)))

    school = rng.choice(SCHOOLS)
    year = 1990 + rng.randrange(30)
    specialty_name = specialties[primary_slug].name
    data = {
        "npi": demo_npi(index),
        "first_name": first,
        "last_name": last,
        "credentials": credentials,
        "gender": GENDER_BY_INDEX[index % len(GENDER_BY_INDEX)],
        "primary_slug": primary_slug,
        "specialty_slugs": specialty_slugs,
        "condition_slugs": _condition_slugs(index, specialty_slugs, conditions),
        "language_codes": language_codes,
        "locations": [(loc, location_rng.random() < 0.8) for loc in chosen_locations],
        "accepting_new_patients": rng.random() < 0.75,
        "offers_telehealth": rng.random() < 0.4,
        "min_age": 0,
        "max_age": rng.choice([18, 21, 21, 25]),
        "bio": (
            f"{first} {last} is a fictional {specialty_name.lower()} clinician created to show how this "
            "directory works. This profile is demo data and does not describe a real person.\n\n"
            f"In this demo, {first} cares for children and teenagers and their families, and explains each "
            "step of care in plain words."
        ),
        "education": f"{'MSN' if is_np else 'MD'}, {school}, {year}\nResidency in Pediatrics (demo), {year + 4}",
        "board_certifications": "" if is_np else f"{specialty_name} (demo)",
    }
    # A doctor taking new patients takes them at their main location at least, and one who
    # is not takes them nowhere, so a profile never contradicts itself.
    accepting = data["accepting_new_patients"]
    data["locations"] = [
        (location, accepting and (order == 0 or here)) for order, (location, here) in enumerate(data["locations"])
    ]
    return data


@transaction.atomic
def generate_providers(count, stdout=None):
    """Make sure demo providers 0..count-1 exist; returns how many were created."""
    specialties = ensure_specialties()
    local_locations = ensure_local_locations()
    national_locations = ensure_national_locations() if count > LOCAL_COUNT else []
    conditions = _conditions_by_slug()
    languages = {language.code: language for language in Language.objects.all()}
    # Test databases and a fresh install both have English; keep the demo safe without it.
    if "en" not in languages:
        languages["en"] = Language.objects.get_or_create(code="en", defaults={"name": "English"})[0]

    existing = set(Provider.objects.filter(npi__startswith=DEMO_NPI_PREFIX).values_list("npi", flat=True))
    taken_slugs = set(Provider.objects.values_list("slug", flat=True))
    created = 0
    for start in range(0, count, BATCH_SIZE):
        batch = []
        for index in range(start, min(start + BATCH_SIZE, count)):
            if demo_npi(index) in existing:
                continue
            batch.append(describe(index, specialties, local_locations, national_locations, conditions, languages))
        if batch:
            _create_batch(batch, specialties, conditions, languages, taken_slugs)
            created += len(batch)
            if stdout is not None:
                stdout.write(f"  {start + len(batch):,} of {count:,}…")
    if created:
        _refresh_planner_statistics()
    if conditions:
        _link_existing_to_conditions(conditions, count)
    if created:
        # Bulk inserts send no signals: tell the page caches and the proxy once.
        from base.cache import invalidate

        from .signals import directory_paths

        invalidate(directory_paths())
    return created


def _refresh_planner_statistics():
    """Let PostgreSQL count the rows just inserted before the next queries read them.

    Inside the loading transaction its statistics still say the tables are empty, so it
    joined 100,000 providers' specialty links with a nested loop: over 20 minutes.
    """
    if connection.vendor != "postgresql":
        return
    models = [Provider, Provider.specialties.through, Provider.conditions.through, Provider.languages.through]
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in [*models, ProviderLocation])
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")


def _slug_for(data, taken):
    base = slugify_name(f"{data['first_name']} {data['last_name']} {data['credentials']}")
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    taken.add(candidate)
    return candidate


def _create_batch(batch, specialties, conditions, languages, taken_slugs):
    """Bulk-create one batch with its relations; search_text is built in memory, not per row."""
    providers = []
    for data in batch:
        provider = Provider(
            npi=data["npi"],
            slug=_slug_for(data, taken_slugs),
            first_name=data["first_name"],
            last_name=data["last_name"],
            credentials=data["credentials"],
            gender=data["gender"],
            primary_specialty=specialties[data["primary_slug"]],
            accepting_new_patients=data["accepting_new_patients"],
            offers_telehealth=data["offers_telehealth"],
            min_age=data["min_age"],
            max_age=data["max_age"],
            bio=data["bio"],
            education=data["education"],
            board_certifications=data["board_certifications"],
            is_demo=True,
            active=True,
        )
        provider.search_text = build_search_text(
            provider,
            [specialties[slug] for slug in data["specialty_slugs"]],
            [conditions[slug] for slug in data["condition_slugs"]],
        )
        providers.append(provider)
    Provider.objects.bulk_create(providers, batch_size=BATCH_SIZE)
    # bulk_create sets primary keys on PostgreSQL and SQLite; read them back by NPI to be safe everywhere.
    ids = dict(Provider.objects.filter(npi__in=[p.npi for p in providers]).values_list("npi", "pk"))

    specialty_links, condition_links, language_links, location_links = [], [], [], []
    for data in batch:
        pk = ids[data["npi"]]
        specialty_links += [
            Provider.specialties.through(provider_id=pk, specialty_id=specialties[slug].pk)
            for slug in data["specialty_slugs"]
        ]
        condition_links += [
            Provider.conditions.through(provider_id=pk, conditionpage_id=conditions[slug].pk)
            for slug in data["condition_slugs"]
        ]
        language_links += [
            Provider.languages.through(provider_id=pk, language_id=languages[code].pk)
            for code in data["language_codes"]
        ]
        location_links += [
            ProviderLocation(provider_id=pk, location=location, accepting_new_patients=accepting, sort_order=order)
            for order, (location, accepting) in enumerate(data["locations"])
        ]
    Provider.specialties.through.objects.bulk_create(specialty_links, batch_size=BATCH_SIZE)
    Provider.conditions.through.objects.bulk_create(condition_links, batch_size=BATCH_SIZE)
    Provider.languages.through.objects.bulk_create(language_links, batch_size=BATCH_SIZE)
    ProviderLocation.objects.bulk_create(location_links, batch_size=BATCH_SIZE)


def _link_existing_to_conditions(conditions, count):
    """Condition pages created after the demo doctors: add the links those doctors should have.

    Idempotent: adds only missing links, computed from the same seeded description.
    """
    from .models import refresh_search_text

    slugs_by_pk = {}
    for pk, slug in Provider.specialties.through.objects.filter(
        provider__npi__startswith=DEMO_NPI_PREFIX, provider__is_demo=True
    ).values_list("provider_id", "specialty__slug"):
        slugs_by_pk.setdefault(pk, set()).add(slug)
    linked = set(
        Provider.conditions.through.objects.filter(provider_id__in=list(slugs_by_pk)).values_list(
            "provider_id", "conditionpage_id"
        )
    )
    all_slugs = [slugify_name(name) for name, _code, _synonyms in SPECIALTIES]
    missing = []
    for pk, npi in Provider.objects.filter(pk__in=list(slugs_by_pk)).values_list("pk", "npi"):
        index = int(npi[len(DEMO_NPI_PREFIX) : 9])
        if index >= count or HEMATOLOGY_ONCOLOGY not in slugs_by_pk[pk]:
            continue
        for slug in _condition_slugs(index, _specialty_slugs(index, all_slugs), conditions):
            if (pk, conditions[slug].pk) not in linked:
                missing.append(Provider.conditions.through(provider_id=pk, conditionpage_id=conditions[slug].pk))
    if missing:
        Provider.conditions.through.objects.bulk_create(missing, batch_size=BATCH_SIZE)
        refresh_search_text(Provider.objects.filter(pk__in={link.provider_id for link in missing}))


def link_condition_specialties():
    """Demo condition pages with no related specialty get Pediatric Hematology-Oncology.

    Every demo condition is a childhood cancer or blood disorder. Pages an editor
    already gave specialties to, or that hold an editor's unpublished draft, are
    left alone, and so are pages that could not be published as they stand;
    each change is published as a revision so the page history shows it.
    """
    from django.core.exceptions import ValidationError

    from conditions.models import ConditionPage

    specialty = ensure_specialties()[HEMATOLOGY_ONCOLOGY]
    for page in ConditionPage.objects.english().filter(slug__in=CANCER_CONDITIONS + BLOOD_CONDITIONS):
        if page.has_unpublished_changes or page.related_specialties.exists():
            continue
        try:
            with transaction.atomic():
                page.related_specialties.set([specialty])
                page.save_revision(log_action=True).publish()
        except ValidationError:
            continue


# Fictional insurers, plans and networks, named so nobody takes them for real ones.
DEMO_NETWORKS = ["Harbor Health Medi-Cal network (demo)", "Coastline commercial network (demo)"]
# Share of demo doctors in each network. A doctor in a network takes every plan that uses it, as
# the FHIR API counts membership (docs/fhir.md, "Networks"): Find a Doctor, which asks by plan,
# and a FHIR client, which asks by network, then find the same doctors.
DEMO_NETWORK_SHARES = [0.85, 0.6]
DEMO_PLANS = [
    # name, insurer, plan type, network
    ("Harbor Health Medi-Cal (demo)", "Harbor Health (demo insurer)", PlanType.MEDICAID, 0),
    ("Harbor Health Kids CHIP (demo)", "Harbor Health (demo insurer)", PlanType.CHIP, 0),
    ("Coastline Family HMO (demo)", "Coastline Insurance (demo insurer)", PlanType.COMMERCIAL_HMO, 1),
    ("Coastline Choice PPO (demo)", "Coastline Insurance (demo insurer)", PlanType.COMMERCIAL_PPO, 1),
    ("Coastline Marketplace Silver (demo)", "Coastline Insurance (demo insurer)", PlanType.MARKETPLACE, 1),
]


def ensure_demo_insurance(count=LOCAL_COUNT):
    """The demo plans and networks, and which of demo doctors 0..count-1 and demo clinics take them.

    Idempotent: a doctor who already has plans keeps them (an editor may have changed them).
    """
    networks = [Network.objects.get_or_create(name=name, defaults={"is_demo": True})[0] for name in DEMO_NETWORKS]
    plans = []
    for name, insurer, plan_type, network in DEMO_PLANS:
        plan, _ = InsurancePlan.objects.get_or_create(
            name=name, defaults={"insurer": insurer, "plan_type": plan_type, "is_demo": True}
        )
        plan.networks.add(networks[network])
        plans.append((plan, network))
    for clinic in Location.objects.filter(name__in=[row[0] for row in LOCAL_LOCATIONS]):
        if not clinic.insurance_plans.exists():
            clinic.insurance_plans.add(*[plan for plan, _network in plans])
    with_plans = set(Provider.insurance_plans.through.objects.values_list("provider_id", flat=True).distinct())
    links = []
    for pk, npi in Provider.objects.filter(is_demo=True, npi__startswith=DEMO_NPI_PREFIX).values_list("pk", "npi"):
        index = int(npi[len(DEMO_NPI_PREFIX) : 9])
        if index >= count or pk in with_plans:
            continue
        rng = _rng(index, "insurance")
        joined = {network for network, share in enumerate(DEMO_NETWORK_SHARES) if rng.random() < share}
        links += [
            Provider.insurance_plans.through(provider_id=pk, insuranceplan_id=plan.pk)
            for plan, network in plans
            if network in joined
        ]
    Provider.insurance_plans.through.objects.bulk_create(links, batch_size=BATCH_SIZE)
    return len(links)


def load_demo_providers():
    """The ``load_demo_content`` step: about 40 fictional doctors near the hospital, and the plans they take."""
    result = generate_providers(LOCAL_COUNT)
    link_condition_specialties()
    ensure_demo_insurance()
    return result
