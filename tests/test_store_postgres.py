"""What only the PostgreSQL backend has: the dialect's translation, the write lock across
processes, migrations of an empty or older database, clear failures."""

from __future__ import annotations

import pytest

from impact.cli import main
from impact.migrations import MIGRATIONS, statements
from impact.model import Measure, Score
from impact.store import Store, StoreError, backends, forget_store, get_store
from tests.helpers import EDITOR, run_threads
from tests.test_store import small_assessment


def test_the_store_sql_is_translated_for_postgresql() -> None:
    sql = ("SELECT median(a.value), quantile_cont(value, 0.25), x FROM t "
           "WHERE name LIKE 'a%' AND id = ? AND code <> ALL(?)")
    assert backends.translate(sql) == (
        "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY a.value), "
        "percentile_cont(0.25) WITHIN GROUP (ORDER BY value), x FROM t "
        "WHERE name LIKE 'a%%' AND id = %s AND code <> ALL(%s)")
    # Without parameters psycopg reads no placeholders: a % stays as it is.
    assert backends.translate("SELECT 'a%'", False) == "SELECT 'a%'"
    assert backends.ddl("x DOUBLE NOT NULL, s BLOB, d DOUBLE", postgres=True) == (
        "x DOUBLE PRECISION NOT NULL, s BYTEA, d DOUBLE PRECISION")
    assert backends.ddl("x DOUBLE", postgres=False) == "x DOUBLE"


def test_urls_are_told_from_paths_and_shown_without_password() -> None:
    assert backends.is_url("postgresql://u:geheim@db.example:5432/impact")
    assert backends.is_url("postgres://u@db/impact")
    assert not backends.is_url("/data/postgresql/impact.duckdb")
    assert backends.shown_url("postgresql://u:geheim@db.example:5432/impact") == (
        "postgresql://u:***@db.example:5432/impact")
    assert backends.shown_url("postgresql://u@db/impact") == "postgresql://u@db/impact"


def test_two_stores_on_one_database_write_in_turn(pg_url: str) -> None:
    """Two stores (two pools, as two app processes have) changing one assessment at the
    same time: every change gets its own version, none is lost. Without the advisory
    lock both read version v and the second write of v + 1 is refused by the key."""
    first, second = Store(pg_url), Store(pg_url)
    a = small_assessment()
    a.measures = [Measure(f"M{i:02d}", f"Maatregel {i}") for i in range(20)]
    a.scores = {}
    aid = first.create(a, by=EDITOR)
    def writer(i: int) -> None:
        store = (first, second)[i % 2]
        for step in range(5):
            store.set_scores(aid, [Score(f"M{i:02d}", "c2", float(step))], by=EDITOR)

    errors = run_threads(20, writer)
    assert errors == []
    assert second.data_version(aid) == 1 + 20 * 5
    assert [v.version for v in first.versions(aid)] == list(range(101, 0, -1))
    assert all(first.load(aid).scores[(f"M{i:02d}", "c2")].value == 4.0 for i in range(20))
    first.close()
    second.close()


def test_two_first_starts_seed_the_example_once(pg_url: str) -> None:
    stores = [Store(pg_url) for _ in range(4)]
    seeded: list[int | None] = []
    assert run_threads(4, lambda i: seeded.append(stores[i].seed_example_if_empty())) == []
    assert sorted(seeded, key=str) == [1, None, None, None]
    assert [i.id for i in stores[0].list_assessments()] == [1]
    for store in stores:
        store.close()


def test_migrations_build_an_empty_database(pg_cluster) -> None:
    url = pg_cluster.new_database(empty=True)
    try:
        store = Store(url)
        assert store.schema_version() == len(MIGRATIONS)
        rows = store.cursor().execute("SELECT version FROM schema_version ORDER BY 1").fetchall()
        assert [v for (v,) in rows] == list(range(1, len(MIGRATIONS) + 1))
        types = dict(store.cursor().execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_name = 'assessment_versions'").fetchall())
        assert types["snapshot"] == "bytea"
        store.close()
    finally:
        pg_cluster.drop_database(url)


def test_migrations_upgrade_an_older_database(pg_cluster) -> None:
    """A database of schema version 1 with one name twice: migrations 2.. run, and 4
    gives the second its id (as on a DuckDB file)."""
    import psycopg

    url = pg_cluster.new_database(empty=True)
    try:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
                         "applied_at TIMESTAMP NOT NULL)")
            for statement in statements(MIGRATIONS[0]):
                conn.execute(backends.ddl(statement, postgres=True))
            conn.execute("INSERT INTO schema_version VALUES (1, now())")
            for _ in range(2):
                conn.execute("INSERT INTO assessments (name, created_at, updated_at) "
                             "VALUES ('Veluwe', now(), now())")
        store = Store(url)
        assert store.schema_version() == len(MIGRATIONS)
        assert [i.name for i in store.list_assessments()] == ["Veluwe", "Veluwe (#2)"]
        store.close()
    finally:
        pg_cluster.drop_database(url)


