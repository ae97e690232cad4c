"""The database schema as numbered migrations (applied by `impact.store.Store.migrate`).

Migration i brings the schema from version i-1 to i. Append only: a released migration
never changes, because databases out there already have it.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: assessments and their content
    """
    CREATE SEQUENCE assessment_id_seq START 1;
    CREATE TABLE assessments (
        id INTEGER PRIMARY KEY DEFAULT nextval('assessment_id_seq'),
        name VARCHAR NOT NULL,
        description VARCHAR NOT NULL DEFAULT '',
        created_at TIMESTAMP NOT NULL,
        updated_at TIMESTAMP NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
    );
    CREATE TABLE criteria (
        assessment_id INTEGER NOT NULL,
        id VARCHAR NOT NULL,
        position INTEGER NOT NULL,
        pillar VARCHAR NOT NULL,
        label_nl VARCHAR NOT NULL,
        label_en VARCHAR NOT NULL,
        unit VARCHAR NOT NULL,
        direction VARCHAR NOT NULL,
        scale_min DOUBLE NOT NULL,
        scale_max DOUBLE NOT NULL,
        description VARCHAR NOT NULL,
        weight DOUBLE NOT NULL,
        PRIMARY KEY (assessment_id, id)
    );
    CREATE TABLE measures (
        assessment_id INTEGER NOT NULL,
        id VARCHAR NOT NULL,
        position INTEGER NOT NULL,
        label_nl VARCHAR NOT NULL,
        label_en VARCHAR NOT NULL,
        description VARCHAR NOT NULL,
        PRIMARY KEY (assessment_id, id)
    );
    CREATE TABLE scores (
        assessment_id INTEGER NOT NULL,
        measure_id VARCHAR NOT NULL,
        criterion_id VARCHAR NOT NULL,
        value DOUBLE NOT NULL,
        source VARCHAR,
        confidence VARCHAR,
        PRIMARY KEY (assessment_id, measure_id, criterion_id)
    );
    CREATE TABLE profiles (
        assessment_id INTEGER NOT NULL,
        name VARCHAR NOT NULL,
        position INTEGER NOT NULL,
        ecology DOUBLE NOT NULL,
        economy DOUBLE NOT NULL,
        people DOUBLE NOT NULL,
        PRIMARY KEY (assessment_id, name)
    );
    CREATE TABLE profile_criterion_weights (
        assessment_id INTEGER NOT NULL,
        profile VARCHAR NOT NULL,
        criterion_id VARCHAR NOT NULL,
        weight DOUBLE NOT NULL,
        PRIMARY KEY (assessment_id, profile, criterion_id)
    );
    """,
    # 2: live workshop sessions (impact.workshop); the facilitator key is stored hashed
    """
    CREATE TABLE workshop_sessions (
        code VARCHAR PRIMARY KEY,
        assessment_id INTEGER NOT NULL,
        key_hash VARCHAR NOT NULL,
        pillar_split BOOLEAN NOT NULL,
        anonymous BOOLEAN NOT NULL,
        hide_until_reveal BOOLEAN NOT NULL,
        shuffle BOOLEAN NOT NULL,
        closed BOOLEAN NOT NULL,
        created_at TIMESTAMP NOT NULL,
        updated_at TIMESTAMP NOT NULL
    );
    CREATE TABLE workshop_items (
        code VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        item_id VARCHAR NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (code, kind, item_id)
    );
    CREATE TABLE workshop_rounds (
        code VARCHAR NOT NULL,
        round_no INTEGER NOT NULL,
        state VARCHAR NOT NULL,
        opened_at TIMESTAMP,
        closed_at TIMESTAMP,
        revealed_at TIMESTAMP,
        PRIMARY KEY (code, round_no)
    );
    CREATE TABLE workshop_participants (
        token VARCHAR PRIMARY KEY,
        code VARCHAR NOT NULL,
        name VARCHAR,
        stakeholder_group VARCHAR,
        joined_at TIMESTAMP NOT NULL
    );
    CREATE TABLE workshop_answers (
        code VARCHAR NOT NULL,
        round_no INTEGER NOT NULL,
        token VARCHAR NOT NULL,
        measure_id VARCHAR NOT NULL,
        criterion_id VARCHAR NOT NULL,
        value DOUBLE NOT NULL,
        updated_at TIMESTAMP NOT NULL,
        PRIMARY KEY (code, round_no, token, measure_id, criterion_id)
    );
    CREATE TABLE workshop_splits (
        code VARCHAR NOT NULL,
        round_no INTEGER NOT NULL,
        token VARCHAR NOT NULL,
        ecology DOUBLE NOT NULL,
        economy DOUBLE NOT NULL,
        people DOUBLE NOT NULL,
        updated_at TIMESTAMP NOT NULL,
        PRIMARY KEY (code, round_no, token)
    );
    """,
    # 3: access control. Roles of signed-in people (an e-mail address or "@domain");
    # a workshop session's owner (who may run it without the key) and participant cap.
    """
    CREATE TABLE user_roles (
        subject VARCHAR PRIMARY KEY,
        role VARCHAR NOT NULL,
        granted_at TIMESTAMP NOT NULL,
        granted_by VARCHAR
    );
    ALTER TABLE workshop_sessions ADD COLUMN owner VARCHAR;
    ALTER TABLE workshop_sessions ADD COLUMN max_participants INTEGER DEFAULT 500;
    """,
    # 4: older files may hold one assessment name twice: the later ones get their id added
    """
    UPDATE assessments SET name = name || ' (#' || CAST(id AS VARCHAR) || ')'
        WHERE id NOT IN (SELECT min(id) FROM assessments GROUP BY name);
    """,
    # 5: unique assessment names (an index cannot be made in the transaction of the update
    # above) and the history of every save, with a restorable copy
    """
    CREATE UNIQUE INDEX assessments_name ON assessments (name);
    CREATE TABLE assessment_versions (
        assessment_id INTEGER NOT NULL,
        version INTEGER NOT NULL,
        saved_at TIMESTAMP NOT NULL,
        saved_by VARCHAR NOT NULL,
        change_key VARCHAR NOT NULL,
        change_params VARCHAR NOT NULL,
        snapshot BLOB,
        PRIMARY KEY (assessment_id, version)
    );
    """,
    # 6: English descriptions and units beside the Dutch ones (empty: use the Dutch one)
    """
    ALTER TABLE measures ADD COLUMN description_en VARCHAR NOT NULL DEFAULT '';
    ALTER TABLE criteria ADD COLUMN unit_en VARCHAR NOT NULL DEFAULT '';
    ALTER TABLE criteria ADD COLUMN description_en VARCHAR NOT NULL DEFAULT '';
    """,
    # 7: packages within a budget: a measure's cost and exclusive group, a criterion's
    # knock-out value (impact.portfolio)
    """
    ALTER TABLE measures ADD COLUMN cost DOUBLE;
    ALTER TABLE measures ADD COLUMN cost_unit VARCHAR NOT NULL DEFAULT '€';
    ALTER TABLE measures ADD COLUMN exclusive_group VARCHAR;
    ALTER TABLE criteria ADD COLUMN knockout DOUBLE;
    """,
    # 8: a workshop participant's short reason per measure and round, and a round's
    # optional timer (the moment it closes itself) (issue 17)
    """
    ALTER TABLE workshop_rounds ADD COLUMN closes_at TIMESTAMP;
    CREATE TABLE workshop_reasons (
        code VARCHAR NOT NULL,
        round_no INTEGER NOT NULL,
        token VARCHAR NOT NULL,
        measure_id VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        updated_at TIMESTAMP NOT NULL,
        PRIMARY KEY (code, round_no, token, measure_id)
    );
    """,
    # 9: method settings per criterion (issue 14): PROMETHEE's preference function and
    # thresholds, SPOTIS's expected solution point (NULL: the method's default)
    """
    ALTER TABLE criteria ADD COLUMN pref_function VARCHAR;
    ALTER TABLE criteria ADD COLUMN pref_q DOUBLE;
    ALTER TABLE criteria ADD COLUMN pref_p DOUBLE;
    ALTER TABLE criteria ADD COLUMN pref_s DOUBLE;
    ALTER TABLE criteria ADD COLUMN spotis_expected DOUBLE;
    """,
]


def statements(script: str) -> list[str]:
    """The SQL statements of one migration (they contain no `;` inside)."""
    return [s.strip() for s in script.split(";") if s.strip()]
