"""Shared language helpers: folding, numbers in digits or words. One copy of each lexicon.

>>> parse_int("vingt-trois"), parse_int("00"), parse_int("une"), parse_int("DEUX MIL QUATORZE")
(23, 0, 1, 2014)
>>> parse_int("beaucoup") is None
True
>>> fold("Présents  :  ÉLUS")
'presents : elus'
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

import regex as re
import yaml

DATA = Path(__file__).parent / "data" / "fr"


@functools.cache
def load(name: str) -> dict:
    """Load ``data/fr/<name>.yaml`` once."""
    with open(DATA / f"{name}.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


class _FoldTable(dict):
    """Character code -> folded character, computed on the first use of each character (for ``str.translate``)."""

    __slots__ = ()

    def __missing__(self, cp: int) -> str:
        c = chr(cp)
        low = c.lower()
        if len(low) != 1:
            low = c
        base = unicodedata.normalize("NFD", low)[0]
        if base in "’‘`´ʼ":
            base = "'"
        self[cp] = base
        return base


_FOLD_TABLE = _FoldTable()


def fold_chars(s: str) -> str:
    """Lower case, no accents, straight apostrophes, one character for one (offsets carry over).

    >>> fold_chars("Étaient PRÉSENTS : M. Lœw, À L’UNANIMITÉ")
    "etaient presents : m. lœw, a l'unanimite"
    """
    return s.translate(_FOLD_TABLE)


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def fold(s: str) -> str:
    """Lower case, no accents, straight apostrophes, single spaces."""
    s = strip_accents(s).lower().replace("’", "'").replace("`", "'")
    return re.sub(r"\s+", " ", s).strip()


@functools.cache
def number_word_pattern() -> str:
    """Regex (no groups) for a run of French number words: 'vingt-trois', 'deux mille vingt'."""
    words = sorted(load("numbers")["words"], key=len, reverse=True)
    w = "|".join(words)
    return rf"(?:(?:{w})(?:[\s-]+(?:{w}))*)"


_WORD_RUN = None


def parse_int(s: str) -> int | None:
    """An int from digits ('23', '00') or French words ('vingt-trois', 'une'); None otherwise."""
    s = s.strip().strip(".,;:")
    if not s:
        return None
    if s.isdigit():
        return int(s)
    global _WORD_RUN
    if _WORD_RUN is None:
        _WORD_RUN = re.compile(rf"(?i)^{number_word_pattern()}$")
    low = s.lower()
    if not _WORD_RUN.match(low) or low == "et":
        return None
    from text_to_num import text2num

    try:
        return int(text2num(low.replace("-", " ").replace("  ", " "), "fr"))
    except (ValueError, TypeError):
        return None
