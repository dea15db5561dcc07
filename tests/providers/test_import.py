"""Bulk import from CSV: a per-row report, upsert by NPI, --dry-run, and all-or-nothing."""

import pytest
from django.core.management import CommandError, call_command

from providers.models import Provider, ProviderLocation
from tests.providers import factories

HEADER = (
    "npi,first_name,last_name,credentials,primary_specialty,locations,languages,conditions,accepting_new_patients\n"
)


@pytest.fixture
def reference_data(home_page, all_page):
    factories.hem_onc()
    factories.cardiology()
    factories.location("Main Campus")
    factories.location("Torrance Clinic", zip_code="90505", city="Torrance")


def write(tmp_path, text, name="providers.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(path, *args, capsys):
    call_command("import_providers", str(path), *args)
    return capsys.readouterr().out


def good_rows():
    return (
        HEADER
        + f"{factories.valid_npi(901)},Ana,Example,MD,2080P0207X,Main Campus,en;es,acute-lymphoblastic-leukemia,yes\n"
        + f"{factories.valid_npi(902)},Ben,Sample,DO,pediatric-cardiology,Torrance Clinic;Main Campus,English,,no\n"
    )


def test_import_creates_providers_with_their_relations(tmp_path, reference_data, all_page, capsys):
    out = run(write(tmp_path, good_rows()), capsys=capsys)

    assert "Imported 2 rows: 2 created, 0 updated" in out
    ana = Provider.objects.get(npi=factories.valid_npi(901))
    assert ana.display_name == "Ana Example, MD"
    assert ana.slug == "ana-example-md"
    assert [s.slug for s in ana.specialties.all()] == ["pediatric-hematology-oncology"]
    assert list(ana.conditions.all()) == [all_page]
    assert sorted(ana.languages.values_list("code", flat=True)) == ["en", "es"]
    ben = Provider.objects.get(npi=factories.valid_npi(902))
    assert [pl.location.name for pl in ben.provider_locations.order_by("sort_order")] == [
        "Torrance Clinic",
        "Main Campus",
    ]
    assert ben.accepting_new_patients is False
    # Imported providers are searchable straight away.
    assert list(Provider.objects.search("leukemia")) == [ana]


def test_dry_run_reports_and_saves_nothing(tmp_path, reference_data, capsys):
    out = run(write(tmp_path, good_rows()), "--dry-run", capsys=capsys)

    assert f"Line 2 (NPI {factories.valid_npi(901)}): OK, will create Ana Example, MD" in out
    assert "Dry run: 2 rows: 2 to create, 0 to update. Nothing was saved." in out
    assert Provider.objects.count() == 0


def test_importing_again_updates_by_npi(tmp_path, reference_data, capsys):
    run(write(tmp_path, good_rows()), capsys=capsys)
    updated = HEADER + f"{factories.valid_npi(901)},Ana,Example-Ruiz,MD,2080P0207X,Torrance Clinic,es,,no\n"

    out = run(write(tmp_path, updated, "again.csv"), capsys=capsys)

    assert "Imported 1 rows: 0 created, 1 updated" in out
    assert Provider.objects.count() == 2
    ana = Provider.objects.get(npi=factories.valid_npi(901))
    assert ana.last_name == "Example-Ruiz"
    assert ana.accepting_new_patients is False
    assert list(ana.languages.values_list("code", flat=True)) == ["es"]
    assert list(ana.conditions.all()) == []
    assert [pl.location.name for pl in ana.provider_locations.all()] == ["Torrance Clinic"]


def test_an_update_keeps_the_per_location_phone_an_editor_set(tmp_path, reference_data, capsys):
    run(write(tmp_path, good_rows()), capsys=capsys)
    ana = Provider.objects.get(npi=factories.valid_npi(901))
    link = ana.provider_locations.get()
    link.phone = "(562) 555-0177"
    link.save()

    run(write(tmp_path, good_rows(), "again.csv"), capsys=capsys)

    assert ana.provider_locations.get().phone == "(562) 555-0177"


def test_a_bad_file_changes_nothing_and_reports_every_bad_row(tmp_path, reference_data, capsys):
    existing = factories.provider("Keep", "Me", npi=factories.valid_npi(901))
    bad = (
        HEADER
        + f"{factories.valid_npi(902)},Good,Row,MD,2080P0207X,Main Campus,en,,yes\n"
        + "1234567890,Bad,Npi,MD,2080P0207X,Main Campus,en,,yes\n"
        + f"{factories.valid_npi(901)},Keep,Changed,XX,nope,Nowhere,klingon,not-a-page,maybe\n"
        + f"{factories.valid_npi(902)},Twice,Listed,MD,2080P0207X,Main Campus,en,,yes\n"
    )

    with pytest.raises(CommandError, match="3 with errors. Nothing was imported"):
        run(write(tmp_path, bad), capsys=capsys)
    out = capsys.readouterr().out

    assert "Line 3 (NPI 1234567890): npi: 1234567890 is not a valid NPI" in out
    assert f"Line 4 (NPI {factories.valid_npi(901)}): primary_specialty: we have no specialty 'nope'." in out
    assert "locations: we have no location 'Nowhere'." in out
    assert "languages: we have no language 'klingon'." in out
    assert "conditions: we have no condition 'not-a-page'." in out
    assert "accepting_new_patients: write yes or no" in out
    assert "credentials: Value 'XX' is not a valid choice." in out
    assert f"npi: {factories.valid_npi(902)} is also on line 2" in out
    # Nothing was saved, not even the good row, and the existing provider is untouched.
    assert Provider.objects.count() == 1
    existing.refresh_from_db()
    assert existing.last_name == "Me"


def test_a_database_error_midway_rolls_everything_back(tmp_path, reference_data, capsys, monkeypatch):
    calls = {"n": 0}
    original_save = Provider.save

    def fail_on_second(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return original_save(self, *args, **kwargs)

    monkeypatch.setattr(Provider, "save", fail_on_second)

    with pytest.raises(RuntimeError, match="disk full"):
        run(write(tmp_path, good_rows()), capsys=capsys)

    assert Provider.objects.count() == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The file is empty"),
        ("npi,first_name\n1234567893,Ana\n", "missing required columns: last_name, credentials"),
        (HEADER.strip() + ",favourite_colour\n", "unknown columns: favourite_colour"),
    ],
)
def test_a_file_with_the_wrong_columns_is_refused(tmp_path, reference_data, capsys, text, message):
    with pytest.raises(CommandError, match=message):
        run(write(tmp_path, text), capsys=capsys)


