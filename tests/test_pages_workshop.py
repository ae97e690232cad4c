"""AppTest: the facilitator page and the participant page of a workshop."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from impact import workshop as ws
from impact.store import get_store
from impact.workshop import RoundState
from tests.conftest import APP
from tests.helpers import EDITOR, answer

FACILITATOR_BUTTONS = {"Ronde openen", "Ronde sluiten", "Resultaten onthullen", "Nieuwe ronde"}


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def expire_caches() -> None:
    """What a few seconds of waiting do: the pages' short-lived shared caches expire."""
    st.cache_data.clear()
    st.cache_resource.clear()


def facilitator(code: str | None = None, key: str | None = None) -> AppTest:
    expire_caches()
    at = AppTest.from_file(APP, default_timeout=60)
    run(at)
    if code is not None:
        at.query_params["session"] = code
    if key is not None:
        at.query_params["key"] = key
    at.switch_page("views/workshop.py")
    return run(at)


def participant(**params: str) -> AppTest:
    expire_caches()
    at = AppTest.from_file(APP, default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    return run(at)


def buttons(at: AppTest) -> set[str]:
    return {b.label for b in at.button}


def all_text(at: AppTest) -> str:
    parts = [e.value for kind in ("title", "caption", "subheader", "info", "success",
                                  "warning", "error", "markdown", "text")
             for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


def frame(at: AppTest, *columns: str):
    """The first table showing all these columns (AppTest does not keep dataframe keys)."""
    for element in at.dataframe:
        if set(columns) <= set(element.value.columns):
            return element.value
    raise AssertionError(f"no table with columns {columns}")


def seeded_session(db_path: Path, **options):
    """A session on the seeded example: two measures, two -3..+3 criteria."""
    store = get_store()
    assessment_id = store.list_assessments()[0].id
    settings = dict(pillar_split=False, anonymous=False, hide_until_reveal=True, shuffle=False)
    settings.update(options)
    return (store, *ws.create_session(store, assessment_id, ["M01", "M02"],
                                      ["eco_bio", "ppl_health"], **settings, by=EDITOR))


def test_facilitator_creates_a_session_and_sees_the_key_once(db_path: Path) -> None:
    at = facilitator()
    assert at.title[0].value == "Workshop"
    assert not FACILITATOR_BUTTONS & buttons(at)  # no session yet: no controls
    criteria = at.multiselect[1]
    # default: the -3..+3 criteria of the example (8 of its 13)
    assert criteria.value == ["eco_bio", "eco_water", "eco_land", "econ_farm", "ppl_health",
                              "ppl_liv", "ppl_support", "ppl_equity"]
    at.multiselect[0].set_value(["M01", "M04"])
    at.button(key="FormSubmitter:create_session:1-Sessie starten").click()
    run(at)
    code = at.query_params["session"]
    assert "key" not in at.query_params  # the key never goes into the address bar
    key = at.session_state["facilitator_keys"][code]
    store = get_store()
    assert ws.verify_key(store, code, key)
    session = ws.get_session(store, code)
    assert session.measures == ("M01", "M04") and len(session.criteria) == 8
    assert (session.pillar_split, session.anonymous, session.hide_until_reveal) == (
        True, True, True)
    assert "Ronde openen" in buttons(at)
    shown = [c.value for c in at.code]
    assert shown.count(key) == 1  # once, in the dialog, and in no link
    assert not any(key in c and c != key for c in shown)
    assert any(c.endswith(f"/?join={code}") for c in shown)
    assert len(at.image) == 1  # the QR code
    at.button(key="key_saved").click()
    run(at)
    assert not any(key in c for c in (c.value for c in at.code))  # shown once only


def test_wrong_key_shows_no_controls(db_path: Path) -> None:
    _store, session, key = seeded_session(db_path)
    at = facilitator(session.code, key + "x")
    assert at.sidebar.children  # the normal app, with its sidebar
    assert not FACILITATOR_BUTTONS & buttons(at)
    assert any(session.code in e.value for e in at.error)
    at = facilitator(session.code)  # no key at all
    assert not FACILITATOR_BUTTONS & buttons(at)


def test_facilitator_runs_a_round_and_sees_the_room(db_env: Path | str) -> None:
    store, session, key = seeded_session(db_env)
    at = facilitator(session.code, key)
    assert "Ronde 1: wacht op start" in [s.value for s in at.subheader]
    at.button(key="action_open").click()
    run(at)
    assert ws.status(store, session.code).round_state == RoundState.SCORING

    people = [ws.join(store, session.code, name=f"p{i}") for i in range(3)]
    values = {"M01": [-3, 0, 3], "M02": [1, 1, 2]}
    for i, p in enumerate(people):
        for m, vs in values.items():
            for c in session.criteria:
                answer(store, p.token, m, c, vs[i])
    at = facilitator(session.code, key)  # a new visit, after the caches expired
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Deelnemers": "3", "Klaar": "3 / 3", "Antwoorden": "12 / 12"}
    # hidden until revealed: only the list of who takes part (a named session)
    assert [list(d.value.columns) for d in at.dataframe] == [["Naam", "Groep", "Antwoorden"]]
    assert "De resultaten zijn verborgen tot u ze onthult." in all_text(at)
    at.toggle(key="peek").set_value(True)
    run(at)
    cells = frame(at, "Gemiddelde", "Mediaan", "Standaardafwijking")
    assert list(cells["n"]) == [3, 3, 3, 3]
    assert list(cells["Gemiddelde"]) == [0.0, 0.0, 1.33, 1.33]
    assert list(cells["Mediaan"]) == [0.0, 0.0, 1.0, 1.0]

    at.button(key="action_close").click()
    run(at)
    assert ws.status(store, session.code).round_state == RoundState.CLOSED
    table = frame(at, "Rang", "Balans")
    assert len(table) == 2
    at.button(key="action_reveal").click()
    run(at)
    assert ws.status(store, session.code).round_state == RoundState.REVEALED
    at.button(key="action_new_round").click()
    run(at)
    assert ws.status(store, session.code) == ws.Status(session.code, 2, RoundState.SCORING,
                                                       False)


def test_facilitator_saves_the_group_result(db_path: Path) -> None:
    store, session, key = seeded_session(db_path, anonymous=False)
    ws.open_round(store, session.code, by=EDITOR)
    p = ws.join(store, session.code)
    for m in session.measures:
        for c in session.criteria:
            answer(store, p.token, m, c, -3)
    ws.close_round(store, session.code, by=EDITOR)
    at = facilitator(session.code, key)
    save = [b for b in at.button if b.label == "Bewaren"]
    assert save
    save[0].click()
    run(at)
    infos = store.list_assessments()
    assert len(infos) == 2
    assert infos[1].name.endswith(f"workshop {session.code} ronde 1")
    assert store.load(infos[1].id).scores[("M01", "eco_bio")].value == -3


def test_participant_joins_scores_and_resumes(db_env: Path | str) -> None:
    store, session, _key = seeded_session(db_env)
    at = participant(join="")
    assert not FACILITATOR_BUTTONS & buttons(at)
    assert not at.sidebar.children  # no sidebar (no assessment picker) for participants
    at.text_input[0].set_value(session.code.lower())
    at.button[0].click()
    run(at)
    assert at.query_params["join"] == session.code
    # join form: a name (named session) and the stakeholder groups of the example
    group = at.selectbox[0]
    assert group.options == ["Provincie", "Agrarische sector", "Natuurorganisaties",
                             "Bewoners", "Anders"]
    at.text_input[0].set_value("Fatima")
    group.set_value("Bewoners")
    at.button[0].click()
    run(at)
    token = at.query_params["p"]
    me = ws.participant(store, token)
    assert (me.name, me.group, me.code) == ("Fatima", "Bewoners", session.code)
    assert "ronde opent" in all_text(at)  # waiting for the facilitator

    ws.open_round(store, session.code, by=EDITOR)
    at = participant(p=token)  # the page as after a reload / status change
    pills = at.pills
    assert len(pills) == 2
    assert pills[0].options[0] == "-3 zeer negatief" and pills[0].options[6] == "+3 zeer positief"
    # one form per measure: taps are stored together when "Volgende" submits them
    pills[0].set_value(2)
    at.pills[1].set_value(-1)
    assert ws.own_answers(store, token, 1) == {}
    at.button(key="next").click()
    run(at)
    assert ws.own_answers(store, token, 1) == {("M01", "eco_bio"): 2.0,
                                                ("M01", "ppl_health"): -1.0}
    assert "Maatregel 2 van 2" in all_text(at)

    # a reload: same participant, resumes at the first open measure, no new participant
    again = participant(p=token)
    assert "Maatregel 2 van 2" in all_text(again)
    assert ws.progress(store, session.code).joined == 1
    again.pills[0].set_value(0)
    again.pills[1].set_value(3)
    again.button(key="next").click()
    run(again)
    assert "Klaar!" in all_text(again)
    assert ws.progress(store, session.code).finished == 1

    ws.close_round(store, session.code, by=EDITOR)
    closed = participant(p=token)
    assert "Ronde 1 is gesloten" in all_text(closed)
    assert not closed.pills
    ws.reveal_round(store, session.code, by=EDITOR)
    revealed = participant(p=token)
    who, *room = [t.value for t in revealed.text]
    assert who == "Fatima · Bewoners"  # the participant's own name, as plain text
    assert room == [
        "Biodiversiteit en natuurkwaliteit: +2 positief · spreiding 0 · n=1",
        "Gezondheid: -1 licht negatief · spreiding 0 · n=1",
        "Biodiversiteit en natuurkwaliteit: 0 neutraal · spreiding 0 · n=1",
        "Gezondheid: +3 zeer positief · spreiding 0 · n=1",
    ]


def test_an_answer_after_the_round_closed_is_refused_with_a_message(db_path: Path) -> None:
    store, session, _key = seeded_session(db_path)
    me = ws.join(store, session.code)
    ws.open_round(store, session.code, by=EDITOR)
    at = participant(p=me.token)
    ws.close_round(store, session.code, by=EDITOR)  # the facilitator closes while the page is open
    at.pills[0].set_value(1)
    at.button(key="next").click()
    run(at)
    assert ws.own_answers(store, me.token, 1) == {}
    assert any("niet open" in e.value for e in at.error)
    # shown at once with the round's new state, without waiting for a status poll
    assert "Ronde 1 is gesloten" in all_text(at)
    assert not at.pills


def test_back_stores_the_measure_and_a_cleared_pill_withdraws_its_answer(
        db_path: Path) -> None:
    store, session, _key = seeded_session(db_path)
    me = ws.join(store, session.code)
    ws.open_round(store, session.code, by=EDITOR)
    answer(store, me.token, "M01", "eco_bio", 1)
    answer(store, me.token, "M01", "ppl_health", 2)
    at = participant(p=me.token)
    assert "Maatregel 2 van 2" in all_text(at)  # resumes at the first open measure
    at.pills[0].set_value(-2)
    at.button(key="back").click()
    run(at)
    assert "Maatregel 1 van 2" in all_text(at)
    assert ws.own_answers(store, me.token, 1) == {("M01", "eco_bio"): 1.0,
                                                   ("M01", "ppl_health"): 2.0,
                                                   ("M02", "eco_bio"): -2.0}
    assert [p.value for p in at.pills] == [1, 2]  # the stored answers, shown again
    at.pills[0].set_value(None)
    at.button(key="next").click()
    run(at)
    assert ws.own_answers(store, me.token, 1) == {("M01", "ppl_health"): 2.0,
                                                   ("M02", "eco_bio"): -2.0}
    assert "Maatregel 2 van 2" in all_text(at)
    assert "Ronde 1: 2 van 4 vragen beantwoord" in [p.proto.text for p in at.get("progress")]


def test_a_reason_typed_on_the_phone_reaches_the_facilitator_by_score(db_env: Path | str) -> None:
    store, session, key = seeded_session(db_env)
    people = [ws.join(store, session.code, name=n) for n in ("Ans", "Bram", "Cor")]
    ws.open_round(store, session.code, by=EDITOR)
    at = participant(p=people[0].token)
    assert at.text_area[0].label == "Waarom? (mag leeg blijven)"
    assert at.text_area[0].max_chars == ws.REASON_MAX_CHARS
    at.pills[0].set_value(-3)
    at.text_area[0].input("Kost *te veel* grond")
    at.button(key="next").click()
    run(at)
    assert ws.own_reasons(store, people[0].token, 1) == {"M01": "Kost *te veel* grond"}
    back = participant(p=people[0].token)  # measure 1 is still open: it resumes there
    assert "Maatregel 1 van 2" in all_text(back)
    assert back.text_area[0].value == "Kost *te veel* grond"  # shown again to its writer
    for p, value, reason in ((people[1], 3, "Meer weidevogels"), (people[2], 3, None)):
        ws.submit_answers(store, p.token, {("M01", "eco_bio"): value}, round_no=1,
                          reasons={"M01": reason})
    ws.reveal_round(store, session.code, by=EDITOR)
    fac = facilitator(session.code, key)
    assert "Toelichtingen bij de grootste verschillen" in all_text(fac)
    box = fac.expander[0]  # the top hotspot, open; only the scores with a reason count
    assert box.label == ("1\\. Extensivering melkveehouderij rond Natura 2000 · "
                         "Biodiversiteit en natuurkwaliteit \\(2 toelichtingen\\)")
    assert [m.value for m in box.markdown] == ["**Score \\-3 zeer negatief \\(1\\)**",
                                              "**Score \\+3 zeer positief \\(1\\)**"]
    assert [t.value for t in box.text] == ["“Kost *te veel* grond” — Ans",
                                          "“Meer weidevogels” — Bram"]


def chart_data(at: AppTest):
    """The data of the page's Vega-Lite chart, as the phone receives it."""
    from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
    charts = [e for e in at.main if getattr(e, "type", "") == "vega_lite_chart"]
    assert len(charts) == 1
    return convert_arrow_bytes_to_pandas_df(charts[0].proto.data.data)


def test_after_the_reveal_a_phone_charts_the_room_with_its_own_answer_outlined(
        db_path: Path) -> None:
    store, session, _key = seeded_session(db_path, anonymous=True)
    people = [ws.join(store, session.code) for _ in range(4)]
    ws.open_round(store, session.code, by=EDITOR)
    for p, (bio, health) in zip(people, [(2, -1), (2, 0), (-3, 0), (1, 0)], strict=True):
        answer(store, p.token, "M01", "eco_bio", bio)
        answer(store, p.token, "M01", "ppl_health", health)
    answer(store, people[0].token, "M02", "eco_bio", 3)  # one answer: not shown (anonymous)
    ws.reveal_round(store, session.code, by=EDITOR)
    at = participant(p=people[0].token)
    assert "Hoeveel deelnemers elk punt kozen; uw eigen antwoord is omlijnd." in all_text(at)
    data = chart_data(at)
    assert set(data["m_label"]) == {"Extensivering melkveehouderij rond Natura 2000"}
    cells = {(row.c_label, row.point): (row.n, row.is_own) for row in data.itertuples()}
    assert cells == {
        ("Biodiversiteit en natuurkwaliteit", "-3"): (1, False),
        ("Biodiversiteit en natuurkwaliteit", "+1"): (1, False),
        ("Biodiversiteit en natuurkwaliteit", "+2"): (2, True),
        ("Gezondheid", "-1"): (1, True),
        ("Gezondheid", "0"): (3, False),
    }
    # one primary button per screen: the revealed phone has no competing buttons
    assert [b for b in at.button if b.proto.type == "primary"] == []


def test_the_facilitator_sets_a_timer_and_phones_show_when_the_round_closes(
        db_path: Path, monkeypatch) -> None:
    import re
    from datetime import timedelta

    import impact.workshop.base as base

    store, session, key = seeded_session(db_path)
    me = ws.join(store, session.code)
    ws.open_round(store, session.code, by=EDITOR)
    fac = facilitator(session.code, key)
    fac.number_input(key="timer_minutes").set_value(2)
    fac.button(key="action_timer").click()
    run(fac)
    closes_at = ws.status(store, session.code).closes_at
    assert closes_at is not None
    shown = [i.value for i in fac.info if i.value.startswith("De ronde sluit")]
    assert len(shown) == 1 and re.fullmatch(r"De ronde sluit over [12]:\d\d", shown[0])
    phone = participant(p=me.token)
    assert f"De ronde sluit om {closes_at:%H:%M:%S}." in all_text(phone)
    # at zero the round has closed itself, for the facilitator and the phones alike
    monkeypatch.setattr(base, "timestamp", lambda: closes_at + timedelta(seconds=1))
    assert "Ronde 1 is gesloten" in all_text(participant(p=me.token))
    fac = facilitator(session.code, key)
    assert "Ronde sluiten" not in {b.label for b in fac.button if not b.disabled}
    assert "Resultaten onthullen" in {b.label for b in fac.button if not b.disabled}


def test_participant_link_never_opens_facilitator_controls(db_path: Path) -> None:
    store, session, key = seeded_session(db_path)
    me = ws.join(store, session.code)
    # even with the facilitator's parameters added, a participant link is a participant page
    at = participant(p=me.token, session=session.code, key=key)
    assert not FACILITATOR_BUTTONS & buttons(at)
    assert "Workshop" not in [t.value for t in at.title]
    assert not at.metric and not at.image
    at = participant(join=session.code, session=session.code, key=key)
    assert not FACILITATOR_BUTTONS & buttons(at)
    assert "Doe mee" in buttons(at)


def test_anonymous_session_asks_no_name_and_reveal_hides_small_numbers(db_path: Path) -> None:
    store, session, _key = seeded_session(db_path, anonymous=True)
    at = participant(join=session.code)
    assert not at.text_input  # no name field
    people = [ws.join(store, session.code) for _ in range(2)]
    ws.open_round(store, session.code, by=EDITOR)
    for p, v in zip(people, [3, -3], strict=True):
        answer(store, p.token, "M01", "eco_bio", v)
    ws.reveal_round(store, session.code, by=EDITOR)
    at = participant(p=people[0].token)
    room = [t.value for t in at.text]
    assert room == [  # two answers: not shown
        "Biodiversiteit en natuurkwaliteit: te weinig antwoorden · n=2",
        "Gezondheid: te weinig antwoorden · n=0",
        "Biodiversiteit en natuurkwaliteit: te weinig antwoorden · n=0",
        "Gezondheid: te weinig antwoorden · n=0",
    ]


def test_participant_splits_100_points_over_the_pillars(db_path: Path) -> None:
    store, session, _key = seeded_session(db_path, pillar_split=True)
    me = ws.join(store, session.code)
    ws.open_round(store, session.code, by=EDITOR)
    for m in session.measures:
        for c in session.criteria:
            answer(store, me.token, m, c, 1)
    at = participant(p=me.token)  # all measures answered: the split step is open
    assert "Wat weegt voor u het zwaarst?" in all_text(at)
    assert ws.progress(store, session.code).finished == 0  # the split is still missing
    at.number_input(key="split-1-ecology").set_value(50)
    # one primary button on the screen: saving; going back is secondary
    assert [b.label for b in at.button if b.proto.type == "primary"] == ["Verdeling bewaren"]
    at.button(key="back").click()
    run(at)
    assert "Maatregel 2 van 2" in all_text(at)
    at.button(key="next").click()  # the measure's form, unchanged: on to the split again
    run(at)
    assert "Wat weegt voor u het zwaarst?" in all_text(at)
    at.number_input(key="split-1-ecology").set_value(50)
    at.number_input(key="split-1-economy").set_value(30)
    at.number_input(key="split-1-people").set_value(30)
    [b for b in at.button if b.label == "Verdeling bewaren"][0].click()
    run(at)
    assert any("precies 100" in e.value and "110" in e.value for e in at.error)
    assert ws.own_split(store, me.token, 1) is None
    at.number_input(key="split-1-people").set_value(20)
    [b for b in at.button if b.label == "Verdeling bewaren"][0].click()
    run(at)
    assert ws.own_split(store, me.token, 1) == {"ecology": 50.0, "economy": 30.0,
                                                "people": 20.0}
    assert "Klaar!" in all_text(at)
    assert ws.progress(store, session.code).finished == 1
    at.button(key="review").click()  # back to the questions, then from the split back
    run(at)
    assert "Maatregel 1 van 2" in all_text(at)


def test_facilitator_opens_a_session_with_code_and_key(db_path: Path) -> None:
    _store, session, key = seeded_session(db_path)
    at = facilitator()
    at.text_input[0].set_value(session.code.lower())
    at.text_input[1].set_value("wrong")
    [b for b in at.button if b.label == "Openen"][0].click()
    run(at)
    assert not FACILITATOR_BUTTONS & buttons(at)
    at.text_input[0].set_value(session.code)
    at.text_input[1].set_value(key)
    [b for b in at.button if b.label == "Openen"][0].click()
    run(at)
    assert at.query_params["session"] == session.code and "key" not in at.query_params
    assert at.session_state["facilitator_keys"][session.code] == key
    assert "Ronde openen" in buttons(at)
    assert not any(key in c.value for c in at.code)  # the key is not shown again


def test_participant_page_in_english_and_after_the_session(db_path: Path) -> None:
    store, session, _key = seeded_session(db_path)
    me = ws.join(store, session.code)
    at = participant(p=me.token)
    at.segmented_control(key="p_lang").set_value("en")
    run(at)
    assert "The questions appear here as soon as the facilitator opens the round." in all_text(at)
    ws.close_session(store, session.code, by=EDITOR)
    at = participant(p=me.token)
    assert "Deze sessie is afgelopen. Dank voor het meedoen!" in all_text(at)
    assert not at.pills
    at = participant(join=session.code)  # nobody can join an ended session
    assert "Doe mee" not in buttons(at)


def test_markup_in_names_shows_as_plain_text(db_path: Path) -> None:
    store = get_store()
    assessment = store.load(store.list_assessments()[0].id)
    assessment.measures[0] = replace(assessment.measures[0], label_nl="**Vet** <b>x</b>")
    store.replace(assessment.id, assessment, by=EDITOR)
    session, _key = ws.create_session(store, assessment.id, ["M01"], ["eco_bio"],
                                      pillar_split=False, anonymous=False,
                                      hide_until_reveal=True, shuffle=False, by=EDITOR)
    me = ws.join(store, session.code, name="<script>x</script>", group="_Boer_")
    ws.open_round(store, session.code, by=EDITOR)
    at = participant(p=me.token)
    assert at.subheader[0].value == "\\*\\*Vet\\*\\* \\<b\\>x\\</b\\>"  # escaped Markdown
    assert "<script>x</script> · _Boer_" in [t.value for t in at.text]  # st.text: plain
