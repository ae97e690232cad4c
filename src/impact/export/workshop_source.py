"""Where the export's workshop frames come from: the one module of `impact.export` that
reads workshop sessions (through `impact.workshop`'s public functions only).

`workshop_data` builds the two frames `impact.export.workshops` takes; it belongs with
the workshop code and can move there as it is. The functions below it keep the older
store-taking signatures (`workshop_rounds(store, id)`, `workshop_csv(store, a)`, ...)
working on top of it.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from impact.export import workshops
from impact.model import Assessment


def workshop_data(store: Any, assessment_id: int | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rounds, aggregates): `impact.workshop.export_frames`, kept under its old name."""
    from impact import workshop

    return workshop.export_frames(store, assessment_id)


# --- the older signatures: they read the store, then format the frames --------------------

def has_workshops(store: Any, assessment_id: int | None) -> bool:
    """True when a workshop session was held on this assessment."""
    from impact import workshop

    return assessment_id is not None and bool(workshop.sessions_of(store, assessment_id))


def workshop_rounds(store: Any, assessment_id: int) -> list[workshops.WorkshopRound]:
    """Every round of every workshop session on this assessment, with participant counts."""
    return workshops.round_list(workshop_data(store, assessment_id)[0])


def workshop_frames(
    store: Any, assessment: Assessment, lang: str = "nl"
) -> dict[str, pd.DataFrame]:
    """`workshop_tables` of the sessions held on this assessment ({} when it is unsaved)."""
    if assessment.id is None:
        return {}
    return workshops.workshop_tables(assessment, *workshop_data(store, assessment.id), lang)


def workshop_csv(store: Any, assessment: Assessment, *, lang: str = "nl") -> bytes:
    """The group statistics per round and cell as one CSV."""
    return workshops.workshop_tables_csv(workshop_frames(store, assessment, lang), lang)


def workshop_xlsx(store: Any, assessment: Assessment, *, lang: str = "nl") -> bytes:
    """Rounds with participant counts and the group statistics, as a formatted workbook."""
    return workshops.workshop_tables_xlsx(workshop_frames(store, assessment, lang), lang)
