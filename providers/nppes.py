"""Import clinicians from the public NPPES monthly file (``npidata_pfile_*.csv``) through the provider importer.

The file (about 10 GB, one row per NPI, 330 columns, ``NPPES_COLUMNS``) is read
line by line: a line is parsed only when it can matter (its NPI is in our
directory, or it contains every filter's text), so memory stays flat however
large the file. Each selected row becomes a row of the spreadsheet importer
(``providers.importer``), checked and saved in chunks inside one transaction:
all or nothing, with the same line-by-line report as ``import_providers``.

What a row becomes:
- an individual (entity type 1) practising in a chosen state and/or with a chosen
  taxonomy code is created or updated by NPI: names, credentials, sex, the
  specialties we list among their taxonomy codes (the primary one first), and,
  for a new provider, their practice location (found by address, or added);
- a deactivated NPI (a deactivation date and no later reactivation) that is in
  our directory is marked inactive, whatever the filters;
- a row we cannot show (no specialty we list, a credential the directory does
  not use, an unknown ZIP code) is skipped and the report says why.
"""

import csv
import io
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from base.phone import validate_phone

from . import geo, importer
from .choices import Credential
from .models import Location, Provider, Specialty

TAXONOMY_SLOTS = 15
OTHER_IDENTIFIER_SLOTS = 50
CHUNK_ROWS = 500
PROGRESS_STEP_BYTES = 1 << 20


def _columns():
    """The main NPPES file's header, in order (the Data Dissemination layout in use since 2023: 330 columns)."""
    columns = [
        "NPI",
        "Entity Type Code",
        "Replacement NPI",
        "Employer Identification Number (EIN)",
        "Provider Organization Name (Legal Business Name)",
        "Provider Last Name (Legal Name)",
        "Provider First Name",
        "Provider Middle Name",
        "Provider Name Prefix Text",
        "Provider Name Suffix Text",
        "Provider Credential Text",
        "Provider Other Organization Name",
        "Provider Other Organization Name Type Code",
        "Provider Other Last Name",
        "Provider Other First Name",
        "Provider Other Middle Name",
        "Provider Other Name Prefix Text",
        "Provider Other Name Suffix Text",
        "Provider Other Credential Text",
        "Provider Other Last Name Type Code",
    ]
    for place in ("Mailing", "Practice Location"):
        columns += [
            f"Provider First Line Business {place} Address",
            f"Provider Second Line Business {place} Address",
            f"Provider Business {place} Address City Name",
            f"Provider Business {place} Address State Name",
            f"Provider Business {place} Address Postal Code",
            f"Provider Business {place} Address Country Code (If outside U.S.)",
            f"Provider Business {place} Address Telephone Number",
            f"Provider Business {place} Address Fax Number",
        ]
    columns += [
        "Provider Enumeration Date",
        "Last Update Date",
        "NPI Deactivation Reason Code",
        "NPI Deactivation Date",
        "NPI Reactivation Date",
        "Provider Sex Code",
        "Authorized Official Last Name",
        "Authorized Official First Name",
        "Authorized Official Middle Name",
        "Authorized Official Title or Position",
        "Authorized Official Telephone Number",
    ]
    for slot in range(1, TAXONOMY_SLOTS + 1):
        columns += [
            f"Healthcare Provider Taxonomy Code_{slot}",
            f"Provider License Number_{slot}",
            f"Provider License Number State Code_{slot}",
            f"Healthcare Provider Primary Taxonomy Switch_{slot}",
        ]
    for slot in range(1, OTHER_IDENTIFIER_SLOTS + 1):
        columns += [
            f"Other Provider Identifier_{slot}",
            f"Other Provider Identifier Type Code_{slot}",
            f"Other Provider Identifier State_{slot}",
            f"Other Provider Identifier Issuer_{slot}",
        ]
    columns += [
        "Is Sole Proprietor",
        "Is Organization Subpart",
        "Parent Organization LBN",
        "Parent Organization TIN",
        "Authorized Official Name Prefix Text",
        "Authorized Official Name Suffix Text",
        "Authorized Official Credential Text",
    ]
    columns += [f"Healthcare Provider Taxonomy Group_{slot}" for slot in range(1, TAXONOMY_SLOTS + 1)]
    columns.append("Certification Date")
    return columns


