"""Attendance: who presides, the secretary, counts (en exercice, présents, votants, représentés), the lists
of présents / absents excusés / absents, the proxies, and per-act arrivals and departures.

Finding is split from choosing: ``find_labels`` locates headings ("Présents :", "Absents excusés :" ...),
each heading opens a segment running to the next one; ``find_counts``, ``find_lists``, ``find_pouvoirs``,
``find_president``, ``find_secretaire`` and ``find_events`` return candidates, ``extract`` keeps one per field.

>>> t = "Présents : M. Paul DURAND, Maire, Mme Anne PETIT. Absents excusés : M. Jean MARTIN (pouvoir à M. Paul DURAND). Secrétaire de séance : Mme Anne PETIT."
>>> got = {f.field: f.value for f in extract(t, 0, len(t), None)}
>>> got["presents"], got["absents_excuses"], got["pouvoirs"], got["secretaire"]
(['Paul DURAND', 'Anne PETIT'], ['Jean MARTIN'], [{'de': 'Jean MARTIN', 'a': 'Paul DURAND'}], 'Anne PETIT')
"""

from __future__ import annotations

import functools
import re as stdre
from dataclasses import dataclass

import regex as re

from ..lexicon import load, number_word_pattern, parse_int
from ..prefilter import DIGIT, literal_starts, trie
from . import names as N
from .base import Context, Found

_lazy = N.LazyPattern
fold = N.fold  # the same folding, cached: names are folded again and again

FIELDS = (
    "president",
    "secretaire",
    "membres_en_exercice",
    "nb_presents",
    "nb_votants",
    "nb_representes",
    "presents",
    "absents_excuses",
    "absents",
    "pouvoirs",
    "_event.arrivee",
    "_event.depart",
    "_event.nppv",
    "_event.schedule",
)

LIST_ROLES = ("presents", "absents_excuses", "absents", "pouvoirs")
COUNT_FIELD = {
    "exercice": "membres_en_exercice",
    "presents": "nb_presents",
    "votants": "nb_votants",
    "pouvoirs": "nb_representes",
}
MAX_SEGMENT = 5000


@dataclass(frozen=True, slots=True)
class Label:
    role: str
    start: int
    end: int


# ----------------------------------------------------------------------------------------- patterns


_NEEDLES = {  # words (folded: lower case, no accents) one of which every heading of the role contains
    "presents": ("present",),
    "absents_excuses": ("excus",),
    "absents": ("absent",),
    "pouvoirs": ("pouvoir", "procuration", "mandat", "represent", "delegation"),
    "secretaire": ("secretaire",),
    "president": ("presid",),
    "exercice": ("exercice", "nombre"),
    "votants": ("vot", "present"),
    "quorum": ("quorum",),
    "ignore_count": ("afferent", "exprim", "abstention"),
}

# Speed: where each trigger's matches may start, found on the folded text (same length) by the standard re
# module, which scans far faster than ``regex``; the trigger itself is then matched there only. Every match of
# a trigger starts where its pattern here matches (folding only merges letters), so the windows are the same.
_TRIG_STARTS = {
    "trig_pouvoir": stdre.compile(r"donn|remis|transmis|represent|pouvoir|procuration|mandat"),
    "trig_pair": stdre.compile(r"\s(?:a|par|pour)\s|→|->|=>"),
    "trig_president": stdre.compile(r"presid"),
    "trig_open": stdre.compile(r"ouvre|declare|a\s+ouvert|preside"),
    "trig_secretaire": stdre.compile(r"secretaire"),
    "trig_events": stdre.compile(
        r"arrive|depart|entre|est|integre|part|pas|prend|quitt|rejoi|retir|retour|sort"
    ),
}

# the words closing "39 présents", "dont 3 pouvoirs" (count_before's), folded, for the same one scan
_COUNT_WORDS = ("presents", "votants", "pouvoirs", "procurations", "representes", "en exercice", "titulaires")

# The same starts as words (a space stands for \s+), for the one scan of a region that also finds the headings
# (see ``_region_starts``); "trig_pair", which opens with a space, is left to its own pattern.
_TRIG_WORDS = {
    "trig_pouvoir": ("donn", "remis", "transmis", "represent", "pouvoir", "procuration", "mandat"),
    "trig_president": ("presid",),
    "trig_open": ("ouvre", "declare", "a ouvert", "preside"),
    "trig_secretaire": ("secretaire",),
    "trig_events": (
        "arrive", "depart", "entre", "est", "integre", "part", "pas", "prend", "quitt", "rejoi", "retir", "retour", "sort"
    ),
}


# "a donné pouvoir à", "représenté par": the words of the proxy patterns, shared with ``_NEEDED``
_GIVE = (
    r"(?:donn[ée]e?|donne|donnent|donnant|remis|"
    r"transmis|d[ée]l[ée]gu[ée])\s+(?:son\s+|sa\s+|un\s+|leur\s+)?(?:pouvoir|procuration|mandat|"
    r"d[ée]l[ée]gation)s?(?:\s+(?:écrit\s+)?de\s+vote\w*)?(?:\s+en\s+(?:son|leur)\s+nom)?"
)
_TO = r"(?:à|a|au\s+profit\s+de|en\s+faveur\s+de)"
_PV_SHORT_WORDS = rf"(?i:pouvoir|procuration|mandat)s?[^\S\n]*(?:donn[ée]e?[^\S\n]+)?(?:{_TO}|:)"
_PV_REPR_WORDS = r"(?i:repr[ée]sent[ée]e?s?)[^\S\n]+(?i:par)[^\S\n]+"
_PV_REV_WORDS = r"\([^\S\n]*(?i:procuration|pouvoir|mandat)s?[^\S\n]+(?i:de)[^\S\n]+"


