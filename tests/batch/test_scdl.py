"""SCDL Délibérations 2.1.5: vendored schema, ACTES labels, each custom check, the record mapping."""

from __future__ import annotations

from pathlib import Path

import pytest

from delibparse import scdl

SHARED_SCDL = Path(__file__).resolve().parents[2] / "../shared/data/scdl"
VALID_SIRET = "21590355000014"  # SIREN 215903550 + NIC 00001, Luhn-valid


def valid_row(**cells: str) -> dict[str, str]:
    row = dict.fromkeys(scdl.columns(), "")
    row.update(COLL_NOM="Commune de Saint-Aubin", COLL_SIRET=VALID_SIRET, DELIB_ID="2024-07",
               DELIB_DATE="2024-02-13", DELIB_MATIERE_CODE="7.1",
               DELIB_MATIERE_NOM="Finances locales/Décisions budgétaires", DELIB_OBJET="Budget primitif 2024")
    row.update(cells)
    return row


def checks(row: dict[str, str]) -> list[str]:
    return [i.check for i in scdl.check_row(row, table_schema=True)]


# ---------------------------------------------------------------- the vendored schema and labels

def test_schema_has_the_17_fields_in_file_order_and_the_11_custom_checks():
    assert scdl.columns() == (
        "COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_MATIERE_CODE", "DELIB_MATIERE_NOM",
        "DELIB_OBJET", "BUDGET_ANNEE", "BUDGET_NOM", "PREF_ID", "PREF_DATE", "VOTE_EFFECTIF", "VOTE_REEL",
        "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION", "DELIB_URL")
    fields = {f["name"]: f for f in scdl.schema()["fields"]}
    assert [n for n, f in fields.items() if f.get("constraints", {}).get("required")] == list(scdl.columns()[:7])
    assert fields["DELIB_DATE"]["type"] == fields["PREF_DATE"]["type"] == "date"
    assert {fields[c]["type"] for c in scdl.columns()[11:16]} == {"integer"}
    assert fields["DELIB_URL"]["format"] == "uri"
    assert len(scdl.schema()["custom_checks"]) == 11


def test_actes_table_has_57_level2_codes_and_every_scdl_label_passes_the_check():
    level2 = [m for m in scdl.matieres().values() if m.level == 2]
    assert len(level2) == 57
    for m in level2:
        nom = scdl.matiere_nom(m.code)
        assert scdl.check_nomenclature_actes(nom) is None, nom
        assert "," not in nom and "(" not in nom
    assert scdl.matieres()["6"].label_official.endswith("pourvoirs de police")  # official typo kept
    assert scdl.matiere_nom("6.1") == "Libertés publiques et pouvoirs de police/Police municipale"
    assert scdl.matiere_nom("5.7.1") == "Institutions et vie politique/Intercommunalité"
    assert scdl.matiere_nom("7.11") is None and scdl.level2("2.0 commission") is None


def test_a_complete_row_is_valid():
    assert checks(valid_row()) == []
    assert checks(valid_row(VOTE_EFFECTIF="23", VOTE_REEL="21", VOTE_POUR="19", VOTE_CONTRE="1",
                            VOTE_ABSTENTION="1", BUDGET_ANNEE="2024", BUDGET_NOM="Budget principal",
                            PREF_DATE="2024-02-20", DELIB_URL="https://www.example.fr/d/2024-07.pdf")) == []


# ---------------------------------------------------------------- each custom check

@pytest.mark.parametrize("siret, ok", [
    (VALID_SIRET, True),
    ("21590355000015", False),     # 14 digits, bad checksum
    ("2,44201E+13", False),        # mangled by a spreadsheet
])
def test_french_siret_value(siret, ok):
    assert ("french-siret-value" not in checks(valid_row(COLL_SIRET=siret))) is ok


@pytest.mark.parametrize("annee, ok", [("2024", True), ("2023/2024", True), ("2024/2023", False),
                                        ("2024-2025", False), ("24", False)])
def test_year_interval_value(annee, ok):
    row = valid_row(BUDGET_ANNEE=annee, BUDGET_NOM="Budget annexe de l'eau")
    assert ("year-interval-value" not in checks(row)) is ok


