"""Text normalisation shared by search, spelling and the search text a provider is matched against."""

import re
import unicodedata


def normalize_text(value):
    """Lower-case ASCII words separated by single spaces: 'José Núñez, MD' → 'jose nunez md'."""
    value = unicodedata.normalize("NFKD", str(value or ""))
    value = "".join(char for char in value if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", value.lower()).split())
