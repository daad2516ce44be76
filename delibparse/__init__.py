"""delibparse: French local-authority deliberations to validated, structured records.

    >>> import delibparse
    >>> doc = delibparse.parse("Objet : Tarifs\\nLe conseil adopte à l'unanimité.")
    >>> doc.acts[0].vote.unanimite
    True

The public API: ``parse``, ``parse_text``, ``parse_many``, ``read``, and the record models
``Document``, ``Act``, ``Vote``, ``Pouvoir``, ``Evidence``. Heavy modules load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["parse", "parse_text", "parse_many", "read", "Document", "Act", "Vote", "Pouvoir",
           "Evidence", "RecordWarning", "ErrorItem", "DelibparseError", "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from .errors import DelibparseError
    from .pipeline import parse, parse_many, parse_text
    from .reading import read
    from .record import Act, Document, ErrorItem, Evidence, Pouvoir, RecordWarning, Vote

_WHERE = {"parse": "pipeline", "parse_text": "pipeline", "parse_many": "pipeline", "read": "reading",
          "DelibparseError": "errors"}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    if name in ("Document", "Act", "Vote", "Pouvoir", "Evidence", "RecordWarning", "ErrorItem"):
        from . import record

        return getattr(record, name)
    raise AttributeError(name)
