"""Strings of the exports: chart downloads, data files, the decision report, the export page."""

TEXTS: dict[str, tuple[str, str]] = {
    # --- static export and errors --------------------------------------------------
    "export.no_chromium": (
        "Afbeeldingen (PNG, SVG, PDF) maken vraagt de webbrowser Chromium, en die is op deze "
        "server niet gevonden. Installeer hem met 'apt-get install chromium' (Debian/Ubuntu) of "
        "zet de omgevingsvariabele BROWSER_PATH op het pad van een Chromium of Chrome. "
        "Interactieve HTML werkt wel.",
        "Images (PNG, SVG, PDF) need the Chromium web browser, and it was not found on this "
        "server. Install it with 'apt-get install chromium' (Debian/Ubuntu) or set the "
        "environment variable BROWSER_PATH to the path of a Chromium or Chrome. Interactive HTML "
        "still works.",
    ),
    "export.no_chromium_env": (
        "Afbeeldingen (PNG, SVG, PDF) maken vraagt de webbrowser Chromium, maar BROWSER_PATH "
        "wijst naar '{path}' en daar staat geen uitvoerbaar programma. Zet BROWSER_PATH op het "
        "juiste pad, of verwijder de variabele en installeer Chromium met "
        "'apt-get install chromium'. Interactieve HTML werkt wel.",
        "Images (PNG, SVG, PDF) need the Chromium web browser, but BROWSER_PATH points to "
        "'{path}' and there is no program there. Set BROWSER_PATH to the right path, or remove "
        "the variable and install Chromium with 'apt-get install chromium'. Interactive HTML "
        "still works.",
    ),
    "export.render_failed": (
        "De browser ({browser}) kon de afbeelding niet maken: hij stopte of reageerde niet. "
        "Probeer het opnieuw; lukt het niet, controleer dan of Chromium werkt.",
        "The browser ({browser}) could not make the image: it stopped or did not respond. "
        "Please try again; if it keeps failing, check that Chromium works.",
    ),
    "export.render_error": (
        "De afbeelding kon niet worden gemaakt: {error}",
        "The image could not be made: {error}",
    ),
    "export.pdf_failed": (
        "Het PDF-rapport kon niet worden gemaakt: {error}",
        "The PDF report could not be made: {error}",
    ),
    "export.unknown_format": (
        "Onbekend formaat '{fmt}'. Kies uit: {formats}.",
        "Unknown format '{fmt}'. Choose from: {formats}.",
    ),
    "export.unknown_chart": (
        "Onbekende grafiek '{name}'. Kies uit: {names}.",
        "Unknown chart '{name}'. Choose from: {names}.",
    ),
    # --- formats -----------------------------------------------------------------------
    "export.format.png": ("PNG", "PNG"),
    "export.format.png_print": ("PNG afdrukkwaliteit", "PNG print quality"),
    "export.format.svg": ("SVG", "SVG"),
    "export.format.pdf": ("PDF", "PDF"),
    "export.format.html": ("Interactieve HTML", "Interactive HTML"),
    "export.format.csv": ("CSV", "CSV"),
    "export.format.xlsx": ("Excel", "Excel"),
    # --- table columns -----------------------------------------------------------------
    "export.col.measure_id": ("Code", "ID"),
    "export.col.unit": ("Eenheid", "Unit"),
    "export.col.direction": ("Richting", "Direction"),
    "export.col.scale": ("Schaal", "Scale"),
    "export.col.weight_within": ("Gewicht in pijler", "Weight in pillar"),
    "export.col.weight_total": ("Gewicht totaal", "Overall weight"),
    "export.col.profile": ("Perspectief", "Perspective"),
    "export.col.balance": ("Balans", "Balance"),
    "export.col.floor_violation": ("Onder ondergrens", "Below floor"),
    "export.col.pareto": ("Niet gedomineerd", "Not dominated"),
    "export.col.first": ("Kans op plaats 1", "Chance of rank 1"),
    "export.col.top3": ("Kans op top 3", "Chance of top 3"),
    "export.col.session": ("Sessie", "Session"),
    "export.col.round": ("Ronde", "Round"),
    "export.col.participants": ("Deelnemers", "Participants"),
    "export.col.date": ("Datum", "Date"),
    # --- decision report ------------------------------------------------------------------
    "export.report.kind": ("Besluitrapport", "Decision report"),
    "export.report.generated": ("Gemaakt op {date}", "Made on {date}"),
    "export.report.purpose": ("Doel van de beoordeling", "Purpose of the assessment"),
    "export.report.no_description": (
        "Bij deze beoordeling is geen doel of toelichting vastgelegd.",
        "No purpose or description was recorded for this assessment.",
    ),
    "export.report.counts": (
        "{measures} maatregelen beoordeeld op {criteria} criteria.",
        "{measures} measures assessed on {criteria} criteria.",
    ),
    "export.report.criteria": ("Criteria en schalen", "Criteria and scales"),
    "export.report.weights": ("Gewichten en perspectieven", "Weights and perspectives"),
    "export.report.profile_used": (
        "Dit rapport gebruikt de gewichten van het perspectief '{name}'.",
        "This report uses the weights of the perspective '{name}'.",
    ),
    "export.report.profile_none": (
        "Dit rapport gebruikt eigen gewichten (geen opgeslagen perspectief).",
        "This report uses custom weights (no saved perspective).",
    ),
    "export.report.weights_used": ("Gewichten van de pijlers:", "Pillar weights:"),
    "export.report.floors": ("Ondergrenzen per pijler:", "Floors per pillar:"),
    "export.report.floors_none": ("geen", "none"),
    "export.report.profiles": (
        "Perspectieven in deze beoordeling", "Perspectives in this assessment"
    ),
    "export.report.profiles_none": (
        "Er zijn geen perspectieven opgeslagen.", "No perspectives have been saved."
    ),
    "export.report.method": ("Methode", "Method"),
    "export.report.ranking": ("Rangorde", "Ranking"),
    "export.report.ranking_note": (
        "Score: gewogen totaal (hoger is beter). Pijlerscores van 0 (slechtst mogelijk op de "
        "schaal) tot 1 (best mogelijk). Balans: hoe gelijkmatig de maatregel op de drie pijlers "
        "scoort.",
        "Score: weighted total (higher is better). Pillar scores from 0 (worst possible on the "
        "scale) to 1 (best possible). Balance: how evenly the measure scores on the three "
        "pillars.",
    ),
    "export.report.charts": ("Balans en uitruil", "Balance and trade-offs"),
    "export.report.robustness": ("Robuustheid", "Robustness"),
    "export.report.smaa_intro": (
        "Hoe vast staat de rangorde als de gewichten anders zouden zijn? Over {samples} "
        "willekeurige gewichtencombinaties is geteld hoe vaak elke maatregel op de eerste plaats "
        "en in de top 3 eindigt.",
        "How firm is the ranking if the weights were different? Over {samples} random weight "
        "combinations we counted how often each measure ends first and in the top 3.",
    ),
    "export.report.perspectives": ("Rangorde per perspectief", "Ranking per perspective"),
    "export.report.no_regret": ("No-regret-maatregelen", "No-regret measures"),
    "export.report.no_regret_intro": (
        "Deze maatregelen staan in elk perspectief bij de beste {k}:",
        "These measures are among the best {k} in every perspective:",
    ),
    "export.report.no_regret_none": (
        "Geen maatregel staat in elk perspectief bij de beste {k}.",
        "No measure is among the best {k} in every perspective.",
    ),
    "export.report.workshop": ("Workshoprondes", "Workshop rounds"),
    "export.report.workshop_none": (
        "Voor deze beoordeling zijn geen workshoprondes gehouden.",
        "No workshop rounds were held for this assessment.",
    ),
    "export.report.workshop_unavailable": (
        "Workshopgegevens zijn niet meegenomen (het rapport is gemaakt uit een bestand).",
        "Workshop data is not included (the report was made from a file).",
    ),
    "export.report.workshop_note": (
        "Alleen het aantal deelnemers per ronde; individuele antwoorden staan niet in dit "
        "rapport.",
        "Only the number of participants per round; individual answers are not in this report.",
    ),
    "export.report.fingerprint": ("Vingerafdruk", "Fingerprint"),
    "export.report.fingerprint_note": (
        "SHA-256 van de gegevens (criteria, maatregelen, scores, bronnen, perspectieven) en de "
        "instellingen (gewichten, methode, ondergrenzen, robuustheidsanalyse, workshoprondes) "
        "waarop dit rapport is gebaseerd. Dezelfde gegevens en instellingen geven dezelfde "
        "vingerafdruk; elke wijziging geeft een andere.",
        "SHA-256 of the data (criteria, measures, scores, sources, perspectives) and the "
        "settings (weights, method, floors, robustness analysis, workshop rounds) this report "
        "was made from. The same data and settings give the same fingerprint; any change gives "
        "a different one.",
    ),
    # --- data files --------------------------------------------------------------------
    "export.unknown_profile": (
        "Er is geen perspectief '{name}' in deze beoordeling. Kies uit: {names}.",
        "There is no perspective '{name}' in this assessment. Choose from: {names}.",
    ),
    "export.yes": ("ja", "yes"),
    "export.no": ("nee", "no"),
    "export.col.criterion_id": ("Code", "ID"),
    "export.col.scale_min": ("Schaal min", "Scale min"),
    "export.col.scale_max": ("Schaal max", "Scale max"),
    "export.col.description": ("Toelichting", "Description"),
    "export.col.median": ("Mediaan", "Median"),
    "export.col.q1": ("Eerste kwartiel", "First quartile"),
    "export.col.q3": ("Derde kwartiel", "Third quartile"),
    "export.col.iqr": ("Interkwartielafstand", "Interquartile range"),
    "export.col.mean": ("Gemiddelde", "Mean"),
    "export.col.sd": ("Standaardafwijking", "Standard deviation"),
    "export.col.answers": ("Antwoorden", "Answers"),
    "export.sheet.ranking": ("Rangorde", "Ranking"),
    "export.sheet.settings": ("Instellingen", "Settings"),
    "export.sheet.scores": ("Scores", "Scores"),
    "export.sheet.criteria": ("Criteria", "Criteria"),
    "export.sheet.evidence": ("Bronnen", "Sources"),
    "export.sheet.rounds": ("Rondes", "Rounds"),
    "export.sheet.aggregates": ("Groepsscores", "Group scores"),
    "export.settings.key": ("Instelling", "Setting"),
    "export.settings.value": ("Waarde", "Value"),
    "export.settings.assessment": ("Beoordeling", "Assessment"),
    "export.settings.method": ("Methode", "Method"),
    "export.settings.profile": ("Perspectief", "Perspective"),
    "export.settings.custom": ("eigen gewichten", "custom weights"),
    "export.settings.pillar_weight": ("Gewicht {pillar}", "Weight {pillar}"),
    "export.settings.floor": ("Ondergrens {pillar}", "Floor {pillar}"),
    "export.settings.made": ("Gemaakt op", "Made on"),
}
