"""Person names in deliberations: cleaning, splitting lists, matching one person written two ways.

Names keep the text's spelling and case; civilities ("M.", "Mme", "Monsieur" ...) and roles (", Maire",
"Adjoints", "(départ à 20h08)") are removed. Used by attendance (présents, pouvoirs) and votes (voters
against, abstaining).

>>> split_names("Mmes DURAND, PETIT et MM. Jean MARTIN, Paul LE GOFF, Adjoints")
['DURAND', 'PETIT', 'Jean MARTIN', 'Paul LE GOFF']
>>> clean_name("Monsieur Didier DUFOUR, Maire")
'Didier DUFOUR'
>>> same_person("DUFOUR Didier", "M. Didier DUFOUR"), same_person("DUFOUR", "Didier DUFOUR")
(True, True)
"""

from __future__ import annotations

import functools
import re as stdre

import regex as re

from ..lexicon import fold as _fold_uncached
from ..lexicon import (
    fold_chars,  # noqa: F401 - one character for one; attendance reads it as N.fold_chars
    load,
)

fold = functools.lru_cache(maxsize=8192)(_fold_uncached)


class LazyPattern:
    """A compiled pattern built on its first use: the name patterns are large and slow to compile, and
    most regions never need most of them.

    >>> LazyPattern(r"\\d+").search("n° 12").group()
    '12'
    """

    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "pattern", "flags")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str):  # only reached before the first compilation
        compiled = compile_pattern(*self._source)
        for k in self._METHODS:  # later look-ups find the compiled pattern's own methods directly
            setattr(self, k, getattr(compiled, k))
        return getattr(compiled, name)


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern:
    """``regex.compile``, giving a pattern that holds the name pattern its list of non-name words.

    >>> compile_pattern(name_pattern()).findall("Le Conseil : Paul DURAND")
    ['Paul DURAND']
    """
    if r"\L<not_names>" in pattern:
        return re.compile(pattern, flags, not_names=_not_name_list())
    return re.compile(pattern, flags)


@functools.cache
def _data() -> dict:
    return load("civilities")


@functools.cache
def civility_pattern() -> str:
    """Regex (no groups) for one civility: 'M.', 'Mme', 'Monsieur', 'Mmes et MM.' ..."""
    civs = sorted(_data()["civilities"], key=len, reverse=True)
    return r"(?<![\p{L}])(?i:" + "|".join(civs) + r")(?:(?<=\.)|(?![\p{L}]))(?!\p{Lu}\.)"


@functools.cache
def role_pattern() -> str:
    """Regex (no groups) for one role: 'Maire', 'Adjoints', 'Conseillers municipaux délégués' ..."""
    roles = sorted(_data()["roles"], key=len, reverse=True)
    return r"(?<![\p{L}])(?i:" + "|".join(roles) + r")(?![\p{L}])"


def _not_name_words() -> list[str]:
    return [str(w) for w in _data()["not_names"]] + [str(w) for w in load("numbers")["words"] if len(str(w)) > 2]


@functools.cache
def _not_names() -> frozenset[str]:
    return frozenset(fold(w) for w in _not_name_words())


@functools.cache
def _particles() -> frozenset[str]:
    return frozenset(fold(w) for w in _data()["particles"])


