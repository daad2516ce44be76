"""SCDL Délibérations 2.1.5: the vendored schema, the ACTES labels, the record -> row mapping and an
offline validator (Table Schema checks + the 11 Validata custom checks of DOMAIN.md §1.3).

The SCDL file is an export *view* of the record. ``row_from_act`` maps one act to one row and never
invents a value: COLL_SIRET, DELIB_MATIERE_*, PREF_ID and DELIB_URL only come from ``ScdlOptions``
(command-line options or a small YAML file), because a deliberation's text rarely states them.

>>> matiere_nom("7.1.6")
'Finances locales/Décisions budgétaires'
>>> [i.check for i in check_row({"COLL_SIRET": "21590355000015", "VOTE_REEL": "10",
...     "VOTE_POUR": "8", "VOTE_CONTRE": "1", "VOTE_ABSTENTION": "0"})]
['french-siret-value', 'cohesive-columns-value', 'sum-columns-value']
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

SCHEMA_FILE = "deliberations-2.1.5.schema.json"
MATIERES_FILE = "actes-matieres.csv"


# --------------------------------------------------------------------------- vendored data


@functools.cache
def schema() -> dict:
    """The vendored Table Schema of SCDL Délibérations 2.1.5 (17 fields, ``custom_checks``)."""
    text = resources.files("delibparse").joinpath("data", "scdl", SCHEMA_FILE).read_text("utf-8")
    return json.loads(text)


@functools.cache
def columns() -> tuple[str, ...]:
    """The 17 SCDL column names, in file order.

    >>> columns()[:3], len(columns())
    (('COLL_NOM', 'COLL_SIRET', 'DELIB_ID'), 17)
    """
    return tuple(f["name"] for f in schema()["fields"])


@dataclasses.dataclass(frozen=True, slots=True)
class Matiere:
    code: str
    level: int
    label_official: str  # as published in the ACTES classification (typos kept: "pourvoirs")
    label: str  # accented, SCDL-safe spelling (no comma, parenthesis or slash)


@functools.cache
def matieres() -> dict[str, Matiere]:
    """ACTES levels 1-2, code -> ``Matiere`` (9 level-1 + 57 level-2 entries)."""
    text = resources.files("delibparse").joinpath("data", "scdl", MATIERES_FILE).read_text("utf-8")
    rows = csv.DictReader(line for line in io.StringIO(text) if not line.startswith("#"))
    return {
        r["code"]: Matiere(r["code"], int(r["level"]), r["label_official"].strip(), r["label"])
        for r in rows
    }


def level2(code: str | None) -> str | None:
    """The level-2 code of an ACTES code of any depth ('7.1.6' -> '7.1'); None if not a code.

    >>> level2("7.10.2"), level2("8"), level2("2.0 commission")
    ('7.10', None, None)
    """
    if not code or not re.fullmatch(r"\d(?:\.\d{1,2}){1,4}", code.strip()):
        return None
    return ".".join(code.strip().split(".")[:2])


def matiere_nom(code: str | None) -> str | None:
    """DELIB_MATIERE_NOM for a code: '<level-1 label>/<level-2 label>' (None for an unknown code)."""
    code2 = level2(code)
    table = matieres()
    if code2 is None or code2 not in table:
        return None
    return f"{table[code2.split('.')[0]].label}/{table[code2].label}"


# --------------------------------------------------------------------------- custom checks


@dataclasses.dataclass(frozen=True, slots=True)
class Issue:
    """One failed check on one row (``row`` is 1-based over data rows; 0 for a file-level issue)."""

    row: int
    check: str
    column: str | None
    message: str

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


NOMENCLATURE_LEVEL1 = (
    "Commande publique",
    "Urbanisme",
    "Domaine et patrimoine",
    "Fonction publique",
    "Institutions et vie politique",
    "Libertés publiques et pouvoirs de police",
    "Finances locales",
    "Domaines de compétences par thèmes",
    "Autres domaines de compétences",
)


def _norm(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s.lower()) if unicodedata.category(c) != "Mn")


def _siret_ok(value: str) -> bool:
    try:
        from stdnum.fr import siret  # the library Validata uses
    except ImportError:  # pragma: no cover - fallback when python-stdnum is absent
        digits = value.strip()
        if not re.fullmatch(r"\d{14}", digits):
            return False
        total = 0
        for i, ch in enumerate(reversed(digits)):
            d = int(ch) * (2 if i % 2 else 1)
            total += d - 9 if d > 9 else d
        return total % 10 == 0 or (digits.startswith("356000000") and sum(map(int, digits)) % 5 == 0)
    return bool(siret.is_valid(value))


def check_french_siret(value: str) -> str | None:
    """french-siret-value: a SIRET checksum (python-stdnum), not only 14 digits.

    >>> check_french_siret("21590355000014") is None, check_french_siret("21590355000015")
    (True, "'21590355000015' n'est pas un numéro SIRET valide")
    """
    return None if _siret_ok(value) else f"{value!r} n'est pas un numéro SIRET valide"


def check_year_interval(value: str, *, allow_year_only: bool = True) -> str | None:
    """year-interval-value: 'YYYY' (if allowed) or 'YYYY/YYYY' with the second year after the first.

    >>> check_year_interval("2023/2024"), check_year_interval("2024/2023") is not None
    (None, True)
    """
    m = re.fullmatch(r"(\d{4})(?:/(\d{4}))?", value)
    if not m:
        return f"{value!r} n'est pas une année ou un intervalle d'années"
    if m.group(2) is None:
        return None if allow_year_only else f"{value!r} : un intervalle AAAA/AAAA est attendu"
    if int(m.group(2)) <= int(m.group(1)):
        return f"{value!r} : la seconde année doit être postérieure à la première"
    return None


def check_nomenclature_actes(value: str) -> str | None:
    """nomenclature-actes-value, as validata-core does it: a '/', a known level-1 label before the
    first '/' (case and accents ignored), no space before the slash and no '/ ' anywhere.

    >>> check_nomenclature_actes("Commande Publique/Transactions /protocole d accord") is None
    True
    >>> check_nomenclature_actes("Finances locales / Subventions")
    "le signe oblique ne doit pas être précédé ni suivi d'espace"
    """
    if "/" not in value:
        return "le signe oblique « / » est manquant"
    head = value[: value.find("/")]
    known = {_norm(v) for v in NOMENCLATURE_LEVEL1}
    if _norm(head) in known and "/ " not in value:
        return None
    if _norm(head.rstrip()) in known or "/ " in value:
        return "le signe oblique ne doit pas être précédé ni suivi d'espace"
    return f"le préfixe de nomenclature Actes {head!r} n'est pas reconnu"


def _comparable(value: str) -> Any:
    v = value.strip()
    try:
        return float(v.replace(",", "."))
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        return v


_OPS = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    "==": lambda a, b: a == b,
    ">=": lambda a, b: a >= b,
    ">": lambda a, b: a > b,
}


def _cell(row: Mapping[str, Any], column: str) -> str:
    v = row.get(column)
    return "" if v is None else str(v).strip()


def run_custom_check(name: str, params: Mapping[str, Any], row: Mapping[str, Any]) -> str | None:
    """Run one ``custom_checks`` entry on one row (cells as strings); the error message or None.

    Single-column checks skip empty cells and missing columns; compare/sum skip a row where any
    involved cell is empty; cohesive-columns wants all cells filled or all empty (validata-core).
    """
    col = params.get("column", "")
    value = _cell(row, col)
    if name in ("french-siret-value", "siret"):
        return check_french_siret(value) if value else None
    if name == "year-interval-value":
        allow = str(params.get("allow-year-only", "no")).lower() in ("yes", "true", "1")
        return check_year_interval(value, allow_year_only=allow) if value else None
    if name in ("nomenclature-actes-value", "nomenclature-acte"):
        return check_nomenclature_actes(value) if value else None
    if name == "cohesive-columns-value":
        cols = [col, *params.get("othercolumns", [])]
        filled = [c for c in cols if _cell(row, c)]
        if filled and len(filled) != len(cols):
            empty = [c for c in cols if c not in filled]
            return f"colonnes liées : {', '.join(filled)} renseigné(s) mais {', '.join(empty)} vide(s)"
        return None
    if name == "compare-columns-value":
        other, op = params.get("column2", ""), params.get("op", "==")
        a, b = value, _cell(row, other)
        if not a or not b or op not in _OPS:
            return None
        ca, cb = _comparable(a), _comparable(b)
        if type(ca) is not type(cb):
            return None
        return None if _OPS[op](ca, cb) else f"{col} ({a}) doit être {op} {other} ({b})"
    if name == "sum-columns-value":
        parts = [_cell(row, c) for c in params.get("columns", [])]
        if not value or not all(parts):
            return None
        try:
            total, wanted = sum(int(p) for p in parts), int(value)
        except ValueError:
            return None
        if total != wanted:
            names = " + ".join(params.get("columns", []))
            return f"{col} ({wanted}) doit être égal à {names} ({total})"
        return None
    return None


# --------------------------------------------------------------------------- Table Schema checks


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INT = re.compile(r"[+-]?\d+")
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S+")


def check_field(field: Mapping[str, Any], value: str) -> str | None:
    """Table Schema check of one cell (required, type, pattern, format), pure Python.

    >>> check_field({"name": "DELIB_DATE", "type": "date"}, "13/02/2024")
    "type date : '13/02/2024' n'est pas au format AAAA-MM-JJ"
    """
    cons = field.get("constraints", {})
    if value == "":
        return "valeur obligatoire manquante" if cons.get("required") else None
    kind = field.get("type", "string")
    if kind == "date":
        try:
            if not _DATE.fullmatch(value):
                raise ValueError
            dt.date.fromisoformat(value)
        except ValueError:
            return f"type date : {value!r} n'est pas au format AAAA-MM-JJ"
    elif kind == "integer" and not _INT.fullmatch(value):
        return f"type integer : {value!r} n'est pas un entier"
    if "pattern" in cons and not re.fullmatch(cons["pattern"], value):
        return f"{value!r} ne respecte pas le motif {cons['pattern']}"
    if field.get("format") == "uri" and not _URI.fullmatch(value):
        return f"{value!r} n'est pas une URI"
    return None


def check_row(row: Mapping[str, Any], *, row_number: int = 1, table_schema: bool = False) -> list[Issue]:
    """Every failed check of one row: the 11 custom checks, and the Table Schema cell checks
    when ``table_schema`` is true."""
    sch = schema()
    issues: list[Issue] = []
    if table_schema:
        for field in sch["fields"]:
            msg = check_field(field, _cell(row, field["name"]))
            if msg:
                issues.append(Issue(row_number, "table-schema", field["name"], msg))
    for chk in sch["custom_checks"]:
        msg = run_custom_check(chk["name"], chk["params"], row)
        if msg:
            issues.append(Issue(row_number, chk["name"], chk["params"].get("column"), msg))
    return issues


# --------------------------------------------------------------------------- reading an SCDL CSV


@dataclasses.dataclass(slots=True)
class Report:
    """The outcome of validating one SCDL CSV."""

    path: str
    rows: int = 0
    delimiter: str = ","
    engine: str = "python"
    issues: list[Issue] = dataclasses.field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.issues

    @property
    def invalid_rows(self) -> list[int]:
        return sorted({i.row for i in self.issues if i.row > 0})

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "valid": self.valid,
            "rows": self.rows,
            "invalid_rows": len(self.invalid_rows),
            "delimiter": self.delimiter,
            "engine": self.engine,
            "issues": [i.as_dict() for i in self.issues],
        }


def _sniff_delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") > header_line.count(",") else ","


def read_csv(path: str | Path) -> tuple[list[str], Iterator[dict[str, str]], str]:
    """Open an SCDL CSV as written in the wild: UTF-8 with or without BOM (Latin-1 fallback),
    ',' or ';'. Returns (header, row iterator, delimiter). Fully empty rows are skipped."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    first = text.split("\n", 1)[0]
    delim = _sniff_delimiter(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    header = [h.strip() for h in next(reader, [])]

    def rows() -> Iterator[dict[str, str]]:
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            yield dict(zip(header, cells))

    return header, rows(), delim


def _frictionless_issues(path: Path) -> list[Issue] | None:
    """Table Schema validation by frictionless (None when it is not installed)."""
    try:
        import frictionless
    except ImportError:
        return None
    desc = {k: v for k, v in schema().items() if k != "custom_checks"}
    res = frictionless.Resource(
        path=path.name,
        basepath=str(path.parent.resolve()),
        schema=frictionless.Schema.from_descriptor(desc),
        dialect=frictionless.Dialect(descriptor={"csv": {"delimiter": ","}}),
        encoding="utf-8",
    )
    report = frictionless.validate(res, limit_errors=100_000)
    out: list[Issue] = []
    for task in report.tasks:
        for err in task.errors:
            row = getattr(err, "row_number", None) or 0
            note = getattr(err, "note", "") or err.message
            out.append(Issue(max(row - 1, 0), f"table-schema/{err.type}", getattr(err, "field_name", None), note))
    return out


def validate_csv(path: str | Path, *, use_frictionless: bool = True) -> Report:
    """Validate an SCDL Délibérations CSV offline: header (17 columns, schema order), CSV
    conventions (comma), Table Schema checks (frictionless when installed, else pure Python) and
    the 11 custom checks. Row numbers count data rows from 1."""
    path = Path(path)
    header, rows, delim = read_csv(path)
    report = Report(str(path), delimiter=delim)
    cols = list(columns())
    if delim != ",":
        report.issues.append(Issue(0, "invalid-column-delimiter", None, f"séparateur {delim!r}, ',' attendu"))
    if header != cols:
        missing = [c for c in cols if c not in header]
        extra = [h for h in header if h not in cols]
        msg = "en-tête différent du schéma"
        if missing:
            msg += f"; manquantes : {', '.join(missing)}"
        if extra:
            msg += f"; en trop : {', '.join(repr(e) for e in extra)}"
        if not missing and not extra:
            msg += " (ordre des colonnes)"
        report.issues.append(Issue(0, "header", None, msg))
    base = _frictionless_issues(path) if (use_frictionless and delim == "," and header == cols) else None
    report.engine = "frictionless" if base is not None else "python"
    for n, row in enumerate(rows, start=1):
        report.rows = n
        report.issues.extend(check_row(row, row_number=n, table_schema=base is None))
    if base:
        report.issues.extend(base)
    report.issues.sort(key=lambda i: (i.row, i.column or "", i.check))
    return report


# --------------------------------------------------------------------------- record -> row


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class ScdlOptions:
    """What the text does not say and the publisher must give (never guessed).

    ``delib_url`` is a template with ``{numero}``, ``{date}``, ``{source_name}``, ``{sha256}``.
    ``collectivites`` maps an extracted ``collectivite`` to overrides of the other keys.
    ``matieres`` maps a DELIB_ID to an ACTES code; ``matiere_code`` applies to every other act.
    """

    coll_nom: str | None = None
    coll_siret: str | None = None
    pref_id: str | None = None
    delib_url: str | None = None
    matiere_code: str | None = None
    matieres: Mapping[str, str] = dataclasses.field(default_factory=dict)
    collectivites: Mapping[str, Mapping[str, Any]] = dataclasses.field(default_factory=dict)
    commune_prefix: bool = True

    @classmethod
    def from_config(cls, data: Mapping[str, Any] | None, **overrides: Any) -> ScdlOptions:
        """Build from a parsed YAML mapping; keyword overrides (command-line options) win when set."""
        data = dict(data or {})
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown SCDL config keys: {', '.join(sorted(unknown))}")
        for k, v in overrides.items():
            if v is not None:
                data[k] = v
        for k in ("coll_siret", "matiere_code"):
            if data.get(k) is not None:
                data[k] = str(data[k])
        data["matieres"] = {str(k): str(v) for k, v in (data.get("matieres") or {}).items()}
        for code in [data.get("matiere_code"), *data["matieres"].values()]:
            if code is not None and matiere_nom(code) is None:
                raise ValueError(f"unknown ACTES matière code {code!r} (levels 1-2 run from 1.1 to 9.4)")
        return cls(**data)


_BODY_WORDS = re.compile(
    r"""(?xi)^(?:commune|ville|mairie|communaut[ée]|m[ée]tropole|syndicat|sivu|sivom|sm|
        d[ée]partement|r[ée]gion|conseil|centre|ccas|cias|[ée]tablissement|pays|p[ôo]le|
        agglom[ée]ration|collectivit[ée]|office|eptb?|petr|cc|ca|cu)\b"""
)


def coll_nom(collectivite: str | None, organe: str | None, *, commune_prefix: bool = True) -> str | None:
    """COLL_NOM from the record. The gold convention stores a commune by its bare name; SCDL wants
    the official body name ("Ville de Poitiers"), so a conseil municipal's bare name becomes
    "Commune de X" ("d'" before a vowel, "du"/"des" for Le/Les). Other bodies keep their full name.

    >>> coll_nom("Lezennes", "conseil municipal"), coll_nom("Arles", "conseil municipal")
    ('Commune de Lezennes', "Commune d'Arles")
    >>> coll_nom("Communauté de communes du Pays de Lumbres", "conseil communautaire")
    'Communauté de communes du Pays de Lumbres'
    """
    if not collectivite:
        return None
    name = " ".join(collectivite.split())
    if not commune_prefix or organe != "conseil municipal" or _BODY_WORDS.match(name):
        return name
    m = re.match(r"(?i)(les?)\s+(.+)", name)  # "Le Havre" -> "du Havre", "Les Ulis" -> "des Ulis"
    if m:
        return f"Commune {'du' if m.group(1).lower() == 'le' else 'des'} {m.group(2)}"
    first = unicodedata.normalize("NFD", name[:1])[:1].lower()
    return f"Commune d'{name}" if first in "aeiouy" else f"Commune de {name}"


def _iso(value: Any) -> str:
    if value is None or value == "":
        return ""
    return value.isoformat() if isinstance(value, dt.date) else str(value)[:10]


def _num(value: Any) -> str:
    return "" if value is None else str(int(value))


_IDACTE = re.compile(r"^(?:\d{2}[0-9AB]|\d{3})-\d{9}-\d{8}-(?P<num>.+)-(?:DE|AR|AI|CC|BF|AU)$")


def vote_columns(act: Mapping[str, Any]) -> dict[str, str]:
    """VOTE_* columns from the record (see docs/batch.md for the mapping).

    - VOTE_EFFECTIF = membres_en_exercice.
    - VOTE_POUR/CONTRE/ABSTENTION = the stated counts.
    - "à l'unanimité" with nb_votants known and no count stated: POUR = votants - stated
      abstentions, CONTRE = 0, ABSTENTION = stated or 0; not when the unanimity is only "des
      suffrages exprimés" and abstentions are not stated (there may be some).
    - VOTE_REEL = POUR + CONTRE + ABSTENTION when all three are known (the SCDL sum rule).

    >>> vote_columns({"membres_en_exercice": 23, "nb_votants": 21, "vote": {"unanimite": True}})
    {'VOTE_EFFECTIF': '23', 'VOTE_REEL': '21', 'VOTE_POUR': '21', 'VOTE_CONTRE': '0', 'VOTE_ABSTENTION': '0'}
    """
    vote = act.get("vote") or {}
    pour, contre, abst = vote.get("pour"), vote.get("contre"), vote.get("abstention")
    votants = act.get("nb_votants")
    if vote.get("unanimite") and votants is not None and pour is None and not contre:
        qual = _norm(vote.get("unanimite_qualificatif") or "")
        if abst is not None or "exprim" not in qual:
            abst = abst or 0
            if votants >= abst:
                pour, contre = votants - abst, 0
    reel = pour + contre + abst if pour is not None and contre is not None and abst is not None else None
    return {
        "VOTE_EFFECTIF": _num(act.get("membres_en_exercice")),
        "VOTE_REEL": _num(reel),
        "VOTE_POUR": _num(pour),
        "VOTE_CONTRE": _num(contre),
        "VOTE_ABSTENTION": _num(abst),
    }


def row_from_act(
    act: Mapping[str, Any], *, document: Mapping[str, Any] | None = None, options: ScdlOptions | None = None
) -> dict[str, str]:
    """One SCDL row (17 string cells, '' when unknown) from one act as JSON (``Act.model_dump``).

    >>> row = row_from_act({"numero": "2024-07", "objet": "Tarifs cantine", "collectivite": "Lezennes",
    ...     "organe": "conseil municipal", "date_seance": "2024-02-13"},
    ...     options=ScdlOptions(coll_siret="21590355000014", matiere_code="7.2"))
    >>> row["COLL_NOM"], row["DELIB_DATE"], row["DELIB_MATIERE_NOM"]
    ('Commune de Lezennes', '2024-02-13', 'Finances locales/Fiscalité')
    """
    opts = options or ScdlOptions()
    local: Mapping[str, Any] = opts.collectivites.get(act.get("collectivite") or "", {})

    def opt(key: str) -> Any:
        return local.get(key, getattr(opts, key))

    numero = act.get("numero")
    if not numero and act.get("identifiant_actes"):
        m = _IDACTE.match(str(act["identifiant_actes"]).strip())
        numero = m.group("num") if m else None
    numero = numero or ""
    code = (local.get("matieres") or {}).get(numero) or opts.matieres.get(numero) or opt("matiere_code")
    code = code or act.get("matiere_code") or None  # a code stated in the text (AR page), if the record has one
    date = _iso(act.get("date_seance"))
    url = opt("delib_url") or ""
    if url:
        source = (document or {}).get("source") or act.get("source") or ""
        url = url.format(
            numero=numero,
            date=date,
            source_name=Path(str(source)).name,
            sha256=(document or {}).get("sha256") or act.get("sha256") or "",
        )
    row = {
        "COLL_NOM": opt("coll_nom")
        or coll_nom(act.get("collectivite"), act.get("organe"), commune_prefix=opts.commune_prefix)
        or "",
        "COLL_SIRET": str(opt("coll_siret") or ""),
        "DELIB_ID": numero,
        "DELIB_DATE": date,
        "DELIB_MATIERE_CODE": level2(code) or "",
        "DELIB_MATIERE_NOM": matiere_nom(code) or "",
        "DELIB_OBJET": " ".join((act.get("objet") or "").split()),
        "BUDGET_ANNEE": "",
        "BUDGET_NOM": "",
        "PREF_ID": str(opt("pref_id") or ""),
        "PREF_DATE": _iso(act.get("date_reception_prefecture") or act.get("date_transmission_prefecture")),
        **vote_columns(act),
        "DELIB_URL": url,
    }
    return {c: row[c] for c in columns()}


def write_csv(rows: Iterable[Mapping[str, str]], fh: io.TextIOBase) -> int:
    """Write SCDL rows (header always, comma, minimal quoting, '\\n'); returns the row count."""
    writer = csv.DictWriter(fh, fieldnames=list(columns()), lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    return n