def test_cohesive_columns_budget_and_votes():
    assert "cohesive-columns-value" in checks(valid_row(BUDGET_ANNEE="2024"))
    assert "cohesive-columns-value" in checks(valid_row(BUDGET_NOM="Budget principal"))
    partial_votes = valid_row(VOTE_POUR="12", VOTE_CONTRE="0", VOTE_ABSTENTION="0", VOTE_REEL="12")
    assert "cohesive-columns-value" in checks(partial_votes)  # VOTE_EFFECTIF empty
    assert "cohesive-columns-value" not in checks(dict(partial_votes, VOTE_EFFECTIF="15"))


@pytest.mark.parametrize("cells, ok", [
    ({"PREF_DATE": "2024-02-12"}, False),                       # received before the sitting
    ({"PREF_DATE": "2024-02-13"}, True),
    ({"VOTE_EFFECTIF": "10", "VOTE_REEL": "12", "VOTE_POUR": "12", "VOTE_CONTRE": "0", "VOTE_ABSTENTION": "0"}, False),
    ({"VOTE_EFFECTIF": "15", "VOTE_REEL": "12", "VOTE_POUR": "13", "VOTE_CONTRE": "0", "VOTE_ABSTENTION": "0"}, False),
    ({"VOTE_EFFECTIF": "15", "VOTE_REEL": "2", "VOTE_POUR": "0", "VOTE_CONTRE": "3", "VOTE_ABSTENTION": "0"}, False),
    ({"VOTE_EFFECTIF": "15", "VOTE_REEL": "2", "VOTE_POUR": "0", "VOTE_CONTRE": "0", "VOTE_ABSTENTION": "3"}, False),
])
def test_compare_columns_value(cells, ok):
    assert ("compare-columns-value" not in checks(valid_row(**cells))) is ok


def test_sum_columns_value_counts_abstentions_inside_vote_reel():
    row = valid_row(VOTE_EFFECTIF="23", VOTE_REEL="21", VOTE_POUR="19", VOTE_CONTRE="0", VOTE_ABSTENTION="2")
    assert "sum-columns-value" not in checks(row)
    assert "sum-columns-value" in checks(dict(row, VOTE_REEL="19"))  # reel filled with exprimés


@pytest.mark.parametrize("nom, ok", [
    ("Finances locales/Subventions", True),
    ("FINANCES LOCALES/subventions", True),
    ("Domaines de competences par themes/Culture", True),
    ("Commande Publique/Transactions /protocole d accord transactionnel", True),
    ("Libertes publiques et pourvoirs de police/Police municipale", False),  # the official typo
    ("Finances locales - Décisions budgétaires", False),
    ("Finances locales / Subventions", False),
    ("Finances locales /Subventions", False),
    ("URBANISME", False),
])
def test_nomenclature_actes_value(nom, ok):
    assert (scdl.check_nomenclature_actes(nom) is None) is ok


def test_custom_checks_skip_empty_cells_and_table_schema_catches_required_and_types():
    row = valid_row(COLL_SIRET="", DELIB_DATE="13/02/2024", VOTE_EFFECTIF="vingt")
    issues = {(i.check, i.column) for i in scdl.check_row(row, table_schema=True)}
    assert ("table-schema", "COLL_SIRET") in issues and ("french-siret-value", "COLL_SIRET") not in issues
    assert ("table-schema", "DELIB_DATE") in issues and ("table-schema", "VOTE_EFFECTIF") in issues


# ---------------------------------------------------------------- the record -> row mapping

def test_coll_nom_for_communes_and_other_bodies():
    assert scdl.coll_nom("Lezennes", "conseil municipal") == "Commune de Lezennes"
    assert scdl.coll_nom("Étaples", "conseil municipal") == "Commune d'Étaples"
    assert scdl.coll_nom("Ville de Poitiers", "conseil municipal") == "Ville de Poitiers"
    assert scdl.coll_nom("Le Havre", "conseil municipal") == "Commune du Havre"
    assert scdl.coll_nom("Les Ulis", "conseil municipal") == "Commune des Ulis"
    assert scdl.coll_nom("La Rochelle", "conseil municipal") == "Commune de La Rochelle"
    assert scdl.coll_nom("Syndicat mixte du bassin de la Lys", "comité syndical") == "Syndicat mixte du bassin de la Lys"
    assert scdl.coll_nom(None, "conseil municipal") is None


