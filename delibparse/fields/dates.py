"""Dates, hour, préfecture stamps and @ctes identifier of a deliberation.

Finders (``find_dates``, ``find_times``, ``find_actes_ids``) return every candidate with absolute
offsets; ``extract`` decides which date is which field from the words that announce it
(``data/fr/dates_labels.yaml``) and gives each a score. Matching runs on a folded copy of the
text of the same length (lower case, no accents, straight apostrophes), so offsets carry over.

>>> [(m.value.isoformat(), m.kind) for m in find_dates("L'an deux mil quatorze, le premier mars")]
[('2014-03-01', 'preamble')]
>>> [t.value for t in find_times("à vingt heures trente, puis 18h")]
['20:30', '18:00']
>>> find_actes_ids("ID : 013-211301106-20210201-AR-2022-02-AI")[0].value
'013-211301106-20210201-AR-2022-02-AI'
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re as stdre  # the standard module is faster for plain alternations (labels, anchors)
from dataclasses import dataclass
from typing import Any

import regex as re

from .. import lexicon
from ..prefilter import starting, trie
from .base import Context, Found

FIELDS = (
    "date_seance",
    "heure_seance",
    "date_convocation",
    "date_transmission_prefecture",
    "date_reception_prefecture",
    "date_publication",
    "identifiant_actes",
)


@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int
    end: int
    value: dt.date
    kind: str  # preamble | text | numeric | iso | ocr | relative
    year_written: bool = True  # False when the year came from ``year`` / ``ref``


@dataclass(frozen=True, slots=True)
class TimeMatch:
    start: int
    end: int
    value: str  # "HH:MM"
    kind: str  # digits | words


@dataclass(frozen=True, slots=True)
class ActesId:
    start: int
    end: int
    value: str  # normalised "DDD-SIREN-YYYYMMDD-NUMERO-NN"
    date: dt.date | None  # the act's date (date de décision), not the transmission date


# --------------------------------------------------------------------------- folding

def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0xC0, 0x250):
        s = lexicon.strip_accents(chr(cp)).lower()
        if len(s) == 1:
            table[cp] = s
    for c in "’‘`´ʼ′":
        table[ord(c)] = "'"
    for c in "\u00a0\u202f\u2009\u2007\u200a":
        table[ord(c)] = " "
    table.update({ord("ᵉ"): "e", ord("ʳ"): "r", ord("–"): "-", ord("—"): "-", ord("‑"): "-"})
    return table


_FOLD = _fold_table()


def fold_same_length(s: str) -> str:
    """Lower case, no accents, straight apostrophes; the result has the length of ``s``.

    >>> fold_same_length("Reçu en Préfecture le 1ᵉʳ")
    'recu en prefecture le 1er'
    """
    t = s.lower()
    if len(t) != len(s):  # a rare character whose lower case is longer
        t = "".join(c if len(c.lower()) != 1 else c.lower() for c in s)
    return _NON_ASCII.sub(_fold_char, t)


# the characters ``_FOLD`` changes, past ASCII (speed: the others are left as they are anyway)
_NON_ASCII = stdre.compile("[" + "".join(stdre.escape(chr(cp)) for cp in sorted(_FOLD) if cp > 0x7F) + "]")


def _fold_char(m: stdre.Match) -> str:
    c = m.group()
    return _FOLD.get(ord(c), c)


_HYPHEN_BREAK = stdre.compile(r"(?<![a-z])([a-z]{1,8})-[ \t]*\n[ \t]*([a-z]{1,9})(?![a-z])")


def _join_broken_months(f: str) -> str:
    """'oc-\\ntobre' (a month cut at a line end) -> 'octobre' padded with spaces: same length."""
    if "-\n" not in f and "- \n" not in f:
        return f

    def join(m: stdre.Match) -> str:
        word = m.group(1) + m.group(2)
        return word + " " * (len(m.group()) - len(word)) if word in _lex()["month_of"] else m.group()

    return _HYPHEN_BREAK.sub(join, f)


# --------------------------------------------------------------------------- patterns

@functools.cache
def _lex() -> dict:
    data = lexicon.load("months")
    month_of: dict[str, int] = {}
    for num, names in data["months"].items():
        for n in names:
            month_of[lexicon.strip_accents(n).lower()] = int(num)
    rel = {lexicon.strip_accents(k).lower(): v for k, v in data["relative"].items()}
    wd = [lexicon.strip_accents(w).lower() for w in data["weekdays"]]
    return {"month_of": month_of, "relative": rel, "weekdays": wd}


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@functools.cache
def _date_res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Three patterns: numeric dates (they start with a digit, searched everywhere); dates with a
    month or relative word (searched only near such a word); the ``anchor`` that finds those words."""
    lx = _lex()
    month = rf"(?:{_alt(lx['month_of'])})(?![a-z])\.?"
    wd = _alt(lx["weekdays"])
    numw = lexicon.number_word_pattern()
    day = rf"(?:1\s?(?:er|\^\{{er\}})(?![a-z])|premier|[0-3]?\d(?!\d)|{numw})"
    month_word = rf"(?:{_alt(lx['month_of'])})"
    year = rf"(?:(?:19|20)\d\d(?!\d)|{numw}(?![\w-]))"
    of_month = r"(?:du\s+mois\s+d(?:e\s+|'\s*))?"
    numeric = re.compile(
        r"""(?x)
        (?=\d)(?<![\w])
        (?:
          # ISO, as on acknowledgement pages: 2021-06-02(GMT+1)
          (?P<iso> (?P<y>(?:19|20)\d\d) - (?P<m>[01]\d) - (?P<d>[0-3]\d) ) (?!\d)
        | # 13/02/2024, 13.02.2024, 13-02-24, "20 / 02 / 2024"
          (?P<num> (?P<d>[0-3]?\d) \s{0,2} (?P<sep>[/.-]) \s{0,2} (?P<m>[01]?\d) \s{0,2} (?P=sep) \s{0,2}
             (?P<y>(?:19|20)\d\d|\d\d) ) (?![\d])
        | # a slash read by OCR as 1, l, I, | or 7: 21/1212022
          (?P<ocr> (?P<d>[0-3]\d) \s?/\s? (?P<m>[01]\d) [1il|7] (?P<y>(?:19|20)\d\d)
                 | (?P<d>[0-3]\d) [1il|7] (?P<m>[01]\d) \s?/\s? (?P<y>(?:19|20)\d\d) ) (?!\d)
        )
        """
    )
    # Matched BACKWARDS from a month or relative word found by ``anchor`` (the regex module's (?r)):
    # one attempt per anchor instead of one per position. The year after the month is read by ``after``.
    words = re.compile(
        rf"""(?xr)
        (?<![\w])
        (?:
          # "L'an deux mille vingt-quatre, le treize février", "L'AN DEUX MIL VINGT le QUINZE du mois de
          # DÉCEMBRE", "L an deux mil treize et le premier octobre", "mardi 13 février", "1er mars"
          (?: (?P<pre> l(?:'|\s)?\s*an \s+ (?P<y>{year}) \s*[,.]?\s* (?:et\s+)? (?:le\s+)? ) )?
          (?:(?P<wd>{wd})\s*,?\s+)? (?P<d>{day}) \s* {of_month} (?P<m>{month_word})
        | # relative: "le 9 courant", "le 9 écoulé"
          (?P<d>{day}) \s+ (?P<r>{_alt(lx['relative'])})
        )
        \Z
        """
    )
    # the same words as a trie (speed; the longest word that ends before a non-letter, as the alternation)
    words_list = list(lx["month_of"]) + list(lx["relative"])
    anchor = stdre.compile(r"(?<![a-z])%s(?![a-z])" % (trie(words_list) if all(w.isascii() for w in words_list)
                                                       else "(?:%s)" % _alt(words_list)))
    return numeric, words, anchor


