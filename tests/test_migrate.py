"""`impact migrate`: a DuckDB file copied into PostgreSQL, table for table, ids kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from impact import access
from impact import workshop as ws
from impact.cli import main
from impact.model import Measure
from impact.store import Store
from tests.helpers import EDITOR, answers, split
from tests.test_store import small_assessment


@pytest.fixture
def example_file(tmp_path: Path) -> Path:
    """The example as a DuckDB file, with what a used database holds besides: a deleted
    assessment (the id sequence is ahead of the highest id), a history of saves, a
    workshop session with answers, a split and a reason, and a role."""
    path = tmp_path / "impactbalans.duckdb"
    store = Store(path)
    example = store.seed_example_if_empty()
    gone = store.create(small_assessment("Weg"), by=EDITOR)
    store.delete(gone, by=EDITOR)
    a = store.load(example)
    store.save_measure(example, Measure("M99", "Nieuwe maatregel"), by=EDITOR)
    session, _key = ws.create_session(store, example, [m.id for m in a.measures[:2]],
                                      [c.id for c in a.criteria[:2]], pillar_split=True,
                                      anonymous=False, hide_until_reveal=True,
                                      shuffle=False, by=EDITOR)
    people = [ws.join(store, session.code, name=f"p{i}", group="Boeren") for i in range(3)]
    ws.open_round(store, session.code, by=EDITOR)
    measure, criterion = a.measures[0].id, a.criteria[0].id
    for i, p in enumerate(people):
        ws.submit_answers(store, p.token, {(measure, criterion): float(10 * i)}, round_no=1,
                          reasons={measure: f"reden {i}"})
        split(store, p.token, {"ecology": 50, "economy": 30, "people": 20})
    answers(store, people[0].token, {(a.measures[1].id, criterion): 20.0})
    access.set_role(store, "@provincie.nl", "viewer", by=EDITOR)
    store.close()
    return path


def table_rows(store: Store) -> dict[str, list[tuple]]:
    names = [r[0] for r in store.cursor().execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = "
        "current_schema() AND table_name <> 'schema_version' ORDER BY 1").fetchall()]
    rows = {}
    for name in names:
        found = store.cursor().execute(f"SELECT * FROM {name}").fetchall()  # noqa: S608
        rows[name] = sorted((tuple(bytes(v) if isinstance(v, memoryview) else v for v in r)
                             for r in found), key=repr)
    return rows


def test_a_file_is_copied_whole_and_later_ids_do_not_collide(example_file: Path, pg_url: str,
                                                             capsys) -> None:
    assert main(["--lang", "en", "migrate", "--from", str(example_file), "--to", pg_url]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Copied {example_file} to {pg_url}: 1 assessment, ")
    source, target = Store(example_file), Store(pg_url)
    copied = table_rows(target)
    assert copied == table_rows(source)
    assert len(copied["workshop_answers"]) == 4 and len(copied["workshop_reasons"]) == 3
    assert len(copied["assessment_versions"]) == 2  # created, measure added
    assert target.load(1) == source.load(1)
    # Going on in PostgreSQL: the next version, and the next id after the deleted one.
    assert target.save_measure(1, Measure("M100", "Nog een"), by=EDITOR) == 3
    assert [v.version for v in target.versions(1)] == [3, 2, 1]
    assert target.create(small_assessment("Nieuw"), by=EDITOR) == 3  # 2 was deleted
    code = copied["workshop_sessions"][0][0]
    assert ws.aggregates(target, code, 1)["n"].tolist() == (
        ws.aggregates(source, code, 1)["n"].tolist())
    assert access.role_of(target, "iemand@provincie.nl") == access.Role.VIEWER
    source.close()
    target.close()


def test_a_target_with_content_is_refused_unless_replaced(example_file: Path, pg_url: str,
                                                          capsys) -> None:
    target = Store(pg_url)
    target.seed_example_if_empty()
    target.create(small_assessment("Al hier"), by=EDITOR)
    target.close()
    assert main(["migrate", "--from", str(example_file), "--to", pg_url]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"De database {pg_url} is niet leeg (2 beoordelingen, "
                          "0 workshopsessies). Niets gekopieerd")
    assert "Traceback" not in err
    assert main(["migrate", "--from", str(example_file), "--to", pg_url, "--replace"]) == 0
    capsys.readouterr()
    target = Store(pg_url)
    assert [(i.id, i.name) for i in target.list_assessments()] == [
        (1, "Gebiedsprogramma Veluwe-Vallei (voorbeeld)")]
    assert target.create(small_assessment("Nieuw"), by=EDITOR) == 3
    target.close()


def test_wrong_ends_are_refused_in_words(tmp_path: Path, pg_url: str, capsys) -> None:
    missing = tmp_path / "nergens.duckdb"
    assert main(["--lang", "en", "migrate", "--from", str(missing), "--to", pg_url]) == 1
    assert capsys.readouterr().err.strip() == f"The file {missing} does not exist."
    assert main(["migrate", "--from", pg_url, "--to", pg_url]) == 1
    assert capsys.readouterr().err.startswith("Kopiëren kan alleen van een DuckDB-bestand")
    other = tmp_path / "kopie.duckdb"
    assert main(["--lang", "en", "migrate", "--from", str(missing), "--to", str(other)]) == 1
    assert "can only go to a PostgreSQL database" in capsys.readouterr().err
