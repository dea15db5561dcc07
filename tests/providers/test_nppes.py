"""manage.py import_nppes: the NPPES monthly file, streamed, through the provider importer, all or nothing."""

import tracemalloc

import pytest
from django.core.management import CommandError, call_command

from providers.models import Location, Provider
from providers.nppes import NPPES_COLUMNS, NppesImport, credential
from tests.providers import factories
from tests.providers import nppes_file as nf

HEM_ONC, CARDIOLOGY = "2080P0207X", "2080P0202X"


@pytest.fixture
def reference_data(db):
    factories.hem_onc()
    factories.cardiology()
    return factories.location("Main Campus", street="2801 Atlantic Avenue")


def run(path, *args, capsys):
    call_command("import_nppes", str(path), "--no-progress", *args)
    return capsys.readouterr().out


def npi(number):
    return factories.valid_npi(number)


def test_the_generator_writes_the_real_header():
    """Facts of the published layout: 330 columns, and these names at these places."""
    assert len(NPPES_COLUMNS) == len(set(NPPES_COLUMNS)) == 330
    assert NPPES_COLUMNS[:2] == ["NPI", "Entity Type Code"]
    assert NPPES_COLUMNS[5:7] == ["Provider Last Name (Legal Name)", "Provider First Name"]
    assert NPPES_COLUMNS[10] == "Provider Credential Text"
    assert NPPES_COLUMNS[28] == "Provider First Line Business Practice Location Address"
    assert NPPES_COLUMNS[34] == "Provider Business Practice Location Address Telephone Number"
    assert NPPES_COLUMNS[39:41] == ["NPI Deactivation Date", "NPI Reactivation Date"]
    assert NPPES_COLUMNS[47] == "Healthcare Provider Taxonomy Code_1"
    assert NPPES_COLUMNS[106] == "Healthcare Provider Primary Taxonomy Switch_15"
    assert NPPES_COLUMNS[107] == "Other Provider Identifier_1"
    assert NPPES_COLUMNS[329] == "Certification Date"


@pytest.mark.parametrize(
    "text,ours",
    [("M.D.", "MD"), ("MD, MPH", "MD"), ("D.O.", "DO"), ("MD PHD", "MD, PhD"), ("PA-C", "PA-C"), ("L.Ac.", None)],
)
def test_credential_text_is_read_word_by_word(text, ours):
    assert credential(text) == ours