@functools.cache
def _year_after() -> re.Pattern:
    """What may follow a month: its abbreviation dot, then a year in digits or words."""
    numw = lexicon.number_word_pattern()
    return re.compile(rf"(?x)\.? (?: \s*,?\s* (?P<y>(?:19|20)\d\d(?!\d)|{numw}(?![\w-])) )?")


def _windows(anchor: stdre.Pattern, f: str, before: int, after: int) -> list[tuple[int, int]]:
    spans: list[list[int]] = []
    for m in anchor.finditer(f):
        a, b = max(0, m.start() - before), min(len(f), m.end() + after)
        if spans and a <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], b)
        else:
            spans.append([a, b])
    return [(a, b) for a, b in spans]


_TIME_ANCHOR = stdre.compile(r"\d\s?h|heure|midi|minuit")


@functools.cache
def _time_re() -> re.Pattern:
    numw = lexicon.number_word_pattern()
    minute = rf"(?:[0-5]\d(?!\d)|quart|demie?|{numw})"
    return re.compile(
        rf"""(?x)
        (?<![\w,.])
        (?:
          (?P<h>[01]?\d|2[0-3]) \s? (?:h|heures?) (?: \s? (?P<mi>[0-5]\d) (?!\d) )?     # 20h30, 20 H 30, 18h
             (?: \s+ (?:et\s+)? (?P<mw>quart|demie?|{numw}) (?![\w]) )?             # 19 heures trente
        | (?P<hw>{numw}) \s+ heures? (?: \s+ (?:et\s+)? (?P<mw>{minute}) )?          # dix-huit heures trente
        | (?P<noon>midi|minuit) (?: \s+ (?:et\s+)? (?P<mw>{minute}) )?
        ) (?![\w])
        """
    )


