"""Access control: roles, the checks every write makes, workshop abuse limits, and what
each role sees in the app (AppTest; the browser tests are in test_browser_access.py)."""

from __future__ import annotations

import math
from pathlib import Path
from unittest import mock

import pytest
from streamlit.testing.v1 import AppTest

from impact import access
from impact import workshop as ws
from impact.access import AccessDenied, Principal, Role
from impact.io import read_assessment
from impact.model import Score
from impact.store import Store, get_store
from impact.workshop import WorkshopError
from tests.conftest import APP, EXAMPLE_DIR
from tests.helpers import EDITOR, VIEWER

PARTICIPANT = access.ANONYMOUS


@pytest.fixture
def store(db_target: Path | str):
    s = Store(db_target)
    yield s
    s.close()


@pytest.fixture(autouse=True)
def fresh_limits():
    ws.join_limiter.clear()
    ws.guess_limiter.clear()
    yield
    ws.join_limiter.clear()
    ws.guess_limiter.clear()


# -- local mode --------------------------------------------------------------------------
@pytest.mark.parametrize("address", ["127.0.0.1", "127.0.0.2", "::1", "::ffff:127.0.0.1"])
def test_the_server_machine_itself_is_the_editor(address: str) -> None:
    assert access.local_principal(address, {"Host": "localhost:8501"}) == access.LOCAL_EDITOR


@pytest.mark.parametrize("headers", [
    {"X-Forwarded-For": "203.0.113.9"},
    {"x-forwarded-for": "127.0.0.1"},  # a proxy on this machine: everyone looks local
    {"Forwarded": "for=198.51.100.7"},
    {"X-Real-IP": "198.51.100.7"},
])
def test_behind_a_proxy_nobody_is_local(headers: dict[str, str]) -> None:
    me = access.local_principal("127.0.0.1", headers)
    assert me.role == Role.PARTICIPANT and not me.can_read


@pytest.mark.parametrize("address", ["192.168.1.23", "10.0.0.5", "2001:db8::1",
                                     "::ffff:192.168.1.23", "", None])
def test_every_other_device_is_a_participant(address) -> None:
    assert access.local_principal(address, {}).role == Role.PARTICIPANT


def test_client_address_for_throttling() -> None:
    assert access.client_address("192.168.1.23", {"X-Forwarded-For": "1.2.3.4"}) == (
        "192.168.1.23")  # not from a local proxy: the header is not believed
    assert access.client_address("127.0.0.1", {"X-Forwarded-For": "6.6.6.6, 198.51.100.7"}) == (
        "198.51.100.7")  # the entry our own proxy added
    assert access.client_address("127.0.0.1", {}) is None  # the server machine itself


def test_auth_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IMPACT_AUTH", raising=False)
    assert access.auth_mode() == "local"
    monkeypatch.setenv("IMPACT_AUTH", " OIDC ")
    assert access.auth_mode() == "oidc"
    monkeypatch.setenv("IMPACT_AUTH", "open")
    with pytest.raises(ValueError, match="open"):
        access.auth_mode()


# -- the role table ---------------------------------------------------------------------
def test_first_sign_in_becomes_editor_then_roles_by_address_and_domain(store: Store) -> None:
    first = access.sign_in(store, "Anna@Provincie.nl", "Anna")
    assert (first.role, first.subject, first.signed_in) == (Role.EDITOR, "anna@provincie.nl",
                                                            True)
    assert access.sign_in(store, "kees@elders.nl").role == Role.PARTICIPANT  # no role
    access.set_role(store, "waterschap.nl", "viewer", by=first)
    access.set_role(store, "baas@waterschap.nl", Role.EDITOR, by=first)
    assert access.sign_in(store, "piet@waterschap.nl").role == Role.VIEWER
    assert access.sign_in(store, "baas@waterschap.nl").role == Role.EDITOR  # address first
    assert access.sign_in(store, "piet@sub.waterschap.nl").role == Role.PARTICIPANT
    assert access.list_roles(store) == [
        ("@waterschap.nl", Role.VIEWER), ("anna@provincie.nl", Role.EDITOR),
        ("baas@waterschap.nl", Role.EDITOR)]
    assert access.sign_in(store, None).role == Role.PARTICIPANT