@pytest.mark.parametrize("act, expected", [
    # "Pour : 19, Contre : 1, Abstention : 1" with 23 members in office
    ({"membres_en_exercice": 23, "vote": {"pour": 19, "contre": 1, "abstention": 1}}, ("23", "21", "19", "1", "1")),
    # "adopté à l'unanimité", votants : 21
    ({"membres_en_exercice": 23, "nb_votants": 21, "vote": {"unanimite": True}}, ("23", "21", "21", "0", "0")),
    # "à l'unanimité des suffrages exprimés (2 abstentions)", votants : 21
    ({"nb_votants": 21, "vote": {"unanimite": True, "abstention": 2,
      "unanimite_qualificatif": "des suffrages exprimés"}}, ("", "21", "19", "0", "2")),
    # "à l'unanimité des suffrages exprimés" and no abstention stated: there may be some
    ({"nb_votants": 21, "vote": {"unanimite": True, "unanimite_qualificatif": "des suffrages exprimés"}},
     ("", "", "", "", "")),
    # unanimity without a number of voters: no count invented
    ({"membres_en_exercice": 15, "vote": {"unanimite": True}}, ("15", "", "", "", "")),
    # a count is missing: VOTE_REEL left empty
    ({"vote": {"pour": 12, "contre": 3}}, ("", "", "12", "3", "")),
])
def test_vote_columns(act, expected):
    cols = scdl.vote_columns(act)
    assert tuple(cols[c] for c in ("VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION")) == expected


def test_row_from_act_never_invents_siret_or_matiere_and_uses_options():
    act = {"numero": None, "identifiant_actes": "059-215903550-20240213-2024_07-DE", "objet": " Tarifs\n de la cantine ",
           "collectivite": "Lezennes", "organe": "conseil municipal", "date_seance": "2024-02-13",
           "date_transmission_prefecture": "2024-02-15", "source": "/archive/cm-2024-02.pdf"}
    row = scdl.row_from_act(act)
    assert row["COLL_SIRET"] == "" and row["DELIB_MATIERE_CODE"] == "" and row["DELIB_MATIERE_NOM"] == ""
    assert row["DELIB_ID"] == "2024_07" and row["DELIB_OBJET"] == "Tarifs de la cantine"
    assert row["PREF_DATE"] == "2024-02-15"
    opts = scdl.ScdlOptions.from_config(
        {"coll_siret": 21590355000014, "matieres": {"2024_07": "7.2"}, "pref_id": "PREF059",
         "delib_url": "https://mairie.example.fr/deliberations/{source_name}"})
    row = scdl.row_from_act(act, options=opts)
    assert (row["COLL_SIRET"], row["DELIB_MATIERE_CODE"], row["PREF_ID"]) == (VALID_SIRET, "7.2", "PREF059")
    assert row["DELIB_URL"] == "https://mairie.example.fr/deliberations/cm-2024-02.pdf"
    assert scdl.check_row(row, table_schema=True) == []
    with pytest.raises(ValueError):
        scdl.ScdlOptions.from_config({"siret": "x"})
    with pytest.raises(ValueError, match="unknown ACTES"):
        scdl.ScdlOptions.from_config({}, matiere_code="9.9")


# ---------------------------------------------------------------- real files written by others

@pytest.mark.skipif(not SHARED_SCDL.exists(), reason="shared SCDL samples absent")
def test_real_files_with_their_known_deviations():
    files = {p.name.split("__")[-1]: p for p in SHARED_SCDL.glob("*.csv")}
    semi = scdl.validate_csv(files["Deliberations_Conseil_Metropolitain_saint_etienne.csv"])
    assert semi.delimiter == ";" and semi.rows == 80  # trailing empty rows ignored
    found = {i.check for i in semi.issues}
    assert {"invalid-column-delimiter", "french-siret-value", "sum-columns-value", "header"} <= found
    comma = scdl.validate_csv(files["deliberations-metropole-saint-etienne.csv"])
    assert comma.rows == 80 and len(comma.invalid_rows) == 80
    assert sum(i.check == "sum-columns-value" for i in comma.issues) == 79  # as the README says
