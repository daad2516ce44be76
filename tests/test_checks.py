"""Document contradictions become coded warnings, never exceptions."""

import datetime as dt

from delibparse.checks import run
from delibparse.record import Act, Pouvoir, Vote


def codes(**kw):
    return [w.code for w in run(Act(**kw))]


def test_consistent_act_has_no_warning():
    assert codes(membres_en_exercice=23, nb_presents=20, nb_votants=22,
                 pouvoirs=[Pouvoir(de="A", a="B"), Pouvoir(de="C", a="D")],
                 vote=Vote(pour=20, contre=1, abstention=1, issue="adopte"),
                 date_seance=dt.date(2024, 2, 13), date_convocation=dt.date(2024, 2, 6),
                 date_transmission_prefecture=dt.date(2024, 2, 20)) == []


def test_vote_sum_and_outcome():
    assert "vote.sum_mismatch" in codes(nb_votants=20, vote=Vote(pour=15, contre=2, abstention=1))
    assert "vote.outcome_mismatch" in codes(vote=Vote(pour=3, contre=10, issue="adopte"))
    assert "vote.unanimity_with_against" in codes(vote=Vote(contre=2, unanimite=True))


def test_quorum_is_date_aware():
    assert "attendance.no_quorum" in codes(membres_en_exercice=27, nb_presents=12, date_seance=dt.date(2023, 5, 4))
    assert codes(membres_en_exercice=27, nb_presents=12, date_seance=dt.date(2021, 3, 4)) == ["attendance.quorum_covid"]
    assert "attendance.no_quorum" in codes(membres_en_exercice=27, nb_presents=5, date_seance=dt.date(2021, 3, 4))


def test_proxies_held_and_count_mismatch():
    two = [Pouvoir(de="A", a="Z"), Pouvoir(de="B", a="Z")]
    assert "attendance.proxies_held" in codes(pouvoirs=two, date_seance=dt.date(2023, 1, 10))
    assert "attendance.proxies_held" not in codes(pouvoirs=two, date_seance=dt.date(2021, 1, 10))
    assert "attendance.count_mismatch" in codes(nb_presents=3, presents=["A", "B"])


def test_dates_out_of_order():
    got = codes(date_seance=dt.date(2024, 2, 13), date_publication=dt.date(2024, 2, 1),
                date_convocation=dt.date(2024, 2, 14))
    assert "dates.before_sitting" in got and "dates.convocation_after_sitting" in got
    assert "actes.date_mismatch" in codes(date_seance=dt.date(2024, 2, 13),
                                         identifiant_actes="059-215903550-20240220-2024_01-DE")


def test_a_convocation_months_before_the_sitting_is_flagged_not_dropped():
    got = codes(date_seance=dt.date(2020, 1, 30), date_convocation=dt.date(2019, 12, 11), organe="conseil municipal")
    assert "dates.long_convocation" in got
    assert "dates.long_convocation" not in codes(date_seance=dt.date(2020, 1, 30), date_convocation=dt.date(2020, 1, 24))