def test_import_by_state_and_taxonomy(tmp_path, reference_data, capsys):
    existing = factories.provider("Old", "Name", npi=npi(500), locations=[reference_data])
    leaving = factories.provider("Lea", "Ving", npi=npi(501))
    rows = [
        nf.individual(npi(1), "ana", "alvarez", "M.D.", taxonomies=[(HEM_ONC, True)]),
        nf.individual(npi(2), "ben", "baker", "D.O.", taxonomies=[(CARDIOLOGY, True), (HEM_ONC, False)],
                      **{"Provider Sex Code": "M"}),
        nf.individual(npi(3), "nev", "ada", state="NV", postal_code="89101", taxonomies=[(HEM_ONC, True)]),
        nf.individual(npi(4), "carl", "cardio", taxonomies=[(CARDIOLOGY, True)]),
        nf.organization(npi(5), "A CLINIC", **{"Healthcare Provider Taxonomy Code_1": HEM_ONC}),
        nf.individual(npi(500), "olga", "newname", "MD", taxonomies=[(HEM_ONC, True)],
                      **{"Provider First Line Business Practice Location Address": "9 ELSEWHERE ST"}),
        nf.deactivated(npi(501)),
        nf.individual(npi(6), "lee", "acupuncture", "L.Ac.", taxonomies=[(HEM_ONC, True)]),
        nf.individual(npi(7), "rea", "back", taxonomies=[(HEM_ONC, True)],
                      **{"NPI Deactivation Date": "01/02/2020", "NPI Reactivation Date": "03/04/2021"}),
    ]  # fmt: skip
    path = nf.write(tmp_path / "npidata_pfile_20240101-20240107.csv", rows)

    out = run(path, "--state", "CA", "--taxonomy", HEM_ONC, capsys=capsys)

    assert "Imported: 9 rows read: 3 created, 1 updated, 1 deactivated, 1 skipped, 3 outside the filters." in out
    assert f"(NPI {npi(6)}): skipped: the credential 'L.Ac.' is not one the directory shows." in out
    ana = Provider.objects.get(npi=npi(1))
    assert (ana.display_name, ana.gender, ana.active) == ("Ana Alvarez, MD", "female", True)
    assert [s.taxonomy_code for s in ana.specialty_list] == [HEM_ONC]
    # Her practice address (2801 Atlantic Ave, 90806) becomes a clinic, placed on the map from its ZIP code.
    clinic = ana.provider_locations.get().location
    assert (clinic.street, clinic.city, clinic.state, clinic.zip_code) == (
        "2801 Atlantic Ave",
        "Long Beach",
        "CA",
        "90806",
    )
    assert clinic.latitude and clinic.phone == "(562) 933-5437"
    ben = Provider.objects.get(npi=npi(2))
    assert ben.primary_specialty.taxonomy_code == CARDIOLOGY
    assert {s.taxonomy_code for s in ben.specialties.all()} == {CARDIOLOGY, HEM_ONC}
    assert ben.provider_locations.get().location == clinic  # one clinic per address
    assert ben.gender == "male"
    assert Provider.objects.get(npi=npi(7)).active
    assert not Provider.objects.filter(npi__in=[npi(3), npi(4), npi(5), npi(6)]).exists()
    existing.refresh_from_db()
    assert existing.display_name == "Olga Newname, MD"
    assert [link.location for link in existing.location_list] == [reference_data]  # editors' clinics are kept
    leaving.refresh_from_db()
    assert leaving.active is False


def test_repeated_states_and_taxonomies_are_alternatives(tmp_path, reference_data, capsys):
    rows = [
        nf.individual(npi(1), "cal", "hemonc", taxonomies=[(HEM_ONC, True)]),
        nf.individual(npi(2), "nev", "hemonc", state="NV", postal_code="89101", taxonomies=[(HEM_ONC, True)]),
        nf.individual(npi(3), "cal", "cardio", taxonomies=[(CARDIOLOGY, True)]),
        nf.individual(npi(4), "tex", "hemonc", state="TX", postal_code="77030", taxonomies=[(HEM_ONC, True)]),
        nf.individual(npi(5), "cal", "family", taxonomies=[("207Q00000X", True)]),
    ]  # fmt: skip
    path = nf.write(tmp_path / "npidata.csv", rows)

    out = run(path, "--state", "CA", "--state", "NV", "--taxonomy", HEM_ONC, "--taxonomy", CARDIOLOGY, capsys=capsys)

    assert "3 created" in out and "2 outside the filters" in out
    assert set(Provider.objects.values_list("npi", flat=True)) == {npi(1), npi(2), npi(3)}


def test_one_bad_row_imports_nothing_and_says_which(tmp_path, reference_data, capsys):
    leaving = factories.provider("Lea", "Ving", npi=npi(501))
    bad_npi = npi(2)[:-1] + str((int(npi(2)[-1]) + 1) % 10)
    rows = [
        nf.individual(npi(1), "ana", "alvarez", taxonomies=[(HEM_ONC, True)]),
        nf.deactivated(npi(501)),
        nf.individual(bad_npi, "ben", "baker", taxonomies=[(HEM_ONC, True)], postal_code="90731"),
    ]
    path = nf.write(tmp_path / "npidata.csv", rows)
    before = Location.objects.count()

    with pytest.raises(CommandError, match="1 with errors. Nothing was imported"):
        run(path, "--taxonomy", HEM_ONC, capsys=capsys)

    out = capsys.readouterr().out
    assert f"Line 4 (NPI {bad_npi}): npi: {bad_npi} is not a valid NPI" in out
    assert not Provider.objects.filter(npi=npi(1)).exists()
    assert Location.objects.count() == before
    leaving.refresh_from_db()
    assert leaving.active


