"""No lost updates: versioned edits, unique names, single-item edits, history and undo,
concurrent edits and imports, and bulk imports that leave a live workshop answering."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import duckdb
import pytest

from impact import workshop as ws
from impact.access import AccessDenied
from impact.io import read_assessment
from impact.migrations import MIGRATIONS, statements
from impact.model import Assessment, Criterion, Direction, Measure, Pillar, Score
from impact.store import EXAMPLE_DIR, Store, StoreError
from impact.store.backends import unique_violations
from tests.helpers import EDITOR, VIEWER, answer


@pytest.fixture
def store(db_target: Path | str) -> Store:
    s = Store(db_target)
    yield s
    s.close()


def small(name: str = "Test") -> Assessment:
    return Assessment(
        name=name,
        criteria=[Criterion("c1", Pillar.ECOLOGY, "Natuur", "Nature", "",
                            Direction.HIGHER_IS_BETTER, 0, 100)],
        measures=[Measure("A", "Maatregel A", "Measure A")],
        scores={("A", "c1"): Score("A", "c1", 40, "rapport", None)},
    )


def big(measures: int) -> Assessment:
    """The example with `measures` generated measures, every score filled."""
    a = read_assessment(EXAMPLE_DIR)
    a.measures = [Measure(f"M{i:06d}", f"Maatregel {i}", f"Measure {i}") for i in range(measures)]
    a.scores = {
        (m.id, c.id): Score(m.id, c.id, float(min(c.scale_min, c.scale_max) + i % 2), None, None)
        for i, m in enumerate(a.measures) for c in a.criteria
    }
    return a


# -- versions --------------------------------------------------------------------------
def test_an_edit_on_a_stale_version_is_refused_and_changes_nothing(store: Store) -> None:
    aid = store.create(small(), by=EDITOR)
    seen = store.load(aid).version
    store.set_score(aid, Score("A", "c1", 55), by=EDITOR, expected_version=seen)
    with pytest.raises(StoreError) as refused:  # the second person worked on the same version
        store.set_score(aid, Score("A", "c1", 70), by=EDITOR, expected_version=seen)
    assert refused.value.key == "store.error.stale_version"
    assert "laad de pagina opnieuw" in refused.value.message("nl").lower()
    assert "reload the page" in refused.value.message("en").lower()
    assert "editor@test.nl" in refused.value.message("en")  # who changed it
    assert store.load(aid).scores[("A", "c1")].value == 55
    assert store.data_version(aid) == seen + 1


def test_every_write_kind_checks_the_version(store: Store) -> None:
    aid = store.create(small(), by=EDITOR)
    stale = store.data_version(aid)
    store.rename(aid, "Nieuw", by=EDITOR)
    before = store.load(aid)
    writes = [
        lambda v: store.rename(aid, "X", by=EDITOR, expected_version=v),
        lambda v: store.replace_measures(aid, [], by=EDITOR, expected_version=v),
        lambda v: store.replace_criteria(aid, [], by=EDITOR, expected_version=v),
        lambda v: store.save_measure(aid, Measure("B", "B", "B"), by=EDITOR,
                                     expected_version=v),
        lambda v: store.delete_item(aid, "measure", "A", by=EDITOR, expected_version=v),
        lambda v: store.move_item(aid, "measure", "A", 1, by=EDITOR, expected_version=v),
        lambda v: store.delete_score(aid, "A", "c1", by=EDITOR, expected_version=v),
        lambda v: store.replace(aid, small("Y"), by=EDITOR, expected_version=v),
    ]
    for write in writes:
        with pytest.raises(StoreError) as refused:
            write(stale)
        assert refused.value.key == "store.error.stale_version"
    after = store.load(aid)
    assert (after.name, after.version, after.measures, after.scores) == (
        before.name, before.version, before.measures, before.scores)


def test_writes_return_the_new_version(store: Store) -> None:
    aid = store.create(small(), by=EDITOR)
    assert store.data_version(aid) == 1
    assert store.save_measure(aid, Measure("B", "B", "B"), by=EDITOR, expected_version=1) == 2
    assert store.set_scores(aid, [Score("B", "c1", 3)], by=EDITOR, expected_version=2) == 3
    assert store.data_version(aid) == 3


# -- unique names ----------------------------------------------------------------------
def test_names_are_unique_by_a_constraint(store: Store) -> None:
    first = store.create(small("Veluwe"), by=EDITOR)
    second = store.create(small("Veluwe"), by=EDITOR)
    third = store.create(small("Veluwe"), by=EDITOR)
    assert [store.info(i).name for i in (first, second, third)] == [
        "Veluwe", "Veluwe (2)", "Veluwe (3)"]
    with pytest.raises(StoreError) as taken:
        store.create(small("Veluwe"), by=EDITOR, rename_if_taken=False)
    assert taken.value.key == "store.error.name_taken"
    with pytest.raises(StoreError) as taken:
        store.rename(second, "Veluwe", by=EDITOR)
    assert taken.value.key == "store.error.name_taken"
    assert store.info(second).name == "Veluwe (2)"
    store.rename(first, "Veluwe", "nieuwe omschrijving", by=EDITOR)  # its own name is fine
    assert store.info(first).description == "nieuwe omschrijving"
    with pytest.raises(unique_violations()):  # the database itself refuses, too
        store.cursor().execute(
            "INSERT INTO assessments (name, created_at, updated_at) "
            "VALUES ('Veluwe', now(), now())")


def test_migration_gives_duplicate_names_of_an_older_file_their_id(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    conn = duckdb.connect(str(path))
    conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
                 "applied_at TIMESTAMP NOT NULL)")
    for number, script in enumerate(MIGRATIONS[:3], start=1):  # a release before names were unique
        for statement in statements(script):
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (?, now())", [number])
    for _ in range(3):
        conn.execute("INSERT INTO assessments (name, created_at, updated_at) "
                     "VALUES ('Zelfde', now(), now())")
    conn.close()
    s = Store(path)
    assert [a.name for a in s.list_assessments()] == ["Zelfde", "Zelfde (#2)", "Zelfde (#3)"]
    assert s.versions(1) == []  # older saves have no history; the next one has
    s.rename(1, "Ander", by=EDITOR)
    assert [v.change_key for v in s.versions(1)] == ["history.renamed"]
    s.close()


# -- single items ----------------------------------------------------------------------
def test_measures_are_added_changed_moved_and_deleted_one_at_a_time(store: Store) -> None:
    aid = store.create(small(), by=EDITOR)
    store.save_measure(aid, Measure("B", "Maatregel B", "Measure B"), by=EDITOR)
    store.save_measure(aid, Measure("C", "Maatregel C", "Measure C"), by=EDITOR)
    with pytest.raises(StoreError) as taken:
        store.save_measure(aid, Measure("B", "dubbel", "double"), by=EDITOR)
    assert taken.value.key == "store.error.measure_id_taken"
    store.save_measure(aid, Measure("A2", "Nieuwe naam", "New name", "uitleg"), by=EDITOR,
                       replaces="A")
    a = store.load(aid)
    assert [m.id for m in a.measures] == ["A2", "B", "C"]
    assert a.measures[0].label_nl == "Nieuwe naam" and a.measures[0].description == "uitleg"
    assert a.scores[("A2", "c1")].value == 40 and ("A", "c1") not in a.scores  # score followed
    store.move_item(aid, "measure", "C", -1, by=EDITOR)
    store.move_item(aid, "measure", "A2", -1, by=EDITOR)  # already first: no change
    assert [m.id for m in store.load(aid).measures] == ["A2", "C", "B"]
    impact = store.deletion_impact(aid, "measure", "A2")
    assert (impact.scores, impact.evidence) == (1, 1)
    store.delete_item(aid, "measure", "A2", by=EDITOR)
    a = store.load(aid)
    assert [m.id for m in a.measures] == ["C", "B"] and a.scores == {}
    with pytest.raises(StoreError) as gone:
        store.delete_item(aid, "measure", "A2", by=EDITOR)
    assert gone.value.key == "store.error.measure_gone"


def test_a_criterion_keeps_its_scores_when_renamed_and_its_scale_must_hold_them(
        store: Store) -> None:
    aid = store.create(small(), by=EDITOR)
    c = store.load(aid).criteria[0]
    narrower = Criterion("c1", c.pillar, c.label_nl, c.label_en, c.unit, c.direction, 0, 10)
    with pytest.raises(StoreError) as refused:
        store.save_criterion(aid, narrower, by=EDITOR, replaces="c1")
    assert refused.value.key == "store.error.scale_excludes_scores"
    assert "A" in refused.value.message("nl") and "0 tot 10" in refused.value.message("nl")
    renamed = Criterion("n1", Pillar.PEOPLE, "Mensen", "People", "punten",
                        Direction.LOWER_IS_BETTER, 0, 50, "omschrijving", 2.0)
    store.save_criterion(aid, renamed, by=EDITOR, replaces="c1")
    a = store.load(aid)
    assert a.criteria == [renamed]
    assert a.scores[("A", "n1")].value == 40
    assert store.deletion_impact(aid, "criterion", "n1").scores == 1
    store.delete_item(aid, "criterion", "n1", by=EDITOR)
    assert store.load(aid).criteria == [] and store.load(aid).scores == {}


def test_a_viewer_cannot_edit_items(store: Store) -> None:
    aid = store.create(small(), by=EDITOR)
    with pytest.raises(AccessDenied):
        store.save_measure(aid, Measure("B", "B", "B"), by=VIEWER)
    with pytest.raises(AccessDenied):
        store.undo(aid, by=VIEWER)
    assert [m.id for m in store.load(aid).measures] == ["A"]


# -- history ---------------------------------------------------------------------------
def test_every_save_is_a_version_with_who_when_and_what(store: Store) -> None:
    aid = store.create(small(), by=EDITOR)
    store.save_measure(aid, Measure("B", "B", "B"), by=EDITOR)
    store.set_scores(aid, [Score("B", "c1", 10), Score("A", "c1", 20)], by=EDITOR)
    history = store.versions(aid)
    assert [(v.version, v.change_key, v.params) for v in history] == [
        (3, "history.scores_saved", {"count": 2}),
        (2, "history.measure_added", {"id": "B"}),
        (1, "history.created", {"name": "Test"}),
    ]
    assert {v.saved_by for v in history} == {"editor@test.nl"}
    assert all(v.restorable for v in history)
    assert history[0].saved_at >= history[-1].saved_at


def test_undo_and_restore_are_new_versions(store: Store) -> None:
    aid = store.create(small(), by=EDITOR)
    original = store.load(aid)
    store.save_measure(aid, Measure("B", "B", "B"), by=EDITOR)
    store.set_scores(aid, [Score("B", "c1", 10), Score("A", "c1", 99, "nieuw", None)],
                     by=EDITOR)
    assert store.undo(aid, by=EDITOR) == 4  # back to version 2: B without scores
    a = store.load(aid)
    assert [m.id for m in a.measures] == ["A", "B"]
    assert a.scores[("A", "c1")].value == 40 and ("B", "c1") not in a.scores
    store.restore_version(aid, 1, by=EDITOR)
    back = store.load(aid)
    assert (back.measures, back.criteria, back.scores) == (
        original.measures, original.criteria, original.scores)
    assert [v.change_key for v in store.versions(aid, limit=2)] == [
        "history.restored", "history.restored"]
    store.restore_version(aid, 3, by=EDITOR)  # a restore can be undone by restoring again
    assert store.load(aid).scores[("A", "c1")].source == "nieuw"


def test_a_restore_on_a_stale_version_is_refused(store: Store) -> None:
    aid = store.create(small(), by=EDITOR)
    store.save_measure(aid, Measure("B", "B", "B"), by=EDITOR)
    with pytest.raises(StoreError) as refused:
        store.undo(aid, by=EDITOR, expected_version=1)
    assert refused.value.key == "store.error.stale_version"
    with pytest.raises(StoreError) as nothing:
        store.undo(store.create(small("Nieuw"), by=EDITOR), by=EDITOR)
    assert nothing.value.key == "store.error.nothing_to_undo"


# -- concurrency -----------------------------------------------------------------------
def run_threads(count: int, work) -> list[BaseException]:
    errors: list[BaseException] = []
    start = threading.Barrier(count)

    def run(i: int) -> None:
        start.wait()
        try:
            work(i)
        except BaseException as exc:  # noqa: BLE001 - collected and asserted on
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def test_twenty_threads_of_edits_and_imports_lose_nothing(store: Store) -> None:
    aid = store.create(small("Gedeeld"), by=EDITOR)
    refused = []

    def work(i: int) -> None:
        if i % 4 == 0:  # an import (a new assessment with a name others use too)
            store.create(small("Import"), by=EDITOR)
            return
        if i % 4 == 1:  # read-modify-write of the whole list, retried when refused
            while True:
                seen = store.load(aid)
                try:
                    store.replace_measures(aid, [*seen.measures, Measure(f"R{i}", "r", "r")],
                                           by=EDITOR, expected_version=seen.version)
                    return
                except StoreError as exc:
                    assert exc.key == "store.error.stale_version"
                    refused.append(i)
        for k in range(3):  # single-item adds need no retry
            store.save_measure(aid, Measure(f"S{i}-{k}", "s", "s"), by=EDITOR)

    assert run_threads(20, work) == []
    measures = {m.id for m in store.load(aid).measures}
    expected = {"A"} | {f"R{i}" for i in range(20) if i % 4 == 1} | {
        f"S{i}-{k}" for i in range(20) if i % 4 in (2, 3) for k in range(3)}
    assert measures == expected
    names = [a.name for a in store.list_assessments()]
    assert len(names) == len(set(names)) == 6
    assert sorted(n for n in names if n.startswith("Import")) == [
        "Import", "Import (2)", "Import (3)", "Import (4)", "Import (5)"]
    writes = len(expected) - 1
    assert store.data_version(aid) == 1 + writes  # refused writes left no version


def test_a_bulk_import_leaves_a_workshop_answering(store: Store) -> None:
    """20,000 measures import while 50 answers are given: all land, none waits for the
    whole import (the answers are acknowledged while the import is running)."""
    aid = store.create(small("Werkplaats"), by=EDITOR)
    session, _key = ws.create_session(store, aid, ["A"], ["c1"], pillar_split=False,
                                      anonymous=True, hide_until_reveal=False, shuffle=False,
                                      by=EDITOR)
    tokens = [ws.join(store, session.code, name=f"p{i}").token for i in range(50)]
    ws.open_round(store, session.code, by=EDITOR)
    large = big(20_000)
    done: dict[str, float] = {}
    acknowledged: list[float] = []

    def importer() -> None:
        done["start"] = time.monotonic()
        done["id"] = store.create(large, by=EDITOR)
        done["end"] = time.monotonic()

    thread = threading.Thread(target=importer)
    thread.start()
    for i, token in enumerate(tokens):
        answer(store, token, "A", "c1", float(i))
        acknowledged.append(time.monotonic())
    thread.join()
    stored = store.cursor().execute(
        "SELECT count(*), sum(value) FROM workshop_answers WHERE code = ?",
        [session.code]).fetchone()
    assert stored == (50, float(sum(range(50))))
    during = [t for t in acknowledged if done["start"] <= t <= done["end"]]
    assert during, "no answer was acknowledged while the import ran"
    imported = store.load(done["id"])
    assert len(imported.measures) == 20_000 and len(imported.scores) == 20_000 * 13
    assert imported.scores[("M000001", "eco_n")].value == 1.0
