"""Store safety: scores checked against the assessment; the database file's own failures
(newer schema, damage, a lock held elsewhere) as clear messages; backups and restore."""

from __future__ import annotations

import hashlib
import math
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from impact import dbfile
from impact import store as store_module
from impact.cli import main
from impact.migrations import MIGRATIONS
from impact.model import Score
from impact.store import Store, StoreError, get_store, restore_backup
from impact.store import core as store_core
from tests.helpers import EDITOR
from tests.test_store import content, small_assessment


def _scores_of(store: Store, aid: int) -> tuple:
    loaded = store.load(aid)
    return loaded.version, dict(loaded.scores)


# --- part 3: scores refer to existing measures and criteria, on the scale -------------

@pytest.mark.parametrize(
    ("score", "key", "words"),
    [
        (Score("X", "c1", 1.0), "store.error.unknown_measure", ["X", "c1", "1"]),
        (Score("A", "nope", 1.0), "store.error.unknown_criterion", ["A", "nope", "1"]),
        (Score("A", "c2", 1e9), "store.error.score_off_scale", ["A", "c2", "1e+09", "0", "60"]),
        (Score("A", "c1", -3.5), "store.error.score_off_scale", ["A", "c1", "-3.5", "-3", "3"]),
        (Score("A", "c1", math.nan), "store.error.score_off_scale", ["A", "c1", "nan"]),
        (Score("A", "c1", math.inf), "store.error.score_off_scale", ["A", "c1", "inf"]),
    ],
)
def test_set_scores_refuses_what_the_assessment_does_not_have(
    tmp_path: Path, score: Score, key: str, words: list[str]
) -> None:
    store = Store(tmp_path / "s.duckdb")
    aid = store.create(small_assessment(), by=EDITOR)
    before = _scores_of(store, aid)
    good = Score("B", "c2", 5.0)  # a valid score in the same call is not written either
    with pytest.raises(StoreError) as caught:
        store.set_scores(aid, [good, score], by=EDITOR)
    assert caught.value.key == key
    for word in words:
        assert word in str(caught.value)
    assert caught.value.message("nl") != str(caught.value)
    assert _scores_of(store, aid) == before


def test_set_scores_accepts_the_scale_ends(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.duckdb")
    aid = store.create(small_assessment(), by=EDITOR)
    store.set_scores(aid, [Score("B", "c1", -3.0), Score("B", "c2", 60.0),
                           Score("A", "c2", 0.0)], by=EDITOR)
    scores = store.load(aid).scores
    assert (scores[("B", "c1")].value, scores[("B", "c2")].value) == (-3.0, 60.0)


# --- part 4: failures of the database file itself ------------------------------------

def _digest(folder: Path) -> dict[str, str]:
    """Every file in the folder and its content: "the database is unchanged"."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def _real_db(path: Path) -> int:
    """A closed database file with one assessment; returns its id."""
    store = Store(path)
    aid = store.create(small_assessment(), by=EDITOR)
    store.close()
    return aid


def _newer_schema_db(path: Path) -> None:
    """A closed database file that says it has one migration more than this code knows."""
    _real_db(path)
    conn = duckdb.connect(str(path))
    conn.execute("INSERT INTO schema_version VALUES (?, now())", [len(MIGRATIONS) + 1])
    conn.close()


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _own_stores(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI commands run in this process: their stores must not outlive the test."""
    monkeypatch.setattr(store_module, "_stores", {})


def test_a_newer_schema_is_refused_before_any_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new.duckdb"
    _newer_schema_db(path)
    before = _digest(tmp_path)
    with pytest.raises(StoreError) as caught:
        Store(path)
    assert caught.value.key == "store.error.newer_schema"
    text = str(caught.value)
    assert f"version {len(MIGRATIONS) + 1}" in text and f"up to {len(MIGRATIONS)}" in text
    assert str(len(MIGRATIONS) + 1) in caught.value.message("nl")
    code, _, err = _cli(capsys, "backup", "--db", str(path))
    assert code == 1 and "schema version" in err and "Traceback" not in err
    assert _digest(tmp_path) == before  # no write, no backup either


@pytest.mark.parametrize("damage", ["garbage", "truncated_half", "truncated_head"])
def test_a_damaged_file_says_so_and_not_lock(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "bad.duckdb"
    if damage == "garbage":
        path.write_bytes(os.urandom(50_000))
    else:
        store = Store(path)
        for number in range(30):  # enough rows for more than one block
            store.create(small_assessment(f"A{number}"), by=EDITOR)
        store.close()
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2] if damage == "truncated_half" else data[:5000])
        for backup in dbfile.backups(path):  # this case: no backup to point to
            backup.unlink()
    before = _digest(tmp_path)
    with pytest.raises(StoreError) as caught:
        Store(path)
    assert caught.value.key == "store.error.damaged"
    assert "damaged" in str(caught.value) and "lock" not in str(caught.value).lower()
    assert "beschadigd" in caught.value.message("nl")
    assert _digest(tmp_path) == before


def test_a_damaged_file_names_the_newest_backup(tmp_path: Path) -> None:
    path = tmp_path / "bad.duckdb"
    _real_db(path)
    store = Store(path)
    older = store.backup(datetime.now() - timedelta(days=2))
    newest = store.backup()
    store.close()
    path.write_bytes(b"\0garbage" * 1000)
    with pytest.raises(StoreError) as caught:
        Store(path)
    assert caught.value.key == "store.error.damaged_backup"
    assert str(newest) in str(caught.value) and str(older) not in str(caught.value)
    assert "impact restore" in str(caught.value)


