"""Strings of the PostgreSQL backend and of `impact migrate` (impact.store.backends,
impact.store.copying)."""

TEXTS: dict[str, tuple[str, str]] = {
    "store.error.pg_cannot_connect": (
        "De PostgreSQL-database {url} is niet bereikbaar: {error}. Controleer of de server "
        "draait, of de naam, gebruiker en het wachtwoord kloppen, of zet IMPACT_DB op een "
        "bestand.",
        "The PostgreSQL database {url} cannot be reached: {error}. Check that the server "
        "runs and that the name, user and password are right, or set IMPACT_DB to a file.",
    ),
    "store.error.pg_lost": (
        "De verbinding met de PostgreSQL-database {url} is verbroken ({error}). Er is niets "
        "half bewaard. Probeer het over een minuut opnieuw; blijft dit, vraag dan de "
        "beheerder of de databaseserver draait.",
        "The connection to the PostgreSQL database {url} was lost ({error}). Nothing was "
        "half saved. Try again in a minute; if this goes on, ask the administrator whether "
        "the database server is running.",
    ),
    "store.error.pg_no_backup": (
        "{url} is een PostgreSQL-database: maak een reservekopie met pg_dump en zet die terug "
        "met pg_restore.",
        "{url} is a PostgreSQL database: back it up with pg_dump and restore it with "
        "pg_restore.",
    ),
    "store.error.migrate_source": (
        "Kopiëren kan alleen van een DuckDB-bestand (niet {source}).",
        "Only a DuckDB file can be copied (not {source}).",
    ),
    "store.error.migrate_no_source": (
        "Het bestand {source} bestaat niet.",
        "The file {source} does not exist.",
    ),
    "store.error.migrate_target": (
        "Kopiëren kan alleen naar een PostgreSQL-database (postgresql://…), niet naar "
        "{target}.",
        "The copy can only go to a PostgreSQL database (postgresql://…), not to {target}.",
    ),
    "store.error.migrate_not_empty": (
        "De database {target} is niet leeg ({count} {count|beoordeling|beoordelingen}, "
        "{sessions} {sessions|workshopsessie|workshopsessies}). Niets gekopieerd; kies een "
        "lege database, of gebruik --replace om de inhoud ervan te vervangen.",
        "The database {target} is not empty ({count} {count|assessment|assessments}, "
        "{sessions} workshop {sessions|session|sessions}). Nothing copied; choose an empty "
        "database, or use --replace to replace its content.",
    ),
    "store.cli.migrated": (
        "{source} gekopieerd naar {target}: {assessments} "
        "{assessments|beoordeling|beoordelingen}, {rows} rijen in {tables} tabellen.",
        "Copied {source} to {target}: {assessments} {assessments|assessment|assessments}, "
        "{rows} rows in {tables} tables.",
    ),
}