@functools.cache
def _rx() -> dict:
    data = load("attendance")
    civ = N.civility_pattern()
    name = N.name_pattern()
    num = rf"(?:\d{{1,3}}|{number_word_pattern()})"
    # a name with its civility: "Mme Anne PETIT", "M. le Dr Jean MARTIN", "Monsieur le Maire, Paul DURAND"
    namec = rf"(?=[\p{{Lu}}mdplv])(?:(?:{civ}\.?|(?i:le|la)\s+(?i:dr|docteur|pr|professeur)\.?)[^\S\n]*){{0,3}}{name}"
    # a role before the name: "Monsieur le Maire, ", "son Maire, ", "Monsieur le Président, "
    pre_role = (
        rf"(?:(?:{civ}\.?\s*)?(?i:le|la|son|sa|leur)\s+(?i:maire|pr[ée]sidente?|vice-pr[ée]sidente?|"
        rf"doyen(?:ne)?\s+d['’][âa]ge)(?:\s+(?i:sortant|d[ée]l[ée]gu[ée]))?\s*,?\s*)?"
    )
    labels = []
    for role, pats in data["labels"].items():
        for p in pats:
            labels.append((role, _lazy(rf"(?i)(?<![\p{{L}}'’\-])(?:{p})(?![\p{{L}}])"), _label_starts(p)))
    give = r"(?:qui\s+)?(?:a\s+|ayant\s+|avait\s+|avaient\s+|ont\s+)?" + _GIVE
    to = _TO

    return {
        "trig_pouvoir": _lazy(
            r"(?i)(?:donn|remis|transmis)\w*\s+(?:son\s+|sa\s+|un\s+|leur\s+)?(?:pouvoir|procuration|mandat|d[ée]l[ée]gation)|"
            r"repr[ée]sent[ée]e?s?\s+par|(?:pouvoir|procuration|mandat)s?\s*(?:donn[ée]e?\s+)?(?:à|a|de|:)\s"
        ),
        "suppleant": _lazy(
            rf",?\s*(?i:repr[ée]sent[ée]e?\s+par\s+(?:son|sa|le|la|un|une)\s+suppl[ée]ante?)\s*(?:{namec})?"
            # "Jacky PRODHOMME, suppléant de Bernard THUAU": the member stood in for is not present
            rf"|,?[^\S\n]*(?i:suppl[ée]ante?|rempla[çc]ante?)[^\S\n]+(?i:de|d['’])[^\S\n]*(?:{namec})"
        ),
        "trig_pair": _lazy(r"\s(?:à|a|par|pour)\s|→|->|=>"),
        "trig_president": _lazy(r"(?i)pr[ée]sid(?:ence|[ée]e?\s+par|ente?\s*(?:de\s+(?:la\s+)?s[ée]ance\s*)?:)"),
        "trig_open": _lazy(
            r"(?i)ouvre\s+la\s+s|d[ée]clare\s+(?:la\s+s[ée]ance\s+)?ouverte|a\s+ouvert\s+la\s+s|pr[ée]side\s+la\s+s"
        ),
        "trig_secretaire": _lazy(r"(?i)secr[ée]taire"),
        "trig_events": _lazy(
            r"(?i)quitt|rejoi|arriv[ée]e\s+de|\barrive\b|est\s+arriv|retour\s+de|d[ée]part\s+de|sortie\s+de|sort\s+de\s+la|"
            r"entre\s+en\s+s|int[èe]gre|prend\s+(?:place|s[ée]ance)|part\s+au\s+vote|pas\s+particip|retir"
        ),
        "labels": labels,
        "num": num,
        "namec": namec,
        "namec_re": _lazy(namec),
        "count_after": _lazy(
            rf"[^\S\n]*(?:\([^()\d]{{0,40}}\))?[^\S\n]*(?:[:;=\-–]|\.{{2,}})?[^\S\n]*(?:de\s+)?(?P<num>{num})"
            r"(?![\d/,.:]\d|[^\S\n]*(?:h\b|heures?|€|%|ans?\b|janvier|f[ée]vrier|mars|avril|mai\b|juin|juillet|"
            r"ao[uû]t|septembre|octobre|novembre|d[ée]cembre|er\b))",
            re.I,
        ),
        "count_before": _lazy(
            # the cheap word boundary first: the costly look-behind runs only where a word starts
            rf"(?i)\b(?<![:=][^\S\n]*|(?<!\d)\d{{1,3}}[^\S\n]|[/\-.,]|\d)(?P<num>{num})[^\S\n]+(?:conseill\w+[^\S\n]+|membres[^\S\n]+|"
            r"élus[^\S\n]+|d[ée]l[ée]gu[ée]s[^\S\n]+)?(?P<lab>pr[ée]sents|votants|pouvoirs|procurations|"
            r"repr[ée]sent[ée]s|en\s+exercice|titulaires)\b"
        ),
        "table_nums": _lazy(r"[\s:|*]*(?P<nums>\d{1,3}(?:[\s|*]+\d{1,3})+)(?![\d/.,:]\d)"),
        "gap": _lazy(r"^[\s:|*\-–—]*$"),
        "pv_give": _lazy(
            rf"(?P<de>{namec})[^\S\n]*(?:[,(\-–][^\S\n]*){{0,2}}{give}[^\S\n]+{to}[^\S\n]+(?P<a>{namec})"
        ),
        "pv_short": _lazy(
            rf"(?P<de>{namec})[^\S\n]*(?:[,(\-–]|\s)[^\S\n]*{_PV_SHORT_WORDS}[^\S\n]*(?P<a>{namec})"
        ),
        "pv_repr": _lazy(
            rf"(?P<de>{namec})[^\S\n]*,?[^\S\n]*(?:(?i:absente?|excus[ée]e?)[^\S\n]*,?[^\S\n]*)?(?:(?i:est|était|sera)[^\S\n]+)?"
            rf"{_PV_REPR_WORDS}(?P<a>{namec})"
        ),
        "pv_rev": _lazy(
            rf"(?P<a>{namec})[^\S\n]*{_PV_REV_WORDS}(?P<de>{namec})[^\S\n]*\)"
        ),
        "pv_de": _lazy(
            rf"(?i:pouvoir|procuration|mandat)s?[^\S\n]+(?i:de)[^\S\n]+(?P<de>{namec})[^\S\n]+{to}[^\S\n]+(?P<a>{namec})"
        ),
        "pv_pair": _lazy(
            rf"(?P<de>{namec})[^\S\n]*(?:(?<=\s)(?:à|a|par|pour)|→|->|=>)[^\S\n]*(?P<a>{namec})"
        ),
        "preface": _lazy(r"^[^:\n]{0,250}?(?i:pouvoir|procuration|nom|suivants?|L\.?\s?2121-20)[^:\n]{0,60}:"),
        "president": [
            _lazy(
                rf"(?i:sous\s+la\s+pr[ée]sidence|pr[ée]sid[ée]e?\s+par)\s+(?:(?i:de|du|d['’])\s*)?{pre_role}"
                rf"(?P<n>{namec})"
            ),
            _lazy(
                rf"(?i:pr[ée]sidente?(?:\s+de\s+(?:la\s+)?s[ée]ance)?|pr[ée]sidence)\s*:\s*{pre_role}(?P<n>{namec})"
            ),
            _lazy(
                rf"(?P<n>{namec})\s*,\s*(?i:maire|pr[ée]sidente?)\b[^.\n]{{0,60}}?\s*,?\s*(?i:ouvre|a\s+ouvert|"
                rf"d[ée]clare\s+(?:la\s+s[ée]ance\s+)?ouverte|pr[ée]side)"
            ),
        ],
        "president_ref": _lazy(
            rf"(?i:sous\s+la\s+pr[ée]sidence\s+(?:de|du|d['’])\s*)(?:(?:{civ}\.?)\s*)?(?i:le|la|son|sa)?\s*"
            rf"(?P<role>(?i:maire|pr[ée]sidente?))\b|"
            rf"(?i:le|la)\s+(?P<role2>(?i:maire|pr[ée]sidente?))\s*,?\s*(?i:ouvre\s+la\s+s[ée]ance|d[ée]clare\s+(?:la\s+s[ée]ance\s+)?ouverte|"
            rf"a\s+ouvert\s+la\s+s[ée]ance|pr[ée]side)"
        ),
        "presidence_hint": _lazy(r"(?i)sous\s+la\s+pr[ée]sidence\s+(?:de|du|d['’])\s*"),
        "secretaire": [
            _lazy(
                rf"(?i:secr[ée]taires?(?:\s+de\s+(?:la\s+)?s[ée]ance)?)(?:\s*\(e?s?\))?"
                # "Désignation d'un secrétaire de séance (article L.2121-15 du CGCT) : Mme X a été désignée"
                rf"(?:\s*\((?!e?s?\))[^()]{{3,160}}\)(?=\s*:))?(?:\s+(?i:est\s+|a\s+été\s+)?"
                rf"(?i:d[ée]sign[ée]e?|[ée]lue?))?(?P<sep>\s*[:\-–]\s*|\s+)(?P<n>{namec}(?:\s+(?i:et)\s+{namec})?)"
            ),
            _lazy(  # "Secrétaire de séance : Commune de Saint-Paul - M. Jean LEROY"
                rf"(?i:secr[ée]taires?\s+de\s+(?:la\s+)?s[ée]ance)\s*:[^:\n]{{0,60}}?[\s\-–]"
                rf"(?P<n>(?:{civ}\.?)\s*{name})"
            ),
            _lazy(
                rf"(?P<n>{namec})\s*,?\s*(?i:a\s+été|est|ayant\s+été|sont|ont\s+été)\s+(?:\w+\s+){{0,2}}?"
                rf"(?i:d[ée]sign[ée]e?s?|[ée]lue?s?|nomm[ée]e?s?|choisie?s?)\s+(?i:comme\s+|en\s+qualit[ée]\s+de\s+|pour\s+"
                rf"(?:remplir|assurer|exercer)\s+les\s+fonctions\s+de\s+)?(?i:secr[ée]taire)(?![\-\s]*(?i:adjoint|auxiliaire))"
            ),
            _lazy(
                rf"(?i:secr[ée]taire)(?:[^.]|\.(?=\s+\p{{Lu}})){{0,300}}?(?P<n>{namec})\s*,?\s*(?:(?i:a\s+été|est|ayant)[^.]{{0,80}}?)?"
                rf"(?i:d[ée]si-?\s?gn[ée]e?|[ée]lue?)\s*(?:(?i:pour\s+(?:remplir|assurer|exercer)\s+(?:cette|ces|la)\s+fonctions?)|"
                rf",\s*(?i:prend|accepte|rejoint))"
            ),
            _lazy(
                rf"(?i:a\s+d[ée]sign[ée]|d[ée]signe|nomme|a\s+nomm[ée]|a\s+[ée]lu|[ée]lit)\b(?:[^.]|\.(?=\d)){{0,160}}?(?P<n>{namec})\s*,?\s*"
                rf"(?i:pour\s+(?:remplir|assurer|exercer)\s+les\s+fonctions\s+de\s+|comme\s+|en\s+qualit[ée]\s+de\s+)"
                rf"(?i:secr[ée]taire)(?![\-\s]*(?i:adjoint|auxiliaire))"
            ),
        ],
        "events": [
            ("arrivee", _lazy(rf"(?i:arriv[ée]e|retour)\s+(?i:de)\s+(?P<n>{namec})")),
            (
                "arrivee",
                _lazy(
                    rf"(?P<n>{namec})\s*,?\s*(?i:rejoint|rejoignent|int[èe]gre|arrive|entre|est\s+arriv[ée]e?|"
                    rf"prend\s+place|prend\s+s[ée]ance)\b\s*(?i:la\s+s[ée]ance|l['’]assembl[ée]e|la\s+salle|le\s+conseil|"
                    rf"en\s+s[ée]ance|s[ée]ance|dans\s+la\s+salle|à\s+\d{{1,2}}\s*h|au\s+cours|pendant|lors|au\s+point|$|[.;,])"
                ),
            ),
            (
                "depart",
                _lazy(
                    rf"(?P<n>{namec})\s*,?\s*(?i:quitte|a\s+quitt[ée]|quittent|sort\s+de|est\s+sortie?\s+de)\s+"
                    rf"(?i:la\s+s[ée]ance|la\s+salle|l['’]assembl[ée]e|la\s+r[ée]union)"
                ),
            ),
            ("depart", _lazy(rf"(?i:d[ée]part|sortie)\s+(?i:de)\s+(?P<n>{namec})")),
            (
                "nppv",
                _lazy(
                    rf"(?P<n>{namec})\s*(?:,[^,.\n]{{0,60}},)?\s*(?i:ne\s+prend\s+pas\s+part|ne\s+participe\s+pas|"
                    rf"n['’]a\s+pas\s+pris\s+part|n['’]a\s+pas\s+particip[ée]|ne\s+prennent\s+pas\s+part|"
                    rf"se\s+retire|s['’][ée]tant\s+retir[ée]e?|se\s+sont\s+retir[ée]s)"
                ),
            ),
        ],
    }


# ----------------------------------------------------------------------------------------- finding

# small patterns used inside loops, compiled once
_TABLE_SEP = re.compile(r"[\s|*]+")
_TITULAIRE = re.compile(r"(?i)titulaire|suppl")
_LOWER_WORD4 = re.compile(r"(?<![\p{L}'’])\p{Ll}[\p{Ll}'’]{3,}")
_CAPS3 = re.compile(r"\p{Lu}{3}")
_M_INITIAL = re.compile(r"\s*M\.\s?\p{Lu}{2}")
_LOWER_NEXT = re.compile(r"\s+\p{Ll}{3}")
_CAP_LAST = re.compile(r"\s\p{Lu}\p{Ll}+$")
_LOWER_START = re.compile(r"\s*\p{Ll}")
_LOWER_WORD3 = re.compile(r"(?<![\p{L}'’])\p{Ll}{3,}")
_ITEM_NUM = re.compile(r"\d{1,3}")
_ANY_CAP = re.compile(r"\p{Lu}")
_DIGIT = re.compile(r"\d")
_PROXY_WORD = re.compile(r"(?i)pouvoir|procuration|mandat|repr[ée]sent")
_VERB_START = re.compile(r"[Oo]nt\s|[Aa]\s|[Aa]vai|\p{Ll}")
_GAVE_PROXY = re.compile(r"(?i)(?:ayant|avec|ont)\s+(?:donn[ée]\s+)?(?:pouvoir|procuration)")
_EXCUSE = re.compile(r"(?i)excus")
_SUPPLEANT = re.compile(r"(?i)suppl[ée]ant|rempla[çc]ant")
_ET = re.compile(r"\s+(?i:et)\s+")
_ARTICLE_END = re.compile(r"(?i)\b(?:le|la|les)\s+$")



