"""``manage.py import_nppes npidata_pfile.csv --state CA --taxonomy 2080P0207X [--dry-run]``: clinicians from NPPES."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from providers import nppes


class Command(BaseCommand):
    help = (
        "Add or update clinicians from the NPPES monthly data file (npidata_pfile_YYYYMMDD-YYYYMMDD.csv, about "
        "10 GB) for a state and/or NUCC taxonomy code, matched by NPI, through the same all-or-nothing importer "
        "and report as import_providers. Deactivated NPIs in the directory are marked inactive. The file is read "
        "as a stream: memory stays flat. See providers/IMPORT.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The NPPES main data file (npidata_pfile_….csv).")
        parser.add_argument(
            "--state", action="append", default=[], help="Practice location state, e.g. CA (repeatable)."
        )
        parser.add_argument(
            "--taxonomy", action="append", default=[], help="NUCC taxonomy code, e.g. 2080P0207X (repeatable)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Check and report; save nothing.")
        parser.add_argument(
            "--no-progress", action="store_true", help="No progress bar (it is off anyway when not on a terminal)."
        )

    def handle(self, *args, file, state, taxonomy, dry_run, no_progress, verbosity, **options):
        def emit(ok, text):
            if not ok:
                self.stdout.write(self.style.ERROR(text))
            elif verbosity >= 1:
                self.stdout.write(text)

        path = Path(file)
        size = path.stat().st_size if path.is_file() else 0
        progress = tqdm(
            total=size, unit="B", unit_scale=True, desc="NPPES", file=sys.stderr,
            disable=True if no_progress else None, leave=False,
        )  # fmt: skip
        run = nppes.NppesImport(file, states=state, taxonomies=taxonomy, dry_run=dry_run, progress=progress, emit=emit)
        try:
            report = run.run()
        except nppes.NppesFileError as error:
            raise CommandError(str(error)) from error
        except nppes.importer.ImportSaveError as error:
            raise CommandError(f"{error}. Nothing was imported: every row was rolled back.") from error
        finally:
            progress.close()

        summary = (
            f"{report.read:,} rows read: {report.created} to create, {report.updated} to update, "
            f"{report.deactivated} deactivated, {report.skipped} skipped, {report.outside:,} outside the filters"
        )
        if report.errors:
            raise CommandError(f"{summary}, {report.errors} with errors. Nothing was imported; see the lines above.")
        if dry_run:
            self.stdout.write(self.style.WARNING(f"Dry run: {summary}. Nothing was saved."))
            return
        done = summary.replace("to create", "created").replace("to update", "updated")
        self.stdout.write(self.style.SUCCESS(f"Imported: {done}."))
