"""The record: what delibparse emits, one ``Act`` per deliberation inside a ``Document``.

Every fact of an act uses the field names of the gold schema (``objet``, ``date_seance``,
``vote.pour``, ``presents`` ...), so a gold file validates as a partial record. Values stay
plain; where each came from lives beside them in ``provenance`` (field path -> ``Evidence``),
and what the document contradicts lives in ``warnings``.

>>> act = Act(objet="Budget primitif 2024", vote=Vote(pour=12, unanimite=False))
>>> act.vote.pour
12
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Organe = Literal[
    "conseil municipal",
    "conseil communautaire",
    "comité syndical",
    "conseil départemental",
    "conseil régional",
    "commission permanente",
    "conseil d'administration",
    "bureau",
    "autre",
]
Issue = Literal["adopte", "rejete", "sans_vote"]
Status = Literal["ok", "partial", "failed", "no_act", "needs_ocr"]
Nature = Literal["deliberation", "arrete", "decision", "autre"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Box(_Model):
    """A rectangle on a page, in PDF points from the top-left corner (pdfplumber's convention)."""

    x0: float
    top: float
    x1: float
    bottom: float


class Evidence(_Model):
    """Where a value came from: character offsets in the document text, the text itself, the rule."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    rule: str
    page: int | None = Field(default=None, ge=1, description="1-based page, for paged sources")
    box: Box | None = None


class RecordWarning(_Model):
    """A coded finding about the document: inconsistent counts, missing quorum, dates out of order ..."""

    code: str = Field(description="stable code, e.g. 'vote.sum_mismatch'")
    message: str
    field: str | None = None


class Pouvoir(_Model):
    """A proxy: ``de`` gave power to ``a``."""

    de: str
    a: str | None = None


class Vote(_Model):
    pour: int | None = Field(default=None, ge=0)
    contre: int | None = Field(default=None, ge=0)
    abstention: int | None = Field(default=None, ge=0)
    unanimite: bool | None = None
    issue: Issue | None = None
    # beyond the gold schema
    nppv: int | None = Field(default=None, ge=0, description="ne prend pas part au vote")
    unanimite_qualificatif: str | None = Field(
        default=None, description="e.g. 'des membres présents', 'des suffrages exprimés'"
    )
    noms_contre: list[str] = Field(default_factory=list)
    noms_abstention: list[str] = Field(default_factory=list)


class Act(_Model):
    """One deliberation. Field names follow ../shared/corpus/GOLD_SCHEMA.md."""

    numero: str | None = None
    objet: str | None = None
    collectivite: str | None = None
    organe: Organe | None = None
    date_seance: dt.date | None = None
    heure_seance: str | None = Field(default=None, pattern=r"^\d{2}:\d{2}$")
    date_convocation: dt.date | None = None
    president: str | None = None
    secretaire: str | None = None
    membres_en_exercice: int | None = Field(default=None, ge=0)
    nb_presents: int | None = Field(default=None, ge=0)
    nb_votants: int | None = Field(default=None, ge=0)
    presents: list[str] = Field(default_factory=list)
    absents_excuses: list[str] = Field(default_factory=list)
    absents: list[str] = Field(default_factory=list)
    pouvoirs: list[Pouvoir] = Field(default_factory=list)
    vote: Vote = Field(default_factory=Vote)
    visas: list[str] = Field(default_factory=list)
    considerants: list[str] = Field(default_factory=list)
    decisions: list[str] = Field(default_factory=list)
    date_transmission_prefecture: dt.date | None = None
    date_reception_prefecture: dt.date | None = None
    date_publication: dt.date | None = None
    identifiant_actes: str | None = None
    # beyond the gold schema
    nb_representes: int | None = Field(default=None, ge=0)
    nature: Nature = "deliberation"
    pages: list[int] | None = Field(default=None, description="[first, last], 1-based, for paged sources")
    span: tuple[int, int] | None = Field(default=None, description="[start, end) of the act in the text")
    provenance: dict[str, Evidence] = Field(default_factory=dict)
    warnings: list[RecordWarning] = Field(default_factory=list)


class ErrorItem(_Model):
    """A structured error: what failed, where (file, page), with a stable code."""

    code: str
    message: str
    source: str | None = None
    page: int | None = None


class Document(_Model):
    """The result of parsing one source: its status, errors and the acts found."""

    source: str
    sha256: str | None = None
    format: str | None = None
    status: Status = "ok"
    doc_type: str | None = None
    pages: int | None = None
    ocr_confidence: float | None = None
    acts: list[Act] = Field(default_factory=list)
    errors: list[ErrorItem] = Field(default_factory=list)
    warnings: list[RecordWarning] = Field(default_factory=list)
    schema_version: str = SCHEMA_VERSION


def json_schema() -> dict:
    """The JSON Schema of ``Document`` (with ``Act`` and friends in ``$defs``)."""
    return Document.model_json_schema()