@functools.lru_cache(maxsize=4)
def _folded(text: str) -> str:
    """``text`` folded one character for one (lower case, no accents, straight apostrophes): offsets carry over."""
    return N.fold_chars(text)


def _label_starts(fragment: str) -> stdre.Pattern | None:
    """Where a match of the (case-blind) heading pattern ``fragment`` may start in the folded text: one of its
    literal prefixes; None when they cannot be read (the pattern then scans the whole region).

    >>> bool(_label_starts(r"(?:[ée]taient|sont)\\s+pr[ée]sents").match("etaient presents"))
    True
    """
    words = _label_prefixes(fragment)
    return stdre.compile(trie(words)) if words else _folded_fragment(fragment)


@functools.cache
def _label_prefixes(fragment: str) -> frozenset[str]:
    """The folded literal prefixes that open every match of the heading pattern ``fragment`` (a space stands
    for \\s+); empty when they cannot be read or are too common to be worth looking for."""
    # on the folded text a class of one letter's forms is that letter, and case is gone
    p = _ONE_LETTER_CLASS.sub(lambda m: m.group(1)[0] if len(set(N.fold_chars(m.group(1)))) == 1 else m.group(), fragment)
    p = _NON_ASCII.sub(lambda m: N.fold_chars(m.group()), p)
    p = _CASE_GROUP.sub("(?:", p)
    p = _UPPER_LITERAL.sub(lambda m: m.group().lower(), p)
    starts = literal_starts(p)
    if not starts or any(len(w.strip()) < 2 or w.strip() in _FREQUENT or " " in w[:2] for w in starts):
        return frozenset()  # "a", "en": found everywhere, each place a match to try; the scan is faster
    return frozenset(N.fold_chars(w) for w in starts)


def _folded_fragment(fragment: str) -> stdre.Pattern | None:
    r"""The (case-blind) heading pattern ``fragment`` written for the folded text and the standard re: it matches
    wherever the fragment does (accents and case gone), so its matches are the places where the heading may
    start. None when the fragment holds what the standard re reads otherwise (\p, \w, \b, \d, classes ...).

    >>> _folded_fragment(r"(?:ont|a)\s+donn[ée]").pattern, _folded_fragment(r"\w+s?")
    ('(?:ont|a)\\s+donne', None)
    """
    p = _ONE_LETTER_CLASS.sub(lambda m: m.group(1)[0] if len(set(N.fold_chars(m.group(1)))) == 1 else m.group(), fragment)
    p = _NON_ASCII.sub(lambda m: N.fold_chars(m.group()), p)
    p = _CASE_GROUP.sub("(?:", p)
    p = _UPPER_LITERAL.sub(lambda m: m.group().lower(), p)
    if _READ_OTHERWISE.search(p):
        return None
    try:
        return stdre.compile(p)
    except stdre.error:
        return None


_READ_OTHERWISE = stdre.compile(r"\\[pPwWbBdDX]|\(\?[a-zA-Z]|\[")  # classes, flags: the two modules may differ
_FREQUENT = frozenset({"en", "de", "le", "la", "les", "et", "du", "un", "une"})
_ONE_LETTER_CLASS = stdre.compile(r"\[([^\]\\^]{2,4})\]")
_NON_ASCII = stdre.compile(r"(?<!\\)[^\x00-\x7f]")
_CASE_GROUP = stdre.compile(r"\(\?-i:")
_UPPER_LITERAL = stdre.compile(r"(?<![\\{])[A-Z]")


@functools.cache
def _label_index() -> tuple[stdre.Pattern, dict[str, tuple[tuple[int | str, tuple[str, ...]], ...]]]:
    """One scan for the starts of every heading: a pattern finding each place where one of them (or a trigger
    word, see ``_TRIG_WORDS``) may start (on the folded text), and, by the first two letters there, the headings
    (by index) and triggers (by name) that may start there, each with its literal prefixes (the headings without
    any are looked for with their own folded pattern, see ``_folded_fragment``)."""
    data = load("attendance")
    prefixes: set[str] = set()
    first2: dict[str, list[tuple[int | str, tuple[str, ...]]]] = {}
    idx = 0
    for pats in data["labels"].values():
        for frag in pats:
            words = _label_prefixes(frag)
            if words:
                prefixes |= words
                for w in {w[:2] for w in words}:
                    first2.setdefault(w, []).append((idx, tuple(sorted(words))))
            idx += 1
    for trig, words in {**_TRIG_WORDS, "count_word": _COUNT_WORDS}.items():
        prefixes |= set(words)
        for w in {w[:2] for w in words}:
            first2.setdefault(w, []).append((trig, words))
    return stdre.compile(trie(prefixes)), {k: tuple(v) for k, v in first2.items()}


@functools.cache
def _indexed_labels() -> frozenset[int]:
    """The headings found by the one scan of ``_label_index`` (those with literal prefixes)."""
    return frozenset(k for entries in _label_index()[1].values() for k, _ in entries if isinstance(k, int))


_SPACES = stdre.compile(r"\s+")


def _starts_iter(rx, starts: stdre.Pattern, text: str, low: str, pos: int, end: int):
    """``rx.finditer(text, pos, end)``, ``rx`` tried only where ``starts`` matches the folded ``low``: the same
    matches when every match of ``rx`` starts where ``starts`` does."""
    find, match = starts.search, rx.match
    while pos < end:
        c = find(low, pos, end)
        if c is None:
            return
        q = c.start()
        m = match(text, q, end)
        if m is None:
            pos = q + 1
            continue
        yield m
        pos = max(m.end(), q + 1)


def _at_starts(rx, places, text: str, end: int):
    """``rx.finditer`` when its matches can only start at ``places`` (in order)."""
    last = -1
    for q in places:
        if q < last:
            continue
        m = rx.match(text, q, end)
        if m is not None:
            yield m
            last = max(m.end(), q + 1)


def _trigger_hits(trig: str, text: str, start: int, end: int, low: str | None = None):
    """The matches of trigger ``trig`` in ``text[start:end]`` (as ``finditer``), tried only where
    ``_TRIG_STARTS`` finds a possible start in ``low``, the folded text (for a region of the document, where
    the one scan of ``_region_starts`` found one of its words)."""
    rx = _rx()[trig]
    if low is None and trig in _TRIG_WORDS:
        yield from _at_starts(rx, _region_starts(_folded(text), start, end).get(trig, ()), text, end)
        return
    low = _folded(text) if low is None else low
    yield from _starts_iter(rx, _TRIG_STARTS[trig], text, low, start, end)


def _windows(
    trig: str | re.Pattern, text: str, start: int, end: int, before: int, after: int, low: str | None = None
) -> list[tuple[int, int]]:
    """Merged windows around the matches of a trigger (a ``_TRIG_STARTS`` key, or a pattern): the costly name
    patterns only run there."""
    out: list[tuple[int, int]] = []
    hits = _trigger_hits(trig, text, start, end, low) if isinstance(trig, str) else trig.finditer(text, start, end)
    for m in hits:
        s, e = max(start, m.start() - before), min(end, m.end() + after)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _finditer(
    rx: re.Pattern, wins: list[tuple[int, int]], text: str, needed: re.Pattern | None = None,
    led: tuple[stdre.Pattern, int] | None = None,
):
    """Matches of ``rx`` in each window; a window without the ``needed`` word (one every match holds) is skipped.
    ``led``: the pattern opens with a name, then (through spaces and at most so many commas) a word found by
    this standard-re pattern (see ``_name_led_search``)."""
    for s, e in wins:
        if needed is None or needed.search(text, s, e):
            yield from rx.finditer(text, s, e) if led is None else _name_led_finditer(rx, led[0], led[1], text, s, e)


# The patterns that open with a name (president 2, secretaire 2, events 1 and 2): the word after the name
_LED = {
    ("president", 2): (stdre.compile(r"(?i:maire|pr[ée]sident)"), 1),
    ("secretaire", 2): (stdre.compile(r"(?i:a\s+été|est|ayant\s+été|sont|ont\s+été)"), 1),
    ("events", 1): (stdre.compile(r"(?i:rejoi|int[èe]gre|arrive|entre|est\s+arriv|prend\s+(?:place|s[ée]ance))"), 1),
    ("events", 2): (stdre.compile(r"(?i:quitt|a\s+quitt|sort\s+de|est\s+sorti)"), 1),
}


# A word every match of a pattern holds (case aside): a window or region without it cannot match, so the
# costly name pattern is not run there. Same results, far fewer searches.
_NEEDED = {
    "pv_give": re.compile(rf"{_GIVE}[^\S\n]+{_TO}[^\S\n]+"),
    "pv_repr": re.compile(_PV_REPR_WORDS),
    "pv_rev": re.compile(_PV_REV_WORDS),
    "pv_de": re.compile(r"(?i:pouvoir|procuration|mandat)s?[^\S\n]+(?i:de)[^\S\n]"),
    "pv_short": re.compile(_PV_SHORT_WORDS),
    "secretaire": [
        None,
        re.compile(r"(?i)secr[ée]taires?\s+de\s+(?:la\s+)?s[ée]ance\s*:"),
        # the end of the pattern: "désigné(e) comme secrétaire", "élue pour remplir cette fonction", ...
        re.compile(
            r"(?i:d[ée]sign[ée]e?s?|[ée]lue?s?|nomm[ée]e?s?|choisie?s?)\s+(?i:comme\s+|en\s+qualit[ée]\s+de\s+|pour\s+"
            r"(?:remplir|assurer|exercer)\s+les\s+fonctions\s+de\s+)?(?i:secr[ée]taire)"
        ),
        re.compile(
            r"(?i:d[ée]si-?\s?gn[ée]e?|[ée]lue?)\s*(?:(?i:pour\s+(?:remplir|assurer|exercer)\s+(?:cette|ces|la)\s+fonctions?)|"
            r",\s*(?i:prend|accepte|rejoint))"
        ),
        re.compile(
            r"(?i:pour\s+(?:remplir|assurer|exercer)\s+les\s+fonctions\s+de\s+|comme\s+|en\s+qualit[ée]\s+de\s+)"
            r"(?i:secr[ée]taire)"
        ),
    ],
    "events": [
        re.compile(r"(?i)arriv[ée]e|retour"),
        re.compile(r"(?i)rejoi|int[èe]gre|arriv|entre|prend"),
        re.compile(r"(?i)quitt|sort"),
        re.compile(r"(?i)d[ée]part|sortie"),
        re.compile(r"(?i)part|retir"),
    ],
    "count_before": re.compile(r"(?i)pr[ée]sents|votants|pouvoirs|procurations|repr[ée]sent[ée]s|en\s+exercice|titulaires"),
}


