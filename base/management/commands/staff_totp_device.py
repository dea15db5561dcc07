"""Set up (or replace) a member of staff's authenticator app for two-step sign-in."""

import base64

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Give a member of staff a new authenticator (TOTP) key for two-step sign-in, replacing any old one, "
        "and print it once: as an otpauth:// link (turn it into a QR code) and as a key to type into the app. "
        "Hand it over in person or by another safe way; it is as secret as a password."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--remove", action="store_true", help="Remove their authenticator instead.")

    def handle(self, username, remove=False, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user called {username!r}.")
        with transaction.atomic():
            removed, _ = TOTPDevice.objects.filter(user=user).delete()
            if remove:
                self.stdout.write(f"Removed {removed} authenticator(s) for {username}.")
                return
            device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
        key = base64.b32encode(device.bin_key).decode()
        self.stdout.write(f"Authenticator for {username} (replaces {removed} old one(s)).")
        self.stdout.write(f"Link (make a QR code of it): {device.config_url}")
        self.stdout.write(f"Or type this key into the app: {key}")