_ID_RE = re.compile(
    r"""(?x)
    (?<![\w])
    (?P<dep>\d{3}|0?2[ab]) \s{0,3}-\s{0,3} (?P<siren>\d{9}) \s{0,3}-\s{0,3} (?P<date>\d{8}) \s{0,3}-\s{0,3}
    (?P<num>[\w][\w\s.\-/]{0,40}?) \s{0,3}-\s{0,3} (?P<nat>de|ar|ai|cc|bf|au) (?![a-z0-9])   # PDF line breaks
    """
)

_ID_DASH = re.compile(r"\s*-\s*")
_ID_SPACES = re.compile(r"\s+")
_URL_RE = stdre.compile(r"(?:https?://|www\.)\S+")
_URL_END = stdre.compile(r".*\.(?:pdf|odt|docx?|html?)")  # a URL glued to the text stops at its file


def _urls(f: str, offset: int) -> list[tuple[int, int]]:
    out = []
    for m in _URL_RE.finditer(f):
        cut = _URL_END.match(m.group())
        out.append((m.start() + offset, m.start() + offset + (cut.end() if cut else len(m.group()))))
    return out


@functools.cache
def _labels() -> dict[str, Any]:
    data = lexicon.load("dates_labels")
    out = {}
    for key, frags in data.items():
        if key == "source":
            continue
        # speed: searched only where a fragment's literal start is (the same matches, see prefilter)
        out[key] = starting(stdre.compile("(?x)(?:" + "|".join(f"(?:{f})" for f in frags) + ")"), *frags)
    return out


_RANGE_BEFORE = re.compile(r"\d\s*(?:-|au|et|a)\s*$")
_MET = re.compile(r"(?:s'est|se\s+sont|s\s+est|s'etant)\s+(?:reuni|assemble|tenue?)e?s?|se\s+reuni(?:t|ra)\b")
_A_BEFORE = re.compile(r"(?:^|[\s,])(?:a|des|vers)\s*$")
_SENTENCE = re.compile(r"[.;!?]\s+[a-z]|\n\s*\n")
_LE_BEFORE = stdre.compile(r"(?:^|[.:;\n]\s*|[A-ZÉÈ]{2,}\s+)(?:Le|LE)\s+$")
_MET_AFTER = stdre.compile(
    r"(?:s'est|se\s+sont|s\s+est)\s+(?:reuni|assemble)|(?:legalement|dument|regulierement)\s+convoque")
_GAP_SEANCE = re.compile(r"(?x)^[\s:,.\-–*_()]*$")
_CLAUSE_END = re.compile(r"(?x)[.;!?](?:\s|$)|\n\s*\n|_{3,}|\*\*|-{3,}")

# words for minutes/hours that text2num reads differently
_MIN_WORDS = {"quart": 15, "demi": 30, "demie": 30}


# --------------------------------------------------------------------------- raw finders

@dataclass(slots=True)
class _Raw:
    start: int
    end: int
    kind: str
    d: int
    m: int
    y: int | None
    rel: int | None = None


def _word_int(s: str) -> int | None:
    s = s.strip()
    if s.endswith(" et") or s.endswith("-et"):
        s = s[:-3]
    if s in ("premier",):
        return 1
    if s.startswith("1") and s[1:].replace(" ", "").replace("^{er}", "er") == "er":
        return 1
    return lexicon.parse_int(s)


def _year(s: str | None) -> int | None:
    if not s:
        return None
    if s.isdigit():
        v = int(s)
        if len(s) == 2:
            return 2000 + v if v < 70 else 1900 + v
        return v
    v = _word_int(s)
    return v if v is not None and 1900 <= v <= 2100 else None