def find_labels(text: str, start: int, end: int, *, stops_if_useful: bool = False) -> list[Label]:
    """Every attendance heading in the region, overlaps resolved in favour of the longer one. With
    ``stops_if_useful``, the headings that only end lists ('Objet :', 'Vu le ...') are looked for only when a
    heading of a list or a count was found (without one they change nothing that is extracted)."""
    hits: list[Label] = []
    # a cheap test per role: a region without the word skips the role's patterns
    low = _folded(text)
    present = {role for role, words in _NEEDLES.items() if any(low.find(w, start, end) >= 0 for w in words)}
    rx_labels = _rx()["labels"]
    stops_last = _stops_last()
    cands = _heading_starts(low, start, end)
    for i, (role, rx, starts) in enumerate(rx_labels):
        if role in _NEEDLES and role not in present:
            continue
        if role == "stop" and stops_if_useful and stops_last and not any(_useful(h.role) for h in hits):
            break
        found = _heading_matches(i, text, low, start, end, cands)
        for m in found:
            a, b = m.start(), m.end()
            lo = max(0, a - 80)
            if text.rfind("(", lo, a) > text.rfind(")", lo, a):
                continue  # "(à compter de la délibération n°3)": a note, not a heading
            if role in LIST_ROLES and _STATUS_BEFORE.search(text, lo, a) and not _COLON_AFTER.match(text, b):
                continue  # "Adeline TAPHANEL - ABSENTE": a member's status in a roll-call table, not a heading
            if role in LIST_ROLES and (text[a].islower() or _ARTICLE_BEFORE.search(text, max(0, a - 12), a)) and not _COLON_AFTER.match(text, b):
                # "les membres présents forment ...", "Sandrine X excusée": prose, not a heading;
                # "Nombre de présents 45": a count
                m = _rx()["count_after"].match(text, b, min(end, b + 40)) if role in COUNT_FIELD else None
                if m is None or not m.group("num").isdigit():
                    continue  # "Mme X présente une demande": no count
                role = "count_" + role
            hits.append(Label(role, a, b))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[Label] = []
    for h in hits:
        if out and h.start < out[-1].end:
            if h.end - h.start > out[-1].end - out[-1].start and h.start == out[-1].start:
                out[-1] = h
            continue
        out.append(h)
    return out


def _heading_starts(low: str, start: int, end: int) -> dict[int | str, list[int]]:
    """The places in ``low[start:end]`` (the folded text) where a heading may start, by heading (its index in
    ``_rx()["labels"]``), from ``_region_starts``."""
    return _region_starts(low, start, end)


@functools.lru_cache(maxsize=8)
def _region_starts(low: str, start: int, end: int) -> dict[int | str, list[int]]:
    """One scan of ``low[start:end]`` (the folded text) for the places where a heading may start, by heading
    (its index in ``_rx()["labels"]``), and for the places where a trigger may start, by trigger (see
    ``_TRIG_WORDS``). The scan's match is the longest word there: every heading prefix or trigger word found
    there is a prefix of it. Cached: the headings and each trigger are looked for in the same region.

    >>> found = _region_starts("presents : m. x, secretaire : y", 0, 32)
    >>> found["trig_secretaire"], found.get("trig_events")
    ([17], None)
    """
    scan, first2 = _label_index()
    found: dict[int | str, list[int]] = {}
    find = scan.search
    c = find(low, start, end)
    while c is not None:
        q = c.start()
        word = c.group()
        if " " in word or not word.isalpha():
            word = _SPACES.sub(" ", word)  # the prefixes write any spaces as one
        for key, words in first2.get(word[:2], ()):
            if word.startswith(words):
                found.setdefault(key, []).append(q)
        c = find(low, q + 1, end)
    return found


def _heading_matches(i: int, text: str, low: str, start: int, end: int, cands: dict[int, list[int]]):
    """``finditer`` of heading ``i`` in ``text[start:end]``: tried at the places ``_heading_starts`` gives, or
    where its folded pattern matches in ``low``, or everywhere when it has neither."""
    _, rx, starts = _rx()["labels"][i]
    if starts is None:
        return rx.finditer(text, start, end)
    if i in _indexed_labels():
        return _at_starts(rx, cands.get(i, ()), text, end)
    return _starts_iter(rx, starts, text, low, start, end)


def _useful(role: str) -> bool:
    return role in LIST_ROLES or role.removeprefix("count_") in COUNT_FIELD


@functools.cache
def _stops_last() -> bool:
    """Whether the headings that only end lists come last of all (they may then be skipped)."""
    roles = [r for r, _, _ in _rx()["labels"]]
    return "stop" in roles and all(r == "stop" for r in roles[roles.index("stop") :])


_STATUS_BEFORE = re.compile(r"\p{Lu}{2}[^\S\n]?[-–][^\S\n]?$")
_ARTICLE_BEFORE = re.compile(r"(?i)(?<![\p{L}])(?:des|les|aux|de|du|d['’]|l['’])\s*$")
_COUNT_PAREN = re.compile(r"[^\S\n]*\([^\S\n]*(?P<num>\d{1,3})[^\S\n]*\)")
_COLON_AFTER = re.compile(r"\s*(?:\([^()]{0,20}\)\s*)?:")


def _num(s: str) -> int | None:
    v = parse_int(s)
    return v if v is not None and v < 2000 else None


def find_counts(text: str, start: int, end: int, labels: list[Label] | None = None) -> list[Found]:
    """Counts: 'Label : N', 'N label', and flattened tables 'L1 L2 L3 n1 n2 n3'."""
    rx = _rx()
    labels = find_labels(text, start, end) if labels is None else labels
    out: list[Found] = []
    taken: set[int] = set()
    # tables: a run of labels with nothing between them, then as many numbers
    i = 0
    while i < len(labels):
        j = i
        while j + 1 < len(labels) and rx["gap"].match(text[labels[j].end : labels[j + 1].start]):
            j += 1
        if j > i:
            m = rx["table_nums"].match(text, labels[j].end, min(end, labels[j].end + 80))
            if m:
                nums = _TABLE_SEP.split(m.group("nums").strip())
                run = labels[i : j + 1]
                if len(nums) >= 2:
                    # labels and values in the same order; extra labels on the left are titles
                    run = run[-len(nums) :] if len(run) > len(nums) else run
                    for lab, n in zip(run, nums):
                        f = COUNT_FIELD.get(lab.role.removeprefix("count_"))
                        if f:
                            out.append(Found(f, int(n), lab.start, m.end(), "attendance.count_table", 0.9))
                        taken.add(lab.start)
                    i = j + 1
                    continue
        i = j + 1 if j > i else i + 1
    out.extend(_header_table_counts(text, labels, end, taken))
    # "Label : N", "Présents (17) :"
    for lab in labels:
        if lab.start in taken:
            continue
        m = rx["count_after"].match(text, lab.end, min(end, lab.end + 60)) or _COUNT_PAREN.match(
            text, lab.end, min(end, lab.end + 20)
        )
        if not m:
            continue
        v = _num(m.group("num"))
        f = COUNT_FIELD.get(lab.role.removeprefix("count_"))
        if lab.role == "presents" and _TITULAIRE.search(text[lab.start : lab.end]):
            f = None  # "présents titulaires : 45 - présents suppléants : 4": no single count stated
        if v is not None and f:
            out.append(Found(f, v, lab.start, m.end(), "attendance.count_label", 1.0))
    # "39 présents", "dont 3 pouvoirs"
    for m in _count_before_matches(text, start, end):
        lab = fold(m.group("lab"))
        role = (
            "presents" if lab.startswith("pres") else
            "votants" if lab.startswith("vot") else
            "exercice" if "exercice" in lab or "titulaire" in lab else "pouvoirs"
        )
        v = _num(m.group("num"))
        if v is not None:
            out.append(Found(COUNT_FIELD[role], v, m.start(), m.end(), "attendance.count_before", 0.7))
    return out


# Speed. "39 présents": a match of count_before is a number, spaces, perhaps a noun, then the count word: only
# letters, digits, spaces and hyphens stand between its start and the count word. So it can only start after the
# last other character before a count word, where a number (a digit or a number word) starts.
_NOT_IN_COUNT = re.compile(r"[^\w\s\-]", re.REVERSE)  # searched backwards: the last such character


@functools.cache
def _number_start() -> stdre.Pattern:
    """Where a number may start in the folded text: a digit or a number word."""
    words = {N.fold_chars(str(w)) for w in load("numbers")["words"]}
    return stdre.compile(f"{DIGIT}|{trie(words)}")


def _count_before_matches(text: str, start: int, end: int):
    """``_rx()["count_before"].finditer(text, start, end)``, the pattern tried only where a number starts
    between a count word and the last character before it that no count phrase holds.

    >>> [m.group() for m in _count_before_matches("Il y a 12 présents, dont 3 pouvoirs.", 0, 36)]
    ['12 présents', '3 pouvoirs']
    """
    rx = _rx()["count_before"]
    low = _folded(text)
    number = _number_start().search
    pos = start
    for w in _region_starts(low, start, end).get("count_word", ()):  # where a count word starts
        if w <= pos:
            continue
        other = _NOT_IN_COUNT.search(text, pos, w)
        q = pos if other is None else other.end()
        while q < w:
            c = number(low, q, w)
            if c is None:
                break
            m = rx.match(text, c.start(), end)
            if m is None:
                q = c.start() + 1
                continue
            yield m
            q = pos = max(m.end(), c.start() + 1)


_CELL_NUM = re.compile(r"[^\S\n]*(\d{1,4})[^\S\n]*")