def test_a_newer_database_is_refused(pg_url: str) -> None:
    with Store(pg_url).transaction() as cur:
        cur.execute("INSERT INTO schema_version VALUES (?, now())", [len(MIGRATIONS) + 1])
    with pytest.raises(StoreError) as refused:
        Store(pg_url)
    assert refused.value.key == "store.error.newer_schema"


def test_a_server_that_cannot_be_reached_says_so(pg_cluster) -> None:
    url = f"postgresql://impact:geheim@127.0.0.1:{pg_cluster.port}/bestaat_niet"
    with pytest.raises(StoreError) as refused:
        Store(url)
    assert refused.value.key == "store.error.pg_cannot_connect"
    text = refused.value.message("nl")
    assert "postgresql://impact:***@127.0.0.1" in text and "geheim" not in text
    assert "niet bereikbaar" in text


def test_backup_and_restore_point_to_pg_dump(pg_url: str, tmp_path, capsys) -> None:
    store = Store(pg_url)
    with pytest.raises(StoreError) as refused:
        store.backup()
    assert refused.value.key == "store.error.pg_no_backup"
    assert "pg_dump" in refused.value.message("en")
    store.close()
    assert main(["restore", str(tmp_path / "x.duckdb"), "--db", pg_url]) == 1
    assert capsys.readouterr().err.strip() == (
        f"{pg_url} is een PostgreSQL-database: maak een reservekopie met pg_dump en zet die "
        "terug met pg_restore.")


def test_get_store_keeps_one_store_per_url(pg_db: str) -> None:
    store = get_store()
    assert get_store(pg_db) is store
    assert store.path == pg_db and len(store.list_assessments()) == 1  # the example
    forget_store(pg_db)
    assert get_store(pg_db, seed=False) is not store


def test_a_server_restart_costs_no_read_and_no_write(pg_cluster, pg_url: str) -> None:
    """The server drops every connection (as a restart does): the pooled ones are broken,
    and the next read and write each take a fresh connection instead of failing."""
    store = Store(pg_url)
    aid = store.create(small_assessment(), by=EDITOR)
    for _ in range(3):  # several pooled connections in use at once, then idle
        run_threads(3, lambda i: store.load(aid))
    pg_cluster.drop_connections(pg_url)
    assert store.load(aid).name == "Test"
    pg_cluster.drop_connections(pg_url)
    assert store.set_score(aid, Score("B", "c2", 30.0), by=EDITOR) == 2
    assert store.load(aid).scores[("B", "c2")].value == 30.0
    store.close()


def test_a_server_that_is_gone_is_said_in_words_and_nothing_is_half_written(
        pg_cluster, pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The database stops taking connections (a server down for longer than a restart):
    a read and a write each end in the store's message, not psycopg's, and once it is
    back the write that was refused left nothing behind."""
    monkeypatch.setattr(backends, "POOL_TIMEOUT", 2.0)  # a page would wait 15 s
    store = Store(pg_url)
    aid = store.create(small_assessment(), by=EDITOR)
    before = store.load(aid).scores
    name = pg_url.rsplit("/", 1)[1]
    pg_cluster.execute(f"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false")
    try:
        pg_cluster.drop_connections(pg_url)
        with pytest.raises(StoreError) as read:
            store.load(aid)
        with pytest.raises(StoreError) as write:
            store.set_score(aid, Score("B", "c2", 30.0), by=EDITOR)
    finally:
        pg_cluster.execute(f"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS true")
    for refused in (read.value, write.value):
        assert refused.key == "store.error.pg_lost"
        assert refused.message("nl").startswith(
            f"De verbinding met de PostgreSQL-database {pg_url} is verbroken")
        assert "Nothing was half saved" in refused.message("en")
    store.close()
    back = Store(pg_url)  # the server takes connections again: the write never landed
    assert back.load(aid).scores == before
    assert back.info(aid).version == 1
    back.close()
