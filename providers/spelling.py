"""Typo tolerance for Find a Doctor: correct each search word against a small vocabulary.

Pure text, no queries: the vocabulary is loaded from the directory by
``providers.models.load_vocabulary``.

Comparing every misspelt word with every provider's search text is far too slow
at 100,000 providers (pg_trgm has to recheck tens of thousands of long strings:
seconds per search). Instead each word is compared with a *vocabulary*, and the
search then runs as an ordinary indexed word match with the corrections added:

- medical words: specialty names and lay synonyms, condition titles and
  alternate names (a few hundred words, compared here in Python with the same
  trigram measure pg_trgm uses, so this works on SQLite too);
- provider names: on PostgreSQL, pg_trgm's ``%`` operator over GIN-indexed
  first and last names finds names that look like the word (``nguen`` →
  ``nguyen``) in a couple of milliseconds.
"""

from dataclasses import dataclass, field
from functools import cached_property

from .text import normalize_text

# pg_trgm's default similarity threshold is 0.3; corrections need to be closer
# than that to be worth searching for.
MIN_SIMILARITY = 0.4
MAX_CORRECTIONS = 2
# Shorter words are too easy to "correct" into something else entirely.
MIN_CORRECTABLE_LENGTH = 4


def trigrams(word):
    """pg_trgm's trigrams of one word: padded with two spaces in front and one behind."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a, b):
    """pg_trgm's similarity(): shared trigrams over all trigrams of the two words."""
    ta, tb = trigrams(a), trigrams(b)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


def correctable(term):
    return term.isalpha() and len(term) >= MIN_CORRECTABLE_LENGTH


@dataclass
class Vocabulary:
    """Words search can match, for correcting misspelt search words."""

    words: set = field(default_factory=set)
    names: set = field(default_factory=set)

    @classmethod
    def from_texts(cls, texts, names=()):
        words = set()
        for text in texts:
            words.update(normalize_text(text).split())
        return cls(words={w for w in words if w.isalpha()}, names={normalize_text(n) for n in names if n})

    @cached_property
    def known(self):
        """Every word search can match (built once per vocabulary, not per word looked up)."""
        return self.words | self.names

    def knows(self, term):
        """True when the term is a word (or the start of one) that search can already match."""
        return any(word.startswith(term) for word in self.known)

    def corrections(self, term):
        """Up to MAX_CORRECTIONS known words that look like ``term``, best first."""
        if not correctable(term) or self.knows(term):
            return []
        scored = sorted(
            ((similarity(term, word), word) for word in self.known),
            key=lambda item: (-item[0], item[1]),
        )
        return [word for score, word in scored[:MAX_CORRECTIONS] if score >= MIN_SIMILARITY]