def _raw_dates(f: str, offset: int) -> list[_Raw]:
    out: list[_Raw] = []
    rel = _lex()["relative"]
    month_of = _lex()["month_of"]
    num_re, words_re, anchor = _date_res()
    for mt in num_re.finditer(f):
        kind = "iso" if mt.group("iso") else "numeric" if mt.group("num") else "ocr"
        d, m, ys = int(mt.group("d")), int(mt.group("m")), mt.group("y")
        if kind == "numeric" and len(ys) == 2 and (len(mt.group("d")) < 2 or len(mt.group("m")) < 2):
            continue  # "2.1.15" is a number, not a date
        if 1 <= d <= 31:
            out.append(_Raw(mt.start() + offset, mt.end() + offset, kind, d, m, _year(ys)))
    for am in anchor.finditer(f):
        mt = words_re.search(f, max(0, am.start() - 110), am.end())
        if mt is None:
            continue
        d = _word_int(mt.group("d"))
        if d is None or not 1 <= d <= 31:
            continue
        if mt.group("r"):
            out.append(_Raw(mt.start() + offset, mt.end() + offset, "relative", d, 0, None, rel[mt.group("r")]))
            continue
        m, end = month_of[mt.group("m")], mt.end()
        if mt.group("pre"):
            kind, y = "preamble", _year(mt.group("y"))
            if y is None:
                continue
        else:
            kind, ya = "text", _year_after().match(f, end)
            y = _year(ya.group("y"))
            end = ya.end() if y is not None else ya.start() + (1 if f[end: end + 1] == "." else 0)
        out.append(_Raw(mt.start() + offset, end + offset, kind, d, m, y))
    # an earlier, longer match wins over one inside it ("l'an deux mille sept, le 14 mai": "mille sept")
    out.sort(key=lambda r: (r.start, -r.end))
    kept: list[_Raw] = []
    for r in out:
        if kept and r.start < kept[-1].end:
            continue
        kept.append(r)
    return kept


def _resolve(r: _Raw, year: int | None, ref: dt.date | None) -> DateMatch | None:
    if r.kind == "relative":
        if ref is None:
            return None
        y, m = ref.year, ref.month + (r.rel or 0)
        if m < 1:
            y, m = y - 1, m + 12
        try:
            return DateMatch(r.start, r.end, dt.date(y, m, r.d), "relative", False)
        except ValueError:
            return None
    y, written = r.y, True
    if y is None:
        y, written = (year if year is not None else (ref.year if ref else None)), False
    if y is None or not 1900 <= y <= 2100:
        return None
    try:
        return DateMatch(r.start, r.end, dt.date(y, r.m, r.d), r.kind, written)
    except ValueError:
        return None


def find_dates(
    text: str, start: int = 0, end: int | None = None, *, year: int | None = None, ref: dt.date | None = None
) -> list[DateMatch]:
    """Every date in ``text[start:end]`` (words, numeric, ISO, abbreviated months), absolute offsets.

    A date without a year takes ``year`` (or ``ref``'s year); "le 9 courant" needs ``ref``.

    >>> [m.value.isoformat() for m in find_dates("Séance du 20 FEV. 2024, convoqué le 9 courant",
    ...                                          ref=dt.date(2024, 2, 20))]
    ['2024-02-20', '2024-02-09']
    """
    end = len(text) if end is None else end
    f = _join_broken_months(fold_same_length(text[start:end]))
    return [d for r in _raw_dates(f, start) if (d := _resolve(r, year, ref)) is not None]


def _minutes(s: str | None) -> int | None:
    if not s:
        return 0
    s = s.strip()
    if s in _MIN_WORDS:
        return _MIN_WORDS[s]
    v = _word_int(s)
    return v if v is not None and 0 <= v <= 59 else None


def _raw_times(f: str, offset: int) -> list[TimeMatch]:
    out = []
    matches = []
    for a, b in _windows(_TIME_ANCHOR, f, 45, 40):
        matches.extend(_time_re().finditer(f, a, b))
    for mt in matches:
        if mt.group("noon"):
            h, kind = (12 if mt.group("noon") == "midi" else 0), "words"
        elif mt.group("hw"):
            h, kind = _word_int(mt.group("hw")), "words"
        else:
            h, kind = int(mt.group("h")), "digits"
        if h is None or not 0 <= h <= 23:
            continue
        mi = _minutes(mt.group("mi") or mt.group("mw"))
        if mi is None:
            continue
        dur = _labels()
        if dur["duration_before"].search(f, max(0, mt.start() - 25), mt.start()) or dur["duration_after"].match(
                f, mt.end(), mt.end() + 40):
            continue  # "pendant 2 heures", "3 heures de formation": a duration
        if not (mt.group("mi") or mt.group("mw")) and "heure" in mt.group() and dur["duration_before_bare"].search(
                f, max(0, mt.start() - 8), mt.start()):
            continue
        out.append(TimeMatch(mt.start() + offset, mt.end() + offset, f"{h:02d}:{mi:02d}", kind))
    return out