NPPES_COLUMNS = _columns()
PRACTICE = "Provider Business Practice Location Address"
STREET = "Provider First Line Business Practice Location Address"
STREET_2 = "Provider Second Line Business Practice Location Address"
CITY = f"{PRACTICE} City Name"
STATE = f"{PRACTICE} State Name"
POSTAL_CODE = f"{PRACTICE} Postal Code"
PHONE = f"{PRACTICE} Telephone Number"
# Files before 2023 call it "Provider Gender Code".
SEX_COLUMNS = ("Provider Sex Code", "Provider Gender Code")
REQUIRED_COLUMNS = [
    "NPI",
    "Entity Type Code",
    "Provider Last Name (Legal Name)",
    "Provider First Name",
    "Provider Credential Text",
    STREET,
    CITY,
    STATE,
    POSTAL_CODE,
    PHONE,
    "NPI Deactivation Date",
    "NPI Reactivation Date",
    *(f"Healthcare Provider Taxonomy Code_{slot}" for slot in range(1, TAXONOMY_SLOTS + 1)),
    *(f"Healthcare Provider Primary Taxonomy Switch_{slot}" for slot in range(1, TAXONOMY_SLOTS + 1)),
]
SEXES = {"F": "female", "M": "male"}
# Credential text as NPPES has it ("M.D.", "MD, MPH", "PA-C"), one word at a time, to ours.
CREDENTIAL_WORDS = {
    "MD": Credential.MD,
    "DO": Credential.DO,
    "MBBS": Credential.MBBS,
    "NP": Credential.NP,
    "CPNP": Credential.CPNP,
    "PA": Credential.PA,
    "PAC": Credential.PA_C,
    "PHD": Credential.PHD,
    "PSYD": Credential.PSYD,
    "RN": Credential.RN,
    "RD": Credential.RD,
    "LCSW": Credential.LCSW,
}
COMBINED = {(Credential.MD, Credential.PHD): Credential.MD_PHD, (Credential.DO, Credential.PHD): Credential.DO_PHD}


class NppesFileError(Exception):
    """The file as a whole cannot be read as an NPPES data file, or the options cannot be met."""


@dataclass
class NppesReport:
    """What an NPPES import did, or would do: the importer's rows, and what was skipped or deactivated."""

    created: int = 0
    updated: int = 0
    deactivated: int = 0
    skipped: int = 0
    errors: int = 0
    read: int = 0
    outside: int = 0


def credential(text):
    """Our credential for NPPES credential text, or None when the directory has none that fits."""
    found = []
    for word in re.split(r"[,;/ ]+", (text or "").upper()):
        ours = CREDENTIAL_WORDS.get(re.sub(r"[^A-Z]", "", word))
        if ours and ours not in found:
            found.append(ours)
    if len(found) >= 2 and (found[0], found[1]) in COMBINED:
        return COMBINED[(found[0], found[1])]
    return found[0] if found else None


def _name(value):
    """NPPES writes names in capitals; people read them better in title case."""
    value = " ".join(value.split())
    return value.title() if value.isupper() else value


def _date(value, line):
    try:
        return datetime.strptime(value, "%m/%d/%Y").date()
    except ValueError:
        raise NppesFileError(f"Line {line}: {value!r} is not a date (NPPES writes MM/DD/YYYY).") from None


def _phone(value):
    digits = re.sub(r"\D", "", value or "")
    return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}" if len(digits) == 10 else ""


