"""Speed: a slow pattern tried only where a fast one says a match may start.

``Starts(pattern, starts)`` behaves like ``pattern`` for ``finditer`` and ``search``: ``starts`` (a
pattern of the standard ``re`` module, which scans much faster than the ``regex`` module) finds the
positions where a match of ``pattern`` may begin, and ``pattern`` is matched there. The matches are
exactly those of ``pattern.finditer`` when every position where ``pattern`` can match is one where
``starts`` matches (a superset is enough: a wrong guess only costs one failed ``match``). The
lookbehinds of both patterns see the text before ``pos``, and ``pattern`` gets the same ``endpos``,
so nothing changes at the edges.

>>> import regex
>>> p = Starts(regex.compile(r"(?<![\\p{L}])pour\\s*:\\s*\\d+"), r"pour")
>>> [m.group() for m in p.finditer("Vote pour : 12, contre : 1, pour: 3")]
['pour : 12', 'pour: 3']
"""

from __future__ import annotations

import re as stdre
from typing import Any


class Starts:
    """``pattern`` searched only where ``starts`` matches (see the module docstring)."""

    __slots__ = ("regex", "starts")

    def __init__(self, pattern: Any, starts: str | stdre.Pattern) -> None:
        self.regex = pattern
        self.starts = stdre.compile(starts) if isinstance(starts, str) else starts

    def __getattr__(self, name: str) -> Any:  # .pattern, .flags, .match ...: the pattern's own
        if name in Starts.__slots__ or name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.regex, name)

    def finditer(self, s: str, pos: int = 0, endpos: int | None = None):
        n = len(s)  # ``pos`` and ``endpos`` read as by the ``regex`` module (negative: from the end)
        end = n if endpos is None else max(0, min(endpos + n if endpos < 0 else endpos, n))
        pos = max(0, pos + n if pos < 0 else pos)
        find, match = self.starts.search, self.regex.match
        while pos <= end:
            c = find(s, pos, end)
            if c is None:
                return
            q = c.start()
            m = match(s, q, end)
            if m is None:
                pos = q + 1
                continue
            yield m
            pos = m.end() if m.end() > q else q + 1

    def search(self, s: str, pos: int = 0, endpos: int | None = None):
        return next(self.finditer(s, pos, endpos), None)


class AfterChar:
    r"""Speed: a ``starts`` for ``Starts`` finding the positions that follow a character matching ``before``
    where ``after`` matches (and the text's start, where ``after`` matches). The standard ``re`` skips
    quickly to the characters of ``before`` in ``before + after``, which it cannot do for a pattern that
    opens with a lookbehind ``(?<=before)after``; the positions found are the same. ``before`` matches
    one character; ``flags`` ("(?x)" ...) open both patterns.

    >>> [m.start() for m in AfterChar(r"[.!?]", r"\s+[A-Z]").finditer("Oui. Non ! non. Peut-être")]
    [4, 15]
    """

    __slots__ = ("pattern", "first")

    def __init__(self, before: str, after: str, *, flags: str = "") -> None:
        self.pattern = stdre.compile(f"{flags}(?:{before})(?:{after})")
        self.first = stdre.compile(f"{flags}(?:{after})")

    def search(self, s: str, pos: int = 0, endpos: int | None = None) -> _At | None:
        end = len(s) if endpos is None else endpos
        if pos == 0 and self.first.match(s, 0, end):
            return _At(0)
        m = self.pattern.search(s, max(pos - 1, 0), end)  # the character before ``pos`` may be ``before``
        return _At(m.start() + 1) if m else None

    def finditer(self, s: str, pos: int = 0, endpos: int | None = None):
        found = self.search(s, pos, endpos)
        while found is not None:
            yield found
            found = self.search(s, found.start() + 1, endpos)


