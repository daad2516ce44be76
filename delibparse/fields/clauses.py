"""The clauses of an act: its visas ("Vu ..."), considérants and decisions (the dispositif).

How it reads a region: the text is cut into *units* at paragraph breaks, at line ends that close
a sentence, at list bullets, at sentence ends, and before every word that opens a clause ("Vu",
"Considérant", "Article 2 :", an upper-case decision verb "APPROUVE", "Le Conseil municipal",
"Ainsi fait" ...). A line break inside a sentence is not a cut, so a clause broken over lines
is read whole. Each unit is then classified (``_classify``) and the units are assembled into
clauses (``_assemble``): a unit that does not open a clause continues the open one when that one
is not finished (ends with ":" or "," or no punctuation). Decisions follow the gold rule
(a)-(e): items after "DÉCIDE :" / "le Conseil, après en avoir délibéré :" (a); a paragraph that
opens with a decision verb (b); "Article N" clauses (c); a sentence whose subject is the
assembly and whose verb decides (d); in minutes, the proposal put to the vote ("Il est proposé
au conseil de : - ...", "Madame le Maire demande aux membres du conseil s'ils sont d'accord pour
...": its items, or the sentence itself) when the vote that follows adopts it and no dispositif
of the assembly follows the vote (e). Vote lines, "Ainsi fait", signatures and stamps end a
clause and the dispositif. "Vu :" / "Considérant :" followed by bullets give one clause per
bullet. Words are data (``data/fr/clauses.yaml``); ``find_clauses`` finds, ``extract`` packs.

What it returns, for each field found (``visas``, ``considerants``, ``decisions``):

- one ``Found(field, [clause, ...], start, end, rule)`` whose value is the list of clauses (each
  whitespace-collapsed, without a leading bullet or list number, without a trailing ";" "." ",")
  and whose span runs from the first clause's start to the last one's end;
- one ``Found(f"{field}[{i}]", clause, start, end, rule)`` per clause with its own span and the
  rule that found it, for the pipeline's provenance (``provenance["decisions[2]"]``). Rules:
  ``clauses.vu``, ``vu_item``, ``considerant``, ``considerant_item``, ``dispositif_item`` (a),
  ``verb`` (b), ``article`` (c), ``assembly_sentence`` and ``passive`` (d), ``proposal_item`` and
  ``proposal_sentence`` (e).

>>> text = "Vu le Code général des collectivités territoriales ;\\nLe Conseil, après en avoir délibéré :\\n- APPROUVE le budget ;\\n- AUTORISE le Maire à signer.\\nAdopté à l'unanimité."
>>> [(f.field, f.value) for f in extract(text, 0, len(text), None) if "[" not in f.field]
[('visas', ['Vu le Code général des collectivités territoriales']), ('decisions', ['APPROUVE le budget', 'AUTORISE le Maire à signer'])]
"""

from __future__ import annotations

import functools
import re as stdre
from dataclasses import dataclass

import regex as re

from ..lexicon import load, strip_accents
from ..prefilter import DIGIT as _DIGIT
from ..prefilter import AfterChar, Either, Starts, prefix_tree, trie
from .base import Context, Found

FIELDS = ("visas", "considerants", "decisions")

# characters that open a list item
_BULLETS = "-–—•▪►➢❖◦‣⁃*>+_→·■□◆◇○●➔✓✔\u2023\u25aa\u27a2"
_PRIVATE = "\ue000-\uf8ff"  # Wingdings bullets of PDF extracts ("\uf0f0", "\uf0b7" ...)


