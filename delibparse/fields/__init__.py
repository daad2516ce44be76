"""Field extractors. ``EXTRACTORS`` is the single registration point.

Each module exposes ``FIELDS`` and ``extract(text, start, end, ctx) -> list[Found]``
(see ``fields/base.py``).
"""

from . import clauses, dates, institution

EXTRACTORS = (institution, dates, clauses)