class OrTextStart:
    r"""Speed: a ``starts`` for ``Starts`` finding where ``pattern`` matches, and the text's start where
    ``first`` matches: a pattern opening with ``(?:^|...)`` written as two, since a ``^`` alternative
    stops the standard ``re`` from skipping to the first characters of the others.

    >>> [m.start() for m in OrTextStart(r"[\n:]\s*oui", r"\s*oui").finditer("oui: oui\nnon")]
    [0, 3]
    """

    __slots__ = ("pattern", "first")

    def __init__(self, pattern: str, first: str) -> None:
        self.pattern = stdre.compile(pattern)
        self.first = stdre.compile(first)

    def search(self, s: str, pos: int = 0, endpos: int | None = None) -> stdre.Match | None:
        end = len(s) if endpos is None else endpos
        m = self.first.match(s, 0, end) if pos == 0 else None
        return m if m is not None else self.pattern.search(s, pos, end)

    def finditer(self, s: str, pos: int = 0, endpos: int | None = None):
        found = self.search(s, pos, endpos)
        while found is not None:
            yield found
            found = self.search(s, found.start() + 1, endpos)


class Either:
    r"""Speed: a ``starts`` for ``Starts`` finding where any of ``starts`` (patterns of the standard ``re``,
    ``AfterChar`` ...) matches, each searched alone: a pattern per way a match may open, each opening
    with a literal or a class the standard ``re`` skips to.

    >>> [m.start() for m in Either(AfterChar(r"[.]", r"\n"), stdre.compile(r"\n\n")).finditer("a.\nb\n\nc")]
    [2, 4]
    """

    __slots__ = ("starts",)

    def __init__(self, *starts: Any) -> None:
        self.starts = starts

    def search(self, s: str, pos: int = 0, endpos: int | None = None):
        found = [m for m in (p.search(s, pos, len(s) if endpos is None else endpos) for p in self.starts) if m]
        return min(found, key=lambda m: m.start()) if found else None

    def finditer(self, s: str, pos: int = 0, endpos: int | None = None):
        found = self.search(s, pos, endpos)
        while found is not None:
            yield found
            found = self.search(s, found.start() + 1, endpos)


class _At:
    """A position found by ``AfterChar`` (what ``Starts`` reads of a match)."""

    __slots__ = ("pos",)

    def __init__(self, pos: int) -> None:
        self.pos = pos

    def start(self) -> int:
        return self.pos


def starting(pattern: Any, *fragments: str) -> Any:
    r"""``pattern`` searched only where one of the literal starts of ``fragments`` (the regex texts its
    matches open with, see ``literal_starts``) is found, or at a line start for an alternative opening
    with ``(?:^|\n)``; ``pattern`` itself when one of them has neither or when the pattern ignores case.

    >>> import regex
    >>> p = starting(regex.compile(r"(?<!\w)(?:pour|contre)\s*:\s*\d+"), r"pour|contre")
    >>> [m.group() for m in p.finditer("pour : 3, contre: 1")], p.starts.pattern
    (['pour : 3', 'contre: 1'], '(?:(?:contre|pour))')
    >>> starting(regex.compile(r"(?:^|\n)\s*[ivx]+\.\s*infos?"), r"(?:^|\n)\s*[ivx]+\.\s*infos?").starts.pattern
    '(?:^|\\n)'
    """
    if pattern.flags & stdre.IGNORECASE:
        return pattern
    verbose = bool(pattern.flags & stdre.VERBOSE)
    starts: set[str] = set()
    line = False
    for fragment in fragments:
        alts = _alternatives(_unverbose(fragment) if verbose else fragment)
        if alts is None:
            return pattern
        for alt in alts:
            if alt.startswith(_LINE_STARTS):
                line = True  # the match opens at the text's start or on a line break
                continue
            words = literal_starts(alt)
            if words is None:
                return pattern
            starts |= words
    opening = [trie(starts)] if starts else []
    if line:  # "^" is a line start too when the pattern is multi-line
        opening.append(r"(?m:^)|\n" if pattern.flags & stdre.MULTILINE else r"(?:^|\n)")
    return Starts(pattern, "|".join(opening))


_LINE_STARTS = ("(?:^|\\n)", "(?:^|\n)")  # as written in a regex, or with a line break


# every character the ``regex`` module's \d matches (the standard module's \d misses the digits of
# scripts added to Unicode after Python's own tables, all outside the Basic Multilingual Plane)
DIGIT = r"[\d\U00010000-\U0010FFFF]"


def prefix_tree(words) -> dict:
    """``words`` as nested dicts, one level a character; the key "" marks the end of a word.

    >>> prefix_tree(["le", "la"])
    {'l': {'e': {'': {}}, 'a': {'': {}}}}
    """
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return tree


