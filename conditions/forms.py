"""Forms parents fill in on condition pages."""

from django import forms

MAX_QUERY_LENGTH = 100


class ConditionFilterForm(forms.Form):
    """The filter box above the A–Z list. A GET form, so it works without JavaScript."""

    q = forms.CharField(
        label="Filter conditions",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": f"Type {MAX_QUERY_LENGTH} characters or fewer."},
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "spellcheck": "false"}),
        help_text="Type part of a name or a symptom, for example 'leuk' or 'nosebleeds'.",
    )
