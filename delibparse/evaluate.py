"""Score predicted records against hand-made gold, as ../shared/corpus/GOLD_SCHEMA.md defines it.

``load_gold`` reads a gold folder (``DNNN/{source.txt,gold.json}`` or ``NAME.pdf`` + ``NAME.gold.json``),
``score`` pairs gold and predicted acts and counts, per field, what is right, missed and invented,
``evaluate_dir`` runs a parser over a gold folder and scores it. The normalisations below are part of
the metric and deliberately do not use the extractors' lexicons: changing a rule must not move the ruler.

>>> gold = GoldDoc("t", None, "text", {"doc_type": "extrait", "acts": [
...     {"objet": "Budget primitif 2024", "numero": "2024-01", "president": "Didier DUFOUR",
...      "vote": {"pour": 23, "unanimite": None}}]})
>>> pred = {"acts": [{"objet": "BUDGET PRIMITIF 2024.", "numero": "2024/01",
...                   "president": "M. DUFOUR Didier, Maire", "vote": {"pour": 23, "unanimite": False}}]}
>>> report = score([(gold, pred)])
>>> report.acts.f1, report.fields["president"].f1, report.fields["vote.unanimite"].accuracy
(1.0, 1.0, 1.0)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import regex as re
from rapidfuzz.distance import Indel

# --------------------------------------------------------------------------- the fields scored

#: every field of the gold schema, in the schema's order, with how it is compared
FIELDS: dict[str, str] = {
    "numero": "numero",
    "objet": "objet",
    "collectivite": "collectivite",
    "organe": "text",
    "date_seance": "date",
    "heure_seance": "heure",
    "date_convocation": "date",
    "president": "name",
    "secretaire": "name",
    "membres_en_exercice": "int",
    "nb_presents": "int",
    "nb_votants": "int",
    "presents": "names",
    "absents_excuses": "names",
    "absents": "names",
    "pouvoirs": "pouvoirs",
    "vote.pour": "int",
    "vote.contre": "int",
    "vote.abstention": "int",
    "vote.unanimite": "flag",
    "vote.issue": "text",
    "visas": "clauses",
    "considerants": "clauses",
    "decisions": "clauses",
    "date_transmission_prefecture": "date",
    "date_reception_prefecture": "date",
    "date_publication": "date",
    "identifiant_actes": "text",
}
LIST_KINDS = frozenset({"names", "pouvoirs", "clauses"})

PAIR_OBJET = 0.5  # objet similarity that pairs two acts
OBJET_RIGHT = 0.9  # objet similarity that counts the objet right
CLAUSE_RIGHT = 0.85  # similarity of two clauses' beginnings that matches them
CLAUSE_PREFIX = 160  # characters of a clause compared

# --------------------------------------------------------------------------- normalisation

_DASHES = re.compile(r"\s*[\p{Pd}\u2212]\s*")
_END_PUNCT = re.compile(r"[\s.;:,!?…]+$")
_CIVILITY = re.compile(
    r"""(?x)^(?:
        (?:m|mm|mme|mmes|mlle|mlles|melle|mr|monsieur|madame|mademoiselle|messieurs|mesdames
          |dr|docteur|pr|professeur|me|maitre)
        (?:\b\.?|\.)\s*)+"""
)
_ROLE_WORDS = frozenset(
    "maire adjoint adjointe adjoints conseiller conseillere conseillers municipal municipale"
    " communautaire delegue deleguee president presidente vice secretaire doyen doyenne".split()
)
_ROLE_LINKS = frozenset("au aux a de du la le".split())  # "adjoint au maire", "conseiller délégué à la ..."
_ROLE_CUT = re.compile(r"[,(]")
_ORDINAL = re.compile(r"^\d+(?:er|ere|e|eme|ieme)?$")  # "1er adjoint"
_WORD = re.compile(r"[a-z0-9]+")
_HEURE = re.compile(r"(?x)^\s*(?P<h>\d{1,2})\s*(?:h|:|\.|heures?)\s*(?P<m>\d{2})?\b")


@functools.lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Fold case, accents, apostrophes, dashes, spaces and end punctuation.

    >>> fold("  Délibération n° 12 – Budget ’24 ; "), fold("Mise en Œuvre.")
    ("deliberation n° 12-budget '24", 'mise en oeuvre')
    """
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s)
        s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("œ", "oe").replace("æ", "ae")
    s = s.replace("’", "'").replace("‘", "'").replace("`", "'").replace("ʼ", "'")
    s = _DASHES.sub("-", " ".join(s.split()))
    return _END_PUNCT.sub("", s)


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> tuple[str, ...]:
    """A person's name without civility or trailing role, hyphens as spaces, words sorted.

    >>> name_key("M. DUFOUR Jean-Pierre, Maire") == name_key("Jean Pierre Dufour")
    True
    """
    s = fold(name)
    s = _CIVILITY.sub("", s)
    s = _ROLE_CUT.split(s, maxsplit=1)[0]
    words = _WORD.findall(s)
    popped = False
    while len(words) > 1 and (words[-1] in _ROLE_WORDS or _ORDINAL.match(words[-1])
                              or (popped and words[-1] in _ROLE_LINKS)):
        words.pop()
        popped = True
    return tuple(sorted(words))