def test_only_editors_manage_roles_and_the_last_editor_stays(store: Store) -> None:
    anna = access.sign_in(store, "anna@provincie.nl")
    piet = Principal(Role.VIEWER, "piet@waterschap.nl", signed_in=True)
    with pytest.raises(AccessDenied):
        access.set_role(store, "piet@waterschap.nl", "editor", by=piet)
    with pytest.raises(AccessDenied) as err:
        access.remove_role(store, "anna@provincie.nl", by=anna)
    assert err.value.key == "access.error.last_editor"
    with pytest.raises(AccessDenied) as err:
        access.set_role(store, "anna@provincie.nl", "viewer", by=anna)
    assert err.value.key == "access.error.last_editor"
    with pytest.raises(AccessDenied) as err:
        access.set_role(store, "not an address", "viewer", by=anna)
    assert err.value.key == "access.error.subject_invalid"
    assert "geen e-mailadres" in err.value.message("nl")
    assert "not an e-mail address" in err.value.message("en")
    with pytest.raises(ValueError):
        access.set_role(store, "x@y.nl", "owner", by=anna)
    assert access.list_roles(store) == [("anna@provincie.nl", Role.EDITOR)]


# -- every store write checks the role it is given ----------------------------------------
def test_viewers_and_participants_change_nothing_through_the_store(store: Store) -> None:
    example = read_assessment(EXAMPLE_DIR)
    aid = store.create(example, by=EDITOR)
    before = store.load(aid)
    m, c = before.measures[0].id, before.criteria[0].id
    writes = [
        lambda by: store.create(example, by=by),
        lambda by: store.rename(aid, "x", by=by),
        lambda by: store.duplicate(aid, "kopie", by=by),
        lambda by: store.set_scores(aid, [Score(m, c, 1.0)], by=by),
        lambda by: store.set_score(aid, Score(m, c, 1.0), by=by),
        lambda by: store.delete_score(aid, m, c, by=by),
        lambda by: store.replace_measures(aid, [], by=by),
        lambda by: store.replace_criteria(aid, [], by=by),
        lambda by: store.replace(aid, example, by=by),
        lambda by: store.save_profile(aid, before.profiles[0], by=by),
        lambda by: store.delete_profile(aid, before.profiles[0].name, by=by),
        lambda by: store.delete(aid, by=by),
    ]
    for who in (VIEWER, PARTICIPANT, None):
        for write in writes:
            with pytest.raises(AccessDenied):
                write(who)
    after = store.load(aid)
    assert [i.id for i in store.list_assessments()] == [aid]
    assert (after.version, after.scores, after.measures) == (before.version, before.scores,
                                                             before.measures)
    store.set_score(aid, Score(m, c, 1.0), by=EDITOR)  # an editor can
    assert store.load(aid).scores[(m, c)].value == 1.0


def test_deleting_an_assessment_deletes_its_workshops_in_sql(store: Store) -> None:
    aid = store.create(read_assessment(EXAMPLE_DIR), by=EDITOR)
    session, _key = ws.create_session(store, aid, ["M01"], ["eco_bio"], pillar_split=True,
                                      anonymous=False, hide_until_reveal=False, shuffle=False,
                                      by=EDITOR)
    p = ws.join(store, session.code)
    ws.open_round(store, session.code, by=EDITOR)
    ws.submit_answer(store, p.token, "M01", "eco_bio", 1, round_no=1)
    ws.submit_split(store, p.token, {"ecology": 100, "economy": 0, "people": 0}, round_no=1)
    store.delete(aid, by=EDITOR)
    for table in ("workshop_sessions", "workshop_items", "workshop_rounds",
                  "workshop_participants", "workshop_answers", "workshop_splits"):
        count = store.cursor().execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
        assert count == 0, table


# -- workshop: facilitator, caps, throttles, rounds, anonymity ----------------------------
def session_on(store: Store, **options):
    aid = store.create(read_assessment(EXAMPLE_DIR), by=EDITOR)
    settings = dict(pillar_split=False, anonymous=False, hide_until_reveal=True,
                    shuffle=False, by=EDITOR)
    settings.update(options)
    return ws.create_session(store, aid, ["M01", "M02"], ["eco_bio"], **settings)


def test_only_an_editor_starts_a_session(store: Store) -> None:
    for who in (VIEWER, PARTICIPANT):
        with pytest.raises(AccessDenied):
            session_on(store, by=who)