def find_times(text: str, start: int = 0, end: int | None = None) -> list[TimeMatch]:
    """Every clock time in ``text[start:end]``: "20h30", "20 H 30", "19 heures", "dix-huit heures trente".

    >>> [t.value for t in find_times("à 20 heures 30 ; 18 H ; à midi")]
    ['20:30', '18:00', '12:00']
    """
    end = len(text) if end is None else end
    return _raw_times(fold_same_length(text[start:end]), start)


def _ids(text: str, f: str, offset: int) -> list[ActesId]:
    out = []
    for mt in _ID_RE.finditer(f):
        num = text[offset + mt.start("num"): offset + mt.end("num")]
        num = _ID_DASH.sub("-", _ID_SPACES.sub(" ", num)).strip()
        ds = mt.group("date")
        try:
            day = dt.date(int(ds[:4]), int(ds[4:6]), int(ds[6:]))
        except ValueError:
            day = None
        dep = mt.group("dep").upper()
        value = f"{dep}-{mt.group('siren')}-{ds}-{num}-{mt.group('nat').upper()}"
        out.append(ActesId(mt.start() + offset, mt.end() + offset, value, day))
    return out


def find_actes_ids(text: str, start: int = 0, end: int | None = None) -> list[ActesId]:
    """@ctes identifiers ``DDD-SIREN-YYYYMMDD-NUMERO-NN``, read from both ends (NUMERO may hold hyphens).

    >>> [i.value for i in find_actes_ids("AR Prefecture 082-218200798-20230206-D13 2023 02 06-DE Reçu")]
    ['082-218200798-20230206-D13 2023 02 06-DE']
    """
    end = len(text) if end is None else end
    sub = text[start:end]
    return _ids(text, fold_same_length(sub), start)


# --------------------------------------------------------------------------- choosing

@dataclass(slots=True)
class _Label:
    start: int
    end: int
    field: str
    rule: int  # index of the fragment that matched (0-based)


_WINDOW = {"seance": 8, "convocation": 170, "transmission": 60, "reception": 60, "publication": 60,
           "heure": 40, ("convocation", 0): 120, ("convocation", 1): 45}
_STAMPS = ("transmission", "reception", "publication")
_LABEL_REACH = 250  # longest label and its window
_LETTERS = re.compile(r"[a-z]")
_FIELD = {"seance": "date_seance", "convocation": "date_convocation",
          "transmission": "date_transmission_prefecture", "reception": "date_reception_prefecture",
          "publication": "date_publication"}


@functools.cache
def _label_parts() -> dict[str, list[stdre.Pattern]]:
    data = lexicon.load("dates_labels")
    return {k: [stdre.compile("(?x)" + f) for f in v] for k, v in data.items() if k != "source"}


# a label family is searched only when one of these words is in the text (speed)
_NEEDS = {"seance": ("seance", "reuni", "session", "conseil", "comite", "bureau", "commission", "assemble",
                     "ouvert", "tenu", "examin"),
          "convocation": ("convo",),
          "transmission": ("prefect", "legalit", "transmis"),
          "reception": ("prefect", "recu", "reception", "visa"),
          "publication": ("publi", "affich", "ligne", "recueil")}


def _find_labels(f: str, offset: int, spans: list[tuple[int, int]] | None = None) -> list[_Label]:
    """Labels in ``f`` (or only inside ``spans``, positions in ``f``), with absolute offsets."""
    out: list[_Label] = []
    pats = _labels()
    spans = [(0, len(f))] if spans is None else spans
    for key in ("seance", "convocation", "transmission", "reception", "publication"):
        if not any(w in f for w in _NEEDS[key]):
            continue
        for mt in (m for a, b in spans for m in pats[key].finditer(f, a, b)):
            # which fragment matched: re-test the fragments at this position (rarely more than a few)
            rule = 0
            for i, p in enumerate(_label_parts()[key]):
                if p.match(f, mt.start()):
                    rule = i
                    break
            out.append(_Label(mt.start() + offset, mt.end() + offset, key, rule))
    out.sort(key=lambda lb: (lb.start, -lb.end))
    # a label inside a longer one of another field ("date de convocation" vs "convocation") is dropped
    kept: list[_Label] = []
    for lb in out:
        if kept and lb.start < kept[-1].end and lb.end <= kept[-1].end:
            continue
        kept.append(lb)
    return kept


