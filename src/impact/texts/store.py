"""Strings of the store's refusals and of the history of saves (impact.store)."""

TEXTS: dict[str, tuple[str, str]] = {
    "store.error.stale_version": (
        "Niet opgeslagen: iemand anders ({who}, {when}) heeft deze beoordeling intussen "
        "gewijzigd. Laad de pagina opnieuw en voer uw wijziging nog eens in.",
        "Not saved: someone else ({who}, {when}) changed this assessment in the meantime. "
        "Reload the page and enter your change again.",
    ),
    "store.error.name_taken": (
        "Er is al een beoordeling met de naam ‘{name}’. Kies een andere naam.",
        "There already is an assessment named ‘{name}’. Choose another name.",
    ),
    "store.error.version_not_restorable": (
        "Versie {version} kan niet worden teruggezet: van die versie is geen kopie bewaard "
        "(te groot of te oud).",
        "Version {version} cannot be restored: no copy of that version was kept "
        "(too large or too old).",
    ),
    "store.error.nothing_to_undo": (
        "Er is niets om ongedaan te maken.",
        "There is nothing to undo.",
    ),
    "store.error.scale_excludes_scores": (
        "Schaal niet gewijzigd: {count} {count|score|scores} van criterium {criterion} "
        "{count|valt|vallen} buiten {min} tot {max} (bijvoorbeeld die van maatregel "
        "{measure}). Pas eerst die scores aan.",
        "Scale not changed: {count} {count|score|scores} of criterion {criterion} "
        "{count|lies|lie} outside {min} to {max} (for example that of measure {measure}). "
        "Change those scores first.",
    ),
    "store.error.measure_gone": (
        "Maatregel {id} bestaat niet (meer); misschien heeft iemand anders hem verwijderd.",
        "Measure {id} does not exist (any more); perhaps someone else deleted it.",
    ),
    "store.error.criterion_gone": (
        "Criterium {id} bestaat niet (meer); misschien heeft iemand anders het verwijderd.",
        "Criterion {id} does not exist (any more); perhaps someone else deleted it.",
    ),
    "store.error.measure_id_taken": (
        "Er is al een maatregel met code {id}. Kies een andere code.",
        "There already is a measure with code {id}. Choose another code.",
    ),
    "store.error.criterion_id_taken": (
        "Er is al een criterium met code {id}. Kies een andere code.",
        "There already is a criterion with code {id}. Choose another code.",
    ),
    # what a version changed (the History panel)
    "history.created": ("Aangemaakt als ‘{name}’", "Created as ‘{name}’"),
    "history.imported": ("Geïmporteerd als ‘{name}’", "Imported as ‘{name}’"),
    "history.example": ("Voorbeeld geladen", "Example loaded"),
    "history.copied": ("Gekopieerd als ‘{name}’", "Copied as ‘{name}’"),
    "history.group_result": ("Groepsresultaat opgeslagen als ‘{name}’",
                             "Group result saved as ‘{name}’"),
    "history.replaced": ("Hele inhoud vervangen", "Whole content replaced"),
    "history.renamed": ("Hernoemd tot ‘{name}’", "Renamed to ‘{name}’"),
    "history.restored": ("Versie {version} teruggezet", "Version {version} restored"),
    "history.criteria_saved": ("Criteria opgeslagen ({count})", "Criteria saved ({count})"),
    "history.measures_saved": ("Maatregelen opgeslagen ({count})",
                               "Measures saved ({count})"),
    "history.measure_added": ("Maatregel {id} toegevoegd", "Measure {id} added"),
    "history.measure_changed": ("Maatregel {id} gewijzigd", "Measure {id} changed"),
    "history.measure_deleted": ("Maatregel {id} verwijderd", "Measure {id} deleted"),
    "history.measure_moved": ("Maatregel {id} verplaatst", "Measure {id} moved"),
    "history.criterion_added": ("Criterium {id} toegevoegd", "Criterion {id} added"),
    "history.criterion_changed": ("Criterium {id} gewijzigd", "Criterion {id} changed"),
    "history.criterion_deleted": ("Criterium {id} verwijderd", "Criterion {id} deleted"),
    "history.criterion_moved": ("Criterium {id} verplaatst", "Criterion {id} moved"),
    "history.scores_saved": ("Scores opgeslagen ({count})", "Scores saved ({count})"),
    "history.score_deleted": ("Score {measure} × {criterion} gewist",
                              "Score {measure} × {criterion} cleared"),
    "history.profile_saved": ("Perspectief ‘{name}’ opgeslagen", "Perspective ‘{name}’ saved"),
    "history.profile_deleted": ("Perspectief ‘{name}’ verwijderd",
                                "Perspective ‘{name}’ deleted"),
}
