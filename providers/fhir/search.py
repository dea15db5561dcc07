"""Each resource type's read and search: parameters, chains, ``_has``, includes and paging.

Practitioner, PractitionerRole, Location and InsurancePlan are searched in the
database: every parameter becomes a filter (chains and ``_has`` become
subqueries), so a search costs the same few queries however large the
directory. Organization (the hospital, the cancer center, the networks),
HealthcareService (one per specialty, and video visits) and Endpoint are a
handful of resources built from small tables and matched in Python against
the values each one is searched by.

Paging is by id (keyset): ``next`` carries the last id of the page in
``_cursor``, so a page never shifts when rows are added or removed before it,
and page 400 costs what page 1 does.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Greatest
from django.db.models.lookups import GreaterThanOrEqual, LessThan

from providers.models import (
    InsurancePlan,
    Location,
    Network,
    Provider,
    ProviderLocation,
    RemovedProvider,
    RemovedRole,
    Specialty,
)

from . import plannet, resources
from .params import (
    FHIRError,
    criterion_from_key,
    date_lookup,
    date_matches,
    invalid,
    parse_date,
    parse_near,
    parse_reference,
    parse_token,
)

# At most this many resources per _include or _revinclude on one page (an OperationOutcome says so when cut).
MAX_INCLUDED = 100
STRING_MODIFIERS = {"", "exact", "contains"}
LOOKUPS = {"gte": GreaterThanOrEqual, "lt": LessThan}
# Up to this many clinics, a chain to Location passes their ids to the outer query (LocationType.ids).
LISTED_LOCATIONS = 2000
TOKEN_MODIFIERS = {"", "text"}


def key(text):
    """The primary key an id like ``123`` names, or None (letters, other digits, beyond a bigint)."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else None


@dataclass
class IdSet:
    """Ids of one resource type: a set of strings, or a query of integer keys (ids ``prefix`` + key)."""

    strings: frozenset = frozenset()
    query: object = None
    prefix: str = ""

    def keys(self, prefix=""):
        """The integer keys of ids that look like ``prefix<int>``: a subquery, or a list."""
        if self.query is not None:
            return self.query if self.prefix == prefix else []
        keys = [key(s[len(prefix) :]) for s in self.strings if s.startswith(prefix)]
        return [k for k in keys if k is not None]

    def resolve(self):
        """Every id as a string (runs the query, if any)."""
        if self.query is not None:
            return frozenset(f"{self.prefix}{key}" for key in self.query)
        return self.strings


def string_q(fields, modifier, value):
    """FHIR string search over model ``fields``: starts with (default), ``:exact``, ``:contains``; any field."""
    lookup = {"": "istartswith", "exact": "exact", "contains": "icontains"}[modifier]
    q = Q()
    for name in fields:
        q |= Q(**{f"{name}__{lookup}": value})
    return q


def string_matches(candidates, modifier, value):
    """The same rule in Python, over a resource's strings."""
    for candidate in candidates:
        if candidate is None:
            continue
        if modifier == "exact" and candidate == value:
            return True
        if modifier == "contains" and value.lower() in candidate.lower():
            return True
        if modifier == "" and candidate.lower().startswith(value.lower()):
            return True
    return False


def token_matches(tokens, modifier, value):
    """``[system]|[code]`` against a resource's (system, code, display) triples; ``:text`` against displays."""
    if modifier == "text":
        return any(display and display.lower().startswith(value.lower()) for _s, _c, display in tokens)
    system, code = parse_token(value)
    for token_system, token_code, _display in tokens:
        if system is not None and system != (token_system or ""):
            continue
        if code is None or code == token_code:
            return True
    return False


