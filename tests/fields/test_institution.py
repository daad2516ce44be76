"""Collectivité and organe from a document's own headings and sentences."""

import pytest

from delibparse.fields.base import Context
from delibparse.fields.institution import extract


def run(text):
    return {f.field: f.value for f in extract(text, 0, len(text), Context())}


@pytest.mark.parametrize("text,collectivite,organe", [
    ("EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL DE LA COMMUNE D'AIZAC\nSéance du 3 mars",
     "AIZAC", "conseil municipal"),
    ("Commune de Saint-Martin-sur-Oise\nConseil municipal du 12 mars 2024", "Saint-Martin-sur-Oise", "conseil municipal"),
    ("COMMUNAUTÉ DE COMMUNES DU PAYS DE BRENNE\nEXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL COMMUNAUTAIRE",
     "COMMUNAUTÉ DE COMMUNES DU PAYS DE BRENNE", "conseil communautaire"),
    ("Syndicat mixte des Eaux du Val de Loir\nLe Comité syndical, régulièrement convoqué, s'est réuni",
     "Syndicat mixte des Eaux du Val de Loir", "comité syndical"),
    ("DÉPARTEMENT DE LA CHARENTE\nCONSEIL DÉPARTEMENTAL\nDélibération de l'assemblée départementale",
     "Département de la CHARENTE", "conseil départemental"),
    ("CONSEIL RÉGIONAL D'ÎLE-DE-FRANCE\nLa commission permanente du conseil régional", "Région ÎLE-DE-FRANCE",
     "commission permanente"),
    ("Val de Brenne Agglomération\nDélibérations du Bureau communautaire du 6 mars", "Val de Brenne Agglomération", "bureau"),
    ("Le Maire de NIHERNE ouvre la séance du Conseil Municipal", "NIHERNE", "conseil municipal"),
])
def test_collectivite_and_organe(text, collectivite, organe):
    got = run(text)
    assert got.get("collectivite") == collectivite
    assert got.get("organe") == organe


def test_commune_wins_over_the_departement_header_of_a_commune():
    got = run("DEPARTEMENT DU NORD\nEXTRAIT DU REGISTRE AUX DELIBERATIONS du Conseil Municipal de la Commune de\nLEZENNES")
    assert got["collectivite"] == "LEZENNES"


def test_a_weekday_is_not_a_commune():
    assert "collectivite" not in run("CONSEIL MUNICIPAL DU MARDI 7 FEVRIER 2023")


def test_nothing_stated_gives_nothing():
    assert run("Compte rendu de la réunion. Le budget est adopté.") == {}


def test_a_member_commune_in_the_lists_of_a_communautaire_council_is_not_its_collectivite():
    text = ("CONSEIL COMMUNAUTAIRE DU 25 JANVIER 2023 PROCES VERBAL Le Conseil Communautaire s'est réuni au siège, "
            "sous la présidence de M. Antoine TRYSTRAM. Présents : Beaumont : M. Paul VIDAL ; maire de Cerelles : "
            "Mme Anne RIBES ; Commune de Marray : M. Jean PONS.")
    found = {f.field: f.value for f in extract(text, 0, len(text), Context())}
    assert found.get("organe") == "conseil communautaire"
    assert "collectivite" not in found  # never a member commune; the EPCI is not named here
