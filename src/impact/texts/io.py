"""Strings of assessment import/export (impact.io) and the validate/import commands."""

TEXTS: dict[str, tuple[str, str]] = {
    # where an issue is
    "io.loc.sheet": ("Blad '{sheet}'", "Sheet '{sheet}'"),
    "io.loc.row": ("rij {row}", "row {row}"),
    "io.loc.column": ("kolom '{column}'", "column '{column}'"),
    "io.loc.json.sheet": ("JSON-onderdeel '{sheet}'", "JSON part '{sheet}'"),
    "io.loc.json.row": ("item {row}", "item {row}"),
    "io.loc.json.column": ("veld '{column}'", "field '{column}'"),
    # the file as a whole
    "io.file_not_found": (
        "Het bestand of de map '{path}' bestaat niet.",
        "The file or folder '{path}' does not exist.",
    ),
    "io.unreadable_file": (
        "Het bestand '{path}' kan niet worden gelezen ({detail}).",
        "The file '{path}' cannot be read ({detail}).",
    ),
    "io.unreadable_xlsx": (
        "Het bestand '{path}' is geen leesbaar Excel-bestand (.xlsx). Open het in Excel en "
        "sla het opnieuw op als Excel-werkmap (.xlsx).",
        "The file '{path}' is not a readable Excel file (.xlsx). Open it in Excel and save it "
        "again as an Excel workbook (.xlsx).",
    ),
    "io.unreadable_csv": (
        "Het bestand '{path}' kan niet als CSV worden gelezen ({detail}).",
        "The file '{path}' cannot be read as CSV ({detail}).",
    ),
    "io.unreadable_zip": (
        "Het bestand '{path}' is geen leesbaar zip-bestand.",
        "The file '{path}' is not a readable zip file.",
    ),
    "io.unreadable_json": (
        "Het bestand '{path}' is geen geldige JSON: {detail} (regel {line}).",
        "The file '{path}' is not valid JSON: {detail} (line {line}).",
    ),
    "io.json_not_object": (
        "Het bestand '{path}' moet één JSON-object bevatten (tussen {{ en }}).",
        "The file '{path}' must hold one JSON object (between {{ and }}).",
    ),
    "io.too_large": (
        "Het bestand '{path}' is te groot om in te lezen (meer dan 50 MB).",
        "The file '{path}' is too large to import (more than 50 MB).",
    ),
    "io.xls_not_supported": (
        "Het bestand '{path}' is in het oude Excel-formaat (.xls). Sla het in Excel op als "
        "Excel-werkmap (.xlsx) en probeer het opnieuw.",
        "The file '{path}' is in the old Excel format (.xls). Save it in Excel as an Excel "
        "workbook (.xlsx) and try again.",
    ),
    "io.single_csv": (
        "'{path}' is één CSV-bestand. Geef de map op met criteria.csv en measures.csv "
        "(of maatregelen.csv), of een .zip met die bestanden.",
        "'{path}' is a single CSV file. Give the folder that holds criteria.csv and "
        "measures.csv (or maatregelen.csv), or a .zip of those files.",
    ),
    "io.unsupported_type": (
        "Onbekend bestandstype '{suffix}' ({path}). Gebruik een Excel-bestand (.xlsx), een "
        "JSON-bestand (.json), een map met CSV-bestanden of een .zip met CSV-bestanden.",
        "Unknown file type '{suffix}' ({path}). Use an Excel file (.xlsx), a JSON file "
        "(.json), a folder of CSV files or a .zip of CSV files.",
    ),
    # sheets and columns
    "io.missing_sheet": (
        "dit blad ontbreekt en is verplicht. Voeg het toe (of een bestand met deze naam "
        "en .csv).",
        "this sheet is missing and is required. Add it (or a file of this name with .csv).",
    ),
    "io.missing_sheet_found": (
        "dit verplichte blad ontbreekt (in het Nederlands: '{dutch}'); gevonden: {found}. "
        "Geef het blad een van deze twee namen.",
        "this required sheet is missing (in Dutch: '{dutch}'); found: {found}. Give the "
        "sheet one of these two names.",
    ),
    "io.missing_file_found": (
        "het verplichte bestand {file} ontbreekt (in het Nederlands: {dutch}); gevonden: "
        "{found}. Geef het bestand een van deze twee namen.",
        "the required file {file} is missing (in Dutch: {dutch}); found: {found}. Give the "
        "file one of these two names.",
    ),
    "io.missing_file_none": (
        "het verplichte bestand {file} (in het Nederlands: {dutch}) ontbreekt; er staat "
        "geen enkel CSV-bestand in.",
        "the required file {file} (in Dutch: {dutch}) is missing; there is no CSV file at "
        "all.",
    ),
    "io.ambiguous_sheet": (
        "meer dan één blad kan dit blad zijn: {names}. Houd er één over of geef de andere "
        "een andere naam.",
        "more than one sheet could be this sheet: {names}. Keep one or give the others "
        "another name.",
    ),
    "io.ambiguous_file": (
        "meer dan één bestand kan dit blad zijn: {names}. Houd er één over of geef de "
        "andere een andere naam.",
        "more than one file could be this sheet: {names}. Keep one or give the others "
        "another name.",
    ),
    "io.empty_sheet": (
        "het blad is leeg; de eerste rij moet de kolomnamen bevatten.",
        "the sheet is empty; its first row must hold the column names.",
    ),
    "io.no_rows": (
        "het blad heeft alleen kolomnamen en geen enkele rij gegevens.",
        "the sheet has column names but no rows of data.",
    ),
    "io.missing_column": (
        "deze verplichte kolom ontbreekt.",
        "this required column is missing.",
    ),
    "io.duplicate_column": (
        "deze kolom komt meer dan eens voor; houd er één over.",
        "this column appears more than once; keep one.",
    ),
    "io.unnamed_column": (
        "deze cel staat in een kolom zonder naam in de kopregel (rij 1). Geef de kolom een "
        "naam of verwijder de inhoud; in CSV staat er misschien een komma te veel in de rij.",
        "this cell is in a column without a name in the header row (row 1). Name the column "
        "or remove its content; in CSV the row may hold one comma too many.",
    ),
    "io.ambiguous_column": (
        "deze kolom betekent hetzelfde als kolom '{other}' ({field}); houd er één over.",
        "this column means the same as column '{other}' ({field}); keep one.",
    ),
    "io.unknown_column": (
        "onbekende kolom; verwijder deze of verbeter de naam. Toegestaan: {allowed}.",
        "unknown column; remove it or correct its name. Allowed: {allowed}.",
    ),
    "io.unknown_score_column": (
        "deze kolom is geen criterium: er is geen criterium met id '{id}' in blad "
        "'{in_sheet}'. Voeg dat criterium toe of verwijder de kolom.",
        "this column is not a criterion: there is no criterion with id '{id}' in sheet "
        "'{in_sheet}'. Add that criterion or remove the column.",
    ),
    "io.criterion_without_column": (
        "er is geen kolom voor criterium '{id}' (blad '{in_sheet}', rij {criteria_row}). "
        "Voeg een kolom '{id}' met de scores toe.",
        "there is no column for criterion '{id}' (sheet '{in_sheet}', row {criteria_row}). "
        "Add a column '{id}' with the scores.",
    ),
    "io.unknown_weight_column": (
        "er is geen criterium '{id}' voor dit criteriumgewicht. Verbeter de naam (w:<id van "
        "een criterium>) of verwijder de kolom.",
        "there is no criterion '{id}' for this criterion weight. Correct the name (w:<id of a "
        "criterion>) or remove the column.",
    ),
    # ids, labels and choices
    "io.missing_id": ("het id ontbreekt.", "the id is missing."),
    "io.duplicate_id": (
        "het id '{id}' komt al voor in rij {first_row}; elk id moet uniek zijn.",
        "the id '{id}' already appears in row {first_row}; every id must be unique.",
    ),
    "io.reserved_id": (
        "het id '{id}' is de naam van een vaste kolom van blad 'measures'; kies een ander id.",
        "the id '{id}' is the name of a fixed column of sheet 'measures'; choose another id.",
    ),
    "io.empty_label": (
        "het Nederlandse label ontbreekt.",
        "the Dutch label is missing.",
    ),
    "io.empty_value": (
        "deze cel is leeg; vul een waarde in.",
        "this cell is empty; fill in a value.",
    ),
    "io.unknown_pillar": (
        "onbekende pijler '{value}'; kies ecologie, economie of mens (of ecology, economy, "
        "people).",
        "unknown pillar '{value}'; choose ecology, economy or people (or ecologie, economie, "
        "mens).",
    ),
    "io.unknown_direction": (
        "onbekende richting '{value}'; kies 'hoger is beter' of 'lager is beter' (of "
        "higher_is_better, lower_is_better, max, min).",
        "unknown direction '{value}'; choose higher_is_better or lower_is_better (or max, "
        "min, 'hoger is beter', 'lager is beter').",
    ),
    # numbers
    "io.not_a_number": (
        "'{value}' is geen getal.",
        "'{value}' is not a number.",
    ),
    "io.empty_number": (
        "deze cel is leeg; vul een getal in.",
        "this cell is empty; fill in a number.",
    ),
    "io.empty_score": (
        "de score ontbreekt; vul een getal in van {lo} tot en met {hi}.",
        "the score is missing; fill in a number from {lo} to {hi}.",
    ),
    "io.score_out_of_scale": (
        "de score {value} ligt buiten de schaal {lo}..{hi}.",
        "the score {value} is outside the scale {lo}..{hi}.",
    ),
    "io.bad_scale": (
        "scale_min ({lo}) moet kleiner zijn dan scale_max ({hi}).",
        "scale_min ({lo}) must be smaller than scale_max ({hi}).",
    ),
    "io.unknown_pref_function": (
        "onbekende voorkeursfunctie '{value}'; kies usual (gewoon: elk verschil telt), vshape "
        "(v-vorm), linear (lineair) of gaussian (gauss), of laat de cel leeg.",
        "unknown preference function '{value}'; choose usual (every difference counts), "
        "vshape, linear or gaussian, or leave the cell empty.",
    ),
    "io.pref.without_function": (
        "drempel {threshold} is ingevuld maar pref_function is leeg; kies een voorkeursfunctie "
        "(vshape, linear of gaussian) of laat {threshold} leeg.",
        "threshold {threshold} is filled in but pref_function is empty; choose a preference "
        "function (vshape, linear or gaussian) or leave {threshold} empty.",
    ),
    "io.pref.unused": (
        "voorkeursfunctie {function} gebruikt drempel {threshold} niet; laat de cel leeg "
        "(vshape gebruikt p, linear q en p, gaussian s).",
        "preference function {function} does not use threshold {threshold}; leave the cell "
        "empty (vshape uses p, linear q and p, gaussian s).",
    ),
    "io.pref.needs_p": (
        "voorkeursfunctie {function} heeft een p groter dan 0 nodig: het verschil in "
        "scorepunten vanaf waar de voorkeur volledig is.",
        "preference function {function} needs a p greater than 0: the difference in score "
        "points from which the preference is complete.",
    ),
    "io.pref.negative_q": (
        "q is {q}; de drempel waaronder een verschil niet telt kan niet negatief zijn.",
        "q is {q}; the threshold below which a difference does not count cannot be negative.",
    ),
    "io.pref.q_not_below_p": (
        "q ({q}) moet kleiner zijn dan p ({p}): onder q telt een verschil niet, vanaf p "
        "volledig.",
        "q ({q}) must be smaller than p ({p}): below q a difference does not count, from p "
        "on it counts fully.",
    ),
    "io.pref.needs_s": (
        "voorkeursfunctie gaussian heeft een s (of p) groter dan 0 nodig: het verschil waarbij "
        "de voorkeur ongeveer 40% is.",
        "preference function gaussian needs an s (or p) greater than 0: the difference at "
        "which the preference is about 40%.",
    ),
    "io.esp_outside_scale": (
        "het streefpunt {value} ligt buiten de schaal ({lo} tot {hi}).",
        "the expected point {value} lies outside the scale ({lo} to {hi}).",
    ),
    "io.below_minimum": (
        "{value:g} is kleiner dan {minimum}; vul {minimum} of meer in.",
        "{value:g} is less than {minimum}; enter {minimum} or more.",
    ),
    "io.negative_weight": (
        "het gewicht {value} is negatief; gebruik 0 of een positief getal.",
        "the weight {value} is negative; use 0 or a positive number.",
    ),
    "io.zero_weights_pillar": (
        "alle criteria van pijler {pillar} hebben gewicht 0 (rijen {rows}); geef minstens één "
        "daarvan een positief gewicht.",
        "all criteria of pillar {pillar} have weight 0 (rows {rows}); give at least one of "
        "them a positive weight.",
    ),
    "io.zero_profile_weights": (
        "alle pijlergewichten zijn 0; geef minstens één pijler een positief gewicht.",
        "all pillar weights are 0; give at least one pillar a positive weight.",
    ),
    "io.profile_zero_within": (
        "met deze criteriumgewichten krijgen alle criteria van pijler {pillar} gewicht 0, "
        "terwijl de pijler zelf meetelt; geef minstens één criterium een positief gewicht.",
        "with these criterion weights all criteria of pillar {pillar} get weight 0 while the "
        "pillar itself counts; give at least one criterion a positive weight.",
    ),
    # profiles
    "io.missing_profile_name": (
        "de naam van het profiel ontbreekt.",
        "the profile name is missing.",
    ),
    "io.duplicate_profile": (
        "het profiel '{name}' komt al voor in rij {first_row}.",
        "the profile '{name}' already appears in row {first_row}.",
    ),
    # evidence
    "io.unknown_measure": (
        "er is geen maatregel '{id}' in blad '{in_sheet}'.",
        "there is no measure '{id}' in sheet '{in_sheet}'.",
    ),
    "io.unknown_criterion": (
        "er is geen criterium '{id}' in blad '{in_sheet}'.",
        "there is no criterion '{id}' in sheet '{in_sheet}'.",
    ),
    "io.bad_confidence": (
        "onbekende betrouwbaarheid '{value}'; kies laag, gemiddeld of hoog (of low, medium, "
        "high), of laat de cel leeg.",
        "unknown confidence '{value}'; choose low, medium or high (or laag, gemiddeld, "
        "hoog), or leave the cell empty.",
    ),
    "io.duplicate_evidence": (
        "voor maatregel '{measure}' en criterium '{criterion}' staat al een bron in rij "
        "{first_row}.",
        "measure '{measure}' and criterion '{criterion}' already have a source in row "
        "{first_row}.",
    ),
    "io.evidence_without_score": (
        "maatregel '{measure}' heeft geen score voor criterium '{criterion}'; een bron hoort "
        "bij een score.",
        "measure '{measure}' has no score for criterion '{criterion}'; a source belongs to a "
        "score.",
    ),
    # assessment sheet
    "io.unknown_key": (
        "onbekende sleutel '{value}'; gebruik name (naam) of description (omschrijving).",
        "unknown key '{value}'; use name (naam) or description (omschrijving).",
    ),
    "io.duplicate_key": (
        "de sleutel '{value}' komt al voor in rij {first_row}.",
        "the key '{value}' already appears in row {first_row}.",
    ),
    "io.empty_name": (
        "de naam van de beoordeling is leeg.",
        "the assessment name is empty.",
    ),
    # JSON shape
    "io.json_expected_text": (
        "hier hoort tekst te staan.",
        "this should be text.",
    ),
    "io.json_expected_list": (
        "hier hoort een lijst ([...]) te staan.",
        "this should be a list ([...]).",
    ),
    "io.json_expected_object": (
        "hier hoort een object ({{...}}) te staan.",
        "this should be an object ({{...}}).",
    ),
    "io.json_unknown_part": (
        "onbekend onderdeel; toegestaan zijn name, description, criteria, measures, scores, "
        "profiles en evidence.",
        "unknown part; allowed are name, description, criteria, measures, scores, profiles "
        "and evidence.",
    ),
    "io.json_unknown_measure": (
        "er zijn scores voor maatregel '{id}', maar die staat niet in 'measures'.",
        "there are scores for measure '{id}', but it is not in 'measures'.",
    ),
    # AssessmentValidationError's headline (its message lists every issue)
    "io.error.invalid": (
        "Het bestand heeft {count} {count|fout|fouten}; er is niets ingelezen.",
        "The file has {count} {count|error|errors}; nothing was imported.",
    ),
    # the command line
    "io.cli.ok": (
        "OK: '{name}' — {measures} {measures|maatregel|maatregelen}, "
        "{criteria} {criteria|criterium|criteria}, {profiles} {profiles|profiel|profielen}",
        "OK: '{name}' — {measures} {measures|measure|measures}, "
        "{criteria} {criteria|criterion|criteria}, {profiles} {profiles|profile|profiles}",
    ),
    "io.cli.invalid": (
        "{path}: {count} {count|fout|fouten} gevonden:",
        "{path}: {count} {count|error|errors} found:",
    ),
    "io.cli.not_imported": (
        "Er is niets geïmporteerd; de database is ongewijzigd.",
        "Nothing was imported; the database is unchanged.",
    ),
    "io.cli.imported": (
        "Geïmporteerd als beoordeling {id}: '{name}' ({measures} {measures|maatregel|maatregelen}, "
        "{criteria} {criteria|criterium|criteria}) in {db}",
        "Imported as assessment {id}: '{name}' ({measures} {measures|measure|measures}, "
        "{criteria} {criteria|criterion|criteria}) into {db}",
    ),
    # limits against hostile or mistaken files (impact.io.schema)
    "io.too_large_unpacked": (
        "Het bestand '{path}' is uitgepakt te groot om in te lezen (meer dan {limit} MB); "
        "het is niet gelezen.",
        "The file '{path}' is too large once unpacked (more than {limit} MB); it was not "
        "read.",
    ),
    "io.row_too_far": (
        "het blad loopt door voorbij rij {limit}, de grens voor een beoordeling; verwijder "
        "wat onder de gegevens staat.",
        "the sheet goes on beyond row {limit}, the limit for an assessment; delete what lies "
        "below the data.",
    ),
    "io.too_many_rows": (
        "te veel rijen: dit blad mag hoogstens {limit} rijen met gegevens hebben.",
        "too many rows: this sheet may hold at most {limit} rows of data.",
    ),
    "io.too_many_columns": (
        "te veel kolommen: een blad mag hoogstens {limit} kolommen hebben.",
        "too many columns: a sheet may have at most {limit} columns.",
    ),
    "io.text_too_long": (
        "de tekst is te lang ({length} tekens, hoogstens {limit}).",
        "the text is too long ({length} characters, at most {limit}).",
    ),
    "io.invalid_unicode": (
        "de tekst bevat een ongeldig teken (op positie {position}); typ de tekst opnieuw.",
        "the text holds an invalid character (at position {position}); type the text again.",
    ),
    "io.json_too_deep": (
        "Het bestand '{path}' is te diep genest (meer dan {limit} niveaus, regel {line}).",
        "The file '{path}' is nested too deeply (more than {limit} levels, line {line}).",
    ),
    "io.json_number_too_long": (
        "Het bestand '{path}' bevat een getal van {length} tekens (hoogstens {limit}, "
        "regel {line}).",
        "The file '{path}' holds a number of {length} characters (at most {limit}, "
        "line {line}).",
    ),
    "io.json_wrong_format": (
        "'{value}' is geen Impactbalans-beoordeling; verwacht '{expected}'.",
        "'{value}' is not an Impactbalans assessment; expected '{expected}'.",
    ),
    "io.json_wrong_version": (
        "versie '{value}' wordt niet ondersteund; deze versie leest versie {expected}.",
        "version '{value}' is not supported; this version reads version {expected}.",
    ),
    "io.weight_too_large": (
        "het gewicht {value} is te groot (hoogstens {limit}).",
        "the weight {value} is too large (at most {limit}).",
    ),
    "io.scale_too_wide": (
        "de schaal van {lo} tot {hi} is te breed om mee te rekenen.",
        "the scale from {lo} to {hi} is too wide to compute with.",
    ),
    "io.ambiguous_number": (
        "'{value}' kan duizend-en-zoveel zijn (punt als scheidingsteken voor duizendtallen) "
        "of een getal met decimalen; schrijf het zonder punt (1234) of met een decimale "
        "komma (1,234).",
        "'{value}' can be a thousand and some (a point separating thousands) or a number "
        "with decimals; write it without the point (1234) or with a decimal comma (1,234).",
    ),
    "io.too_many_issues": (
        "Er zijn meer dan {limit} {limit|fout|fouten}; de rest wordt niet getoond.",
        "There are more than {limit} {limit|error|errors}; the rest are not shown.",
    ),
}
