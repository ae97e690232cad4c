"""The example assessment: Dutch descriptions and units with the English ones beside them,
each shown in the UI language; English texts survive every format and the store."""

from __future__ import annotations

from pathlib import Path

from impact.io import read_assessment, write_assessment
from impact.store import Store
from tests.conftest import EXAMPLE_DIR
from tests.helpers import EDITOR


def test_every_description_is_dutch_with_an_english_one_beside_it() -> None:
    example = read_assessment(EXAMPLE_DIR)
    items = [*example.criteria, *example.measures]
    assert all(i.description and i.description_en for i in items)
    assert [i.id for i in items if i.description == i.description_en] == []
    m07 = example.measure("M07")
    assert m07.describe("nl").endswith("(effect onzeker)")
    assert m07.describe("en").endswith("(effect uncertain)")


def test_units_are_shown_in_the_ui_language() -> None:
    example = read_assessment(EXAMPLE_DIR)
    units = {c.id: (c.unit_in("nl"), c.unit_in("en")) for c in example.criteria}
    assert units["eco_n"] == ("mol N/ha/jaar", "mol N/ha/yr")
    assert units["econ_cost"] == ("mln euro (10 jaar)", "EUR million (10 years)")
    assert all(nl and en for nl, en in units.values())


def test_an_item_without_english_text_shows_the_dutch_one() -> None:
    example = read_assessment(EXAMPLE_DIR)
    c = example.criteria[0]
    from dataclasses import replace

    bare = replace(c, unit_en="", description_en="")
    assert (bare.unit_in("en"), bare.describe("en")) == (c.unit, c.description)


def test_english_texts_survive_every_format_and_the_store(tmp_path: Path) -> None:
    example = read_assessment(EXAMPLE_DIR)
    for name in ("x.xlsx", "x.json", "folder"):
        back = read_assessment(write_assessment(example, tmp_path / name))
        assert back.criteria == example.criteria and back.measures == example.measures
    store = Store(tmp_path / "s.duckdb")
    stored = store.load(store.create(example, by=EDITOR))
    assert stored.criteria == example.criteria and stored.measures == example.measures
    store.close()