@functools.cache
def name_pattern() -> str:
    """Regex (no groups) for one person's name as written: 'Jean-Pierre DI MEO', 'LE GOFF Anne',
    'P. RIO', 'Jean Serret', 'MORIN'. No civility. Stops where a second name starts in lists without
    separators ('Anne MARTIN Paul DUPONT' gives two matches)."""
    # the non-name words as a named list (a set look-up, given by ``compile_pattern``), not a 38 kB alternation
    nn = rf"(?!(?i:\L<not_names>)(?![\p{{L}}'’\-])|{civility_pattern()}|[LlDdQq]u?['’]\p{{Ll}})"
    part = r"(?:(?i:de|du|des|le|la|van|von|der|den|di|da|del|dos|das|ben|el|ter)[^\S\n]+|(?i:d)['’])"
    # a particle alone is never a name word ("DE Joëlle", "De LAGARDE" read as a first name)
    nop = r"(?!(?i:de|du|des|le|la|les|van|von|der|den|di|da|del|dos|das|ben|el|ter|et)(?![\p{L}'’\-]))"
    capw = rf"(?=\p{{Lu}}\p{{Ll}}){nn}{nop}\p{{Lu}}\p{{Ll}}[\p{{L}}'’]*(?:-[^\S\n]?\p{{L}}[\p{{L}}'’]*)*(?![\p{{L}}'’])"
    upw = rf"(?=\p{{Lu}}[\p{{Lu}}'’]){nn}{nop}\p{{Lu}}[\p{{Lu}}'’]+(?:-[^\S\n]?\p{{Lu}}[\p{{Lu}}'’]*)*(?![\p{{L}}'’])"
    init = r"(?:\p{Lu}{1,2}\.(?:-?\p{Lu}{1,2}\.)*(?:-?\p{Lu}\b)?|\p{Lu}-\p{Lu}\b)(?![\p{L}])"
    sp = r"[^\S\n]+"
    first = rf"(?:{capw}|{init})"
    # a further capitalised surname word has three letters or more ("GINDRE KR KA" is debris), or a particle
    upw3 = rf"(?=\p{{Lu}}[\p{{Lu}}'’]{{2}}){upw}"
    # initials without a dot after a surname: "SALOMON ML", "MARTIN JP"
    bare_init = r"(?!(?i:et|de|du|des|le|la|en|au|aux|a|à|ou)(?![\p{L}]))\p{Lu}{1,2}(?![\p{L}'’.\-])"
    a = rf"{first}(?:{sp}{first}){{0,3}}{sp}{part}?{upw}(?:{sp}(?:{part}{upw}|{upw3})){{0,4}}"  # Prénom NOM
    b = (  # NOM Prénom, NOM P.
        rf"{part}?{upw}(?:{sp}(?:{part}{upw}|{upw3})){{0,5}}"
        rf"(?:{sp}(?:{capw}|{init}(?![^\S\n]*\p{{Lu}})|{bare_init})(?:{sp}{capw}){{0,2}})?"
    )
    part_c = r"(?:(?:de|du|des|le|la|van|von|der|den|di|da|del|dos|das|De|Du|Des|Le|La|Van|Von|Di|Da|Del)[^\S\n]+|[dD]['’])"
    c = rf"{part_c}?{capw}(?:{sp}{part_c}?(?:{capw}|{init})){{0,3}}"  # Jean Serret
    return rf"(?<![\p{{L}}'’\-])(?=\p{{Lu}}|[dDlLvV])(?:{a}|{b}|{c})(?![/\d])"


@functools.cache
def _not_name_list() -> tuple[str, ...]:
    return tuple(sorted({w.lower() for w in _not_name_words()} | {fold(w) for w in _not_name_words()}))


@functools.cache
def _re() -> dict[str, re.Pattern]:
    civ = civility_pattern()
    role = role_pattern()
    return {
        # a heading glued to the name by text extraction: "Michel BOUTANTSECRÉTAIRE DE SÉANCE"
        "glued": re.compile(
            r"(?<=\p{L}{2})(?:[^\S\n]?[-–][^\S\n]?)?(?:SECR[EÉ]TAIRE|[EÉ]TAI(?:EN)?T|PR[EÉ]SENTS?|ABSENTS?|EXCUS[EÉ]S?|OBJET|ADOPT[EÉ]E?|"
            r"POUVOIRS?|PROCURATIONS?|RAPPORTEUR)(?![\p{Ll}]).*$",
            re.S,
        ),
        "paren": re.compile(r"\([^()]{0,120}\)|\[[^\[\]]{0,60}\]|\(\s*[^()]{0,120}$"),
        "lead": re.compile(
            rf"^(?:\s|[-–—•·*>:;,.]|(?i:le|la)\s+(?=(?i:dr|docteur|pr|professeur)\b)|{civ}\.?|"
            rf"(?i:et)\s+(?={civ})|(?i:les\s+conseill\w+\s+\w+\s*:?))+"
        ),
        "role_tail": re.compile(rf"(?:[\s,]*(?:\(|\s[-–—]\s)?\s*{role}[\s.)]*)+$"),
        "role_head": re.compile(rf"^(?:{role}|(?i:le|la)\s+{role})[\s,:]+"),
        "civ_inside": re.compile(rf"(?<=^|\s)(?i:le\s+)?{civ}\.?\s*(?=\p{{Lu}}\p{{L}})"),
        "trail": re.compile(r"[\s,;:–—\-*|»«\"()\[\]]+$"),
        "split": re.compile(
            r"""(?x) \s*(?: [,;/•·|\n\t] | \*\* | \s[-–—]\s | [–—] | \s-\s? | \s(?i:et)\s
                     | (?<=\p{Lu}{3})\.\s+(?=\p{Lu}) | (?<=\p{Lu}{2,}\s\p{Lu}{1,2}\.)\s+(?=\p{Lu}{2}) | \s(?i:excus[ée]e?s?|absente?s?)(?=\s|$) ) \s*"""
        ),
        "civ_split": re.compile(rf"(?<=\S)(?<!(?<![\p{{L}}])(?i:le|la))\s+(?={civ}\.?\s*\p{{Lu}})"),
        "name": LazyPattern(name_pattern()),
        "ws": re.compile(r"\s+"),
        "hyph_break": re.compile(r"(?<=\p{L})-\s+(?=\p{L})"),
    }