class ResourceType:
    """What every resource type answers: its parameters, search, read, references and resources."""

    name = ""
    # Parameters beyond the Plan-Net CapabilityStatement's: name -> (type, definition).
    extra_params = {}
    # Reference parameters: name -> the type they point to.
    targets = {}

    @property
    def params(self):
        """name -> type: Plan-Net's list for this type, then ours."""
        found = {p["name"]: p["type"] for p in plannet.capability(self.name)["searchParam"]}
        found.update({name: kind for name, (kind, _definition) in self.extra_params.items()})
        return found

    def modifiers_for(self, criterion):
        kind = self.params.get(criterion.name)
        if kind == "string":
            allowed = STRING_MODIFIERS
        elif kind == "token":
            allowed = TOKEN_MODIFIERS
        elif kind == "reference":
            # A type modifier (:Location) names the target; it is checked with the reference.
            return
        else:
            allowed = {""}
        if criterion.modifier not in allowed:
            raise invalid(f"{criterion.raw_key}: the modifier :{criterion.modifier} is not supported here.")

    def check(self, criterion, directory):
        """Reject parameters this type does not have, unsupported modifiers and chains on non-references."""
        if criterion.name == "_has":
            source = directory.type(criterion.has[0])
            if criterion.has[1] not in source.targets or source.targets[criterion.has[1]] != self.name:
                raise invalid(
                    f"{criterion.raw_key}: {criterion.has[0]}.{criterion.has[1]} does not refer to {self.name}."
                )
            return
        if criterion.name not in self.params:
            raise invalid(f"{self.name} has no search parameter {criterion.name!r}.")
        if criterion.chain and self.params[criterion.name] != "reference":
            raise invalid(f"{criterion.raw_key}: only reference parameters can be chained.")
        self.modifiers_for(criterion)

    def reference_ids(self, directory, criterion):
        """The target ids a reference criterion asks for: listed, chained (``location.address-city=``)."""
        target = criterion.modifier or self.targets.get(criterion.name)
        if criterion.modifier and criterion.modifier != self.targets.get(criterion.name):
            if criterion.modifier not in directory.types:
                raise invalid(f"{criterion.raw_key}: {criterion.modifier} is not a resource type here.")
            return IdSet()
        if criterion.chain:
            inner = _chained(criterion)
            return directory.type(target).ids(directory, [inner])
        ids = set()
        for value in criterion.values:
            resource_type, resource_id = parse_reference(value, target)
            if resource_type == target:
                ids.add(resource_id)
        return IdSet(strings=frozenset(ids))

    def has_ids(self, directory, criterion):
        """``_has:Source:param:…``: this type's ids that matching Source resources refer to by ``param``."""
        source = directory.type(criterion.has[0])
        inner = criterion.inner
        source.check(inner, directory)
        return source.referenced(directory, source.select(directory, [inner]), criterion.has[1])


def _chained(criterion):
    """``location.address-city=Long Beach`` → the inner criterion ``address-city=Long Beach``."""
    return criterion_from_key(criterion.chain, ",".join(v.replace(",", "\\,") for v in criterion.values))


class DatabaseType(ResourceType):
    """A type whose rows are a model's rows, searched with one SQL query."""

    model = None
    # A model whose rows remember ids of this type that were deleted: reading one answers 410, not 404.
    removed_model = None

    def base(self, directory):
        return self.model.objects.all()

    def select(self, directory, criteria):
        queryset = self.base(directory)
        for criterion in criteria:
            self.check(criterion, directory)
            queryset = queryset.filter(self.filter(directory, criterion))
        return queryset

    def ids(self, directory, criteria):
        return IdSet(query=self.select(directory, criteria).values_list("pk", flat=True))

    def filter(self, directory, criterion):
        """One criterion as a Q (its values ORed)."""
        if criterion.name == "_has":
            return Q(pk__in=self.has_ids(directory, criterion).keys())
        kind = self.params[criterion.name]
        if kind == "reference":
            return self.reference_q(directory, criterion.name, self.reference_ids(directory, criterion))
        q = Q()
        for value in criterion.values:
            q |= self.value_q(directory, criterion, value)
        return q

    def value_q(self, directory, criterion, value):
        if criterion.name == "_id":
            return Q(pk=key(value)) if key(value) is not None else Q(pk__in=[])
        if criterion.name == "_lastUpdated":
            lookups, negate = date_lookup(*parse_date(value))
            q = Q(**{f"{self.updated_field}__{key}": bound for key, bound in lookups.items()})
            return ~q if negate else q
        return self.param_q(directory, criterion, value)

    updated_field = "updated_at"

    def count(self, selection, limit=None):
        """How many rows match; with ``limit``, counting stops there (a query that reads no further)."""
        return selection.count() if limit is None else selection.order_by()[:limit].count()

    def page(self, directory, selection, cursor, count):
        """Up to ``count`` rows after ``cursor`` in id order, and whether more follow.

        The page's ids come first, from the search alone, then its rows are loaded by id with
        what the resources show: joined into the search, those tables change the plan
        PostgreSQL picks (the search for a plan's hem-oncs near a ZIP took 40 ms that way, 1 ms
        this way, at 100,000 providers).
        """
        queryset = selection.order_by("pk")
        if cursor:
            if key(cursor) is None:
                raise invalid("_cursor is not one this server wrote; start from the first page.")
            queryset = queryset.filter(pk__gt=key(cursor))
        ids = list(queryset.values_list("pk", flat=True)[: count + 1])
        rows = list(self.load(self.model.objects.filter(pk__in=ids[:count]).order_by("pk"))) if ids else []
        return rows, len(ids) > count

    def load(self, queryset):
        """What building a resource needs, loaded in a fixed number of queries."""
        return queryset

    def read(self, directory, resource_id):
        if key(resource_id) is None:
            raise not_found(self.name, resource_id)
        rows = list(self.load(self.model.objects.filter(pk=key(resource_id))))
        if not rows:
            if self.removed_model is not None and self.removed_model.objects.filter(pk=key(resource_id)).exists():
                raise gone(self.name, resource_id)
            raise not_found(self.name, resource_id)
        self.check_gone(rows[0], resource_id)
        return self.build(directory, rows)[0]

    def check_gone(self, row, resource_id):
        """Raise 410 for a row that exists but is no longer served."""

    def cursor_of(self, row):
        return str(row.pk)

    def by_ids(self, directory, ids, limit):
        keys = [key(i) for i in ids if key(i) is not None]
        rows = list(self.load(self.select(directory, []).filter(pk__in=keys).order_by("pk"))[: limit + 1])
        return self.build(directory, rows[:limit]), len(rows) > limit