def test_session_controls_need_the_key_or_the_signed_in_owner(store: Store) -> None:
    session, key = session_on(store)
    code = session.code
    other_editor = Principal(Role.EDITOR, "other@test.nl", signed_in=True)
    controls = [ws.open_round, ws.close_round, ws.reveal_round, ws.new_round, ws.close_session]
    for control in controls:
        for who, credential in ((PARTICIPANT, None), (VIEWER, None), (other_editor, None),
                                (PARTICIPANT, key + "x"), (None, "")):
            with pytest.raises(WorkshopError) as err:
                control(store, code, by=who, key=credential)
            assert err.value.key == "workshop.error.not_facilitator"
    assert ws.status(store, code).round_state == ws.RoundState.WAITING
    # the key works for anyone holding it; so does the grant a browser keeps instead
    assert ws.open_round(store, code, by=PARTICIPANT, key=key).round_state == "scoring"
    grant = ws.facilitator_grant(store, code, key)
    assert grant and grant != key and ws.facilitator_grant(store, code, "wrong") is None
    assert ws.close_round(store, code, by=None, key=grant).round_state == "closed"
    # the signed-in owner needs no key; the local editor (not signed in) does
    assert ws.reveal_round(store, code, by=EDITOR).round_state == "revealed"
    local_owner_session, _ = session_on(store, by=access.LOCAL_EDITOR)
    with pytest.raises(WorkshopError):
        ws.open_round(store, local_owner_session.code, by=access.LOCAL_EDITOR)


def test_saving_the_group_result_needs_an_editor_who_facilitates(store: Store) -> None:
    session, key = session_on(store)
    p = ws.join(store, session.code)
    ws.open_round(store, session.code, by=EDITOR)
    ws.submit_answer(store, p.token, "M01", "eco_bio", 2, round_no=1)
    ws.close_round(store, session.code, by=EDITOR)
    count = len(store.list_assessments())
    with pytest.raises(AccessDenied):
        ws.save_group_result(store, session.code, by=VIEWER, key=key)
    with pytest.raises(WorkshopError):
        ws.save_group_result(store, session.code,
                             by=Principal(Role.EDITOR, "x@test.nl", signed_in=True))
    assert len(store.list_assessments()) == count
    ws.save_group_result(store, session.code, by=EDITOR)
    assert len(store.list_assessments()) == count + 1


def test_participant_cap(store: Store) -> None:
    session, _key = session_on(store, max_participants=3)
    assert session.max_participants == 3
    for _ in range(3):
        ws.join(store, session.code)
    with pytest.raises(WorkshopError) as err:
        ws.join(store, session.code)
    assert err.value.key == "workshop.error.session_full" and err.value.params["cap"] == 3
    assert ws.progress(store, session.code).joined == 3
    with pytest.raises(WorkshopError) as err:
        session_on(store, max_participants=0)
    assert err.value.key == "workshop.error.bad_cap"


def test_joins_per_address_are_throttled(store: Store) -> None:
    session, _key = session_on(store)
    for _ in range(ws.JOINS_PER_MINUTE):
        ws.join(store, session.code, client="192.168.1.50")
    with pytest.raises(WorkshopError) as err:
        ws.join(store, session.code, client="192.168.1.50")
    assert err.value.key == "workshop.error.too_many_joins"
    ws.join(store, session.code, client="192.168.1.51")  # another phone is not held up
    assert ws.progress(store, session.code).joined == ws.JOINS_PER_MINUTE + 1


def test_code_guesses_are_throttled_and_ended_codes_do_not_resolve(store: Store) -> None:
    session, key = session_on(store)
    assert ws.session_for_joining(store, session.code.lower(), client="10.1.1.1").code == (
        session.code)
    ws.close_session(store, session.code, by=EDITOR, key=key)
    with pytest.raises(WorkshopError) as err:
        ws.session_for_joining(store, session.code, client="10.1.1.2")
    assert err.value.key == "workshop.error.unknown_code"  # ended: as if it never was
    for i in range(ws.CODE_GUESSES_PER_MINUTE - 1):
        with pytest.raises(WorkshopError) as err:
            ws.session_for_joining(store, f"ZZZZ{i:02d}", client="10.1.1.2")
        assert err.value.key == "workshop.error.unknown_code"
    live, _key = session_on(store)
    with pytest.raises(WorkshopError) as err:  # even a right code, once over the limit
        ws.session_for_joining(store, live.code, client="10.1.1.2")
    assert err.value.key == "workshop.error.too_many_guesses"
    with pytest.raises(WorkshopError) as err:
        ws.join(store, live.code, client="10.1.1.2")
    assert err.value.key == "workshop.error.too_many_guesses"
    assert ws.session_for_joining(store, live.code, client="10.1.1.3").code == live.code


