"""A présents list followed by its own count: "(3)" gives nb_presents when it agrees with the list."""

from delibparse.fields.attendance import extract
from delibparse.fields.base import Context


def run(text):
    return {f.field: f.value for f in extract(text, 0, len(text), Context()) if not f.field.startswith("_")}


def test_count_after_the_list():
    got = run("Etaient présents : Mme Anne DUPUIS, M. Paul MARTIN, Mme Léa ROUX (3)\nSecrétaire : Paul MARTIN")
    assert got["presents"] == ["Anne DUPUIS", "Paul MARTIN", "Léa ROUX"]
    assert got["nb_presents"] == 3


def test_a_count_that_disagrees_with_the_list_is_not_taken():
    got = run("Etaient présents : Mme Anne DUPUIS, M. Paul MARTIN, Mme Léa ROUX (12)\nSecrétaire : Paul MARTIN")
    assert "nb_presents" not in got