def _header_table_counts(text: str, labels: list[Label], end: int, taken: set[int]) -> list[Found]:
    """'Date de la séance | Nombre de membres en exercice | Présents | Votants' over '24/09/2024 | 15 | 14 | 15':
    each count heading of a table row takes the number of the next row's cell in the same column."""
    rows: dict[int, list[tuple[Label, str]]] = {}
    for lab in labels:
        f = COUNT_FIELD.get(lab.role.removeprefix("count_"))
        if f is None:
            continue
        ls = text.rfind("\n", 0, lab.start) + 1
        le = text.find("\n", lab.end)
        if le < 0 or le >= end or "|" not in text[ls:le]:
            continue
        rows.setdefault(ls, []).append((lab, f))
    out = []
    for ls, labs in rows.items():
        le = text.find("\n", ls)
        ne = text.find("\n", le + 1)
        ne = min(end, len(text) if ne < 0 else ne)
        head, row = text[ls:le].split("|"), text[le + 1 : ne].split("|")
        if len(head) < 2 or len(head) != len(row):
            continue
        starts = [ls + sum(len(c) + 1 for c in head[:i]) for i in range(len(head))]
        vstarts = [le + 1 + sum(len(c) + 1 for c in row[:i]) for i in range(len(row))]
        for lab, f in labs:
            i = max(k for k, c in enumerate(starts) if c <= lab.start)
            m = _CELL_NUM.fullmatch(row[i])
            if m:
                out.append(Found(f, int(m.group(1)), lab.start, vstarts[i] + m.end(1), "attendance.count_header_table", 0.95))
                taken.add(lab.start)
    return out


def _segment_end(labels: list[Label], k: int, end: int) -> int:
    nxt = labels[k + 1].start if k + 1 < len(labels) else end
    return min(nxt, labels[k].end + MAX_SEGMENT, end)


_PV_TRIGGER = {
    "pv_give": "trig_pouvoir",
    "pv_repr": "trig_pouvoir",
    "pv_de": "trig_pouvoir",
    "pv_rev": "trig_pouvoir",
    "pv_short": "trig_pouvoir",
    "pv_pair": "trig_pair",
}


def _pouvoir_matches(seg: str, *, in_list: bool, pairs: bool = False) -> list[tuple[int, int, str, str, str]]:
    """(start, end, de, a, listed) in ``seg`` (listed: the name the surrounding list is about); the short forms only inside attendance lists, bare 'X à Y' pairs
    only in a list of proxies. Patterns run only in windows around their trigger words."""
    rx = _rx()
    kinds = ["pv_give", "pv_repr", "pv_rev", "pv_de", "pv_short"] + (["pv_pair"] if pairs else [])
    found: list[tuple[int, int, str, str, str]] = []
    low = N.fold_chars(seg)
    wins = {t: _windows(t, seg, 0, len(seg), 160, 130, low) for t in {_PV_TRIGGER[k] for k in kinds}}
    for kind in kinds:
        needed = _NEEDED.get(kind)
        for ws, we in wins[_PV_TRIGGER[kind]]:
            pos = ws
            while True:
                if needed is not None and not needed.search(seg, pos, we):
                    break
                m = _pv_search(kind, seg, pos, we, found) if kind in _PV_CORE else rx[kind].search(seg, pos, we)
                if m is None:
                    break
                pos = m.end()
                if any(not (m.end() <= s or m.start() >= e) for s, e, *_ in found):
                    pos = _outside(m.start() + 1, found)
                    continue
                if kind == "pv_short" and not in_list and "(" not in seg[m.start("de") : m.start("a")]:
                    continue
                de = _last_name(m.group("de"))
                a = _first_name(m.group("a"))
                if not (de and a) or N.same_person(de, a):
                    continue
                end = m.end()
                if kind == "pv_rev":
                    found.append((m.start(), end, de, a, a))
                    continue
                # the receiver may have swallowed the next giver ("à Anne PETIT Paul DURAND a donné ...")
                ia = m.group("a").rfind(a.split()[-1])
                if ia >= 0:
                    end = m.start("a") + ia + len(a.split()[-1])
                    pos = end
                found.append((m.start(), end, de, a, de))
    found.sort()
    return found


def _outside(pos: int, found: list[tuple[int, int, str, str, str]]) -> int:
    """The first position from ``pos`` on that no proxy ``found`` covers: a match starting inside one overlaps
    it and is dropped, so the next search may start past it (the same matches, far fewer tries of the costly
    name patterns over the same names).

    >>> _outside(3, [(0, 10, "", "", ""), (10, 14, "", "", "")]), _outside(15, [(0, 10, "", "", "")])
    (14, 15)
    """
    moved = True
    while moved:
        moved = False
        for s, e, *_ in found:
            if s <= pos < e:
                pos, moved = e, True
    return pos


# Speed. A proxy pattern opens with a name (the giver's, or the receiver's in "Y (pouvoir de X)") written right
# before its proxy word: only a few spaces, separators and small words ("a", "est") stand between them, and the
# name itself is made of capitalised words, particles, civility words and the dots, hyphens and apostrophes of
# names. So a match can only start inside the run of such words that ends at one of the proxy words; the
# pattern is tried at the word starts of those runs only, in text order: the first match is the search's.
_PV_CORE = {  # the proxy word, on the original text (standard re)
    "pv_give": stdre.compile(r"donn|remis|transmis|d[ée]l[ée]gu"),
    "pv_short": stdre.compile(r"(?i:pouvoir|procuration|mandat)"),
    "pv_repr": stdre.compile(r"(?i:repr[ée]sent)"),
    "pv_rev": stdre.compile(r"\((?=[^\S\n]*(?i:procuration|pouvoir|mandat))"),
    "pv_pair": stdre.compile(r"(?<=\s)(?:à|a|par|pour)|→|->|=>"),
}
_PV_GAP = {  # (separators ',(-–' allowed between the name and the proxy word, small words allowed there)
    "pv_give": (2, frozenset({"qui", "a", "ayant", "avait", "avaient", "ont"})),
    "pv_short": (1, frozenset()),
    "pv_repr": (2, frozenset({"absent", "absente", "excusé", "excusée", "excuse", "excusee", "est", "était", "etait", "sera"})),
    "pv_rev": (0, frozenset()),
    "pv_pair": (0, frozenset()),
}
_NAME_MARKS = frozenset(".'’-")


@functools.cache
def _lower_name_words() -> frozenset[str]:
    """Words in lower case a name with its civilities may hold: particles and the words of the civilities."""
    words = {"de", "du", "des", "le", "la", "les", "van", "von", "der", "den", "di", "da", "del", "dos", "das", "ben",
             "el", "ter", "et", "dr", "pr", "docteur", "professeur", "d"}
    for c in N._data()["civilities"]:
        # the civility patterns are plain words but for '\\.?', '(?=\\s)', 's?' and classes like '[iî]'
        forms = [c.lower().replace("\\.?", "").replace("\\.", "").replace("(?=\\s)", "")]
        while any("[" in f or "s?" in f for f in forms):
            nxt = []
            for f in forms:
                m = stdre.search(r"\[([^\]]+)\]", f)
                if m:
                    nxt += [f[: m.start()] + ch + f[m.end() :] for ch in m.group(1)]
                else:
                    k = f.find("s?")
                    nxt += [f[:k] + "s" + f[k + 2 :], f[:k] + f[k + 2 :]]
            forms = nxt
        for f in forms:
            words.update(w for w in stdre.split(r"[ ,]+", f) if w)
    return frozenset(words)


def _word_before(seg: str, j: int) -> int:
    k = j
    while k > 0 and seg[k - 1].isalpha():
        k -= 1
    return k


def _run_start(seg: str, c: int, seps: int, gap_words: frozenset[str]) -> int:
    """Where the run of name words (and the gap before the word at ``c``) that ends at ``c`` begins."""
    i = c
    while i > 0:  # the gap: spaces, separators, small words
        if seg[i - 1].isspace():
            i -= 1
        elif seps and seg[i - 1] in ",(-–":
            seps -= 1
            i -= 1
        else:
            k = _word_before(seg, i)
            if k < i and seg[k:i].lower() in gap_words:
                i = k
            else:
                break
    while i > 0:  # the name: words, the marks of names, spaces
        ch = seg[i - 1]
        if ch.isspace() or ch in _NAME_MARKS:
            i -= 1
            continue
        if ch == "," and seg[_word_before(seg, i - 1) : i - 1].lower() == "mesdames":
            i -= 1  # "Mesdames, Messieurs"
            continue
        if not ch.isalpha():
            return i
        k = _word_before(seg, i)
        w = seg[k:i]
        before = seg[max(0, k - 2) : k]
        if not (w[0].isupper() or w.lower() in _lower_name_words() or before.rstrip().endswith("-")):
            return i
        i = k
    return 0


def _pv_search(kind: str, seg: str, pos: int, end: int, found: list | None = None):
    """``_rx()[kind].search(seg, pos, end)``, tried only where a match may start (see ``_PV_CORE``); not inside
    the proxies ``found`` already (a match starting there would be dropped)."""
    return _name_led_search(_rx()[kind], _PV_CORE[kind], *_PV_GAP[kind], seg, pos, end, found)


def _name_led_search(
    rx, core: stdre.Pattern, seps: int, gap_words: frozenset[str], seg: str, pos: int, end: int, found: list | None = None
):
    """``rx.search(seg, pos, end)`` for a pattern that opens with a name followed (through at most ``seps``
    separators, ``gap_words`` and spaces) by a word ``core`` finds: ``rx`` is tried at the word starts of the run
    of name words before each such word, in text order; with ``found`` (spans first), the first match that does
    not start inside one of them."""
    match = rx.match
    tried = pos
    for c in core.finditer(seg, pos, end):
        q = c.start()
        for p in range(max(tried, _run_start(seg, q, seps, gap_words)), q + 1):
            ch = seg[p]
            if not (ch.isupper() or ch in "mdplv"):
                continue
            if p > 0 and seg[p - 1].isalpha() and not (seg[p : p + 2].lower() in ("le", "la") and seg[p + 2 : p + 3].isspace()):
                continue
            if found and any(f[0] <= p < f[1] for f in found):
                continue
            m = match(seg, p, end)
            if m is not None:
                return m
        tried = max(tried, q + 1)
    return None


def _name_led_finditer(rx, core: stdre.Pattern, seps: int, seg: str, pos: int, end: int):
    """``rx.finditer(seg, pos, end)`` with ``_name_led_search``."""
    while pos < end:
        m = _name_led_search(rx, core, seps, frozenset(), seg, pos, end)
        if m is None:
            return
        yield m
        pos = max(m.end(), m.start() + 1)


