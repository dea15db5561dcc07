"""Named choices for the doctor directory, so templates and filters never use bare strings."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Credential(models.TextChoices):
    """The letters after a clinician's name, as parents see them."""

    MD = "MD", "MD"
    DO = "DO", "DO"
    MD_PHD = "MD, PhD", "MD, PhD"
    DO_PHD = "DO, PhD", "DO, PhD"
    MBBS = "MBBS", "MBBS"
    NP = "NP", "NP"
    CPNP = "CPNP", "CPNP"
    PA = "PA", "PA"
    PA_C = "PA-C", "PA-C"
    PHD = "PhD", "PhD"
    PSYD = "PsyD", "PsyD"
    RN = "RN", "RN"
    RD = "RD", "RD"
    LCSW = "LCSW", "LCSW"


class Gender(models.TextChoices):
    """How a clinician describes their gender; parents may filter by it."""

    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    NONBINARY = "nonbinary", _("Nonbinary")


class PlanType(models.TextChoices):
    """What kind of health coverage an insurance plan is, in the words a parent knows it by."""

    MEDICAID = "medicaid", _("Medi-Cal / Medicaid managed care")
    CHIP = "chip", _("CHIP (children's health insurance program)")
    COMMERCIAL_HMO = "commercial_hmo", _("Employer or private plan: HMO")
    COMMERCIAL_PPO = "commercial_ppo", _("Employer or private plan: PPO or EPO")
    MARKETPLACE = "marketplace", _("Covered California or other marketplace plan")
    TRICARE = "tricare", _("TRICARE (military families)")
    OTHER = "other", _("Other")


class SortOrder(models.TextChoices):
    """How search results can be ordered (the ``sort`` GET parameter)."""

    RELEVANCE = "relevance", _("Best match")
    LAST_NAME = "last_name", _("Last name (A to Z)")
    DISTANCE = "distance", _("Distance (nearest first)")


# Radii offered in the search form, in miles. Other whole numbers in
# RADIUS_RANGE are accepted from a URL too.
RADIUS_CHOICES = [5, 10, 25, 50, 100]
DEFAULT_RADIUS = 25
RADIUS_RANGE = (1, 250)

# Languages seeded by migration 0003. Codes are BCP 47 tags (ISO 639 where one
# exists); "ase" is American Sign Language.
DEFAULT_LANGUAGES = [
    ("en", "English", "English"),
    ("es", "Spanish", "Español"),
    ("zh-yue", "Cantonese", "廣東話"),
    ("zh-cmn", "Mandarin", "普通话"),
    ("vi", "Vietnamese", "Tiếng Việt"),
    ("ko", "Korean", "한국어"),
    ("tl", "Tagalog", "Tagalog"),
    ("km", "Khmer", "ខ្មែរ"),
    ("hy", "Armenian", "Հայերեն"),
    ("fa", "Persian (Farsi)", "فارسی"),
    ("ar", "Arabic", "العربية"),
    ("ru", "Russian", "Русский"),
    ("ja", "Japanese", "日本語"),
    ("hi", "Hindi", "हिन्दी"),
    ("pa", "Punjabi", "ਪੰਜਾਬੀ"),
    ("pt", "Portuguese", "Português"),
    ("fr", "French", "Français"),
    ("sm", "Samoan", "Gagana Sāmoa"),
    ("ase", "American Sign Language", "ASL"),
]

# Spanish names of the languages above, by code (lower case, as Spanish writes language names).
LANGUAGE_NAMES_ES = {
    "en": "inglés",
    "es": "español",
    "zh-yue": "cantonés",
    "zh-cmn": "mandarín",
    "vi": "vietnamita",
    "ko": "coreano",
    "tl": "tagalo",
    "km": "jemer",
    "hy": "armenio",
    "fa": "persa (farsi)",
    "ar": "árabe",
    "ru": "ruso",
    "ja": "japonés",
    "hi": "hindi",
    "pa": "panyabí",
    "pt": "portugués",
    "fr": "francés",
    "sm": "samoano",
    "ase": "lengua de señas americana (ASL)",
}
