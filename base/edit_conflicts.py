"""Two editors on one record: the second save never silently replaces the first.

Wagtail 8 puts the revision an editor loaded into every page form
(``loaded_revision_id`` and ``loaded_revision_created_at``; its autosave
requests send ``overwrite_revision_id``, the draft it wrote) and warns in the
browser when someone else saves first. A plain post after an autosave still
names only the revision first loaded, so ``base/static/js/autosaved-revision.js``
adds ``autosaved_revision_id``: without it an editor's own autosaved draft
would look like someone else's newer version. On the server it only refuses an
out-of-date *autosave*: a plain "Save draft" or "Publish" from a form opened
before someone else saved replaces their version without a word, and so does
any save on a model without revisions (the Find a Doctor directory). These
forms refuse such a save with a message, keep everything the editor typed in
the form, and let a second, deliberate save go through.

Kept apart from ``base.forms`` because models import it, and that
module imports Wagtail's image forms, which need the models loaded.
"""

import hashlib
import json

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.models import ModelLogEntry, Page, Revision


def _when(moment):
    return timezone.localtime(moment).strftime("%-d %B %Y at %H:%M")


class PageConflictCheckForm(WagtailAdminPageForm):
    """Every page type's admin form: refuses a save built on an older revision than the latest."""

    def clean(self):
        cleaned_data = super().clean()
        newer = self.newer_revision()
        if newer is not None:
            who = (newer.user.get_full_name() or newer.user.get_username()) if newer.user else "Someone else"
            self.add_error(
                None,
                f"{who} saved a newer version of this page on {_when(newer.created_at)}, after you opened it. "
                "Nothing from this form has been saved yet: your changes are still below. "
                "Check their version under History (Compare) first. Saving again replaces it with yours; "
                "their version stays in the page's history.",
            )
        return cleaned_data

    def newer_revision(self):
        """The page's latest revision if this form was loaded from an older one, else None.

        The same test Wagtail applies to autosave (``EditView.is_out_of_date``), with
        this tab's own autosaved draft standing in for the revision it loaded. A form
        that says nothing about what it loaded is taken as up to date, as Wagtail does.
        """
        if self.instance.pk is None:
            return None
        latest = (
            Revision.objects.filter(pk__in=Page.objects.filter(pk=self.instance.pk).values("latest_revision"))
            .select_related("user")
            .first()
        )
        if latest is None:
            return None
        own_draft_id = self.data.get("overwrite_revision_id") or self.data.get("autosaved_revision_id")
        if own_draft_id:
            stale = own_draft_id != str(latest.pk)
        elif loaded_id := self.data.get("loaded_revision_id"):
            stale = loaded_id != str(latest.pk) or (
                self.data.get("loaded_revision_created_at", "") != latest.created_at.isoformat()
            )
        else:
            stale = False
        return latest if stale else None


def record_fingerprint(instance):
    """A digest of a record as the database holds it now: every column and many-to-many link.

    Models with an ``updated_at`` (auto_now) column change it on every save, which
    also covers their inline rows (a provider's locations), saved with them.
    """
    model = type(instance)
    current = model._default_manager.filter(pk=instance.pk).first()
    if current is None:
        return "deleted"
    values = {field.attname: field.value_to_string(current) for field in model._meta.concrete_fields}
    for field in model._meta.many_to_many:
        values[field.name] = sorted(
            field.related_model._default_manager.filter(**{field.related_query_name(): current.pk}).values_list(
                "pk", flat=True
            )
        )
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()[:32]


class ConflictCheckModelForm(WagtailAdminModelForm):
    """Admin form for records without revisions: refuses a save if the record changed since the form was opened.

    The form carries a hidden fingerprint of the record as it was when the
    editor opened it; saving compares it with the record now.
    """

    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and not self.is_bound:
            self.initial["edit_token"] = record_fingerprint(self.instance)

    def clean(self):
        cleaned_data = super().clean()
        posted = self.data.get("edit_token")
        if self.instance.pk is None or not posted:
            return cleaned_data
        current = record_fingerprint(self.instance)
        if posted != current:
            name = self.instance._meta.verbose_name
            self.add_error(
                None,
                f"{self.last_saved_by()} saved this {name} after you opened it. "
                "Nothing from this form has been saved yet: your changes are still below. "
                f"Open the {name} in a new tab to see their version. Saving again replaces it with yours.",
            )
            # The next save is a deliberate one: compare with the record as it is now.
            self.data = self.data.copy()
            self.data["edit_token"] = current
        return cleaned_data

    def last_saved_by(self):
        entry = (
            ModelLogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(self.instance, for_concrete_model=False),
                object_id=str(self.instance.pk),
            )
            .order_by("-timestamp", "-pk")
            .first()
        )
        if entry is None:
            return "Someone else"
        return f"{entry.user_display_name} ({_when(entry.timestamp)})"
