"""Optional two-step sign-in for staff: a password, then a code from an authenticator app.

Off unless ``STAFF_2FA_REQUIRED`` is on. The codes, devices, throttling and
session bookkeeping are django-otp's (TOTP, RFC 6238); this module only puts
its code field into Wagtail's sign-in form and keeps sessions signed in without
a code out of the admin. docs/security.md, section 7.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django_otp import devices_for_user
from django_otp.forms import OTPAuthenticationFormMixin
from wagtail.admin.forms.auth import LoginForm


class StaffLoginForm(OTPAuthenticationFormMixin, LoginForm):
    """Wagtail's sign-in form; with STAFF_2FA_REQUIRED it also asks for the code from the person's device."""

    otp_error_messages = dict(
        OTPAuthenticationFormMixin.otp_error_messages,
        token_required="Enter the 6-digit code from your authenticator app.",
        invalid_token="That code is not right, or has expired. Enter the code your app shows now.",
        device_required=(
            "Two-step sign-in is required and no authenticator app is set up for you yet. "
            "Ask a site administrator to set one up."
        ),
    )

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        if settings.STAFF_2FA_REQUIRED:
            self.fields["otp_token"] = forms.CharField(
                label="Code from your authenticator app",
                required=False,
                max_length=8,
                widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
            )

    def clean(self):
        cleaned_data = super().clean()  # the password
        if settings.STAFF_2FA_REQUIRED and self.user_cache is not None:
            # One authenticator per person: use theirs (never one named in the form).
            device = next(iter(devices_for_user(self.user_cache, confirmed=True)), None)
            self.cleaned_data["otp_device"] = device.persistent_id if device else None
            self.clean_otp(self.user_cache)
        return cleaned_data


class RequireVerifiedStaffMiddleware:
    """With STAFF_2FA_REQUIRED, a session signed in without a code is signed out before it reaches the admin.

    Covers sessions that began before the setting was switched on, or by any
    other way in than the sign-in form.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.STAFF_2FA_REQUIRED and request.path.startswith("/" + settings.ADMIN_URL_PATH):
            user = request.user
            if user.is_authenticated and not user.is_verified():
                logout(request)
                messages.info(request, "Sign in again with the code from your authenticator app.")
                return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        return self.get_response(request)
