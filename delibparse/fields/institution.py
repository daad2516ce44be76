"""Collectivité and organe, from the document's own headings and sentences.

>>> text = "EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL DE LA COMMUNE D'AIZAC"
>>> sorted((f.field, f.value) for f in extract(text, 0, len(text), Context()))
[('collectivite', 'AIZAC'), ('organe', 'conseil municipal')]
"""

from __future__ import annotations

import regex as re

from ..lexicon import fold
from ..prefilter import Starts
from .base import Context, Found

FIELDS = ("collectivite", "organe")

# a proper name: capitalised words joined by hyphens, spaces and the small words of place names
_NAME = r"""(?:[\p{Lu}][\p{L}'’.]*(?:-[\p{L}'’]+)*)(?:(?:\s+|-)(?:(?:sur|sous|en|lès|les|lez|le|la|de|du|des|d'|l'|aux|et|St|Ste)\s*(?=[\p{Lu}])|)[\p{Lu}][\p{L}'’]*(?:-[\p{L}'’]+)*)*"""
_NAME_CI = r"""(?:[\p{L}][\p{L}'’.]*(?:-[\p{L}'’]+)*)(?:(?:\s+|-)(?:(?:sur|sous|en|lès|les|lez|le|la|de|du|des|d'|l'|aux|et|St|Ste)\s*(?=[\p{Lu}])|)[\p{Lu}][\p{L}'’]*(?:-[\p{L}'’]+)*)*"""

COMMUNE = re.compile(
    rf"""(?x)
    (?:
        \b(?i:commune|ville|mairie|maire)\s+(?i:d'|de\s+|du\s+|des\s+)\s*(?P<name>{_NAME})
      | \b(?i:conseil\s+municipal)\s+(?i:d'|de\s+)(?!(?i:la\s+commune|la\s+ville|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche))\s*(?P<name2>{_NAME})
    )
    """
)
# an EPCI named by its kind: "Communauté de communes du Pays de Lumbres", "Syndicat mixte ..."
_EPCI_KIND = r"""
        (?i:communaut[ée]\s+(?:de\s+communes|d'agglom[ée]ration|urbaine)|m[ée]tropole|syndicat\s+(?:mixte|intercommunal|d[ée]partemental)|p[ôo]le\s+d'[ée]quilibre\s+territorial(?:\s+et\s+rural)?|[ée]tablissement\s+public\s+territorial)
        (?:\s+(?:(?i:de|du|des|d'|de\s+la|de\s+l')\s*)?(?:[\p{Lu}][\p{L}'’\-]*|(?:de|du|des|d'|la|l'|en|et|sur|ses)(?=\s+[\p{Lu}]|[\p{Lu}])))+
"""
EPCI = re.compile(
    rf"""(?x)
    (?P<all>
        {_EPCI_KIND}
      | (?<=(?:^|[\s(«"-])){_NAME}\s+(?=Agglom[ée]ration)Agglom[ée]ration
    )
    """
)
# speed: where no "Agglomération" is, EPCI's second way cannot match and its matches are this one's,
# searched only where its (case-free) first word is
_EPCI_BY_KIND = Starts(re.compile(rf"(?x)(?P<all>{_EPCI_KIND})"),
                       r"(?i)communaut[ée]|m[ée]tropole|syndicat|p[ôo]le|[ée]tablissement")
_AGGLO = re.compile(r"Agglom[ée]ration")
_EPCI_WORD = re.compile(r"(?i)communaut[ée]|m[ée]tropole|syndicat|p[ôo]le\s+d|[ée]tablissement\s+public")
_LINE_BREAK = re.compile(r"\s*\n\s*")
DEPARTEMENT = re.compile(
    rf"(?i:conseil\s+(?:d[ée]partemental|g[ée]n[ée]ral)|d[ée]partement)\s+(?P<prep>(?i:de\s+la|de\s+l'|du|des|de|d'))\s*(?P<name>{_NAME_CI})"
)
REGION = re.compile(rf"(?i:conseil\s+r[ée]gional|r[ée]gion)\s+(?i:d'|de\s+l'|de\s+la\s+|de\s+|du\s+)?\s*(?P<name>{_NAME_CI})")

ORGANES = [
    ("commission permanente", re.compile(r"(?i)\bcommission\s+permanente\b")),
    ("bureau", re.compile(r"(?i)\b(?:bureau\s+(?:communautaire|syndical|m[ée]tropolitain|du\s+conseil|de\s+la\s+communaut)|(?:r[ée]union|s[ée]ance|membres|d[ée]lib[ée]rations?)\s+du\s+bureau\b|(?-i:Le\s+Bureau|LE\s+BUREAU)\b(?!\s+de\s+(?:vote|tourisme|poste)))")),
    ("comité syndical", re.compile(r"(?i)\bcomit[ée]\s+syndical\b")),
    ("conseil communautaire", re.compile(r"(?i)\bconseil\s+(?:communautaire|de\s+(?:la\s+)?communaut[ée]|m[ée]tropolitain)\b")),
    ("conseil départemental", re.compile(r"(?i)\bconseil\s+(?:d[ée]partemental|g[ée]n[ée]ral)\b|assembl[ée]e\s+d[ée]partementale")),
    ("conseil régional", re.compile(r"(?i)\bconseil\s+r[ée]gional\b")),
    ("conseil d'administration", re.compile(r"(?i)\bconseil\s+d'administration\b")),
    ("conseil municipal", re.compile(r"(?i)\bconseil\s+municipal\b")),
]
_TRIM_TAIL = re.compile(r"(?:\s+(?:de|du|des|d'|la|l'|le|les|en|et|sur|Séance|SEANCE|S[ÉE]ANCE|Conseil|CONSEIL|R[ÉE]UNION|PROC[ÈE]S|EXTRAIT|COMPTE|Extrait|Arrondissement|ARRONDISSEMENT|DEPARTEMENT|D[ÉE]PARTEMENT|Département|Département|Canton|CANTON|Le|La|Les|LE|LA|LES|DU|DE|DES|L'|D'))+$")
_BAD_NAME = re.compile(r"(?i)^(?:la|le|les|l'|de|du|des|d'|commune|ville|conseil|france|r[ée]publique)$")


