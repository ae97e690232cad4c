"""Store: round trip, migrations, concurrent writes, seeding (on DuckDB and PostgreSQL)."""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb
import pytest

from impact.migrations import statements
from impact.model import (
    Assessment,
    Confidence,
    Criterion,
    Direction,
    Measure,
    Pillar,
    Score,
    WeightProfile,
)
from impact.store import MIGRATIONS, Store, StoreError, get_store
from tests.helpers import EDITOR


def small_assessment(name: str = "Test") -> Assessment:
    criteria = [
        Criterion("c1", Pillar.ECOLOGY, "Natuur", "Nature", "score", Direction.HIGHER_IS_BETTER,
                  -3, 3, "beschrijving", 2.0),
        Criterion("c2", Pillar.ECONOMY, "Kosten", "Cost", "M EUR", Direction.LOWER_IS_BETTER,
                  0, 60),
    ]
    measures = [Measure("A", "Maatregel A", "Measure A", "**vet** <b>x</b>"),
                Measure("B", "Maatregel B")]
    scores = {
        ("A", "c1"): Score("A", "c1", 2, "AERIUS", Confidence.HIGH),
        ("A", "c2"): Score("A", "c2", 12.5),
        ("B", "c1"): Score("B", "c1", -1, None, Confidence.LOW),
    }
    profiles = [WeightProfile("Boeren", {Pillar.ECOLOGY: 20, Pillar.ECONOMY: 60, Pillar.PEOPLE: 20},
                              {"c1": 3.0})]
    return Assessment(name, "doel", criteria, measures, scores, profiles)


def content(a: Assessment) -> tuple:
    return (a.name, a.description, a.criteria, a.measures, a.scores,
            [(p.name, dict(p.pillar_weights), dict(p.criterion_weights)) for p in a.profiles])


def test_round_trip_on_a_fresh_file(db_target: Path | str) -> None:
    store = Store(db_target)
    original = small_assessment()
    new_id = store.create(original, by=EDITOR)
    loaded = store.load(new_id)
    assert content(loaded) == content(original)
    assert loaded.id == new_id and loaded.version == 1
    store.close()
    # A new process (a new connection) sees the same data.
    reopened = Store(db_target)
    assert content(reopened.load(new_id)) == content(original)


def test_migrations_run_once_and_record_their_version(db_target: Path | str) -> None:
    store = Store(db_target)
    assert store.schema_version() == len(MIGRATIONS)
    versions = store.cursor().execute("SELECT version FROM schema_version ORDER BY 1").fetchall()
    assert [v for (v,) in versions] == list(range(1, len(MIGRATIONS) + 1))
    store.close()
    assert Store(db_target).schema_version() == len(MIGRATIONS)  # re-opening: nothing twice