def _clause_before(f: str, pos: int, span: int = 90) -> str:
    lo = max(0, pos - span)
    chunk = f[lo:pos]
    cut = None
    for m in _CLAUSE_END.finditer(chunk):
        cut = m.end()
    return chunk[cut:] if cut is not None else chunk


def _masked(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def extract(text: str, start: int, end: int, ctx: Context) -> list[Found]:
    """Dates of sitting, convocation, stamps, the hour and the @ctes identifier found in ``text[start:end]``.

    >>> t = ("L'an deux mille vingt-quatre, le treize février à vingt heures, le Conseil s'est réuni."
    ...      " Vu la loi du 8 juillet 2013. Envoyé en préfecture le 20/02/2024")
    >>> fs = extract(t, 0, len(t), Context())
    >>> sorted((f.field, str(f.value)) for f in fs)  # doctest: +NORMALIZE_WHITESPACE
    [('date_seance', '2024-02-13'), ('date_transmission_prefecture', '2024-02-20'),
     ('heure_seance', '20:00')]
    """
    try:
        return _extract(text, start, end, ctx)
    except Exception:  # never raise on odd text
        return []


def _extract(text: str, start: int, end: int, ctx: Context) -> list[Found]:
    f = _join_broken_months(fold_same_length(text[start:end]))
    found: list[Found] = []

    ids = _ids(text, f, start)
    masked = [(i.start, i.end) for i in ids]
    masked += _urls(f, start)
    for i in ids:
        found.append(Found("identifiant_actes", i.value, i.start, i.end, "dates.actes_id", 0.9))

    raws = [r for r in _raw_dates(f, start) if not _masked(r.start, masked)]
    # a label matters only if a date follows within reach: search the text before each date
    spans: list[list[int]] = []
    for p in sorted(r.start - start for r in raws):
        a = max(0, p - _LABEL_REACH)
        if spans and a <= spans[-1][1]:
            spans[-1][1] = p
        else:
            spans.append([a, p])
    labels = _find_labels(f, start, [(a, b) for a, b in spans])

    pre = fold_same_length(text[max(0, start - 120): start])  # context of a label at the region's top
    fpre = pre + f

    def clause_before(pos: int, span: int = 90) -> str:
        return _clause_before(fpre, pos - start + len(pre), span)

    # pair labels with the first date after them -------------------------------------------
    pairs: list[tuple[_Label, _Raw]] = []
    raw_starts = sorted(raws, key=lambda r: r.start)
    raw_keys = [r.start for r in raw_starts]
    i = 0
    while i < len(labels):
        # a run of labels in a row ("Date de la convocation  Date d'affichage  04/02  17/02")
        run = [labels[i]]
        while (i + len(run) < len(labels)
               and labels[i + len(run)].start - run[-1].end <= 3
               and not f[run[-1].end - start: labels[i + len(run)].start - start].strip(" :\t")):
            run.append(labels[i + len(run)])
        nxt_label = labels[i + len(run)].start if i + len(run) < len(labels) else end
        k0 = bisect.bisect_left(raw_keys, run[-1].end)
        after = []
        for r in raw_starts[k0:]:
            if r.start >= nxt_label or len(after) >= len(run) + 1:
                break
            after.append(r)
        if len(run) > 1:
            seq = []
            pos = run[-1].end
            for r in after:
                gap = f[pos - start: r.start - start]
                if len(seq) == 0 and len(gap) > 30 or len(seq) > 0 and len(gap.strip(" ,;:-")) > 0:
                    break
                seq.append(r)
                pos = r.end
                if len(seq) == len(run):
                    break
            if len(seq) == len(run):
                pairs.extend(zip(run, seq))
        elif after:
            lb, r = run[0], after[0]
            gap_text = f[lb.end - start: r.start - start]
            gap_len = len(gap_text) - sum(min(b, r.start) - max(a, lb.end) for a, b in masked
                                          if a < r.start and b > lb.end)
            if lb.field in _STAMPS:  # only punctuation, an identifier or a word or two between
                bare = "".join(ch for k, ch in enumerate(gap_text) if not _masked(lb.end + k, masked))
                if len(_LETTERS.findall(bare)) > 6:
                    gap_len = 10**6
            window = _WINDOW.get((lb.field, lb.rule), _WINDOW[lb.field])
            if gap_len <= window and (lb.field != "seance" or _GAP_SEANCE.match(gap_text)):
                pairs.append((lb, r))
        i += len(run)

    # year for dates that lack one ------------------------------------------------------------
    # the year of dates written without one: the sitting's year when the pipeline knows it, else the
    # year the region's own sitting dates and identifier state, else the pipeline's hint (a guess
    # from the most frequent year of the document's top)
    ref = ctx.date_seance if isinstance(ctx.date_seance, dt.date) else None
    votes: dict[int, float] = {}
    for r in raws:
        if r.kind == "preamble" and r.y:
            votes[r.y] = votes.get(r.y, 0) + 2
    for lb, r in pairs:
        if lb.field == "seance" and r.y:
            votes[r.y] = votes.get(r.y, 0) + 1.5
    for idd in ids:
        if idd.date:
            votes[idd.date.year] = votes.get(idd.date.year, 0) + 1
    year = ref.year if ref else max(votes, key=votes.__getitem__) if votes else ctx.year

    def resolve(r: _Raw) -> DateMatch | None:
        return _resolve(r, year, ref)

    # date_seance candidates ------------------------------------------------------------------
    seance: list[Found] = []
    # an act region of a longer document mentions other sittings; only its first lines are its title
    head_limit = start + (1500 if ctx.region == "head" or start == 0 else 300)
    for r in raws:
        if r.kind == "preamble":
            d = resolve(r)
            if d:
                seance.append(Found("date_seance", d.value, d.start, d.end, "dates.preamble", 0.92))
    taken: set[int] = set()
    for lb, r in pairs:
        d = resolve(r)
        if d is None:
            continue
        if lb.field != "seance":
            taken.add(r.start)
            continue
        if r.kind == "preamble":
            continue
        ctx_before = clause_before(lb.start)
        if lb.rule == 9:  # "Délibération n° 12 du": the act's own header, not "la délibération n° 12 du"
            ctx_before = ctx_before[-40:] + f[lb.start - start: lb.end - start]
        if _labels()["not_seance"].search(ctx_before):
            continue
        if lb.rule == 4:  # "date de la séance"
            score = 0.9
        elif lb.rule in (5, 8):  # "s'est réuni ... le", "la séance est ouverte le"
            score = 0.85
        elif lb.rule in (0, 1, 2, 3):
            score = 0.88 if lb.start < head_limit else 0.5
        else:
            score = 0.6
        if not d.year_written:
            score -= 0.1
        seance.append(Found("date_seance", d.value, d.start, d.end, f"dates.label_seance{lb.rule}", score))
    for r in raws:
        # "Le lundi treize février 2023 à dix-neuf heures, le Conseil municipal, convoqué le ..., s'est réuni"
        if r.kind not in ("text", "numeric") or r.start in taken or not _LE_BEFORE.search(
                text, max(0, r.start - 30), r.start):
            continue
        met = _MET_AFTER.search(f, r.end - start, min(len(f), r.end - start + 250))
        d = resolve(r)
        if met and d and not _SENTENCE.search(f, r.end - start, met.start()):
            score = 0.8 if r.start < head_limit else 0.5
            seance.append(Found("date_seance", d.value, d.start, d.end, "dates.date_before_met", score))
    for idd in ids:
        if idd.date:
            seance.append(Found("date_seance", idd.date, idd.start, idd.end, "dates.actes_id_date", 0.75))
    if not seance and ctx.region != "tail":
        # the first full date near the top, not announced by any other label: a title line, or the
        # date column of a list of deliberations ("27/01/2025  2025_001  Budget ...  Approuvée")
        top = 400 if ctx.region == "head" or start == 0 else 60
        for r in raws:
            if r.start > start + top:
                break
            if r.start in taken or r.y is None:
                continue
            if _labels()["not_seance"].search(clause_before(r.start, 60)):
                continue
            if _RANGE_BEFORE.search(f[max(0, r.start - start - 8): r.start - start]):
                continue  # "20 - 23 février 2023": a range of days
            d = resolve(r)
            if d:
                seance.append(Found("date_seance", d.value, d.start, d.end, "dates.first_head_date", 0.3))
                break
    # agreement between independent rules raises the score
    for k, c in enumerate(seance):
        agree = {o.rule for o in seance if o.value == c.value and o.rule != c.rule}
        if agree:
            seance[k] = Found(c.field, c.value, c.start, c.end, c.rule, min(0.99, c.score + 0.05 * len(agree)))
    found.extend(seance)

    best_seance = max(seance, key=lambda x: x.score).value if seance else ref
    sitting = ref or best_seance

    # other labelled dates --------------------------------------------------------------------
    for lb, r in pairs:
        if lb.field == "seance" or r.kind == "preamble":
            continue  # an empty stamp field followed by the preamble gives nothing
        d = resolve(r)
        if d is None:
            continue
        field = _FIELD[lb.field]
        gap = r.start - lb.end
        if lb.field == "convocation":
            score = 0.9 if lb.rule == 0 else (0.8 if gap <= 25 else 0.6)
            if sitting:
                delta = (sitting - d.value).days
                if delta <= 0 or delta > 60:
                    continue
        else:
            score = 0.9
            rule_text = f[lb.start - start: lb.end - start]
            if lb.field == "reception" and lb.rule == 6:  # "AR Prefecture ... Reçu le"
                score = 0.75
            if lb.field == "publication" and "affich" in rule_text:
                score = 0.8
            if sitting and d.value < sitting:
                continue  # a stamp cannot precede the act ("affiché le" of the convocation)
            after_mask = max((b for a, b in masked if b <= lb.start), default=0)
            if _labels()["not_stamp"].search(clause_before(lb.start, min(60, lb.start - after_mask))):
                continue  # "un avis a été publié le ..."
            if sitting and (d.value - sitting).days > 730:
                continue  # an OCR'd year ("2073") or another act's date
        if not d.year_written:
            score -= 0.1
        found.append(Found(field, d.value, d.start, d.end, f"dates.label_{lb.field}{lb.rule}", score))

    # heure_seance ----------------------------------------------------------------------------
    times = [t for t in _raw_times(f, start) if not _masked(t.start, masked)]
    if times:
        not_h = _labels()["not_heure"]
        date_starts = sorted(r.start for r in raws)
        for s in sorted(seance, key=lambda x: -x.score):
            if s.rule in ("dates.actes_id_date",):
                continue
            nxt_date = next((p for p in date_starts if p >= s.end), end)
            for t in times:
                if t.start < s.end or t.start >= nxt_date or t.start - s.end > 220:
                    continue
                before = f[max(start, t.start - 25) - start: t.start - start]
                if not_h.search(before) or _SENTENCE.search(f[s.end - start: t.start - start]):
                    continue
                gap = t.start - s.end
                score = s.score * (0.95 if gap < 40 else 0.8)
                found.append(Found("heure_seance", t.value, t.start, t.end, "dates.time_after_seance", score))
                break
        if best_seance is not None:
            # "le 25 janvier 2023 à 18 heures 00" anywhere the sitting's date is written again
            for r in raws:
                d = resolve(r)
                if d is None or d.value != best_seance:
                    continue
                nxt_date = next((p for p in date_starts if p > r.start), end)
                for t in times:
                    gap = t.start - r.end
                    if 0 <= gap <= 60 and t.start < nxt_date:
                        between = f[r.end - start: t.start - start]
                        if not_h.search(between[-25:]) or _SENTENCE.search(between):
                            break
                        if gap <= 3 or _A_BEFORE.search(between):
                            found.append(Found("heure_seance", t.value, t.start, t.end, "dates.time_after_date", 0.8))
                        break
        for mt in _MET.finditer(f):
            # "s'est réuni en séance publique, à l'Hôtel de Ville, à 20h30"
            for t in times:
                gap = t.start - (mt.end() + start)
                if 0 <= gap <= 100:
                    between = f[mt.end(): t.start - start]
                    if not_h.search(between[-25:]) or _SENTENCE.search(between):
                        break
                    if not any(mt.end() + start <= p < t.start for p in date_starts) and _A_BEFORE.search(between):
                        found.append(Found("heure_seance", t.value, t.start, t.end, "dates.time_after_met", 0.7))
                    break
        for mt in _labels()["heure"].finditer(f):
            for t in times:
                if 0 <= t.start - (mt.end() + start) <= _WINDOW["heure"]:
                    found.append(Found("heure_seance", t.value, t.start, t.end, "dates.time_label", 0.85))
                    break
    # one candidate per field, value and place: the best-scored rule
    best: dict[tuple, Found] = {}
    for x in found:
        k = (x.field, x.value, x.start, x.end)
        if k not in best or x.score > best[k].score:
            best[k] = x
    return list(best.values())
