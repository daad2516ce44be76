"""Clean a layout's text for the rules, keeping a map back to the original offsets.

Each pass is a regex substitution that records where it changed the text (``_Pass``); a cleaned
offset maps back through the passes in reverse. Passes: line ends, odd spaces and characters
(NBSP, thin spaces, soft hyphens, ligatures, curly apostrophes), NFC, ``**`` and table-cell
debris of PDF-to-text extracts, hyphenation at line ends, repeated page headers/footers and page
numbers, web-page debris lines (menus, "Partager", "Copied!"), runs of spaces.

>>> c = clean("Objet : Adh\\u00e9sion**Date de convocation :\\u00a0le 9 f\\u00e9vrier")
>>> c.text
'Objet : Adhésion\\nDate de convocation : le 9 février'
>>> c.to_source(c.text.index("Date"))
18
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

import regex as re

from .lexicon import load


@dataclass(slots=True)
class _Pass:
    """Segments of one substitution: (new_start, old_start, new_len, old_len); others copy 1:1."""

    new_starts: list[int] = field(default_factory=list)
    edits: list[tuple[int, int, int, int]] = field(default_factory=list)

    def to_old(self, i: int) -> int:
        k = bisect.bisect_right(self.new_starts, i) - 1
        if k < 0:
            return i
        ns, os_, nl, ol = self.edits[k]
        if i < ns + nl:  # inside a replacement: point at the start of what it replaced
            return os_ + (min(i - ns, ol) if nl == ol else 0)
        return os_ + ol + (i - ns - nl)


def _sub(pattern: re.Pattern, repl, text: str) -> tuple[str, _Pass | None]:
    out: list[str] = []
    p = _Pass()
    last = 0
    delta = 0
    for m in pattern.finditer(text):
        r = repl(m) if callable(repl) else repl
        if r == m.group(0):
            continue
        out.append(text[last : m.start()])
        ns = m.start() + delta
        p.new_starts.append(ns)
        p.edits.append((ns, m.start(), len(r), m.end() - m.start()))
        out.append(r)
        delta += len(r) - (m.end() - m.start())
        last = m.end()
    if not p.edits:
        return text, None
    out.append(text[last:])
    return "".join(out), p


@dataclass(slots=True)
class Cleaned:
    """Cleaned text and the way back to the source offsets."""

    text: str
    source: str
    passes: list[_Pass] = field(default_factory=list)

    def to_source(self, i: int) -> int:
        for p in reversed(self.passes):
            i = p.to_old(i)
        return min(max(i, 0), len(self.source))


_ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\u000b\u000c]")
_ZERO_WIDTH = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_CHARS = re.compile("[" + "".join(_LIGATURES) + "’‘‛`´ʼ\u2010\u2011\u2212ᵉʳ]")
_CHAR_MAP = {**_LIGATURES, "’": "'", "‘": "'", "‛": "'", "`": "'", "´": "'", "ʼ": "'",
             "\u2010": "-", "\u2011": "-", "\u2212": "-", "ᵉ": "e", "ʳ": "r"}
_COMBINING = re.compile(r"\P{M}\p{M}+")
_STARS = re.compile(r"\*{2,}")
# a web address is never part of an act's text (extracts often start with the page's URL)
_URL = re.compile(r"https?://[^\s]*?\.(?:pdf|html?|php|aspx?|docx?|odt)(?:\?[^\s]*?(?=\.pdf|[\p{Lu}][\p{Ll}]|\s|$)(?:\.pdf)?)?|https?://\S+")
_PIPES = re.compile(r"[ \t]*\|[ \t]*(?=\n|$)")  # a line-final cell border (a leading one marks an empty cell)
_HYPHEN_EOL = re.compile(r"(?<=\p{Ll}\p{Ll})-\n[ \t]*(?=\p{Ll}{2})")
_EDGE_SPACES = re.compile(r"(?m)[ ]+$|^[ ]+")
_SPACES = re.compile(r"[ ]{2,}")
_BLANK_LINES = re.compile(r"\n{3,}")
_PAGE_NUMBER = re.compile(
    r"""(?xim)^[ ]*(?:
        (?:page|p\.)\s*\d{1,4}(?:\s*(?:/|sur)\s*\d{1,4})?   # Page 2/5, page 3 sur 10
      | [-–]\s*\d{1,4}\s*[-–]                               # - 3 -
      | \d{1,4}\s*/\s*\d{1,4}                               # 2/5
    )[ ]*$\n?""")


def _stars(m: re.Match) -> str:
    s, e = m.start(), m.end()
    text = m.string
    before = text[s - 1] if s > 0 else "\n"
    after = text[e] if e < len(text) else "\n"
    return "\n" if not before.isspace() and not after.isspace() else ""


# letters whose case-free match in the standard ``re`` holds every character ``regex`` matches
_CASE_SAFE = set("abcdefghijklmnopqrstuvwxyzéèêëàâäîïôöûüùçœ")


@functools.cache
def _debris_lines():
    words = load("debris")["lines"]
    alt = "|".join(re.escape(w) for w in words)
    pattern = re.compile(rf"(?im)^[ ]*(?:{alt})[ ]*$\n?")
    # speed: tried only at a line opening with the first letters of a word (the same matches)
    heads = set()
    for w in words:
        head = re.match(r"\p{L}{1,3}", w)
        if not head or not set(head.group().lower()) <= _CASE_SAFE:
            return pattern
        heads.add(head.group().lower())
    from .prefilter import Starts

    return Starts(pattern, "(?im)^[ ]*(?:%s)" % "|".join(sorted(heads)))


@functools.cache
def _page_number():
    """``_PAGE_NUMBER`` tried only at a line opening with "pag", "p.", a dash or a digit (speed)."""
    from .prefilter import DIGIT, Starts

    return Starts(_PAGE_NUMBER, rf"(?im)^[ ]*(?:pag|p\.|[-–]|{DIGIT})")




def _repeated_lines(text: str) -> re.Pattern | None:
    """Lines repeated on several pages (after a form feed or page-number line): headers/footers."""
    if text.count("\f") < 2:
        return None
    pages = text.split("\f")
    firsts: Counter[str] = Counter()
    for page in pages:
        lines = [ln.strip() for ln in page.strip("\n").split("\n") if ln.strip()]
        for ln in set(lines[:3] + lines[-3:]):
            if 3 <= len(ln) <= 120:
                firsts[re.sub(r"\d+", "#", ln)] += 1
    need = max(3, len(pages) // 2)
    rep = [k for k, n in firsts.items() if n >= need]
    if not rep:
        return None
    alt = "|".join(re.escape(k).replace("\\#", r"\d+").replace("#", r"\d+") for k in rep)
    return re.compile(rf"(?m)(?:^|(?<=\f))[ ]*(?:{alt})[ ]*(?:$\n?|(?=\f))")


def clean(source: str) -> Cleaned:
    """Clean ``source`` (see module docstring); ``Cleaned.to_source`` maps offsets back."""
    c = Cleaned(text=source, source=source)

    def run(pattern, repl) -> None:
        if pattern is None:
            return
        new, p = _sub(pattern, repl, c.text)
        if p is not None:
            c.text = new
            c.passes.append(p)

    run(re.compile(r"\r\n?"), "\n")
    run(_ZERO_WIDTH, "")
    run(_repeated_lines(c.text), "")
    run(re.compile(r"\f"), "\n")
    run(_ODD_SPACES, " ")
    run(_CHARS, lambda m: _CHAR_MAP[m.group(0)])
    if not unicodedata.is_normalized("NFC", c.text):
        run(_COMBINING, lambda m: unicodedata.normalize("NFC", m.group(0)))
    run(_URL, " ")
    run(_STARS, _stars)
    run(_PIPES, "")
    run(_HYPHEN_EOL, "")
    run(_page_number(), "")
    run(_debris_lines(), "")
    run(_EDGE_SPACES, "")
    run(_SPACES, " ")
    run(_BLANK_LINES, "\n\n")
    return c