def _first_name(s: str) -> str | None:
    """The first name of a match that may have swallowed the next one ('Anne PETIT Paul DURAND')."""
    c = N.clean_name(s)
    if c and len(c.split()) >= 4:
        parts = N.find_names(c)
        if parts:
            return parts[0]
    return c


def _last_name(s: str) -> str | None:
    c = N.clean_name(s)
    if c and len(c.split()) >= 4:
        parts = N.find_names(c)
        if len(parts) > 1:
            return parts[-1]
    return c


def _sentence_like(piece: str) -> bool:
    piece = _role_re().sub(" ", piece)
    words = _LOWER_WORD4.findall(piece)
    return len(words) >= 3


@functools.cache
def _civ_start() -> re.Pattern:
    return re.compile(rf"\s*(?:{N.civility_pattern()})")


@functools.cache
def _name_at_start() -> re.Pattern:
    return N.compile_pattern(rf"\s*{_rx()['namec']}")


def _single_ok(piece: str, name: str, trusted: frozenset[str] = frozenset()) -> bool:
    """A one-word name is kept when written in capitals ('MORIN', 'JoëlBONIFACE'), after a civility
    ('M. Troussel') or when a proxy phrase vouches for it."""
    if " " in name or name.isupper() or not name[:1].isalpha() or name in trusted:
        return True
    if _CAPS3.search(name):
        return True
    return bool(_civ_start().match(piece))


def _list_names(seg: str, trusted: frozenset[str] = frozenset()) -> list[str]:
    """Names of one list segment; stops at a sentence or after two pieces of junk in a row."""
    out: list[str] = []
    junk = 0
    pieces = N.split_pieces(seg)
    # "E. BAHY, R. BAZIN, M. BEAUFREZ": in a list of initials, "M." is an initial, not "Monsieur"
    initials = sum(1 for p in pieces if _INITIAL_NAME.match(p)) >= 3
    for piece in pieces:
        if _is_blank(piece):
            continue  # "Mmes", "MM.", "Adjoints", "23": nothing, not junk
        if initials and _M_INITIAL.match(piece):
            n = N.clean_name(piece.strip()[2:])
            if n:
                out.append("M. " + n)
                junk = 0
                continue
        n = N.clean_name(piece)
        if n is None:
            # "RELEVÉ DE Joëlle DUPRIEZ", "Vinciane 6 MARS 2023 FABER": a page header interleaved by extraction
            n = N.without_caps_debris(piece)
        if n is not None:
            if len(n.split()) >= 4:
                parts = N.find_names(n)
                if len(parts) > 1 and sum(len(x.split()) for x in parts) == len(n.split()):
                    out.extend(parts)
                    junk = 0
                    continue
            if _single_ok(piece, n, trusted):
                out.append(n)
                junk = 0
                continue
        m = _name_at_start().match(piece)
        head = None
        if m:
            head = m.group()
            # "Paul DURAND Engagé depuis": a capitalised sentence start is not a first name
            if (
                _LOWER_NEXT.match(piece[m.end() :])
                and _CAP_LAST.search(head)
                and len(head.split()) >= 3
            ):
                head = head[: head.rstrip().rfind(" ")]
        if _sentence_like(piece):
            # keep a name glued to the next paragraph ("M. Paul DURAND Engagée depuis ..."), not the subject
            # of a sentence ("M. Paul DURAND a été élu secrétaire")
            n = N.clean_name(head) if head else None
            if n is not None and _single_ok(piece, n, trusted) and not _LOWER_START.match(piece[len(head) :]):
                out.append(n)
            break
        # names without separators ("Anne PETIT Paul DURAND")
        if not _LOWER_WORD3.search(_role_re().sub(" ", piece)):
            found = [x for x in N.find_names(piece) if " " in x or x.isupper()]
            if found and sum(len(x) for x in found) >= 0.6 * len(piece.strip()):
                out.extend(found)
                junk = 0
                continue
        # "Monsieur Jack DUVAL n° 13-02": the name, then junk
        n = N.clean_name(head) if head else None
        rest = piece[len(head) :] if head else ""
        if n is not None and _single_ok(piece, n, trusted) and len(_LOWER_WORD3.findall(rest)) < 2:
            out.append(n)
        junk += 1
        if junk >= 2:
            break
    return out


@functools.cache
def _role_re() -> re.Pattern:
    return re.compile(N.role_pattern())


@functools.cache
def _blank_re() -> re.Pattern:
    return re.compile(
        rf"{N.civility_pattern()}|{N.role_pattern()}|[\d\W_]+|(?<![\p{{L}}])(?i:et|n°|no|le|la|les)(?![\p{{L}}])"
    )


def _is_blank(piece: str) -> bool:
    """Whether ``piece`` holds nothing once civilities, roles, numbers, signs and small words are taken out
    (``_blank_re().sub("", piece).strip()`` is empty): the matches of ``_blank_re`` follow one another from the
    start to the end. Stops at the first character no match takes (a letter: a name word).

    >>> _is_blank("Mmes et MM., Adjoints :"), _is_blank("M. Paul DURAND")
    (True, False)
    """
    match = _blank_re().match
    pos = 0
    while pos < len(piece):
        m = match(piece, pos)
        if m is None:
            return False
        pos = m.end()
    return True


_PAREN = re.compile(r"\([^()]*\)")
_INITIAL_NAME = re.compile(r"\s*(?!M\.)\p{Lu}{1,2}\.(?:-?\p{Lu}\.)*\s?\p{Lu}{2}")
_SENTENCE = re.compile(r"(?:(?<![\p{L}'’])\p{Ll}[\p{Ll}'’\-]*[\s,]+){7,}")


def _body_end(body: str) -> int:
    """Where a list's text turns into prose: seven lower-case words in a row (notes in brackets aside)."""
    blank = _PAREN.sub(lambda m: "X" * len(m.group()), body)
    m = _SENTENCE.search(blank)
    return m.start() if m else len(body)


def _qualifiers(body: str, pv: list[tuple[int, int, str, str, str]]) -> list[tuple[str, str, object, tuple | None]]:
    """Notes that limit a member's line to some items: (name, 'from'|'until', item number, proxy or None).

    "Mme X (à compter de la délibération n°3)", "M. Y à M. Z (jusqu'à 22h40, point n°2)"."""
    out = []
    for q in _QUALIFIER.finditer(body):
        kind = "from" if q.group("from") else "until" if q.group("until") else "only"
        n: int | list[int] = int(q.group("n"))
        if kind == "only":  # "(pour les délibérations n°5, n°28 et n°42)"
            n = sorted({int(x) for x in _ITEM_NUM.findall(q.group())})
        qs = q.start()
        hit = next((x for x in pv if qs - 4 <= x[1] <= qs), None)
        if hit is not None:
            out.append((hit[4], kind, n, hit))
            continue
        last = None
        for m in _rx()["namec_re"].finditer(body, max(0, qs - 120), qs):
            last = m
        if last is not None and not body[last.end() : qs].strip(" ,;"):
            name = N.clean_name(last.group())
            if name:
                out.append((name, kind, n, None))
    return out


_QUALIFIER = re.compile(
    r"""(?xi) \(\s*
    (?: (?P<from> à\s+compter | à\s+partir | arriv[ée]+e? | pr[ée]sente?s?\s+(?:à|a)\s+partir )
      | (?P<until> jusqu['’]\s*(?:à|au) | d[ée]part | partie? | pr[ée]sente?s?\s+jusqu)
      | (?P<only> pour\s+(?:les?|la|l['’])\s*(?=d[ée]lib|point|question|dossier|rapport|affaire) ) )
    [^()]{0,60}? (?:d[ée]lib[ée]ration|point|question|dossier|rapport|affaire)s?\s*(?:n[°o]\s*)?(?P<n>\d{1,3}) [^()]{0,30} \)"""
)


def find_lists(
    text: str, start: int, end: int, labels: list[Label] | None = None, schedule: list | None = None
) -> tuple[dict[str, list[tuple[list[str], int, int]]], list[tuple[int, int, str, str, str]]]:
    """Lists per role (names, seg_start, seg_end) and proxies (start, end, de, a, role of the list).

    Members whose line only holds from a later item on ('à compter de la délibération n°3') are left out
    of the lists (they describe the opening of the sitting); every such note is appended to ``schedule`` as
    (name, list role, 'from'|'until', item number, proxy dict or None)."""
    rx = _rx()
    labels = find_labels(text, start, end) if labels is None else labels
    lists: dict[str, list[tuple[list[str], int, int]]] = {r: [] for r in LIST_ROLES}
    pouvoirs: list[tuple[int, int, str, str, str]] = []
    inherit: str | None = None
    for k, lab in enumerate(labels):
        if lab.role not in LIST_ROLES:
            inherit = None
            continue
        s, e = lab.end, _segment_end(labels, k, end)
        if lab.role == "pouvoirs" and inherit:
            # "Absents excusés avant donné pouvoir : ..." (a heading split in two): the first part's role
            lab = Label(inherit, lab.start, lab.end)
        inherit = None
        if lab.role != "pouvoirs" and e - s <= 40 and not _ANY_CAP.search(text[s:e]) and not _DIGIT.search(text[s:e]):
            # "Absents excusés / ayant donné pouvoir :" (a heading split in two); not "présents : 27 Procurations : 7"
            inherit = lab.role
        seg = text[s:e]
        # "Excusés : Conformément à l'article L2121-20, ont donné pouvoir de voter en leur nom : ..."
        m = rx["preface"].match(seg)
        off = 0
        if m and _sentence_like(m.group()):
            off = m.end()
        m = rx["count_after"].match(seg, off)
        if m:
            off = m.end()
        body = seg[off:]
        body = body[: _body_end(body)]
        body = _without_group_headings(body)
        if lab.role == "presents" and ("ABSENT" in body or "EXCUS" in body) and _MARKED_ABSENT.search(body):
            # "Gilles PELLE-ABSENT" in a flattened roll-call table: listed, but not present
            body = _MARKED_ABSENT.sub(lambda m: " " * len(m.group()), body)
        if _SUPPLEANT.search(body):  # the large pattern only where its word is
            body = _rx()["suppleant"].sub(lambda m: " " * len(m.group()), body)
        pairs = lab.role == "pouvoirs" or bool(
            _PROXY_WORD.search(text[lab.start : lab.end] + seg[:off])
        )
        pv = _pouvoir_matches(body, in_list=True, pairs=pairs)
        quals = _qualifiers(body, pv)
        # members whose line starts at a later item are not part of the opening's lists
        later = {
            fold(name) for name, kind, n, _ in quals
            if (kind == "from" and n >= 2) or (kind == "only" and 1 not in n)  # type: ignore[operator]
        }
        for name, kind, n, hit in quals:
            if schedule is not None:
                role = "pouvoirs" if hit is not None and lab.role == "pouvoirs" else lab.role
                schedule.append((name, role, kind, n, {"de": hit[2], "a": hit[3]} if hit else None))
        pv_later = [x for x in pv if fold(x[4]) in later]
        parts, pos = [], 0
        for ps, pe, de, a, listed in pv:
            parts.append(body[pos:ps])
            later_pv = (ps, pe, de, a, listed) in pv_later
            parts.append(f" ; {listed} ; " if lab.role != "pouvoirs" and not later_pv else " ; ")
            if not later_pv:
                pouvoirs.append((s + off + ps, s + off + pe, de, a, lab.role))
            pos = pe
        parts.append(body[pos:])
        names = _list_names("".join(parts), frozenset(x[4] for x in pv))
        names = [n for n in names if fold(n) not in later]
        if lab.role == "pouvoirs":
            continue
        if (
            not names
            and not pv
            and k + 1 < len(labels)
            and labels[k + 1].role == "pouvoirs"
            and _VERB_START.match(text[labels[k + 1].start : labels[k + 1].end])
        ):
            inherit = lab.role  # "Excusés : conformément à l'article L2121-20, ont donné pouvoir : ..."
        if _GAVE_PROXY.search(text[lab.start : lab.end]):
            givers = {fold(x[2]) for x in pv}
            for n in names:
                if fold(n) not in givers:
                    pouvoirs.append((s, e, n, None, lab.role))
        role = lab.role
        if role == "absents":
            # "Absents et procurations : X excusée, Y Pouvoir à Z"
            exc = [n for n in names if _EXCUSE.search(_around(body, n))]
            if exc:
                lists["absents_excuses"].append((exc, s, e))
                names = [n for n in names if n not in exc]
        if names:
            lists[role].append((names, s, e))
    return lists, pouvoirs


