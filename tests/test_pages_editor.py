"""AppTest: the measure and criterion dialogs (validation in both languages, presets,
delete with its confirmation, a stale save refused), the form rules themselves and the
score cells' number reading."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from impact.editing import NotANumber, cell_text, parse_cell
from impact.forms import copy_id, criterion_from_fields, measure_from_fields, next_id
from impact.model import Measure, Score
from impact.store import get_store
from tests.conftest import APP
from tests.helpers import EDITOR
from tests.text_scan import english_placeholders


def start(lang: str = "nl") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def red(at: AppTest) -> list[str]:
    """The messages shown next to dialog fields."""
    return [m.value for m in at.markdown if m.value.startswith(":red[")]


@pytest.mark.parametrize("lang,save,missing_name,taken", [
    ("nl", "Opslaan", "Vul een Nederlandse naam in", "is al in gebruik voor een andere"),
    ("en", "Save", "Enter a Dutch name", "is already used by another measure"),
])
def test_the_measure_dialog_says_what_to_fix_and_saves_when_valid(
        db_path: Path, lang: str, save: str, missing_name: str, taken: str) -> None:
    at = start(lang)
    at.button(key="add_measure").click().run()
    form = "measure:1:new:"
    assert at.text_input(key=f"{form}:id").value == "M12"  # the next free code
    at.text_input(key=f"{form}:id").input("M01")
    button(at, save).click().run()
    messages = " ".join(red(at))
    assert missing_name in messages and taken in messages
    assert len(get_store().load(1).measures) == 11  # nothing saved
    at.text_input(key=f"{form}:id").input("M12")
    at.text_input(key=f"{form}:label_nl").input("Groene daken")
    button(at, save).click().run()
    assert not at.exception
    measures = get_store().load(1).measures
    assert (measures[-1].id, measures[-1].label_nl) == ("M12", "Groene daken")
    assert red(at) == [] and f"{form}:id" not in [t.key for t in at.text_input]  # closed


def test_a_criterion_preset_fills_in_the_scale_and_the_new_scale_must_hold_the_scores(
        db_path: Path) -> None:
    at = start()
    at.button(key="add_criterion:economy").click().run()
    form = "criterion:1:new:economy"
    assert at.selectbox(key=f"{form}:pillar").value == "economy"
    at.selectbox(key=f"{form}:preset").set_value("euro").run()
    assert at.number_input(key=f"{form}:scale_min").value == 0
    assert at.number_input(key=f"{form}:scale_max").value == 1_000_000
    assert at.text_input(key=f"{form}:unit").value == "€"
    at.text_input(key=f"{form}:label_nl").input("Investering")
    button(at, "Opslaan").click().run()
    added = get_store().load(1).criteria[-1]
    assert (added.label_nl, added.pillar, added.scale_max, added.unit) == (
        "Investering", "economy", 1_000_000, "€")

    # editing eco_n (0..100, the example scores up to 60) down to 0..10 is refused
    at.button(key="edit:criterion:eco_n").click().run()
    form = "criterion:1:edit:eco_n"
    at.number_input(key=f"{form}:scale_max").set_value(10.0)
    button(at, "Opslaan").click().run()
    assert any("bestaande scores vallen buiten deze schaal" in m for m in red(at))
    assert get_store().load(1).criteria[0].scale_max == 100


def test_delete_says_what_else_goes_and_asks_first(db_path: Path) -> None:
    at = start()
    at.button(key="delete:measure:M02").click().run()
    text = " ".join(m.value for m in at.markdown)
    assert "Maatregel M02" in text and "13 scores" in text
    at.button(key="cancel_delete").click().run()
    assert len(get_store().load(1).measures) == 11
    at.button(key="delete:measure:M02").click().run()
    at.button(key="confirm_delete").click().run()
    assert "M02" not in [m.id for m in get_store().load(1).measures]
    assert not any(k[0] == "M02" for k in get_store().load(1).scores)


def test_move_duplicate_and_a_stale_save(db_path: Path) -> None:
    at = start()
    at.button(key="move1:measure:M01").click().run()
    assert [m.id for m in get_store().load(1).measures][:2] == ["M02", "M01"]
    at.button(key="copy:measure:M03").click().run()
    form = "measure:1:copy:M03"
    assert at.text_input(key=f"{form}:id").value == "M03-2"
    button(at, "Opslaan").click().run()
    a = get_store().load(1)
    assert a.measures[-1].id == "M03-2"
    assert all(a.scores[("M03-2", c.id)].value == a.scores[("M03", c.id)].value
               for c in a.criteria)  # the copy has the scores too
    # someone else saves while the dialog is open: the save is refused, with the reason
    at.button(key="edit:measure:M04").click().run()
    get_store().set_score(1, Score("M04", "eco_n", 1.0), by=EDITOR)
    at.text_input(key="measure:1:edit:M04:label_nl").input("Nieuwe naam")
    button(at, "Opslaan").click().run()
    assert any("iemand anders" in e.value.lower() for e in at.error)
    assert get_store().load(1).measures[3].label_nl != "Nieuwe naam"


def test_the_editor_pages_show_no_english_in_dutch(db_path: Path) -> None:
    at = start()
    assert english_placeholders(at) == []
    at.button(key="add_criterion:people").click().run()
    assert english_placeholders(at) == []
    at = start()
    at.switch_page("views/scoring.py").run()
    assert not at.exception
    assert english_placeholders(at) == []


def test_undo_in_the_history_panel(db_path: Path) -> None:
    at = start()
    store = get_store()
    store.save_measure(1, Measure("M99", "Extra", "Extra"), by=EDITOR)
    at.run()
    assert "M99" in [m.id for m in store.load(1).measures]
    at.button(key="history_undo").click().run()
    assert "M99" not in [m.id for m in store.load(1).measures]
    assert store.versions(1, limit=1)[0].change_key == "history.restored"


def test_form_rules() -> None:
    measure, errors = measure_from_fields({"id": "M 1", "label_nl": ""}, taken_ids=[])
    assert measure is None and set(errors) == {"id", "label_nl"}
    measure, errors = measure_from_fields({"id": "M1", "label_nl": " Daken "}, taken_ids=[])
    assert errors == {} and measure == Measure("M1", "Daken", "", "")
    fields = {"id": "c1", "pillar": "people", "label_nl": "Draagvlak", "direction":
              "higher_is_better", "scale_min": "0", "scale_max": "1,5", "weight": 1}
    criterion, errors = criterion_from_fields(fields, taken_ids=[], scores=[("M1", 2.0)])
    assert criterion is None and "M1" in errors["scale_max"]
    criterion, errors = criterion_from_fields({**fields, "scale_max": 2}, taken_ids=[])
    assert errors == {} and (criterion.scale_min, criterion.scale_max) == (0, 2)
    _, errors = criterion_from_fields({**fields, "scale_min": 3, "weight": -1}, taken_ids=[],
                                      lang="en")
    assert errors["scale_max"] == "Must be larger than the lowest value (3)."
    assert errors["weight"] == "Enter a weight of 0 or more."
    # the dialog's numbers are read as the score grid reads them ("1.000,5" too)
    criterion, errors = criterion_from_fields(
        {**fields, "scale_min": "−1.000,5", "scale_max": "1,000.5", "weight": "1,5"},
        taken_ids=[])
    assert errors == {}
    assert (criterion.scale_min, criterion.scale_max, criterion.weight) == (-1000.5, 1000.5,
                                                                            1.5)
    _, errors = criterion_from_fields({**fields, "weight": "veel"}, taken_ids=[], lang="en")
    assert errors["weight"] == "Enter a weight of 0 or more."
    assert next_id("M", ["M01", "M02", "X9"]) == "M3" and next_id("C", []) == "C1"
    assert copy_id("M3", ["M3", "M3-2"]) == "M3-3"


@pytest.mark.parametrize("text,value", [
    ("1,5", 1.5), ("1.5", 1.5), ("−2", -2.0), ("+3", 3.0), ("1.000,5", 1000.5),
    ("1,000.5", 1000.5), (" 40 ", 40.0), ("", None), (None, None), (7, 7.0)])
def test_score_cells_read_dutch_and_english_numbers(text, value) -> None:
    assert parse_cell(text) == value


@pytest.mark.parametrize("text", ["abc", "1,2,3x", "nan", "inf", "--1"])
def test_score_cells_refuse_text(text) -> None:
    with pytest.raises(NotANumber):
        parse_cell(text)


def test_score_cells_show_the_decimal_comma_in_dutch() -> None:
    assert (cell_text(1.5, "nl"), cell_text(1.5, "en"), cell_text(None)) == ("1,5", "1.5", "")


def test_renaming_to_a_name_in_use_is_refused_with_a_message(db_path: Path) -> None:
    from impact.model import Assessment

    at = start()
    get_store().create(Assessment(name="Tweede"), by=EDITOR)
    at.sidebar.text_input(key="rename:1").set_value("Tweede")
    at.sidebar.button(key="rename_button").click().run()
    assert not at.exception
    assert any("al een beoordeling met de naam ‘Tweede’" in e.value for e in at.error)
    assert get_store().info(1).name != "Tweede"


def test_the_dialogs_know_costs_groups_and_knockouts(db_path: Path) -> None:
    at = start()
    at.button(key="edit:measure:M02").click().run()
    form = "measure:1:edit:M02"
    assert at.text_input(key=f"{form}:cost").value == "20"  # the example's public cost
    at.text_input(key=f"{form}:cost").input("-3")
    button(at, "Opslaan").click().run()
    assert any("Vul 0 of meer in" in m for m in red(at))
    at.text_input(key=f"{form}:cost").input("12,5")
    at.text_input(key=f"{form}:exclusive_group").input("veen")
    button(at, "Opslaan").click().run()
    m02 = get_store().load(1).measure("M02")
    assert (m02.cost, m02.exclusive_group, m02.cost_unit) == (12.5, "veen", "mln €")
    at.button(key="edit:criterion:eco_n").click().run()
    at.text_input(key="criterion:1:edit:eco_n:knockout").input("10")
    button(at, "Opslaan").click().run()
    assert get_store().load(1).criteria[0].knockout == 10.0
