"""Build demo content for a first run. Safe to run again: it changes nothing the second time."""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from hospital_site import demo


class Command(BaseCommand):
    help = "Load demo content (site settings, pages, a local admin). Refuses to run under production settings."

    def handle(self, *args, **options):
        if not getattr(settings, "ALLOW_DEMO_CONTENT", False):
            raise CommandError(
                "Demo content is disabled under these settings (ALLOW_DEMO_CONTENT is off). "
                "It must never be loaded into a live site."
            )
        with transaction.atomic():
            demo.load_site_settings()
            demo.load_home_page()
            for step in self.extra_steps():
                step()
            self.ensure_admin()
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def extra_steps(self):
        """Steps other apps add (condition pages, demo doctors), in order."""
        from conditions.demo import load_condition_pages
        from providers.demo import load_demo_providers

        return [
            load_condition_pages,
            load_demo_providers,
            demo.load_spanish_site_settings,
            demo.load_spanish_pages,
            demo.load_search_promotions,
        ]

    def ensure_admin(self):
        """A local superuser for development. The password is printed once, when it is created."""
        User = get_user_model()
        username = os.environ.get("DEMO_ADMIN_USERNAME", "admin")
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Admin user '{username}' already exists; its password is unchanged.")
            return
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email=f"{username}@example.invalid", password=password)
        shown = "(from DEMO_ADMIN_PASSWORD)" if os.environ.get("DEMO_ADMIN_PASSWORD") else password
        self.stdout.write(
            self.style.WARNING(
                f"Created a development admin at /{settings.ADMIN_URL_PATH}: username '{username}', password {shown}\n"
                "This is shown once. Change it with: manage.py changepassword " + username
            )
        )