def numero_key(numero: str) -> str:
    """An act number reduced to its digits and letters ('n°' dropped).

    >>> numero_key("DEL 2023/045"), numero_key("n° 2023-45")
    ('del2023045', '202345')
    """
    s = re.sub(r"^n\s*[°o]\s*(?=\d)", "", fold(numero))
    return "".join(_WORD.findall(s))


def heure_key(heure: str) -> str:
    """An hour as HH:MM ('20h', '20 h 30', '8:05' ...), else the folded text.

    >>> heure_key("20h"), heure_key("8 h 30"), heure_key("20:00")
    ('20:00', '08:30', '20:00')
    """
    m = _HEURE.match(fold(heure))
    if not m:
        return fold(heure)
    return f"{int(m['h']):02d}:{m['m'] or '00'}"


def similarity(a: str, b: str, *, cutoff: float = 0.0) -> float:
    """Similarity of two (already folded) strings, 2·LCS / (len a + len b); 0.0 when below ``cutoff``.

    The ratio difflib's SequenceMatcher approximates, computed exactly and fast by rapidfuzz.

    >>> round(similarity("tarifs cantine", "tarifs de la cantine"), 2)
    0.82
    """
    if a == b:
        return 1.0
    return Indel.normalized_similarity(a, b, score_cutoff=cutoff or None)


def _scalar(kind: str, value: Any) -> Any:
    """The comparable form of a scalar value, None for null or empty."""
    if kind == "flag":  # vote.unanimite: null counts as false; the positive class is True
        return True if value is True else None
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if kind == "int":
        if isinstance(value, int):
            return value
        s = str(value).strip()
        return int(s) if s.isdigit() else fold(s) or None
    s = str(value)
    if kind == "name":
        return name_key(s) or None
    if kind == "numero":
        return numero_key(s) or None
    if kind == "heure":
        return heure_key(s) or None
    return fold(s) or None


def _scalar_right(kind: str, gold: Any, pred: Any) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if kind == "objet":
        return similarity(gold, pred, cutoff=OBJET_RIGHT) >= OBJET_RIGHT
    if kind == "collectivite":  # whole words: "Lezennes" is in "Commune de Lezennes", "Lens" not in "Valenciennes"
        g, p = f" {' '.join(_WORD.findall(gold))} ", f" {' '.join(_WORD.findall(pred))} "
        return g.strip() != "" and p.strip() != "" and (g in p or p in g)
    return gold == pred


def _list_items(kind: str, value: Any) -> list[tuple[Any, Any]]:
    """(comparable key, raw item) for each item of a list field (names, pouvoirs, clauses); [] for null."""
    items = []
    for v in value or []:
        if hasattr(v, "model_dump"):
            v = v.model_dump()
        if kind == "names":
            k: Any = name_key(str(v)) if v else ()
        elif kind == "pouvoirs":
            de, a = (v.get("de"), v.get("a")) if isinstance(v, dict) else (v, None)
            k = (name_key(de or ""), name_key(a or "")) if de or a else ()
        else:
            k = fold(str(v)) if v else ""
        if k:
            items.append((k, v))
    return items