def test_an_answer_for_a_round_that_is_over_is_refused(store: Store) -> None:
    session, _key = session_on(store)
    p = ws.join(store, session.code)
    ws.open_round(store, session.code, by=EDITOR)
    ws.submit_answer(store, p.token, "M01", "eco_bio", 1, round_no=1)
    ws.close_round(store, session.code, by=EDITOR)
    ws.new_round(store, session.code, by=EDITOR)
    for late in (
        lambda: ws.submit_answer(store, p.token, "M01", "eco_bio", 3, round_no=1),
        lambda: ws.submit_answer(store, p.token, "M01", "eco_bio", None, round_no=1),
        lambda: ws.submit_answers(store, p.token, {("M02", "eco_bio"): 3}, round_no=1),
    ):
        with pytest.raises(WorkshopError) as err:
            late()
        assert err.value.key == "workshop.error.stale_round"
        assert err.value.params == {"round": 1, "current": 2}
    assert ws.own_answers(store, p.token, 1) == {("M01", "eco_bio"): 1.0}
    assert ws.own_answers(store, p.token, 2) == {}
    ws.submit_answer(store, p.token, "M01", "eco_bio", -1, round_no=2)
    assert ws.own_answers(store, p.token, 2) == {("M01", "eco_bio"): -1.0}


def test_anonymous_live_view_shows_counts_only_while_the_round_is_open(store: Store) -> None:
    session, _key = session_on(store, anonymous=True, pillar_split=True)
    people = [ws.join(store, session.code) for _ in range(4)]
    ws.open_round(store, session.code, by=EDITOR)
    seen_means = []
    for p, v in zip(people, [2, 2, 2, -3], strict=True):
        ws.submit_answer(store, p.token, "M01", "eco_bio", v, round_no=1)
        ws.submit_split(store, p.token, {"ecology": 50, "economy": 25, "people": 25},
                        round_no=1)
        cell = ws.aggregates(store, session.code).iloc[0]
        seen_means.append(cell["mean"])
        splits = ws.splits_summary(store, session.code)
        assert math.isnan(splits.loc["ecology", "mean"])
    # (n=3, mean 2.00) then (n=4, 0.75) would give away the fourth answer: no means at all
    assert all(math.isnan(m) for m in seen_means)
    assert ws.aggregates(store, session.code).iloc[0]["n"] == 4  # counts stay visible
    assert ws.hotspots(ws.aggregates(store, session.code)).empty
    assert ws.group_pillar_weights(store, session.code) is None
    ws.close_round(store, session.code, by=EDITOR)
    cell = ws.aggregates(store, session.code).iloc[0]
    assert (cell["n"], cell["mean"]) == (4, 0.75)
    assert ws.splits_summary(store, session.code).loc["ecology", "mean"] == 50


# -- what each role sees (AppTest) --------------------------------------------------------
def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def remote_device():
    """This run's browser as a phone on the Wi-Fi (AppTest has no real connection)."""
    return mock.patch("impact.ui.auth.remote_address", return_value="192.168.1.23")


def test_local_mode_other_devices_get_the_join_page_at_every_path(db_path: Path) -> None:
    get_store()  # seeded, as on first start
    with remote_device():
        at = run(AppTest.from_file(APP, default_timeout=60))
        assert at.title[0].value == "Meedoen aan een workshop"
        assert not at.sidebar.children
        labels = {b.label for b in at.button}
        assert not {"Verwijderen", "Importeren", "Beoordeling verwijderen"} & labels
        assert not at.get("file_uploader")
        for page in ("views/results.py", "views/assessment.py", "views/access.py"):
            with pytest.raises(ValueError, match="Could not find a navigation page"):
                at.switch_page(page)