_INITIAL = re.compile(r"^\p{Lu}{1,2}\.(?:-?\p{Lu}{1,2}\.?)*$")
_INITIAL_END = re.compile(r"(?:^|[\s\-.])\p{Lu}{1,2}\.$")


def _token_ok(tok: str) -> bool:
    f = fold(tok).strip(".,:;")
    if not f:
        return False
    if _INITIAL.match(tok):
        return True
    if f in _particles():
        return True
    if f in _not_names() or all(x in _not_names() for x in f.split("-")):
        return False
    if not tok[0].isupper() and not (tok[0] in "[{(" and len(tok) > 1):
        return False
    letters = sum(ch.isalpha() for ch in tok)
    return letters >= 1 and sum(ch.isdigit() for ch in tok) <= 1


@functools.lru_cache(maxsize=16384)
def clean_name(s: str) -> str | None:
    """One name without civility, role or notes; None when the text is not a name.

    >>> clean_name("Mme Céline BARON (arrivée à 20h08)"), clean_name("le Conseil municipal")
    ('Céline BARON', None)
    """
    if not s:
        return None
    r = _re()
    s = r["glued"].sub("", s)
    s = r["paren"].sub(" ", s)
    s = r["ws"].sub(" ", s).strip()
    for _ in range(3):
        s0 = s
        s = r["lead"].sub("", s)
        s = r["role_head"].sub("", s)
        s = r["role_tail"].sub("", s)
        s = r["trail"].sub("", s).strip()
        if s == s0:
            break
    # "Monsieur le Maire Eddy VALADIER": a civility left inside means a role phrase before the name
    m = None
    for m in r["civ_inside"].finditer(s):
        pass
    if m is not None and m.start() > 0:
        s = s[m.end():].strip()
    s = r["role_head"].sub("", s).strip()
    if not s:
        return None
    toks = s.split()
    # rejoin line-break hyphenations "Fa- brice"
    joined: list[str] = []
    for t in toks:
        if joined and joined[-1].endswith("-") and t[:1].isalpha():
            joined[-1] += " " + t
        else:
            joined.append(t)
    toks = joined
    if not toks or len(toks) > 7:
        return None
    if not all(_token_ok(t.split(" ")[0]) for t in toks):
        return None
    if all(fold(t) in _particles() for t in toks):
        return None
    if not any(sum(ch.isalpha() for ch in t) >= 2 for t in toks):
        return None
    out = " ".join(toks)
    # a trailing abbreviation dot is kept only for an initial ("Martin S.", "BESSON C.")
    if out.endswith(".") and not _INITIAL_END.search(out):
        out = out[:-1]
    return out or None


_CAPS_DEBRIS = re.compile(r"(?<![\p{L}'’\-])(?:\p{Lu}[\p{Lu}'’\-]+|\d+)(?![\p{L}'’\-])")


