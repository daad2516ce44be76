"""Shared fixtures: the project's examples (``corpus/examples``), the read-only reference set (``../shared``), and a
once-per-session cache of parsed examples so that end-to-end tests never parse the same file twice.

Test modules that parametrize over the examples at collection time use :data:`EXAMPLES` and :func:`example_sources`
directly (fixtures are not available while collecting); everything else asks for the fixtures.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "corpus" / "examples"
SHARED = (ROOT / ".." / "shared").resolve()
HAS_TESSERACT = shutil.which("tesseract") is not None

# --doctest-modules would import this file a second time as the module ``conftest``, a name tests/batch/conftest.py
# also takes ("import file mismatch"); it holds no doctest, so it is not collected as a module.
collect_ignore = ["conftest.py"]


def example_sources() -> list[Path]:
    """Every example source (``exNN_*.txt`` / ``exNN_*.pdf`` that has a ``.gold.json``), in name order."""
    out = []
    for gold in sorted(EXAMPLES.glob("*.gold.json")):
        stem = gold.name.removesuffix(".gold.json")
        for suffix in (".txt", ".pdf"):
            if (EXAMPLES / f"{stem}{suffix}").exists():
                out.append(EXAMPLES / f"{stem}{suffix}")
                break
    return out


def needs_ocr(path: Path) -> bool:
    """The scanned example has no text layer: it is read by tesseract only."""
    return "scanned" in path.stem


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` (real dev corpus, style guide); the test is skipped where it is absent."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"reference set not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def parsed_example() -> Callable[[Path], object]:
    """``parsed_example(path)`` -> ``delibparse.Document``, parsed once per session whatever asks for it.

    The scanned example is skipped when tesseract is not installed.
    """
    import delibparse

    cache: dict[Path, object] = {}

    def get(path: Path):
        path = Path(path)
        if needs_ocr(path) and not HAS_TESSERACT:
            pytest.skip("tesseract not installed: the scanned example needs OCR")
        if path not in cache:
            cache[path] = delibparse.parse(path)
        return cache[path]

    return get