@functools.cache
def _group_heading() -> re.Pattern:
    civ = N.civility_pattern()
    # "Beaumont : M. Paul DURAND ; Mme Anne PETIT Saint-Roch : M. Jean MARTIN": a place heading inside a list
    return re.compile(
        rf"(?<![\p{{L}}'’\-.])(?:(?:Le|La|Les|L['’])[^\S\n]?)?\p{{Lu}}[\p{{L}}'’\-]*[^\S\n]*:"
        rf"(?=[^\S\n]*(?:(?:{civ})|\p{{Lu}}[\p{{L}}'’\-]*[^\S\n]*:))"
    )


def _without_group_headings(body: str) -> str:
    """A list grouped under place headings ('Saint-Roch : M. X ; Mme Y Pernay : M. Z') without its headings
    (blanked, same length): the heading word glued after the group's last name is no part of it."""
    if body.count(":") < 2:
        return body
    hits = list(_group_heading().finditer(body))
    if len(hits) < 2:
        return body
    for m in reversed(hits):
        body = body[: m.start()] + ";" + " " * (m.end() - m.start() - 1) + body[m.end() :]
    return body


_MARKED_ABSENT = re.compile(
    r"(?:(?<![\p{L}'’\-])\p{Lu}\p{Ll}[\p{L}'’\-]*[^\S\n]+){0,2}(?<![\p{L}'’\-])\p{Lu}[\p{Lu}'’\-]*\p{Lu}"
    r"[^\S\n]?[-–][^\S\n]?(?:ABSENTE?S?|EXCUS[ÉE]E?S?)(?![\p{L}])"
)


def _around(body: str, name: str) -> str:
    i = body.find(name)
    return body[i + len(name) : i + len(name) + 12] if i >= 0 else ""


