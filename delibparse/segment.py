"""Split a cleaned document text into acts.

A document is either one act (an "extrait du registre") or a sitting's minutes / a list of acts
holding many. Act starts are found as *anchors* of four families, strongest first:

- ``num``: a labelled act number ("Délibération n° 2023-01", "DEL2025-01", "DCM n°2020-57",
  "N° 01/03-2020", "DÉLIBÉRATION BC_2023_008");
- ``objet``: an "Objet :" label;
- ``item``: a numbered agenda item at a line or sentence start ("1 –", "2)", "Point n°3", "IV.");
- ``caps``: a heading in capitals at a line or sentence start.

Anchors close together merge into one heading. Segments that hold no outcome (vote, decision
verb, "prend acte") are not acts on their own: before the first act they are the sitting's
preamble (``head``), after it they are folded into the next act (a heading split by a spurious
anchor) or, when they are a run of bare references (an agenda, a list of numbers), dropped.
Items that are the mayor's decisions taken by delegation ("Décision n° ... du ...") are not acts.

>>> segs = segment("Séance du 3 mars 2024. Présents : A, B.\\n1 – DEL2024-07 Budget primitif\\nLe "
...                "conseil adopte à l'unanimité.\\n2 – DEL2024-08 Tarifs de la cantine\\nAdopté.")
>>> [(s.numero, s.objet) for s in segs.acts]
[('DEL2024-07', 'Budget primitif'), ('DEL2024-08', 'Tarifs de la cantine')]
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from .prefilter import Starts, trie

# ----------------------------------------------------------------------------- patterns

# an act number: digits with separators and letters, e.g. 2023-001, 01/03-2020, BC_2023_008,
# DEL20230329_1, 23.1.49, 2022 7 4 (OCR spaces), CP 2023-024
_NUM_BODY = r"""(?:[A-Z]{1,6}[ _-]?)?\d+(?:[A-Za-z]{1,3}\d*)?(?![A-Za-z])(?:(?:[ ]?[-/._—–][ ]?|_)(?:\d+(?:[A-Za-z]{1,3}\d*)?(?![A-Za-z])|[A-Z]{1,2}(?![\p{L}]))|[ ]\d+(?![\p{L}]))*"""

NUM_ANCHOR = re.compile(
    rf"""(?x)
    (?:
        (?P<word>(?i:(?:extrait\s+de\s+(?:la\s+)?)?d[ée]lib[ée]ration(?:s)?\s*(?:n[°o]|num[ée]ro|no\.)\s*:?\s*))
      | (?P<word2>(?i:d[ée]lib[ée]ration)\s+)(?=[A-Z]{{1,6}}[ _-]?\d)
      | (?P<code>\b(?:DCM|DCC|DEL|DELIB|DB|DC|DBC|DCS|CP|BC|BU)\s*(?:[—–]\s*)?)(?P<codeno>n[°o]\s*)?(?=[\d_-])
      | (?P<bare>(?<![\w/])(?i:n[°o])\s*)(?=\d)
      | (?P<point>(?i:(?:point|affaire|question|dossier|rapport)\s+n[°o])\s*)(?=\d)
      | (?P<yearcode>\b[A-Z]{{1,6}}(?=(?:(?:19|20)\d\d[ _-]\d{{1,4}}|\d{{2}}_(?:19|20)\d\d)\b))
    )
    (?P<num>{_NUM_BODY})
    """,
)
# a table row of a list of acts: "27/01/2025 | 2025_001 | Tarifs de la cantine | Approuvée"
ROW = re.compile(r"(?m)^(?=[^\n]*\|[^\n]*\|)[^\n]+$")
_ROW_NUM = re.compile(r"^(?:[A-Z]{1,6}[ _-]?)?\d{1,4}(?:[ ]?[-/._][ ]?[\dA-Z]{1,6}){0,3}$")
_ROW_OUTCOME = re.compile(r"(?i)\|\s*(?:approuv|adopt|rejet|refus|retir|report|ajourn|prend\s+acte|unanimit|majorit)")
# a short objet cell ("Tarifs 2026"): words and figures, not an outcome ("Approuvée") nor a date
_SHORT_TITLE_CELL = re.compile(r"(?i)(?!(?:approuv|adopt|rejet|refus|retir|report|ajourn|unanim|pour\b|contre\b))\p{L}{3,}[ '’\-]\S.{1,}$")
_DATE_CELL = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$")
# a table-of-contents entry: the rest of the line (or the next) ends with dot leaders and a page number
_TOC_LINE = re.compile(r"[^\n]{0,200}?(?:\n[^\n]{0,200}?)?\.{4,}\s*(?:page|p\.)?\s*\d+\s*(?:\n|$)")
# where a NUM_ANCHOR can start. Each family alone lets the engine skip ahead to its first characters;
# one alternation of them all is five times slower than the five scans together.
_NUM_STARTS = tuple(re.compile(p) for p in (
    r"[dDeEpPaAqQrR](?i:[ée]lib[ée]ration|xtrait\s+de|oint|ffaire|uestion|ossier|apport)",
    r"\b(?:DCM|DCC|DEL|DELIB|DB|DC|DBC|DCS|CP|BC|BU)",
    r"(?<![\w/])[nN][°oO]\s*\d",
    r"\b[A-Z]{1,6}(?:(?:19|20)\d\d|\d\d_)",
))


def _num_matches(text: str):
    """The matches of NUM_ANCHOR.finditer(text), found from their possible starts."""
    pos = 0
    for start in sorted({c.start() for p in _NUM_STARTS for c in p.finditer(text)}):
        if start < pos:
            continue
        m = NUM_ANCHOR.match(text, start)
        if m:
            pos = m.end()
            yield m


OBJET_ANCHOR = re.compile(r"(?i)\b(?:objet(?:\s+de\s+la\s+d[ée]lib[ée]ration)?|OBJET)\s*[:/]\s*")
# numbered item: "1 –", "2)", "3.", "IV -", "Point n°3", "[5" (OCR), at a line start or after a
# space; only items whose numbers run in sequence are kept (see _item_chain)
ITEM_ANCHOR = re.compile(
    r"""(?x)
    (?<!\S)(?=[(\[\dIVXOA-Z])[(]?   # (the look-ahead lets the engine skip to the possible first characters)
    (?P<num>\[\d|\d{1,2}|[IVX]{1,5}|O[I1-9]|[A-Z]{1,2}[O0]?\d{1,2}|[A-Z][O0]S)
    (?:[ \t]*[-–—.)|][ \t]*|[ \t]+)
    (?=[«"]?[\p{Lu}][\p{Ll}\p{Lu}'’°])
    (?!(?i:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|heures?|h\b|H\b|et\b|à\b|voix|membres|conseillers|pour|contre|abstentions?|votants|présents|pr[ée]sents|absents|pouvoirs|procurations|élus|ans|jours|mois|M\.|Mme))
    """,
)
_DECISION_ITEM = re.compile(
    r"(?:APPROUVE|AUTORISE|D[ÉE]CIDE|DIT|CHARGE|PR[ÉE]CISE|SOLLICITE|DONNE|D[ÉE]SIGNE|ACCEPTE|FIXE|ADOPTE|VALIDE|PREND|ATTRIBUE|ACCORDE|S'ENGAGE|MANDATE|[ÉE]MET|CR[ÉE]E|RAPPELLE|INDIQUE|CONFIRME|RETIENT|ABROGE|D[ÉE]L[ÈE]GUE)\b"
)
_ITEM_BLOCK = re.compile(r"(?i)(?:article|art\.|point|n°|page|annexe|chapitre|titre|lot|section|tranche|phase|€|euros?|\d[ ,.]?)[ \t]*\Z")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10,
          "XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15, "XVI": 16, "XVII": 17, "XVIII": 18,
          "XIX": 19, "XX": 20}


# how OCR misreads the digits of an item number: "DO1", "DOS" (D05), "OI" (01), "[5" (15)
_OCR_DIGITS = str.maketrans("OIl|[S", "011115")
_OCR_NUMBER = re.compile(r"([A-Z]{0,2}?)([\dOIl|\[S]{1,2})")


def _item_value(num: str) -> int | None:
    """The running number of an item heading, as OCR may have read it.

    >>> [_item_value(n) for n in ("3", "IV", "DO1", "DOS", "OI", "[5", "D12")]
    [3, 4, 1, 5, 1, 15, 12]
    """
    if num.isdigit():
        return int(num)
    if num in _ROMAN:
        return _ROMAN[num]
    m = _OCR_NUMBER.fullmatch(num)
    digits = m.group(2).translate(_OCR_DIGITS) if m else ""
    return int(digits) if digits.isdigit() else None


_RECENT_CHAINS = 64  # the chains an item may continue: a text of thousands of "1." starts as many chains


def _item_chains(items: list[Anchor], text: str) -> list[list[Anchor]]:
    """The run of items numbered n, n+1, n+2 ... that structures the text (at least 2 items).

    An agenda at the top repeats the numbers of the items that follow: of the chains found,
    the one whose items are spread over the most text wins (an agenda's are a line apart).
    """
    chains: list[list[tuple[int, Anchor]]] = []
    for a in items:
        v = _item_value(a.numero or "")
        if v is None or v > 60:
            continue
        if (a.numero or "").startswith("["):
            # OCR read a leading "1" as "[": "[5" continues a chain at 14 as 15
            for chain in reversed(chains[-_RECENT_CHAINS:]):
                last = chain[-1][0]
                if last >= 9 and (last + 1) % 10 == v:
                    v = last + 1
                    break
        target = None
        for chain in reversed(chains[-_RECENT_CHAINS:]):
            last = chain[-1][0]
            if last == v - 1 or (len(chain) >= 3 and 2 <= v - last <= 4):
                target = chain  # a number lost or garbled by OCR: gaps in a long chain
                break
        if target is not None:
            target.append((v, a))
        elif v <= 2:
            chains.append([(v, a)])
    scored: list[tuple[float, list[Anchor]]] = []
    for chain in chains:
        if len(chain) < 2:
            continue
        follows = [text[a.body : a.body + 25] for _, a in chain]
        if len(set(follows)) == 1:
            continue  # page numbers before a header repeated on every page
        gaps = [min(b.start - a.start, 1500) for (_, a), (_, b) in zip(chain, chain[1:])]
        tail = min(len(text) - chain[-1][1].start, 1500, int(max(gaps) * 1.5))  # the last item runs to the end
        scored.append((sum(gaps) + tail, [a for _, a in chain]))
    scored.sort(key=lambda sc: -sc[0])
    return [c for _, c in scored]


# a heading in capitals: at least 2 words of capitals (>= 10 letters), at a line start or after a
# sentence end, up to the first word in lower case
_CAPS_TAIL_CIVILITY = re.compile(r"\s+(?:M|MM|Mme|MME)\.?$")
_CAPS_LEAD_FIGURES = re.compile(
    r"(?:[.,/:«»\"–—&-]+\s+){0,6}(?:(?:\d[\d.,/:-]*|€|H\.T\.?|HT|T\.T\.C\.?|TTC)\s+){1,12}(?=\p{Lu}{2})")  # "… 11 354,23 € H.T."
_CAPS_LEAD_PUNCT = re.compile(r"(?:[.,/:«»\"–—&-]+\s+){1,6}(?=\p{Lu}{2})")  # bounded: no backtracking over a run of dashes
_NOT_LETTER = re.compile(r"[^\p{L}]+")
_WORD2 = re.compile(r"\S*\p{L}\S*\p{L}\S*")  # a token with at least two letters
CAPS_ANCHOR = re.compile(
    r"""(?x)
    (?:(?<=^|\n)|(?<=\s))(?<![\p{Lu}][ \t])(?<![\p{Lu}\d]['’\-/&,][ \t])
    (?P<head>
      (?:(?:[«"(]?[\p{Lu}\d][\p{Lu}\d'’\-/&.,:()«»"]*|[«»"–—:\-/&])(?:[ \t]+|\n|$)){2,}
    )
    """,
)
_OUTCOME = re.compile(
    r"""(?xi)
      unanimit[ée]
    | \b(?:adopt|approuv|rejet|refus)(?:[ée]e?s?|e|ent)\b
    | \bvote\s*:|\bvotants?\b|\bpour\s*:\s*\d|\bvoix\b|\babstention
    | \b(?:d[ée]cide|autorise|approuve|accepte|d[ée]signe|sollicite|prend\s+acte|[ée]met|valide|fixe|adopte|acte)\b
    | \bapr[eè]s\s+(?:en\s+avoir\s+d[ée]lib[ée]r[ée]|d[ée]lib[ée]ration)|\bdonne\s+son\s+accord
    | \b(?:ADOPT[ÉE]E?S?|APPROUV[ÉE]E?S?|REJET[ÉE]E?S?|PREND\s+ACTE|D[ÉE]CIDE)\b
    | \bmajorit[ée]\b
    """,
)
OUTCOME = Starts(_OUTCOME, trie(
    "unanimit adopt approuv rejet refus vot pour voix abstention décide decide désigne designe autorise accepte "
    "sollicite prend émet emet valide fixe acte après apres donne majorit".split(), any_case=True))
# mayor's decisions taken by delegation: not acts of the assembly
DELEGATION = re.compile(
    r"""(?xi)d[ée]cisions?\s+(?:
        (?:du\s+(?:maire|pr[ée]sident)\s+|prises?\s+)?(?:par\s+d[ée]l[ée]gation|valant\s+d[ée]lib[ée]ration|n[°o])
      | (?:prises?\s+par\s+|du\s+|de\s+)(?:le\s+|la\s+|m\.\s+le\s+|monsieur\s+le\s+|madame\s+la\s+)?(?:maire|pr[ée]sidente?)\b
      | prises?\s+en\s+(?:application|vertu)\s+de)
    | rend\s+compte\s+des\s+d[ée]cisions"""
)
EXTRAIT = re.compile(r"(?i)extrait\s*(?:du\s*(?:registre|proc[eè]s[- ]verbal)|des?\s*(?:d[ée]lib[ée]rations|registre))")
# where an objet written in running text stops
OBJET_STOP = re.compile(
    r"""(?x)
      \n
    | (?<!\b(?:par|de|à|au|du|avec|pour))\s(?=(?:M\.|Mme|Monsieur|Madame|MM\.)\s+(?:le|la)\s+(?:Maire|Pr[ée]sidente?)\b)
    | (?<!\b(?:du|de|le|des|les))\s(?=Compte[- ]rendu\s+(?:sommaire\s+)?(?:du|de\s+la)\s+(?:Conseil|s[ée]ance))  # a page header
    | \s(?=(?:Le|La)\s+(?:Maire|Pr[ée]sidente?|Conseil|Commission|Comit[ée]|Bureau|loi|Ville|Commune)\b)
    | \s(?=(?:Vu|VU|Considérant|CONSIDERANT|Rapporteur|RAPPORTEUR|Exposé|EXPOSE|Après|Sur\s+(?:le\s+rapport|proposition)|Conformément|Par\s+d[ée]lib[ée]ration|Il\s+est|Nombre\s+de|Date\s+de|Présents?|Etaient|Étaient|Vote|VOTE|Pour\s*:|Rappel|Dans\s+le\s+cadre|Lors\s+de|Suite\s+[àa]|Intervention|Par\s+courri|En\s+application|Au\s+vu|Afin)\b)
    | (?<!\b(?:par|de|à|au|du|avec|pour))\s(?=(?:Le|La|Les|L'|Il|Elle|Ils|Ce|Cette|Ces|Un|Une|Dans|Pour|Après|Depuis|Par|En|Au|Aux|Lors|Monsieur|Madame)\s+\p{Ll})
    | \s(?=(?:Monsieur|Madame)\s+[\p{Lu}][\p{L}\-]+\s+[\p{Lu}])
    | \s(?=(?:Monsieur|Madame|M\.|Mme)\s+[\p{Lu}][\p{L}\-]+(?:\s+[\p{Lu}][\p{L}\-]+)*\s*,\s*(?:rapporteur|adjoint|maire|vice))
    | (?<=[\p{Lu}]{3})(?=(?:M\.|Mme|MM\.)\s*[\p{Lu}][\p{Ll}])
    | \s(?=(?:M\.|Mme|Monsieur|Madame)\s+[\p{Lu}][\p{Ll}]+\s+[\p{Lu}]{2,})
    | \s(?=(?:LE|LA)\s+(?:CONSEIL|MAIRE|PR[ÉE]SIDENTE?|COMIT[ÉE]|BUREAU)\b)
    | \s[-–—]?\s*(?=(?:ADOPT[ÉE]E|APPROUV[ÉE]E|REJET[ÉE]E|PREND\s+ACTE|ADOPTE\b|APPROUVE\b|D[ÉE]CIDE\b)(?![a-zé]))
    | \s[-–—=_|]*\s*(?=(?i:[àa]\s+l'unanimit|[àa]\s+la\s+majorit|approuv[ée]e?s?\b|adopt[ée]e?s?\b|d[ée]cide\b|prend\s+acte\b))
    | \s(?=D[ée]lib[ée]ration\s+(?:n[°o]|adopt))
    | \s(?=(?!(?:JANVIER|F[ÉE]VRIER|MARS|AVRIL|MAI|JUIN|JUILLET|AO[ÛU]T|SEPTEMBRE|OCTOBRE|NOVEMBRE|D[ÉE]CEMBRE)\b)
           \p{Lu}{2,}[\p{Lu}\d-]*\s+(?:nous|vous|a|ont|propose|demande|informe|sollicite)\s)  # "ENEDIS nous a sollicités"
    | \s*\((?=n[°o]\s*\d)
    | \s(?=(?:DCM|DCC|DEL|DELIB|DB|BC|CP)[\s_-]*\d)
    | (?<=[a-zé)»])\.\s(?=[A-Z])
    | \s\|
    """,
)
# after a title in lower case, a run of words in capitals starts something else
_CAPS_RUN = re.compile(r"\s(?=(?:[\p{Lu}][\p{Lu}'’\-]+[\s]+){2,}[\p{Lu}][\p{Lu}'’\-]+)")


# ----------------------------------------------------------------------------- types


@dataclass(slots=True)
class Anchor:
    start: int  # where the heading starts
    body: int  # where the objet text may start (after labels / numbers)
    family: str  # num | objet | item | caps | row | inline (a lone bare "n° X" inside a line)
    numero: str | None = None
    caps_end: int | None = None  # for caps headings, end of the capitals run
    rank: int = 0  # for numbers: 0 labelled ("Délibération n°", "DCM"), 1 bare "n°", 2 "Point n°"
    word: bool = False  # labelled by the word "Délibération"
    objet_text: str | None = None  # an objet assembled from wrapped table cells
    date_span: tuple[int, int] | None = None  # a table row's date cell


@dataclass(slots=True)
class ActSpan:
    start: int
    end: int
    numero: str | None = None
    objet: str | None = None
    objet_start: int | None = None
    objet_end: int | None = None
    numero_start: int | None = None
    numero_end: int | None = None
    rule: str = ""
    date_span: tuple[int, int] | None = None  # the act's own date, written in its heading (a table row)


@dataclass(slots=True)
class Segmentation:
    head: tuple[int, int]  # the sitting's preamble (may be empty)
    acts: list[ActSpan] = field(default_factory=list)
    tail: tuple[int, int] = (0, 0)  # closing part after the last act's outcome (signatures, stamps)
    single: bool = False


# ----------------------------------------------------------------------------- finding


def _clean_num(num: str) -> str:
    num = num.strip().rstrip(".-/:")
    return re.sub(r"\s*([-/._])\s*", r"\1", num) if re.search(r"\d\s*[-/._]\s*\d", num) else num


_NOT_NUM_AFTER = re.compile(r"(?i)^\s*(?:du|des|de\s+la\s+loi|er\b|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)")


# patterns of find_anchors, compiled once
_REF_WORD_BEFORE = re.compile(r"(?:\(|\b(?:d[ée]lib[ée]ration|ordonnance|arr[êe]t[ée]|d[ée]cision|circulaire|avis|lettre|courrier|instruction|loi|d[ée]cret|march[ée]|convention|contrat|dossier|facture|parcelle|lot|section|rue|route))\s*$")
_ARTICLE_BEFORE = re.compile(r"(?:\(|\b(?:la|une|cette|sa|par|vu|de|du|les|des|aux|ces|ses)\s+)$")
_LIST_BEFORE = re.compile(r"[,(]\s*$")
_IN_SENTENCE_BEFORE = re.compile(r"(?:\bvu|\bla|\bsa|\bune|\bcette|\bpar|\bloi|\barticle|\bdécret|\bdu|\bde|\bpoint|\bl'|\bleur|\bses|\bnotre|\bau|\bet|\bà)\s*$")
_DATED_AFTER = re.compile(r"(?i)\s*(?:en\s+date\s+)?du\s+\d")
_HEADING_BEFORE = re.compile(r"(?:^|[\n.:!?]|\d)\s*$")
_RANGE_AFTER = re.compile(r"(?i)\s*(?:à|au|et)\s+(?:n[°o]\s*)?\d|\s*\)")
_ACTES_ID_BEFORE = re.compile(r"\d{3}-\d{9}-\d{8}-\s*$")
_MORE_REFS_AFTER = re.compile(r"\s*(?:,|et)\s*n[°o]\s*\d")
_LIST_AFTER = re.compile(r"\s*[,)]")
_TITLE_AFTER = re.compile(r"\s*[-–—:]?\s*[«\"]?\p{Lu}")
_LINE_START_BEFORE = re.compile(r"(?:^|[.!?:»\n|]|\d)\s*$")
_DIGIT = re.compile(r"\d")
_NUM_SEPARATOR = re.compile(r"[-/._]")
_NOT_ALNUM = re.compile(r"[^0-9A-Za-z]")
_NEXT_ROW = re.compile(r"\n([^\n]*\|[^\n]*)")
_OBJET_COLUMN_HEAD = re.compile(r"(?im)^[^\n]*\b(?:objet|intitul[ée])\b[^\n]*\|")
_HAVING_FOR_BEFORE = re.compile(r"(?:pour|ayant pour|a pour|avec pour)\s*$")
_CAPS_MAY_START_AFTER = re.compile(r"(?:^|\n|[.!?»]\s|\d\s)$")  # not after ":", which announces a table or a list
_SENTENCE_OPENS = re.compile(r"\s*(?:Le|La|Les|L'|Un|Une|Il|Elle|Suite|Par|Dans|Lors|Après|Monsieur|Madame|M\.|Mme)\s")
_CIVILITY_START = re.compile(r"(?:M|MM|Mme|Mmes|MME|MMES|Mlle)\.?\s")
_CIVILITY_BEFORE = re.compile(r"(?:\b(?:M|MM|Mme|Mmes|Mlle)\.?|Monsieur|Madame)\s*$")
# the column heads of a budget table in capitals ("TOTAUX EGAUX - FONCTIONNEMENT", "MONTANTS ( € )")
_BUDGET_TABLE = re.compile(r"\b(?:TOTAL|TOTAUX|SOUS-TOTAL|MONTANTS?|INTITUL[ÉE]S\s+DES\s+COMPTES)\b|€")
_SPEAKER_OPENS = re.compile(r"\s*(?:M\.|Monsieur|Madame|Mme)\s+(?:le|la)\s+(?:Maire|Pr[ée]sidente?)\s+\p{Ll}")
_CIVILITY_INSIDE = re.compile(r"(?:^|\s)(?:M|MM|Mme)\.(?:\s|$)")


def find_anchors(text: str) -> list[Anchor]:
    """Every candidate act start, all families, in text order."""
    out: list[Anchor] = []
    weak: list[Anchor] = []
    for m in _num_matches(text):
        num = _clean_num(m.group("num"))
        before = text[max(0, m.start() - 40) : m.start()].lower()
        rest = text[m.end() : m.end() + 25]
        # a reference inside a sentence ("vu la délibération n° 12 du ..."), a law, an article
        if _REF_WORD_BEFORE.search(before) and not m.group("word") and not m.group("code"):
            continue  # "(délibération n°2017-15)", "l'ordonnance n°2020-744": references
        if m.group("word") and _ARTICLE_BEFORE.search(before):
            continue  # "(délibération n° 12)", "par délibération n° 12": references
        if m.group("point") and _LIST_BEFORE.search(before):
            continue  # "(jusqu'à 22h40, point n°2)": a mention, not a heading
        if not m.group("point") and _IN_SENTENCE_BEFORE.search(before):
            continue
        dated = _DATED_AFTER.match(rest) and not (m.group("word") and _HEADING_BEFORE.search(before))
        if _NOT_NUM_AFTER.match(rest) or dated or _RANGE_AFTER.match(rest):
            continue  # "délibération n° 12 du 3 mars 2020", "23-5 à 23-11": references
        if DELEGATION.search(text[max(0, m.start() - 150) : m.end()]):
            continue
        if _TOC_LINE.match(text, m.end()):
            continue  # a line of a table of contents: "B2024-031 - Aide … ........ page 2"
        if _ACTES_ID_BEFORE.search(before):
            continue  # inside an @ctes identifier
        if m.group("code"):
            num = m.group("code").strip() + (" " if m.group("code").endswith(" ") else "") + num
            rank = 0
        elif m.group("yearcode"):
            num = m.group("yearcode") + num
            rank = 0
        elif m.group("word") or m.group("word2"):
            rank = 0
        elif m.group("point"):
            rank = 2
        else:
            rank = 1
        anchor = Anchor(m.start(), m.end(), "num", num, rank=rank, word=bool(m.group("word") or m.group("word2")))
        if _MORE_REFS_AFTER.match(rest):
            continue  # "n°5, n°28 et n°42": a list of references
        if rank == 1 and (_LIST_BEFORE.search(before) or _LIST_AFTER.match(rest)):
            continue  # "(n°28, n°42)": mentions in a list
        if rank == 1 and not _TITLE_AFTER.match(rest):
            continue  # a bare "n° X" heading is followed by its objet, which starts with a capital
        if rank == 1 and not _LINE_START_BEFORE.search(before):
            weak.append(anchor)  # bare "n° X" inside a line: kept only as part of a list
            continue
        out.append(anchor)
    # bare numbers of one shape repeated (a list of acts "n°2023-001 ... n°2023-002 ...")
    shapes: dict[str, list[Anchor]] = {}
    for a in weak:
        shapes.setdefault(_DIGIT.sub("9", a.numero or ""), []).append(a)
    for shape, group in shapes.items():
        if len({a.numero for a in group}) >= 3 and (_NUM_SEPARATOR.search(shape) or shape.count("9") >= 3):
            out.extend(group)
        elif len(group) == 1:  # a lone "n° X Title" inside a line: the number of a single act, maybe
            group[0].family = "inline"
    out.sort(key=lambda a: a.start)
    agenda = _agenda_run(out, text)
    dedup: list[Anchor] = []
    seen: set[str] = set()
    for a in out:
        if id(a) in agenda:
            continue  # a table of contents or agenda listing the acts, not the acts
        key = _NOT_ALNUM.sub("", a.numero or "")
        if key in seen and (a.rank == 0 or (dedup and dedup[-1].numero == a.numero)):
            continue  # the same number again (a page header, a title repeated)
        seen.add(key)
        dedup.append(a)
    out = dedup
    rows = []
    for m in ROW.finditer(text):
        cells = [c.strip() for c in m.group(0).split("|")]
        nums = [c for c in cells if _ROW_NUM.match(c) and not _DATE_CELL.match(c)]
        texts = [c for c in cells if not _ROW_NUM.match(c) and (len(c) >= 12 or _SHORT_TITLE_CELL.match(c))]
        if nums and texts:
            obj = max(texts, key=len)
            o = m.start() + m.group(0).index(obj)
            anchor = Anchor(m.start(), o, "row", nums[0], caps_end=o + len(obj))
            dates = [c for c in cells if _DATE_CELL.match(c)]
            if dates:  # a list of acts dates each row: the act's sitting
                d = m.start() + m.group(0).index(dates[0])
                anchor.date_span = (d, d + len(dates[0]))
            # an objet wrapped over the next rows of the same column (rows with no number of their own)
            col = cells.index(obj)
            parts, end = [obj], m.end()
            for nxt in _NEXT_ROW.finditer(text[end : end + 600]):
                if nxt.start() != 0:
                    break
                more = [c.strip() for c in nxt.group(1).split("|")]
                if any(_ROW_NUM.match(c) for c in more if c) or col >= len(more):
                    break
                if more[col]:
                    parts.append(more[col])
                end += nxt.end()
            if len(parts) > 1:
                anchor.objet_text = " ".join(parts)
                anchor.caps_end = m.start() + (end - m.start())
            rows.append(anchor)
    # a list of acts, not a budget or a council table inside an act: distinct numbers, and an outcome
    # column or a header naming the objet
    if len(rows) >= 3 and len({r.numero for r in rows}) >= 0.8 * len(rows):
        outcomes = sum(bool(_ROW_OUTCOME.search(text, r.start, text.find("\n", r.start) % (len(text) + 1) or len(text))) for r in rows)
        header = _OBJET_COLUMN_HEAD.search(text[: rows[0].start])
        if outcomes * 2 >= len(rows) or header:
            out.extend(rows)
    for m in OBJET_ANCHOR.finditer(text):
        before = text[max(0, m.start() - 30) : m.start()].lower()
        if _HAVING_FOR_BEFORE.search(before):
            continue
        out.append(Anchor(m.start(), m.end(), "objet"))
    items = []
    for m in ITEM_ANCHOR.finditer(text):
        if _ITEM_BLOCK.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        if _DECISION_ITEM.match(text, m.end()):
            continue  # "1 APPROUVE le plan", "2 - AUTORISE le maire": the dispositif's items
        items.append(Anchor(m.start("num"), m.end(), "item", m.group("num")))
    for chain in _item_chains(items, text):
        later = [a for a in out if a.family == "num"] + [a for a in items if a.numero == chain[0].numero]
        if len(_agenda_run(chain, text)) == len(chain) and any(a.start > chain[-1].start for a in later):
            continue  # an agenda announcing the numbered items or acts that follow
        out.extend(chain)
        break
    for m in CAPS_ANCHOR.finditer(text):
        raw = m.group("head").rstrip()
        # a civility ending the run starts the next sentence ("… GEOTHERMIQUE M. le Maire expose");
        # figures starting it belong to what precedes ("… 18 janvier 2023 DEMANDE DETR")
        tail = _CAPS_TAIL_CIVILITY.search(raw)
        if tail:
            raw = raw[: tail.start()]
        lead = _CAPS_LEAD_FIGURES.match(raw)
        punct = None if lead else _CAPS_LEAD_PUNCT.match(raw)
        h_start = m.start("head") + (lead.end() if lead else punct.end() if punct else 0)
        h_end = m.start("head") + len(raw)
        head = text[h_start:h_end].strip()
        letters = len(_NOT_LETTER.sub("", head))
        # a short heading ("DM RAR 2021") only between a sentence's end and the exposé it opens
        short = _CAPS_MAY_START_AFTER.search(text[max(0, m.start() - 3) : m.start()]) and _SPEAKER_OPENS.match(text, h_end)
        if (len(head) < 10 or letters < 10) and not (short and letters >= 4):
            continue
        words = _WORD2.findall(head)
        if len(words) < 2:
            continue
        before = text[max(0, m.start() - 3) : m.start()]
        if not _CAPS_MAY_START_AFTER.search(before) and not lead and (
                letters < 15 or len(words) < 3 or "," in head
                or not _SENTENCE_OPENS.match(text, h_end if tail else m.end("head") - 1)):
            continue  # inside a sentence, a run of capitals followed by a new sentence is a heading
        # lists of names in capitals ("MM MORIN, BORONIEC, MADRAY") are not headings
        if head.count(",") >= 2 or _CIVILITY_START.match(head) or _BUDGET_TABLE.search(head):
            continue
        # names in capitals after a civility ("M. LEBLANC, M. THUILLER") are not headings
        if _CIVILITY_BEFORE.search(text[max(0, h_start - 12) : h_start]) or _CIVILITY_INSIDE.search(head):
            continue
        out.append(Anchor(h_start, h_start, "caps", None, h_end))
    out.extend(a for a in weak if a.family == "inline")
    out.sort(key=lambda a: (a.start, ("row", "num", "objet", "item", "caps", "inline").index(a.family)))
    return out


def _key(a: Anchor) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", a.numero or "")


def _agenda_run(anchors: list[Anchor], text: str) -> set[int]:
    """Ids of numbered headings listed one after the other with nothing decided between them
    (an agenda, a table of contents): runs of at least three, each less than 300 characters apart."""
    marked: set[int] = set()
    run: list[Anchor] = []
    for i, a in enumerate(anchors):
        b = anchors[i + 1] if i + 1 < len(anchors) else None
        if b is not None and b.start - a.start < 300 and not OUTCOME.search(text, a.body, b.start):
            run.append(a)
            continue
        if run and _key(a) not in {_key(x) for x in run}:
            run.append(a)  # the agenda's last line (unless it repeats a number: the body starts there)
        if len(run) >= 3:
            marked |= {id(x) for x in run}
        run = []
    return marked


# ----------------------------------------------------------------------------- choosing


_WS = re.compile(r"\s+")
_PAREN_AFTER = re.compile(r"\s*\([^()\n]{1,80}\)")
_OBJET_LEAD = re.compile(
    r"""(?xi)(?:[\s\-–—:.|]*(?:
        (?:en\s+date\s+)?du\s+(?:\d{1,2}|1er)\s*(?:[./-]\s*\d{1,2}\s*[./-]|\s+[a-zéû]+\s+)\s*\d{4}   # du 26 janvier 2023
      | d[ée]lib[ée]ration\s+n[°o]\s*\S+(?:\s\d\S*)?                                     # a repeated label
    ))+[\s\-–—:.|]*""")


def _objet_from(text: str, start: int, limit: int, caps_end: int | None = None) -> tuple[int, int] | None:
    """The span of an objet starting at ``start`` (labels already skipped)."""
    lead = _OBJET_LEAD.match(text, start, limit)
    if lead:
        start = lead.end()
    while start < limit and text[start] in " \t\n-–—:.|":
        start += 1
    if start >= limit:
        return None
    window_end = min(limit, start + 400)
    if caps_end is not None and caps_end > start:
        end = caps_end
        paren = _PAREN_AFTER.match(text, end, limit)
        if paren:  # "CONVENTION TERRITORIALE GLOBALE (avec la CAF de l'Indre)"
            end = paren.end()
        # a caps heading ends where lower case starts; drop a trailing capital letter that
        # begins the next sentence ("... GEOTHERMIQUE M. le Maire")
        seg = text[start:end]
        m = re.search(r"\s+(?:M|MM|Mme|L|LE|LA|Le|La|Les|A|À)\.?\s*$", seg)
        if m:
            end = start + m.start()
    else:
        pos = start + 3
        for _ in range(4):  # a title wrapped over several lines goes on after a line end
            m = OBJET_STOP.search(text, pos, window_end)
            while m and text[m.start()] == "." and text.count("«", start, m.start()) > text.count("»", start, m.start()):
                m = OBJET_STOP.search(text, m.end(), window_end)  # a full stop inside a quoted title
            if not (m and text[m.start()] == "\n" and _wraps(text, m.start(), start)):
                break
            pos = m.start() + 1
        end = m.start() if m else window_end
        head = text[start : start + 30]
        if sum(c.islower() for c in head) > sum(c.isupper() for c in head):
            c = _CAPS_RUN.search(text, start + 3, end)
            if c:
                end = c.start()
        if not m and window_end - start >= 400:
            cut = text.rfind(" ", start, window_end)
            end = cut if cut > start else window_end
        end = _title_lines_before_rapporteur(text, start, end, window_end)
    while end > start and text[end - 1] in " \t\n-–—:;,|.":
        end -= 1
    if end - start < 3:
        return None
    return start, end


_LINE_END_OPEN = re.compile(r"(?i)(?:\b(?:de|du|des|la|le|les|l'|d'|et|à|au|aux|pour|sur|en|avec|par|dans|entre|relative?s?|portant)|[-–—:,(«])\s*$")
_NEXT_LINE_CONT = re.compile(r"(?:[\p{Ll}«]|[-–—]\s|(?:de|du|des|et|à|au|aux|pour|sur|en|avec|par)\s)")
_NEXT_LINE_NEW = re.compile(
    r"(?:Vu|VU|Considérant|Le |La |Les |L'|Monsieur|Madame|M\.|Mme|Il |Elle |Après|Sur |Rapporteur|Vote|Pour\s*:|"
    r"Délibération|Objet|Conformément|Dans |Par |Suite |Afin |Lors |En |Au |Depuis |Ce |Cette |Un |Une |\d+[.)]\s|[-•]\s)")


_SUBTITLE = re.compile(r"[ \t]*[-–—•][ \t]+\p{Lu}")
_RAPPORTEUR_LINE = re.compile(r"\n[ \t]*(?i:rapporteu(?:r|se)s?(?:\(e\))?|pr[ée]sentation|expos[ée]\s+par)\s*:")


def _title_lines_before_rapporteur(text: str, start: int, end: int, limit: int) -> int:
    """A title set over a few lines (its breaks falling anywhere) that a "Rapporteur :" line ends:
    "DEL2025-32 : Autorisation de demande … de l'Eau Seine⏎Normandie (AESN) et …⏎Rapporteur : B. X"."""
    rap = _RAPPORTEUR_LINE.search(text, end, limit)
    if not rap or text.count("\n", start, rap.start()) > 3:
        return end
    for stop in OBJET_STOP.finditer(text, start + 3, rap.start()):
        if text[stop.start()] != "\n" or text[stop.start() - 1] in ".;:!?":
            return end  # a sentence runs in between: the title ended before it
    return rap.start()


def _wraps(text: str, nl: int, start: int = 0) -> bool:
    """Does the title line ending at ``nl`` go on in the next line (a wrapped title)?"""
    line_start = max(text.rfind("\n", 0, nl) + 1, start)
    line = text[line_start:nl]
    nxt = text[nl + 1 : nl + 80]
    if _SUBTITLE.match(nxt) and not line.rstrip().endswith(":"):
        # "1. Budget Eau et Assainissement⏎- Décision modificative n°1": a subtitle, unless a list follows
        nxt_end = text.find("\n", nl + 1)
        return nxt_end < 0 or not _SUBTITLE.match(text, nxt_end + 1)
    if not nxt.strip() or nxt.startswith("\n") or _NEXT_LINE_NEW.match(nxt):
        return False
    return bool(_LINE_END_OPEN.search(line) or _NEXT_LINE_CONT.match(nxt) or len(line) >= 70)


def _merge(anchors: list[Anchor], text: str) -> list[list[Anchor]]:
    """Group anchors that belong to one heading (close together, no outcome between)."""
    groups: list[list[Anchor]] = []
    for a in anchors:
        if groups:
            g = groups[-1]
            prev = g[-1]
            gap = text[prev.start : a.start]
            span = a.start - g[0].start
            fams = {x.family for x in g}
            limit = 400 if prev.family in ("item", "num") and prev.rank == 2 or prev.family == "item" else 160
            close = span < limit and not OUTCOME.search(gap) and "\n\n" not in gap
            ranks = {x.rank for x in g if x.family == "num"}
            if close and (a.family not in fams or a.family == "caps" or (a.family == "num" and a.rank not in ranks)):
                g.append(a)
                continue
        groups.append([a])
    return groups


_ITEM_TITLE = re.compile(r"(?i)\W*(?:\d+|[ivx]+)?\W*(?:approbation|adoption|lecture|validation)\b")


def _numbered(g: list[Anchor]) -> bool:
    """A heading that names its act: a labelled number or an "Objet :" label (not a "Point n°")."""
    return any(a.family == "objet" or a.family == "row" or (a.family == "num" and a.rank < 2) for a in g)


def _is_sitting_heading(text: str, start: int, end: int) -> bool:
    s = text[start : min(end, start + 400)].lower()  # only its opening is read
    if _ITEM_TITLE.match(s):
        return False  # the approval of the previous minutes is an item of its own
    if re.match(r"\W*(?:d[ée]partement|r[ée]publique|canton|arrondissement|extrait|registre|mairie\s+d|commune\s+d)", s):
        return True  # a letterhead
    return bool(re.search(r"proc[eè]s[- ]verbal\s+d[ue]|compte[- ]rendu|s[ée]ance\s+du|conseil\s+(?:municipal|communautaire)\s+du|ordre\s+du\s+jour|r[ée]union\s+du|liste\s+des\s+d[ée]lib", s[:60]))


def segment(text: str) -> Segmentation:
    """Split ``text`` into the sitting preamble and acts (see module docstring)."""
    n = len(text)
    anchors = find_anchors(text)
    fam_count = {f: sum(a.family == f for a in anchors) for f in ("row", "num", "objet", "item", "caps")}
    # which families structure this document: the strongest families that give >= 2 anchors
    use: set[str] = set()
    for f in ("num", "objet", "item"):
        if fam_count[f] >= 2:
            use.add(f)
    if fam_count["num"] == 1 or fam_count["objet"] == 1:
        use |= {f for f in ("num", "objet") if fam_count[f]}
    if not use or (len(use) == 1 and "item" in use and fam_count["item"] < 3):
        use.add("caps")
    if fam_count["row"] >= 3:
        use = {"row"}  # a list of acts is structured by its rows
    # a title in capitals approving the previous minutes is an item even where numbers structure the rest
    chosen = [a for a in anchors if a.family in use or (
        a.family == "caps" and _PV_TITLE.match(text, a.start, a.caps_end or a.start))]
    groups = _merge(chosen, text)
    # candidate segments
    cands: list[tuple[list[Anchor], int, int]] = []
    for i, g in enumerate(groups):
        s = g[0].start
        e = groups[i + 1][0].start if i + 1 < len(groups) else n
        cands.append((g, s, e))
    acts: list[ActSpan] = []
    pending: list[Anchor] | None = None
    pending_start = 0
    head_end = cands[0][1] if cands else n
    strong = {"num", "objet", "row"}
    for g, s, e in cands:
        seg = text[s:e]
        fams = {a.family for a in g}
        has_outcome = bool(OUTCOME.search(seg))
        short = len(seg.strip()) < 25
        if DELEGATION.search(text[s : min(e, s + 200)]) and not (fams & strong) and not has_outcome:
            continue  # the mayor's decisions taken by delegation, reported to the council
        if fams <= {"caps"} and _is_sitting_heading(text, s, e):
            if not acts and pending is None:
                head_end = e
            continue  # a letterhead or the title of a sitting, not an act
        if has_outcome and not short:
            if pending is not None and ((_numbered(pending) and _numbered(g)) or (
                    acts and fams <= {"caps"} and {a.family for a in pending} <= {"caps"} and s - pending_start > _SECTION_MAX)):
                # two numbered acts; or two titles, the first over an exposé of its own (no vote recorded)
                acts.append(_make_act(text, pending, pending_start, s))
                pending = None
            elif pending is not None and _numbered(g) and {a.family for a in pending} <= {"item", "caps"}:
                pending = None  # a section heading of the agenda ("II. Finances"): the numbered act starts here
            g_use = pending if pending is not None else g
            start = pending_start if pending is not None else s
            acts.append(_make_act(text, g_use, start, e))
            pending = None
        elif fams & strong and not short and len(seg) > 60:
            # a numbered act without a recognisable outcome (cut documents, lists)
            if pending is not None:
                acts.append(_make_act(text, pending, pending_start, s))
            pending, pending_start = g, s
        else:
            if not acts:
                # before the first act: a heading waits for the outcome that follows it; a later
                # heading replaces one in capitals only (a letterhead, a title)
                if pending is None or {a.family for a in pending} <= {"caps"}:
                    pending, pending_start = g, s
                continue
            if pending is None:
                pending, pending_start = g, s
    if pending is not None:
        acts.append(_make_act(text, pending, pending_start, n))
    # an "extrait" or a document with a single act: the whole text is the act's context
    extrait = EXTRAIT.search(text[:2500]) is not None
    nums = {a.numero for a in anchors if a.family == "num" and a.rank <= 1}
    n_objet = sum(a.family == "objet" for a in anchors)
    if len(acts) == 1 and not extrait and _pv_approval(text, (0, min(head_end, acts[0].start))) and \
            _VOTE_LINE.search(text, acts[0].start, acts[0].end):
        pass  # minutes with one item and the approval of the previous minutes: two acts
    elif len(acts) <= 1 or (len(nums) <= 1 and n_objet <= 1 and (extrait or _heading_apart(anchors, acts))):
        if not acts and not OUTCOME.search(text):
            return Segmentation(head=(0, n), acts=[], single=True)
        return Segmentation(head=(0, n), acts=[_single(text, anchors)], tail=(n, n), single=True)
    head = (0, min(head_end, acts[0].start))
    if _TABLE_HEADER.search(text, 0, acts[0].start):
        for act in acts:
            _untangle_objet(text, act)
    acts = sorted(_pv_approval(text, head) + _secretary_vote(text, head), key=lambda a: a.start) + acts
    for before, act in zip(acts, acts[1:]):
        _changes_after_vote(text, before, act)
    if sum(_own_header(text, before, act) for before, act in zip(acts, acts[1:])):
        # a collection of extracts: the first act's own header opens it too
        _own_header(text, ActSpan(head[0], head[0]), acts[0], after_outcome=False)
    # "6 – Questions diverses", "Informations diverses": no act unless a vote is recorded there
    acts = [a for a in acts if not (_CLOSING_TITLE.fullmatch(a.objet or "") and not _VOTE_LINE.search(text, a.start, a.end))] or acts
    last = acts[-1]
    closing = _CLOSING.search(text, last.start, last.end)
    while closing and not OUTCOME.search(text, last.start, closing.start()):
        closing = _CLOSING.search(text, closing.end(), last.end)
    if closing:  # the sitting's closing sections (information, questions diverses) are no part of its last act
        last.end = closing.start()
    first = acts[0].start
    return Segmentation(head=(0, min(head_end, first)), acts=acts, tail=(acts[-1].end, n))


# the header of a table of acts whose objet column is followed by a rapporteur and a vote column
_TABLE_HEADER = re.compile(r"(?i)\bobjet\s*\|?\s*(?:rapporteurs?|[ée]lus?\s+r[ée]f[ée]rents?)\s*\|?\s*(?:vote|r[ée]sultat|d[ée]cision)s?\b")
# what the rapporteur and vote cells hold, once their lines are interleaved with the objet's
_OTHER_CELLS = re.compile(
    r"""(?x)
      \b(?i:point\s+report[ée]\s+[àa]\s+une\s+prochaine\s+s[ée]ance)
    | \b(?i:majorit[ée]\s+pour\s+\d+(?:\s+votes?)?)
    | \b(?i:(?:approuv|adopt|rejet)[ée]e?s?)\b
    | \b(?i:[àa]\s+l['’]\s*unanimit[ée])
    | (?:\d+\s+)?(?i:votes?\s+)?\b(?i:contre)\s*(?::|(?=\())
    | (?:\d+\s+)?\b(?i:abstentions?)\s*:?
    | \(?[\p{Lu}][\p{Ll}]+(?:-[\p{Lu}][\p{Ll}]+)?\s+[\p{Lu}]{2,}(?:[- ][\p{Lu}]{2,})*\b[,)]?   # Prénom NOM
    | (?<!\()\b[\p{Lu}]{3,}[,)]                                                             # a surname cut from its given name
    | \([\p{Lu}][\p{Ll}]+(?=\s)                                                          # a given name cut from its surname
    | \|
    """)
# the title of an unnumbered row (a postponed item) after the objet: "… en conséquence LOGEMENTS SOCIAUX - Avis …"
_NEXT_ROW_TITLE = re.compile(r"(?<=\p{Ll}[,.]?)\s+(?=\p{Lu}{4,}(?:[ '’-]+\p{Lu}{2,})*\s*[-–]\s)")
# a letterhead or footer line met inside a table spread over pages
_FOOTER = re.compile(r"\b(?:Mairie\s+d|T[ée]l\.?\s*:|Fax\s*:|Mail\s*:|www\.)")


def _untangle_objet(text: str, act: ActSpan) -> None:
    """An objet cell of a flattened table of acts (Objet | Rapporteur | Vote), whose lines come
    interleaved with the other cells': "Aide Michel AUDRAN Approuvée exceptionnelle … à l'unanimité"
    gives "Aide exceptionnelle …"."""
    if act.objet_start is None:
        return
    end = act.end
    for cut in (_FOOTER.search(text, act.objet_start, end), _NEXT_ROW_TITLE.search(text, act.objet_start + 20, end)):
        if cut:
            end = min(end, cut.start())
    kept = _OTHER_CELLS.sub(" ", text[act.objet_start : end])
    objet = _WS.sub(" ", kept).strip(" -–—,;:|")
    objet = re.sub(r"\s+([,)])", r"\1", objet)
    if len(objet) >= 8:
        act.objet, act.objet_end = objet, end


_SECTION_MAX = 300  # a section heading ("FINANCES") is followed by the next title, not by an exposé


# what closes a sitting after its last act: a heading of information or "questions diverses" on a line
# of its own, or the closing of the sitting
_CLOSING_WORDS = (r"(?:points?\s+d['’]information|informations?(?:\s+diverses|\s+du\s+maire|\s+du\s+pr[ée]sident)?"
                  r"|questions?\s+diverses|affaires?\s+diverses|divers|tour\s+de\s+table)")
_CLOSING_TITLE = re.compile(rf"(?i){_CLOSING_WORDS}\s*:?")
_CLOSING = re.compile(
    rf"""(?imx)
      ^[ \t]*(?:[IVX\d]{{1,4}}[.)]?[ \t]*[-–—]?[ \t]*)?
      {_CLOSING_WORDS}[ \t]*:?[ \t]*$
    | (?<=^|[.!?][ \t])[ \t]*(?:la\s+s[ée]ance\s+est\s+(?:lev[ée]e|close)|l['’]ordre\s+du\s+jour\s+[ée]tant\s+[ée]puis[ée])""")


# a prefecture stamp block: "Envoyé en préfecture le …", "Reçu en préfecture le …", "ID : 053-…"
_STAMP_START = re.compile(r"(?i)(?:accus[ée]\s+de\s+r[ée]ception|envoy[ée]|re[çc]u|transmis|date\s+de\s+t[ée]l[ée]transmission)\b[^\n]{0,30}pr[ée]fecture|\bID\s*:\s*\d{3}-")


# a member leaving or joining, or the counts restated, between two items of minutes
_ATTENDANCE_CHANGE = re.compile(
    r"(?i)\b(?:quitte|rejoint|regagne)\s+la\s+s[ée]ance|\b(?:arrive|entre)\s+en\s+s[ée]ance|\bse\s+retire\b|"
    r"\bpr[ée]sents?\s*:\s*\d")
# what settles an item: its outcome or its vote counts (not the counts of members)
_DECISIVE = re.compile(r"(?i)unanimit|\b(?:adopt|approuv|rejet|refus)|\bpour\s*:|\bcontre\s*:|\bd[ée]cide\b|\bautorise\b")


def _changes_after_vote(text: str, before: ActSpan, act: ActSpan) -> None:
    """Attendance changes written after an item's vote ("Pour : 15 … ⏎ M. X quitte la séance. Présents : 15")
    concern the items that follow: they open the next act rather than close this one."""
    for c in _ATTENDANCE_CHANGE.finditer(text, before.start, before.end):
        if not _DECISIVE.search(text, before.start, c.start()):
            continue  # before the vote: "M. X ne prend pas part au vote", "M. X quitte la séance pour ce point"
        if _DECISIVE.search(text, c.end(), before.end):
            return  # the item goes on after the change
        start = text.rfind("\n", before.start, c.start()) + 1
        if start > before.start:
            before.end = act.start = start
        return


def _own_header(text: str, before: ActSpan, act: ActSpan, *, after_outcome: bool = True) -> bool:
    """In a collection of extracts, each act's own header — its prefecture stamp, "EXTRAIT DU REGISTRE …",
    sitting and attendance — comes before its numbered heading: the act starts there, not the one
    before it ends there."""
    head = None
    for m in EXTRAIT.finditer(text, before.start, act.start):
        head = m
    if head is None or (after_outcome and not OUTCOME.search(text, before.start, head.start())):
        return False
    start = head.start()
    stamp = _STAMP_START.search(text, max(before.start, start - 400), start)
    if stamp and (not after_outcome or OUTCOME.search(text, before.start, stamp.start())) and \
            not OUTCOME.search(text, stamp.start(), start):
        start = stamp.start()
    start = text.rfind("\n", before.start, start) + 1 or start
    before.end = act.start = start
    return True


def _heading_apart(anchors: list[Anchor], acts: list[ActSpan]) -> bool:
    """One act whose number and "Objet :" label the attendance lists keep apart ("DELIBERATION n° 2023/021
    L'an deux mille … Présents : … Objet : Ouverture des crédits …"): the two pieces of one heading."""
    num = [a for a in anchors if a.family == "num" and a.rank <= 1]
    obj = [a for a in anchors if a.family == "objet"]
    return len(acts) == 2 and len(num) == 1 and len(obj) == 1 and acts[0].start <= num[0].start < obj[0].start == acts[1].start


def _single(text: str, anchors: list[Anchor]) -> ActSpan:
    """The one act of a document: its number and objet from the strongest labelled anchors."""
    n = len(text)
    act = ActSpan(0, n, rule="segment.single")
    order = [a for a in anchors if a.family == "objet"] + \
            sorted((a for a in anchors if a.family == "num"), key=lambda a: (a.rank, not a.word))
    for a in order:
        if a.family == "num" and a.rank > 1:
            continue
        tmp = _make_act(text, [a], 0, n)
        if tmp.objet and len(tmp.objet) >= 8:
            act.objet, act.objet_start, act.objet_end = tmp.objet, tmp.objet_start, tmp.objet_end
            break
    if act.objet is None:
        _caps_before_expose(text, anchors, act)
    if act.objet is None or not OUTCOME.search(text, act.objet_end or act.start):
        # no title found, or a title with nothing voted after it: the approval of the minutes may be the act
        _minutes_only(text, anchors, act)
    num = next((a for a in sorted((a for a in anchors if a.family == "num"), key=lambda a: (a.rank, not a.word, a.start)) if a.rank <= 1), None)
    if num is None:  # "Rapport n° 1", "Point n° 4" of a single act's heading
        num = next((a for a in anchors if a.family == "num" and a.rank == 2), None)
    if num is None:
        num = _inline_number(text, anchors)
        # its objet follows it, unless a sentence starts there ("N°36/2023 La loi n° …")
        titled = num is not None and act.objet is None and not OBJET_STOP.match(text, num.body)
        span = _objet_from(text, num.body, n) if titled else None
        if span and span[1] - span[0] >= 8:
            act.objet_start, act.objet_end = span
            act.objet = _WS.sub(" ", text[span[0] : span[1]]).strip()
    if num is not None:
        tmp = _make_act(text, [num], 0, n)
        act.numero, act.numero_start, act.numero_end = tmp.numero, tmp.numero_start, tmp.numero_end
    return act


_BODY_START = re.compile(r"\bVu\b|\bVU\b|Consid[ée]rant|CONSID[ÉE]RANT|(?i:apr[eè]s\s+en\s+avoir\s+d[ée]lib[ée]r[ée])")


def _inline_number(text: str, anchors: list[Anchor]) -> Anchor | None:
    """A single act's number written inside a line ("… ABSENTS : M. X n° 13-02-2023 - Approbation du plan"):
    the first lone bare number before the act's body (visas, considérants) begins."""
    body = _BODY_START.search(text)
    limit = body.start() if body else len(text)
    return next((a for a in anchors if a.family == "inline" and a.start < limit), None)


_EXPOSE = re.compile(
    r"""(?x)(?:M\.|Monsieur|Madame|Mme)\s+(?:le|la)\s+(?:Maire|Pr[ée]sidente?)\b|(?:Le|La)\s+(?:Maire|Pr[ée]sidente?)\s+(?:expose|rappelle|pr[ée]sente|informe|soumet|propose)
    |\bVu\b|\bVU\b|Consid[ée]rant|CONSID[ÉE]RANT|Rapporteur|RAPPORTEUR|Expos[ée]|EXPOS[ÉE]""")
_LETTERHEAD = re.compile(
    r"(?i)extrait|registre|d[ée]lib[ée]rations|r[ée]publique|d[ée]partement|arrondissement|canton|s[ée]ance|"
    r"conseil\s+(?:municipal|communautaire)|commune\s+d|ville\s+d|pr[ée]sents|absents|pouvoirs|secr[ée]taire|"
    r"nombre|membres|convocation|communaut[ée]\s+de|syndicat|mairie|compte[- ]rendu|proc[eè]s[- ]verbal\s+d[ue]\s+(?:conseil|la\s+s)")


_PV_TITLE = re.compile(r"(?i)(?:approbation|adoption|lecture|validation)\s+(?:et\s+\w+\s+)?d[ue]s?\s+(?:compte[- ]rendu|proc[eè]s[- ]verba(?:l|ux))")


def _caps_before_expose(text: str, anchors: list[Anchor], act: ActSpan) -> None:
    """A single act's objet written as a heading in capitals just before the exposé begins."""
    for m in _EXPOSE.finditer(text):
        cands = [a for a in anchors if a.family == "caps" and m.start() - 400 <= a.start < m.start()
                 and not _is_sitting_heading(text, a.start, a.caps_end or a.start)
                 and (_ITEM_TITLE.match(text, a.start) or not _LETTERHEAD.search(text[a.start : a.caps_end or a.start]))]
        if not cands:
            continue
        a = cands[-1]
        span = _objet_from(text, a.start, m.start() + 1, a.caps_end)
        if span and span[1] - span[0] >= 12:
            act.objet_start, act.objet_end = span
            act.objet = _WS.sub(" ", text[span[0] : span[1]]).strip()
        return


# the title of an item approving a previous sitting's minutes, up to its date or "précédente"
_MINUTES_TITLE = re.compile(
    r"""(?x)(?:(?P<item>[IVX]{1,4})\s*[-–.)]\s*|\d{1,2}\s*[-–.)]\s*)?
    (?P<title>(?i:(?P<verb>(?:approbation|adoption|lecture|validation)\s+(?:et\s+\w+\s+)?d[ue]s?\s+)?
      (?:compte[- ]?rendu|proc[eè]s[- ]verba(?:l|ux))\s+(?:de\s+la\s+(?:s[ée]ance|r[ée]union)|du\s+(?:conseil|\d)|des?\s+(?:s[ée]ances?|r[ée]unions?))
      [^\n]{0,80}?(?:\d{4}|(?P<prev>pr[ée]c[ée]dente?|derni[eè]re?))\b))""")


_ROMAN_NUM = re.compile(r"[IVX]{1,4}\b")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n\s*\n")


def _minutes_only(text: str, anchors: list[Anchor], act: ActSpan) -> None:
    """A compte rendu whose one voted item approves the previous minutes: that item is the act
    ("I - APPROBATION DU COMPTE RENDU DE LA SEANCE DU 28 MARS 2007 … APPROUVE A L'UNANIMITE").
    Only when no outcome is stated after it but its own."""
    found: list[tuple[int, int, str, int]] = []  # objet span and text, start of a roman item number
    for a in anchors:
        m = _MINUTES_TITLE.match(text, a.start) if a.family == "caps" else None
        if m and m.end() <= (a.caps_end or a.start) + 1 and (m.group("verb") or m.group("prev")):
            found.append((m.start("title"), m.end("title"), _WS.sub(" ", m.group("title")), m.start("item")))
            break
    if not found:
        found = [(p.objet_start or p.start, p.objet_end or p.end, p.objet or "", -1)
                 for p in _pv_approval(text, (0, len(text)))]
    for s, e, objet, item in found[:1]:
        own = _VOTE_LINE.search(text, e, e + 200)
        stop = _SENTENCE_END.search(text, own.end()) if own else None
        if not own or (stop and OUTCOME.search(text, stop.end())):
            return  # no vote on the minutes, or outcomes further on: another act, whatever it is
        act.objet, act.objet_start, act.objet_end = objet, s, e
        roman = _ROMAN_NUM.match(text, item) if item >= 0 else None
        if roman and act.numero is None:
            act.numero, act.numero_start, act.numero_end = roman.group(0), roman.start(), roman.end()


# a vote recorded, not only an outcome ("est approuvé")
_VOTE_LINE = re.compile(
    r"(?i)unanimit|majorit[ée]|\bvoix\b|\bvot(?:e|es|ants?|[ée]e?s?|er)\b|\bpour\s*:|\bcontre\b|abst(?:ention|ient|iennent)|main\s+lev[ée]e")
_PV_APPROVAL_ANYWHERE = re.compile(
    r"""(?xi)
    (?:approbation|adoption|lecture|validation)\s+(?:et\s+\w+\s+)?d[ue]s?\s+(?:compte[- ]rendu|proc[eè]s[- ]verba(?:l|ux))[^\n.]{0,120}?(?=\s+(?-i:[\p{Lu}][\p{Ll}]|Le\s|La\s|Monsieur|Madame|M\.|Mme)|\n|\.|$)
  | (?:le\s+)?(?:compte[- ]rendu|proc[eè]s[- ]verba(?:l|ux)|(?-i:PV))\s+(?:de\s+la\s+(?:s[ée]ance|r[ée]union)|du\s+conseil|des?\s+(?:s[ée]ances?|conseils?|r[ée]unions?)|du\s+\d|du\s+dernier|de\s+la\s+derni[eè]re)[^\n.]{0,100}?
        (?=\s+(?:est|sont|a\s+[ée]t[ée]|ont\s+[ée]t[ée])\s+(?:(?:ensuite|donc|alors|[ée]galement)\s+)?(?:adopt|approuv|valid)|\s*,?\s*(?:est|sont)\s+(?:adopt|approuv))
  | (?<=\b(?:approuve|adopte|valide)\s+(?:\S+\s+){0,6}?)(?:le|les)\s+(?:compte[- ]rendu|proc[eè]s[- ]verba(?:l|ux))\s+(?:de\s+la\s+s[ée]ance|du\s+conseil|des?\s+s[ée]ances?|du\s+\d)[^\n.,]{0,80}
  | (?<=\bsoumet\s+)(?:le|les)\s+(?:compte[- ]rendu|proc[eè]s[- ]verba(?:l|ux))\s+(?:de\s+la\s+s[ée]ance|du\s+conseil|des?\s+s[ée]ances?|du\s+\d)[^\n.,]{0,80}?
        (?=\s+(?:[àa]\s+l['’]approbation|au\s+vote))   # "soumet le procès-verbal du … à l'approbation des membres"
    """
)
_PV_APPROVAL = Starts(_PV_APPROVAL_ANYWHERE, trie(
    ["approbation", "adoption", "lecture", "validation", "le compte", "les compte", "le proc", "les proc", "le pv",
     "les pv", "compte", "procès", "proces", "pv"], any_case=True))


def _pv_approval(text: str, head: tuple[int, int]) -> list[ActSpan]:
    """The approval of a previous sitting's minutes, voted in the preamble: an act of its own."""
    s, e = head
    m = _PV_APPROVAL.search(text, s, e)
    if not m:
        return []
    around = text[max(s, m.start() - 150) : min(e, m.end() + 300)]  # "…, adopte le procès-verbal du …"
    if not _VOTE_LINE.search(around):
        return []  # "Le procès-verbal … est approuvé." records no vote: no act (GOLD_SCHEMA)
    # the act runs from the start of the sentence naming the minutes ("Le Conseil municipal, après en avoir
    # délibéré, à l'unanimité, adopte le procès-verbal …") to the end of the one recording the vote
    cut = max(text.rfind(". ", max(s, m.start() - 250), m.start()), text.rfind("\n", max(s, m.start() - 250), m.start()))
    start = cut + 1 if cut >= 0 else m.start()
    while start < m.start() and text[start].isspace():
        start += 1
    span = _objet_from(text, m.start(), min(e, m.start() + 200))
    obj_end = span[1] if span else m.end()
    obj = _WS.sub(" ", text[m.start() : obj_end]).strip(" .,:;-")
    obj = re.sub(r"(?i)\s+(?:est|sont|a\s+[ée]t[ée]|ont\s+[ée]t[ée])(?:\s+(?:ensuite|donc|alors|[ée]galement))?$", "", obj)
    obj = re.sub(r"(?i)^le\s+", "", obj)
    voted = _VOTE_LINE.search(text, m.end(), min(e, m.end() + 300))
    after = voted.end() if voted else m.end()
    nxt = re.search(r"[.!?](?:\s|$)", text[after:e])
    end = after + nxt.end() if nxt else e
    return [ActSpan(start, end, None, obj, m.start(), obj_end, rule="segment.pv_approval")]


_SECRETARY = re.compile(
    r"(?i)(?:d[ée]signation|[ée]lection)\s+(?:pour\s+la\s+pr[ée]sente\s+session\s+)?d(?:u|'un|e\s+la|'une)\s+"
    r"secr[ée]taire(?:\s+de\s+s[ée]ance|\s+au\s+sein\s+du\s+conseil)?")
# the council's choice of how it votes: "conserver le mode de vote à main levée et nominatif"
_VOTING_MODE = re.compile(r"(?i)(?<=\ble\s+)mode\s+de\s+(?:vote|scrutin)\b(?:[^\n.;?]|\n(?=\p{Ll})){0,60}")
_VOTED = re.compile(r"(?i)unanimit|majorit[ée]|\bvoix\b|\badopt[ée]e?\b")


def _secretary_vote(text: str, head: tuple[int, int]) -> list[ActSpan]:
    """Procedural votes of the preamble (the designation of the sitting's secretary, the voting mode),
    when the council votes on them: acts of their own."""
    s, e = head
    out = []
    for pattern in (_SECRETARY, _VOTING_MODE):
        m = pattern.search(text, s, e)
        voted = _VOTED.search(text, m.end(), min(e, m.end() + 200)) if m else None
        if not voted:
            continue
        nxt = re.search(r"[.!?]\s|\n", text[voted.end() : e])  # to the end of the vote's sentence or line
        end = voted.end() + nxt.end() if nxt else e
        obj = _WS.sub(" ", m.group(0)).strip()
        out.append(ActSpan(m.start(), end, None, obj, m.start(), m.end(), rule="segment.secretary_vote"))
    return out


def _make_act(text: str, g: list[Anchor], start: int, end: int) -> ActSpan:
    act = ActSpan(start, end, rule="segment." + "+".join(a.family for a in g))
    nums = sorted((a for a in g if a.family in ("num", "row", "inline")), key=lambda a: a.rank)
    numa = nums[0] if nums else next((a for a in g if a.family == "item"), None)
    if numa is not None and numa.family == "item" and re.fullmatch(r"[1-9]\d?", numa.numero or ""):
        numa = None  # a plain running number ("1.", "2)") orders the agenda; it is not the act's number
    if numa is not None:
        act.numero = numa.numero
        ms = text.find(numa.numero or "", numa.start, numa.body + 1) if numa.numero else -1
        if ms >= 0:
            act.numero_start, act.numero_end = ms, ms + len(numa.numero or "")
    # objet: after an "Objet :" label, else after the number, else the caps heading
    order = [a for a in g if a.family == "row"] + [a for a in g if a.family == "objet"] + [a for a in g if a.family == "num"] + \
            [a for a in g if a.family == "item"] + [a for a in g if a.family == "caps"]
    row = next((a for a in g if a.family == "row" and a.date_span), None)
    if row is not None:
        act.date_span = row.date_span
    for a in order:
        if a.objet_text:
            act.objet, act.objet_start, act.objet_end = a.objet_text, a.body, a.caps_end
            break
        span = _objet_from(text, a.body, end, a.caps_end if a.family in ("caps", "row") else None)
        if a.family in ("num", "item") and span:
            # a caps heading right after the number gives a cleaner end
            caps = next((c for c in g if c.family == "caps" and c.start >= a.body - 1 and c.start - a.body < 4), None)
            if caps is not None:
                span = _objet_from(text, caps.start, end, caps.caps_end) or span
        if span:
            act.objet_start, act.objet_end = span
            act.objet = _WS.sub(" ", text[span[0] : span[1]]).strip()
            break
    after = _NUMBER_AFTER_OBJET.match(text, act.objet_end) if act.numero is None and act.objet_end else None
    if after:  # "OBJET : Adoption du règlement des cimetières (n°02/2020-01)"
        act.numero, act.numero_start, act.numero_end = after.group("num"), after.start("num"), after.end("num")
    return act


_NUMBER_AFTER_OBJET = re.compile(rf"[ \t]*\([ \t]*(?i:n[°o]|d[ée]lib[ée]ration\s+n[°o])[ \t]*(?P<num>{_NUM_BODY})[ \t]*\)")


_ACTES_ID = re.compile(r"\d{2,3}[AB]?-\d{9}-\d{8}-(?P<internal>.+)-[A-Z]{2}")


def printed_number(text: str, start: int, end: int, actes_id: str) -> tuple[int, int] | None:
    """Where ``text[start:end]`` prints the act number that its @ctes identifier carries, separators
    aside: "2023/009" for "065-216502260-20230123-2023009-DE" (DOMAIN.md §3.5); never inside an identifier.

    >>> t = "Séance du 23 janvier 2023 2023/009 Présents : … ID : 065-216502260-20230123-2023009-DE"
    >>> s, e = printed_number(t, 0, len(t), "065-216502260-20230123-2023009-DE"); t[s:e]
    '2023/009'
    """
    m = _ACTES_ID.fullmatch(actes_id or "")
    key = re.sub(r"[\W_]", "", m.group("internal")) if m else ""
    if len(key) < 3 or not any(c.isdigit() for c in key):
        return None
    pattern = r"(?<![\w/.-])" + r"(?:[ ]?[-/_.][ ]?)?".join(map(re.escape, key)) + r"(?![\w/-])"
    for hit in re.finditer(pattern, text[start:end], flags=re.IGNORECASE):
        s, e = start + hit.start(), start + hit.end()
        if not re.search(r"\d{8}-\S*$", text[max(0, s - 40) : s]):  # not the identifier itself
            return s, e
    return None