def trie(words, *, any_case: bool = False) -> str:
    """A regex matching exactly ``words`` (a space stands for \\s+), factored by common prefixes (the
    standard ``re`` scans it many times faster than a flat alternation, and faster than ``(?i)``:
    ``any_case`` writes each letter as its cases instead, a first letter as one branch per case, so
    that every branch opens with a literal the standard ``re`` skips to).

    >>> trie(["le", "les", "la", "vu"])
    '(?:(?:l(?:a|e(?:s)?)|vu))'
    >>> trie(["vu", "va"], any_case=True)
    '(?:(?:V(?:[Aa]|[Uu])|v(?:[Aa]|[Uu])))'
    """
    if any_case:
        words = {w.lower() for w in words}
    tree = prefix_tree(words)

    def emit(node: dict, top: bool = False) -> str:
        alts = []
        for ch, sub in sorted(node.items()):
            if not ch:
                continue
            if top and any_case and ch != " ":  # speed: each case of a first letter opens its own branch
                alts += [stdre.escape(c) + emit(sub) for c in dict.fromkeys(_forms(ch))]  # (the re skips to them)
            else:
                alts.append(_char(ch, any_case) + emit(sub))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return f"(?:{emit(tree, True)})"


# letters that a case-free match (of the ``regex`` or of the standard module) takes in more forms than
# their upper and lower case (checked over all of Unicode by the tests)
_OTHER_CASES = {"i": "İı", "k": "\u212a", "s": "ſ"}


def _forms(ch: str) -> str:
    """The characters a case-free match of the letter ``ch`` takes."""
    return ch.upper() + ch + _OTHER_CASES.get(ch, "") if ch.upper() != ch else ch


def _char(ch: str, any_case: bool) -> str:
    if ch == " ":
        return r"\s+"
    if any_case and ch.upper() != ch:
        return "[%s]" % "".join(stdre.escape(c) for c in _forms(ch))
    return stdre.escape(ch)


_LITERAL = set("abcdefghijklmnopqrstuvwxyz0123456789'’")
_ESCAPED = set("()[]{}.*+?|^$\\")  # "\\(" stands for "(" ...
_QUANT = set("?*{")
_GROUP = stdre.compile(r"\((?:\?:|\?P<\w+>)?")  # "(", "(?:", "(?P<name>"
_QUANTIFIER = stdre.compile(r"(?:[?*+]|\{[\d,]*\})[?+]?")  # "+" included: it never hurts


def literal_starts(fragment: str) -> set[str] | None:
    r"""Literal prefixes one of which opens every match of the regex ``fragment`` (lower case, a space
    standing for \s+; None when a match may open with something else: a class, \s*, a lookaround ...).
    A literal alternative of a group is followed by what comes after the group.

    >>> sorted(literal_starts(r"(?:ont\s+vote\s+|votes?\s+)?pour|\bfavorables?"))
    ['favorable', 'ont vote ', 'pour', 'vote']
    >>> sorted(literal_starts(r"\b(?:est|a\s+ete|vote\s*:)\s+informee?s?"))
    ['a ete informe', 'est informe', 'vote']
    """
    found = _prefixes(fragment)
    return None if found is None else set(found)


# a group's literal alternatives are combined with what follows them up to this many prefixes
_MAX_PRODUCT = 256


def _prefixes(fragment: str) -> dict[str, bool] | None:
    """``literal_starts`` of ``fragment``, each with whether it is a whole match (a literal alternative)."""
    alts = _alternatives(fragment)
    if alts is None:
        return None
    out: dict[str, bool] = {}
    for alt in alts:
        found = _alt_starts(alt)
        if found is None or "" in found:
            return None
        for w, whole in found.items():
            out[w] = out.get(w, True) and whole  # whole only if whole in every alternative giving it
    return out


def _join(a: str, b: str) -> str:
    r"""``a + b`` with one space where both bring one (a \s+ then a \s+: one or more spaces, a superset)."""
    return a + b[1:] if a.endswith(" ") and b.startswith(" ") else a + b


