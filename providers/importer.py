"""Import providers from a CSV file: validate every row, then save all of them or none.

Used by ``manage.py import_providers``; the columns are documented in
providers/IMPORT.md (and in ``COLUMNS`` below, which the command's help prints).
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from conditions.models import ConditionPage

from .choices import Credential, Gender
from .models import Language, Location, Provider, ProviderLocation, Specialty, unique_provider_slug

LIST_SEPARATOR = ";"
TRUE_WORDS = {"yes", "y", "true", "t", "1"}
FALSE_WORDS = {"no", "n", "false", "f", "0"}

# column: (required, what it holds)
COLUMNS = {
    "npi": (True, "10-digit National Provider Identifier. Rows are matched to existing providers by NPI."),
    "first_name": (True, "First name."),
    "last_name": (True, "Last name."),
    "credentials": (True, "One of: " + ", ".join(Credential.values) + "."),
    "primary_specialty": (True, "A specialty's slug or NUCC taxonomy code, for example 2080P0207X."),
    "locations": (True, "Location names exactly as in the admin, separated by ';'. The first is the main one."),
    "specialties": (False, "Other specialties (slugs or taxonomy codes), separated by ';'."),
    "conditions": (False, "Slugs of condition pages this provider treats, separated by ';'."),
    "languages": (False, "Language codes or names, separated by ';', for example en;es."),
    "gender": (False, "female, male, nonbinary, or blank."),
    "accepting_new_patients": (False, "yes or no (default yes)."),
    "offers_telehealth": (False, "yes or no (default no)."),
    "min_age": (False, "Youngest age seen in years (default 0)."),
    "max_age": (False, "Oldest age seen in years (default 21)."),
    "slug": (False, "Profile address; made from the name when blank."),
    "bio": (False, "Plain text; a blank line between paragraphs."),
    "education": (False, "One item per line."),
    "board_certifications": (False, "One per line."),
    "active": (False, "yes or no (default yes). 'no' hides the provider from the public directory."),
    "is_demo": (False, "yes or no (default no). Marks fictional demo data."),
}
REQUIRED_COLUMNS = [name for name, (required, _help) in COLUMNS.items() if required]
SIMPLE_FIELDS = ["first_name", "last_name", "credentials", "gender", "slug", "bio", "education", "board_certifications"]
BOOLEAN_FIELDS = {
    "accepting_new_patients": True,
    "offers_telehealth": False,
    "active": True,
    "is_demo": False,
}
INTEGER_FIELDS = ["min_age", "max_age"]


class ImportFileError(Exception):
    """The file as a whole cannot be read (not CSV, wrong columns)."""


@dataclass
class RowResult:
    """One CSV row: what it will do, or why it cannot."""

    line: int
    npi: str
    action: str = ""  # "create" or "update"
    errors: list = field(default_factory=list)
    provider: Provider | None = None
    relations: dict = field(default_factory=dict)

    @property
    def ok(self):
        return not self.errors


@dataclass
class ImportReport:
    rows: list

    @property
    def errors(self):
        return [row for row in self.rows if not row.ok]

    @property
    def created(self):
        return sum(1 for row in self.rows if row.ok and row.action == "create")

    @property
    def updated(self):
        return sum(1 for row in self.rows if row.ok and row.action == "update")


def _split(value):
    return [item.strip() for item in (value or "").split(LIST_SEPARATOR) if item.strip()]


def _boolean(value, default, column, errors):
    text = (value or "").strip().lower()
    if not text:
        return default
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    errors.append(f"{column}: write yes or no (you wrote {value!r}).")
    return default


class Lookups:
    """Everything a row can refer to, loaded once for the whole file."""

    def __init__(self):
        specialties = list(Specialty.objects.all())
        self.specialties = {s.slug.lower(): s for s in specialties}
        self.specialties.update({s.taxonomy_code.upper(): s for s in specialties if s.taxonomy_code})
        # Doctors are linked to the English pages (the Spanish ones share their slugs).
        self.conditions = {page.slug: page for page in ConditionPage.objects.english().only("pk", "slug", "title")}
        languages = list(Language.objects.all())
        self.languages = {lang.code.lower(): lang for lang in languages}
        self.languages.update({lang.name.lower(): lang for lang in languages})
        self.locations = {loc.name.strip().lower(): loc for loc in Location.objects.all()}

    def specialty(self, key):
        return self.specialties.get(key.strip().lower()) or self.specialties.get(key.strip().upper())

    def find(self, kind, key):
        if kind == "specialties":
            return self.specialty(key)
        if kind == "conditions":
            return self.conditions.get(key)
        return {"languages": self.languages, "locations": self.locations}[kind].get(key.lower())

    def resolve(self, kind, keys, errors, column):
        """The objects ``keys`` name, in order; each unknown key adds an error."""
        singular = {"specialties": "specialty", "conditions": "condition", "languages": "language"}.get(
            kind, "location"
        )
        found = []
        for key in keys:
            item = self.find(kind, key)
            if item is None:
                errors.append(f"{column}: we have no {singular} {key!r}.")
            elif item not in found:
                found.append(item)
        return found


def read_rows(text):
    """The CSV's header and rows; raises ImportFileError when the columns are wrong."""
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise ImportFileError("The file is empty.")
    header = [name.strip() for name in reader.fieldnames]
    unknown = [name for name in header if name not in COLUMNS]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    problems = []
    if unknown:
        problems.append("unknown columns: " + ", ".join(unknown))
    if missing:
        problems.append("missing required columns: " + ", ".join(missing))
    if problems:
        raise ImportFileError("The file's columns are wrong (" + "; ".join(problems) + "). See providers/IMPORT.md.")
    rows = []
    for row in reader:
        if None in row:
            rows.append((reader.line_num, None))
            continue
        rows.append((reader.line_num, {key.strip(): (value or "").strip() for key, value in row.items()}))
    return header, rows