def test_a_dry_run_saves_nothing(tmp_path, reference_data, capsys):
    path = nf.write(tmp_path / "npidata.csv", [nf.individual(npi(1), "ana", "alvarez", taxonomies=[(HEM_ONC, True)])])

    out = run(path, "--taxonomy", HEM_ONC, "--dry-run", capsys=capsys)

    assert "Dry run: 1 rows read: 1 to create" in out and f"(NPI {npi(1)}): OK, will create Ana Alvarez, MD" in out
    assert not Provider.objects.filter(npi=npi(1)).exists()
    assert Location.objects.count() == 1


def written(path, content):
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    return path


@pytest.mark.parametrize(
    "make,message",
    [
        (lambda p: p, "There is no file at"),
        (lambda p: written(p, ""), "is empty"),
        (lambda p: written(p, b"\xff\xfe\x00garbage\n"), "is not a UTF-8 CSV file"),
        (lambda p: written(p, "npi,first_name,last_name\n1234567893,Ana,Example\n"), "is not the NPPES main data file"),
        (lambda p: nf.write(p, [{"NPI": npi(1)}], columns=["NPI", "Provider Other Organization Name"]),
         "is not the NPPES main data file"),
        (lambda p: written(nf.write(p, [nf.individual(npi(1), "a", "b", taxonomies=[(HEM_ONC, True)])]),
                           p.read_text().rsplit(",", 100)[0] + "\n"),
         "Line 2 has 230 values but the header has 330 columns"),
        (lambda p: nf.write(p, [nf.deactivated(npi(500), date="2024-03-15")]), "is not a date"),
    ],
    ids=["missing", "empty", "binary", "our own csv", "another nppes file", "cut short", "bad date"],
)  # fmt: skip
def test_bad_files_get_a_clear_answer(tmp_path, reference_data, capsys, make, message):
    factories.provider("Old", "Name", npi=npi(500))
    path = make(tmp_path / "npidata.csv")
    with pytest.raises(CommandError, match=message):
        run(path, "--taxonomy", HEM_ONC, capsys=capsys)


@pytest.mark.parametrize(
    "options,message",
    [
        ([], "Choose a state"),
        (["--taxonomy", "207Q00000X"], "no specialty in the directory has this NUCC code"),
        (["--state", "California"], "two-letter state code"),
    ],
)
def test_options_are_checked_first(tmp_path, reference_data, capsys, options, message):
    path = nf.write(tmp_path / "npidata.csv", [])
    with pytest.raises(CommandError, match=message):
        run(path, *options, capsys=capsys)


class Progress:
    def __init__(self):
        self.n = 0

    def update(self, amount):
        self.n += amount


def _filler(count):
    return [nf.individual(npi(10_000 + n), "fill", f"er{n}", state="NY", postal_code="10001",
                          taxonomies=[("207Q00000X", True)]) for n in range(count)]  # fmt: skip


def peak_memory(path):
    tracemalloc.start()
    NppesImport(path, taxonomies=[HEM_ONC]).run()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def test_the_file_is_streamed_in_flat_memory_with_progress(tmp_path, reference_data):
    wanted = [nf.individual(npi(1), "ana", "alvarez", taxonomies=[(HEM_ONC, True)])]
    small = nf.write(tmp_path / "small.csv", wanted + _filler(500))
    large = nf.write(tmp_path / "large.csv", wanted + _filler(10_000))
    assert large.stat().st_size > 10 * small.stat().st_size

    assert peak_memory(large) < 2 * peak_memory(small)

    progress = Progress()
    NppesImport(large, taxonomies=[HEM_ONC], progress=progress).run()
    assert progress.n == large.stat().st_size
