"""`impact rank` and `impact smaa`: output formats and errors."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from impact import engine, robustness
from impact.cli import main
from impact.io import read_assessment

EXAMPLE = Path(__file__).resolve().parents[1] / "src" / "impact" / "example"


@pytest.fixture(scope="module")
def example():
    return read_assessment(EXAMPLE)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_rank_table_default_is_equal_pillars_in_dutch(capsys, example):
    code, out, err = run(capsys, "rank", str(EXAMPLE))
    assert code == 0 and err == ""
    lines = out.splitlines()
    # one rounding everywhere: the same 34/33/33 as the app's sliders and subtitles
    assert lines[0] == ("Rangorde (Gewogen som, pijlergewichten: ecologie 34%, economie 33%, "
                        "mens 33%)")
    assert "plaats" in lines[1] and "ecologie" in lines[1] and "balans" in lines[1]
    ranked = engine.evaluate(example).ranked()
    body = [line.split()[0] for line in lines[3:3 + len(ranked)]]
    assert body == list(ranked.index)
    assert lines[-1].startswith("* = niet gedomineerd")


def test_rank_csv(capsys, example):
    code, out, _ = run(capsys, "rank", str(EXAMPLE), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0])[:7] == ["measure_id", "label", "rank", "score", "ecology", "economy",
                                 "people"]
    table = engine.evaluate(example).table
    assert len(rows) == len(table)
    for row in rows:
        m = row["measure_id"]
        assert int(row["rank"]) == table.loc[m, "rank"]
        assert float(row["score"]) == pytest.approx(table.loc[m, "score"], abs=1e-6)
        assert float(row["people"]) == pytest.approx(table.loc[m, "people"], abs=1e-6)
        assert row["label"] == table.loc[m, "label_nl"]
    assert [int(r["rank"]) for r in rows] == sorted(int(r["rank"]) for r in rows)


def test_rank_json_with_profile_and_method(capsys, example):
    code, out, _ = run(capsys, "--lang", "en", "rank", str(EXAMPLE), "--profile",
                       "Agrarische sector", "--method", "topsis", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["method"] == "topsis" and data["profile"] == "Agrarische sector"
    assert data["pillar_weights"] == pytest.approx({"ecology": 0.2, "economy": 0.55,
                                                    "people": 0.25})
    ev = engine.evaluate(example, profile=example.profile("Agrarische sector"),
                         method="topsis")
    got = {m["measure_id"]: m for m in data["measures"]}
    for mid, row in ev.table.iterrows():
        assert got[mid]["rank"] == row["rank"]
        assert got[mid]["score"] == pytest.approx(row["score"], abs=1e-6)
        assert got[mid]["label"] == row["label_en"]
        assert got[mid]["pareto"] == bool(row["pareto"])


def test_rank_in_english(capsys):
    code, out, _ = run(capsys, "--lang", "en", "rank", str(EXAMPLE), "--method", "vikor")
    assert code == 0
    assert out.splitlines()[0].startswith("Ranking (VIKOR (compromise solution), pillar weights")


def test_rank_unknown_profile_lists_the_available_ones(capsys):
    code, out, err = run(capsys, "rank", str(EXAMPLE), "--profile", "Gemeente")
    assert code == 1 and out == ""
    assert err.strip() == ("Perspectief 'Gemeente' bestaat niet in dit bestand. Beschikbaar: "
                           "Provincie, Agrarische sector, Natuurorganisaties, Bewoners.")


def test_rank_unknown_method_is_explained(capsys):
    code, _, err = run(capsys, "rank", str(EXAMPLE), "--method", "ahp")
    assert code == 1
    assert err.strip() == ("Methode 'ahp' bestaat niet; kies uit wsm, topsis, vikor, spotis, "
                           "promethee.")
    assert "Traceback" not in err


def test_rank_invalid_file_is_explained(capsys, tmp_path):
    folder = tmp_path / "bad"
    shutil.copytree(EXAMPLE, folder)
    measures = pd.read_csv(folder / "measures.csv", dtype=str)
    measures.loc[2, "econ_cost"] = "veel"
    measures.to_csv(folder / "measures.csv", index=False)
    code, out, err = run(capsys, "rank", str(folder))
    assert code == 1 and out == ""
    assert "econ_cost" in err and "Traceback" not in err


def test_rank_csv_neutralises_formula_labels(capsys, tmp_path):
    folder = tmp_path / "formula"
    shutil.copytree(EXAMPLE, folder)
    measures = pd.read_csv(folder / "measures.csv", dtype=str)
    measures.loc[0, "label_nl"] = "=HYPERLINK(\"http://x\")"
    measures.to_csv(folder / "measures.csv", index=False)
    code, out, _ = run(capsys, "rank", str(folder), "--format", "csv")
    assert code == 0
    rows = {r["measure_id"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["M01"]["label"] == "'=HYPERLINK(\"http://x\")"


def test_smaa_csv_equals_smaa_assessment(capsys, example):
    code, out, _ = run(capsys, "smaa", str(EXAMPLE), "--samples", "800", "--format", "csv")
    assert code == 0
    frame = pd.read_csv(io.StringIO(out), index_col="measure_id")
    ranks = [f"rank_{r}" for r in range(1, len(example.measures) + 1)]
    assert list(frame.columns) == ["label", "first", "top3", "mean_rank", *ranks]
    np.testing.assert_allclose(frame[ranks].sum(axis=1), 1.0, atol=1e-5)
    result = robustness.smaa_assessment(example, samples=800)
    np.testing.assert_allclose(frame["first"], result.first.loc[frame.index], atol=1e-6)
    np.testing.assert_allclose(frame["mean_rank"], result.mean_rank.loc[frame.index], atol=1e-6)
    assert frame["first"].is_monotonic_decreasing


def test_smaa_table_and_json_with_profile(capsys, example):
    code, out, _ = run(capsys, "smaa", str(EXAMPLE), "--samples", "300", "--profile",
                       "Bewoners")
    assert code == 0
    first_line = out.splitlines()[0]
    assert first_line.startswith("Rangkansen uit 300 trekkingen")
    assert "rond ecologie 25%, economie 25%, mens 50%" in first_line
    assert "kans op 1e plaats" in out.splitlines()[1]
    code, out, _ = run(capsys, "smaa", str(EXAMPLE), "--samples", "300", "--profile",
                       "Bewoners", "--format", "json", "--seed", "2")
    data = json.loads(out)
    assert data["samples"] == 300 and data["profile"] == "Bewoners" and data["seed"] == 2
    result = robustness.smaa_assessment(example, profile=example.profile("Bewoners"),
                                        samples=300, seed=2)
    for m in data["measures"]:
        assert m["first"] == pytest.approx(result.first[m["measure_id"]], abs=1e-6)
        assert sum(m[f"rank_{r}"] for r in range(1, 12)) == pytest.approx(1, abs=1e-5)


def test_smaa_errors(capsys):
    code, _, err = run(capsys, "smaa", str(EXAMPLE), "--samples", "0")
    assert code == 1
    assert err.strip() == "Het aantal trekkingen moet minstens 1 zijn (nu 0)."
    code, _, err = run(capsys, "--lang", "en", "smaa", str(EXAMPLE), "--profile", "x")
    assert code == 1 and err.startswith("Profile 'x' does not exist")