class ValidationState:
    """What checking rows needs across a whole file: the lookups, and the NPIs and slugs already claimed.

    Shared by every chunk of a file too large to check at once (``manage.py import_nppes``).
    """

    def __init__(self):
        self.lookups = Lookups()
        self.seen_npis = {}
        self.claimed_slugs = set()


def validate(text):
    """Check every row against the database without saving anything; returns an ImportReport."""
    header, rows = read_rows(text)
    return validate_rows(header, rows)


def validate_rows(header, rows, state=None):
    """Check ``rows`` ([(line, {column: value} or None)]) with the given header columns; returns an ImportReport."""
    state = state or ValidationState()
    existing = {p.npi: p for p in Provider.objects.filter(npi__in=[r["npi"] for _line, r in rows if r])}
    results = []
    for line, row in rows:
        if row is None:
            results.append(
                RowResult(line=line, npi="", errors=["this row has more values than the header has columns."])
            )
            continue
        results.append(_validate_row(line, row, header, state.lookups, existing, state.seen_npis, state.claimed_slugs))
    return ImportReport(rows=results)


def report_lines(report):
    """The report a person reads, row by row: [(ok, text)]."""
    lines = []
    for row in report.rows:
        label = f"Line {row.line}" + (f" (NPI {row.npi})" if row.npi else "")
        if row.ok:
            lines.append((True, f"{label}: OK, will {row.action} {row.provider.display_name}"))
        else:
            lines += [(False, f"{label}: {message}") for message in row.errors]
    return lines


def _validate_row(line, row, header, lookups, existing, seen_npis, claimed_slugs):
    npi = row.get("npi", "")
    result = RowResult(line=line, npi=npi)
    errors = result.errors
    if npi in seen_npis:
        errors.append(f"npi: {npi} is also on line {seen_npis[npi]}; each provider must appear once.")
    seen_npis.setdefault(npi, line)

    provider = existing.get(npi)
    result.action = "update" if provider else "create"
    if provider is None:
        provider = Provider(npi=npi)
    for name in SIMPLE_FIELDS:
        if name in header:
            setattr(provider, name, row.get(name, ""))
    if "gender" in header and provider.gender and provider.gender not in Gender.values:
        errors.append(f"gender: write female, male, nonbinary or leave it blank (you wrote {provider.gender!r}).")
        provider.gender = ""
    for name, default in BOOLEAN_FIELDS.items():
        if name in header:
            current = getattr(provider, name) if result.action == "update" else default
            setattr(provider, name, _boolean(row.get(name), current, name, errors))
    for name in INTEGER_FIELDS:
        if name in header and row.get(name):
            try:
                setattr(provider, name, int(row[name]))
            except ValueError:
                errors.append(f"{name}: write a whole number of years (you wrote {row[name]!r}).")

    primary = lookups.specialty(row.get("primary_specialty", ""))
    if primary is None:
        errors.append(f"primary_specialty: we have no specialty {row.get('primary_specialty', '')!r}.")
    else:
        provider.primary_specialty = primary
    relations = {}
    if "specialties" in header or primary is not None:
        others = lookups.resolve("specialties", _split(row.get("specialties")), errors, "specialties")
        relations["specialties"] = list(dict.fromkeys([*([primary] if primary else []), *others]))
    if "conditions" in header:
        relations["conditions"] = lookups.resolve("conditions", _split(row.get("conditions")), errors, "conditions")
    if "languages" in header:
        relations["languages"] = lookups.resolve("languages", _split(row.get("languages")), errors, "languages")
    locations = lookups.resolve("locations", _split(row.get("locations")), errors, "locations")
    if not _split(row.get("locations")):
        errors.append("locations: list at least one location.")
    relations["locations"] = locations

    if not provider.slug and provider.first_name and provider.last_name:
        provider.slug = unique_provider_slug(
            provider.first_name, provider.last_name, provider.credentials, exclude_pk=provider.pk, taken=claimed_slugs
        )
    if provider.slug in claimed_slugs:
        errors.append(f"slug: {provider.slug!r} is used by another row in this file.")
    claimed_slugs.add(provider.slug)

    try:
        provider.full_clean(exclude=["search_text"] + (["primary_specialty"] if primary is None else []))
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            label = "row" if name == "__all__" else name
            errors.extend(f"{label}: {message}" for message in messages)
    result.provider = provider
    result.relations = relations
    return result


class ImportSaveError(Exception):
    """The database refused a row that passed validation (a constraint, a lost connection); nothing was saved."""


@transaction.atomic
def save(report):
    """Save every row of a report that has no errors. All or nothing: one failure rolls all back."""
    if report.errors:
        raise ValueError("Refusing to save a file with errors.")
    for row in report.rows:
        try:
            _save_row(row)
        except DatabaseError as error:
            # Raised out of the atomic block, so everything saved before this row is rolled back.
            label = f"Line {row.line}" + (f" (NPI {row.npi})" if row.npi else "")
            reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
            raise ImportSaveError(f"{label}: the database refused this row ({reason})") from error


def _save_row(row):
    """One row: the provider, its lists and its locations (links an editor adjusted are kept)."""
    provider = row.provider
    for name in ("specialties", "conditions", "languages"):
        if name in row.relations:
            setattr(provider, name, row.relations[name])
    current = {link.location_id: link for link in provider.provider_locations.all()} if provider.pk else {}
    links = []
    for order, location in enumerate(row.relations["locations"]):
        # Keep each existing link, with the phone and intake status an editor may have set.
        link = current.get(location.pk) or ProviderLocation(location=location)
        link.sort_order = order
        links.append(link)
    provider.provider_locations = links
    provider.save()
