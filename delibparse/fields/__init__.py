"""Field extractors. ``EXTRACTORS`` is the single registration point.

Each module exposes ``FIELDS`` and ``extract(text, start, end, ctx) -> list[Found]``
(see ``fields/base.py``).
"""

from . import attendance, clauses, dates, institution, votes

# run on every region (sitting preamble, each act); ``institution`` runs once per document, on its opening
EXTRACTORS = (dates, attendance, votes, clauses)
DOCUMENT_EXTRACTORS = (institution,)
