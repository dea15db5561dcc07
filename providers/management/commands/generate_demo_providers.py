"""``manage.py generate_demo_providers --count N``: fictional, seeded providers for demos and benchmarks."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from providers import demo


class Command(BaseCommand):
    help = (
        "Make sure N fictional demo providers exist (is_demo=True, labelled 'Demo profile — fictional'). "
        "Deterministic: provider number i is always the same person, so a bigger N only adds providers, "
        "and running it twice changes nothing. Refuses to run where demo content is not allowed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="How many demo providers should exist.")

    def handle(self, *args, count, **options):
        if not getattr(settings, "ALLOW_DEMO_CONTENT", False):
            raise CommandError(
                "Demo providers are disabled under these settings (ALLOW_DEMO_CONTENT is off). "
                "Fictional doctors must never reach a live site."
            )
        if count < 0 or count > 1_000_000:
            raise CommandError("--count must be between 0 and 1,000,000.")
        created = demo.generate_providers(count, stdout=self.stdout if options["verbosity"] > 1 else None)
        self.stdout.write(self.style.SUCCESS(f"{created:,} demo providers created; {count:,} requested in total."))
