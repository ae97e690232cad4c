"""AppTest: importing a workbook from the sidebar (a Dutch one, and one that fails)."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from impact.io import read_assessment
from impact.store import get_store
from impact.ui.text import plain
from tests.conftest import APP, EXAMPLE_DIR
from tests.test_io_dutch import dutch_workbook


def uploader(at: AppTest):  # noqa: ANN201 - AppTest's FileUploader
    (found,) = at.sidebar.get("file_uploader")
    return found


def import_buttons(at: AppTest) -> list:
    return [b for b in at.sidebar.button if b.key == "import_button"]


def test_after_an_import_the_uploader_is_empty(db_path: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    example = read_assessment(EXAMPLE_DIR)
    uploader(at).upload("werkmap.xlsx", dutch_workbook(example))
    at.run()
    assert uploader(at).value.name == "werkmap.xlsx"
    at.sidebar.button(key="import_button").click().run()
    assert not at.exception
    store = get_store()
    infos = store.list_assessments()
    assert [i.name for i in infos] == [example.name, f"{example.name} (2)"]
    imported = store.load(infos[1].id)
    assert imported.performance().equals(example.performance())
    # the uploader no longer holds the file, so it cannot be imported twice by accident
    assert uploader(at).value is None
    assert import_buttons(at) == []
    at.run()
    assert uploader(at).value is None and len(store.list_assessments()) == 2


def test_a_failed_import_keeps_the_file_and_names_the_sheets_found(db_path: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    uploader(at).upload("leeg.zip", _zip({"Blad1.csv": b"a,b\n1,2\n"}))
    at.run()
    at.sidebar.button(key="import_button").click().run()
    assert not at.exception
    errors = [e.value for e in at.sidebar.error]
    assert errors[1:] == [plain(line) for line in (  # shown as typed, not as Markdown
        "Blad 'criteria': het verplichte bestand criteria.csv ontbreekt (in het Nederlands: "
        "criteria.csv); gevonden: 'Blad1.csv'. Geef het bestand een van deze twee namen.",
        "Blad 'measures': het verplichte bestand measures.csv ontbreekt (in het Nederlands: "
        "maatregelen.csv); gevonden: 'Blad1.csv'. Geef het bestand een van deze twee namen.",
    )]
    assert uploader(at).value.name == "leeg.zip"  # still there: fix it and try again
    assert len(get_store().list_assessments()) == 1


def _zip(files: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()
