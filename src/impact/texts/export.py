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
    "export.short.png_print": ("PNG druk", "PNG print"),
    "export.short.html": ("HTML", "HTML"),
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
    "export.col.balance": ("Balans-index", "Balance index"),
    "export.col.floor_violation": ("Onder ondergrens", "Below a floor"),
    "export.col.pareto": ("Pareto-optimaal", "Pareto-optimal"),
    "export.col.first": ("Kans op plaats 1", "Chance of rank 1"),
    "export.col.top3": ("Kans op top 3", "Chance of top 3"),
    "export.col.session": ("Sessie", "Session"),
    "export.col.round": ("Ronde", "Round"),
    "export.col.participants": ("Deelnemers", "Participants"),
    "export.col.date": ("Sessie gestart", "Session started"),
    # --- decision report ------------------------------------------------------------------
    "export.report.kind": ("Besluitrapport", "Decision report"),
    "export.report.generated": ("Gemaakt op {date}", "Made on {date}"),
    "export.report.purpose": ("Doel van de beoordeling", "Purpose of the assessment"),
    "export.report.no_description": (
        "Bij deze beoordeling is geen doel of toelichting vastgelegd.",
        "No purpose or description was recorded for this assessment.",
    ),
    "export.report.counts": (
        "{measures} {measures|maatregel|maatregelen} beoordeeld op "
        "{criteria} {criteria|criterium|criteria}.",
        "{measures} {measures|measure|measures} assessed on "
        "{criteria} {criteria|criterion|criteria}.",
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
    "export.report.smaa_uniform": (
        "Hoe vast staat de rangorde als de gewichten anders zouden zijn? Over {samples} "
        "{samples|willekeurig gewicht|willekeurige gewichten} voor de drie pijlers (en, "
        "waar de zekerheid van een score is opgegeven, ook varianten van die score) is geteld "
        "hoe vaak elke maatregel op de eerste plaats en in de top 3 eindigt.",
        "How firm is the ranking if the weights were different? Over {samples} "
        "{samples|random weight|random weights} for the three pillars (and, where a score's "
        "confidence is given, variations of that score) we counted how often each measure "
        "ends first and in the top 3.",
    ),
    "export.report.smaa_around": (
        "Hoe vast staat de rangorde als de gewichten iets anders zouden zijn? Over {samples} "
        "{samples|trekking|trekkingen} van de pijlergewichten tot 15 procentpunt rond de "
        "gekozen gewichten (en, waar de zekerheid van een score is opgegeven, ook varianten "
        "van die score) is geteld hoe vaak elke maatregel op de eerste plaats en in de top 3 "
        "eindigt.",
        "How firm is the ranking if the weights were somewhat different? Over {samples} "
        "{samples|draw|draws} of the pillar weights within 15 percentage points of the chosen "
        "weights (and, where a score's confidence is given, variations of that score) we "
        "counted how often each measure ends first and in the top 3.",
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
    "export.report.details": ("Onderbouwing", "Details"),
    "export.report.appendix": (
        "Bijlage: methode, gegevens en vingerafdruk", "Appendix: method, data and fingerprint"
    ),
    "export.report.fingerprint_plain": (
        "Deze code identificeert precies de gegevens en instellingen die voor dit rapport "
        "zijn gebruikt.",
        "This code identifies exactly the data and settings used for this report.",
    ),
    # --- slides ---------------------------------------------------------------------------
    "export.slides.kind": ("Besluitvorming: presentatie", "Decision making: presentation"),
    "export.cli.chart_needed": (
        "Geef met --chart aan welke grafiek ({names}); alleen --format pptx maakt ze allemaal.",
        "Say which chart with --chart ({names}); only --format pptx makes them all.",
    ),
    "export.slides.weights": ("Weging: {weights} punten", "Weighting: {weights} points"),
    "export.slides.file": ("dias", "slides"),
    # --- the report's first page ---------------------------------------------------------
    "export.summary.title": ("Samenvatting", "Summary"),
    "export.summary.question": ("De vraag", "The question"),
    "export.summary.question_default": (
        "Welke maatregelen dienen de doelen voor ecologie, economie en mens samen het best?",
        "Which measures serve the goals for ecology, economy and people best together?",
    ),
    "export.summary.recommended": ("Aanbevolen maatregelen", "Recommended measures"),
    "export.summary.recommended_intro": (
        "Met de gekozen weging ({weights} punten; {method}) staan deze maatregelen bovenaan:",
        "With the chosen weighting ({weights} points; {method}) these measures come out on "
        "top:",
    ),
    "export.summary.why_score": ("totaalscore {score}", "overall score {score}"),
    "export.summary.why_pillars": (
        "sterkst op {best} ({best_score}), zwakst op {worst} ({worst_score})",
        "strongest on {best} ({best_score}), weakest on {worst} ({worst_score})",
    ),
    "export.summary.why_pareto": (
        "geen andere maatregel is op alle pijlers beter",
        "no other measure is better on every pillar",
    ),
    "export.summary.why_no_regret": (
        "in elk perspectief bij de beste drie", "among the best three in every perspective"
    ),
    "export.summary.robustness": ("Hoe zeker is dat?", "How certain is that?"),
    "export.summary.robust_uniform": (
        "In {same} van de 10 wegingen staat dezelfde top drie bovenaan (getoetst met {draws} "
        "willekeurige wegingen van de drie pijlers).",
        "In {same} of 10 weightings the same top three comes out on top (tested with {draws} "
        "random weightings of the three pillars).",
    ),
    "export.summary.robust_around": (
        "In {same} van de 10 wegingen staat dezelfde top drie bovenaan (getoetst met {draws} "
        "wegingen tot 15 punten rond de gekozen weging).",
        "In {same} of 10 weightings the same top three comes out on top (tested with {draws} "
        "weightings within 15 points of the chosen one).",
    ),
    "export.summary.robust_unknown": (
        "Hoe zeker de top drie is, kon voor deze beoordeling niet worden berekend.",
        "How certain the top three is could not be computed for this assessment.",
    ),
    "export.summary.no_regret": ("Geen spijt", "No regret"),
    "export.summary.no_regret_some": (
        "{names} {count|staat|staan} in elk perspectief van de belanghebbenden bij de beste "
        "drie: een keuze waar niemand veel spijt van krijgt.",
        "{names} {count|is|are} among the best three in every stakeholder perspective: a "
        "choice nobody is likely to regret much.",
    ),
    "export.summary.no_regret_none": (
        "Geen maatregel staat in elk perspectief bij de beste drie: welke maatregel bovenaan "
        "komt, hangt af van wiens weging telt.",
        "No measure is among the best three in every perspective: which measure comes out on "
        "top depends on whose weighting counts.",
    ),
    "export.summary.no_regret_no_profiles": (
        "Er zijn geen perspectieven van belanghebbenden vastgelegd, dus is niet getoetst welke "
        "maatregelen in elk perspectief goed scoren.",
        "No stakeholder perspectives were recorded, so it was not tested which measures score "
        "well in every perspective.",
    ),
    "export.summary.balance": ("Balans", "Balance"),
    "export.summary.balance_text": (
        "De aanbevolen maatregelen halen hun score {how}: {shares}.",
        "The recommended measures get their score {how}: {shares}.",
    ),
    "export.summary.balance_mainly": ("vooral uit {pillar}", "mainly from {pillar}"),
    "export.summary.balance_even": (
        "evenwichtig uit de drie pijlers", "evenly from the three pillars"
    ),
    "export.summary.open": ("Open punten", "Open issues"),
    "export.summary.open_none": (
        "In de gegevens zijn geen open punten gevonden.", "No open issues were found in the data."
    ),
    "export.summary.open_floor": (
        "{count} {count|maatregel valt|maatregelen vallen} onder een ondergrens en "
        "{count|komt|komen} daarom achteraan: {names}.",
        "{count} {count|measure falls|measures fall} below a floor and {count|is|are} "
        "therefore ranked last: {names}.",
    ),
    "export.summary.open_close": (
        "Plaats {a} en {b} liggen dicht bij elkaar ({score_a} tegen {score_b}): een kleine "
        "wijziging kan de volgorde omdraaien.",
        "Places {a} and {b} are close ({score_a} against {score_b}): a small change can swap "
        "them.",
    ),
    "export.summary.open_unstable": (
        "De top drie hangt sterk af van de weging: bespreek de gewichten voordat u besluit.",
        "The top three depends strongly on the weighting: discuss the weights before deciding.",
    ),
    "export.summary.open_low_confidence": (
        "{count} {count|score|scores} van de aanbevolen maatregelen {count|heeft|hebben} een "
        "lage zekerheid.",
        "{count} {count|score|scores} of the recommended measures {count|has|have} low "
        "confidence.",
    ),
    "export.summary.open_no_source": (
        "{count} {count|score|scores} van de aanbevolen maatregelen {count|heeft|hebben} geen "
        "bron.",
        "{count} {count|score|scores} of the recommended measures {count|has|have} no source.",
    ),
    "export.summary.open_no_workshop": (
        "Er is nog geen werksessie met belanghebbenden gehouden.",
        "No workshop with stakeholders has been held yet.",
    ),
    "export.summary.and": (" en ", " and "),
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
    "export.sheet.reasons": ("Redenen", "Reasons"),
    "export.report.reasons": ("Redenen uit de workshop", "Reasons from the workshop"),
    "export.report.reasons_note": (
        "Wat deelnemers als reden bij hun score gaven, per ronde en maatregel, zonder namen.",
        "What participants gave as the reason for their score, per round and measure, "
        "without names."),
    "export.col.participant": ("Deelnemer", "Participant"),
    "export.col.reason": ("Reden", "Reason"),
    "export.sheet.aggregates": ("Groepsscores", "Group scores"),
    "export.settings.key": ("Instelling", "Setting"),
    "export.settings.value": ("Waarde", "Value"),
    "export.settings.assessment": ("Beoordeling", "Assessment"),
    "export.settings.method": ("Methode", "Method"),
    "export.settings.method_options": ("Instellingen van de methode", "Method settings"),
    "export.settings.vikor_v": (
        "v = {v}: het gewicht van de totale score tegenover de grootste zwakte (0 tot 1; "
        "standaard 0,5).",
        "v = {v}: the weight of the overall score against the largest weakness (0 to 1; "
        "default 0.5).",
    ),
    "export.settings.esp_default": (
        "Streefpunt: het beste eind van de schaal van elk criterium (dan gelijk aan de "
        "gewogen som).",
        "Expected point: the best end of each criterion's scale (then equal to the weighted "
        "sum).",
    ),
    "export.settings.esp_rest": (
        "Streefpunt: het beste eind van de schaal, behalve:",
        "Expected point: the best end of the scale, except:",
    ),
    "export.settings.esp": ("{criterion}: streefpunt {value}",
                            "{criterion}: expected point {value}"),
    "export.settings.pref_default": (
        "Voorkeursfunctie: usual voor elk criterium (elk verschil telt volledig).",
        "Preference function: usual for every criterion (every difference counts fully).",
    ),
    "export.settings.pref_rest": (
        "Voorkeursfunctie: usual (elk verschil telt volledig), behalve:",
        "Preference function: usual (every difference counts fully), except:",
    ),
    "export.settings.pref": ("{criterion}: {function}{thresholds}",
                             "{criterion}: {function}{thresholds}"),
    "export.settings.function.usual": ("usual (elk verschil telt)", "usual (every difference)"),
    "export.settings.function.vshape": ("V-vorm (oplopend tot p)", "V-shape (rising up to p)"),
    "export.settings.function.linear": (
        "lineair (niets onder q, volledig vanaf p)", "linear (nothing below q, fully from p)"),
    "export.settings.function.gaussian": ("Gauss (geleidelijk, s)", "Gaussian (gradual, s)"),
    "export.settings.profile": ("Perspectief", "Perspective"),
    "export.settings.custom": ("eigen gewichten", "custom weights"),
    "export.settings.pillar_weight": ("Gewicht {pillar}", "Weight {pillar}"),
    "export.settings.floor": ("Ondergrens {pillar}", "Floor {pillar}"),
    "export.settings.made": ("Gemaakt op", "Made on"),
    # --- command line -------------------------------------------------------------------
    "export.cli.format": (
        "Kan het formaat van '{path}' niet bepalen. Gebruik een van deze extensies of --format: "
        "{formats}.",
        "Cannot tell the format of '{path}'. Use one of these extensions or --format: "
        "{formats}.",
    ),
    "export.cli.write_failed": (
        "Kan '{path}' niet schrijven: {error}.",
        "Cannot write '{path}': {error}.",
    ),
    "export.cli.written": ("Geschreven: {path} ({size} kB)", "Written: {path} ({size} kB)"),
    # --- download buttons beside a chart --------------------------------------------------
    "export.download": ("Downloaden", "Download"),
    "export.download_help": (
        "PNG afdrukkwaliteit heeft drie keer de resolutie: ongeveer 300 dpi bij 25 cm breed. "
        "SVG en PDF blijven scherp op elk formaat.",
        "PNG print quality has three times the resolution: about 300 dpi at 25 cm wide. SVG "
        "and PDF stay sharp at any size.",
    ),
    # --- export page ---------------------------------------------------------------------
    "export.page.intro": (
        "Download grafieken, gegevens en het besluitrapport. Alles wordt gemaakt met de "
        "gewichten en methode die nu op de resultatenpagina staan.",
        "Download charts, data and the decision report. Everything is made with the weights "
        "and method currently set on the results page.",
    ),
    "export.page.settings": (
        "Methode: {method} · gewichten: ecologie {ecology}, economie {economy}, mens {people}",
        "Method: {method} · weights: ecology {ecology}, economy {economy}, people {people}",
    ),
    "export.page.settings_profile": (
        "Gewichten van het perspectief: {profile}", "Weights of the perspective: {profile}"
    ),
    "export.page.change_weights": ("Gewichten aanpassen", "Change the weights"),
    "export.page.tab_charts": ("Grafieken", "Charts"),
    "export.page.tab_data": ("Gegevens", "Data"),
    "export.page.tab_report": ("Besluitrapport", "Decision report"),
    "export.page.one_chart": ("Eén grafiek", "One chart"),
    "export.page.chart": ("Grafiek", "Chart"),
    "export.page.all_charts": ("Alle grafieken in één ZIP-bestand", "All charts in one ZIP file"),
    "export.page.charts": ("Grafieken", "Charts"),
    "export.page.formats": ("Formaten", "Formats"),
    "export.page.print": (
        "PNG in afdrukkwaliteit (3× resolutie)", "PNG in print quality (3× resolution)"
    ),
    "export.page.make_zip": ("ZIP-bestand maken", "Make the ZIP file"),
    "export.page.making_zip": ("Grafieken maken… {done}%", "Making the charts… {done}%"),
    "export.page.zip_ready": (
        "Klaar: {charts} {charts|grafiek|grafieken} in {formats} {formats|formaat|formaten} "
        "({size} MB).",
        "Done: {charts} {charts|chart|charts} in {formats} {formats|format|formats} "
        "({size} MB).",
    ),
    "export.page.download_zip": ("ZIP-bestand downloaden", "Download the ZIP file"),
    "export.page.pick_something": (
        "Kies minstens één grafiek en één formaat.", "Choose at least one chart and one format."
    ),
    "export.page.ranking": ("Rangorde", "Ranking"),
    "export.page.ranking_help": (
        "Rang, score, pijlerscores en balans per maatregel; het Excel-bestand heeft ook een blad "
        "met de instellingen en de vingerafdruk.",
        "Rank, score, pillar scores and balance per measure; the Excel file also has a sheet "
        "with the settings and the fingerprint.",
    ),
    "export.page.scores": ("Scorematrix", "Score matrix"),
    "export.page.scores_help": (
        "Alle scores per maatregel en criterium; het Excel-bestand heeft ook de criteria met "
        "hun schalen en de bronnen.",
        "All scores per measure and criterion; the Excel file also has the criteria with their "
        "scales and the sources.",
    ),
    "export.page.workshop": ("Workshopresultaten", "Workshop results"),
    "export.page.workshop_help": (
        "Groepsscores per ronde (mediaan, kwartielen, spreiding) en het aantal deelnemers. "
        "Individuele antwoorden worden nooit geëxporteerd.",
        "Group scores per round (median, quartiles, spread) and the number of participants. "
        "Individual answers are never exported.",
    ),
    "export.page.no_workshop": (
        "Er zijn nog geen workshops gehouden voor deze beoordeling.",
        "No workshops have been held for this assessment yet.",
    ),
    "export.page.workbook": ("Hele beoordeling (werkmap)", "Whole assessment (workbook)"),
    "export.page.workbook_help": (
        "Criteria, maatregelen, scores, perspectieven en bronnen in het werkmapformaat; "
        "dit bestand kunt u later weer importeren.",
        "Criteria, measures, scores, perspectives and sources in the workbook format; you can "
        "import this file again later.",
    ),
    "export.page.workbook_button": ("Werkmap (.xlsx)", "Workbook (.xlsx)"),
    "export.page.report_intro": (
        "Het besluitrapport begint met een samenvatting op één pagina: de vraag, de "
        "aanbevolen maatregelen en waarom, hoe zeker dat is, de no-regret-maatregelen, de "
        "balans en de open punten. Daarna volgen de rangorde, de grafieken, de robuustheid, "
        "de gewichten en de workshoprondes (alleen aantallen deelnemers); in de bijlage de "
        "methode, de criteria en een vingerafdruk van de gegevens en instellingen. De dia's "
        "(PowerPoint) bevatten de samenvatting en de grafieken.",
        "The decision report starts with a one-page summary: the question, the recommended "
        "measures and why, how certain that is, the no-regret measures, the balance and the "
        "open issues. Then come the ranking, the charts, the robustness, the weights and the "
        "workshop rounds (participant counts only); in the appendix the method, the criteria "
        "and a fingerprint of the data and settings. The slides (PowerPoint) hold the summary "
        "and the charts.",
    ),
    "export.page.report_lang": ("Taal van het rapport", "Language of the report"),
    "export.page.report_format": ("Formaat", "Format"),
    "export.page.report_pdf": ("PDF (om te printen of te versturen)", "PDF (to print or send)"),
    "export.page.report_html": (
        "HTML (interactieve grafieken, werkt offline)", "HTML (interactive charts, works offline)"
    ),
    "export.page.report_pptx": (
        "Dia's (PowerPoint: samenvatting en grafieken)", "Slides (PowerPoint: summary and charts)"
    ),
    "export.page.make_report": ("Rapport maken", "Make the report"),
    "export.page.making_report": ("Rapport maken… {done}%", "Making the report… {done}%"),
    "export.page.report_ready": (
        "Het rapport is klaar ({size} MB).", "The report is ready ({size} MB)."
    ),
    "export.page.download_report": ("Rapport downloaden", "Download the report"),
    "export.page.failed": (
        "Dit is niet gelukt: {error}", "This did not work: {error}"
    ),
}