def test_oidc_viewer_reads_but_cannot_change(db_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMPACT_AUTH", "oidc")
    store = get_store()
    anna = access.sign_in(store, "anna@provincie.nl")
    access.set_role(store, "@waterschap.nl", "viewer", by=anna)
    at = AppTest.from_file(APP, default_timeout=60)
    at.user = {"is_logged_in": True, "email": "piet@waterschap.nl", "name": "Piet"}
    run(at)
    assert at.title[0].value == "Beoordeling opzetten"
    assert any("Alleen lezen" in i.value for i in at.info)
    assert at.text_input[0].disabled and at.text_area[0].disabled
    assert not any(e.label == "Beoordelingen beheren" for e in at.sidebar.expander)
    assert "Aangemeld als Piet (lezer)" in [c.value for c in at.sidebar.caption]
    with pytest.raises(ValueError):
        at.switch_page("views/access.py")  # not a page for a viewer
    at.switch_page("views/weights.py")
    run(at)
    assert "weights-save" not in {b.key for b in at.button}
    at.switch_page("views/workshop.py")
    run(at)
    assert any("Alleen een redacteur" in i.value for i in at.info)


def test_oidc_without_sign_in_or_role_shows_the_sign_in_page(db_path: Path,
                                                              monkeypatch) -> None:
    monkeypatch.setenv("IMPACT_AUTH", "oidc")
    store = get_store()
    access.sign_in(store, "anna@provincie.nl")
    at = AppTest.from_file(APP, default_timeout=60)
    at.user = {"is_logged_in": False}
    run(at)
    assert at.title[0].value == "Impactbalans" and not at.sidebar.children
    at = AppTest.from_file(APP, default_timeout=60)
    at.user = {"is_logged_in": True, "email": "kees@elders.nl"}
    run(at)
    assert any("nog geen toegang" in w.value for w in at.warning)
    assert not at.sidebar.children
    at = AppTest.from_file(APP, default_timeout=60)
    at.user = {"is_logged_in": True, "email": "anna@provincie.nl", "email_verified": False}
    run(at)  # an unverified address proves nothing
    assert not at.sidebar.children


def test_an_unknown_auth_mode_is_refused_with_a_clear_message(db_path: Path,
                                                               monkeypatch) -> None:
    monkeypatch.setenv("IMPACT_AUTH", "none")
    at = run(AppTest.from_file(APP, default_timeout=60))
    assert "IMPACT_AUTH=none" in at.error[0].value and not at.sidebar.children


def test_user_text_in_column_help_stays_plain(db_path: Path) -> None:
    """Column help renders Markdown: a unit with an image, bold or an icon code must show
    as typed (it once fetched an <img> from wherever the unit pointed)."""
    import json
    from dataclasses import replace

    store = get_store()
    assessment = store.load(store.list_assessments()[0].id)
    unit = "![x](http://127.0.0.1:9/x.png) **vet** :material/home: www.voorbeeld.nl"
    assessment.criteria[0] = replace(assessment.criteria[0], unit=unit)
    store.replace(assessment.id, assessment, by=EDITOR)
    at = AppTest.from_file(APP, default_timeout=60)
    run(at)
    at.switch_page("views/scoring.py")
    run(at)
    criterion = assessment.criteria[0].id
    configs = [json.loads(e.proto.columns) for e in _elements(at) if e.type == "dataframe"]
    help_text = next(c[criterion]["help"] for c in configs if criterion in c)
    assert help_text.startswith(
        "\\!\\[x\\]\\(http\\://127\\.0\\.0\\.1\\:9/x\\.png\\) \\*\\*vet\\*\\* "
        "\\:material/home\\: www\\.voorbeeld\\.nl")


def _elements(at: AppTest) -> list:
    found, todo = [], [at._tree]
    while todo:
        node = todo.pop()
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            todo.extend(children.values())
        found.append(node)
    return found


def test_join_links_from_localhost_point_at_the_room_network(monkeypatch) -> None:
    monkeypatch.setattr(ws, "lan_address", lambda: "192.168.1.20")
    assert ws.public_base_url("http://localhost:8501/workshop") == "http://192.168.1.20:8501"
    assert ws.public_base_url("http://127.0.0.1:8501/") == "http://192.168.1.20:8501"
    assert ws.public_base_url("https://impact.nl/workshop") == "https://impact.nl"
    monkeypatch.setattr(ws, "lan_address", lambda: None)
    base = ws.public_base_url("http://localhost:8501/workshop")
    assert base == "http://localhost:8501" and not ws.links_reach_the_room(base)
    assert ws.links_reach_the_room("http://192.168.1.20:8501")


def test_a_full_session_says_so_on_the_join_page(db_path: Path) -> None:
    store = get_store()
    aid = store.list_assessments()[0].id
    session, _key = ws.create_session(store, aid, ["M01"], ["eco_bio"], pillar_split=False,
                                      anonymous=True, hide_until_reveal=True, shuffle=False,
                                      by=EDITOR, max_participants=1)
    ws.join(store, session.code)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["join"] = session.code
    run(at)
    [b for b in at.button if b.label == "Doe mee"][0].click()
    run(at)
    assert any("Deze sessie is vol (maximum: 1)" in e.value for e in at.error)
    assert "p" not in at.query_params
    assert ws.progress(store, session.code).joined == 1
