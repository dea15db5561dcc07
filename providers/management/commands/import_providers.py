"""``manage.py import_providers FILE.csv [--dry-run]``: add or update providers from a spreadsheet."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from providers import importer


def _columns_help():
    lines = []
    for name, (required, meaning) in importer.COLUMNS.items():
        lines.append(f"  {name}{' (required)' if required else ''}: {meaning}")
    return "\n".join(lines)


class Command(BaseCommand):
    help = (
        "Import providers from a UTF-8 CSV file with a header row. Each row is matched to an existing "
        "provider by NPI (updated) or creates a new one. Every row is checked first; if any row has an "
        "error, the report lists it and nothing is saved. Columns (see providers/IMPORT.md):\n" + _columns_help()
    )

    def create_parser(self, *args, **kwargs):
        from argparse import RawDescriptionHelpFormatter

        parser = super().create_parser(*args, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the CSV file.")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and report; save nothing.")

    def handle(self, *args, file, dry_run, **options):
        path = Path(file)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError as error:
            raise CommandError(f"There is no file at {path}.") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"{path} is not UTF-8 text. Save the spreadsheet as 'CSV UTF-8'.") from error
        try:
            report = importer.validate(text)
        except importer.ImportFileError as error:
            raise CommandError(str(error)) from error

        for ok, line in importer.report_lines(report):
            self.stdout.write(line if ok else self.style.ERROR(line))

        summary = f"{len(report.rows)} rows: {report.created} to create, {report.updated} to update"
        if report.errors:
            raise CommandError(
                f"{summary}, {len(report.errors)} with errors. Nothing was imported; fix the rows above."
            )
        if dry_run:
            self.stdout.write(self.style.WARNING(f"Dry run: {summary}. Nothing was saved."))
            return
        try:
            importer.save(report)
        except importer.ImportSaveError as error:
            raise CommandError(f"{error}. Nothing was imported: every row was rolled back.") from error
        self.stdout.write(
            self.style.SUCCESS(f"Imported {summary.replace('to create', 'created').replace('to update', 'updated')}.")
        )
