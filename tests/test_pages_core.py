"""AppTest: the app shell, the assessment page and the scoring page on a fresh database."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from impact.io import assessment_to_xlsx_bytes, read_assessment
from impact.store import get_store
from tests.conftest import APP, EXAMPLE_DIR
from tests.helpers import EDITOR

EXAMPLE_NAME = read_assessment(EXAMPLE_DIR).name


def start(page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts = [e.value for e in at.title] + [e.value for e in at.caption]
    parts += [e.value for e in at.subheader] + [e.label for e in at.selectbox]
    return "\n".join(str(p) for p in parts)


def test_app_renders_the_seeded_example(db_path: Path) -> None:
    at = start()
    assert at.title[0].value == "Beoordeling opzetten"
    picker = at.sidebar.selectbox[0]
    assert picker.label == "Beoordeling"
    assert picker.format_func(picker.value) == EXAMPLE_NAME
    assert "11 maatregelen · 13 criteria · 4 perspectieven" in texts(at)
    assert str(db_path.resolve()) in texts(at)  # the app says where the data lives
    # the measures and criteria are lists with an edit button each (the dialogs edit them)
    measures = [b.key.split(":")[-1] for b in at.button if b.key.startswith("edit:measure:")]
    assert measures == [f"M{i:02d}" for i in range(1, 12)]
    criteria = [b.key.split(":")[-1] for b in at.button if b.key.startswith("edit:criterion:")]
    assert len(criteria) == 13 and criteria[0] == "eco_n"


def test_language_switch_changes_the_visible_text(db_path: Path) -> None:
    at = start()
    at.segmented_control(key="lang_switch").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Set up the assessment"
    assert "11 measures · 13 criteria · 4 perspectives" in texts(at)
    assert at.sidebar.selectbox[0].label == "Assessment"


def test_renaming_persists_across_a_new_run(db_path: Path) -> None:
    at = start()
    at.main.text_input[0].set_value("Gebiedsplan <b>Noord</b>")
    at.main.text_area[0].set_value("**Doel**: kiezen")
    at.main.button[0].click()
    at.run()
    assert not at.exception
    fresh = start()  # a new session, as after a reload
    picker = fresh.sidebar.selectbox[0]
    assert picker.format_func(picker.value) == "Gebiedsplan <b>Noord</b>"
    store = get_store()
    loaded = store.load(store.list_assessments()[0].id)
    assert (loaded.name, loaded.description) == ("Gebiedsplan <b>Noord</b>", "**Doel**: kiezen")


def test_new_duplicate_and_delete_with_confirmation(db_path: Path) -> None:
    at = start()
    at.sidebar.text_input[0].set_value("Tweede")
    at.sidebar.button[0].click()  # the form's submit button comes first
    at.run()
    store = get_store()
    assert [i.name for i in store.list_assessments()] == [EXAMPLE_NAME, "Tweede"]
    delete = at.sidebar.button(key="delete_button")
    assert delete.disabled  # nothing is deleted without the confirmation
    at.sidebar.checkbox[0].check().run()
    at.sidebar.button(key="delete_button").click().run()
    assert not at.exception
    assert [i.name for i in store.list_assessments()] == [EXAMPLE_NAME]
    at.sidebar.button(key="duplicate_button").click().run()
    assert [i.name for i in store.list_assessments()] == [EXAMPLE_NAME,
                                                          f"Kopie van {EXAMPLE_NAME}"]


def test_import_of_a_workbook_and_of_a_broken_one(db_path: Path) -> None:
    at = start()
    example = read_assessment(EXAMPLE_DIR)  # same name as the seeded one

    at.sidebar.get("file_uploader")[0].upload("plan.xlsx", assessment_to_xlsx_bytes(example))
    at.run()
    at.sidebar.button(key="import_button").click().run()
    assert not at.exception
    store = get_store()
    assert [i.name for i in store.list_assessments()] == [EXAMPLE_NAME, f"{EXAMPLE_NAME} (2)"]
    count = len(store.list_assessments())

    at.sidebar.get("file_uploader")[0].upload("kapot.json", b'{"name": "x"}')
    at.run()
    at.sidebar.button(key="import_button").click().run()
    assert not at.exception
    errors = [e.value for e in at.sidebar.error]
    assert errors and "niets opgeslagen" in errors[0]
    assert len(store.list_assessments()) == count


@pytest.mark.parametrize(
    "lang,title", [("nl", "Scores per maatregel"), ("en", "Scores per measure")]
)
def test_scoring_page_groups_criteria_by_pillar(db_path: Path, lang: str, title: str) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    at.run()
    at.switch_page("views/scoring.py").run()
    assert not at.exception
    assert at.title[0].value == title
    assert len(at.tabs) == 3
    labels = [tab.label for tab in at.tabs]
    assert ("Ecologie" if lang == "nl" else "Ecology") in labels[0]
    assert at.progress[0].value == 100  # all 143 cells of the example are scored
    # one score matrix and one evidence editor per pillar
    assert len(at.data_editor) == 6
    ecology = at.data_editor[0].value
    assert list(ecology.columns) == ["measure", "eco_n", "eco_bio", "eco_water", "eco_ghg",
                                     "eco_land"]
    assert ecology.loc["M04", "eco_n"] == "60"  # text cells: a decimal comma can be pasted


def test_scoring_page_shows_stored_edits_after_reload(db_path: Path) -> None:
    from impact.model import Score

    at = start("views/scoring.py")
    store = get_store()
    aid = store.list_assessments()[0].id
    store.set_score(aid, Score("M01", "eco_bio", -2.0, "Veldbezoek", None), by=EDITOR)
    at.run()
    assert at.data_editor[0].value.loc["M01", "eco_bio"] == "-2"