def not_found(resource_type, resource_id):
    return FHIRError(404, "not-found", f"{resource_type}/{resource_id} is not in this directory.")


def gone(resource_type, resource_id):
    return FHIRError(
        410,
        "deleted",
        f"{resource_type}/{resource_id} was removed from this directory or no longer sees patients here.",
    )


def _country_matches(modifier, value):
    return string_matches(["US"], modifier, value)


def _hospital_only(ids):
    """Reference filters on ``organization``: every clinic and role belongs to the hospital."""
    return Q() if resources.HOSPITAL_ID in ids.resolve() else Q(pk__in=[])


def _memberships(**lookups):
    """(``network_id``, ``member``) rows: a provider is in a network when they take every plan that uses it.

    docs/fhir.md, "Networks". Plans can share a network (Medi-Cal and CHIP); a provider
    who takes one of them only is in neither's network, so a search for either plan's
    network never returns a doctor who does not take that plan. ``lookups`` narrow the
    plan-network-provider rows (``network_id__in``, ``insuranceplan__providers__in``).

    One grouped query that does not depend on the outer row, so the database builds the
    membership once per search rather than checking every candidate role in turn (that
    grew 2.7× from 1,000 to 100,000 providers; bench/README.md).
    """
    plan_networks = InsurancePlan.networks.through.objects
    plans_in_network = (
        plan_networks.filter(network_id=OuterRef("network_id")).order_by().values("network_id").annotate(n=Count("*"))
    )
    return (
        plan_networks.filter(insuranceplan__providers__isnull=False, **lookups)
        .order_by()
        .values("network_id", member=F("insuranceplan__providers"))
        .annotate(taken=Count("*"), plans=Subquery(plans_in_network.values("n")))
        .filter(taken=F("plans"))
    )


class PractitionerType(DatabaseType):
    name = "Practitioner"
    model = Provider
    removed_model = RemovedProvider
    extra_params = {"identifier": ("token", "http://hl7.org/fhir/SearchParameter/Practitioner-identifier")}

    def base(self, directory):
        return Provider.objects.filter(active=True)

    def param_q(self, directory, criterion, value):
        if criterion.name == "identifier":
            if criterion.modifier == "text":
                return Q(pk__in=[]) if not "national provider identifier".startswith(value.lower()) else Q()
            system, code = parse_token(value)
            if system not in (None, plannet.NPI):
                return Q(pk__in=[])
            return Q() if code is None else Q(npi=code)
        fields = {
            "name": ["first_name", "last_name", "credentials"],
            "family": ["last_name"],
            "given": ["first_name"],
        }[criterion.name]
        q = string_q(fields, criterion.modifier, value)
        if criterion.name == "name" and criterion.modifier != "exact" and " " in value.strip():
            # HumanName.text is "First Last, MD": a whole name matches it.
            first, _, rest = value.strip().partition(" ")
            q |= Q(first_name__iexact=first, last_name__istartswith=rest.strip())
        return q

    def load(self, queryset):
        return queryset.prefetch_related("languages")

    def check_gone(self, row, resource_id):
        if not row.active:
            raise gone(self.name, resource_id)

    def build(self, directory, rows):
        return [resources.practitioner(row, directory.context) for row in rows]

    def referenced(self, directory, selection, param):
        raise invalid(f"Practitioner has no reference parameter {param!r}.")