def _match_clauses(gold: list[str], pred: list[str]) -> list[tuple[int, int]]:
    """One-to-one greedy matching (best first) of clauses whose beginnings are >= 0.85 similar."""
    pairs: list[tuple[int, int]] = []
    used_g, used_p = set(), set()
    cuts = [min(CLAUSE_PREFIX, len(g)) for g in gold]
    # exact beginnings first: cheap, and the common case
    firsts: dict[str, list[int]] = {}
    for j, p in enumerate(pred):
        for n in set(cuts):
            firsts.setdefault(p[:n], []).append(j)
    for i, g in enumerate(gold):
        for j in firsts.get(g[: cuts[i]], ()):
            if j not in used_p and pred[j][: cuts[i]] == g[: cuts[i]]:
                pairs.append((i, j))
                used_g.add(i)
                used_p.add(j)
                break
    rest_p = [j for j in range(len(pred)) if j not in used_p]
    cands = []
    for i, g in enumerate(gold):
        if i in used_g:
            continue
        n = cuts[i]
        for j in rest_p:
            r = similarity(g[:n], pred[j][:n], cutoff=CLAUSE_RIGHT)
            if r >= CLAUSE_RIGHT:
                cands.append((-r, i, j))
    for _, i, j in sorted(cands):
        if i not in used_g and j not in used_p:
            pairs.append((i, j))
            used_g.add(i)
            used_p.add(j)
    return pairs


def _match_exact(gold: list, pred: list) -> list[tuple[int, int]]:
    """One-to-one matching of equal items, in order."""
    free: dict[Any, list[int]] = {}
    for j, p in enumerate(pred):
        free.setdefault(p, []).append(j)
    pairs = []
    for i, g in enumerate(gold):
        js = free.get(g)
        if js:
            pairs.append((i, js.pop(0)))
    return pairs


# --------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class GoldDoc:
    """One gold document: its name, its source file, ``text`` or ``pdf``, and the gold dict."""

    name: str
    source: Path | None
    kind: Literal["text", "pdf"]
    gold: dict
    meta: dict = field(default_factory=dict, compare=False, repr=False)


_SOURCE_SUFFIXES = (".pdf", ".txt", ".html", ".htm", ".md", ".png", ".jpg", ".jpeg", ".tif", ".tiff")


