"""The real dev set (../shared/corpus) against corpus/baseline.json: no field may drop by more than 0.01.

Raising the baseline is a deliberate commit: `python tests/test_corpus.py --update`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
BASELINE = ROOT / "corpus" / "baseline.json"
SETS = ("dev", "dev-pdf")
TOLERANCE = 0.01


def _scores(name: str) -> dict[str, float | None]:
    from delibparse.evaluate import evaluate_dir
    from delibparse.pipeline import parse

    report = evaluate_dir(SHARED / name, parse=lambda p: parse(Path(p)))
    out: dict[str, float | None] = {"act_split_f1": report.acts.f1, "invented_share": report.invented_share}
    for field, score in report.fields.items():
        out[f"{field}.f1"] = score.f1
        out[f"{field}.accuracy"] = score.accuracy
    return out


@pytest.fixture(scope="module")
def baseline() -> dict:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


@pytest.mark.slow
@pytest.mark.parametrize("name", SETS)
def test_no_regression_on_dev(name: str, baseline: dict) -> None:
    if not (SHARED / name).is_dir():
        pytest.skip(f"{SHARED / name} is absent")
    now = _scores(name)
    drops = []
    for key, before in baseline[name].items():
        after = now.get(key)
        if before is None:
            continue
        if key == "invented_share":
            if after is not None and after > before + TOLERANCE:
                drops.append(f"{key}: {before:.3f} -> {after:.3f}")
        elif after is None or after < before - TOLERANCE:
            drops.append(f"{key}: {before:.3f} -> {after}")
    assert not drops, "scores dropped below corpus/baseline.json:\n" + "\n".join(drops)


if __name__ == "__main__" and "--update" in sys.argv:
    data = {name: _scores(name) for name in SETS if (SHARED / name).is_dir()}
    BASELINE.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {BASELINE}")
