"""One error base: every error meant for the user is a `UserError` with a message per language."""

from __future__ import annotations

from pathlib import Path

import pytest

from impact.access import AccessDenied
from impact.cli import CliError
from impact.engine import EngineError
from impact.errors import UserError
from impact.export import ExportError, StaticExportUnavailable
from impact.io import AssessmentValidationError, ValidationIssue
from impact.store import Store, StoreError
from impact.workshop import WorkshopError


def test_user_error_speaks_both_languages() -> None:
    err = UserError("store.error.unknown_assessment", id=7)
    assert err.key == "store.error.unknown_assessment" and err.params == {"id": 7}
    assert err.message("nl") == "Beoordeling 7 bestaat niet."
    assert err.message("en") == str(err) == "Assessment 7 does not exist."


@pytest.mark.parametrize("error", [
    StoreError("store.error.unknown_assessment", id=1),
    WorkshopError("workshop.error.session_closed", "This session has been closed."),
    AssessmentValidationError([ValidationIssue("measures", 3, "eco_bio", "io.missing_id")]),
    EngineError("engine.error.zero_weights"),
    ExportError("Kan niet exporteren."),
    StaticExportUnavailable("Chromium ontbreekt."),
    AccessDenied(),
    CliError("Geen bestand."),
])
def test_every_error_type_is_a_user_error_with_a_message(error: UserError) -> None:
    assert isinstance(error, UserError)
    for lang in ("nl", "en"):
        assert error.message(lang).strip()
    assert str(error).strip()


def test_the_constructors_keep_their_shape() -> None:
    workshop = WorkshopError("workshop.error.session_full", "This session is full (3).", cap=3)
    assert str(workshop) == "This session is full (3)." and workshop.params == {"cap": 3}
    assert "3" in workshop.message("nl")
    assert isinstance(EngineError("engine.error.zero_weights"), ValueError)
    written = ExportError("Kan niet exporteren.")
    assert str(written) == written.message("en") == written.message("nl") == "Kan niet exporteren."
    invalid = AssessmentValidationError(
        [ValidationIssue("measures", 3, "eco_bio", "io.missing_id")], lang="en")
    assert str(invalid) == invalid.format("en") and invalid.message("nl") == invalid.format("nl")
    assert invalid.key == "io.error.invalid" and invalid.params == {"count": 1}


def test_store_errors_name_the_assessment(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.duckdb")
    with pytest.raises(StoreError) as err:
        store.load(99)
    assert err.value.key == "store.error.unknown_assessment"
    assert str(err.value) == "Assessment 99 does not exist."
    assert err.value.message("nl") == "Beoordeling 99 bestaat niet."
    store.close()
