"""The committed JSON Schema matches the record model (regenerate with `delibparse schema -o schemas/record.schema.json`)."""

import json
from pathlib import Path

from delibparse.record import Document, json_schema

SCHEMA = Path(__file__).parents[1] / "schemas" / "record.schema.json"


def test_schema_has_not_drifted():
    committed = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert committed == json_schema(), "schemas/record.schema.json is stale: run `delibparse schema -o schemas/record.schema.json`"


def test_schema_names_every_gold_field():
    act = json_schema()["$defs"]["Act"]["properties"]
    for field in ("numero", "objet", "collectivite", "organe", "date_seance", "heure_seance", "date_convocation",
                  "president", "secretaire", "membres_en_exercice", "nb_presents", "nb_votants", "presents",
                  "absents_excuses", "absents", "pouvoirs", "vote", "visas", "considerants", "decisions",
                  "date_transmission_prefecture", "date_reception_prefecture", "date_publication",
                  "identifiant_actes", "provenance", "warnings"):
        assert field in act, field


def test_record_round_trips():
    doc = Document.model_validate({"source": "x.txt", "acts": [{"objet": "Budget", "date_seance": "2024-02-13",
                                                                "vote": {"pour": 3, "issue": "adopte"}}]})
    assert Document.model_validate_json(doc.model_dump_json()) == doc
