"""The vote of an act: counts, unanimity, outcome.

Finding and choosing are separate. ``find_mentions`` returns every vote mention of a region
(a count "18 voix pour" / "Contre : 1", a flattened vote table, "à l'unanimité des membres
présents", "à la majorité", an outcome word "adoptée", "rejetée"); ``group_blocks`` gathers
mentions that stand together into vote blocks; ``choose`` keeps the act's own vote: the last
block that is neither inside a "Vu ..." / another body's opinion nor a procedural vote (the
secretary, the previous minutes, the way of voting), completed by a consistent count block
stated elsewhere in the act (a header "Pour : 23 Contre : 0" with "Adoptée à l'unanimité" at
the end). ``extract`` turns the choice into ``Found`` values (``vote.*`` and ``nb_votants`` when
the vote block states it); the blocks not chosen are returned as ``_alt.vote.*`` candidates with
a low score, which the pipeline ignores (fields starting with "_"), so that a field the chosen vote
does not state stays None instead of taking another vote's value.

Outcome: explicit words win ("adoptée", "rejetée", "n'est pas adoptée", "le conseil rejette");
then the stated counts (pour > contre); then a stated vote (unanimity, majority) means adopted;
without any vote, "prend acte" / "est informé" give ``sans_vote``, "point reporté" / "retiré de
l'ordre du jour" give None, and a dispositif ("après en avoir délibéré, DÉCIDE", "APPROUVE") gives
``adopte`` when the act's text goes on past it (a text cut inside its dispositif gives None).

Only stated values are given: "à l'unanimité" alone gives no ``vote.pour``; ``unanimite`` is
True only when unanimity is written, False on "à la majorité" or a stated contre/abstention.

Patterns are matched on a same-length folded copy of the text (lower case, no accents,
straight apostrophes), so offsets stay those of the source. Words live in
``data/fr/votes.yaml``.

>>> v = vote_of("Après en avoir délibéré, le conseil adopte par 18 voix pour, 3 contre et deux abstentions (M. Paul DURAND, Mme Anne ROY).")
>>> (v["vote.pour"], v["vote.contre"], v["vote.abstention"], v["vote.unanimite"], v["vote.issue"])
(18, 3, 2, False, 'adopte')
>>> v["vote.noms_abstention"]
['Paul DURAND', 'Anne ROY']
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import regex as re

from ..lexicon import fold_chars, load, number_word_pattern, parse_int
from ..prefilter import DIGIT, OrTextStart, Starts, literal_starts, starting, trie
from .base import Context, Found

FIELDS = (
    "vote.pour",
    "vote.contre",
    "vote.abstention",
    "vote.unanimite",
    "vote.issue",
    "vote.nppv",
    "vote.unanimite_qualificatif",
    "vote.noms_contre",
    "vote.noms_abstention",
    "nb_votants",
)

KINDS = ("pour", "contre", "abstention", "nppv", "votants", "exprimes")
_COUNTED = ("pour", "contre", "abstention", "nppv")  # kinds that make a block a vote

# ----------------------------------------------------------------------------- folding


@functools.lru_cache(maxsize=2)
def _folded(text: str) -> str:
    """``fold_same_length`` of a whole document, kept for the next regions of the same document."""
    return fold_same_length(text)


def fold_same_length(s: str) -> str:
    """Lower case, accents and curly apostrophes removed, one character for one (``lexicon.fold_chars``).

    >>> fold_same_length("Adoptée À L’UNANIMITÉ")
    "adoptee a l'unanimite"
    """
    return fold_chars(s)


# ----------------------------------------------------------------------------- patterns

class _Alternation:
    """A pattern ``A1|A2|...|An`` searched one alternative at a time: the ``regex`` module scans a single
    alternative far faster than the whole alternation. The whole pattern is then matched where the
    first alternative starts, so ``finditer`` and ``search`` give exactly the whole pattern's matches
    (no alternative may match the empty string).

    >>> [m.group() for m in _Alternation([r"\\bpris\\s+acte", r"sans\\s+vote"]).finditer("sans vote, pris acte")]
    ['sans vote', 'pris acte']
    """

    def __init__(self, parts: list[str], whole: str | None = None) -> None:
        # speed: the alternatives that open with literal words are searched as one, where one of their
        # words is (one scan of the standard ``re``, see prefilter.Starts); the others one by one
        words = [p for p in parts if literal_starts(p) is not None]
        merged = [starting(re.compile("|".join(f"(?:{p})" for p in words)), *words)] if words else []
        self.parts = merged + [starting(re.compile(p), p) for p in parts if p not in words]
        self.whole = re.compile(whole if whole is not None else "|".join(f"(?:{p})" for p in parts))
        self.pattern = self.whole.pattern

    def finditer(self, s: str, pos: int = 0, endpos: int | None = None):
        end = len(s) if endpos is None else min(endpos, len(s))
        nxt: list[int | None] = [None] * len(self.parts)  # next start of each alternative (-1: none)
        while pos <= end:
            best = -1
            for i, part in enumerate(self.parts):
                c = nxt[i]
                if c is None or 0 <= c < pos:
                    m = part.search(s, pos, end)
                    c = nxt[i] = m.start() if m else -1
                if c >= 0 and (best < 0 or c < best):
                    best = c
            if best < 0:
                return
            m = self.whole.match(s, best, end)
            if m is None or m.end() == m.start():  # cannot happen with non-empty alternatives
                yield from self.whole.finditer(s, best, end)
                return
            yield m
            pos = m.end()

    def search(self, s: str, pos: int = 0, endpos: int | None = None):
        return next(self.finditer(s, pos, endpos), None)


_LEX = load("votes")


def _alt(items) -> str:
    return "|".join(f"(?:{i})" for i in sorted(items, key=len, reverse=True))


def _words_pattern() -> str:
    # number words, folded (the lexicon holds accented and plain forms); never start on "et"
    return rf"(?!et\b){fold_same_length(number_word_pattern())}"


_WORDS = _words_pattern()
# a count: 1 to 3 digits, or French number words
_NUM = rf"(?:(?<![\d.,])\d{{1,3}}(?![\d])|\b{_WORDS}\b)"
_ZERO = _alt(_LEX["zero_words"])
# what may stand after a count and shows it is not one (an amount, a duration, a decimal)
_NOT_COUNT_AFTER = r"(?!\s*(?:[.,]\d|\d|€|%|euros?\b|ans?\b|mois\b|jours?\b|h\b|heures?\b|m2|m²|km|ha\b))"


def _group_alt(table: dict, kinds=KINDS) -> str:
    return "|".join(f"(?P<{k}>{_alt(table[k])})" for k in kinds if k in table)


# "Pour : 20", "Votes contre = 2", "Abstention(s) : 0", "Votants : 23", "Contre : /"
LABEL_FIRST = re.compile(
    rf"""(?x)
    (?<![\w'])
    (?:{_group_alt(_LEX["label_first"])})
    \s*(?:\(s\))?\s*(?:[:=;]|[.…_]{{3,}})\s*
    (?P<n>{_NUM}|{_ZERO})
    {_NOT_COUNT_AFTER}
    """
)

# "Pour 20, Contre 2, Abstention 1" (no colon; the label written with a capital: checked in code)
_LN_LABELS = r"(?:(?P<pour>pour)|(?P<contre>contre)|(?P<abstention>abstentions?))"
LABEL_NUMBER = re.compile(
    r"""(?x)
    (?<![\w'])(?<!majorite\s)
    """ + _LN_LABELS + r"""
    \s+(?P<n>\d{1,3})(?!\d)
    (?=\s*(?:[,;|/\n)]|\.(?!\d)|$|et\s|(?:pour|contre|abstentions?|votants)\b))
    """
)

# words that show "pour" is the preposition ("3 membres pour représenter", "2 pour le projet")
_NOT_AFTER_POUR = (r"le|la|les|l'|un|une|des|du|de|d'|ce|cette|ces|son|sa|ses|leur|leurs|chaque|tout|toute|tous"
                   r"|toutes|lequel|laquelle|lesquels|lesquelles|qui|que|quoi|\d+|[a-z]{3,}(?:er|ir)")
# "18 voix pour", "3 contre", "deux abstentions", "5 ne prenant pas part au vote", "sur 34 votants"
_NF = _LEX["number_first"]
NUMBER_FIRST = re.compile(
    rf"""(?x)
    (?<![\w'/,.])
    (?P<n>{_NUM})
    \s*(?:\(\s*\d{{1,3}}\s*\)\s*)?                 # "dix-huit (18) voix"
    (?:(?P<noun>{_alt(_NF["nouns"])})\s+)?
    (?:\(s\)\s*)?
    (?:
        (?P<pour>{_alt(_NF["pour"])})                # "53 voix pour Le procès-verbal …": after "voix", a count
        (?:(?<=\bvoix\s{{1,3}}pour)(?!\s+(?:cent|mille)\b)|(?!\s+(?:cent|mille|{_NOT_AFTER_POUR})\b))
      | (?P<contre>{_alt(_NF["contre"])})
      | (?P<abstention>{_alt(_NF["abstention"])})
      | (?P<nppv>{_alt(_NF["nppv"])})
      | (?P<votants>{_alt(_NF["votants"])})
      | (?P<exprimes>{_alt(_NF["exprimes"])})
    )
    (?![\w-])
    (?!\s*[:=]?\s*\d|\s*[:=]\s*/)                  # "23 Contre : 0" is label-first style
    """
)

# "adopté par 20 voix contre 3": 20 for, 3 against
VOICES_AGAINST = re.compile(
    rf"""(?x)
    \bpar\s+(?P<pour>{_NUM})\s+voix\s+contre\s+(?P<contre>{_NUM})
    (?!\s*(?:voix\s+)?(?:pour|contre|abstentions?)\b|[.,]\d|\d)
    """
)
# "à l'unanimité des votants par 38 voix": the votes for (needs a vote formula nearby)
BY_VOICES = re.compile(
    rf"(?x)\bpar\s+(?P<n>{_NUM})\s+voix\b(?!\s+(?:pour|contre|sur|d'ecart|de\s+majorite))|\(\s*(?P<n2>{_NUM})\s+voix\s*\)"
)

# "Majorité pour 3 votes contre : A, B, C" / "Majorité pour 1 vote contre (M. X)": the number counts
# the minority; a flattened table may interleave a few words of another column.
MAJORITY_FOR = re.compile(
    rf"""(?x)
    \bmajorite\s+pour\s+(?P<n>{_NUM})
    (?P<gap>[^\d:]{{0,80}}?)
    (?:(?P<contre>\bcontre\b)|(?P<abstention>\babstentions?\b)|(?P<nppv>{_alt(_NF["nppv"])}))
    """
)

# A flattened vote table: header labels, then the values in the same order.
_TLAB = r"(?:pour|contre|abstentions?(?:\s*\(s\))?|votants|nppv)\b"
TABLE = re.compile(
    rf"""(?x)
    (?<![\w'])
    (?P<head>(?:{_TLAB}\s*[:|]?\s*){{2,6}})
    (?P<vals>(?:(?:\d{{1,3}}|/)(?![\w/])\s*\|?\s*){{1,6}})
    """
)
_TLAB_RE = re.compile(r"(?:pour|contre|abstention|votants|nppv)")
_PRECEDING_NUM = re.compile(r"(?<![\w.,])(\d{1,3})\s*\|?\s*$")

# Names given without a count: "Abstention(s) de : Mme A, M. B", "Ont voté contre : M. X"
_NO_WHO = (r"(?:(?P<contre>(?:ont\s+vote\s+|votes?\s+|voix\s+)?contre)"
           r"|(?P<abstention>abstentions?(?:\s*\(s\))?|(?:se\s+sont\s+|s'est\s+)abstenue?s?)"
           r"|(?P<nppv>(?:ne\s+(?:prend|prennent)|n'ont|n'a|ne\s+participe(?:nt)?)\s+pas\s+(?:pris\s+)?(?:part|participe)\s+au\s+vote|nppv))")
NAMES_ONLY = re.compile(
    r"""(?x)
    (?<![\w'])
    """ + _NO_WHO + r"""
    \s*(?P<sep>de\s*:?|:)\s*
    """
)

_QUALS = {fold_same_length(q): q for q in _LEX["unanimity_qualifiers"]}
# "à l'unanimité des 23 membres présents": a number may sit after "des"
_QUAL_ALT = _alt(re.sub(r"^des\\s\+", r"des\\s+(?:\\d{1,3}\\s+)?", re.escape(q).replace("\\ ", " ").replace(" ", r"\s+"))
                 for q in _QUALS)
UNANIMITY = re.compile(
    rf"""(?x)
    (?:\ba\s*l['\s]*|\bl['\s]*)?(?<![\w])(?:unanimite\b|unanimement\b|(?:vote|votes|accord)\s+unanimes?\b)
    (?:\s+(?P<qual>{_QUAL_ALT})\b)?
    """
)
MAJORITY = re.compile(rf"(?x)(?:{_LEX['majority']})(?!{_LEX['majority_not']})")

_ADOPT = r"adopte(?:e|s|es)?|approuve(?:e|s|es)?|accepte(?:e|s|es)?"
_REJECT = _LEX["reject_words"]
_OUTCOME_SUBJECT = _LEX["outcome_subject"].replace("voeu", "v(?:oe|œ)u")
# "la délibération adoptée en matière de ..." is a reference: a noun subject needs a line start or a
# vote formula after the participle
_NOUN_SUBJECT = re.compile(r"(?:deliberation|proposition|rapport|motion|v(?:oe|œ)u|projet|point|resolution)\b")
_AFTER_OUTCOME = re.compile(r"\s*(?:a\s+l['\s]*unanimite|a\s+la\s+majorite|par\b|avec\b|\(|[.:!;,]|$|\n|-{2,})")
OUTCOME_SUBJECT = re.compile(
    rf"""(?x)
    \b{_OUTCOME_SUBJECT}\s+(?:(?:ainsi|donc|ensuite|alors|bien|finalement|definitivement|egalement)\s+)?
    (?:(?P<adopt>{_LEX["adopt_words"]})|(?P<reject>{_REJECT}))\b
    (?!\s+(?:le\s+\d|en\s+date|par\s+(?:deliberation|arrete|decret|le\s|la\s|l')|lors\b|au\s+cours\b|depuis\b|en\s+(?:19|20)\d\d))
    """
)
OUTCOME_WORD = re.compile(
    rf"""(?x)
    (?<!['])(?:(?P<adopt>{_ADOPT})|(?P<reject>{_REJECT}))
    (?=\s*(?:a\s+l['\s]*unanimite|a\s+la\s+majorite|l['\s]*unanimite|par\s+(?:{_NUM})\s|\(|\.|!|$|\n|-{{2,}}|:|\*)
    )
    """
)
# "APPROUVEE", "ADOPTÉES", "REJETÉ" in capitals, on the source text (a result column, a stamp)
CAPS_OUTCOME = re.compile(r"(?<![\p{L}'’])(?:ADOPT|APPROUV|REJET|REFUS)(?:ÉE?S?|EES?)(?![\p{L}])")
# "REPORTÉ", "AJOURNÉE", "RETIRÉ" in capitals: a result column or a stamp
CAPS_POSTPONED = re.compile(r"(?<![\p{L}'’])(?:REPORT|AJOURN|RETIR|DIFF[ÉE]R)(?:ÉE?S?|EES?)(?![\p{L}])")
NOT_ADOPTED = re.compile(rf"\b{_LEX['not_adopt']}\b")
REJECT_VERB = re.compile(rf"\b{_LEX['assembly']}\b[^.;\n]{{0,150}}?{_LEX['reject_verb']}")
_AMENDMENT = re.compile(r"amendements?\b|sous-amendement")

SANS_VOTE = _Alternation(_LEX["sans_vote"])
POSTPONED = _Alternation(_LEX["postponed"])
DELIBERATED = re.compile(_LEX["deliberated"])
_VERBS = _alt(_LEX["decision_verbs"])
DECISION_VERB = re.compile(rf"(?<![\w'])(?:{_VERBS})(?![\w'])")
# a capitalised verb at a clause start: "APPROUVE la convention", "- DÉCIDE :"
VERB_AT_START = re.compile(rf"(?:^|\n|[:;.]\s|[-•>*–—]\s*|\d\s*[.)/-]\s*)\s*(?P<v>{_VERBS})(?![\w'])")
ASSEMBLY_VERB = re.compile(
    rf"\b{_LEX['assembly']}\b[^.;\n]{{0,160}}?(?<![\w'])(?P<v>{_VERBS})(?![\w'])"
)
_PROCEDURAL = re.compile("|".join(f"(?:{p})" for p in _LEX["procedural"]))
_PROCEDURAL_AFTER = re.compile("|".join(f"(?:{p})" for p in _LEX["procedural"] + _LEX["procedural_after"]))
_OTHER_BODY = re.compile(_LEX["other_body"])
_HISTORY = re.compile(_LEX["history"])
_CLAUSE_START = re.compile(rf"^[\s\-•*–—>]*{_LEX['clause_start']}")
_BOUNDARY = re.compile(r"\n|;|(?<!\b(?:m|mm|mme|mmes|mlle|dr|st|ste|n|art|[a-z]))\.\s")
NAMES_FIRST = _Alternation(
    [_LEX["nppv_phrase"], _LEX["names_first"]["abstention"], _LEX["names_first"]["contre"]],
    rf"(?P<nppv>{_LEX['nppv_phrase']})|(?P<abstention>{_LEX['names_first']['abstention']})|(?P<contre>{_LEX['names_first']['contre']})",
)
VOTANTS_NO_COLON = re.compile(rf"(?<![\w']){_LEX['votants_no_colon']}\s+(?P<n>\d{{1,3}})(?!\d)")
STRONG_SANS_VOTE = re.compile(_LEX["strong_sans_vote"])
_CIV_NAME = re.compile(r"(?:\bM\.|\bMM\.|\bMmes?\b\.?|\bMonsieur\b|\bMadame\b|\bMr\b\.?|\bMlle\b\.?)\s*(?:le\s+|la\s+)?[A-ZÀ-Þ][\w'’-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,3}")
CLOSING = _Alternation(_LEX["closing"])

# Speed: the patterns find_mentions runs over a whole act are searched only where a fast standard
# ``re`` pattern says one of their matches may start (``prefilter.Starts``: exactly the same matches).
# The starts are the literal words each match opens with, read from the pattern's own fragments
# (``literal_starts``), so a lexicon edit cannot hide a match (a fragment with no literal start
# switches the speed-up off).


def _number_first_starts() -> str | None:
    """Where a NUMBER_FIRST match may start: a number (1 to 3 digits, or number words not opening
    with "et"), spaces, then "(" or the first words of a noun or a kind (None: no speed-up)."""
    words = literal_starts("|".join(f"(?:{x})" for k in ("nouns", *KINDS) if k in _NF for x in _NF[k]))
    if words is None:
        return None
    num = [fold_same_length(w) for w in load("numbers")["words"]]
    if not all(w.isalpha() for w in num):
        return None
    first = trie(w for w in num if w != "et")
    # NUMBER_FIRST's (?<![\w'/,.]): never after an ASCII letter, digit, "_", "'", "/", "," or "."
    return rf"(?<![a-z0-9_'/,.])(?:{DIGIT}{{1,3}}|{first}(?:[\s-]+{trie(num)})*)\s*(?:\(|{trie(words)})"


_LABEL_FIRST_AT = starting(LABEL_FIRST, *(x for k in KINDS for x in _LEX["label_first"].get(k, ())))
_LABEL_NUMBER_AT = starting(LABEL_NUMBER, _LN_LABELS)
_TABLE_AT = starting(TABLE, _TLAB)
_NAMES_ONLY_AT = starting(NAMES_ONLY, _NO_WHO)
_OUTCOME_WORD_AT = starting(OUTCOME_WORD, _ADOPT, _REJECT)
_NUMBER_FIRST_AT = Starts(NUMBER_FIRST, _number_first_starts()) if _number_first_starts() else NUMBER_FIRST
_DELIBERATED_AT = starting(DELIBERATED, _LEX["deliberated"])
_DECISION_VERB_AT = starting(DECISION_VERB, _VERBS)
_ASSEMBLY_VERB_AT = starting(ASSEMBLY_VERB, _LEX["assembly"])
_OUTCOME_SUBJECT_AT = starting(OUTCOME_SUBJECT, OUTCOME_SUBJECT.pattern.removeprefix("(?x)"))
_NOT_ADOPTED_AT = starting(NOT_ADOPTED, _LEX["not_adopt"])
_VOTANTS_NO_COLON_AT = starting(VOTANTS_NO_COLON, _LEX["votants_no_colon"])
_MAJORITY_AT = starting(MAJORITY, _LEX["majority"])


def _verb_at_start_starts() -> OrTextStart | None:
    """Where a VERB_AT_START match may start: its opening (a line start, a stop, a bullet, a list
    number), spaces, then the first letters of a verb; written to open with one of the opening's
    characters (the one consumed tells which opening it is), the text's start apart."""
    words = literal_starts(_VERBS)
    return None if words is None else OrTextStart(
        rf"[\n:;.\-•>*–—\d\U00010000-\U0010FFFF](?:(?<=\n)|(?<=[:;.])\s|(?<=[-•>*–—])\s*|(?<={DIGIT})\s*[.)/-]\s*)"
        rf"\s*{trie(words)}", rf"\s*{trie(words)}")


_VERB_AT_START_AT = Starts(VERB_AT_START, _verb_at_start_starts()) if _verb_at_start_starts() else VERB_AT_START
# the words in capitals, as they open (the patterns run on the source text, case kept)
_CAPS_OUTCOME_AT = Starts(CAPS_OUTCOME, r"ADOPT|APPROUV|REJET|REFUS")
_CAPS_POSTPONED_AT = Starts(CAPS_POSTPONED, r"REPORT|AJOURN|RETIR|DIFF[ÉE]R")
# UNANIMITY opens with its word, or with "a l'" / "l'" (an apostrophe or a space after "l") right before it
_UNANIMITY_AT = Starts(UNANIMITY, r"unanim|vote|accord|a\s*l['\s]*(?:unanim|vote|accord)|l['\s]+(?:unanim|vote|accord)")

# Speed: a pattern is searched only in a region that holds the words every one of its matches holds
# (each group: words that must all be there); the words of the lexicon patterns are in votes.yaml.
_SANS_VOTE_NEEDS = tuple(tuple(g) for g in _LEX["sans_vote_needs"])
_POSTPONED_NEEDS = tuple(tuple(g) for g in _LEX["postponed_needs"])
_STRONG_NEEDS = (("acte",),)  # strong_sans_vote: "prend acte", "donnent acte"
_MAJORITY_NEEDS = (("majorite",),)  # MAJORITY (every majority pattern), MAJORITY_FOR
_UNANIMITY_NEEDS = (("unanim",),)  # "unanimite", "unanimement", "vote unanime"
_VOICES_NEEDS = (("voix",),)  # VOICES_AGAINST, BY_VOICES


def _needs_of(*fragments: str) -> tuple[tuple[str, ...], ...] | None:
    """Gate groups from words one of which opens every match of ``fragments`` (their literal starts up
    to a first space); None when a fragment has none (the pattern is then always searched)."""
    words: set[str] = set()
    for fragment in fragments:
        starts = literal_starts(fragment)
        if starts is None:
            return None
        words |= {w.split(" ")[0] for w in starts}
    return tuple((w,) for w in sorted(words)) if all(words) else None


# OUTCOME_SUBJECT holds an outcome word, REJECT_VERB a rejecting verb: a region with none is not searched
_OUTCOME_NEEDS = _needs_of(_LEX["adopt_words"], _REJECT)
_REJECT_VERB_NEEDS = _needs_of(_LEX["reject_verb"])


def _holds(f: str, start: int, end: int, needs: tuple[tuple[str, ...], ...]) -> bool:
    """Whether ``f[start:end]`` holds all the words of one of the groups ``needs``.

    >>> _holds("le conseil prend acte", 0, 21, (("vote", "pas"), ("acte",)))
    True
    """
    return any(all(f.find(w, start, end) >= 0 for w in group) for group in needs)


@functools.cache
def _civility_re() -> re.Pattern:
    """Civilities from data/fr/civilities.yaml (shared lexicon), with a minimal fallback."""
    try:
        civs = load("civilities")["civilities"]
    except (OSError, KeyError, TypeError):
        civs = [r"messieurs", r"mesdames", r"monsieur", r"madame", r"mmes\.?", r"mme\.?", r"mm\.?", r"mr\.?",
                r"m\.", r"m(?=\s)", r"mlle\.?", r"dr\.?"]
    return re.compile(rf"(?i)^\s*(?:{_alt(civs)})\s*")


# ----------------------------------------------------------------------------- finding


# compiled once (they were compiled, or looked up in the regex cache, at each call)
_ZERO_WORD = re.compile(r"neant|aucune?|zero|nul")
_TRAILING_ET = re.compile(r"\s+et$")
_SPACES = re.compile(r"\s+")
_LEADING_ET_DE = re.compile(r"^(?:et|de)\s+")
_TITLE_AFTER = re.compile(r",?\s*(?:maire|adjointe?|conseill[eè]re?\b.*|pr[ée]sidente?)$", flags=re.I)
_PAREN_NAMES = re.compile(r"\s*\(([^()]{2,300})\)")
_NAMES_INTRO = re.compile(r"\s*(?:,\s*)?(?:de\s*:?|:)\s*|\s*,\s*(?=(?:M\.|MM\.?|Mmes?\.?|Monsieur|Madame|Mr\.?)\s)")
_SENTENCE_STOP = re.compile(r"[a-zéèêàûç]{2}[.!?]\s")
_TABLE_VALUE = re.compile(r"\d{1,3}|/")
_VOICES_NEXT = re.compile(r"\s*(?:voix|votes?)\b")
_REJECT_BEFORE = re.compile(rf"(?:{_REJECT})\s*$")
_PLURAL_PHRASE = re.compile(r"prenn?ent|n'ont|participent|votent|ont\s+vote|sont\s+abstenu|abstiennent")
_DES_NUMBER = re.compile(r"^des\s+\d+")
_LINE_START_BEFORE = re.compile(r"(?:^|\n|[.!?:]\s|[-–—*]{2,}\s*|\|\s*)$")
_ASSEMBLY_OR_DECIDE = re.compile(rf"\b{_LEX['assembly']}\b|\bdecide\b")
_OWN_BODY = re.compile(r"\b(?:conseil|assemblee|bureau)\b")
_AFTER_CUT = re.compile(r"\*{2,}|\||:")
_CAPS_DU_AFTER = re.compile(r"\s+(?:DU|DES|AU|AUX)\b")
_ARTICLE_ONE = re.compile(r"\barticle\s+(?:1|premier|1er)\b")


@dataclass(slots=True)
class Mention:
    """One vote mention: a count, names, unanimity, majority or an outcome word."""

    kind: str  # pour | contre | abstention | nppv | votants | exprimes | unanimite | majorite | adopte | rejete
    start: int  # absolute offsets
    end: int
    value: int | None = None
    names: list[str] = field(default_factory=list)
    qual: str | None = None  # unanimity qualifier
    rule: str = ""
    weak: bool = False  # a bare "3 pour" needs another vote mention nearby


def _count(tok: str) -> int | None:
    t = tok.strip()
    if t in {"/", "-"} or _ZERO_WORD.fullmatch(t):
        return 0
    t = _TRAILING_ET.sub("", t)
    return parse_int(t)


def _kind(m: re.Match) -> str | None:
    for k in KINDS:
        if m.groupdict().get(k):
            return k
    return None


_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|(?:de|du|des|d'|d’|le|la|van|von|der|di|da|del|dos|ben|el))$")


def _clean_name(item: str) -> str | None:
    item = _SPACES.sub(" ", item).strip(" .,;:-–—*")
    item = _LEADING_ET_DE.sub("", item)
    prev = None
    while prev != item:
        prev = item
        item = _civility_re().sub("", item, count=1).strip()
    item = _TITLE_AFTER.sub("", item).strip(" ,")
    if not item or len(item) > 60:
        return None
    words = item.split()
    if len(words) > 5 or not words[0][:1].isupper():
        return None
    if not all(_NAME_WORD.match(w) for w in words):
        return None
    return item


_PROXY_NOTE = re.compile(r"\bdont\s+\d+\s+procurations?\s*(?:\([^)]*\))?")
_NAME_SEP = re.compile(r",|;|\bet\b|\s[–—-]\s|/")
_CAPS_VERB = re.compile(r"\s(?:" + "|".join(v.upper() for v in _LEX["decision_verbs"] if v.isalpha()) + r"|D[ÉE]CIDE|D[ÉE]SIGNE|PR[ÉE]CISE|PREND|[ÉE]MET)\b")


def _split_names(chunk: str) -> list[str]:
    return _split_names_at(chunk)[0]


def _split_names_at(chunk: str) -> tuple[list[str], int]:
    """Names of a list ("M. A, Mme B et C"), and the length of ``chunk`` they take."""
    chunk = _PROXY_NOTE.sub(lambda m: " " * len(m.group(0)), chunk)  # same length
    verb = _CAPS_VERB.search(chunk)  # "..., M. SY AUTORISE l'acquisition": the dispositif goes on
    if verb:
        chunk = chunk[: verb.start()]
    names, used, pos = [], 0, 0
    for sep in list(_NAME_SEP.finditer(chunk)) + [None]:
        part_end = sep.start() if sep else len(chunk)
        n = _clean_name(chunk[pos:part_end])
        if n is None:
            if names:
                break
        else:
            names.append(n)
            used = part_end
        pos = sep.end() if sep else len(chunk)
    return names, used


_STOP = re.compile(r"\n|;|\)|\s(?=\d)|(?<!\b(?:M|MM|Mme|Mmes|Mlle|Dr|[A-Z]))\.(?:\s|$)")


def _names_after(text: str, pos: int, limit: int) -> tuple[list[str], int]:
    """Names listed right after a count: "(M. X, Mme Y)", ": A, B et C", "de M. X", ", M. X, M. Y"."""
    lim = min(limit, pos + 400)
    m = _PAREN_NAMES.match(text[pos:lim])
    if m:
        names = _split_names(m.group(1))
        return (names, pos + m.end()) if names else ([], pos)
    m = _NAMES_INTRO.match(text[pos:lim])
    if not m:
        return [], pos
    start = pos + m.end()
    seg = text[start:lim]
    stop = _STOP.search(seg)
    if stop:
        seg = seg[: stop.start()]
    names, used = _split_names_at(seg)
    return (names, start + used) if names else ([], pos)


def _window_before(text: str, pos: int, lo: int) -> str:
    window = text[max(lo, pos - 200): pos]
    cut = max(window.rfind("\n"), window.rfind(";"), window.rfind("("), window.rfind(")"), window.rfind(":"),
              max((x.end() for x in _SENTENCE_STOP.finditer(window)), default=0) - 1)
    return window[cut + 1:]


def _ends_with_name(text: str, pos: int, lo: int) -> bool:
    w = _window_before(text, pos, lo).rstrip(" ,")
    last = w.split()[-1] if w.split() else ""
    return last[:1].isupper()


def _names_before(text: str, pos: int, lo: int) -> tuple[list[str], int]:
    """Names just before a phrase, from the first civility ("MM. A et B ne prennent pas part au vote",
    "M. X, intéressé à l'affaire, ne prend pas part au vote"), and where they start."""
    w = _window_before(text, pos, lo)
    first = _CIV_NAME.search(w)
    if not first:
        return [], pos
    names = _split_names(w[first.start():])
    return names, pos - len(w) + first.start()


def _attach_names(text: str, m: Mention, end: int) -> None:
    """Names listed after a count of votes against or abstentions become the mention's names."""
    if m.kind in ("contre", "abstention"):
        names, new_end = _names_after(text, m.end, end)
        if names:
            m.names = names
            m.end = max(m.end, new_end)


def find_mentions(text: str, start: int = 0, end: int | None = None, *, folded: str | None = None) -> list[Mention]:
    """Every vote mention of ``text[start:end]``, in text order (absolute offsets).

    >>> [(m.kind, m.value) for m in find_mentions("Pour : 20 Contre : 1 (M. X) Abstention : 0")]
    [('pour', 20), ('contre', 1), ('abstention', 0)]
    """
    end = len(text) if end is None else end
    f = folded if folded is not None else fold_same_length(text)
    out: list[Mention] = []
    occupied = bytearray(max(0, end - start) + 1)  # 1 where a mention already is: linear in the region

    def take(a: int, b: int) -> None:
        a, b = max(a - start, 0), min(b - start, len(occupied))
        if b > a:
            occupied[a:b] = b"\x01" * (b - a)

    def free(a: int, b: int) -> bool:
        return occupied.find(1, max(a - start, 0), max(min(b - start, len(occupied)), 0)) < 0

    def add(m: Mention) -> None:
        out.append(m)
        take(m.start, m.end)

    # 1. flattened tables first (they explain the label-first debris around them)
    for m in _TABLE_AT.finditer(f, start, end):
        labels = [x.group(0) for x in _TLAB_RE.finditer(m.group("head"))]
        vals = [(x.group(0), x.start(), x.end()) for x in _TABLE_VALUE.finditer(f[m.start("vals"): m.end("vals")])]
        vals = [(v, a + m.start("vals"), b + m.start("vals")) for v, a, b in vals]
        pre = _PRECEDING_NUM.search(f, max(start, m.start() - 8), m.start())
        if pre and pre.group(1) and len(vals) < len(labels):  # "38 Pour: Contre : Abstention : / /"
            vals = [(pre.group(1), pre.start(1), pre.end(1))] + vals
        for lab, (val, a, b) in zip(labels, vals):
            add(Mention(lab, a, b, _count(val), rule="votes.table"))
        take(m.start(), m.end())
    # 2. label-first counts
    for m in _LABEL_FIRST_AT.finditer(f, start, end):
        if not free(m.start(), m.end()):
            continue
        k = _kind(m)
        add(Mention(k, m.start(), m.end(), _count(m.group("n")), rule="votes.label_first"))
    for m in _LABEL_NUMBER_AT.finditer(f, start, end):
        if not free(m.start(), m.end()) or not text[m.start()].isupper():
            continue
        if _VOICES_NEXT.match(f[m.end(): m.end() + 8]):
            continue
        add(Mention(_kind(m), m.start(), m.end(), int(m.group("n")), rule="votes.label_number"))
    # 3. "majorité pour N ... contre"
    majority = _holds(f, start, end, _MAJORITY_NEEDS)
    voices = _holds(f, start, end, _VOICES_NEEDS)
    for m in (MAJORITY_FOR.finditer(f, start, end) if majority else ()):
        k = _kind(m)
        v = _count(m.group("n"))
        if k and v is not None and free(m.start("n"), m.end()):
            add(Mention(k, m.start("n"), m.end(), v, rule="votes.majority_for"))
    for m in (VOICES_AGAINST.finditer(f, start, end) if voices else ()):
        p, c = _count(m.group("pour")), _count(m.group("contre"))
        if p is not None and c is not None and free(m.start(), m.end()):
            if _REJECT_BEFORE.search(f[max(start, m.start() - 30): m.start()]):
                # "rejetée par 10 voix contre 8": the first number is against
                p, c = c, p
            add(Mention("pour", m.start("pour"), m.end("pour"), p, rule="votes.voices_against"))
            add(Mention("contre", m.start("contre"), m.end("contre"), c, rule="votes.voices_against"))
            take(m.start(), m.end())
    # 4. number-first counts
    for m in _NUMBER_FIRST_AT.finditer(f, start, end):
        if not free(m.start(), m.end()):
            continue
        k = _kind(m)
        v = _count(m.group("n"))
        if v is None or v > 999:
            continue
        weak = not m.group("noun") and k in ("pour", "contre")
        add(Mention(k, m.start(), m.end(), v, rule="votes.number_first", weak=weak))
    for m in (BY_VOICES.finditer(f, start, end) if voices else ()):
        g = "n" if m.group("n") else "n2"
        v = _count(m.group(g))
        if v is not None and free(m.start(), m.end()):
            add(Mention("pour", m.start(g), m.end(), v, rule="votes.by_voices", weak=True))
    # 5. names without a count
    for m in _NAMES_ONLY_AT.finditer(f, start, end):
        if not free(m.start(), m.end()):
            continue
        nxt = text[m.end(): m.end() + 12]
        if not (nxt[:1].isupper() or _civility_re().match(nxt)):
            continue
        names, new_end = _names_after(text, m.start("sep"), end)
        if names:
            k = _kind(m) or "contre"
            add(Mention(k, m.start(), max(new_end, m.end()), len(names) if k == "nppv" else None,
                        names=names if k != "nppv" else [], rule="votes.names"))
    # names after counts
    for mm in out:
        if mm.value is not None and mm.rule != "votes.table":
            _attach_names(text, mm, end)
    # 6. names before the phrase: "M. X ne prend pas part au vote", "Mme Y s'abstient"
    for m in NAMES_FIRST.finditer(f, start, end):
        if not free(m.start(), m.end()):
            continue
        k = _kind(m)
        names, nstart = _names_before(text, m.start(), start)
        phrase = f[m.start(): m.end()]
        if not names and k == "nppv":  # "M. le Maire, ayant quitté la séance, ne prend pas part au vote"
            civ = list(_CIV_NAME.finditer(_window_before(text, m.start(), start)))
            if civ:
                value = len(civ)
                add(Mention(k, m.start(), m.end(), value, rule="votes.names_first"))
                continue
        plural = bool(_PLURAL_PHRASE.search(phrase))
        value = len(names) or (None if plural or "prenant" in phrase or "votant" in phrase
                               or "abstenant" in phrase or not _ends_with_name(text, m.start(), start) else 1)
        if value is not None:
            add(Mention(k, nstart if names else m.start(), m.end(), value, names=names if k != "nppv" else [],
                        rule="votes.names_first"))
    for m in _VOTANTS_NO_COLON_AT.finditer(f, start, end):
        if free(m.start(), m.end()):
            add(Mention("votants", m.start(), m.end(), int(m.group("n")), rule="votes.votants"))
    # 7. unanimity, majority, outcome words
    for m in (_UNANIMITY_AT.finditer(f, start, end) if _holds(f, start, end, _UNANIMITY_NEEDS) else ()):
        q = m.group("qual")
        qual = _QUALS.get(_SPACES.sub(" ", _DES_NUMBER.sub("des", q))) if q else None
        out.append(Mention("unanimite", m.start(), m.end(), qual=qual, rule="votes.unanimity"))
    for m in (_MAJORITY_AT.finditer(f, start, end) if majority else ()):
        out.append(Mention("majorite", m.start(), m.end(), rule="votes.majority"))
    seen_outcome: list[tuple[int, int]] = []
    for pat, rule, needs in ((_NOT_ADOPTED_AT, "votes.not_adopted", None), (REJECT_VERB, "votes.reject_verb", _REJECT_VERB_NEEDS)):
        for m in (pat.finditer(f, start, end) if needs is None or _holds(f, start, end, needs) else ()):
            if _AMENDMENT.search(f, max(start, m.start() - 100), m.end()):
                continue
            seen_outcome.append((m.start(), m.end()))
            out.append(Mention("rejete", m.start(), m.end(), rule=rule))
    for pat, rule, needs in ((_OUTCOME_SUBJECT_AT, "votes.outcome_subject", _OUTCOME_NEEDS),
                             (_OUTCOME_WORD_AT, "votes.outcome_word", None)):
        for m in (pat.finditer(f, start, end) if needs is None or _holds(f, start, end, needs) else ()):
            if any(not (m.end() <= s or m.start() >= e) for s, e in seen_outcome):
                continue
            kind = "adopte" if m.group("adopt") else "rejete"
            if rule == "votes.outcome_subject" and _NOUN_SUBJECT.match(f, m.start()):
                line_start = _LINE_START_BEFORE.search(f[max(start, m.start() - 6): m.start()])
                if not (line_start or m.start() == start or _AFTER_OUTCOME.match(f, m.end())):
                    continue
            # glued to the previous word (a lost line break): only "...BurlierADOPTÉ."
            if m.start() > 0 and f[m.start() - 1].isalnum() and not (
                    text[m.start(): m.end()].isupper() and text[m.start() - 1].islower()):
                continue
            if kind == "rejete" and _AMENDMENT.search(f, max(start, m.start() - 100), m.start()):
                continue
            seen_outcome.append((m.start(), m.end()))
            out.append(Mention(kind, m.start(), m.end(), rule=rule))
    for m in _CAPS_OUTCOME_AT.finditer(text, start, end):
        if any(not (m.end() <= s or m.start() >= e) for s, e in seen_outcome):
            continue
        kind = "rejete" if m.group(0)[:3] in ("REJ", "REF") else "adopte"
        out.append(Mention(kind, m.start(), m.end(), rule="votes.outcome_caps"))
    out.sort(key=lambda x: (x.start, x.end))
    # a bare "3 pour" counts only next to another vote mention
    keep = []
    for i, m in enumerate(out):
        near = _COUNTED + ("unanimite", "majorite", "adopte", "rejete")
        if m.rule == "votes.by_voices":
            near = ("unanimite", "adopte")
        if m.weak and not any(j != i and abs(o.start - m.start) < 120 and o.kind in near
                              for j, o in enumerate(out)):
            continue
        keep.append(m)
    return keep


# ----------------------------------------------------------------------------- grouping


@dataclass(slots=True)
class Block:
    """Vote mentions that stand together: one vote."""

    mentions: list[Mention] = field(default_factory=list)
    penalty: str | None = None  # "visa" | "other_body" | "history" | "procedural"

    @property
    def start(self) -> int:
        return self.mentions[0].start

    @property
    def end(self) -> int:
        return max(m.end for m in self.mentions)

    def get(self, kind: str) -> Mention | None:
        for m in self.mentions:
            if m.kind == kind and (m.value is not None or kind in ("unanimite", "majorite", "adopte", "rejete")):
                return m
        return None

    def names(self, kind: str) -> list[str]:
        for m in self.mentions:
            if m.kind == kind and m.names:
                return m.names
        return []

    @property
    def is_vote(self) -> bool:
        """A vote of its own (a lone "M. X ne prend pas part au vote" is not: it goes with the vote)."""
        return any(m.kind in ("pour", "contre", "abstention", "unanimite", "majorite", "adopte", "rejete")
                   for m in self.mentions)

    @property
    def has_counts(self) -> bool:
        return any(m.kind in ("pour", "contre", "abstention") and m.value is not None for m in self.mentions)


_MODAL = ("unanimite", "majorite")
_GAP = 120


_SPLIT = re.compile(
    r"(?<!\b(?:M|MM|Mme|Mmes|Mlle|Dr|St|Ste|[A-Z]))\.\s+(?=[A-ZÀ-Þ])|\n\s*\n|(?i:apr[eè]s\s+(?:en\s+)?avoir\s+d[ée]lib[ée]r[ée])"
)


def group_blocks(mentions: list[Mention], text: str = "") -> list[Block]:
    """Mentions close together form a block; a second count of the same kind, or a second
    unanimity/majority, starts a new one (two votes written one after the other), and so does a
    sentence end or "après en avoir délibéré" between them."""
    blocks: list[Block] = []
    cur: Block | None = None
    for m in mentions:
        if cur is not None and m.start - cur.end <= _GAP and not (
                text and _SPLIT.search(text, min(cur.end, m.start), m.start)):
            valued = {x.kind for x in cur.mentions if x.value is not None}
            clash = (m.kind in _MODAL and any(x.kind in _MODAL for x in cur.mentions)) or (
                m.kind in KINDS and m.value is not None and m.kind in valued)
            if m.kind in ("adopte", "rejete") and any(x.kind in ("adopte", "rejete") for x in cur.mentions):
                clash = True
            if not clash:
                cur.mentions.append(m)
                continue
        cur = Block([m])
        blocks.append(cur)
    return blocks


def _clause_start(f: str, pos: int, lo: int) -> int:
    a = max(lo, pos - 300)
    b = a
    for x in _BOUNDARY.finditer(f, a, pos):
        b = x.end()
    return b


def _sentence_end(f: str, pos: int, hi: int) -> int:
    m = _BOUNDARY.search(f, pos, min(hi, pos + 200))
    return m.start() if m else min(hi, pos + 200)


def assess(blocks: list[Block], f: str, start: int, end: int) -> None:
    """Mark blocks that are not the act's own vote (inside a visa, another body's opinion,
    a procedural vote)."""
    for b in blocks:
        cs = _clause_start(f, b.start, start)
        before = f[cs: b.start]
        if _CLAUSE_START.match(f[cs: cs + 40]) and not (
                DELIBERATED.search(before) or _ASSEMBLY_OR_DECIDE.search(before)):
            b.penalty = "visa"
            continue
        if _OTHER_BODY.search(before[-150:]) and not _OWN_BODY.search(before[-150:]):
            b.penalty = "other_body"
            continue
        if _HISTORY.search(before[-200:]) and not DELIBERATED.search(before):
            b.penalty = "history"
            continue
        after = f[b.end: _sentence_end(f, b.end, end)]
        cut = _AFTER_CUT.search(after)
        if cut:
            after = after[: cut.start()]
        if _PROCEDURAL.search(before[-200:]) or _PROCEDURAL_AFTER.search(after[:150]):
            b.penalty = "procedural"


# ----------------------------------------------------------------------------- choosing


@dataclass(slots=True)
class Choice:
    block: Block | None
    extra: Block | None  # counts stated elsewhere in the act, consistent with the block
    issue: str | None
    issue_rule: str
    issue_span: tuple[int, int] | None
    others: list[Block]
    votants: Mention | None
    nppv: Mention | None = None


_NOT_VERB_BEFORE = re.compile(
    r"(?:^|[\s'(])(?:a|ont|avait|avaient|aura|auront|sera|seront|etait|qui|que|d'|de|du|le|la|les|l'|un|une|des|au"
    r"|aux|son|sa|ses|ce|cette|pour|va|doit|peut|en|ne|n'|se|s')\s*$"
)


def _verb_ok(text: str, f: str, vs: int, ve: int, lo: int) -> bool:
    """A decision verb used as the assembly's verb: not a participle ("décidé"), not a noun ("du vote")."""
    orig = text[vs:ve]
    if orig[-1:] in "éÉ":
        return False
    if _NOT_VERB_BEFORE.search(f[max(lo, vs - 12): vs]):
        return False
    # a heading in capitals is not a verb: "VOTE DU BUDGET"
    return not (orig.isupper() and _CAPS_DU_AFTER.match(text[ve: ve + 5]))


def _dispositif(text: str, f: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the decision verbs of a dispositif ("après en avoir délibéré, décide", "APPROUVE",
    "le conseil municipal autorise"), in text order."""
    spans = []
    for m in _DELIBERATED_AT.finditer(f, start, end):
        for v in _DECISION_VERB_AT.finditer(f, m.end(), min(end, m.end() + 400)):
            if _verb_ok(text, f, v.start(), v.end(), start):
                spans.append((v.start(), v.end()))
                break
        else:
            if _ARTICLE_ONE.search(f[m.end(): min(end, m.end() + 200)]):
                spans.append((m.start(), m.end()))
    for m in _VERB_AT_START_AT.finditer(f, start, end):
        orig = text[m.start("v"): m.end("v")]
        if len(orig) >= 3 and orig.isupper() and _verb_ok(text, f, m.start("v"), m.end("v"), start):
            spans.append((m.start("v"), m.end("v")))
    for m in _ASSEMBLY_VERB_AT.finditer(f, start, end):
        if _verb_ok(text, f, m.start("v"), m.end("v"), start):
            spans.append((m.start("v"), m.end("v")))
    return sorted(set(spans))


def _quoted(text: str, pos: int, lo: int) -> bool:
    """Inside « ... » (a quoted law article: "Il est pris acte de ce débat ...")."""
    before = text[max(lo, pos - 1500): pos]
    return before.count("«") > before.count("»")


def choose(blocks: list[Block], text: str, f: str, start: int, end: int) -> Choice:
    """The act's vote among the blocks, and its outcome."""
    assess(blocks, f, start, end)
    votes = [b for b in blocks if b.is_vote]
    own = [b for b in votes if b.penalty is None]
    proc = [b for b in votes if b.penalty == "procedural"]
    chosen = own[-1] if own else None
    if chosen is not None and len(own) > 1:
        # "Contre : 4 (M. A, M. B) ... a comment ... Pour : 14": one vote list cut by a remark
        prev = own[-2]
        kinds = {m.kind for m in chosen.mentions if m.value is not None}
        pkinds = {m.kind for m in prev.mentions if m.value is not None}
        if (chosen.start - prev.end <= 400 and prev.has_counts and chosen.has_counts and not kinds & pkinds
                and not (any(m.kind in _MODAL for m in prev.mentions) and any(m.kind in _MODAL for m in chosen.mentions))
                and not DELIBERATED.search(f, prev.end, chosen.start)):
            merged = Block(prev.mentions + chosen.mentions)
            blocks[blocks.index(chosen)] = merged
            votes = [merged if b is chosen else b for b in votes if b is not prev]
            own = [b for b in own if b is not prev and b is not chosen] + [merged]
            blocks.remove(prev)
            chosen = merged
    # speed: what says there is no vote is searched only when no vote of the act's own was found
    sans = _sans_vote(text, f, start, end) if chosen is None else []
    if chosen is None and proc:
        last = proc[-1]
        if not any(s.start() > last.end for s in sans):
            chosen = last
    # counts (or unanimity) stated elsewhere in the act, consistent with the chosen block
    extra = None
    if chosen is not None:
        has_modal = any(m.kind in _MODAL for m in chosen.mentions)
        pool = [b for b in own if b is not chosen]
        if not chosen.has_counts:
            pool = [b for b in pool if b.has_counts]
        elif not has_modal:
            pool = [b for b in pool if any(m.kind in _MODAL for m in b.mentions) and not b.has_counts]
        else:
            pool = []
        for b in sorted(pool, key=lambda b: abs(b.start - chosen.start)):
            if _consistent(chosen, b) if not chosen.has_counts else _consistent(b, chosen):
                extra = b
                break
    votants = None
    for b in ([chosen] if chosen else []) + ([extra] if extra else []) + [b for b in blocks if b.penalty in (None, "procedural")]:
        v = b.get("votants")
        if v is not None:
            votants = v
            break
    # outcome
    issue, rule, span = None, "", None
    if chosen is not None:
        out = [m for m in chosen.mentions if m.kind in ("adopte", "rejete")]
        if not out:  # "La délibération est adoptée. Contre : 3 (M. A, M. B, M. C)": the words win
            near = [b for b in own if b is not chosen and (b is extra or 0 <= chosen.start - b.end <= 300)]
            out = [m for b in near for m in b.mentions if m.kind in ("adopte", "rejete")]
        if out:
            issue, rule, span = out[-1].kind, out[-1].rule, (out[-1].start, out[-1].end)
        else:
            counts = _counts(chosen, extra)
            p, c = counts.get("pour"), counts.get("contre")
            if p is not None and c is not None and p != c:
                issue, rule = ("adopte" if p > c else "rejete"), "votes.majority_arithmetic"
            elif p is not None and c is not None:
                issue, rule = None, "votes.tie"
            elif p is None and c and not any(m.kind in _MODAL for m in chosen.mentions):
                # a list of counts without "pour" ("Contre : 14 - Abstentions : 2"): nobody voted for
                issue, rule = "rejete", "votes.only_against"
            else:
                issue, rule = "adopte", "votes.vote_stated"
            span = (chosen.start, chosen.end)
            # "Le conseil, à l'unanimité : PREND ACTE du rapport": taking note is not a decision
            nxt = STRONG_SANS_VOTE.search(f, chosen.end, min(end, chosen.end + 60))
            if nxt and not counts and issue == "adopte":
                first = [d for d in _dispositif(text, f, chosen.end, min(end, chosen.end + 60)) if d[0] < nxt.start()]
                if not first:
                    issue, rule, span = "sans_vote", "votes.prend_acte", (nxt.start(), nxt.end())
    else:
        # verbs of a procedural vote ("l'assemblée accepte à l'unanimité d'ajouter ... à l'ordre du
        # jour") are not the act's dispositif
        skip = [(_clause_start(f, b.start, start), _sentence_end(f, b.end, end)) for b in votes if b.penalty]
        disp = [d for d in _dispositif(text, f, start, end) if not any(a <= d[0] < z for a, z in skip)]
        strong = [m for m in STRONG_SANS_VOTE.finditer(f, start, end) if not _quoted(text, m.start(), start)] if _holds(
            f, start, end, _STRONG_NEEDS) else []
        postponed = _postponed(text, f, start, end)
        if postponed and not disp:
            issue, rule, span = None, "votes.postponed", (postponed[-1].start(), postponed[-1].end())
        elif sans and not disp:
            issue, rule, span = "sans_vote", "votes.sans_vote", (sans[-1].start(), sans[-1].end())
        elif strong and disp and strong[0].start() < disp[0][0]:
            issue, rule, span = "sans_vote", "votes.prend_acte_first", (strong[0].start(), strong[0].end())
        elif disp and (end < len(text) - 40 or CLOSING.search(f, disp[-1][1], end)):
            issue, rule, span = "adopte", "votes.dispositif", disp[-1]
    others = [b for b in votes if b is not chosen and b is not extra]
    nppv = None
    if chosen is not None:
        nppv = chosen.get("nppv") or (extra.get("nppv") if extra else None)
        if nppv is None:  # "M. X ne prend pas part au vote." written apart from the vote
            nppv = next((m for b in reversed(blocks) if b.penalty is None for m in b.mentions
                         if m.kind == "nppv" and m.value is not None), None)
    return Choice(chosen, extra, issue, rule, span, others, votants, nppv)


def _sans_vote(text: str, f: str, start: int, end: int) -> list:
    """The phrases saying the act is not voted on ("prend acte", "pour information"), outside quotes."""
    if not _holds(f, start, end, _SANS_VOTE_NEEDS):
        return []
    return [m for m in SANS_VOTE.finditer(f, start, end) if not _quoted(text, m.start(), start)]


def _postponed(text: str, f: str, start: int, end: int) -> list:
    """The phrases and capitals saying the act is postponed or withdrawn, in text order."""
    found = list(POSTPONED.finditer(f, start, end)) if _holds(f, start, end, _POSTPONED_NEEDS) else []
    found += _CAPS_POSTPONED_AT.finditer(text, start, end)
    found.sort(key=lambda m: m.start())
    return found


def _consistent(chosen: Block, other: Block) -> bool:
    """Whether the counts of ``other`` may complete the vote of ``chosen`` (its modality or outcome).
    With unanimity the counts must state zero against (and zero abstentions, unless the unanimity is
    of the votes cast): a lone "18 voix pour" elsewhere may belong to another vote."""
    u = chosen.get("unanimite")
    counts = _counts(other, None)
    c, a = counts.get("contre") or 0, counts.get("abstention") or 0
    if u is not None:
        if u.qual and "exprim" in fold_same_length(u.qual):
            return counts.get("contre") == 0
        return counts.get("contre") == 0 and counts.get("abstention") == 0
    if chosen.get("majorite") is not None:
        return c > 0 or a > 0
    if chosen.get("rejete") is not None:
        p = counts.get("pour")
        return p is not None and counts.get("contre") is not None and counts["contre"] >= p
    return True


def _counts(block: Block, extra: Block | None) -> dict[str, int]:
    out: dict[str, int] = {}
    for b in (block, extra):
        if b is None:
            continue
        for k in _COUNTED:
            m = b.get(k)
            if m is not None and k not in out:
                out[k] = m.value
    return out


# ----------------------------------------------------------------------------- extract


def extract(text: str, start: int, end: int, ctx: Context | None = None) -> list[Found]:
    """Vote fields of ``text[start:end]`` (one act, or a whole single-act document).

    >>> [(f.field, f.value) for f in extract("Le conseil, à l'unanimité des membres présents, APPROUVE.", 0, 57)
    ...  if f.score >= 0.5]
    [('vote.unanimite', True), ('vote.unanimite_qualificatif', 'des membres présents'), ('vote.issue', 'adopte')]
    """
    try:
        return _extract(text, start, end, ctx)
    except Exception:  # noqa: BLE001 - never raise on odd text
        return []


def _extract(text: str, start: int, end: int, ctx: Context | None) -> list[Found]:
    end = min(end, len(text))
    if end <= start:
        return []
    # fold only around the region (rules look back a few hundred characters): linear in the act
    lo, hi = max(0, start - 2000), min(len(text), end + 400)
    whole = _folded(text)  # speed: the document's regions share one folding (one character for one)
    win = whole[lo:hi] if len(whole) == len(text) else fold_same_length(text[lo:hi])
    if len(win) != hi - lo:  # exotic case mapping: fall back to lower case only
        win = text[lo:hi].lower() if len(text[lo:hi].lower()) == hi - lo else text[lo:hi]
    f = text[:lo] + win + text[hi:]
    mentions = find_mentions(text, start, end, folded=f)
    blocks = group_blocks(mentions, text)
    ch = choose(blocks, text, f, start, end)
    scale = 1.0 if ctx is None or ctx.region == "act" else 0.5
    found: list[Found] = []

    def add(fieldname, value, s, e, rule, score):
        found.append(Found(fieldname, value, s, e, rule, round(score * scale, 3)))

    b = ch.block
    if b is not None:
        base = 0.9 if b.penalty is None else 0.6
        for k, fname in (("pour", "vote.pour"), ("contre", "vote.contre"), ("abstention", "vote.abstention")):
            m = b.get(k)
            src = b
            if m is None and ch.extra is not None:
                m, src = ch.extra.get(k), ch.extra
            if m is not None:
                add(fname, m.value, m.start, m.end, m.rule, base if src is b else base - 0.2)
        if ch.nppv is not None:
            add("vote.nppv", ch.nppv.value, ch.nppv.start, ch.nppv.end, ch.nppv.rule,
                base if ch.nppv in b.mentions else base - 0.2)
        for k, fname in (("contre", "vote.noms_contre"), ("abstention", "vote.noms_abstention")):
            names = b.names(k) or (ch.extra.names(k) if ch.extra else [])
            if names:
                add(fname, names, b.start, b.end, "votes.names", base - 0.1)
        u, maj, us = b.get("unanimite"), b.get("majorite"), base
        if u is None and maj is None and ch.extra is not None:
            u, maj, us = ch.extra.get("unanimite"), ch.extra.get("majorite"), base - 0.2
        counts = _counts(b, ch.extra)
        if u is not None:
            add("vote.unanimite", True, u.start, u.end, u.rule, us)
            if u.qual:
                add("vote.unanimite_qualificatif", u.qual, u.start, u.end, u.rule, us)
        elif maj is not None:
            add("vote.unanimite", False, maj.start, maj.end, maj.rule, us)
        elif (counts.get("contre") or 0) > 0 or (counts.get("abstention") or 0) > 0:
            add("vote.unanimite", False, b.start, b.end, "votes.counts_not_unanimous", base - 0.1)
    if ch.issue is not None and ch.issue_span is not None:
        add("vote.issue", ch.issue, ch.issue_span[0], ch.issue_span[1], ch.issue_rule, 0.9 if b is not None else 0.7)
    if ch.votants is not None:
        add("nb_votants", ch.votants.value, ch.votants.start, ch.votants.end, ch.votants.rule,
            0.8 if b is not None and ch.votants in b.mentions else 0.6)
    # the other candidates, for the record: "_alt."-prefixed fields, which the pipeline ignores
    for o in ch.others:
        for k, fname in (("pour", "vote.pour"), ("contre", "vote.contre"), ("abstention", "vote.abstention")):
            m = o.get(k)
            if m is not None:
                add("_alt." + fname, m.value, m.start, m.end, f"{m.rule}/alt:{o.penalty or 'earlier'}", 0.2)
        u = o.get("unanimite")
        if u is not None:
            add("_alt.vote.unanimite", True, u.start, u.end, f"{u.rule}/alt:{o.penalty or 'earlier'}", 0.2)
    return found


def vote_of(text: str, start: int = 0, end: int | None = None) -> dict:
    """The chosen vote of a region as a flat dict (field -> value, None when not stated).

    >>> vote_of("Point reporté à une prochaine séance.")["vote.issue"] is None
    True
    """
    end = len(text) if end is None else end
    out: dict = {k: None for k in FIELDS}
    out["vote.noms_contre"], out["vote.noms_abstention"] = [], []
    best: dict[str, float] = {}
    for fd in extract(text, start, end, None):
        if fd.score >= 0.5 and fd.score > best.get(fd.field, -1):
            out[fd.field] = fd.value
            best[fd.field] = fd.score
    return out
