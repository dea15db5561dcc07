"""Named choices for condition pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Urgency(models.TextChoices):
    """How soon a parent should act: the NHS pattern of three levels, in words a parent understands.

    The label is what an editor picks from; ``badge``, ``heading`` and ``advice`` are what a
    parent reads, so the level is always shown in words and never by colour alone.
    """

    EMERGENCY = "emergency", _("Emergency: call 911")
    URGENT = "urgent", _("Urgent: call your child's doctor today")
    ROUTINE = "routine", _("Routine: tell your child's doctor")

    @classmethod
    def most_urgent_first(cls):
        """The levels in the order a parent should read them."""
        return [cls.EMERGENCY, cls.URGENT, cls.ROUTINE]

    @property
    def badge(self):
        """A short tag shown next to each symptom."""
        return _WORDS[self]["badge"]

    @property
    def heading(self):
        """The heading over a group of symptoms at this level."""
        return _WORDS[self]["heading"]

    @property
    def advice(self):
        """What to do, in one or two short sentences."""
        return _WORDS[self]["advice"]


_WORDS = {
    Urgency.EMERGENCY: {
        "badge": _("Emergency: call 911"),
        "heading": _("Call 911 now if your child has"),
        "advice": _("Call 911 or go to the nearest emergency room right away. Do not wait."),
    },
    Urgency.URGENT: {
        "badge": _("Urgent: call today"),
        "heading": _("Call your child's doctor today if your child has"),
        "advice": _("Call your child's doctor the same day. If the office is closed, call the after-hours number."),
    },
    Urgency.ROUTINE: {
        "badge": _("Tell your doctor"),
        "heading": _("Tell your child's doctor if your child has"),
        "advice": _("Tell your child's doctor. Call sooner if you are worried or it gets worse."),
    },
}


class CallFor(models.TextChoices):
    """Who a parent calls about a warning sign while their child is on treatment.

    "Right away" means now, day or night: the cancer center's 24-hour line for most
    signs, 911 for the few where minutes count.
    """

    CALL_911 = "call_911", _("Call 911")
    CARE_TEAM = "care_team", _("Call the care team right away, day or night")


class KeyFactTopic(models.TextChoices):
    """What a key fact is about, so search engines can read the outlook and how common a condition is."""

    GENERAL = "general", _("General")
    HOW_COMMON = "how_common", _("How common it is")
    OUTLOOK = "outlook", _("Outlook (chances of a cure)")
