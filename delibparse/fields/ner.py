"""spaCy person names on small slices, for the few places rules cannot tell (names not in capitals,
a presiding person named inside a sentence). The model loads lazily, once, on first use; never at import.

>>> persons("", 0, 0)
[]
"""

from __future__ import annotations

import functools

MAX_SLICE = 600  # characters; spaCy runs ~30k chars/s, so slices stay small


@functools.cache
def _nlp():
    try:
        import spacy

        return spacy.load("fr_core_news_sm", disable=["parser", "lemmatizer", "attribute_ruler", "morphologizer"])
    except Exception:  # noqa: BLE001 - model missing or broken: rules alone
        return None


def persons(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """PER entities in ``text[start:end]`` (at most MAX_SLICE characters), as absolute offsets."""
    end = min(end, start + MAX_SLICE, len(text))
    if end <= start:
        return []
    nlp = _nlp()
    if nlp is None:
        return []
    doc = nlp(text[start:end])
    return [(start + e.start_char, start + e.end_char, e.text) for e in doc.ents if e.label_ == "PER"]