def find_pouvoirs(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """Proxies written as sentences anywhere in the region ('M. X a donné pouvoir à Mme Y')."""
    out = []
    for ws, we in _windows("trig_pouvoir", text, start, end, 250, 200):
        out.extend((ws + s, ws + e, de, a) for s, e, de, a, _ in _pouvoir_matches(text[ws:we], in_list=False))
    return out


def _name_of(m: re.Match) -> str | None:
    raw = m.group("n")
    parts = _ET.split(raw)
    cleaned = [c for c in (_first_name(p) for p in parts) if c]
    return " et ".join(cleaned) if cleaned else None


def find_president(text: str, start: int, end: int, *, use_ner: bool = True) -> list[Found]:
    rx = _rx()
    out: list[Found] = []
    wins = _windows("trig_president", text, start, end, 20, 250)
    wins_open = _windows("trig_open", text, start, end, 200, 10)
    for i, r in enumerate(rx["president"]):
        for m in _finditer(r, wins_open if i == 2 else wins, text, led=_LED.get(("president", i))):
            n = _name_of(m)
            if n:
                out.append(Found("president", n, m.start("n"), m.end("n"), f"attendance.president{i}", 1.0 - 0.1 * i))
    if not out:
        # "sous la présidence de Monsieur le Maire": the person written elsewhere as "X, Maire"
        m = next(_starts_iter(rx["president_ref"], _PRESIDENT_REF_STARTS, text, _folded(text), start, end), None)
        if m:
            role = fold(m.group("role") or m.group("role2"))[:5]
            holder, trig = _role_holder(role)
            for m2 in _finditer(holder, _windows(trig, text, start, end, 120, 80), text):
                g = "n" if m2.group("n") else "n2"
                n = _last_name(m2.group(g)) if g == "n" else _first_name(m2.group(g))
                if n:
                    out.append(Found("president", n, m2.start(g), m2.end(g), "attendance.president_role", 0.6))
                    break
    if not out and use_ner:
        for m in rx["presidence_hint"].finditer(text, start, end):
            # a name the rules cannot shape (lower case, odd layout): ask spaCy on a small slice
            from . import ner

            for s, e, t in ner.persons(text, m.end(), min(end, m.end() + 80)):
                if s - m.end() <= 40:
                    n = N.clean_name(t)
                    if n:
                        out.append(Found("president", n, s, e, "attendance.president_ner", 0.5))
                        break
            if out:
                break
    return out


# where a match of president_ref may start, in the folded text: "sous la présidence", "le Maire", "la Présidente"
_PRESIDENT_REF_STARTS = stdre.compile(r"sous\s+la\s+presidence|l[ea]\s+(?:maire|president)")


@functools.cache
def _role_holder(role: str) -> tuple[re.Pattern, re.Pattern]:
    """The patterns for 'X, Maire' / 'Monsieur le Maire, X' given a role's first five folded letters
    ('maire', 'presi'), and the role word that triggers them."""
    namec = _rx()["namec"]
    holder = _lazy(
        rf"(?P<n>{namec})\s*(?:[,(–—]|\s-)\s*(?:(?i:le|la)\s+)?(?i:{role}\w*)\b"
        rf"(?!\s*(?i:adjoint|d[ée]l[ée]gu|de\s+(?:la\s+)?commission|honoraire|sortant))|"
        rf"(?:{N.civility_pattern()}\.?)\s*(?i:le|la)\s+(?i:{role}\w*)\s*,?\s+(?P<n2>{namec})"
    )
    return holder, _lazy(rf"(?i){role}")  # type: ignore[return-value]


def find_secretaire(text: str, start: int, end: int) -> list[Found]:
    out: list[Found] = []
    rx = _rx()
    wins = _windows("trig_secretaire", text, start, end, 250, 400)
    for i, r in enumerate(rx["secretaire"]):
        for m in _finditer(r, wins, text, _NEEDED["secretaire"][i], _LED.get(("secretaire", i))):
            if i == 0 and not m.group("sep").strip() and _ARTICLE_END.search(text[max(0, m.start() - 4) : m.start()]):
                continue  # "Le Président Le secrétaire de séance Paul X Anne Y": a signature block
            n = _name_of(m)
            if n:
                out.append(Found("secretaire", n, m.start("n"), m.end("n"), f"attendance.secretaire{i}", 1.0 - 0.1 * i))
    return out


_EVENT_TIME = re.compile(r"\d{1,2}\s*h|heures?|\(\s*$")
_EVENT_PLACE = re.compile(r"(?i)s[ée]ance|salle|assembl|point|d[ée]lib[ée]ration\s+n|question|vote|dossier")


def _event_context(text: str, s: int, e: int) -> bool:
    """'Arrivée de M. X' is an attendance change when a time or the sitting is named next to it."""
    before, after = text[max(0, s - 25) : s], text[e : e + 40]
    return bool(_EVENT_TIME.search(before) or _EVENT_TIME.search(after[:20]) or _EVENT_PLACE.search(after))


def find_events(text: str, start: int, end: int) -> list[Found]:
    """Arrivals, departures and members not taking part in the vote, in text order."""
    out: list[Found] = []
    rx = _rx()
    wins = _windows("trig_events", text, start, end, 150, 150)
    for i, (kind, r) in enumerate(rx["events"]):
        for m in _finditer(r, wins, text, _NEEDED["events"][i], _LED.get(("events", i))):
            if i in (0, 3) and not _event_context(text, m.start(), m.end()):
                continue  # "le départ de Mme X, directrice": not a member leaving the sitting
            n = _last_name(m.group("n"))
            if n:
                out.append(Found(f"_event.{kind}", n, m.start(), m.end(), f"attendance.{kind}", 0.8))
    out.sort(key=lambda f: f.start)
    return out


# ----------------------------------------------------------------------------------------- choosing


def _dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for n in names:
        k = fold(n)
        if k not in seen:
            seen.add(k)
            out.append(n)
    return out


def extract(text: str, start: int, end: int, ctx: Context | None) -> list[Found]:
    """Attendance facts of ``text[start:end]``, with absolute offsets; never raises."""
    try:
        return _extract(text, start, max(start, min(end, len(text))), ctx)
    except Exception:  # noqa: BLE001 - odd text must not break a batch
        return []


_CUT_MIN = 3000  # characters: a shorter text ending on a name is a snippet, not a cut document
_LIST_COUNT = re.compile(r"[\s.,;]*\((\d{1,3})\)")
_LIST_COUNT_IN = re.compile(r"\((\d{1,3})\)[\s.,;]*$")
_LIST_COUNT_FIELD = {"presents": "nb_presents"}


_NL_BEFORE_CAP = re.compile(r"\n(?=[^\S\n]*\p{Lu})")
_LINE_TAIL = re.compile(r"(?:(?<![\p{L}'’\-.])\p{Lu}[\p{L}'’\-]*\.?[^\S\n]*)+$")
_PREP_END = re.compile(r"(?<![\p{L}'’])(?:à|a|de|par|pour|d['’])[^\S\n]*$")
_UPPER_WORD = re.compile(r"[^\S\n]*(\p{Lu}[\p{Lu}'’\-]+)(?![\p{Ll}.])(?:[^\S\n]+(\p{Lu}[\p{Lu}'’\-]+)(?![\p{Ll}.]))?")
_CAP_THEN_UPPER = re.compile(r"[^\S\n]*\p{Lu}\p{Ll}[\p{Ll}'’\-]*[^\S\n]+\p{Lu}[\p{Lu}'’\-]+(?![\p{Ll}.])")


@functools.cache
def _civ_full() -> re.Pattern:
    return re.compile(rf"(?:{N.civility_pattern()})\.?")


def _wrap_inside_name(text: str, i: int) -> bool:
    """Whether the line break at ``text[i]`` cuts a name (or a proxy phrase) rather than ending a list item:
    'Monsieur Jean-Jacques⏎CARRETERO', 'Mme⏎Anne PETIT', '(pouvoir à⏎Claire MONNIER)', 'M. Jean⏎Claude CORMONT'."""
    line = text[max(text.rfind("\n", max(0, i - 120), i) + 1, i - 120) : i]
    if _PREP_END.search(line):
        return True  # "pouvoir à⏎Claire MONNIER": a preposition waits for its name
    tail = _LINE_TAIL.search(line)
    if tail is None:
        return False
    toks = tail.group().split()
    civ = _civ_full()
    words = [t for t in toks if not civ.fullmatch(t)]
    if not words:
        return True  # "Madame⏎Florence DEMOUY"
    if len(words) > 3 or any(len(w) > 1 and w.isupper() for w in words) or fold(words[-1]) in N._not_names():
        return False
    m = _UPPER_WORD.match(text, i + 1)
    if m:
        first = fold(m.group(1))
        if first in N._particles():
            return bool(m.group(2)) and fold(m.group(2)) not in N._not_names()
        return first not in N._not_names() and not civ.match(m.group(1))
    # "M. Jean⏎Claude CORMONT": a first name cut after a civility
    return len(words) < len(toks) and bool(_CAP_THEN_UPPER.match(text, i + 1))


@functools.lru_cache(maxsize=4)
def _unwrapped(text: str) -> str:
    """``text`` with the line breaks that cut a name made spaces (same length, same offsets): PDF lines wrap
    inside names and proxy phrases, where a break is no list separator."""
    cut = [m.start() for m in _NL_BEFORE_CAP.finditer(text) if _wrap_inside_name(text, m.start())]
    if not cut:
        return text
    chars = list(text)
    for i in cut:
        chars[i] = " "
    return "".join(chars)


def _extract(text: str, start: int, end: int, ctx: Context | None) -> list[Found]:
    text = _unwrapped(text)
    out: list[Found] = []
    labels = find_labels(text, start, end, stops_if_useful=True)
    # counts: one per field, the best-scored, first in text
    best: dict[str, Found] = {}
    for f in find_counts(text, start, end, labels):
        if f.field not in best or f.score > best[f.field].score:
            best[f.field] = f
    out.extend(best.values())
    # lists
    schedule: list = []
    lists, pv_list = find_lists(text, start, end, labels, schedule)
    for name, role, kind, n, proxy in schedule:
        out.append(
            Found("_event.schedule", {"name": name, "list": role, kind: n, "pouvoir": proxy}, start, start, "attendance.schedule", 0.8)
        )
    for role, found in lists.items():
        rule = "attendance.list"
        if (
            found and found[-1][2] >= len(text) > _CUT_MIN and found[-1][0] and text.rstrip().endswith(found[-1][0][-1])
        ):
            # a whole document that stops inside this list, on a name, was cut: that name is cut, the list partial;
            # an act's partial list is not given (the sitting's list stands for it)
            found = [x for x in found[:-1] + [(found[-1][0][:-1], found[-1][1], found[-1][2])] if x[0]]
            if ctx is not None and ctx.region == "act":
                found = [x for x in found if x[2] < len(text)]
            rule = "attendance.list_cut"
        if not found:
            continue
        names = _dedupe([n for ns, _, _ in found for n in ns])
        out.append(Found(role, names, found[0][1], found[-1][2], rule, 0.9))
        # "…, Mme Sylvie VALENTE-LE HIR (27)": the list's count written right after it
        tail_start = max(found[-1][1], found[-1][2] - 12)
        count = (_LIST_COUNT_IN.search(text, tail_start, found[-1][2]) or _LIST_COUNT.match(text, found[-1][2], min(end, found[-1][2] + 12))) \
            if role in _LIST_COUNT_FIELD else None
        field = _LIST_COUNT_FIELD.get(role)
        if count and field and field not in best and int(count.group(1)) == len(names):
            out.append(Found(field, int(count.group(1)), count.start(1), count.end(1), "attendance.list_count", 0.8))
    # proxies: those in lists, then sentences elsewhere
    pv = [(s, e, de, a) for s, e, de, a, _ in pv_list]
    for s, e, de, a in find_pouvoirs(text, start, end):
        if not any(not (e <= s2 or s >= e2) for s2, e2, _, _ in pv):
            pv.append((s, e, de, a))
    if pv:
        pv.sort()
        seen: set[tuple[str, str]] = set()
        vals = []
        for _, _, de, a in pv:
            k = (fold(de), fold(a or ""))
            if k not in seen:
                seen.add(k)
                vals.append({"de": de, "a": a})
        out.append(Found("pouvoirs", vals, pv[0][0], pv[-1][1], "attendance.pouvoirs", 0.9))
    # president, secretary: the best rule, first in text
    for cands in (find_president(text, start, end), find_secretaire(text, start, end)):
        if cands:
            out.append(max(cands, key=lambda f: (f.score, -f.start)))
    out.extend(find_events(text, start, end))
    return out


# ----------------------------------------------------------------------------------------- per-act changes


def apply_events(presents: list[str], events: list[Found]) -> list[str]:
    """The présents list after an act's arrivals and departures (in text order). Members who do not take
    part in the vote stay present.

    >>> ev = [Found("_event.depart", "M. DURAND", 0, 1, "t"), Found("_event.arrivee", "Mme Anne PETIT", 2, 3, "t")]
    >>> apply_events(["Paul DURAND", "Jean MARTIN"], ev)
    ['Jean MARTIN', 'Anne PETIT']
    """
    out = list(presents)
    for ev in sorted(events, key=lambda f: f.start):
        name = N.clean_name(str(ev.value)) or str(ev.value)
        if ev.field == "_event.depart":
            hits = [p for p in out if N.same_person(p, name)]
            if len(hits) == 1:  # "M. DURAND quitte la séance" with two DURAND present: ambiguous, kept
                out = [p for p in out if p is not hits[0]]
        elif ev.field == "_event.arrivee" and not any(N.same_person(p, name) for p in out):
            out.append(name)
    return out


def apply_schedule(lists: dict[str, list], schedule: list[Found], rank: int) -> dict[str, list]:
    """The attendance lists of the sitting's item number ``rank`` (1-based), given the notes on members'
    lines ('_event.schedule' values: "(à compter de la délibération n°3)", "(jusqu'au point n°2)").
    ``lists`` holds 'presents', 'absents_excuses', 'absents' and 'pouvoirs' as extracted (the opening).

    >>> ev = [Found("_event.schedule", {"name": "Anne PETIT", "list": "presents", "from": 3, "pouvoir": None}, 0, 0, "t"),
    ...       Found("_event.schedule", {"name": "Paul DURAND", "list": "presents", "until": 2, "pouvoir": None}, 0, 0, "t")]
    >>> apply_schedule({"presents": ["Paul DURAND", "Jean MARTIN"]}, ev, 3)["presents"]
    ['Jean MARTIN', 'Anne PETIT']
    """
    out = {k: list(v) for k, v in lists.items()}
    for ev in schedule:
        v = ev.value if isinstance(ev.value, dict) else {}
        name, role = v.get("name"), v.get("list")
        if not name or role not in LIST_ROLES:
            continue
        if "only" in v:
            on = rank in v["only"]
        else:
            on = (rank >= v["from"]) if "from" in v else (rank <= v.get("until", rank))
        proxy = v.get("pouvoir")
        if role != "pouvoirs":
            cur = out.setdefault(role, [])
            there = [p for p in cur if N.same_person(p, name)]
            if on and not there:
                cur.append(name)
            elif not on and there:
                out[role] = [p for p in cur if p not in there]
        if proxy:
            cur = out.setdefault("pouvoirs", [])
            key = (fold(proxy["de"]), fold(proxy.get("a") or ""))
            there = [p for p in cur if (fold(p["de"]), fold(p.get("a") or "")) == key]
            if on and not there:
                cur.append(dict(proxy))
            elif not on and there:
                out["pouvoirs"] = [p for p in cur if p not in there]
    return out


def warm_up() -> None:
    """Compile every name pattern now (about 10 s): a long-lived process that forks workers calls it
    once, so that no worker pays for the compilations document after document."""
    for role in ("maire", "presi"):
        _role_holder(role)

    def visit(v: object) -> None:
        if isinstance(v, N.LazyPattern):
            v.pattern  # noqa: B018 - the first attribute access compiles it
        elif isinstance(v, dict):
            for x in v.values():
                visit(x)
        elif isinstance(v, (list, tuple)):
            for x in v:
                visit(x)

    visit(_rx())
    for role in ("maire", "presi"):
        visit(_role_holder(role))
    for build in (_civ_start, _name_at_start, _role_re, _blank_re, N._re):
        visit(build())