class PractitionerRoleType(DatabaseType):
    name = "PractitionerRole"
    model = ProviderLocation
    removed_model = RemovedRole
    targets = {
        "practitioner": "Practitioner",
        "location": "Location",
        "organization": "Organization",
        "network": "Organization",
        "service": "HealthcareService",
        "endpoint": "Endpoint",
    }

    def base(self, directory):
        return ProviderLocation.objects.filter(provider__active=True)

    def value_q(self, directory, criterion, value):
        if criterion.name == "_lastUpdated":
            # A role changes when its provider or its clinic does (the later of the two).
            lookups, negate = date_lookup(*parse_date(value))
            last_updated = Greatest("provider__updated_at", "location__updated_at")
            q = Q(*[LOOKUPS[key](last_updated, bound) for key, bound in lookups.items()])
            return ~q if negate else q
        return super().value_q(directory, criterion, value)

    def param_q(self, directory, criterion, value):
        if criterion.name == "specialty":
            allowed = plannet.specialty_codes()
            if criterion.modifier == "text":
                specialties = Specialty.objects.filter(name__istartswith=value, taxonomy_code__in=allowed)
            else:
                system, code = parse_token(value)
                if system not in (None, plannet.NUCC):
                    return Q(pk__in=[])
                if code is None:
                    specialties = Specialty.objects.filter(taxonomy_code__in=allowed)
                elif code not in allowed:
                    return Q(pk__in=[])
                else:
                    specialties = Specialty.objects.filter(taxonomy_code=code)
            return Q(
                provider__in=Provider.specialties.through.objects.filter(specialty__in=specialties).values(
                    "provider_id"
                )
            )
        if criterion.name == "role":
            credentials = [
                credential
                for credential, code in resources.ROLES.items()
                if token_matches(
                    [(plannet.PROVIDER_ROLE, code, plannet.display(plannet.PROVIDER_ROLE, code))],
                    criterion.modifier,
                    value,
                )
            ]
            return Q(provider__credentials__in=credentials)
        raise invalid(f"PractitionerRole has no search parameter {criterion.name!r}.")

    def reference_q(self, directory, param, ids):
        if param == "practitioner":
            return Q(provider_id__in=ids.keys())
        if param == "location":
            return Q(location_id__in=ids.keys())
        if param == "organization":
            return _hospital_only(ids)
        if param == "network":
            members = _memberships(network_id__in=ids.keys(resources.NETWORK_PREFIX)).values("member")
            return Q(provider_id__in=members)
        if param == "service":
            specialties = Provider.specialties.through.objects.filter(
                specialty_id__in=ids.keys(resources.SPECIALTY_PREFIX),
                specialty__taxonomy_code__in=plannet.specialty_codes() | {""},
            ).values("provider_id")
            q = Q(provider_id__in=specialties)
            if ids.query is None and resources.TELEHEALTH_ID in ids.strings:
                q |= Q(provider__offers_telehealth=True)
            return q
        return Q(pk__in=[])  # endpoint: roles list none

    def load(self, queryset):
        return queryset.select_related("provider__primary_specialty", "location").prefetch_related(
            "provider__specialties", "provider__insurance_plans__networks__plans"
        )

    def check_gone(self, row, resource_id):
        if not row.provider.active:
            raise gone(self.name, resource_id)

    def build(self, directory, rows):
        return [resources.practitioner_role(row, directory.context) for row in rows]

    def referenced(self, directory, selection, param):
        if param == "practitioner":
            return IdSet(query=selection.values_list("provider_id", flat=True))
        if param == "location":
            return IdSet(query=selection.values_list("location_id", flat=True))
        if param == "organization":
            return IdSet(strings=frozenset({resources.HOSPITAL_ID} if selection.exists() else ()))
        if param == "network":
            # The networks at least one matching role's provider is in.
            in_them = _memberships(insuranceplan__providers__in=selection.values("provider_id")).values("network_id")
            networks = Network.objects.filter(pk__in=in_them).values_list("pk", flat=True)
            return IdSet(query=networks, prefix=resources.NETWORK_PREFIX)
        if param == "service":
            ids = {
                resources.service_id(pk)
                for pk in Provider.specialties.through.objects.filter(
                    provider__in=selection.values("provider_id"), specialty__taxonomy_code__in=plannet.specialty_codes()
                )
                .values_list("specialty_id", flat=True)
                .distinct()
            }
            if selection.filter(provider__offers_telehealth=True).exists():
                ids.add(resources.TELEHEALTH_ID)
            return IdSet(strings=frozenset(ids))
        if param == "endpoint":
            return IdSet()
        raise invalid(f"PractitionerRole has no reference parameter {param!r}.")