def _read_json(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except ValueError as exc:  # a broken gold file is the annotator's to fix: say which
        raise ValueError(f"{path}: {exc}") from exc


def load_gold(gold_dir: str | Path) -> list[GoldDoc]:
    """Every gold document under ``gold_dir``, sorted by name.

    Reads ``DNNN/gold.json`` (+ ``source.txt`` or the PDF named in ``meta.json``, + ``meta.json``) and
    ``NAME.gold.json`` (+ ``NAME.pdf`` or another ``NAME.<ext>``, + ``NAME.meta.json``), at any depth.

    >>> load_gold("/nonexistent")
    []
    """
    root = Path(gold_dir)
    docs: list[GoldDoc] = []
    if not root.is_dir():
        return docs
    for gpath in sorted(root.rglob("*gold.json")):
        if gpath.name == "gold.json":
            folder = gpath.parent
            meta_path = folder / "meta.json"
            meta = _read_json(meta_path) if meta_path.is_file() else {}
            candidates = [folder / "source.txt"]
            if meta.get("pdf"):
                candidates.insert(0, folder / meta["pdf"])
            candidates += sorted(p for p in folder.glob("source.*") if p.suffix.lower() in _SOURCE_SUFFIXES)
            name = folder.relative_to(root).as_posix() if folder != root else folder.name
        elif gpath.name.endswith(".gold.json"):
            stem = gpath.name[: -len(".gold.json")]
            meta_path = gpath.with_name(stem + ".meta.json")
            meta = _read_json(meta_path) if meta_path.is_file() else {}
            candidates = [gpath.with_name(stem + suf) for suf in _SOURCE_SUFFIXES]
            if meta.get("pdf"):
                candidates.insert(0, gpath.with_name(meta["pdf"]))
            name = (gpath.parent.relative_to(root) / stem).as_posix()
        else:
            continue
        source = next((p for p in candidates if p.is_file()), None)
        is_pdf = source.suffix.lower() == ".pdf" if source else bool(meta.get("pdf"))
        kind: Literal["text", "pdf"] = "pdf" if is_pdf else "text"
        docs.append(GoldDoc(name, source, kind, _read_json(gpath), meta))
    return sorted(docs, key=lambda d: d.name)


def gold_document(doc: GoldDoc):
    """The gold as a ``record.Document`` (raises pydantic's ValidationError if a value does not fit).

    >>> gold_document(GoldDoc("x", None, "text", {"doc_type": "extrait", "acts": [{"objet": "Tarifs"}]})).acts[0].objet
    'Tarifs'
    """
    from .record import Act, Document

    acts = [Act.model_validate(a) for a in doc.gold.get("acts", [])]
    return Document(source=str(doc.source or doc.name), doc_type=doc.gold.get("doc_type"), acts=acts)


# --------------------------------------------------------------------------- results


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass
class FieldScore:
    """Counts for one field. Scalars count values, lists count items.

    ``acts``/``right``: paired acts where the gold has the key / where the field is right (accuracy).
    ``gold``: gold values (non-null; items), unpaired gold acts included (recall's denominator).
    ``pred``: predicted values on paired acts; ``pred_extra``: on unpaired predicted acts (both in precision).
    ``tp``: predicted values equal to the gold's. ``invented``: predicted where the gold is null or empty.
    """

    name: str
    kind: str
    acts: int = 0
    right: int = 0
    gold: int = 0
    pred: int = 0
    pred_extra: int = 0
    tp: int = 0
    invented: int = 0

    @property
    def support(self) -> int:
        return self.gold

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.right, self.acts)

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.pred + self.pred_extra)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.gold)

    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.tp, self.gold + self.pred + self.pred_extra)

    def to_dict(self) -> dict:
        d = dataclasses.asdict(self)
        d.update(support=self.support, accuracy=self.accuracy, precision=self.precision,
                 recall=self.recall, f1=self.f1)
        return d


@dataclass
class ActSplit:
    """How well acts were cut: gold acts paired with predicted ones, missed, and extra."""

    gold: int = 0
    pred: int = 0
    matched: int = 0

    @property
    def missed(self) -> int:
        return self.gold - self.matched

    @property
    def extra(self) -> int:
        return self.pred - self.matched

    @property
    def precision(self) -> float | None:
        return _ratio(self.matched, self.pred)

    @property
    def recall(self) -> float | None:
        return _ratio(self.matched, self.gold)

    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.matched, self.gold + self.pred)

    def to_dict(self) -> dict:
        return dict(gold=self.gold, pred=self.pred, matched=self.matched, missed=self.missed,
                    extra=self.extra, precision=self.precision, recall=self.recall, f1=self.f1)


@dataclass
class Mismatch:
    """One wrong field of one act (or a missed / extra act): gold vs predicted, for developers."""

    document: str
    gold_act: int | None  # index in the gold's acts, None for an extra predicted act
    pred_act: int | None  # index in the predicted acts, None for a missed gold act
    field: str  # field path, or "act" for a missed / extra act
    gold: Any
    predicted: Any

    def to_text(self) -> str:
        g = "-" if self.gold_act is None else self.gold_act
        p = "-" if self.pred_act is None else self.pred_act
        where = f"g{g}/p{p}"
        return f"  {where:<9} {self.field:<28} gold={_short(self.gold)}  pred={_short(self.predicted)}"