_STOP_WORDS = re.compile(
    r"""(?xi)\s+(?:extrait|registre|d[ée]lib[ée]rations?|s[ée]ance|conseil|proc[eè]s|compte|r[ée]union|d[ée]partement|
    arrondissement|canton|r[ée]publique|mairie|t[ée]l|dcm|del|l'an|sous|pr[ée]sidence|lundi|mardi|mercredi|jeudi|
    vendredi|samedi|dimanche|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|
    d[ée]cembre|ecosite|si[eè]ge|salle|h[ôo]tel|au\s+lieu|pr[ée]sents?|absents?|nombre|date|objet)\b.*$""",
    re.S,
)


def _trim(name: str) -> str:
    name = _LINE_BREAK.split(name)[0]
    name = _STOP_WORDS.sub("", name)
    prev = None
    while prev != name:
        prev = name
        name = _TRIM_TAIL.sub("", name).strip(" ,.-'’")
    return name


def _organe(text: str, start: int, end: int) -> Found | None:
    window_end = min(end, start + 2500)
    best: tuple[int, int, str, int, int] | None = None
    for prio, (label, pat) in enumerate(ORGANES):
        m = pat.search(text, start, window_end)
        if not m:
            continue
        # the special bodies (commission permanente, bureau) win over the council they belong to
        key = (0 if prio < 2 else 1, m.start())
        if best is None or key < best[:2]:
            best = (key[0], key[1], label, m.start(), m.end())
    if best is None:
        return None
    return Found("organe", best[2], best[3], best[4], "institution.organe")


def extract(text: str, start: int, end: int, ctx: Context) -> list[Found]:
    """collectivite and organe from the first part of the region."""
    out: list[Found] = []
    org = _organe(text, start, end)
    if org:
        out.append(org)
    window_end = min(end, start + 4000)
    organe = org.value if org else None
    cands: list[tuple[int, Found]] = []
    epci_pos = (_EPCI_WORD.search(text[start:window_end])
                or _AGGLO.search(text, start, window_end))
    epci = EPCI if _AGGLO.search(text, start, window_end) else _EPCI_BY_KIND
    # (speed: "conseil municipal" stops the three searches below at their first match: none is needed)
    for m in (epci.finditer(text, start, window_end) if epci_pos and organe != "conseil municipal" else ()):
        name = _trim(m.group("all"))
        if len(name.split()) < 3 and "gglom" not in name:
            continue
        rank = 0 if organe in ("conseil communautaire", "comité syndical", "bureau", None) else 2
        cands.append((rank, Found("collectivite", name, m.start(), m.start() + len(name), "institution.epci")))
        break
    for m in (DEPARTEMENT.finditer(text, start, window_end) if organe != "conseil municipal" else ()):
        name = _trim(m.group("name"))
        if not name or _BAD_NAME.match(name):
            continue
        prep = m.group("prep").lower()
        prep = {"de la": "de la ", "de l'": "de l'", "du": "du ", "des": "des ", "de": "de ", "d'": "d'"}.get(prep, prep + " ")
        val = "Département " + prep + name
        rank = 0 if organe in ("conseil départemental",) or (organe == "commission permanente" and "partement" in fold(text[start:window_end])[:800]) else 3
        cands.append((rank, Found("collectivite", val, m.start(), m.end(), "institution.departement")))
        break
    for m in (REGION.finditer(text, start, window_end) if organe != "conseil municipal" else ()):
        name = _trim(m.group("name"))
        if not name or _BAD_NAME.match(name):
            continue
        rank = 0 if organe in ("conseil régional", "commission permanente") and "gion" in m.group(0) else 3
        cands.append((rank, Found("collectivite", "Région " + name, m.start(), m.end(), "institution.region")))
        break
    # the council of an EPCI or a syndicat belongs to it, not to a member commune named in its lists
    member_bodies = organe in ("conseil communautaire", "comité syndical")
    for m in (COMMUNE.finditer(text, start, window_end) if not member_bodies else ()):
        name = _trim(m.group("name") or m.group("name2") or "")
        if not name or _BAD_NAME.match(name) or len(name) < 2:
            continue
        rank = 0 if organe in ("conseil municipal", None) else 1
        s = m.start("name") if m.group("name") else m.start("name2")
        cands.append((rank, Found("collectivite", name, s, s + len(name), "institution.commune")))
        break
    if cands:
        cands.sort(key=lambda c: (c[0], c[1].start))
        out.append(cands[0][1])
    return out
