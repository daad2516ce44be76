"""From a source to a ``Document``: read, clean, segment, extract, build, check.

>>> doc = parse_text("COMMUNE DE BRENNE\\nSéance du 12 mars 2024\\nObjet : Tarifs de la cantine\\n"
...                  "Le conseil municipal, après en avoir délibéré, adopte à l'unanimité.")
>>> doc.status, len(doc.acts), doc.acts[0].objet
('ok', 1, 'Tarifs de la cantine')
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

from . import checks
from .clean import Cleaned, clean
from .errors import DelibparseError
from .fields import DOCUMENT_EXTRACTORS, EXTRACTORS
from .fields import nature
from .fields.base import Context, Found
from .layout import Layout
from .record import Act, Document, ErrorItem, Evidence, RecordWarning, Vote
from .segment import ActSpan, Segmentation, printed_number, segment

OcrMode = Literal["auto", "never", "always"]

# fields whose sitting-level value (from the preamble) wins over a value found inside an act
HEAD_FIRST = {"date_seance", "heure_seance", "date_convocation", "president", "secretaire",
              "collectivite", "organe"}
# fields read once from the document's opening, never from an act's body
DOCUMENT_LEVEL = {"collectivite", "organe"}
# fields a sitting preamble gives to every act of the sitting
SITTING = HEAD_FIRST | {"membres_en_exercice", "nb_presents", "nb_votants", "nb_representes",
                        "presents", "absents_excuses", "absents", "pouvoirs",
                        "date_transmission_prefecture", "date_reception_prefecture", "date_publication"}
LISTS = ("presents", "absents_excuses", "absents", "pouvoirs")
# counts a sitting restates between two items when members leave or join
RESTATED = ("nb_presents", "nb_votants", "nb_representes")
# the rule of an explicit "sous la présidence de X" / "présidé par X": inside an act, it names who presided it
OWN_PRESIDENCY = "attendance.president0"
# sitting facts a cut preamble missed are carried from the act that states them to the acts after it
CARRIED = {"date_seance", "heure_seance", "date_convocation", "president", "secretaire"}
_TEXT_SUFFIXES = {".txt", ".text", ".pdf", ".html", ".htm", ".docx", ".odt", ".md", ".csv", ".xml"}


def _looks_like_path(s: str) -> bool:
    if "\n" in s or len(s) > 1024:
        return False
    return os.path.exists(s) or Path(s).suffix.lower() in _TEXT_SUFFIXES


def _read(source: str | os.PathLike | bytes, *, name: str | None, ocr: OcrMode,
          timeout: float | None, max_pages: int | None) -> tuple[Layout, str, str | None]:
    """Return (layout, display name, sha256)."""
    from .reading import read

    if isinstance(source, bytes):
        sha = hashlib.sha256(source).hexdigest()
        return read(source, name=name or "<bytes>", ocr=ocr, timeout=timeout, max_pages=max_pages), name or "<bytes>", sha
    path = os.fspath(source)
    data: bytes | None = None
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        data = None  # the reader raises the coded error (not found, unreadable)
    sha = hashlib.sha256(data).hexdigest() if data is not None else None
    src: Any = data if data is not None else path
    return read(src, name=name or path, ocr=ocr, timeout=timeout, max_pages=max_pages), name or path, sha


def parse(source: str | os.PathLike | bytes, *, name: str | None = None, ocr: OcrMode = "auto",
          timeout: float | None = 120.0, max_pages: int | None = None) -> Document:
    """Parse a file path, raw bytes, or a text (a ``str`` that is not a path) into a ``Document``.

    Raises a coded ``DelibparseError`` (with the file and page) when the source cannot be read;
    ``parse_many`` turns those into failed Documents instead.
    """
    if isinstance(source, str) and not _looks_like_path(source):
        return parse_text(source, name=name or "<text>")
    layout, shown, sha = _read(source, name=name, ocr=ocr, timeout=timeout, max_pages=max_pages)
    return parse_layout(layout, name=shown, sha256=sha)


def warm_up(*, ner: bool = True) -> None:
    """Load lexicons, compile every pattern and (``ner``) load spaCy's model now, for a process that
    will parse many documents or fork workers that will (the batch engine's fork server calls it)."""
    from .fields import attendance

    parse_text("Séance du 3 mars 2024. Objet : Tarifs. Le conseil adopte à l'unanimité.")
    attendance.warm_up()
    if ner:
        from .fields import ner as ner_module

        ner_module._nlp()


def parse_text(text: str, *, name: str = "<text>") -> Document:
    """Parse a text already in memory."""
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return parse_layout(Layout.from_text(text), name=name, sha256=sha)


def parse_many(sources: Iterable[str | os.PathLike | bytes], **options: Any) -> Iterator[Document]:
    """Parse each source; a source that fails gives a ``failed`` Document, never an exception."""
    for src in sources:
        shown = "<bytes>" if isinstance(src, bytes) else os.fspath(src)
        try:
            yield parse(src, **options)
        except DelibparseError as err:
            yield failed_document(shown, err)
        except Exception as err:  # noqa: BLE001 - one bad document never stops the others
            yield failed_document(shown, err)


def failed_document(source: str, err: BaseException) -> Document:
    code = getattr(err, "code", "internal.error")
    status = "needs_ocr" if code == "read.needs_ocr" else "failed"
    msg = getattr(err, "message", None) or f"{type(err).__name__}: {err}"
    return Document(source=source, status=status, errors=[ErrorItem(
        code=code, message=msg, source=getattr(err, "source", None) or source, page=getattr(err, "page", None))])


# ----------------------------------------------------------------------------- extraction


def _run(text: str, start: int, end: int, ctx: Context) -> list[Found]:
    found: list[Found] = []
    if end <= start:
        return found
    for module in EXTRACTORS:
        try:
            found.extend(module.extract(text, start, end, ctx))
        except Exception as err:  # noqa: BLE001 - an extractor bug must not lose the document
            found.append(Found("_error", f"{module.__name__}: {type(err).__name__}: {err}", start, start, "pipeline"))
    return found


def _best(found: list[Found]) -> dict[str, Found]:
    """Per field, the candidate with the highest score (first in text order on ties)."""
    best: dict[str, Found] = {}
    for f in found:
        cur = best.get(f.field)
        if cur is None or f.score > cur.score:
            best[f.field] = f
    return best


def _year_hint(text: str, seg: Segmentation) -> int | None:
    import regex as re

    years = [int(y) for y in re.findall(r"\b(19[89]\d|20[0-4]\d)\b", text[: max(seg.head[1], 3000)])]
    if not years:
        return None
    return max(set(years), key=years.count)


def parse_layout(layout: Layout, *, name: str, sha256: str | None = None) -> Document:
    """Clean, segment and extract a read ``Layout``."""
    doc = Document(source=name, sha256=sha256, format=layout.format, pages=layout.n_pages,
                   ocr_confidence=layout.ocr_confidence)
    for page, code, message in layout.page_warnings:
        doc.warnings.append(RecordWarning(code=code, message=(f"page {page}: " if page else "") + message))
    cleaned = clean(layout.text)
    text = cleaned.text
    seg = segment(text)
    ctx = Context(year=_year_hint(text, seg), region="head")
    head = _run(text, seg.head[0], seg.head[1], ctx)
    # the deliberating body is named in the document's opening, whatever the segmentation
    head = [f for f in head if f.field not in DOCUMENT_LEVEL]
    for module in DOCUMENT_EXTRACTORS:
        head += module.extract(text, 0, min(len(text), max(seg.head[1], 4000)), ctx)
    head_best = _best(head)
    if "date_seance" in head_best:
        ctx.date_seance = head_best["date_seance"].value
        ctx.year = getattr(ctx.date_seance, "year", ctx.year)
    errors = [f for f in head if f.field == "_error"]
    tail_best = _tail_stamps(text, seg, ctx)
    presents_now: list[str] | None = None
    carried: dict[str, Found] = {}
    standing: dict[str, Found] = {}
    schedule = [f for f in head if f.field == "_event.schedule"]
    for rank, span in enumerate(seg.acts, 1):
        actx = Context(year=ctx.year, date_seance=ctx.date_seance, region="act")
        found = head if seg.single else _run(text, span.start, span.end, actx)
        if not seg.single:
            errors += [f for f in found if f.field == "_error"]
        own = _best([f for f in found if f.field not in DOCUMENT_LEVEL])
        chosen: dict[str, Found] = {}
        for field in set(own) | set(head_best):
            if field.startswith("_"):
                continue
            h, a = head_best.get(field), own.get(field)
            if field in HEAD_FIRST:
                chosen[field] = h or a  # type: ignore[assignment]
                if field == "president" and a is not None and h is not None and a.value != h.value \
                        and a.rule == OWN_PRESIDENCY:
                    chosen[field] = a  # "sous la présidence de M. X" inside the act (the compte administratif)
            elif field in LISTS and h is not None and a is not None and len(a.value or []) < 2 <= len(h.value or []):
                chosen[field] = h  # a stray name or two in the act's body does not replace the sitting's list
            elif a is not None:
                chosen[field] = a
            elif h is not None and (field in SITTING or seg.single):
                chosen[field] = h
        for field, f in tail_best.items():
            chosen.setdefault(field, f)
        for field in CARRIED:
            if field in chosen and field not in head_best:
                carried[field] = chosen[field]
            elif field not in chosen and field in carried:
                chosen[field] = carried[field]
        # counts restated before an item's heading ("M. X quitte la séance. Présents : 15 – Votants : 16")
        # stand for the items after it, until restated again
        heading = span.objet_start if span.objet_start is not None else span.numero_start
        for field in RESTATED:
            f = own.get(field)
            if f is not None and heading is not None and span.start <= f.start < heading:
                standing[field] = f
            elif f is None and field in standing:
                chosen[field] = standing[field]
        if span.date_span:  # a list of acts gives each act its own date
            row_date = _row_date(text, span.date_span)
            if row_date is not None:
                chosen["date_seance"] = row_date
        # members present only for some items ("(à compter de la délibération n°3)")
        if schedule and not seg.single:
            _schedule(chosen, schedule, rank)
        # attendance changes recorded inside the act (departures, arrivals, not taking part)
        events = [f for f in found if f.field.startswith("_event.") and f.field != "_event.schedule"] if not seg.single else []
        act = _build(span, chosen, cleaned, layout)
        if "presents" not in own or seg.single:
            base = presents_now if presents_now is not None else act.presents
            if events and base:
                act.presents = _apply_events(base, events)
                presents_now = [p for p in act.presents]
                act.provenance["presents"] = _evidence(events[-1], cleaned, layout, "attendance.events")
            elif presents_now is not None:
                act.presents = list(presents_now)
        doc.acts.append(act)
    for act in doc.acts:
        s0, e0 = act.span or (0, len(layout.text))
        act.nature = nature.classify(layout.text[s0:e0], identifiant=act.identifiant_actes)  # type: ignore[assignment]
    if seg.single and doc.acts and _not_an_act(doc.acts[0]):
        doc.acts = []  # an annex, a report, a letter: no record is forced out of it
    for err in errors:
        doc.errors.append(ErrorItem(code="extract.internal", message=str(err.value), source=name))
    if not doc.acts:
        doc.status = "no_act"
        doc.warnings.append(RecordWarning(code="document.no_act", message=(
            "no deliberation found: no act heading, sitting date, vote or decision in the text")))
    elif doc.errors:
        doc.status = "partial"
    for act in doc.acts:
        act.warnings.extend(checks.run(act))
    return doc


STAMPS = ("date_transmission_prefecture", "date_reception_prefecture", "date_publication")


def _tail_stamps(text: str, seg: Segmentation, ctx: Context) -> dict[str, Found]:
    """Transmission and publication dates stated after the last act of minutes ("Délibérations transmises
    en préfecture le 13 juin 2024 et publiées le 14 juin"): they date every act that states none."""
    from .fields import dates

    s, e = seg.tail
    if seg.single or e - s < 20:
        return {}
    best = _best(dates.extract(text, s, e, Context(year=ctx.year, date_seance=ctx.date_seance, region="tail")))
    return {k: best[k] for k in STAMPS if k in best}


def _row_date(text: str, where: tuple[int, int]) -> Found | None:
    from .fields.dates import find_dates

    found = find_dates(text, where[0], where[1])
    if not found:
        return None
    d = found[0]
    return Found("date_seance", d.value, d.start, d.end, "segment.row_date", 1.0)


def _not_an_act(act: Act) -> bool:
    """A lone 'act' with no sitting date, no number, no vote outcome and no decision is no act at all."""
    return (act.date_seance is None and act.numero is None and act.vote.issue is None
            and not act.decisions and act.nature == "deliberation")


def _schedule(chosen: dict[str, Found], schedule: list[Found], rank: int) -> None:
    from .fields import attendance

    apply = getattr(attendance, "apply_schedule", None)
    if apply is None:
        return
    lists = {k: list(chosen[k].value) if k in chosen and chosen[k] is not None else [] for k in LISTS}
    new = apply(lists, schedule, rank)
    for k in LISTS:
        if new.get(k) != lists[k]:
            old = chosen.get(k) or schedule[0]
            chosen[k] = Found(k, new[k], old.start, old.end, "attendance.schedule", old.score)


def _apply_events(presents: list[str], events: list[Found]) -> list[str]:
    from .fields import attendance

    apply = getattr(attendance, "apply_events", None)
    return apply(presents, events) if apply else list(presents)


def _evidence(f: Found, cleaned: Cleaned, layout: Layout, rule: str | None = None) -> Evidence:
    s, e = cleaned.to_source(f.start), cleaned.to_source(f.end)
    if e < s:
        e = s
    page, box = layout.locate(s, e)
    return Evidence(start=s, end=e, text=layout.text[s:e][:500], rule=rule or f.rule, page=page, box=box)


_VOTE_FIELDS = set(Vote.model_fields)
_ACT_FIELDS = set(Act.model_fields)


def _build(span: ActSpan, chosen: dict[str, Found], cleaned: Cleaned, layout: Layout) -> Act:
    values: dict[str, Any] = {}
    prov: dict[str, Evidence] = {}
    if span.numero:
        values["numero"] = span.numero
        if span.numero_start is not None:
            prov["numero"] = _evidence(Found("numero", span.numero, span.numero_start, span.numero_end or span.numero_start, span.rule), cleaned, layout)
    ident = chosen.get("identifiant_actes")
    if not span.numero and ident is not None:  # the number printed as the @ctes identifier carries it
        hit = printed_number(cleaned.text, span.start, span.end, ident.value)
        if hit:
            values["numero"] = cleaned.text[hit[0] : hit[1]]
            prov["numero"] = _evidence(Found("numero", values["numero"], *hit, "segment.actes_id"), cleaned, layout)
    if span.objet:
        values["objet"] = span.objet
        prov["objet"] = _evidence(Found("objet", span.objet, span.objet_start or span.start, span.objet_end or span.start, span.rule), cleaned, layout)
    vote: dict[str, Any] = {}
    for field, f in chosen.items():
        if f is None:
            continue
        if field.startswith("vote."):
            if field[5:] in _VOTE_FIELDS:
                vote[field[5:]] = f.value
                prov[field] = _evidence(f, cleaned, layout)
            continue
        if "[" in field:  # one clause of a list: "decisions[2]" keeps its own place in the source
            prov[field] = _evidence(f, cleaned, layout)
            continue
        if field not in _ACT_FIELDS or field in values:
            continue
        values[field] = f.value
        prov[field] = _evidence(f, cleaned, layout)
    if vote:
        values["vote"] = vote
    end = span.end
    while end > span.start and cleaned.text[end - 1].isspace():
        end -= 1  # the blank lines (and removed page headers) before the next act are not this act's
    values["span"] = (cleaned.to_source(span.start), cleaned.to_source(end))
    values["pages"] = layout.page_range(*values["span"])
    values["provenance"] = prov
    return _validate(values)


def _validate(values: dict[str, Any]) -> Act:
    """Validate; a value the model rejects is dropped (with a warning), never the whole act."""
    from pydantic import ValidationError

    dropped: list[str] = []
    for _ in range(12):
        try:
            act = Act.model_validate(values)
            break
        except ValidationError as err:
            for e in err.errors():
                loc = [str(x) for x in e["loc"]]
                if loc and loc[0] == "vote" and len(loc) > 1 and isinstance(values.get("vote"), dict):
                    values["vote"].pop(loc[1], None)
                    values["provenance"].pop("vote." + loc[1], None)
                    dropped.append("vote." + loc[1])
                elif loc:
                    values.pop(loc[0], None)
                    values["provenance"].pop(loc[0], None)
                    dropped.append(loc[0])
    else:  # pragma: no cover - defensive
        act = Act()
    for field in dropped:
        act.warnings.append(RecordWarning(code="extract.invalid_value", field=field,
                                          message=f"a value found for {field} was not valid and was dropped"))
    return act