def _unverbose(p: str) -> str:
    r"""A regex written for verbose mode ((?x): white space and "#" comments ignored) without them.

    >>> _unverbose(r"date \s+ de [ ]? x  # a (comment")
    'date\\s+de[ ]?x'
    """
    out, i = [], 0
    while i < len(p):
        c = p[i]
        if c == "\\":
            out.append(p[i: i + 2])
            i += 2
        elif c == "[":
            j = _class_end(p, i)
            if j < 0:
                return p
            out.append(p[i:j])
            i = j
        elif c == "#":
            j = p.find("\n", i)
            i = len(p) if j < 0 else j + 1
        elif c.isspace():
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _class_end(p: str, i: int) -> int:
    """Index just past the character class opening at ``p[i] == "["`` (-1 if it is not closed)."""
    j = i + 1
    if p[j: j + 1] == "^":
        j += 1
    if p[j: j + 1] == "]":  # a "]" first in the class is a character
        j += 1
    while j < len(p):
        if p[j] == "\\":
            j += 2
            continue
        if p[j] == "]":
            return j + 1
        j += 1
    return -1


def _alternatives(p: str) -> list[str] | None:
    """The top-level alternatives of a regex (None if it cannot be read)."""
    out, depth, cur, i = [], 0, "", 0
    while i < len(p):
        c = p[i]
        if c == "\\":
            cur += p[i: i + 2]
            i += 2
            continue
        if c == "[":
            j = _class_end(p, i)
            if j < 0:
                return None
            cur += p[i:j]
            i = j
            continue
        depth += c == "("
        depth -= c == ")"
        if c == "|" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += c
        i += 1
    return out + [cur]


def _group_end(p: str) -> int:
    """Index of the ")" closing the group that opens ``p`` (-1 if none)."""
    depth, i = 0, 0
    while i < len(p):
        c = p[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(p, i)
            if i < 0:
                return -1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _alt_starts(alt: str) -> dict[str, bool] | None:
    """Prefixes of one alternative (a space stands for ``\\s+``), each with whether it is its whole match."""
    lit, i = "", 0
    while i < len(alt):
        c = alt[i]
        if alt.startswith(("\\b", "\\B"), i) or c in "^$":  # an assertion takes no character: skipped
            i += 1 if c in "^$" else 2
            continue
        if alt.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):  # so is a lookaround
            j = _group_end(alt[i:])
            if j < 0:
                return None
            i += j + 1
            continue
        if alt.startswith("\\s+", i):  # one or more spaces: kept as " " (the trie writes \\s+)
            lit = _join(lit, " ")
            i += 3 + (alt[i + 3: i + 4] in ("?", "+"))
            continue
        if c == "\\" and alt[i + 1: i + 2] in _ESCAPED:
            ch, step = alt[i + 1], 2
        elif c in _LITERAL:
            ch, step = c, 1
        else:
            break
        if alt[i + step: i + step + 1] in _QUANT:
            return {lit: False}  # "votes?": the "s" may be missing
        lit += ch
        i += step
    if i == len(alt):
        return {lit: True}
    group = _GROUP.match(alt, i)
    if not group:
        return {lit: False}
    j = _group_end(alt[i:])
    if j < 0:
        return {lit: False} if lit else None
    inner, rest = alt[group.end(): i + j], alt[i + j + 1:]
    found = _prefixes(inner)
    q = _QUANTIFIER.match(rest)
    if q:  # "(...)?", "(...)*", "(...){0,2}": the group's words or what follows it come next
        more = literal_starts(rest[q.end():]) if rest[q.end():] else None
        found = None if found is None or more is None else dict.fromkeys(set(found) | more, False)
    if found is None:
        return {lit: False} if lit else None
    starts = {_join(lit, w): whole for w, whole in found.items()}
    if not rest or not any(starts.values()):
        return starts
    # "(?:est|a\\s+ete)\\s+inform": what comes after the group follows each of its literal words
    after = _alt_starts(rest)
    wholes = [w for w, whole in starts.items() if whole]
    if after is None or "" in after or len(wholes) * len(after) > _MAX_PRODUCT:
        return dict.fromkeys(starts, False)
    out = {w: False for w, whole in starts.items() if not whole}
    for w in wholes:
        for x, whole in after.items():
            out[_join(w, x)] = out.get(_join(w, x), True) and whole
    return out