def test_a_missing_file_is_a_clear_error(tmp_path, db, capsys):
    with pytest.raises(CommandError, match="There is no file at"):
        run(tmp_path / "nope.csv", capsys=capsys)


def test_the_help_documents_the_columns(capsys):
    with pytest.raises(SystemExit):
        call_command("import_providers", "--help")
    out = capsys.readouterr().out

    for column in ["npi", "primary_specialty", "locations", "languages", "conditions", "accepting_new_patients"]:
        assert column in out


# A real database refusing a row that passed validation: a trigger, on SQLite and on PostgreSQL.
REFUSE_TRIGGER = {
    "sqlite": [
        "CREATE TRIGGER refuse_npi BEFORE INSERT ON providers_provider WHEN NEW.npi = '{npi}' "
        "BEGIN SELECT RAISE(ABORT, 'refused by the fault test'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION refuse_npi() RETURNS trigger AS $$ BEGIN "
        "RAISE EXCEPTION 'refused by the fault test'; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER refuse_npi BEFORE INSERT ON providers_provider FOR EACH ROW "
        "WHEN (NEW.npi = '{npi}') EXECUTE FUNCTION refuse_npi()",
    ],
}
DROP_TRIGGER = {
    "sqlite": ["DROP TRIGGER IF EXISTS refuse_npi"],
    "postgresql": ["DROP TRIGGER IF EXISTS refuse_npi ON providers_provider", "DROP FUNCTION IF EXISTS refuse_npi()"],
}


@pytest.fixture
def database_refuses(transactional_db):
    """Make the database itself refuse to insert a provider with a given NPI, until the test ends."""
    from django.db import connection

    def refuse(npi):
        with connection.cursor() as cursor:
            for statement in REFUSE_TRIGGER[connection.vendor]:
                cursor.execute(statement.replace("{npi}", npi))

    yield refuse
    with connection.cursor() as cursor:
        for statement in DROP_TRIGGER[connection.vendor]:
            cursor.execute(statement)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_row_the_database_refuses_after_good_ones_leaves_the_database_as_it_was(
    tmp_path, reference_data, database_refuses, capsys
):
    """Real transactions (no test-wide transaction around them): what is committed is what stays."""
    from django.db import connection

    kept = factories.provider("Keep", "Me", npi=factories.valid_npi(903))
    before = {
        "providers": sorted(Provider.objects.values_list("npi", "last_name")),
        "links": ProviderLocation.objects.count(),
        "languages": Provider.languages.through.objects.count(),
    }
    rows = (
        HEADER
        + f"{factories.valid_npi(901)},Ana,Example,MD,2080P0207X,Main Campus,en;es,acute-lymphoblastic-leukemia,yes\n"
        + f"{factories.valid_npi(903)},Keep,Changed,MD,2080P0207X,Torrance Clinic,es,,no\n"
        + f"{factories.valid_npi(902)},Ben,Sample,DO,pediatric-cardiology,Torrance Clinic,English,,no\n"
    )
    database_refuses(factories.valid_npi(902))  # the last of three rows, after a create and an update

    with pytest.raises(CommandError) as raised:
        run(write(tmp_path, rows), capsys=capsys)

    message = str(raised.value)
    assert f"Line 4 (NPI {factories.valid_npi(902)}): the database refused this row" in message
    assert "refused by the fault test" in message
    assert "Nothing was imported: every row was rolled back." in message
    # Ana (created) and Keep (updated) were saved before the refusal; neither change stayed.
    assert connection.get_autocommit(), "no transaction is left open around the check"
    assert {
        "providers": sorted(Provider.objects.values_list("npi", "last_name")),
        "links": ProviderLocation.objects.count(),
        "languages": Provider.languages.through.objects.count(),
    } == before
    kept.refresh_from_db()
    assert kept.last_name == "Me"