class LocationType(DatabaseType):
    name = "Location"
    model = Location
    targets = {"partof": "Location", "organization": "Organization", "endpoint": "Endpoint"}
    extra_params = {"near": ("special", "http://hl7.org/fhir/SearchParameter/Location-near")}

    def ids(self, directory, criteria):
        """Clinics are few: a chain (``location.near=``) gets their ids as a list, one query.

        PostgreSQL cannot estimate how many clinics a distance keeps; given the ids, it
        sees how many roles they hold and reads roles in id order to fill a page, instead
        of sorting every role at every clinic nearby (at 100,000 providers, 2 ms, not 90).
        """
        queryset = self.select(directory, criteria).values_list("pk", flat=True)
        found = list(queryset[: LISTED_LOCATIONS + 1])
        return IdSet(query=found) if len(found) <= LISTED_LOCATIONS else IdSet(query=queryset)

    def param_q(self, directory, criterion, value):
        if criterion.name == "near":
            latitude, longitude, miles = parse_near(value)
            return Q(pk__in=Location.objects.within(latitude, longitude, miles).values("pk"))
        if criterion.name == "type":
            return Q(pk__in=[])  # no clinic has a type code yet
        if criterion.name == "address" and _country_matches(criterion.modifier, value):
            return Q()  # every clinic's address says country US
        fields = {
            "address": ["street", "city", "state", "zip_code"],
            "address-city": ["city"],
            "address-state": ["state"],
            "address-postalcode": ["zip_code"],
        }[criterion.name]
        return string_q(fields, criterion.modifier, value)

    def reference_q(self, directory, param, ids):
        if param == "organization":
            return _hospital_only(ids)
        return Q(pk__in=[])  # partof, endpoint: no clinic has one

    def build(self, directory, rows):
        return [resources.location(row, directory.context) for row in rows]

    def referenced(self, directory, selection, param):
        if param == "organization":
            return IdSet(strings=frozenset({resources.HOSPITAL_ID} if selection.exists() else ()))
        if param in ("partof", "endpoint"):
            return IdSet()
        raise invalid(f"Location has no reference parameter {param!r}.")


class InsurancePlanType(DatabaseType):
    name = "InsurancePlan"
    model = InsurancePlan
    # The guide defines it (a plan's networks) though its CapabilityStatement leaves it out.
    extra_params = {"network": ("reference", f"{plannet.IG}/SearchParameter/insuranceplan-network")}
    targets = {
        "administered-by": "Organization",
        "owned-by": "Organization",
        "coverage-area": "Location",
        "network": "Organization",
    }

    def base(self, directory):
        # Plan-Net's network-or-plan-Network: a plan is described by its networks, so one with none is not served.
        return InsurancePlan.objects.filter(
            Exists(InsurancePlan.networks.through.objects.filter(insuranceplan_id=OuterRef("pk")))
        )

    def read(self, directory, resource_id):
        plan = super().read(directory, resource_id)
        if not plan.network:
            raise FHIRError(
                404,
                "not-found",
                f"InsurancePlan/{resource_id} lists no network yet, and Plan-Net describes every plan by its "
                "networks, so this directory does not serve it.",
            )
        return plan

    def param_q(self, directory, criterion, value):
        if criterion.name == "name":
            return string_q(["name"], criterion.modifier, value)
        if criterion.name == "identifier":
            system, code = parse_token(value)
            if criterion.modifier == "text" or system not in (None, f"{directory.context.base_url}/sid/insurance-plan"):
                return Q(pk__in=[])
            return Q() if code is None else Q(slug=code)
        if criterion.name == "type":
            kinds = [
                kind
                for kind, label in InsurancePlan._meta.get_field("plan_type").choices
                if token_matches(
                    [
                        (
                            plannet.PRODUCT_TYPE if kind in resources.PRODUCT_TYPES else None,
                            resources.PRODUCT_TYPES.get(kind),
                            label,
                        )
                    ],
                    criterion.modifier,
                    value,
                )
            ]
            return Q(plan_type__in=kinds)
        return Q(pk__in=[])  # plan-type: no plan lists tiers

    def reference_q(self, directory, param, ids):
        if param == "network":
            return (
                Q(networks__in=ids.keys(resources.NETWORK_PREFIX))
                if ids.query is None
                else Q(
                    pk__in=InsurancePlan.networks.through.objects.filter(
                        network_id__in=ids.keys(resources.NETWORK_PREFIX)
                    ).values("insuranceplan_id")
                )
            )
        # owned-by and administered-by name the insurer by display only; no coverage areas.
        return Q(pk__in=[])

    def select(self, directory, criteria):
        return super().select(directory, criteria).distinct()

    def load(self, queryset):
        return queryset.prefetch_related("networks")

    def build(self, directory, rows):
        return [resources.insurance_plan(row, directory.context) for row in rows]

    def referenced(self, directory, selection, param):
        if param == "network":
            return IdSet(
                query=Network.objects.filter(plans__in=selection.values("pk")).values_list("pk", flat=True),
                prefix=resources.NETWORK_PREFIX,
            )
        if param in self.targets:
            return IdSet()
        raise invalid(f"InsurancePlan has no reference parameter {param!r}.")