def without_caps_debris(s: str) -> str | None:
    """The name left in a list item once words of a page header set in capitals ('RELEVÉ DE', 'BUREAU
    COMMUNAUTAIRE DU', '6 MARS 2023') are taken out; None unless two name words or more remain.

    >>> without_caps_debris("Didier BUREAU COMMUNAUTAIRE DU DALLOY"), without_caps_debris("DÉCISIONS DU BUREAU")
    ('Didier DALLOY', None)
    """
    words = s.split()
    drop = [False] * len(words)
    for i, w in enumerate(words):
        if _CAPS_DEBRIS.fullmatch(w.strip(",;.")) and (
            w.strip(",;.").isdigit() or (fold(w.strip(",;.")) in _not_names() and fold(w.strip(",;.")) not in _particles())
        ):
            drop[i] = True
    if not any(drop):
        return None
    # a particle in capitals next to dropped words goes with them ("RELEVÉ DE", "COMMUNAUTAIRE DU")
    for i, w in enumerate(words):
        if not drop[i] and w.isupper() and fold(w) in _particles() and (
            (i > 0 and drop[i - 1]) or (i + 1 < len(words) and drop[i + 1])
        ):
            drop[i] = True
    kept = " ".join(w for w, d in zip(words, drop) if not d)
    n = clean_name(kept)
    return n if n is not None and len(n.split()) >= 2 else None


def find_names(s: str) -> list[str]:
    """Every name-shaped run in ``s`` (no separators needed): 'Anne MARTIN Paul DUPONT' -> two names.

    >>> find_names("Evelyne BOSSU Xavier BACHELET Ariane MARTIN")
    ['Evelyne BOSSU', 'Xavier BACHELET', 'Ariane MARTIN']
    """
    out = []
    for m in _re()["name"].finditer(s):
        n = clean_name(m.group())
        if n:
            out.append(n)
    return out


def split_pieces(s: str) -> list[str]:
    """Split a list's text on separators (commas, dashes, ' et ', bullets, newlines, civilities)."""
    r = _re()
    s = r["paren"].sub(" ", s)
    pieces: list[str] = []
    for p in r["split"].split(s):
        if not p or not p.strip():
            continue
        parts = r["civ_split"].split(p) if _space_then_civility().search(p) else [p]
        pieces.extend(x for x in parts if x.strip())
    return pieces


@functools.cache
def _space_then_civility() -> stdre.Pattern:
    """Where a civility may follow a space (the only places ``civ_split`` cuts): a space, then one of the
    letters the civilities open with ('m', 'd', 'p'), in either case; any space when one opens otherwise.

    >>> bool(_space_then_civility().search("Luc BRUN Mme Anne PETIT")), bool(_space_then_civility().search("Luc BRUN"))
    (True, False)
    """
    firsts = {c[0] for c in _data()["civilities"]}
    if not all(ch.isascii() and ch.isalpha() for ch in firsts):
        return stdre.compile(r"\s")
    letters = "".join(sorted({ch.lower() for ch in firsts} | {ch.upper() for ch in firsts}))
    return stdre.compile(rf"\s[{letters}]")


def split_names(s: str) -> list[str]:
    """Names of a list written with commas, dashes, ' et ', semicolons, bullets, newlines or civilities.

    >>> split_names("M. Paul DURAND – Mme Anne PETIT ; Jean Serret")
    ['Paul DURAND', 'Anne PETIT', 'Jean Serret']
    """
    out: list[str] = []
    for p in split_pieces(s):
        n = clean_name(p)
        if n is not None:
            if len(n.split()) >= 4:
                parts = find_names(n)
                if len(parts) > 1 and sum(len(x.split()) for x in parts) == len(n.split()):
                    out.extend(parts)
                    continue
            out.append(n)
    return out


def _key_tokens(s: str) -> list[str]:
    c = clean_name(s) or s
    c = fold(c).replace("-", " ").replace(".", " ").replace("'", " ")
    return [t for t in c.split() if t and t not in _particles()]


def same_person(a: str, b: str) -> bool:
    """True when two writings name the same person: civilities ignored, word order ignored, a surname
    alone or an initial matches the full name.

    >>> same_person("P. RIO", "Philippe RIO"), same_person("Anne MARTIN", "Paul MARTIN")
    (True, False)
    """
    ta, tb = _key_tokens(a), _key_tokens(b)
    if not ta or not tb:
        return False
    if sorted(ta) == sorted(tb):
        return True
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    rest = list(long_)
    for t in short:
        if t in rest:
            rest.remove(t)
            continue
        hit = next((x for x in rest if len(t) <= 2 and x.startswith(t)), None)
        if hit is None:
            return False
        rest.remove(hit)
    # at least one full (non-initial) token in common
    return any(len(t) > 2 and t in long_ for t in short)
