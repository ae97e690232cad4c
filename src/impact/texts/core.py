"""Strings of the app shell, the assessment editor and the scoring page; shared domain words."""

TEXTS: dict[str, tuple[str, str]] = {
    # shared domain words (other areas reuse these)
    "pillar.ecology": ("Ecologie", "Ecology"),
    "pillar.economy": ("Economie", "Economy"),
    "pillar.people": ("Mens", "People"),
    "direction.higher_is_better": ("Hoger is beter", "Higher is better"),
    "direction.lower_is_better": ("Lager is beter", "Lower is better"),
    "confidence.low": ("laag", "low"),
    "confidence.medium": ("gemiddeld", "medium"),
    "confidence.high": ("hoog", "high"),
    "confidence.none": ("onbekend", "unknown"),
    "word.measure": ("Maatregel", "Measure"),
    "word.measures": ("Maatregelen", "Measures"),
    "word.criterion": ("Criterium", "Criterion"),
    "word.criteria": ("Criteria", "Criteria"),
    "word.pillar": ("Pijler", "Pillar"),
    "word.score": ("Score", "Score"),
    "word.rank": ("Rang", "Rank"),
    "word.source": ("Bron", "Source"),
    "word.confidence": ("Zekerheid", "Confidence"),
    # errors (impact.errors): a message written out where it arose, and the store's own
    "error.as_written": ("{text}", "{text}"),
    "store.error.unknown_assessment": (
        "Beoordeling {id} bestaat niet.",
        "Assessment {id} does not exist.",
    ),
    "store.error.locked": (
        "De database {path} kan niet worden geopend: {error}. Gebruikt een ander "
        "Impactbalans-proces hem? Stop dat proces of zet IMPACT_DB op een ander bestand.",
        "Cannot open the database {path}: {error}. Is another Impactbalans process using "
        "it? Stop it or set IMPACT_DB to another file.",
    ),
    "store.error.locked_by": (
        "De database {path} is in gebruik door een ander proces ({process}, PID {pid}). "
        "Stop dat proces of zet IMPACT_DB op een ander bestand.",
        "The database {path} is in use by another process ({process}, PID {pid}). "
        "Stop it or set IMPACT_DB to another file.",
    ),
    "store.error.cannot_open": (
        "De database {path} kan niet worden geopend: {error}",
        "Cannot open the database {path}: {error}",
    ),
    "store.error.damaged": (
        "Het databasebestand {path} is beschadigd ({error}). Er is geen reservekopie van; "
        "zet IMPACT_DB op een ander bestand om met een lege database te beginnen.",
        "The database file {path} is damaged ({error}). There is no backup of it; set "
        "IMPACT_DB to another file to start with an empty database.",
    ),
    "store.error.damaged_backup": (
        "Het databasebestand {path} is beschadigd ({error}). De nieuwste reservekopie is "
        "{backup}; zet die terug met: impact restore {backup} --db {path}",
        "The database file {path} is damaged ({error}). The newest backup is {backup}; "
        "put it back with: impact restore {backup} --db {path}",
    ),
    "store.error.newer_schema": (
        "De database {path} heeft schemaversie {found}, maar deze versie van Impactbalans "
        "kent er {known}. Werk Impactbalans bij; de database is niet gewijzigd.",
        "The database {path} has schema version {found}, but this version of Impactbalans "
        "knows up to {known}. Update Impactbalans; the database was not changed.",
    ),
    "store.error.no_backup": (
        "Reservekopie {backup} bestaat niet.",
        "Backup {backup} does not exist.",
    ),
    "store.error.bad_backup": (
        "{backup} is geen leesbare database ({error}); er is niets teruggezet.",
        "{backup} is not a readable database ({error}); nothing was restored.",
    ),
    "store.error.restore_in_use": (
        "De database {path} is open in een ander proces ({process}, PID {pid}); stop dat "
        "eerst. Er is niets teruggezet.",
        "The database {path} is open in another process ({process}, PID {pid}); stop it "
        "first. Nothing was restored.",
    ),
    "store.error.restore_in_use_here": (
        "De database {path} is open in dit proces; er is niets teruggezet.",
        "The database {path} is open in this process; nothing was restored.",
    ),
    "store.error.copy_failed": (
        "{source} kon niet naar {target} worden gekopieerd: {error}",
        "Could not copy {source} to {target}: {error}",
    ),
    "store.cli.backup_written": ("Reservekopie gemaakt: {path}", "Backup written: {path}"),
    "store.cli.restored": (
        "{backup} is teruggezet als {path}.",
        "{backup} has been restored as {path}.",
    ),
    "store.cli.kept": (
        "De vervangen database is bewaard als {kept}.",
        "The replaced database was kept as {kept}.",
    ),
    "store.error.unknown_measure": (
        "Score niet opgeslagen: beoordeling {id} heeft geen maatregel {measure} "
        "(criterium {criterion}, waarde {value:g}).",
        "Score not saved: assessment {id} has no measure {measure} "
        "(criterion {criterion}, value {value:g}).",
    ),
    "store.error.unknown_criterion": (
        "Score niet opgeslagen: beoordeling {id} heeft geen criterium {criterion} "
        "(maatregel {measure}, waarde {value:g}).",
        "Score not saved: assessment {id} has no criterion {criterion} "
        "(measure {measure}, value {value:g}).",
    ),
    "store.error.score_off_scale": (
        "Score niet opgeslagen: {value:g} voor maatregel {measure} op criterium {criterion} "
        "ligt buiten de schaal {min} tot {max}.",
        "Score not saved: {value:g} for measure {measure} on criterion {criterion} is "
        "outside the scale {min} to {max}.",
    ),
    # navigation
    "nav.assessment": ("Beoordeling", "Assessment"),
    "nav.scoring": ("Scores", "Scores"),
    "nav.weights": ("Gewichten & perspectieven", "Weights & perspectives"),
    "nav.results": ("Resultaten", "Results"),
    "nav.sensitivity": ("Gevoeligheid", "Sensitivity"),
    "nav.workshop": ("Workshop", "Workshop"),
    "nav.export": ("Export", "Export"),
    "nav.participant": ("Meedoen", "Take part"),
    # app shell and sidebar
    "core.no_assessment": (
        "Er is nog geen beoordeling. Maak er een aan of importeer een werkmap in de zijbalk.",
        "There is no assessment yet. Create one or import a workbook in the sidebar.",
    ),
    "core.no_assessment_viewer": (
        "Er is nog geen beoordeling. Een redacteur kan er een aanmaken of importeren.",
        "There is no assessment yet. An editor can create or import one.",
    ),
    "core.download_html": ("Interactieve HTML", "Interactive HTML"),
    "core.unexpected_error": (
        "Er ging iets mis: {error}. Uw gegevens zijn niet gewijzigd.",
        "Something went wrong: {error}. Your data has not been changed.",
    ),
    "sidebar.assessment": ("Beoordeling", "Assessment"),
    "sidebar.manage": ("Beoordelingen beheren", "Manage assessments"),
    "sidebar.new": ("Nieuwe beoordeling", "New assessment"),
    "sidebar.new_name": ("Naam van de nieuwe beoordeling", "Name of the new assessment"),
    "sidebar.new_default": ("Nieuwe beoordeling", "New assessment"),
    "sidebar.create": ("Aanmaken", "Create"),
    "sidebar.rename": ("Naam wijzigen", "Rename"),
    "sidebar.rename_to": ("Nieuwe naam", "New name"),
    "sidebar.duplicate": ("Dupliceren", "Duplicate"),
    "sidebar.copy_of": ("Kopie van {name}", "Copy of {name}"),
    "sidebar.delete": ("Verwijderen", "Delete"),
    "sidebar.delete_confirm": (
        "Ja, verwijder '{name}' definitief",
        "Yes, delete '{name}' permanently",
    ),
    "sidebar.deleted": ("'{name}' is verwijderd.", "'{name}' has been deleted."),
    "sidebar.import": ("Werkmap importeren", "Import a workbook"),
    "sidebar.import_help": (
        "Excel-werkmap (.xlsx), JSON of een .zip met CSV-bestanden in het formaat van de "
        "voorbeeldbeoordeling. Blad- en kolomnamen mogen Nederlands of Engels zijn "
        "(maatregelen of measures, pijler of pillar).",
        "Excel workbook (.xlsx), JSON or a .zip of CSV files in the format of the example "
        "assessment. Sheet and column names may be Dutch or English (maatregelen or "
        "measures, pijler or pillar).",
    ),
    "sidebar.import_button": ("Importeren", "Import"),
    "sidebar.imported": (
        "'{name}' is geïmporteerd: {measures} {measures|maatregel|maatregelen}, "
        "{criteria} {criteria|criterium|criteria}.",
        "'{name}' was imported: {measures} {measures|measure|measures}, "
        "{criteria} {criteria|criterion|criteria}.",
    ),
    "sidebar.import_failed": (
        "Het bestand is niet geïmporteerd; er is niets opgeslagen. Pas het volgende aan:",
        "The file was not imported; nothing was saved. Please fix the following:",
    ),
    "sidebar.download": ("Werkmap downloaden (.xlsx)", "Download workbook (.xlsx)"),
    "sidebar.database": ("Gegevens worden bewaard in: {path}", "Data is stored in: {path}"),
    "sidebar.saved": ("Opgeslagen.", "Saved."),
    "sidebar.name_required": ("Geef een naam op.", "Please enter a name."),
    # assessment page
    "assessment.title": ("Beoordeling opzetten", "Set up the assessment"),
    "assessment.name": ("Naam", "Name"),
    "assessment.description": ("Doel en toelichting", "Purpose and description"),
    "assessment.save_details": ("Naam en toelichting opslaan", "Save name and description"),
    "assessment.measures": ("Maatregelen", "Measures"),
    "assessment.criteria": ("Criteria", "Criteria"),
    "assessment.counts": (
        "{measures} {measures|maatregel|maatregelen} · {criteria} {criteria|criterium|criteria} · "
        "{profiles} {profiles|perspectief|perspectieven}",
        "{measures} {measures|measure|measures} · {criteria} {criteria|criterion|criteria} · "
        "{profiles} {profiles|perspective|perspectives}",
    ),
    # scoring page
    "scoring.title": ("Scores per maatregel", "Scores per measure"),
    "scoring.intro": (
        "Vul per maatregel en criterium de score in. Criteria op de schaal −3..+3 gebruiken "
        "de zevenpuntsschaal van zeer negatief tot zeer positief. Elke wijziging wordt direct "
        "opgeslagen.",
        "Enter the score per measure and criterion. Criteria on the −3..+3 scale use the "
        "seven-point scale from very negative to very positive. Every change is saved at once.",
    ),
    "scoring.progress": (
        "{filled} van {total} {total|score|scores} ingevuld",
        "{filled} of {total} {total|score|scores} filled in",
    ),
    "scoring.evidence": ("Bron en zekerheid", "Source and confidence"),
    "scoring.evidence_help": (
        "Per score: waar komt hij vandaan en hoe zeker is hij? Zekerheid telt mee in de "
        "gevoeligheidsanalyse.",
        "Per score: where does it come from and how certain is it? Confidence is used in the "
        "sensitivity analysis.",
    ),
    "scoring.scale_help": (
        "{unit}; schaal {lo} tot {hi}; {direction}",
        "{unit}; scale {lo} to {hi}; {direction}",
    ),
    "scoring.no_criteria": (
        "Deze pijler heeft nog geen criteria.",
        "This pillar has no criteria yet.",
    ),
    "scoring.err.outside": (
        "{measure}, {criterion}: {value} ligt buiten de schaal {lo}..{hi}; niet opgeslagen.",
        "{measure}, {criterion}: {value} is outside the scale {lo}..{hi}; not saved.",
    ),
    "scoring.unscored": ("nog niet gescoord", "not scored yet"),
}