@dataclass
class Record:
    """A resource matched in Python: its id, the resource, and the values each parameter searches."""

    id: str
    resource: object
    strings: dict = field(default_factory=dict)
    tokens: dict = field(default_factory=dict)
    references: dict = field(default_factory=dict)


class MemoryType(ResourceType):
    """A type of a few resources, built whole and matched in Python."""

    def records(self, directory):
        raise NotImplementedError

    def select(self, directory, criteria):
        records = self.records(directory)
        for criterion in criteria:
            self.check(criterion, directory)
            records = [r for r in records if self.matches(directory, r, criterion)]
        return sorted(records, key=lambda r: r.id)

    def ids(self, directory, criteria):
        return IdSet(strings=frozenset(r.id for r in self.select(directory, criteria)))

    def matches(self, directory, record, criterion):
        if criterion.name == "_has":
            return record.id in self.has_ids(directory, criterion).resolve()
        kind = self.params[criterion.name]
        if kind == "reference":
            wanted = self.reference_ids(directory, criterion).resolve()
            target = self.targets[criterion.name]
            return any(
                ref.split("/", 1)[1] in wanted
                for ref in record.references.get(criterion.name, [])
                if ref.startswith(f"{target}/")
            )
        for value in criterion.values:
            if criterion.name == "_id" and value == record.id:
                return True
            if criterion.name == "_lastUpdated" and date_matches(*parse_date(value), record.resource.meta.lastUpdated):
                return True
            if kind == "string" and string_matches(record.strings.get(criterion.name, []), criterion.modifier, value):
                return True
            if (
                kind == "token"
                and criterion.name != "_id"
                and token_matches(record.tokens.get(criterion.name, []), criterion.modifier, value)
            ):
                return True
        return False

    def count(self, selection, limit=None):
        return len(selection) if limit is None else min(len(selection), limit)

    def page(self, directory, selection, cursor, count):
        rows = [r for r in selection if r.id > cursor] if cursor else selection
        return rows[:count], len(rows) > count

    def cursor_of(self, record):
        return record.id

    def build(self, directory, rows):
        return [r.resource for r in rows]

    def read(self, directory, resource_id):
        for record in self.records(directory):
            if record.id == resource_id:
                return record.resource
        raise not_found(self.name, resource_id)

    def by_ids(self, directory, ids, limit):
        found = [r.resource for r in sorted(self.records(directory), key=lambda r: r.id) if r.id in ids]
        return found[:limit], len(found) > limit

    def referenced(self, directory, selection, param):
        if param not in self.targets:
            raise invalid(f"{self.name} has no reference parameter {param!r}.")
        return IdSet(
            strings=frozenset(ref.split("/", 1)[1] for record in selection for ref in record.references.get(param, []))
        )


def _codes(concepts):
    return [(c.system, c.code, c.display) for concept in concepts or [] for c in concept.coding or []] + [
        (None, None, concept.text) for concept in concepts or [] if concept.text
    ]