def _accent_free(word: str) -> str:
    """A regex for ``word`` where accented vowels match with or without their accent."""
    out = []
    for k, ch in enumerate(word):
        base = strip_accents(ch)
        if ch == "e" and (k + 1 == len(word) or not word[k + 1].isalpha()):
            out.append("[eE]")
        elif ch in "'’":
            out.append("['’]\\s*")
        elif ch == " ":
            out.append("\\s+")
        elif base.lower() == "e":
            out.append("[eéèêëEÉÈÊË]")
        elif base.lower() == "a":
            out.append("[aàâäAÀÂÄ]")
        elif base.lower() in "iou" and base != ch:
            out.append(f"[{base}{ch}{base.upper()}{ch.upper()}]")
        elif base.lower() == "c" and ch != base:
            out.append("[cçCÇ]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _variants(words) -> list[str]:
    """Spellings of ``words`` for a regex named list: as written and without accents, both apostrophes."""
    out = set()
    for w in words:
        for a in (w, strip_accents(w)):
            for apos in ("'", "’"):
                out.add(a.replace("'", apos))
    return sorted(out)


def _first_words(phrases) -> set[str]:
    """The folded first word of each phrase ("après en avoir délibéré" -> "apres")."""
    out = set()
    for p in phrases:
        w = re.match(r"[\p{L}]+|\d+", strip_accents(p).lower())
        if w:
            out.add("#" if w.group().isdigit() else w.group())
    return out


def _alt(words) -> str:
    return "|".join(_accent_free(w) for w in sorted(set(words), key=len, reverse=True))


def _alt_participles(words) -> str:
    """Like ``_alt``, but a word-final "é" stays accented in lower case ("adopté" is not "adopte")."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        parts = re.split(r"(é(?=(?:e?s?)(?:\s|$)))", w)
        out.append("".join("(?-i:[éÉE])" if p == "é" else _accent_free(p) for p in parts if p))
    return "|".join(out)


@dataclass(frozen=True, slots=True)
class _Rx:
    """The compiled patterns, built once from data/fr/clauses.yaml."""

    starters: tuple[tuple[str, re.Pattern], ...]  # the words that open a unit, in priority order
    starter_words: dict[str, tuple[int, ...]]  # folded first word -> indices in ``starters``
    word_scan: tuple[stdre.Pattern, ...] | None  # speed: the tokens of ``starter_words`` in ``_WORD_FOLD``'s copy
    verb3: re.Pattern  # a decision verb, present 3rd person (singular or plural), any case
    verb_start: re.Pattern  # a unit opening with a decision verb (present)
    inf_start: re.Pattern  # a unit opening with an infinitive ("D'approuver", "valider")
    subject: re.Pattern  # the assembly as subject, near the unit's start
    passive: re.Pattern
    past: re.Pattern
    trigger_alone: re.Pattern
    trigger_end: re.Pattern
    proposal: re.Pattern
    proposal_gate: stdre.Pattern | None  # speed: the first word of every proposal opener
    proposal_word: int | None  # speed: the longest text ``proposal_gate`` matches (None: unbounded)
    end: re.Pattern
    vote: re.Pattern
    heading: re.Pattern


# letters whose case-free match in the standard ``re`` holds every character the ``regex`` module's
# case-free match takes (checked over all of Unicode for each of them)
_CASE_SAFE = set("abcdefghijklmnopqrstuvwxyzéèêëàâäîïôöûüùçœ")


def _first_word_gate(phrases) -> stdre.Pattern | None:
    """Speed: a standard ``re`` pattern, case-free, of the first word of each phrase as ``_accent_free``
    writes it, after no letter and before a space: it finds a word wherever a case-free match of a
    phrase opening after no letter is (its classes, and its \\s, hold all the ``regex`` module's ones).
    None when a first word has another letter than ``_CASE_SAFE``.

    >>> _first_word_gate(["il est proposé", "êtes-vous d'accord"]).search("ÊTES-VOUS d'accord ?") is not None
    True
    """
    words = {p.split()[0] for p in phrases if p.split()}
    letters = {c for w in words for c in w.lower() if c.isalpha()}
    if not words or not letters <= _CASE_SAFE or len(words) != len({p.split()[0] for p in phrases}):
        return None
    # a phrase opens after no letter (an ASCII one here) and, of several words, goes on after a space
    after = r"(?=\s)" if all(len(p.split()) > 1 for p in phrases) else ""
    return stdre.compile("(?i)(?<![a-zA-Z])(?:%s)%s" % ("|".join(_accent_free(w) for w in sorted(words)), after))


def _first_word_length(phrases) -> int | None:
    """The length of the longest first word of ``phrases``, as ``_accent_free`` matches it (one character
    for one; None when one holds an apostrophe, which may be followed by spaces).

    >>> _first_word_length(["il est proposé", "êtes-vous d'accord"])
    9
    """
    words = [p.split()[0] for p in phrases if p.split()]
    if not words or any(c in "'’" for w in words for c in w):
        return None
    return max(len(w) for w in words)


_ABBREV = {
    "m", "mm", "mme", "mmes", "mlle", "me", "dr", "st", "ste", "art", "n", "no", "cf", "etc", "av",
    "bd", "ch", "vol", "p", "pp", "env", "tel", "tél", "ref", "réf", "al", "chap",
    "cie", "ex", "ets", "ca", "cc", "sa", "sarl", "sas", "r", "l", "d", "prof", "mgr", "hab",
}


@functools.cache
def _rx() -> _Rx:
    data = load("clauses")
    verbs = data["decision_verbs"]
    present = [v[0] for v in verbs] + [v[1] for v in verbs]
    infinitive = [v[2] for v in verbs]
    lists = {"v3": _variants(present), "vinf": _variants(infinitive)}
    subj = _alt(data["assembly_subjects"])
    pre = _alt(data["decision_preambles"])
    part = _alt(data["decision_participles"])
    end = _alt(data["end_markers"])
    vote = _alt_participles(data["vote_markers"])
    trig = _alt(data["dispositif_triggers"])
    prop = _alt(data["proposal_openers"])
    L = r"\p{L}"
    # the words that open a unit: (name, pattern matched at a word's start, the first words it can have)
    groups = [
        ("visa", rf"(?<![{L}\d'’])(?:Vu|VU)(?=\s|,|l['’]|l[ae]s?\b|l[ae]\b)", {"vu", "vules", "vule", "vula"}),
        ("cons", rf"(?<![{L}])(?:Consid[ée]rant|CONSID[EÉ]RANT)(?![{L}])", {"considerant"}),
        ("motive", rf"(?<![{L}])(?:Attendu|ATTENDU|Entendu|ENTENDU)\s+qu", {"attendu", "entendu"}),
        ("article", rf"""(?<![{L}])(?:Article|ARTICLE)\s+(?:\d{{1,3}}|unique|UNIQUE|premier|PREMIER|[IVX]{{1,5}})
            (?:\s*(?:er|ER))?\s*(?=[:.–—-]|\n|$)""", {"article"}),
        ("pre", rf"(?<![{L}'’])(?i:{pre})(?![{L}])", _first_words(data["decision_preambles"])),
        ("subj", rf"(?<![{L}'’])(?:Le|LE|La|LA|L['’]|Les|LES)\s*(?i:{subj})(?![{L}])", {"le", "la", "l", "les"}),
        # lower case: after a title's colon or dash ("Tarifs : le conseil municipal fixe ..."), or
        # after a comma when "après en avoir délibéré" follows
        ("subjlow", rf"""(?:(?<=[:–—]\s{{1,3}})(?:le|la|l['’])\s*(?i:{subj})(?![{L}])
            | (?<=[,;]\s{{1,3}})(?:le|la|l['’])\s*(?i:{subj})(?=,?\s+apr[eè]s))""", {"le", "la", "l"}),
        ("end", rf"(?<![{L}'’])(?i:{end})(?![{L}])", _first_words(data["end_markers"])),
        ("vote", rf"(?<![{L}'’])(?i:{vote})(?![{L}])", _first_words(data["vote_markers"])),
        ("verb", rf"(?<![{L}'’])(?i:\L<v3>)(?![{L}'’])", _first_words(present)),
        ("inf", rf"(?<![{L}'’])(?:D['’]\s*|De\s+)?(?i:\L<vinf>)(?![{L}])", _first_words(infinitive) | {"d", "de"}),
        ("heading", rf"""(?<![{L}])(?:D[ÉE]LIB[ÉE]RATION|D[ée]lib[ée]ration)\s*(?:n\s*°|N\s*°|no\b|N°)
            | (?<![{L}\d])\d{{1,2}}\)\s+D[ée]lib[ée]ration
            | (?<![{L}])Point\s+n\s*°
            | (?<![{L}])(?:OBJET|Objet)\s*:""", {"deliberation", "point", "#", "objet"}),
        ("prop", rf"""(?<![{L}])(?:Il\s+(?:est|vous\s+est)\s+(?:donc\s+|ainsi\s+|également\s+)?propos[ée]
            | [ÊE]tes-vous\s+d['’]accord
            | (?:Madame|Monsieur|Mme|M\.)\s+(?:le|la)\s+(?:[Mm]aire|[Pp]r[ée]sident\w*)\s+(?:demande|propose|soumet)(?![{L}]))""",
         {"il", "etes", "madame", "monsieur", "mme", "m"}),
    ]
    compiled = tuple((name, re.compile("(?x)" + pat, ignore_unused=True, **lists)) for name, pat, _ in groups)
    by_word: dict[str, tuple[int, ...]] = {}
    for i, (_, _, words) in enumerate(groups):
        for w in words:
            by_word[w] = by_word.get(w, ()) + (i,)
    return _Rx(
        starters=compiled,
        starter_words=by_word,
        word_scan=_word_scan(by_word, [name for name, _ in compiled]),
        verb3=re.compile(rf"(?<![{L}])(?i:\L<v3>)(?![{L}'’])", ignore_unused=True, **lists),
        verb_start=re.compile(rf"^(?i:\L<v3>)(?![{L}'’])", ignore_unused=True, **lists),
        inf_start=re.compile(rf"^(?i:(?:d['’]\s*|de\s+|d\s+)?\L<vinf>)(?![{L}])", ignore_unused=True, **lists),
        subject=re.compile(
            rf"(?<![{L}])(?i:le|la|l['’]|les)\s*(?:membres\s+du\s+)?(?i:{subj})(?![{L}])"
        ),
        passive=re.compile(
            r"""(?xi)^(?:le|la|monsieur\s+le|madame\s+la|madame\s+le|m\.\s*le|mme\s+la|mme\s+le)\s+
            (?:maire|pr[ée]sidente?|vice-pr[ée]sidente?|directeur|directrice)\b[^.;]{0,80}?\s
            (?:est|sont)\s+(?:autoris[ée]e?s?|charg[ée]e?s?|mandat[ée]e?s?|habilit[ée]e?s?)\b"""
        ),
        past=re.compile(rf"(?i)(?<![{L}])(?:a|ont)\s+(?:{part})(?![{L}])"),
        trigger_alone=re.compile(rf"(?i)^(?:{trig})\s*[:.\-–]*\s*$"),
        trigger_end=re.compile(
            rf"(?i)(?<![{L}])(?:{trig})(?:\s+[^:]{{0,60}}?)?\s*(?:de|d['’]|d)?\s*[:\-–]\s*$"
        ),
        proposal=re.compile(rf"(?i)^[^.;:]{{0,150}}?(?<![{L}])(?:{prop})(?![{L}])"),
        proposal_gate=_first_word_gate(data["proposal_openers"]),
        proposal_word=_first_word_length(data["proposal_openers"]),
        end=re.compile(rf"(?i)^(?:{end})(?![{L}])"),
        vote=re.compile(rf"(?i)^(?:{vote})(?![{L}])"),
        heading=re.compile(
            r"^(?:(?i:d[ée]lib[ée]ration)\s*(?:n\s*°|N\s*°|no\b)|Point\s+n\s*°|\d{1,2}\)\s+D[ée]lib|(?:OBJET|Objet)\s*:)"
        ),
    )


_SENT_END = Starts(re.compile(r"(?<=[.!?])\s+(?=[«\"“(]?\s*[A-ZÀ-ÖØ-Þ]|\d{1,3}\s+[A-ZÀ-ÖØ-Þ])"),
                   AfterChar(r"[.!?]", r"\s"))  # speed: a space after a stop
_HARD_NL = Starts(re.compile(r"(?<=[.;:!?])[ \t]*\n\s*|\n[ \t]*\n\s*"),
                  # speed: a line break after a stop, or a blank line, each searched alone
                  Either(AfterChar(r"[.;:!?]", r"[ \t]*\n"), stdre.compile(r"\n[ \t]*\n")))
_BULLET_AT = Starts(re.compile(
    rf"""(?x)
    (?=[ \t]*(?:[•▪►➢❖◦‣⁃→·■□◆◇○●➔✓✔\u2023\u25aa\u27a2{_PRIVATE}\-–—*>+_\d]|[a-h]\)))  # speed: what (?P<b>) starts with
    (?:(?<=^|\n)[ \t]*|(?<=[.;:,!?|])[ \t]*|(?<=\s))
    (?P<b>[•▪►➢❖◦‣⁃→·■□◆◇○●➔✓✔\u2023\u25aa\u27a2{_PRIVATE}]
        |(?<=(?:^|\n|[.;:,!?|])[ \t]*)(?:[-–—*>+]|_+|\d{{1,2}}\s?(?:°\)?|[.)])|[a-h]\))
        |(?<=(?:^|\n)[ \t]*)\d{{1,2}}\s*[-–])
    (?=[ \t_]*[\p{{L}}«"(])
    """),
    # speed: where a match may start, for the standard ``re``: a line start, a stop or a space, then
    # a bullet, a dash or a list number (its \s holds every space of ``regex``, _DIGIT every digit)
    AfterChar(r"[\s.;:,!?|]", rf"""[ \t]*
    (?:[•▪►➢❖◦‣⁃→·■□◆◇○●➔✓✔\u2023\u25aa\u27a2{_PRIVATE}\-–—*>+_]
      |{_DIGIT}{{1,2}}\s?(?:°|[.)])|{_DIGIT}{{1,2}}\s*[-–]|[a-h]\))""", flags="(?x)"),
)
_LEAD = re.compile(rf"^[\s{re.escape(_BULLETS)}{_PRIVATE}|]*(?:(?:\d{{1,2}}\s?(?:°\)?|[.)])|[a-h]\))\s+)?[\s_]*")
# what ends a clause but is not part of it: punctuation, a dangling bullet or list number ("; 2.")
_TAIL = re.compile(
    rf"""(?x)(?:[\s;,.|]|(?<=\s)[{re.escape(_BULLETS)}{_PRIVATE}]+)*
    (?:(?<=[;,.]\s*)\d{{1,2}}[.)]?)?
    (?:[\s;,.|]|(?<=\s)[{re.escape(_BULLETS)}{_PRIVATE}$&§]+)*$"""
)
_WS = re.compile(r"\s+")


def _squash(s: str) -> str:
    """``_WS.sub(" ", s).strip()``: white space collapsed, ends stripped.

    >>> _squash("  Vu la\\n  loi ; ")
    'Vu la loi ;'
    """
    if "\x1c" in s or "\x1d" in s or "\x1e" in s or "\x1f" in s:  # the only characters where
        return _WS.sub(" ", s).strip()  # str.split and regex \s disagree
    return " ".join(s.split())
# a bullet read by OCR as a letter glued to the verb: "SAPPROUVE la ...", "$DIT QUE ..."
_OCR_VERB = Starts(
    re.compile(
        r"(?<=[\s:;,.])[$SL&§](?=(?:APPROUVE|AUTORISE|D[EÉ]CIDE|DIT|ADOPTE|D[EÉ]SIGNE|PREND|FIXE|ACCEPTE|VALIDE|CHARGE)\s+(?:[a-zà-ÿ]|QUE\b))"
    ),
    # speed: the glued letter and the verb
    r"[$SL&§](?:APPROUVE|AUTORISE|D[EÉ]CIDE|DIT|ADOPTE|D[EÉ]SIGNE|PREND|FIXE|ACCEPTE|VALIDE|CHARGE)",
)
_COMMA_BEFORE = re.compile(r",\s*$")
_COMMA_OR_COLON_BEFORE = re.compile(r"[,:–—]\s*$")
_AU_BEFORE = re.compile(r"(?i)(?<![\p{L}])au\s+$")
_ARTICLE_BEFORE = re.compile(r"(?:Article|ARTICLE)\s+\S{1,8}\s*(?:er\s*)?[:.–—-]\s*$")
_DET_BEFORE = re.compile(
    r"(?i)(?<![\p{L}])(?:la|le|les|une|un|sa|son|ses|cette|ce|leur|leurs|du|des|de|d['’]|au|aux|en|à|par|pour|sur)\s+$"
)
_TITLE_VERB = re.compile(r"(?i)^(?:demande|vote|charge|cr[ée]e|dit|fixe|rend|installe)\s+(?:de|des|du|d['’])\b")
_AFTER_TRIGGER = Starts(
    re.compile(
        r"(?i)(?<![\p{L}])(?:d[ée]cide(?:nt)?|arr[êe]te(?:nt)?|d[ée]lib[èe]re(?:nt)?)(?:\s+(?:de|d['’]))?\s*[:\-–]\s*(?=\S)"
    ),
    # speed: the verb, in any case (each letter written as every character the ``regex`` module's (?i) takes)
    trie(["décide", "decide", "arrête", "arrete", "délibère", "délibere", "delibère", "delibere"], any_case=True),
)
_WORD_BEFORE = re.compile(r"([\p{L}.]+)\.$")


@dataclass(slots=True)
class _Unit:
    start: int  # offsets in the region
    end: int
    text: str  # stripped of leading bullets, whitespace collapsed
    bullet: bool
    para: bool  # after a blank line or at the region's start
    hint: str  # the starter that opened it ("visa", "verb", "sentence" ...)
    first_line: str = ""  # its first line as written
    kind: str = "other"


def _sentence_break_ok(s: str, pos: int) -> bool:
    """A sentence end at ``pos`` (the space after the period) unless the period ends an abbreviation."""
    m = _WORD_BEFORE.search(s, max(0, pos - 12), pos)
    if not m:
        return True
    w = m.group(1)
    if "." in w:  # dotted acronyms "H.T.", "P.L.U." end sentences; "J.-P." style initials do not
        return len(w.replace(".", "")) >= 2 and w.replace(".", "").isupper()
    return not (len(w) == 1 or w.lower() in _ABBREV)


def _breaks(s: str, rx: _Rx) -> dict[int, str]:
    """Unit starts in ``s``: offset -> why."""
    out: dict[int, str] = {0: "para"}

    def put(pos: int, why: str) -> None:
        if pos >= len(s):
            return
        if pos not in out or out[pos] in ("line", "sentence") or why == "heading":
            out[pos] = why

    for m in _HARD_NL.finditer(s):
        put(m.end(), "para" if m.group().count("\n") > 1 else "line")
    for m in _BULLET_AT.finditer(s):
        put(m.start("b"), "bullet")
    for m in _OCR_VERB.finditer(s):
        put(m.start(), "verb")
    for m in _AFTER_TRIGGER.finditer(s):
        put(m.end(), "line")
    for m in _SENT_END.finditer(s):
        if _sentence_break_ok(s, m.start()):
            put(m.end(), "sentence")
    for m in _PIPE.finditer(s):
        put(m.end(), "sentence")
    for m, why in _starter_matches(s, rx):
        pos = m.start()
        tok = m.group()
        if why == "visa" and _AU_BEFORE.search(s, max(0, pos - 4), pos):
            continue
        if why in ("pre", "subj", "end", "vote") and not tok[0].isupper() and not (
            why == "pre" and tok.startswith("apr") and _COMMA_OR_COLON_BEFORE.search(s, max(0, pos - 4), pos)
            and not rx.subject.search(s, max(0, pos - 60), pos)
        ):
            continue
        if why == "vote" and tok.isupper() and rx.verb_start.match(tok) and _verb_opens(s, pos, tok):
            why = "verb"  # "ADOPTE le budget": the verb, not the result "ADOPTÉ"
        if why == "vote" and not _after_stop(s, pos):
            continue
        if why == "verb" and not _verb_opens(s, pos, tok):
            continue
        if why == "prop" and not _after_stop(s, pos):
            continue
        if why != "article" and _ARTICLE_BEFORE.search(s, max(0, pos - 25), pos):
            continue
        if why == "inf" and not (tok[0].isupper() and (_after_stop(s, pos) or _COMMA_BEFORE.search(s, max(0, pos - 4), pos))):
            continue
        if why == "pre" and tok[:1] in "AÀaà" and not tok.lower().startswith(("apr", "ainsi")) and not _after_stop(s, pos):
            continue
        # a bullet just before the starter belongs to the new unit
        q = pos
        while q > 0 and s[q - 1] in " \t_":
            q -= 1
        if q > 0 and (s[q - 1] in _BULLETS or "\ue000" <= s[q - 1] <= "\uf8ff") and (
            q == 1 or s[q - 2] in " \t\n.;:,|"
        ):
            pos = q - 1
        put(pos, why)
    return out


_PIPE = re.compile(r"\s\|\s")
_WORD_START = re.compile(r"(?<![\p{L}\d])(?:[\p{L}]+|\d+)")


class _WordFold(dict):
    """Character code -> the character a token is scanned by: a letter loses its accents and keeps its
    case (``_MARK`` when that is not one character, or an ASCII letter of another case or of another
    lower case than ``strip_accents(c).lower()``); other characters stay."""

    __slots__ = ()

    def __missing__(self, cp: int) -> str:
        c = chr(cp)
        out = c
        if _LETTER.match(c):
            out = strip_accents(c)
            if len(out) != 1 or (out.isascii() and (out.isupper() != c.isupper()
                                                    or out.lower() != strip_accents(c).lower())):
                out = _MARK
        self[cp] = out
        return out


_LETTER = re.compile(r"\p{L}")
_MARK = "\uffff"
_WORD_FOLD = _WordFold()
_TABLE_END = 0x3000  # no letter past it folds to an ASCII letter or digit (checked by the tests)


@functools.cache
def _word_fold_table() -> str:
    """Speed: ``_WORD_FOLD`` below U+3000 as a string indexed by character code, which ``str.translate``
    reads faster than a mapping; a character past it is left as it is (``translate`` reads the
    IndexError so), which changes no ASCII letter or digit of the copy, the only characters the scans
    look at: a token holding such a letter spells no key, folded or not.

    >>> "Délibération ŒUVRE".translate(_word_fold_table())
    'Deliberation ŒUVRE'
    """
    return "".join(_WORD_FOLD[cp] for cp in range(_TABLE_END))
def _word_scan(by_word: dict[str, tuple[int, ...]], names: list[str]) -> tuple[stdre.Pattern, ...] | None:
    """Speed: standard ``re`` patterns that find, on ``s.translate(_WORD_FOLD)``, every token of ``s``
    that ``_starter_matches`` tries and may keep (and more): a key of ``by_word`` (any case after its
    first letter) opening with a capital, preceded by no ASCII letter or digit; or in lower case when
    one of its starters may be kept so (``_lower_may_open``: an assembly, a verb, "après", each only
    after a stop ",;:–—" or a bullet and spaces: group 1 of the second pattern); followed by no ASCII
    letter. Every match opens with one character of a small set (a capital; a stop or a bullet),
    which the standard ``re`` skips to quickly. A folded letter is an ASCII letter or digit only where the
    source holds a letter, of the same case, and a token's folded letters spell its key, so no such
    token is missed. None when a key is not plain ASCII or when a starter opens on a number other
    than the list number of a heading ("3) Délibération", found by ``_paren_numbers``)."""
    words = [w for w in by_word if w != "#"]
    if not all(stdre.fullmatch(r"[a-z]+", w) for w in words):
        return None
    if not {names[i] for i in by_word.get("#", ())} <= {"heading"}:
        return None

    def having(*wanted: str) -> list[str]:
        return [w for w in words if any(names[i] in wanted for i in by_word[w])]

    lower = having("subjlow", "verb") + [w for w in having("pre") if w.startswith("apr")]
    # the opening capital X, no ASCII letter or digit before it, then the rest of a key opening with X
    upper = "|".join(r"%s(?<![A-Za-z0-9]%s)%s" % (x, x, _case_trie([w[1:] for w in words if w[0] == x.lower()],
                                                                   upper=False, rest=True))
                     for x in sorted({w[0].upper() for w in words}))
    scans = [stdre.compile(r"(?:%s)(?![A-Za-z])" % upper)] if words else []
    if lower:
        stops = "".join(stdre.escape(c) for c in ",;:–—" + _BULLETS) + _PRIVATE
        scans.append(stdre.compile(r"[%s][\s_]*(%s)(?![A-Za-z])" % (stops, _case_trie(lower, upper=False))))
    return tuple(scans)


def _paren_numbers(s: str):
    """Speed: where a number of one or two digits before ")" may start in ``s`` ("3) Délibération")."""
    p = s.find(")")
    while p >= 0:
        for q in (p - 2, p - 1):
            if q >= 0 and s[q:p].isdecimal():
                yield q
        p = s.find(")", p + 1)


def _case_trie(words, *, upper: bool, rest: bool = False) -> str:
    """A regex matching ``words`` (lower-case ASCII) with their first letter in upper (or lower) case
    and the others in any case, factored by common prefixes, which the standard ``re`` scans many
    times faster than a flat alternation; with ``rest``, every letter in any case (the rest of words
    whose first letter is matched apart; a word may then be empty).

    >>> _case_trie(["le", "les", "la", "vu"], upper=True)
    '(?:L(?:[aA]|[eE](?:[sS])?)|V[uU])'
    >>> _case_trie(["", "e", "es"], upper=False, rest=True)
    '(?:(?:[eE](?:[sS])?)?)'
    """
    tree = prefix_tree(words)

    def emit(node: dict, first: bool) -> str:
        alts = [(ch.upper() if upper else ch) + emit(sub, False) if first else f"[{ch}{ch.upper()}]" + emit(sub, False)
                for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    if rest:
        return f"(?:{emit(tree, False)})"
    return emit(tree, True) if len(tree) > 1 else f"(?:{emit(tree, True)})"


def _word_starts(s: str, rx: _Rx):
    """The ``_WORD_START`` tokens of ``s`` whose key may be in ``rx.starter_words`` (all of them, in
    order, when the speed scan does not apply)."""
    f = s.translate(_word_fold_table()) if rx.word_scan is not None else _MARK
    if _MARK in f:
        yield from _WORD_START.finditer(s)
        return
    starts = [c.start(c.lastindex or 0) for scan in rx.word_scan for c in scan.finditer(f)]
    if "#" in rx.starter_words:
        starts += _paren_numbers(s)
    starts.sort()
    match = _WORD_START.match
    for pos in starts:
        w = match(s, pos)
        if w is not None:
            yield w


def _starter_matches(s: str, rx: _Rx):
    """(match, name) of the first starter pattern matching at each word start of ``s``."""
    keys = _TOKEN_GROUPS if rx is _rx() else {}
    if len(keys) > 50000:
        keys.clear()
    starters = rx.starters
    for w in _word_starts(s, rx):
        tok = w.group()
        key = "#" if tok[0].isdigit() else tok
        idx = keys.get(key)
        if idx is None:
            idx = rx.starter_words.get("#" if tok[0].isdigit() else strip_accents(tok).lower(), ())
            keys[key] = idx
        if not idx:
            continue
        pos = w.start()
        if not tok[0].isupper() and not any(_lower_may_open(starters[i][0], s, pos) for i in idx):
            continue  # speed: _breaks would drop whatever matched here
        for i in idx:
            name, pat = starters[i]
            # speed: skip a pattern that cannot match here (what its first characters require)
            if name == "subj" and tok[0] != "L":
                continue  # "Le", "LA", "L'", "Les" ...
            if name == "subjlow" and (tok[0] != "l" or not _SUBJLOW_BEFORE.search(s, max(0, pos - 4), pos)):
                continue  # after ":", "–", "—", "," or ";" and one to three spaces
            if name == "inf" and tok[0] != "D" and key in ("d", "de", "dé"):
                continue  # "D'", "De " open an infinitive only with a capital D
            if name == "heading" and key == "#" and (len(tok) > 2 or s[pos + len(tok): pos + len(tok) + 1] != ")"):
                continue  # "3) Délibération"
            m = pat.match(s, pos)
            if m:
                yield m, name
                break


def _lower_may_open(name: str, s: str, pos: int) -> bool:
    """Whether a starter ``name`` matched at ``pos`` on a word that does not open with a capital may be
    kept by ``_breaks`` (False: it drops it, whatever the starters after it would have given, since
    none of them would be kept either when this holds for every one of them)."""
    if name in ("subj", "end", "vote", "inf"):
        return False  # dropped without a capital
    if name in ("visa", "cons", "motive", "article", "prop"):
        return False  # their patterns open with a capital: no match here
    if name == "heading":
        return not s[pos].islower()  # a capital or "3) Délibération"
    if name == "pre":
        return s.startswith("apr", pos)  # "après en avoir délibéré" after a comma or colon
    if name == "subjlow":
        return s[pos] == "l" and bool(_SUBJLOW_BEFORE.search(s, max(0, pos - 4), pos))
    if name == "verb":  # in lower case, a verb opens only after a bullet or "à l'unanimité,"
        i = pos
        while i > 0 and s[i - 1] in " \t_":
            i -= 1
        if i > 0 and (s[i - 1] in _BULLETS or "\ue000" <= s[i - 1] <= "\uf8ff") and (
                i == 1 or s[i - 2] in " \t\n.;:,|"):
            return True
        return bool(_VOTED_BEFORE.search(s, max(0, pos - 60), pos))
    return True


_TOKEN_GROUPS: dict[str, tuple[int, ...]] = {}  # a token as written -> the starter patterns it may open
_SUBJLOW_BEFORE = re.compile(r"[:–—,;]")


def _after_stop(s: str, pos: int) -> bool:
    """Whether ``pos`` follows a line start, a bullet or a sentence/clause end."""
    i = pos
    while i > 0 and s[i - 1] in " \t_":
        i -= 1
    if i == 0:
        return True
    c = s[i - 1]
    return c in "\n.;:!?|" or c in _BULLETS or "\ue000" <= c <= "\uf8ff"


_NEXT_OK = re.compile(
    r"\s+(?:[a-zà-ÿ]|(?i:qu['’]|que\b|de\b|d['’]|du\b|des\b|la\b|le\b|les\b|l['’]|à\b|au\b|aux\b|"
    r"comme\b|acte\b|sa\b|son\b|ses\b|un\b|une\b|en\b|par\b|pour\b|ci-|m\.|mme\b|monsieur\b|madame\b))"
)


_VOTED_BEFORE = re.compile(
    r"(?i)(?:unanimit[ée]|majorit[ée])(?:\s+(?:des|de\s+ses)\s+\p{L}+(?:\s+\p{L}+)?)?\s*,\s*$"
)
_NEXT_WORD = re.compile(r"\s+([\p{L}]\S*)")
_LOWER = re.compile(r"[a-zà-ÿ]{3}")
_NEXT_COLON = re.compile(r"[ \t]*(?::|-\s|\n|$)")


def _verb_opens(s: str, pos: int, tok: str) -> bool:
    """A decision verb opens a unit: upper case anywhere, capitalised after a stop, any after a bullet."""
    if _TITLE_VERB.match(s, pos) or _ARTICLE_BEFORE.search(s, max(0, pos - 25), pos):
        return False
    nxt = s[pos + len(tok): pos + len(tok) + 12]
    if tok.isupper() and len(tok) > 2:
        if _NEXT_COLON.match(nxt):
            return not tok.lower().startswith("vot")
        w = _NEXT_WORD.match(s, pos + len(tok))
        if not w:
            return False
        if w.group(1)[0].islower():
            return True
        if not _NEXT_OK.match(nxt):
            return False
        # "APPROUVE LE BUDGET" in a text all in capitals: only where a clause can start
        return bool(_LOWER.search(s, pos + len(tok), pos + len(tok) + 40)) or _after_stop(s, pos)
    if tok[0].isupper():
        return _after_stop(s, pos) and bool(_NEXT_OK.match(nxt))
    # lower case: right after a bullet, or after "à l'unanimité," when no assembly is the subject
    i = pos
    while i > 0 and s[i - 1] in " \t_":
        i -= 1
    if i > 0 and (s[i - 1] in _BULLETS or "\ue000" <= s[i - 1] <= "\uf8ff") and (
        i == 1 or s[i - 2] in " \t\n.;:,|"
    ):
        return True
    if _VOTED_BEFORE.search(s, max(0, pos - 60), pos):
        head = max(s.rfind(". ", 0, pos), s.rfind("\n", 0, pos), pos - 250, 0)
        return not _rx().subject.search(s, head, pos)
    return False


def _units(s: str, rx: _Rx) -> list[_Unit]:
    br = _breaks(s, rx)
    pos = sorted(br)
    units = []
    for k, a in enumerate(pos):
        b = pos[k + 1] if k + 1 < len(pos) else len(s)
        raw = s[a:b]
        lead = _LEAD.match(raw)
        n_lead = lead.end() if lead else 0
        body = raw[n_lead:]
        bullet = br[a] == "bullet" or bool(raw[:n_lead].strip())
        if br[a] == "verb" and _OCR_VERB.match(" " + body, 1):
            n_lead += 1  # "SAPPROUVE la ..." is "APPROUVE la ..." after a misread bullet
            body = body[1:]
        text = _squash(body)
        if not text:
            continue
        units.append(_Unit(a + n_lead, b, text, bullet, br[a] == "para", br[a], body.split("\n", 1)[0].strip()))
    return units


_VU_HEAD = re.compile(r"^(?:Vu|VU)\s*:?\s*$")
_CONS_HEAD = re.compile(r"^(?:Consid[ée]rant|CONSID[EÉ]RANT)\s*:?\s*$")
_VU_ANY = re.compile(r"(?i)^vu\s")
_VU_START = re.compile(r"^(?:Vu|VU)(?=\s|l[ae])")
_CONS_LOW = re.compile(r"^consid[ée]rant\b")
_CONS_START = re.compile(r"^(?:Consid[ée]rant|CONSID[EÉ]RANT)\b")
_STOP_IN = re.compile(r"[.;]")
_STOP_END = re.compile(r"[.;]\s*$")
_MAJORITY_START = re.compile(r"(?i)^(?:[àa]\s+l['’]unanimit|[àa]\s+la\s+majorit)")
_DELIB_OR_VOTE = re.compile(r"(?i)d[ée]lib[ée]r|unanimit|majorit")
_DELIB = re.compile(r"(?i)d[ée]lib[ée]r")
_NOT_BARE_SUBJECT = re.compile(r"(?i)[,:;.\-–]\s*$|d[ée]lib|unanimit|apr[eè]s|\d")
_CLOSED = re.compile(r"[.;!?]\s*$")
_COLON_END = re.compile(r":\s*\d{0,3}\s*$")


def _assembly_verb(rest: str, rx: _Rx):
    """The decision verb governed by the assembly in ``rest`` (the text after the subject), or None."""
    for v in rx.verb3.finditer(rest, 0, 300):
        if _DET_BEFORE.search(rest, max(0, v.start() - 12), v.start()):
            continue
        if _OTHER_SUBJECT.search(rest, 0, v.start()):
            return None
        return v
    return None


_OTHER_SUBJECT = re.compile(
    r"""(?xi)(?<![\p{L}])(?:(?:le|la|m\.|mme|monsieur|madame)\s+(?:le\s+|la\s+)?
    (?:maire|pr[ée]sidente?|rapporteur|rapporteure|secr[ée]taire)(?![\p{L}])
    |(?:qui|étant|il|elle|ils)\s)"""
)
_CAPS_TITLE = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ0-9'’,()«»\-–]+\s+){2,}[A-ZÀ-ÖØ-Þ'’\-]{2,}(?![\p{Ll}])")
_VOTE_VERB = re.compile(r"(?i)^vot\w*\s*:")
# a line that is only a signatory's title: "Le Maire,", "Pour le Président et par délégation"
_SIGNATURE = re.compile(
    r"(?i)^(?:pour\s+)?(?:le|la|p/le|p\.o\.?)\s+(?:maire|pr[ée]sidente?|secr[ée]taire(?:\s+de\s+s[ée]ance)?)"
    r"(?:\s+(?:et\s+par\s+d[ée]l[ée]gation|de\s+s[ée]ance))?\s*,?\s*$"
)
_SOFT_END = re.compile(r"[,:\-–]\s*\d{0,3}\s*$")
_ASIDE = re.compile(
    r"(?i)ne\s+(?:prend|prennent|participe\w*)\s+pas\s+(?:part|au\s+vote)|s['’]\s*abst(?:ien|en)|quitt\w*\s+la\s+s[ée]ance"
    r"|rejoin\w*\s+la\s+s[ée]ance|sort\w*\s+de\s+la\s+salle"
)
_PENDING_REACH = 1200  # characters a proposal waits for its vote (remarks, a table, questions between)
_TRIGGER_TAIL = re.compile(r"(?:[:\-–]|\b(?:de|d['’]))\s*\d{0,3}\s*$")
_SECRETARY = re.compile(r"(?i)secr[ée]taire")
_PAST_OK = re.compile(r"(?i)apr[eè]s\s+(?:en\s+avoir\s+|avoir\s+)?(?:d[ée]lib|s['’]\s*[êe]tre\s+prononc|vote)")


@functools.cache
def _opening_patterns() -> dict[str, re.Pattern]:
    """The patterns ``_classify`` matches at a unit's start, by name."""
    rx = _rx()
    return {"vu_head": _VU_HEAD, "cons_head": _CONS_HEAD, "vu_any": _VU_ANY, "vu_start": _VU_START,
            "cons_start": _CONS_START, "cons_low": _CONS_LOW, "heading": rx.heading, "end": rx.end,
            "trigger_alone": rx.trigger_alone, "passive": rx.passive, "verb_start": rx.verb_start,
            "title_verb": _TITLE_VERB, "vote_verb": _VOTE_VERB, "subject": rx.subject,
            "majority_start": _MAJORITY_START, "vote": rx.vote, "caps_title": _CAPS_TITLE}


@functools.lru_cache(maxsize=4096)
def _openers(c: str) -> frozenset[str]:
    """Speed: the names of the ``_opening_patterns`` a match of which may open with the character ``c``
    (a partial match of ``c`` alone, the ``regex`` module's ``partial=True``: the start of a match).

    >>> sorted(_openers("C"))
    ['caps_title', 'cons_head', 'cons_start', 'end', 'title_verb', 'verb_start', 'vote']
    """
    return frozenset(name for name, p in _opening_patterns().items() if p.match(c, partial=True) is not None)


def _classify(u: _Unit, rx: _Rx, *, gate: bool = True) -> str:
    t = u.text
    # speed: a pattern is matched at the start only when its first character may open it
    may = _openers(t[0]) if gate and rx is _rx() else _opening_patterns().keys()
    if "vu_head" in may and _VU_HEAD.match(t):
        return "visa_head"  # "Vu :" then one visa per bullet
    if "cons_head" in may and _CONS_HEAD.match(t):
        return "cons_head"
    if u.hint == "visa" or (u.bullet and "vu_any" in may and _VU_ANY.match(t)) or ("vu_start" in may and _VU_START.match(t)):
        return "visa"
    if u.hint == "cons" or ("cons_start" in may and _CONS_START.match(t)) or (
            u.bullet and "cons_low" in may and _CONS_LOW.match(t)):
        return "cons"
    if u.bullet and _ASIDE.search(t[:120]):
        return "vote"  # "- M. X ne prend pas part au vote"
    if u.hint == "motive":
        return "motive"
    if u.hint == "article":
        return "article"
    if u.hint == "heading" or ("heading" in may and rx.heading.match(t)):
        return "heading"
    if ("end" in may and rx.end.match(t)) or _SIGNATURE.match(u.first_line):
        return "end"
    if "trigger_alone" in may and rx.trigger_alone.match(t):
        return "trigger"
    if "passive" in may and rx.passive.match(t):
        return "passive"
    if u.hint == "inf":
        return "inf"
    vm = rx.verb_start.match(t) if "verb_start" in may else None
    if vm and len(t.rstrip(" .;:!")) <= vm.end() + 1:
        return "vote"  # a bare "PREND ACTE" / "ADOPTE": the result, not a clause
    if vm and (u.hint == "verb" or u.bullet or (t[0].isupper() and _verb_opens(t, 0, vm.group()))) and not (
            "title_verb" in may and _TITLE_VERB.match(t)):
        return "vote" if "vote_verb" in may and _VOTE_VERB.match(t) else "verb"
    # the assembly found anywhere in the opening counts only after a starter that names it (otherwise
    # only at the start: the first match found by a search is the one at the start when there is one)
    subj = rx.subject.search(t, 0, 260) if u.hint in ("subj", "subjlow", "pre") else (
        rx.subject.match(t, 0, 260) if "subject" in may else None)
    if subj and subj.start() <= 200 and (u.hint in ("subj", "subjlow", "pre") or subj.start() == 0):
        rest = t[subj.end():]
        v = _assembly_verb(rest, rx)
        if v:
            if _VOTE_VERB.match(rest[v.start():]):
                return "vote"
            after = rest[v.end():]
            if _TRIGGER_TAIL.search(t) and len(after) < 80 and not _STOP_IN.search(after):
                return "trigger"
            return "sentence"
        if rx.past.search(rest) and _PAST_OK.search(t) and not _SECRETARY.search(t):
            return "sentence"
        if _STOP_END.search(t) or len(rest) > 200:
            return "other"
        if not _SOFT_END.search(t) and not _DELIB.search(t):
            return "other"  # "LE CONSEIL MUNICIPAL" alone, a heading
        return "trigger_soft"  # "Le Conseil, après en avoir délibéré :" (no verb): items follow
    if u.hint == "pre" or ("majority_start" in may and _MAJORITY_START.match(t)):
        v = _assembly_verb(t, rx)
        if v and (u.hint != "pre" or _DELIB_OR_VOTE.search(t, 0, v.start())):
            if _TRIGGER_TAIL.search(t) and not _STOP_IN.search(t, v.end()):
                return "trigger"
            return "sentence"
        if _DELIB.search(t) and not _STOP_END.search(t):
            return "trigger_soft"
        return "motive"
    if "vote" in may and rx.vote.match(t):
        return "vote"
    if "caps_title" in may and _CAPS_TITLE.match(t):
        return "heading"
    if _may_propose(t, rx) and rx.proposal.search(t):
        return "proposal"
    return "other"


_STOP_CHAR = stdre.compile(r"[.;:]")


def _may_propose(t: str, rx: _Rx) -> bool:
    """Speed: whether ``rx.proposal`` may match ``t``: the first word of one of its openers is found
    (``rx.proposal_gate``) where an opener may start, within the first 150 characters before any stop.

    >>> _may_propose("Il est proposé au conseil d'approuver", _rx()), _may_propose("Vu la loi ; considérant qu'il est proposé", _rx())
    (True, False)
    """
    if rx.proposal_gate is None:
        return True
    if rx.proposal_word is None:
        return rx.proposal_gate.search(t) is not None
    stop = _STOP_CHAR.search(t, 0, 150)
    reach = (stop.start() if stop else 150) + rx.proposal_word + 1  # the word, and the space after it
    return rx.proposal_gate.search(t, 0, reach) is not None


_DECISION_KINDS = {"verb": "verb", "article": "article", "sentence": "assembly_sentence",
                   "passive": "passive"}


def _assemble(units: list[_Unit], rx: _Rx) -> list[tuple[str, str, int, int]]:
    """(field, rule, start, end) of each clause, in order."""
    out: list[list] = []  # [field, rule, start, end, text]
    cur: list | None = None
    mode: str | None = None  # None, "dispositif" (items follow), "proposal" (rule e items follow)
    first = False  # the unit right after an explicit "DÉCIDE :"
    sub = False  # inside the sub-list of an item that ended with ":"
    pending: list[list] = []  # rule (e): a proposal's clauses, kept if the next unit is a vote adopting it
    prev: _Unit | None = None
    kept: list[tuple[list, int]] = []  # proposals kept, with the index of their vote
    pending_at = 0  # index of the last proposal
    kinds = [_classify(u, rx) for u in units]
    for k, u in enumerate(units):
        kind = kinds[k]
        if pending and kind == "vote":
            if _adopts(units, kinds, k):
                out.extend(pending)
                kept.extend((c, k) for c in pending)
            pending = []
        elif pending and (kind not in ("other", "inf", "proposal") or u.start - units[pending_at].end > _PENDING_REACH) and not (
                mode == "proposal" and u.bullet):
            pending = []
        # "LE CONSEIL MUNICIPAL APPROUVE ..." cut at the verb: one sentence again
        if (kind == "verb" and prev is not None and prev.kind == "trigger_soft" and not u.bullet
                and prev.end == u.start and len(prev.text) <= 45
                and not _NOT_BARE_SUBJECT.search(prev.text)):
            prev.kind = "merged"
            cur = ["decisions", "assembly_sentence", prev.start, u.end, prev.text + " " + u.text]
            out.append(cur)
            mode, first, sub = None, False, False
            u.kind = "sentence"
            prev = u
            continue
        u.kind = kind
        prev = u
        open_tail = cur is not None and not _CLOSED.search(cur[4]) and not (
            cur[4].endswith("|") and "|" not in u.text)  # prose after a table row

        if kind in ("visa", "cons"):
            cur = ["visas" if kind == "visa" else "considerants", "vu" if kind == "visa" else "considerant",
                   u.start, u.end, u.text]
            out.append(cur)
            mode, sub = None, False
            continue
        if kind in ("visa_head", "cons_head"):
            cur, mode, sub = None, kind, False
            continue
        if mode in ("visa_head", "cons_head") and u.bullet and kind in ("other", "inf"):
            field = "visas" if mode == "visa_head" else "considerants"
            cur = [field, "vu_item" if field == "visas" else "considerant_item", u.start, u.end, u.text]
            out.append(cur)
            continue
        if kind in _DECISION_KINDS:
            rule = _DECISION_KINDS[kind]
            if mode == "dispositif" and kind == "verb":
                rule = "dispositif_item"
            cur = ["decisions", rule, u.start, u.end, u.text]
            if mode == "proposal":
                cur[1] = "proposal_item"
                pending.append(cur)
            else:
                out.append(cur)
            first, sub = False, False
            if kind == "sentence":
                mode = None
            continue
        if kind in ("trigger", "trigger_soft"):
            cur, mode, first, sub = None, "dispositif", kind == "trigger", False
            continue
        if kind == "proposal":
            nxt = units[k + 1] if k + 1 < len(units) else None
            pending_at = k  # a new proposal replaces the one before: the vote follows the last
            if nxt is not None and nxt.bullet and kinds[k + 1] in ("other", "inf", "verb"):
                cur, mode, first, sub = None, "proposal", False, False
                pending = []
            else:  # the whole sentence is the proposal put to the vote
                cur = ["decisions", "proposal_sentence", u.start, u.end, u.text]
                pending = [cur]
                mode, first, sub = None, False, False
            continue
        if kind in ("end", "vote", "heading"):
            cur, mode, sub = None, None, False
            continue
        if kind == "motive":
            cur, sub = None, False
            continue
        # other / inf
        inf = kind == "inf" or bool(rx.inf_start.match(u.text))
        if cur is not None and cur[0] == "decisions" and _COLON_END.search(cur[4]) and not inf:
            sub = True
        if mode == "proposal" and u.bullet and not sub:
            cur = ["decisions", "proposal_item", u.start, u.end, u.text]
            pending.append(cur)
            continue
        if mode == "dispositif" and not (sub and not inf) and (inf or u.bullet or first):
            cur = ["decisions", "dispositif_item", u.start, u.end, u.text]
            out.append(cur)
            first = False
            continue
        if cur is not None and ((open_tail and u.hint != "para") or (sub and u.bullet) or (
                mode == "dispositif" and cur[0] == "decisions" and u.hint == "sentence")):
            cur[3] = u.end
            cur[4] = cur[4] + " " + u.text
            continue
        cur, sub, first = None, False, False
        if not u.bullet:
            mode = None
    # a proposal whose vote is followed by the assembly's own dispositif is not a decision itself
    for c, k in kept:
        nxt = [kind for kind in kinds[k + 1: k + 6] if kind != "vote"][:1]
        if nxt and (nxt[0] in _DECISION_KINDS or nxt[0] in ("trigger", "trigger_soft")):
            out = [x for x in out if x is not c]
    return [(c[0], c[1], c[2], c[3]) for c in out]


def _adopts(units: list[_Unit], kinds: list[str], k: int) -> bool:
    """Whether the vote starting at unit ``k`` (with the vote lines that follow it) adopts."""
    votes = " ".join(units[i].text[:200] for i in range(k, min(k + 5, len(units))) if kinds[i] == "vote")
    return bool(_ADOPTED.search(votes)) and not _REJECTED.search(votes)


_ADOPTED = re.compile(r"(?i)adopt|approuv|unanimit|accept|voix\s+pour|pour\s*:")
_REJECTED = re.compile(r"(?i)rejet|ajourn|report[ée]|retir[ée]|n['’]\s*est\s+pas\s+adopt|refus")


# every character ``_TAIL`` can take: its match starts after the last character not among them
_TAIL_CHAR = re.compile(rf"[\s;,.|)\d{re.escape(_BULLETS)}{_PRIVATE}$&§]")


def _clean_span(s: str, a: int, b: int) -> tuple[int, int, str]:
    raw = s[a:b]
    lead = _LEAD.match(raw)
    i = lead.end() if lead else 0
    k = len(raw)  # speed: searching from the trailing run of such characters finds the same tail
    while k > i and _TAIL_CHAR.match(raw, k - 1):
        k -= 1
    tail = _TAIL.search(raw, k)
    j = tail.start() if tail else len(raw)
    if j <= i:
        return a + i, a + i, ""
    return a + i, a + j, _squash(raw[i:j])


def find_clauses(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, str, int, int, str]]:
    """Every clause of ``text[start:end]``: (field, rule, start, end, clause), offsets absolute.

    >>> find_clauses("Vu la loi ;\\nConsidérant que c'est utile,\\nDÉCIDE :\\n1. d'approuver le plan.")
    [('visas', 'vu', 0, 9, 'Vu la loi'), ('considerants', 'considerant', 12, 39, "Considérant que c'est utile"), ('decisions', 'dispositif_item', 53, 72, "d'approuver le plan")]
    """
    end = len(text) if end is None else end
    region = text[start:end]
    if not region.strip():
        return []
    rx = _rx()
    out = []
    for field, rule, a, b in _assemble(_units(region, rx), rx):
        ca, cb, clause = _clean_span(region, a, b)
        if len(clause) < 3:
            continue
        out.append((field, rule, start + ca, start + cb, clause))
    return out


def extract(text: str, start: int, end: int, ctx: Context | None) -> list[Found]:
    """Visas, considérants and decisions of one act's region (see the module docstring)."""
    clauses = find_clauses(text, start, end)
    found: list[Found] = []
    for field in FIELDS:
        mine = [c for c in clauses if c[0] == field]
        if not mine:
            continue
        found.append(Found(field, [c[4] for c in mine], mine[0][2], mine[-1][3], f"clauses.{field}"))
        for i, (_, rule, a, b, clause) in enumerate(mine):
            found.append(Found(f"{field}[{i}]", clause, a, b, f"clauses.{rule}"))
    return found
