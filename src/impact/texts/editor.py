"""Strings of the assessment editor: the measure and criterion dialogs, the lists, the
score grids and the history panel."""

TEXTS: dict[str, tuple[str, str]] = {
    # score grids (impact.ui.score_grid)
    "grid.intro": (
        "Vul per maatregel en criterium de score in; plakken uit Excel kan ook. Criteria op "
        "de schaal −3..+3 gebruiken de zevenpuntsschaal van zeer negatief tot zeer positief. "
        "Uw wijzigingen worden bewaard met de knop Opslaan (en ook als u naar een andere "
        "pagina gaat).",
        "Enter the score per measure and criterion; pasting from Excel works too. Criteria on "
        "the −3..+3 scale use the seven-point scale from very negative to very positive. "
        "Your changes are stored with the Save button (and also when you go to another page).",
    ),
    "grid.alt": ("Scores voor pijler {pillar}", "Scores for pillar {pillar}"),
    "grid.save": ("Opslaan ({count} {count|wijziging|wijzigingen})",
                  "Save ({count} {count|change|changes})"),
    "grid.nothing": ("Geen wijzigingen", "No changes"),
    "scoring.err.not_a_number": (
        "{measure}, {criterion}: ‘{text}’ is geen getal; niet opgeslagen.",
        "{measure}, {criterion}: ‘{text}’ is not a number; not saved.",
    ),
    "grid.fix_first": (
        "Opslaan kan pas als de scores hierboven zijn verbeterd; er is niets opgeslagen.",
        "Saving is possible once the scores above are corrected; nothing was saved.",
    ),
    "grid.discard": ("Wijzigingen weggooien", "Discard changes"),
    "grid.saved": ("{count} {count|wijziging|wijzigingen} opgeslagen",
                   "{count} {count|change|changes} saved"),
    "grid.saved_on_leave": (
        "{count} {count|score-wijziging|score-wijzigingen} opgeslagen bij het verlaten van "
        "de scorepagina.",
        "{count} score {count|change|changes} saved when you left the scoring page.",
    ),
    "grid.not_saved_on_leave": (
        "{count} {count|score-wijziging is|score-wijzigingen zijn} niet opgeslagen: {reason}",
        "{count} score {count|change was|changes were} not saved: {reason}",
    ),
    "grid.changed_meanwhile": (
        "Iemand anders heeft deze beoordeling gewijzigd terwijl u scores invulde. Opslaan "
        "wordt geweigerd; gooi uw wijzigingen weg om de nieuwe stand te zien.",
        "Someone else changed this assessment while you were entering scores. Saving will "
        "be refused; discard your changes to see the new state.",
    ),
    # the lists and dialogs (impact.ui.editor_views)
    "editor.intro": (
        "Leg hier de maatregelen en de criteria onder de drie pijlers vast. Voeg toe of "
        "bewerk met de knoppen; elke opgeslagen wijziging staat in de Geschiedenis en kan "
        "ongedaan worden gemaakt.",
        "Define the measures and the criteria under the three pillars here. Add or edit "
        "with the buttons; every saved change is in the History and can be undone.",
    ),
    "editor.add_measure": ("Maatregel toevoegen", "Add measure"),
    "editor.add_criterion": ("Criterium toevoegen", "Add criterion"),
    "editor.edit_measure": ("Maatregel bewerken", "Edit measure"),
    "editor.edit_criterion": ("Criterium bewerken", "Edit criterion"),
    "editor.new_measure": ("Nieuwe maatregel", "New measure"),
    "editor.new_criterion": ("Nieuw criterium", "New criterion"),
    "editor.edit": ("Bewerken", "Edit"),
    "editor.duplicate": ("Kopiëren", "Duplicate"),
    "editor.up": ("Omhoog", "Move up"),
    "editor.down": ("Omlaag", "Move down"),
    "editor.delete": ("Verwijderen", "Delete"),
    "editor.save": ("Opslaan", "Save"),
    "editor.cancel": ("Annuleren", "Cancel"),
    "editor.saved": ("Opgeslagen", "Saved"),
    "editor.keys_hint": ("Enter slaat op, Esc annuleert.", "Enter saves, Esc cancels."),
    "editor.no_measures": (
        "Nog geen maatregelen. Voeg de eerste toe met de knop hierboven.",
        "No measures yet. Add the first one with the button above.",
    ),
    "editor.no_criteria_in_pillar": ("Nog geen criteria in deze pijler.",
                                     "No criteria in this pillar yet."),
    "editor.filter": ("Zoeken in maatregelen", "Search measures"),
    "editor.shown": (
        "{shown} van {total} {total|maatregel|maatregelen} getoond; zoek om andere te vinden.",
        "{shown} of {total} {total|measure|measures} shown; search to find others."),
    "editor.field.id": ("Code", "Code"),
    "editor.field.id_help": (
        "Korte code, bijvoorbeeld M4 of eco_n: letters, cijfers, - _ . (geen spaties).",
        "Short code, for example M4 or eco_n: letters, digits, - _ . (no spaces).",
    ),
    "editor.field.label_nl": ("Naam (Nederlands)", "Name (Dutch)"),
    "editor.field.label_en": ("Naam in het Engels", "Name in English"),
    "editor.field.description": ("Toelichting (optioneel)", "Description (optional)"),
    "editor.english": ("In het Engels (optioneel)", "In English (optional)"),
    "editor.package": ("Voor een pakket binnen een budget (optioneel)",
                       "For a package within a budget (optional)"),
    "editor.field.cost": ("Kosten", "Cost"),
    "editor.field.cost_unit": ("Eenheid van de kosten", "Unit of the cost"),
    "editor.field.exclusive_group": ("Groep van varianten", "Group of variants"),
    "editor.field.exclusive_group_help": (
        "Maatregelen met dezelfde groep zijn varianten: een pakket bevat er hoogstens één.",
        "Measures with the same group are variants: a package holds at most one of them."),
    "editor.field.knockout": ("Knock-outgrens", "Knock-out limit"),
    "editor.method": ("Voor de methoden PROMETHEE en SPOTIS (optioneel)",
                      "For the methods PROMETHEE and SPOTIS (optional)"),
    "editor.field.pref_function": ("Voorkeursfunctie (PROMETHEE)",
                                   "Preference function (PROMETHEE)"),
    "editor.field.pref_function_help": (
        "Hoe een verschil tussen twee maatregelen op dit criterium telt. Usual: elk verschil "
        "telt volledig. V-vorm: oplopend tot p. Lineair: niets tot q, oplopend tot p. Gauss: "
        "geleidelijk, met s. Leeg: usual.",
        "How a difference between two measures on this criterion counts. Usual: every "
        "difference counts fully. V-shape: rising up to p. Linear: nothing up to q, rising up "
        "to p. Gaussian: gradual, with s. Empty: usual.",
    ),
    "editor.pref.none": ("(standaard: usual)", "(default: usual)"),
    "editor.pref.usual": ("usual: elk verschil telt", "usual: every difference counts"),
    "editor.pref.vshape": ("V-vorm: oplopend tot p", "V-shape: rising up to p"),
    "editor.pref.linear": ("lineair: niets tot q, volledig vanaf p",
                           "linear: nothing up to q, fully from p"),
    "editor.pref.gaussian": ("Gauss: geleidelijk (s)", "Gaussian: gradual (s)"),
    "editor.field.pref_q": ("q: verschil dat nog niet telt", "q: difference that does not count"),
    "editor.field.pref_p": ("p: verschil dat volledig telt", "p: difference that counts fully"),
    "editor.field.pref_s": ("s (Gauss)", "s (Gaussian)"),
    "editor.field.spotis_expected": ("Streefpunt (SPOTIS)", "Expected point (SPOTIS)"),
    "editor.field.spotis_expected_help": (
        "De waarde op de schaal waar u naar streeft; leeg: het beste eind van de schaal.",
        "The value on the scale you aim for; empty: the best end of the scale.",
    ),
    "editor.err.pref_function": ("Kies een voorkeursfunctie uit de lijst.",
                                 "Choose a preference function from the list."),
    "editor.err.pref_unused": (
        "Voorkeursfunctie {function} gebruikt {threshold} niet; laat dit veld leeg.",
        "Preference function {function} does not use {threshold}; leave this field empty.",
    ),
    "editor.field.knockout_help": (
        "Een wettelijke grens: een maatregel die slechter scoort dan deze waarde (volgens "
        "de richting) is niet toelaatbaar en komt in geen pakket.",
        "A legal limit: a measure that scores worse than this value (by the direction) is "
        "not admissible and enters no package."),
    "editor.err.at_least": ("Vul {minimum} of meer in.", "Enter {minimum} or more."),
    "editor.field.description_en": ("Toelichting in het Engels", "Description in English"),
    "editor.field.unit_en": ("Eenheid in het Engels", "Unit in English"),
    "editor.field.pillar": ("Pijler", "Pillar"),
    "editor.field.direction": ("Richting", "Direction"),
    "editor.field.preset": ("Schaal", "Scale"),
    "editor.field.scale_min": ("Laagste waarde", "Lowest value"),
    "editor.field.scale_max": ("Hoogste waarde", "Highest value"),
    "editor.field.unit": ("Eenheid", "Unit"),
    "editor.field.weight": ("Gewicht binnen de pijler", "Weight within the pillar"),
    "editor.field.weight_help": (
        "1 = even zwaar als de andere criteria van deze pijler; 2 = twee keer zo zwaar.",
        "1 = as heavy as the pillar's other criteria; 2 = twice as heavy.",
    ),
    "editor.preset.seven_point": ("−3 tot +3 (zevenpuntsschaal)", "−3 to +3 (seven-point scale)"),
    "editor.preset.zero_hundred": ("0 tot 100 punten", "0 to 100 points"),
    "editor.preset.euro": ("Bedrag in euro", "Amount in euro"),
    "editor.preset.percent": ("Percentage (0 tot 100 %)", "Percentage (0 to 100 %)"),
    "editor.preset.custom": ("Eigen schaal en eenheid", "Own scale and unit"),
    "editor.unit.seven_point": ("score −3..+3", "score −3..+3"),
    "editor.unit.points": ("punten", "points"),
    "editor.unit.euro": ("€", "€"),
    "editor.unit.percent": ("%", "%"),
    "editor.delete_title": ("Verwijderen bevestigen", "Confirm delete"),
    "editor.delete_measure_question": (
        "Maatregel {id} ‘{name}’ verwijderen?", "Delete measure {id} ‘{name}’?"),
    "editor.delete_criterion_question": (
        "Criterium {id} ‘{name}’ verwijderen?", "Delete criterion {id} ‘{name}’?"),
    "editor.delete_takes": (
        "Dit verwijdert ook {scores} {scores|score|scores}, waarvan {evidence} met bron of "
        "zekerheid, en {weights} {weights|eigen gewicht|eigen gewichten} in perspectieven. U "
        "kunt het ongedaan maken via Geschiedenis.",
        "This also deletes {scores} {scores|score|scores}, {evidence} of them with a source "
        "or confidence, and {weights} own {weights|weight|weights} in perspectives. You can "
        "undo it in History.",
    ),
    "editor.deleted": ("{id} verwijderd", "{id} deleted"),
    "editor.err.id_missing": ("Vul een code in.", "Enter a code."),
    "editor.err.id_chars": (
        "Alleen letters, cijfers en - _ . (geen spaties), hoogstens 40 tekens.",
        "Only letters, digits and - _ . (no spaces), at most 40 characters.",
    ),
    "editor.err.measure_id_taken": ("Code {id} is al in gebruik voor een andere maatregel.",
                                    "Code {id} is already used by another measure."),
    "editor.err.criterion_id_taken": ("Code {id} is al in gebruik voor een ander criterium.",
                                      "Code {id} is already used by another criterion."),
    "editor.err.label_missing": ("Vul een Nederlandse naam in.", "Enter a Dutch name."),
    "editor.err.too_long": ("Hoogstens {limit} tekens.", "At most {limit} characters."),
    "editor.err.pillar": ("Kies een pijler.", "Choose a pillar."),
    "editor.err.direction": ("Kies een richting.", "Choose a direction."),
    "editor.err.number": ("Vul een getal in.", "Enter a number."),
    "editor.err.scale_order": ("Moet groter zijn dan de laagste waarde ({min}).",
                               "Must be larger than the lowest value ({min})."),
    "editor.err.scale_excludes": (
        "{count} {count|bestaande score valt|bestaande scores vallen} buiten deze schaal, "
        "bijvoorbeeld {value} bij maatregel {measure}. Pas eerst die scores aan of kies een "
        "ruimere schaal.",
        "{count} existing {count|score lies|scores lie} outside this scale, for example "
        "{value} for measure {measure}. Change those scores first or choose a wider scale.",
    ),
    "editor.err.weight": ("Vul een gewicht van 0 of meer in.", "Enter a weight of 0 or more."),
    "editor.err.fix_fields": ("Niet opgeslagen: verbeter de gemarkeerde velden.",
                              "Not saved: correct the marked fields."),
    # history (impact.ui.editor_views.history_panel)
    "history.title": ("Geschiedenis", "History"),
    "history.undo": ("Laatste wijziging ongedaan maken", "Undo the last change"),
    "history.undone": ("Laatste wijziging ongedaan gemaakt", "Last change undone"),
    "history.restore": ("Deze versie terugzetten", "Restore this version"),
    "history.pick": ("Versie", "Version"),
    "history.restored_toast": ("Versie {version} teruggezet (als nieuwe versie)",
                               "Version {version} restored (as a new version)"),
    "history.row": ("Versie {version} · {when} · {who} · {what}",
                    "Version {version} · {when} · {who} · {what}"),
    "history.not_restorable": ("(geen kopie bewaard)", "(no copy kept)"),
    "history.empty": ("Nog geen opgeslagen versies.", "No saved versions yet."),
}
