"""Starting child processes from a library without re-running the caller's script.

A fork-server or spawn child re-imports the caller's ``__main__`` before it runs its target
(``multiprocessing`` does this so that functions defined in the script can be found). For a
script without an ``if __name__ == "__main__":`` guard this runs the script's top level again in
the child — which, when that script calls :func:`delibparse.parse`, starts another child and
fails. delibparse's targets live in its own modules, so its children never need ``__main__``.

>>> import sys
>>> before = sys.modules["__main__"]
>>> with main_hidden():
...     getattr(sys.modules["__main__"], "__file__", None) is None
True
>>> sys.modules["__main__"] is before
True
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def main_hidden() -> Iterator[None]:
    """While a child process is started: show ``multiprocessing`` a bare ``__main__`` (no file, no
    spec), so that the child does not import the caller's script."""
    real = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if real is None:
            sys.modules.pop("__main__", None)
        else:
            sys.modules["__main__"] = real
