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

    __slots__ = ("pattern", "starts")

    def __init__(self, pattern: Any, starts: str | stdre.Pattern) -> None:
        self.pattern = pattern
        self.starts = stdre.compile(starts) if isinstance(starts, str) else starts

    def finditer(self, s: str, pos: int = 0, endpos: int | None = None):
        n = len(s)  # ``pos`` and ``endpos`` read as by the ``regex`` module (negative: from the end)
        end = n if endpos is None else max(0, min(endpos + n if endpos < 0 else endpos, n))
        pos = max(0, pos + n if pos < 0 else pos)
        find, match = self.starts.search, self.pattern.match
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


# every character the ``regex`` module's \d matches (the standard module's \d misses the digits of
# scripts added to Unicode after Python's own tables, all outside the Basic Multilingual Plane)
DIGIT = r"[\d\U00010000-\U0010FFFF]"


def trie(words) -> str:
    """A regex matching exactly ``words``, factored by common prefixes (the standard ``re`` scans it
    many times faster than a flat alternation).

    >>> trie(["le", "les", "la", "vu"])
    '(?:(?:l(?:a|e(?:s)?)|vu))'
    """
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [stdre.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return f"(?:{emit(tree)})"


_LITERAL = set("abcdefghijklmnopqrstuvwxyz0123456789'’")
_ESCAPED = set("()[]{}.*+?|^$\\")  # "\\(" stands for "(" ...
_QUANT = set("?*{")
_GROUP = stdre.compile(r"\((?:\?:|\?P<\w+>)?")  # "(", "(?:", "(?P<name>"
_QUANTIFIER = stdre.compile(r"(?:[?*+]|\{[\d,]*\})[?+]?")  # "+" included: it never hurts


def literal_starts(fragment: str) -> set[str] | None:
    r"""Literal prefixes one of which opens every match of the regex ``fragment`` (lower case; None
    when a match may open with something else than a literal: a class, \s, a lookaround ...).

    >>> sorted(literal_starts(r"(?:ont\s+vote\s+|votes?\s+)?pour|favorables?"))
    ['favorable', 'ont', 'pour', 'vote']
    """
    out: set[str] = set()
    for alt in _alternatives(fragment):
        starts = _alt_starts(alt)
        if starts is None or "" in starts:
            return None
        out |= starts
    return out


def _alternatives(p: str) -> list[str]:
    """The top-level alternatives of a regex."""
    out, depth, cur, i = [], 0, "", 0
    while i < len(p):
        c = p[i]
        if c == "\\":
            cur += p[i: i + 2]
            i += 2
            continue
        if c == "[":  # a class: up to its closing bracket
            j = i + 1 + (p[i + 1: i + 2] == "^")
            j = p.find("]", j + 1)
            if j < 0:
                return [p]
            cur += p[i: j + 1]
            i = j + 1
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
            j = p.find("]", i + 2)
            if j < 0:
                return -1
            i = j + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _alt_starts(alt: str) -> set[str] | None:
    group = _GROUP.match(alt)
    if group:
        j = _group_end(alt)
        if j < 0:
            return None
        inner, rest = alt[group.end():j], alt[j + 1:]
        q = _QUANTIFIER.match(rest)
        if q:  # "(...)?", "(...)*", "(...){0,2}": a match opens with the group or with what follows
            rest = rest[q.end():]
            a, b = literal_starts(inner), literal_starts(rest) if rest else None
            return None if a is None or b is None else a | b
        return literal_starts(inner)  # a prefix of the group's match opens the match
    lit, i = "", 0
    while i < len(alt):
        c = alt[i]
        if c == "\\" and alt[i + 1: i + 2] in _ESCAPED:
            ch, step = alt[i + 1], 2
        elif c in _LITERAL:
            ch, step = c, 1
        else:
            break
        if alt[i + step: i + step + 1] in _QUANT:
            break  # "votes?": the "s" may be missing
        lit += ch
        i += step
    return {lit}