def _short(v: Any, n: int = 160) -> str:
    s = json.dumps(v, ensure_ascii=False, default=str)
    return s if len(s) <= n else s[: n - 1] + "…"


@dataclass
class DocResult:
    """What happened to one document: status, act counts, pairs, and the fields it got wrong."""

    name: str
    kind: str
    status: Literal["ok", "failed", "skipped"] = "ok"
    error: str | None = None
    gold_acts: int = 0
    pred_acts: int = 0
    matched: int = 0
    all_right: int = 0
    seconds: float | None = None
    pairs: list[tuple[int, int, str]] = field(default_factory=list)  # (gold index, pred index, how)
    mismatches: list[Mismatch] = field(default_factory=list)

    @property
    def wrong_fields(self) -> Counter:
        return Counter(m.field for m in self.mismatches)

    def to_dict(self) -> dict:
        d = dataclasses.asdict(self)
        d["wrong_fields"] = dict(self.wrong_fields)
        return d


@dataclass
class EvalReport:
    """Scores per field, act split, totals and per-document results. ``to_text()`` / ``to_dict()``."""

    fields: dict[str, FieldScore]
    acts: ActSplit
    pages: FieldScore
    per_document: list[DocResult]
    scoring_seconds: float = 0.0
    show_errors: bool = False

    # ---- totals
    @property
    def gold_acts(self) -> int:
        return self.acts.gold

    @property
    def all_right_share(self) -> float | None:
        """Share of gold acts paired and with every scored field right (pages aside)."""
        return _ratio(sum(d.all_right for d in self.per_document), self.acts.gold)

    @property
    def mean_f1(self) -> float | None:
        """Unweighted mean of the fields' F1 (fields with neither gold nor predicted values left out)."""
        f1s = [f.f1 for f in self.fields.values() if f.f1 is not None]
        return sum(f1s) / len(f1s) if f1s else None

    @property
    def totals(self) -> FieldScore:
        """All fields' counts summed (micro): values and items together."""
        t = FieldScore("total", "all")
        for f in self.fields.values():
            for k in ("acts", "right", "gold", "pred", "pred_extra", "tp", "invented"):
                setattr(t, k, getattr(t, k) + getattr(f, k))
        return t

    @property
    def invented_share(self) -> float | None:
        """Invented values as a share of all predicted values scored on paired acts."""
        t = self.totals
        return _ratio(t.invented, t.pred)

    @property
    def failed(self) -> list[DocResult]:
        return [d for d in self.per_document if d.status == "failed"]

    @property
    def skipped(self) -> list[DocResult]:
        return [d for d in self.per_document if d.status == "skipped"]

    @property
    def mismatches(self) -> list[Mismatch]:
        return [m for d in self.per_document for m in d.mismatches]

    def summary(self) -> str:
        """One line: act-split F1, fields mean F1, invented share."""
        return (f"act-split F1 {_fmt(self.acts.f1, 2)} | fields mean F1 {_fmt(self.mean_f1, 2)}"
                f" | invented {_fmt(None if self.invented_share is None else 100 * self.invented_share, 1)} %")

    def to_dict(self) -> dict:
        t = self.totals
        return {
            "summary": self.summary(),
            "acts": self.acts.to_dict(),
            "fields": {k: f.to_dict() for k, f in self.fields.items()},
            "pages": self.pages.to_dict(),
            "totals": {**t.to_dict(), "mean_f1": self.mean_f1, "all_right_share": self.all_right_share,
                       "invented_share": self.invented_share},
            "documents": {
                "count": len(self.per_document),
                "failed": [{"name": d.name, "error": d.error} for d in self.failed],
                "skipped": [d.name for d in self.skipped],
            },
            "per_document": [d.to_dict() for d in self.per_document],
            "scoring_seconds": self.scoring_seconds,
        }

    def to_json(self, **kwargs) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, default=str, **kwargs)

    def to_text(self, *, show_errors: bool | None = None, per_document: bool = True,
                only: Collection[str] | None = None) -> str:
        """An aligned report; the last line is the summary.

        Args:
            show_errors: list every mismatch (gold vs predicted) under its document.
            only: list mismatches of these fields only (e.g. ``{"presents", "act"}``).
        """
        show = self.show_errors if show_errors is None else show_errors
        out: list[str] = []
        if per_document and self.per_document:
            w = max(12, *(len(d.name) for d in self.per_document))
            out.append(f"{'document':<{w}}  kind  status   gold  pred  matched  all-right  fields wrong")
            for d in self.per_document:
                wrong = ", ".join(f"{k}×{n}" if n > 1 else k for k, n in d.wrong_fields.most_common()
                                  if k != "act")
                status = d.status
                out.append(f"{d.name:<{w}}  {d.kind:<4}  {status:<7} {d.gold_acts:>5} {d.pred_acts:>5}"
                           f" {d.matched:>8} {d.all_right:>10}  {wrong}")
                if d.error:
                    out.append(f"{'':<{w}}  error: {d.error}")
                if show:
                    out.extend(m.to_text() for m in d.mismatches if only is None or m.field in only)
            out.append("")
        out.append(f"{'field':<30}{'support':>8}{'acts':>6}{'accuracy':>10}{'precision':>11}"
                   f"{'recall':>8}{'F1':>7}{'invented':>10}")

        def row(name: str, f: FieldScore) -> str:
            return (f"{name:<30}{f.support:>8}{f.acts:>6}{_fmt(f.accuracy):>10}{_fmt(f.precision):>11}"
                    f"{_fmt(f.recall):>8}{_fmt(f.f1):>7}{f.invented:>10}")

        for name, f in self.fields.items():
            out.append(row(name, f))
        if self.pages.acts:
            out.append(f"{'pages (both sides; extra)':<30}{'':>8}{self.pages.acts:>6}{_fmt(self.pages.accuracy):>10}")
        t = self.totals
        out.append("-" * 90)
        out.append(row("all values (micro)", t))
        a = self.acts
        out.append(f"acts: gold {a.gold}, predicted {a.pred}, matched {a.matched}, missed {a.missed},"
                   f" extra {a.extra} -> P {_fmt(a.precision)} R {_fmt(a.recall)} F1 {_fmt(a.f1)}")
        right = sum(d.all_right for d in self.per_document)
        out.append(f"acts with every scored field right: {right}/{a.gold} ({_fmt(self.all_right_share)})")
        out.append(f"invented: {t.invented} of {t.pred} predicted values ({_fmt(self.invented_share)})")
        failed = [d.name for d in self.failed]
        if len(failed) > 12:
            failed = failed[:12] + [f"... ({len(failed) - 12} more)"]
        out.append(f"documents: {len(self.per_document)}, failed {len(self.failed)}, skipped {len(self.skipped)}"
                   + (": " + ", ".join(failed) if failed else ""))
        out.append(self.summary())
        return "\n".join(out)