def test_migration_upgrades_an_older_file(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    # A file made by version 1 of the schema only.
    conn = duckdb.connect(str(path))
    conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
                 "applied_at TIMESTAMP NOT NULL)")
    for statement in statements(MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("INSERT INTO schema_version VALUES (1, now())")
    conn.close()
    store = Store(path)
    assert store.schema_version() == len(MIGRATIONS)


def test_many_assessments_and_edits_bump_the_data_version(db_target: Path | str) -> None:
    store = Store(db_target)
    first = store.create(small_assessment("Een"), by=EDITOR)
    second = store.create(small_assessment("Twee"), by=EDITOR)
    assert [i.name for i in store.list_assessments()] == ["Een", "Twee"]
    before = store.data_version(first)
    store.set_score(first, Score("B", "c2", 30.0), by=EDITOR)
    assert store.data_version(first) == before + 1
    assert store.load(first).scores[("B", "c2")].value == 30.0
    assert ("B", "c2") not in store.load(second).scores  # other assessment untouched


def test_rename_duplicate_delete(db_target: Path | str) -> None:
    store = Store(db_target)
    aid = store.create(small_assessment(), by=EDITOR)
    store.rename(aid, "Nieuw", "nieuw doel", by=EDITOR)
    copy = store.duplicate(aid, "Kopie", by=EDITOR)
    assert store.load(copy).name == "Kopie"
    assert content(store.load(copy))[2:] == content(store.load(aid))[2:]
    store.delete(aid, by=EDITOR)
    assert [i.id for i in store.list_assessments()] == [copy]
    for table in ("criteria", "measures", "scores", "profiles"):
        rows = store.cursor().execute(
            f"SELECT count(*) FROM {table} WHERE assessment_id = ?", [aid]  # noqa: S608
        ).fetchone()[0]
        assert rows == 0, table
    with pytest.raises(StoreError):
        store.load(aid)


def test_unique_names(db_target: Path | str) -> None:
    store = Store(db_target)
    assert store.unique_name("Plan") == "Plan"
    store.create(small_assessment("Plan"), by=EDITOR)
    assert store.unique_name("Plan") == "Plan (2)"
    store.create(small_assessment("Plan (2)"), by=EDITOR)
    assert store.unique_name("Plan") == "Plan (3)"


def test_replacing_criteria_drops_their_scores(db_target: Path | str) -> None:
    store = Store(db_target)
    a = small_assessment()
    aid = store.create(a, by=EDITOR)
    store.replace_criteria(aid, a.criteria[:1], by=EDITOR)
    loaded = store.load(aid)
    assert [c.id for c in loaded.criteria] == ["c1"]
    assert set(loaded.scores) == {("A", "c1"), ("B", "c1")}


def test_profiles_save_update_delete(db_target: Path | str) -> None:
    store = Store(db_target)
    aid = store.create(small_assessment(), by=EDITOR)
    store.save_profile(aid, WeightProfile("Natuur", {Pillar.ECOLOGY: 70, Pillar.ECONOMY: 10,
                                                     Pillar.PEOPLE: 20}), by=EDITOR)
    store.save_profile(aid, WeightProfile("Boeren", {Pillar.ECOLOGY: 10, Pillar.ECONOMY: 80,
                                                     Pillar.PEOPLE: 10}), by=EDITOR)
    profiles = store.load(aid).profiles
    assert [p.name for p in profiles] == ["Boeren", "Natuur"]  # update keeps its position
    assert profiles[0].pillar_weights[Pillar.ECONOMY] == 80
    assert profiles[0].criterion_weights == {}
    store.delete_profile(aid, "Boeren", by=EDITOR)
    assert [p.name for p in store.load(aid).profiles] == ["Natuur"]


def test_a_failed_transaction_leaves_nothing_behind(db_target: Path | str) -> None:
    store = Store(db_target)
    aid = store.create(small_assessment(), by=EDITOR)
    before = content(store.load(aid))
    with pytest.raises(RuntimeError):
        with store.transaction() as cur:
            cur.execute("DELETE FROM scores WHERE assessment_id = ?", [aid])
            raise RuntimeError("boom")
    assert content(store.load(aid)) == before


def test_fifty_threads_writing_scores_lose_nothing(db_target: Path | str) -> None:
    store = Store(db_target)
    a = small_assessment()
    a.measures = [Measure(f"M{i:02d}", f"Maatregel {i}") for i in range(50)]
    a.scores = {}
    aid = store.create(a, by=EDITOR)
    errors: list[BaseException] = []
    barrier = threading.Barrier(50)

    def writer(i: int) -> None:
        try:
            barrier.wait()
            for round_ in range(10):
                # Every thread also writes one shared cell: same-key upserts must not fail.
                store.set_scores(aid, [Score(f"M{i:02d}", "c2", float(round_)),
                                       Score("M00", "c1", float(i % 7 - 3))], by=EDITOR)
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    loaded = store.load(aid)
    assert all(loaded.scores[(f"M{i:02d}", "c2")].value == 9.0 for i in range(50))
    assert ("M00", "c1") in loaded.scores
    assert store.data_version(aid) == 1 + 50 * 10


def test_get_store_seeds_the_example_once(db_env: Path | str) -> None:
    store = get_store()
    infos = store.list_assessments()
    assert len(infos) == 1
    example = store.load(infos[0].id)
    assert len(example.measures) == 11 and len(example.criteria) == 13
    assert len(example.profiles) == 4
    assert len(example.scores) == 11 * 13
    assert get_store() is store
    assert len(get_store().list_assessments()) == 1
    assert store.path == (db_env if isinstance(db_env, str) else db_env.resolve())


def test_second_process_gets_a_clear_error(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "locked.duckdb"
    store = Store(path)
    code = (
        "import sys\n"
        "from impact.store import Store, StoreError\n"
        f"try:\n    Store({str(path)!r})\nexcept StoreError as e:\n    print(e); sys.exit(3)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 3
    assert "IMPACT_DB" in result.stdout
    store.close()
