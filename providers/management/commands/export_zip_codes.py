"""Write the ZIP code table Find a Doctor reads (providers/data/us_zip_codes.tsv) from the zipcodes package.

A development tool: run it when a newer ``zipcodes`` release brings new ZIP codes,
then commit the file. The site itself never imports ``zipcodes`` (docs/dependencies.md).
"""

from django.core.management.base import BaseCommand, CommandError

from providers import geo

COLUMNS = ["zip", "latitude", "longitude", "city", "state", "type", "active", "area_code"]


def table_lines(records, version):
    """The file's lines: a comment saying where it came from, the column names, one ZIP code per line."""
    yield f"# US ZIP codes: centroid, USPS city and state, type, first area code. From zipcodes {version};"
    yield "# regenerate with: manage.py export_zip_codes"
    yield "\t".join(COLUMNS)
    for record in sorted(records, key=lambda record: record["zip_code"]):
        if not (record.get("lat") and record.get("long")):
            continue
        for field in ("lat", "long"):
            if len(record[field].partition(".")[2]) > geo.COORDINATE_DECIMALS:
                raise CommandError(f"{record['zip_code']}: {field} {record[field]} has more decimals than we keep")
        fields = [
            record["zip_code"],
            record["lat"],
            record["long"],
            record["city"],
            record["state"],
            record["zip_code_type"],
            "1" if record["active"] else "0",
            (record["area_codes"] or [""])[0],
        ]
        if any("\t" in field or "\n" in field for field in fields):
            raise CommandError(f"{record['zip_code']}: a field holds a tab or a line break")
        yield "\t".join(fields)


class Command(BaseCommand):
    help = "Write providers/data/us_zip_codes.tsv from the zipcodes package (pip install -r requirements-dev.txt)."

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(geo.ZIP_DATA_FILE), help="Where to write the table.")

    def handle(self, *args, output, **options):
        try:
            import zipcodes
        except ImportError as error:
            raise CommandError("zipcodes is a development dependency: pip install -r requirements-dev.txt") from error
        lines = list(table_lines(zipcodes.list_all(), zipcodes.__version__))
        with open(output, "w", encoding="utf-8", newline="\n") as file:
            file.write("\n".join(lines) + "\n")
        self.stdout.write(f"Wrote {len(lines) - 3:,} ZIP codes to {output}")
