"""Consistency checks of one act: findings become coded warnings, never exceptions.

Rules from ../shared/DOMAIN.md §3: vote arithmetic (§3.6), présents count vs list, quorum
(strictly more than half of the members in office present; lowered to a third during the COVID
windows of §3.3), dates out of order, more than one proxy held (two allowed in COVID windows).

>>> from delibparse.record import Act, Vote
>>> [w.code for w in run(Act(nb_votants=20, vote=Vote(pour=15, contre=2, abstention=1)))]
['vote.sum_mismatch']
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from .record import Act, RecordWarning

# (first day, last day) of the windows where quorum was a third and two proxies were allowed
COVID_WINDOWS = (
    (dt.date(2020, 3, 24), dt.date(2020, 8, 30)),
    (dt.date(2020, 11, 15), dt.date(2021, 9, 30)),
    (dt.date(2021, 11, 10), dt.date(2022, 7, 31)),
)


def in_covid_window(day: dt.date | None) -> bool:
    return day is not None and any(a <= day <= b for a, b in COVID_WINDOWS)


# councils are convened days, not months, ahead: a longer gap suggests the date belongs to another sitting
LONG_CONVOCATION_DAYS = 31


def _w(code: str, message: str, field: str | None = None) -> RecordWarning:
    return RecordWarning(code=code, message=message, field=field)


def run(act: Act) -> list[RecordWarning]:
    """Every finding about ``act``; an empty list when nothing contradicts."""
    out: list[RecordWarning] = []
    v = act.vote
    covid = in_covid_window(act.date_seance)
    counts = [v.pour, v.contre, v.abstention]
    if act.nb_votants is not None and all(c is not None for c in counts):
        total = sum(c for c in counts if c is not None) + (v.nppv or 0) * 0
        if total != act.nb_votants:
            out.append(_w("vote.sum_mismatch", f"pour + contre + abstention = {total}, but the text states "
                          f"{act.nb_votants} votants", "vote"))
    if act.nb_votants is not None and v.pour is not None and v.pour > act.nb_votants:
        out.append(_w("vote.pour_exceeds_votants", f"{v.pour} votes for, more than the {act.nb_votants} votants", "vote.pour"))
    if v.unanimite and ((v.contre or 0) > 0):
        out.append(_w("vote.unanimity_with_against", "unanimity stated but votes against counted", "vote.unanimite"))
    if v.pour is not None and v.contre is not None:
        if v.issue == "adopte" and v.pour < v.contre:
            out.append(_w("vote.outcome_mismatch", f"adopted with {v.pour} for and {v.contre} against", "vote.issue"))
        if v.issue == "rejete" and v.pour > v.contre:
            out.append(_w("vote.outcome_mismatch", f"rejected with {v.pour} for and {v.contre} against", "vote.issue"))
    if act.membres_en_exercice is not None:
        for name, val in (("nb_presents", act.nb_presents), ("nb_votants", act.nb_votants)):
            if val is not None and val > act.membres_en_exercice:
                out.append(_w(f"attendance.{name}_exceeds_members", f"{name} = {val} > {act.membres_en_exercice} members in office", name))
        if act.nb_presents is not None and act.nb_presents <= act.membres_en_exercice / 2:
            third = act.nb_presents * 3 >= act.membres_en_exercice
            if covid and third:
                out.append(_w("attendance.quorum_covid", f"{act.nb_presents} present of {act.membres_en_exercice}: below the "
                              "ordinary quorum, within the COVID derogation (a third)", "nb_presents"))
            else:
                out.append(_w("attendance.no_quorum", f"{act.nb_presents} present of {act.membres_en_exercice}: quorum "
                              "(more than half present) not reached; lawful only after a reconvocation", "nb_presents"))
    if act.nb_presents is not None and act.presents and len(act.presents) != act.nb_presents:
        out.append(_w("attendance.count_mismatch", f"{len(act.presents)} names listed as present, the text states "
                      f"{act.nb_presents}", "presents"))
    if act.nb_votants is not None and act.nb_presents is not None and act.nb_votants > act.nb_presents + len(act.pouvoirs) and act.pouvoirs:
        out.append(_w("attendance.votants_exceed", f"{act.nb_votants} votants > {act.nb_presents} present + "
                      f"{len(act.pouvoirs)} proxies", "nb_votants"))
    held = Counter(p.a for p in act.pouvoirs if p.a)
    limit = 2 if covid else 1
    for holder, n in held.items():
        if n > limit:
            out.append(_w("attendance.proxies_held", f"{holder} holds {n} proxies (at most {limit} allowed)", "pouvoirs"))
    if act.date_seance:
        for name in ("date_transmission_prefecture", "date_reception_prefecture", "date_publication"):
            d = getattr(act, name)
            if d is not None and d < act.date_seance:
                out.append(_w("dates.before_sitting", f"{name} {d} is before the sitting ({act.date_seance})", name))
        if act.date_convocation is not None:
            gap = (act.date_seance - act.date_convocation).days
            if gap < 0:
                out.append(_w("dates.convocation_after_sitting", f"convocation {act.date_convocation} after the sitting", "date_convocation"))
            elif gap - 1 < 3 and act.organe in ("conseil municipal", "conseil communautaire", "comité syndical"):
                out.append(_w("dates.short_convocation", f"{max(gap - 1, 0)} full days between convocation and sitting "
                              "(3 or 5 jours francs required unless urgency)", "date_convocation"))
            elif gap > LONG_CONVOCATION_DAYS:
                out.append(_w("dates.long_convocation", f"convocation {act.date_convocation} is {gap} days before the "
                              f"sitting ({act.date_seance}): another sitting's, or a template left unchanged?", "date_convocation"))
        if act.identifiant_actes:
            part = act.identifiant_actes.split("-")
            if len(part) >= 5 and part[2].isdigit() and len(part[2]) == 8:
                if part[2] != act.date_seance.strftime("%Y%m%d"):
                    out.append(_w("actes.date_mismatch", f"the @ctes identifier's date {part[2]} is not the sitting's", "identifiant_actes"))
    if act.date_transmission_prefecture and act.date_reception_prefecture and act.date_reception_prefecture < act.date_transmission_prefecture:
        out.append(_w("dates.reception_before_transmission", "received in préfecture before it was sent", "date_reception_prefecture"))
    return out