class NppesImport:
    """One run of ``manage.py import_nppes``: read, select, check, save (unless a dry run), report."""

    def __init__(self, path, states=(), taxonomies=(), dry_run=False, progress=None, emit=None):
        self.path = Path(path)
        self.states = {s.strip().upper() for s in states if s.strip()}
        self.taxonomies = {t.strip().upper() for t in taxonomies if t.strip()}
        self.dry_run = dry_run
        self.progress = progress
        # Report lines go out as they are made, so a large import keeps none of them in memory.
        self.emit = emit or (lambda ok, text: None)
        self.report = NppesReport()

    def check_options(self):
        if not self.states and not self.taxonomies:
            raise NppesFileError("Choose a state (--state CA) or a taxonomy code (--taxonomy 2080P0207X), or both.")
        for state in self.states:
            if not re.fullmatch(r"[A-Z]{2}", state):
                raise NppesFileError(f"--state {state}: write the two-letter state code, for example CA.")
        known = set(Specialty.objects.exclude(taxonomy_code="").values_list("taxonomy_code", flat=True))
        for code in self.taxonomies:
            if code not in known:
                raise NppesFileError(
                    f"--taxonomy {code}: no specialty in the directory has this NUCC code. "
                    "Add the specialty in the admin (Find a Doctor → Specialties) first."
                )

    def run(self):
        """Import (or check, on a dry run); returns the NppesReport. Raises NppesFileError for an unusable file."""
        self.check_options()
        if not self.path.is_file():
            raise NppesFileError(f"There is no file at {self.path}.")
        with self.path.open("rb") as raw, transaction.atomic():
            self._read(raw)
            if self.report.errors or self.dry_run:
                transaction.set_rollback(True)
        return self.report

    def _read(self, raw):
        header_line = raw.readline()
        if not header_line.strip():
            raise NppesFileError(f"{self.path} is empty.")
        self.header = self._header(header_line)
        self.index = {name: position for position, name in enumerate(self.header)}
        self.sex_column = next((name for name in SEX_COLUMNS if name in self.index), None)
        self.our_npis = set(Provider.objects.values_list("npi", flat=True))
        # A matching line contains one of the states' text and one of the taxonomy codes' text (each option
        # that was given): most lines lack them and are never parsed. Repeated options are alternatives.
        needle_groups = [
            group
            for group in ([state.encode() for state in self.states], [code.encode() for code in self.taxonomies])
            if group
        ]
        self.state = importer.ValidationState()
        self.locations_by_address = {
            (loc.street.upper(), loc.zip_code[:5]): loc for loc in self.state.lookups.locations.values()
        }
        chunk, pending, line_number = [], len(header_line), 1
        for raw_line in raw:
            line_number += 1
            pending += len(raw_line)
            if self.progress is not None and pending >= PROGRESS_STEP_BYTES:
                self.progress.update(pending)
                pending = 0
            self.report.read += 1
            npi = raw_line[:12].split(b",", 1)[0].strip(b'"').decode("ascii", "replace")
            if npi not in self.our_npis and not all(
                any(needle in raw_line for needle in group) for group in needle_groups
            ):
                self.report.outside += 1  # cannot match: skipped without parsing 330 columns
                continue
            row = self._parse(raw_line, line_number)
            chunk.append((line_number, row))
            if len(chunk) >= CHUNK_ROWS:
                self._chunk(chunk)
                chunk = []
        if chunk:
            self._chunk(chunk)
        if self.progress is not None:
            self.progress.update(pending)

    def _header(self, line):
        try:
            text = line.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise NppesFileError(f"{self.path} is not a UTF-8 CSV file: is it the NPPES data file?") from None
        header = next(csv.reader(io.StringIO(text)))
        missing = [name for name in REQUIRED_COLUMNS if name not in header]
        if missing:
            shown = ", ".join(missing[:6]) + (f" and {len(missing) - 6} more" if len(missing) > 6 else "")
            raise NppesFileError(
                f"{self.path.name} is not the NPPES main data file (npidata_pfile_….csv): it has no column {shown}. "
                "The othername, pl and endpoint files of the same download are not what this command reads."
            )
        return header

    def _parse(self, raw_line, line_number):
        try:
            values = next(csv.reader([raw_line.decode("utf-8")]))
        except (UnicodeDecodeError, csv.Error, StopIteration):
            raise NppesFileError(f"Line {line_number} cannot be read as CSV text.") from None
        if len(values) != len(self.header):
            raise NppesFileError(
                f"Line {line_number} has {len(values)} values but the header has {len(self.header)} columns: "
                "the file is cut short or damaged. Download it again."
            )
        return dict(zip(self.header, (value.strip() for value in values), strict=True))

    def _deactivated(self, row, line):
        deactivated = row["NPI Deactivation Date"]
        if not deactivated:
            return False
        deactivated_on, reactivated = _date(deactivated, line), row["NPI Reactivation Date"]
        return not reactivated or _date(reactivated, line) < deactivated_on

    def _matches(self, row):
        codes = {row[f"Healthcare Provider Taxonomy Code_{slot}"].upper() for slot in range(1, TAXONOMY_SLOTS + 1)}
        in_state = not self.states or row[STATE].upper() in self.states
        return in_state and (not self.taxonomies or bool(codes & self.taxonomies))

    def _chunk(self, chunk):
        existing = {
            p.npi: p
            for p in Provider.objects.filter(npi__in=[row["NPI"] for _line, row in chunk]).prefetch_related(
                "provider_locations__location"
            )
        }
        rows = []
        for line, row in chunk:
            npi = row["NPI"]
            if self._deactivated(row, line):
                self._deactivate(existing.get(npi), line, npi)
                continue
            if row["Entity Type Code"] != "1" or not self._matches(row):
                self.report.outside += 1
                continue
            mapped = self._row(row, line, existing.get(npi))
            if mapped is not None:
                rows.append((line, mapped))
        if not rows:
            return
        header = list(rows[0][1])
        report = importer.validate_rows(header, rows, self.state)
        for ok, text in importer.report_lines(report):
            self.emit(ok, text)
        self.report.errors += len(report.errors)
        if not self.report.errors:
            importer.save(report)
            self.report.created += report.created
            self.report.updated += report.updated

    def _deactivate(self, provider, line, npi):
        if provider is None:
            return
        if provider.active:
            provider.active = False
            provider.save(update_fields=["active", "updated_at"])
        self.report.deactivated += 1
        self.emit(True, f"Line {line} (NPI {npi}): deactivated in NPPES, {provider.display_name} is now inactive")

    def _skip(self, line, npi, why):
        self.report.skipped += 1
        self.emit(True, f"Line {line} (NPI {npi}): skipped: {why}")

    def _row(self, row, line, provider):
        """The importer's row for an NPPES row, or None (skipped, with the reason noted)."""
        npi = row["NPI"]
        specialties = self.state.lookups.specialties
        codes = []
        for slot in range(1, TAXONOMY_SLOTS + 1):
            code = row[f"Healthcare Provider Taxonomy Code_{slot}"].upper()
            if code not in specialties:
                continue
            if row[f"Healthcare Provider Primary Taxonomy Switch_{slot}"].upper() == "Y":
                codes.insert(0, code)
            else:
                codes.append(code)
        codes = list(dict.fromkeys(codes))
        if not codes:
            self._skip(line, npi, "none of their taxonomy codes is a specialty the directory lists.")
            return None
        ours = credential(row["Provider Credential Text"])
        if ours is None:
            self._skip(line, npi, f"the credential {row['Provider Credential Text']!r} is not one the directory shows.")
            return None
        if provider is not None and provider.location_list:
            # Editors keep each provider's clinics; NPPES's practice address is often a billing office.
            locations = [link.location.name for link in provider.location_list]
        else:
            location = self._location(row, line, npi)
            if location is None:
                return None
            locations = [location.name]
        sex = SEXES.get(row.get(self.sex_column, "").upper(), "") if self.sex_column else ""
        return {
            "npi": npi,
            "first_name": _name(row["Provider First Name"]),
            "last_name": _name(row["Provider Last Name (Legal Name)"]),
            "credentials": ours,
            "primary_specialty": codes[0],
            "specialties": ";".join(codes[1:]),
            "locations": ";".join(locations),
            "gender": sex or (provider.gender if provider is not None else ""),
        }

    def _location(self, row, line, npi):
        """The practice location: a clinic we have at that address, or a new one (None when it cannot be placed)."""
        zip5 = geo.normalize_zip(row[POSTAL_CODE][:5])
        if not zip5 or geo.zip_coordinates(zip5) is None:
            self._skip(line, npi, f"the practice ZIP code {row[POSTAL_CODE]!r} is not a US ZIP code we know.")
            return None
        street = _name(" ".join(part for part in (row[STREET], row[STREET_2]) if part))
        found = self.locations_by_address.get((street.upper(), zip5))
        if found is not None:
            return found
        city, state = _name(row[CITY]), row[STATE].upper()
        name = f"{street}, {city}, {state} {zip5}"[:160]
        same_name = self.state.lookups.locations.get(name.lower())
        if same_name is not None:
            return same_name
        phone = _phone(row[PHONE])
        try:
            validate_phone(phone)
        except ValidationError:
            phone = ""  # a number libphonenumber rejects: the clinic is kept without one
        location = Location(name=name, street=street[:200], city=city[:100], state=state, zip_code=zip5, phone=phone)
        try:
            location.full_clean()
        except ValidationError as error:
            problems = "; ".join(message for messages in error.message_dict.values() for message in messages)
            self._skip(line, npi, f"its practice address cannot be a clinic here ({problems})")
            return None
        location.save()
        self.locations_by_address[(street.upper(), zip5)] = location
        self.state.lookups.locations[location.name.strip().lower()] = location
        return location
