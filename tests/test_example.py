"""The example assessment: Dutch descriptions and units, the English ones beside them."""

from __future__ import annotations

import csv

from impact.io import read_assessment
from impact.io.aliases import match_sheets
from tests.conftest import EXAMPLE_DIR


def english_rows() -> list[dict[str, str]]:
    with open(EXAMPLE_DIR / "descriptions_en.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_every_description_is_dutch_with_an_english_one_beside_it() -> None:
    example = read_assessment(EXAMPLE_DIR)
    dutch = {("criteria", c.id): c.description for c in example.criteria}
    dutch |= {("measures", m.id): m.description for m in example.measures}
    english = {(r["sheet"], r["id"]): r["description_en"] for r in english_rows()}
    assert list(english) == list(dutch)  # the same items, in the same order
    assert all(dutch.values()) and all(english.values())
    assert [key for key in dutch if dutch[key] == english[key]] == []
    assert example.measure("M07").description.endswith("(effect onzeker)")
    assert english[("measures", "M07")].endswith("(effect uncertain)")


def test_units_are_dutch_with_the_english_unit_beside_them() -> None:
    example = read_assessment(EXAMPLE_DIR)
    units = {c.id: c.unit for c in example.criteria}
    english = {r["id"]: r["unit_en"] for r in english_rows() if r["sheet"] == "criteria"}
    assert (units["eco_n"], english["eco_n"]) == ("mol N/ha/jaar", "mol N/ha/yr")
    assert (units["econ_cost"], english["econ_cost"]) == ("mln euro (10 jaar)",
                                                          "EUR million (10 years)")
    assert set(english) == set(units) and all(english.values())


def test_the_english_file_is_not_taken_for_a_sheet() -> None:
    names = sorted(p.name for p in EXAMPLE_DIR.glob("*.csv"))
    match = match_sheets(names, lambda name: name[:-4])
    assert "descriptions_en.csv" in names
    assert "descriptions_en.csv" not in match.sheets.values() and not match.ambiguous
