"""One page of Find a Doctor results, found without sorting every match.

At 100,000 providers a broad search ("leukemia", "near 90806") matches tens of
thousands of rows. Ordering all of them by relevance or distance to show twenty
cost more than the rest of the page together, so a page is found in steps that
read only what they need, then its twenty providers are loaded by id:

- **by name**: the (last_name, first_name, id) index, read in order;
- **by relevance**: only providers whose *name* matches can rank above 0, and
  ``ranking_candidates()`` finds them from indexes; they come first, sorted.
  Everyone else ranks 0 and follows in name order, read from the name index;
- **by distance**: a provider's distance is the distance to their nearest
  clinic, and clinics are few. The nearest clinics that can hold the page are
  searched first (one clinic: in name order from the index); only when they
  cannot fill it are all clinics in the radius searched.

The order is exactly ``ORDER BY relevance DESC | distance, last_name,
first_name, id``, the same on SQLite and PostgreSQL.
"""

from dataclasses import dataclass

from django.db.models import Case, FloatField, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.expressions import RawSQL

from .choices import SortOrder
from .models import Location, ProviderLocation, ranking_candidates

NAME_ORDER = ("last_name", "first_name", "pk")
# Deeper than any page the paginator offers (it counts to 1,000 results).
LINKS_COUNTED = 1001


@dataclass(frozen=True)
class CappedCount:
    """How many results match when counting stops after ``limit`` (``counted`` is at most ``limit`` + 1).

    Find a Doctor's paginator and site search's "See all" link say it the same
    way: "More than 1,000" once counting stopped, else the number.
    """

    counted: int
    limit: int

    @property
    def count(self):
        return min(self.counted, self.limit)

    @property
    def more_than_counted(self):
        """True when there are more matches than were counted."""
        return self.counted > self.limit

    @property
    def display(self):
        return f"{self.count:,}"


class SearchResults:
    """The matches of one search in the chosen order; the paginator counts and slices it.

    ``matches`` is the filtered queryset without the distance restriction
    (annotated with ``relevance`` when ``terms`` are given); ``listing`` loads
    the cards; ``nearby`` is ``[(location_id, miles, provider_links)]`` for a
    ZIP search, nearest first, or None.
    """

    def __init__(self, matches, listing, *, sort, terms=(), nearby=None):
        self.matches = matches.order_by()
        self.listing = listing
        self.sort = sort
        self.terms = list(terms)
        self.nearby = nearby
        if nearby is not None:
            self.matches = self.matches.filter(pk__in=_providers_at([pk for pk, _miles, _links in nearby]))

    def count_upto(self, limit):
        """How many providers match, counting no further than ``limit``."""
        return self.matches[:limit].count()

    def __getitem__(self, window):
        if not isinstance(window, slice) or window.step is not None:
            raise TypeError("SearchResults only supports simple slices")
        offset, stop = window.start or 0, window.stop
        if stop is None or stop <= offset:
            return []
        if self.in_name_order:
            # The page straight from the name index, in one query.
            return list(self.matches.order_by(*NAME_ORDER)[offset:stop])
        ids = self.ids(offset, stop)
        position = {pk: number for number, pk in enumerate(ids)}
        return sorted(self.listing.filter(pk__in=ids), key=lambda provider: position[provider.pk])

    @property
    def in_name_order(self):
        """Relevance needs words to rank by, distance needs clinics; otherwise it is name order."""
        return not (
            (self.sort == SortOrder.RELEVANCE and self.terms) or (self.sort == SortOrder.DISTANCE and self.nearby)
        )

    def ids(self, offset, stop):
        """Primary keys of results ``offset`` to ``stop`` - 1, in order."""
        if self.in_name_order:
            return list(self.matches.order_by(*NAME_ORDER).values_list("pk", flat=True)[offset:stop])
        if self.sort == SortOrder.RELEVANCE:
            return self._ids_by_relevance(offset, stop)
        return self._ids_by_distance(offset, stop)

    def _ids_by_relevance(self, offset, stop):
        ranks = Q(relevance__gt=0) & ranking_candidates(self.terms)
        ranked = list(
            self.matches.filter(ranks).order_by("-relevance", *NAME_ORDER).values_list("pk", flat=True)[:stop]
        )
        if len(ranked) >= stop:
            return ranked[offset:stop]
        # Fewer ranked providers than the page reaches: the rest rank 0, in name order.
        rest = self.matches.exclude(ranks).order_by(*NAME_ORDER).values_list("pk", flat=True)
        return ranked[offset:] + list(rest[max(offset - len(ranked), 0) : stop - len(ranked)])

    def _ids_by_distance(self, offset, stop):
        # Clinics the same distance away form one group; a provider belongs to their nearest one's.
        groups = []
        for pk, miles, links in self.nearby:
            if groups and groups[-1][0] == miles:
                groups[-1][1].append(pk)
                groups[-1][2] += links
            else:
                groups.append([miles, [pk], links])
        # The nearest groups with enough providers at their clinics to reach ``stop``, if any.
        prefix, links = [], 0
        for group in groups:
            prefix.append(group)
            links += group[2]
            if links >= stop:
                break
        ids = self._nearest_first(prefix, stop)
        if len(ids) < stop and len(prefix) < len(groups):
            # Filters left out too many of them: search every clinic in the radius.
            ids = self._nearest_first(groups, stop)
        return ids[offset:stop]

    def _nearest_first(self, groups, stop):
        """The first ``stop`` providers at the clinics of ``groups``, nearest first, then by name.

        Every clinic nearer than the farthest of ``groups`` is in ``groups``, so a
        provider found here has their nearest clinic here too.
        """
        location_ids = [pk for _miles, pks, _links in groups for pk in pks]
        found = self.matches.filter(pk__in=_providers_at(location_ids))
        if len(groups) > 1:
            miles = Case(
                *[When(location_id=pk, then=Value(distance)) for distance, pks, _links in groups for pk in pks],
                output_field=FloatField(),
            )
            nearest = (
                ProviderLocation.objects.filter(provider=OuterRef("pk"), location_id__in=location_ids)
                .annotate(miles=miles)
                .order_by("miles")
                .values("miles")[:1]
            )
            found = found.annotate(distance=Subquery(nearest, output_field=FloatField()))
            return list(found.order_by("distance", *NAME_ORDER).values_list("pk", flat=True)[:stop])
        # One distance for everyone found: name order, straight from the index.
        return list(found.order_by(*NAME_ORDER).values_list("pk", flat=True)[:stop])


def _providers_at(location_ids):
    return ProviderLocation.objects.filter(location_id__in=location_ids).values("provider_id")


def nearby_locations(latitude, longitude, radius_miles):
    """``[(location_id, miles, provider_links)]`` within the radius, nearest first (ties by id).

    ``provider_links`` counts the providers linked to the clinic, but no further
    than ``LINKS_COUNTED`` (more than a page can reach), so a big clinic costs
    no more than a small one.
    """
    links = RawSQL(
        "SELECT COUNT(*) FROM (SELECT 1 FROM providers_providerlocation"
        " WHERE location_id = providers_location.id LIMIT %s) AS linked",
        (LINKS_COUNTED,),
        output_field=IntegerField(),
    )
    rows = (
        Location.objects.within(latitude, longitude, radius_miles)
        .annotate(links=links)
        .order_by("miles", "pk")
        .values_list("pk", "miles", "links")
    )
    return list(rows)
