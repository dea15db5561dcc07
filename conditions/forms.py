"""Forms on condition pages: the filter parents use, and the editor's page form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from base.edit_conflicts import PageConflictCheckForm

MAX_QUERY_LENGTH = 100


class ConditionFilterForm(forms.Form):
    """The filter box above the A–Z list. A GET form, so it works without JavaScript."""

    q = forms.CharField(
        label=_("Filter conditions"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": _("Type %(limit_value)s characters or fewer.")},
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "spellcheck": "false"}),
        help_text=_("Type part of a name or a symptom, for example 'leuk' or 'nosebleeds'."),
    )


class ConditionPageForm(PageConflictCheckForm):
    """The condition page editor's form: review details may wait for the reviewer, but not for "Publish".

    Editors save drafts and submit for review without filling in the medical
    review; the reviewer's approval fills it in (see ``MedicalReviewTask``).
    Someone allowed to publish directly must fill it in themselves.
    """

    PUBLISH_REQUIRES = ("reviewer_name", "last_reviewed", "next_review_due")

    def clean(self):
        cleaned_data = super().clean()
        if "action-publish" in self.data:
            for name in self.PUBLISH_REQUIRES:
                if name in self.fields and not cleaned_data.get(name) and name not in self.errors:
                    self.add_error(name, "Needed to publish. Submit for review to have a clinician fill this in.")
        return cleaned_data
