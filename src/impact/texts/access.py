"""Strings of sign-in, roles and access control."""

TEXTS: dict[str, tuple[str, str]] = {
    "nav.access": ("Toegang", "Access"),
    "nav.sign_in": ("Aanmelden", "Sign in"),
    "role.participant": ("deelnemer", "participant"),
    "role.viewer": ("lezer", "viewer"),
    "role.editor": ("redacteur", "editor"),
    "access.denied.edit": (
        "U kunt hier alleen lezen. Vraag een redacteur om u bewerkrechten te geven.",
        "You can only read here. Ask an editor to give you editing rights.",
    ),
    "access.read_only": (
        "Alleen lezen: u kunt alles bekijken en exporteren, maar niets wijzigen.",
        "Read only: you can view and export everything, but change nothing.",
    ),
    "access.signed_in_as": ("Aangemeld als {who} ({role})", "Signed in as {who} ({role})"),
    "access.local_editor": (
        "Op deze computer (de server zelf) kunt u alles bewerken.",
        "On this computer (the server itself) you can edit everything.",
    ),
    "access.sign_out": ("Afmelden", "Sign out"),
    "access.sign_in_title": ("Impactbalans", "Impactbalans"),
    "access.sign_in_intro": (
        "Meld u aan met uw organisatie-account om beoordelingen te bekijken of te bewerken.",
        "Sign in with your organisation account to view or edit assessments.",
    ),
    "access.sign_in_button": ("Aanmelden", "Sign in"),
    "access.join_instead": (
        "Doet u mee aan een workshop? Daarvoor hebt u geen account nodig: vul de sessiecode "
        "in op de meedoen-pagina.",
        "Taking part in a workshop? You need no account for that: enter the session code on "
        "the take-part page.",
    ),
    "access.join_link": ("Meedoen aan een workshop", "Take part in a workshop"),
    "access.no_role": (
        "U bent aangemeld als {who}, maar hebt nog geen toegang tot de beoordelingen. Vraag "
        "een redacteur om u toe te voegen op de pagina Toegang.",
        "You are signed in as {who}, but have no access to the assessments yet. Ask an "
        "editor to add you on the Access page.",
    ),
    "access.auth_not_configured": (
        "Aanmelden is niet ingesteld: IMPACT_AUTH=oidc vraagt om een [auth]-blok in "
        ".streamlit/secrets.toml (zie de README).",
        "Sign-in is not configured: IMPACT_AUTH=oidc needs an [auth] section in "
        ".streamlit/secrets.toml (see the README).",
    ),
    "access.bad_mode": (
        "IMPACT_AUTH={mode} is onbekend; gebruik local of oidc.",
        "IMPACT_AUTH={mode} is not known; use local or oidc.",
    ),
    # the access page (oidc mode)
    "access.title": ("Toegang", "Access"),
    "access.intro": (
        "Wie mag lezen en wie mag bewerken. Vul een e-mailadres in, of een hele organisatie "
        "als domein (bijvoorbeeld @provincie.nl). Een persoonlijk adres gaat voor zijn domein. "
        "Deelnemers aan een workshop hebben geen account nodig.",
        "Who may read and who may edit. Enter an e-mail address, or a whole organisation as "
        "a domain (for example @province.nl). A personal address goes before its domain. "
        "Workshop participants need no account.",
    ),
    "access.local_mode": (
        "Deze app draait in de lokale modus (IMPACT_AUTH=local): alleen een browser op deze "
        "computer kan bewerken; alle andere apparaten zien alleen de meedoen-pagina. "
        "Rollen per persoon gelden bij aanmelden met IMPACT_AUTH=oidc.",
        "This app runs in local mode (IMPACT_AUTH=local): only a browser on this computer "
        "can edit; every other device sees only the take-part page. Roles per person apply "
        "with sign-in (IMPACT_AUTH=oidc).",
    ),
    "access.col.subject": ("E-mailadres of domein", "E-mail address or domain"),
    "access.col.role": ("Rol", "Role"),
    "access.add": ("Toevoegen of wijzigen", "Add or change"),
    "access.remove": ("Verwijderen", "Remove"),
    "access.saved": ("{subject} is nu {role}.", "{subject} is now {role}."),
    "access.removed": ("{subject} heeft geen toegang meer.", "{subject} no longer has access."),
    "access.none_yet": ("Nog geen rollen.", "No roles yet."),
    "access.error.subject_empty": (
        "Vul een e-mailadres of domein in.",
        "Enter an e-mail address or a domain.",
    ),
    "access.error.subject_invalid": (
        "'{subject}' is geen e-mailadres of domein (zoals naam@provincie.nl of @provincie.nl).",
        "'{subject}' is not an e-mail address or a domain (such as name@province.nl or "
        "@province.nl).",
    ),
    "access.error.role_invalid": ("Onbekende rol: {role}.", "Unknown role: {role}."),
    "access.error.last_editor": (
        "Dit is de laatste redacteur: voeg eerst een andere redacteur toe.",
        "This is the last editor: add another editor first.",
    ),
}
