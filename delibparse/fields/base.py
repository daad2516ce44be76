"""The contract between the pipeline and the field extractors.

An extractor module exposes ``FIELDS`` (the field paths it can fill) and
``extract(text, start, end, ctx) -> list[Found]``: it reads ``text[start:end]`` (a region of
the cleaned document text: the sitting's preamble, one act, or the document's closing part),
returns every value it finds with absolute offsets, and never raises on odd text. The pipeline
decides which region's value wins (an act's own figures override the sitting's).

>>> f = Found("vote.pour", 12, 40, 52, "votes.recap")
>>> f.field, f.value
('vote.pour', 12)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Found:
    field: str  # field path: "date_seance", "vote.pour", "presents", "pouvoirs" ...
    value: Any  # plain value: str, int, bool, datetime.date, list[str], list[dict]
    start: int  # absolute offsets in the cleaned document text
    end: int
    rule: str  # "<module>.<rule>", e.g. "dates.preamble_words"
    score: float = 1.0  # confidence of the rule, for choosing among candidates


@dataclass(slots=True)
class Context:
    """Document-level facts extractors may use (filled by the pipeline before extraction)."""

    year: int | None = None  # the document's year, for dates written without one ("le 9 courant")
    date_seance: Any = None  # datetime.date of the sitting once known (for "courant", checks)
    region: str = "act"  # "head" (sitting preamble), "act", or "tail" (closing stamps)
    extras: dict[str, Any] = field(default_factory=dict)