def _fmt(x: float | None, digits: int = 3) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


# --------------------------------------------------------------------------- scoring


def _get(act: dict, path: str) -> tuple[bool, Any]:
    """(key present, value) for a field path such as 'vote.pour'."""
    if "." not in path:
        return (path in act, act.get(path))
    head, tail = path.split(".", 1)
    if head not in act:
        return (False, None)
    sub = act[head]
    if sub is None:
        return (True, None)
    return (tail in sub, sub.get(tail))


def _as_dict(act: Any) -> dict:
    if isinstance(act, dict):
        return act
    return act.model_dump(mode="json", exclude={"provenance", "warnings", "span"})


def _pred_acts(pred: Any) -> list[dict]:
    if pred is None:
        return []
    acts = pred.get("acts", []) if isinstance(pred, dict) else pred.acts
    return [_as_dict(a) for a in acts]


def pair_acts(gold: Sequence[dict], pred: Sequence[dict]) -> list[tuple[int, int, str]]:
    """Pair gold and predicted acts greedily, best pair first: (gold index, pred index, how).

    A pair needs objet similarity >= 0.5 or an equal numéro; when one side has neither, acts at the
    same position pair. Similarity ranks first, an equal numéro adds 0.5.

    >>> pair_acts([{"objet": "Tarifs cantine"}, {"numero": "2"}],
    ...           [{"numero": "2", "objet": "x"}, {"objet": "tarifs de la cantine"}])
    [(0, 1, 'objet'), (1, 0, 'numero')]
    """
    g_ob = [fold(a.get("objet") or "") for a in gold]
    p_ob = [fold(a.get("objet") or "") for a in pred]
    g_nu = [numero_key(a.get("numero") or "") for a in gold]
    p_nu = [numero_key(a.get("numero") or "") for a in pred]
    cands = []
    for i in range(len(gold)):
        for j in range(len(pred)):
            same_num = bool(g_nu[i]) and g_nu[i] == p_nu[j]
            s = 0.0
            if g_ob[i] and p_ob[j]:
                s = similarity(g_ob[i], p_ob[j], cutoff=0.0 if same_num else PAIR_OBJET)
            if s >= PAIR_OBJET:
                how = "objet+numero" if same_num else "objet"
            elif same_num:
                how = "numero"
            elif i == j and (not (g_ob[i] or g_nu[i]) or not (p_ob[j] or p_nu[j])):
                how = "position"
            else:
                continue
            score = (s if s >= PAIR_OBJET else 0.0) + (0.5 if same_num else 0.0)
            cands.append((-score, abs(i - j), i, j, how))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, i, j, how in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j, "objet" if how == "objet+numero" else how))
    return sorted(pairs)


