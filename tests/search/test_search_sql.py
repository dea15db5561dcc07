"""Site search's doctors query, written out as SQL, finds what ``Provider.objects.search()`` finds.

``search.site_search.first_doctors_sql`` is the ORM query Django was slowest to
compile, rendered from the same ``search_plan``. Here the ORM is the reference:
for each search, the same doctors in the same order, with the same relevance,
count and number to call, on SQLite and PostgreSQL.
"""

import pytest
from django.db.models import Count, Window

from providers.models import Provider, ProviderLocation, search_terms
from search.site_search import doctors_listing, first_doctors_sql, search_data, vocabulary_for
from tests.providers import factories as providers

SEARCHES = [
    "leukemia",
    "leuk",
    "lukemia",  # corrected to leukemia
    "ALL",  # a short word: whole words only
    "all leukemia",
    "blood cancer doctor",
    "Nguyen",  # last names rank first, then first names
    "Linh",
    "linh nguyen",  # a whole name ranks first
    "nguyen linh",
    "ana",
    "heart",
    "O'Brien",
    "José Núñez",
    "50% off_",  # characters LIKE treats specially never reach it as wildcards
    "zebra",
]


@pytest.fixture
def doctors(index, all_condition):
    hem_onc, cardiology = providers.hem_onc(), providers.cardiology()
    people = [
        ("Linh", "Nguyen", [hem_onc], [all_condition]),
        ("Nguyen", "Baker", [hem_onc], [all_condition]),
        ("Ana", "Linh", [cardiology], []),
        ("Linhda", "Nguyenova", [cardiology, hem_onc], []),
        ("Rosa", "Alvarez", [hem_onc], [all_condition]),
        ("Ana", "Allen", [cardiology], []),
        ("Sean", "O'Brien", [hem_onc], []),
        ("José", "Núñez", [cardiology], []),
        ("Heart", "Smith", [hem_onc], [all_condition]),
    ]
    made = [providers.provider(first, last, specialties=s, conditions=c) for first, last, s, c in people]
    # A doctor whose first location has its own appointment line, and one seen at two clinics.
    ProviderLocation.objects.filter(provider=made[0]).update(phone="(562) 555-0177")
    second = providers.location("Second Clinic", phone="(562) 555-0199")
    ProviderLocation.objects.create(provider=made[1], location=second, sort_order=-1)
    providers.provider("Inactive", "Nguyen", active=False)
    for number in range(4):
        providers.provider("Extra", f"Leukemia{number}", conditions=[all_condition])
    return made


def by_orm(terms, vocabulary, query):
    ranked = (
        doctors_listing()
        .search(query, vocabulary=vocabulary)
        .annotate(matching=Window(Count("pk")))
        .order_by("-relevance", "last_name", "first_name", "pk")
    )
    return [(p.pk, p.relevance, p.matching, p.call_number) for p in ranked[:5]]


def by_sql(terms, vocabulary):
    return [
        (p.pk, p.relevance, p.matching, p.call_number)
        for p in Provider.objects.raw(*first_doctors_sql(terms, vocabulary))
    ]


@pytest.mark.parametrize("query", SEARCHES)
def test_the_sql_finds_what_the_orm_finds(doctors, query):
    terms = search_terms(query)
    vocabulary = vocabulary_for(terms, search_data())

    expected = by_orm(terms, vocabulary, query)

    assert by_sql(terms, vocabulary) == expected


def test_the_comparison_sees_ranks_counts_and_numbers(doctors):
    """Guard against comparing two empty lists: the searches above exercise every part of the row."""
    vocabulary = vocabulary_for(["nguyen"], search_data())
    rows = by_sql(["nguyen"], vocabulary)

    assert [rank for _pk, rank, _count, _call in rows][:2] == [3, 2]  # Nguyen (last), then Nguyen Baker (first)
    assert rows[0][2] == 3  # Linh Nguyen, Nguyen Baker, Linhda Nguyenova; the inactive Nguyen is not counted
    assert rows[0][3] == "(562) 555-0177"