@pytest.fixture
def held_elsewhere(tmp_path: Path) -> Iterator[tuple[Path, int]]:
    """A database file another process has open (and so locked)."""
    path = tmp_path / "held.duckdb"
    _real_db(path)
    code = ("import sys, time\nfrom impact.store import Store\n"
            f"store = Store({str(path)!r})\nprint('open', flush=True)\nsys.stdin.read()\n")
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "open"
        yield path, child.pid
    finally:
        child.stdin.close()
        child.wait(timeout=30)


def test_a_lock_held_by_another_process_is_named(
    held_elsewhere: tuple[Path, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, pid = held_elsewhere
    before = _digest(path.parent)
    with pytest.raises(StoreError) as caught:
        Store(path)
    assert caught.value.key == "store.error.locked_by"
    assert f"PID {pid}" in str(caught.value) and "another process" in str(caught.value)
    code, _, err = _cli(capsys, "backup", "--db", str(path))
    assert code == 1 and f"PID {pid}" in err and "Traceback" not in err
    assert _digest(path.parent) == before


# --- backups ---------------------------------------------------------------------------

def test_the_first_open_of_the_day_makes_one_backup(tmp_path: Path) -> None:
    path = tmp_path / "daily.duckdb"
    assert dbfile.backups(path) == []
    _real_db(path)
    assert dbfile.backups(path) == []  # a new, empty file has nothing to back up
    Store(path).close()
    Store(path).close()
    (backup,) = dbfile.backups(path)
    assert backup.name.startswith(f"daily.backup-{datetime.now():%Y%m%d}-")
    copy = Store(backup)
    assert [a.name for a in copy.list_assessments()] == ["Test"]
    copy.close()


def test_an_existing_database_is_backed_up_before_migrating(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.duckdb"
    with monkeypatch.context() as old_release:  # a database made by a release that had one
        old_release.setattr(store_core, "MIGRATIONS", MIGRATIONS[:1])
        Store(path).close()
    assert dbfile.backups(path) == []
    Store(path).close()
    (backup,) = dbfile.backups(path)
    old = duckdb.connect(str(backup), read_only=True)
    assert old.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 1
    old.close()


def test_a_backup_is_complete_while_open_and_only_seven_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "k.duckdb"
    store = Store(path)
    aid = store.create(small_assessment(), by=EDITOR)  # in the WAL, not yet checkpointed
    made = [store.backup(datetime(2026, 1, day, 9)) for day in range(1, 10)]
    latest = store.backup()
    kept = dbfile.backups(path)
    assert len(kept) == dbfile.KEEP and kept[-1] == latest and made[0] not in kept
    probe = (f"import duckdb\ntry:\n    duckdb.connect({str(path)!r})\n"
             "except duckdb.IOException:\n    raise SystemExit(3)\n")
    # backing up keeps this process's lock on the file: nobody else may open it now
    assert subprocess.run([sys.executable, "-c", probe], check=False).returncode == 3
    store.close()
    copy = Store(latest)
    assert content(copy.load(aid)) == content(small_assessment())
    copy.close()


def test_cli_backup_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cli.duckdb"
    aid = _real_db(path)
    code, out, err = _cli(capsys, "backup", "--db", str(path))
    assert code == 0, err
    backup = Path(out.split(": ", 1)[1].strip())
    assert backup.is_file() and backup in dbfile.backups(path.resolve())
    get_store(path, seed=False).delete(aid, by=EDITOR)
    # refused while this process has the database open
    code, _, err = _cli(capsys, "restore", str(backup), "--db", str(path))
    assert code == 1 and "open in this process" in err
    get_store(path, seed=False).close()
    store_module._stores.clear()
    code, out, err = _cli(capsys, "restore", str(backup), "--db", str(path))
    assert code == 0, err
    assert "restored" in out and "before-restore" in out
    store = Store(path)
    assert content(store.load(aid)) == content(small_assessment())
    store.close()


def test_restore_is_refused_while_another_process_has_it_open(
    held_elsewhere: tuple[Path, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, pid = held_elsewhere
    backup = path.with_name("held.backup-20260101-090000.duckdb")
    _real_db(backup)
    before = _digest(path.parent)
    code, _, err = _cli(capsys, "restore", str(backup), "--db", str(path))
    assert code == 1 and f"PID {pid}" in err and "Nothing was restored" in err
    assert "Traceback" not in err
    assert _digest(path.parent) == before


def test_restore_refuses_a_missing_or_damaged_backup(tmp_path: Path) -> None:
    path = tmp_path / "r.duckdb"
    _real_db(path)
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(os.urandom(10_000))
    before = _digest(tmp_path)
    with pytest.raises(StoreError) as caught:
        restore_backup(tmp_path / "missing.duckdb", path)
    assert caught.value.key == "store.error.no_backup"
    with pytest.raises(StoreError) as caught:
        restore_backup(junk, path)
    assert caught.value.key == "store.error.bad_backup"
    assert _digest(tmp_path) == before


def test_restore_repairs_a_damaged_database(tmp_path: Path) -> None:
    path = tmp_path / "fix.duckdb"
    aid = _real_db(path)
    Store(path).close()  # the day's backup
    (backup,) = dbfile.backups(path)
    path.write_bytes(os.urandom(20_000))
    restore_backup(backup, path)
    store = Store(path)
    assert content(store.load(aid)) == content(small_assessment())
    store.close()


def test_the_app_says_what_is_wrong_with_the_database_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A newer schema stops the page with the store's message in Dutch, no traceback."""
    from streamlit.testing.v1 import AppTest

    from tests.conftest import APP

    path = tmp_path / "newer.duckdb"
    _newer_schema_db(path)
    monkeypatch.setenv("IMPACT_DB", str(path))
    monkeypatch.delenv("IMPACT_AUTH", raising=False)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("schemaversie" in e.value for e in at.error), [e.value for e in at.error]