def _new_fields() -> dict[str, FieldScore]:
    return {name: FieldScore(name, kind) for name, kind in FIELDS.items()}


def _score_doc(gdoc: GoldDoc, pred: Any, fields: dict[str, FieldScore], pages: FieldScore,
               res: DocResult) -> None:
    gold_acts = [a for a in gdoc.gold.get("acts", [])]
    pred_acts = _pred_acts(pred)
    res.gold_acts, res.pred_acts = len(gold_acts), len(pred_acts)
    pairs = pair_acts(gold_acts, pred_acts)
    res.pairs = pairs
    res.matched = len(pairs)
    paired_g = {i for i, _, _ in pairs}
    paired_p = {j for _, j, _ in pairs}
    # fields the document's gold annotates (for extra acts)
    annotated = {name for name in FIELDS for a in gold_acts if _get(a, name)[0]} if gold_acts else set(FIELDS)

    for i, j, _ in pairs:
        g, p = gold_acts[i], pred_acts[j]
        act_right = True
        for name, kind in FIELDS.items():
            present, gv = _get(g, name)
            if not present:
                continue
            _, pv = _get(p, name)
            f = fields[name]
            f.acts += 1
            if kind in LIST_KINDS:
                gl, pl = _list_items(kind, gv), _list_items(kind, pv)
                gi, pi = [k for k, _ in gl], [k for k, _ in pl]
                m = _match_clauses(gi, pi) if kind == "clauses" else _match_exact(gi, pi)
                ok = len(m) == len(gi) == len(pi)
                f.gold += len(gi)
                f.pred += len(pi)
                f.tp += len(m)
                if not gi:
                    f.invented += len(pi)
                if not ok:
                    mg, mp = {a for a, _ in m}, {b for _, b in m}
                    res.mismatches.append(Mismatch(
                        res.name, i, j, name,
                        [raw for k, (_, raw) in enumerate(gl) if k not in mg],
                        [raw for k, (_, raw) in enumerate(pl) if k not in mp]))
            else:
                gn, pn = _scalar(kind, gv), _scalar(kind, pv)
                ok = _scalar_right(kind, gn, pn)
                f.gold += gn is not None
                f.pred += pn is not None
                f.tp += ok and gn is not None
                f.invented += gn is None and pn is not None
                if not ok:
                    res.mismatches.append(Mismatch(res.name, i, j, name, gv, pv))
            f.right += ok
            act_right &= ok
        res.all_right += act_right
        gp, pp = g.get("pages"), p.get("pages")
        if gp and pp:
            pages.acts += 1
            ok = list(gp)[:2] == list(pp)[:2]
            pages.right += ok
            if not ok:
                res.mismatches.append(Mismatch(res.name, i, j, "pages", gp, pp))

    for i, g in enumerate(gold_acts):
        if i in paired_g:
            continue
        res.mismatches.append(Mismatch(res.name, i, None, "act", g.get("objet"), None))
        for name, kind in FIELDS.items():
            present, gv = _get(g, name)
            if not present:
                continue
            if kind in LIST_KINDS:
                fields[name].gold += len(_list_items(kind, gv))
            else:
                fields[name].gold += _scalar(kind, gv) is not None
    for j, p in enumerate(pred_acts):
        if j in paired_p:
            continue
        res.mismatches.append(Mismatch(res.name, None, j, "act", None, p.get("objet")))
        for name in annotated:
            kind = FIELDS[name]
            _, pv = _get(p, name)
            if kind in LIST_KINDS:
                fields[name].pred_extra += len(_list_items(kind, pv))
            else:
                fields[name].pred_extra += _scalar(kind, pv) is not None