def _address_strings(addresses):
    found = []
    for a in addresses or []:
        found += [*(a.line or []), a.city, a.state, a.postalCode, a.country, a.text]
    return found


class OrganizationType(MemoryType):
    name = "Organization"
    targets = {"partof": "Organization", "endpoint": "Endpoint", "coverage-area": "Location"}

    def records(self, directory):
        context = directory.context
        organizations = [resources.hospital(context)]
        if context.site_settings.cancer_center_name:
            organizations.append(resources.cancer_center(context))
        organizations += [resources.network(row, insurers) for row, insurers in directory.networks_with_insurers()]
        found = []
        for org in organizations:
            found.append(
                Record(
                    id=org.id,
                    resource=org,
                    strings={"name": [org.name, *(org.alias or [])], "address": _address_strings(org.address)},
                    tokens={"type": _codes(org.type)},
                    references={
                        "partof": [org.partOf.reference] if org.partOf and org.partOf.reference else [],
                        "endpoint": [e.reference for e in org.endpoint or []],
                    },
                )
            )
        return found


class HealthcareServiceType(MemoryType):
    name = "HealthcareService"
    targets = {
        "location": "Location",
        "coverage-area": "Location",
        "organization": "Organization",
        "endpoint": "Endpoint",
    }

    def records(self, directory):
        context = directory.context
        services = [
            resources.specialty_service(specialty, directory.specialty_locations().get(specialty.pk, []), context)
            for specialty in directory.specialties()
        ]
        services.append(resources.telehealth_service(context))
        return [
            Record(
                id=service.id,
                resource=service,
                strings={"name": [service.name]},
                tokens={
                    "service-category": _codes(service.category),
                    "service-type": _codes(service.type),
                    "specialty": _codes(service.specialty),
                },
                references={
                    "location": [ref.reference for ref in service.location or []],
                    "organization": [service.providedBy.reference],
                },
            )
            for service in services
        ]


class EndpointType(MemoryType):
    name = "Endpoint"
    targets = {"organization": "Organization"}

    def records(self, directory):
        endpoint = resources.endpoint(directory.context)
        return [
            Record(
                id=endpoint.id,
                resource=endpoint,
                references={"organization": [endpoint.managingOrganization.reference]},
            )
        ]


TYPES = [
    PractitionerType(),
    PractitionerRoleType(),
    LocationType(),
    OrganizationType(),
    HealthcareServiceType(),
    InsurancePlanType(),
    EndpointType(),
]


class Directory:
    """One request's view of the directory: the types, and the small tables loaded at most once."""

    types = {t.name: t for t in TYPES}

    def __init__(self, context, request=None):
        self.context = context
        self.request = request
        self._loaded = {}

    def type(self, name):
        if name not in self.types:
            raise invalid(f"{name} is not a resource type this server searches.")
        return self.types[name]

    def _once(self, key, compute):
        if key not in self._loaded:
            self._loaded[key] = compute()
        return self._loaded[key]

    def specialties(self):
        return self._once("specialties", lambda: list(Specialty.objects.order_by("pk")))

    def networks_with_insurers(self):
        """[(network, [insurer names])]: each network a plan uses, and the insurance companies whose plans use it.

        A network no plan uses is not served: nothing refers to it (a provider is in a
        network through the plans they take), and Plan-Net requires its ``partOf``, the
        insurer that runs it, which we know from its plans.
        """

        def load():
            networks = list(Network.objects.prefetch_related("plans").order_by("pk"))
            return [(n, sorted({plan.insurer for plan in n.plans.all()})) for n in networks if n.plans.all()]

        return self._once("networks", load)

    def specialty_locations(self):
        """{specialty pk: [location pks]}: where the active clinicians of each specialty see patients.

        Read from the site cache, which any directory change empties: at 100,000
        providers the join behind it is the one costly read of a HealthcareService search.
        """
        from base import cache

        def compute():
            pairs = (
                ProviderLocation.objects.filter(provider__active=True)
                .values_list("provider__specialties", "location_id")
                .distinct()
                .order_by("provider__specialties", "location_id")
            )
            found = {}
            for specialty_pk, location_pk in pairs:
                if specialty_pk is not None:
                    found.setdefault(specialty_pk, []).append(location_pk)
            return found

        return self._once(
            "specialty_locations", lambda: cache.get_or_set(self.request, ["fhir", "specialty-locations"], compute)
        )
