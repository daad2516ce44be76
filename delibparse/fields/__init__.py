"""Field extractors. ``EXTRACTORS`` is the single registration point.

Each module exposes ``FIELDS`` and ``extract(text, start, end, ctx) -> list[Found]``
(see ``fields/base.py``).
"""

from . import attendance, clauses, dates, institution, votes

EXTRACTORS = (institution, dates, attendance, votes, clauses)