def score(pairs: Iterable[tuple[GoldDoc, Any]], *, show_errors: bool = False) -> EvalReport:
    """Score (gold, predicted ``record.Document`` or None) pairs; None means the document failed.

    A predicted document may also be a plain dict ``{"acts": [...]}``. Unpaired gold acts count their
    values as missed (recall); unpaired predicted acts count theirs as wrong (precision).
    """
    t0 = time.perf_counter()
    fields = _new_fields()
    pages = FieldScore("pages", "pages")
    split = ActSplit()
    docs: list[DocResult] = []
    for gdoc, pred in pairs:
        res = DocResult(gdoc.name, gdoc.kind)
        if pred is None:
            res.status = "failed"
            res.error = res.error or "no prediction"
        elif not isinstance(pred, dict) and getattr(pred, "status", "ok") == "failed":
            res.status = "failed"
            errs = getattr(pred, "errors", []) or []
            res.error = "; ".join(f"{e.code}: {e.message}" for e in errs) or "status failed"
        _score_doc(gdoc, pred, fields, pages, res)
        split.gold += res.gold_acts
        split.pred += res.pred_acts
        split.matched += res.matched
        docs.append(res)
    return EvalReport(fields, split, pages, docs, time.perf_counter() - t0, show_errors)


def evaluate_dir(
    gold_dir: str | Path,
    *,
    parse: Callable[[Path], Any] | None = None,
    skip_pdf: bool = False,
    show_errors: bool = False,
) -> EvalReport:
    """Parse every gold document's source with ``parse`` and score the results.

    ``parse(path) -> record.Document``; by default ``delibparse.parse``, imported only when called.
    A document whose parse raises is a failed document (its gold acts all missed); with ``skip_pdf``
    PDFs are not parsed and are reported as skipped (not scored).
    """
    if parse is None:
        from .pipeline import parse as _parse  # the pipeline; imported late on purpose

        parse = _parse
    golds = load_gold(gold_dir)
    results: list[tuple[GoldDoc, Any, str | None, float | None]] = []
    skipped: list[GoldDoc] = []
    for g in golds:
        if skip_pdf and g.kind == "pdf":
            skipped.append(g)
            continue
        t0 = time.perf_counter()
        if g.source is None:
            results.append((g, None, "source file not found", None))
            continue
        try:
            doc = parse(g.source)
            err = None
        except Exception as exc:  # one document must never stop the run
            doc, err = None, f"{type(exc).__name__}: {exc}"
        results.append((g, doc, err, time.perf_counter() - t0))
    report = score(((g, d) for g, d, _, _ in results), show_errors=show_errors)
    for res, (_, _, err, secs) in zip(report.per_document, results):
        res.seconds = secs
        if err:
            res.error = err
    for g in skipped:
        report.per_document.append(DocResult(g.name, g.kind, status="skipped"))
    report.per_document.sort(key=lambda d: d.name)
    return report
