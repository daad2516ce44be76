"""Stand-in per-document functions for batch tests: they build real ``Document`` records.

A test input is a small text file whose first line is a directive:
``ACTS n`` (n acts), ``CRASH`` (segfault), ``EXIT`` (worker exits), ``SLEEP s``, ``RAISE``, ``OCR``,
``FLAKY marker`` (fails until the file ``marker`` exists, and creates it).
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import time
from pathlib import Path

from delibparse.errors import NeedsOCRError
from delibparse.record import Act, Document, Pouvoir, Vote

NAMES = ["Claire MARTIN", "Paul LEROY", "Nadia BENALI", "Jean-Marc DUBOIS", "Sophie FAURE", "Hugo PETIT"]


def make_act(i: int, *, commune: str = "Saint-Aubin-sur-Loire") -> Act:
    """A realistic act: the i-th item of a conseil municipal."""
    contre = 2 if i % 3 == 1 else 0
    presents = NAMES[: 4 + i % 3]
    return Act(
        numero=f"2024-{i + 1:02d}",
        objet=["Budget primitif 2024 de la commune", "Tarifs de la cantine scolaire",
               "Convention avec le SDIS pour la défense incendie"][i % 3],
        collectivite=commune,
        organe="conseil municipal",
        date_seance=dt.date(2024, 1 + i % 12, 13),
        membres_en_exercice=15,
        nb_presents=len(presents),
        nb_votants=len(presents) + 1,
        presents=presents,
        absents_excuses=["Luc GARNIER"],
        pouvoirs=[Pouvoir(de="Luc GARNIER", a=presents[0])],
        vote=Vote(pour=len(presents) + 1 - contre, contre=contre, abstention=0,
                  unanimite=contre == 0, issue="rejete" if i % 5 == 4 else "adopte"),
        visas=["Vu le Code général des collectivités territoriales, notamment son article L2121-29",
               "Vu le Code de l'urbanisme"] if i % 2 == 0 else ["Vu le code général des collectivités territoriales"],
        decisions=["APPROUVE la proposition"],
        date_reception_prefecture=dt.date(2024, 1 + i % 12, 20),
    )


def parse(path: Path) -> Document:
    text = Path(path).read_text(encoding="utf-8")
    head = (text.splitlines() or [""])[0].split()
    cmd = head[0] if head else ""
    if cmd == "CRASH":
        os.kill(os.getpid(), signal.SIGSEGV)
    if cmd == "EXIT":
        os._exit(3)
    if cmd == "SLEEP":
        time.sleep(float(head[1]))
    if cmd == "FLAKY":
        marker = Path(head[1])
        if not marker.exists():
            marker.touch()
            raise ValueError("transient failure")
    if cmd == "RAISE":
        raise ValueError("unexpected layout")
    if cmd == "OCR":
        raise NeedsOCRError("scanned pages and no text layer", source=str(path))
    n = int(head[1]) if cmd == "ACTS" else 1
    acts = [make_act(i) for i in range(n)]
    return Document(source=str(path), format="txt", status="ok" if acts else "no_act", acts=acts)
