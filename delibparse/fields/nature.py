"""The kind of act: a deliberation, or an arrêté / a decision seen in the same archives.

The @ctes identifier's suffix says it when printed (DE deliberation, AR/AI arrêté); otherwise the act's own
heading and dispositif: "ARRÊTÉ N° …", "Le Maire … ARRÊTE :", "DÉCISION N° … du Maire", with no deliberating
assembly in sight.

>>> classify("ARRÊTÉ N° 2024-12 portant réglementation du stationnement. Le Maire de Brenne, … ARRÊTE :")
'arrete'
>>> classify("Le conseil municipal, après en avoir délibéré, DÉCIDE : …")
'deliberation'
"""

from __future__ import annotations

import regex as re

_ASSEMBLY = re.compile(r"(?i)d[ée]lib[ée]r|conseil\s+(?:municipal|communautaire|d[ée]partemental|r[ée]gional|syndical)|"
                       r"comit[ée]\s+syndical|commission\s+permanente|bureau\s+communautaire|assembl[ée]e")
_ARRETE = re.compile(r"(?:\bARR[ÊE]T[ÉE]\s+(?:N[°O]|n[°o]|DU|du|MUNICIPAL|PERMANENT|TEMPORAIRE)|\bARR[ÊE]TE\s*:|"
                     r"\bArr[êe]t[ée]\s+(?:n[°o]|du\s+(?:Maire|Pr[ée]sident)|municipal))")
_DECISION = re.compile(r"(?:\bD[ÉE]CISION\s+(?:N[°O]|n[°o]|DU\s+(?:MAIRE|PR[ÉE]SIDENT))|\bD[ée]cision\s+(?:n[°o]|du\s+(?:Maire|Pr[ée]sident)))")
_SUFFIX = {"DE": "deliberation", "AR": "arrete", "AI": "arrete", "CC": "autre", "BF": "autre", "AU": "autre"}


def classify(text: str, *, identifiant: str | None = None) -> str:
    """'deliberation', 'arrete', 'decision' or 'autre' for the text of one act (its opening is enough)."""
    if identifiant:
        suffix = identifiant.rsplit("-", 1)[-1].upper()
        if suffix in _SUFFIX:
            return _SUFFIX[suffix]
    head = text[:2500]
    if _ASSEMBLY.search(head):
        return "deliberation"
    if _ARRETE.search(head):
        return "arrete"
    if _DECISION.search(head):
        return "decision"
    return "deliberation"
