"""AppTest: the Dutch UI shows no English placeholder ("None", "Select…", "Choose", ...).

The pages are scanned with :mod:`tests.text_scan` in the states a user meets: the results,
weights, sensitivity and export pages on the example, and a workshop from the
facilitator's and a participant's side, round by round.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from impact import workshop as ws
from tests.conftest import APP
from tests.helpers import EDITOR, answer
from tests.test_pages_workshop import facilitator, participant, run, seeded_session
from tests.text_scan import english_placeholders, visible_texts


@pytest.mark.parametrize("page, title", [
    ("views/results.py", "Resultaten"),
    ("views/weights.py", "Gewichten"),
    ("views/sensitivity.py", "Gevoeligheid"),
    ("views/export.py", "Export"),
    ("views/workshop.py", "Workshop"),
])
def test_a_page_in_dutch_shows_no_english_placeholder(db_path: Path, page: str,
                                                      title: str) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    run(at)
    at.switch_page(page)
    run(at)
    texts = visible_texts(at)
    assert any(title in text for text in texts)  # the scan saw the page, sidebar too
    assert "Beoordeling" in texts
    assert english_placeholders(at) == []


def test_a_workshop_in_dutch_shows_no_english_placeholder(db_path: Path) -> None:
    store, session, key = seeded_session(db_path, pillar_split=True)
    seen = [english_placeholders(facilitator(session.code, key))]
    ws.open_round(store, session.code, by=EDITOR)
    people = [ws.join(store, session.code, name=f"p{i}", group="Bewoners") for i in range(3)]
    for i, p in enumerate(people[:2]):  # one participant has not answered: empty cells
        for m in session.measures:
            for c in session.criteria:
                answer(store, p.token, m, c, i - 1)
    at = facilitator(session.code, key)
    at.toggle(key="peek").set_value(True)
    seen.append(english_placeholders(run(at)))
    seen.append(english_placeholders(participant(join=session.code)))
    seen.append(english_placeholders(participant(p=people[2].token)))  # scoring
    ws.close_round(store, session.code, by=EDITOR)
    ws.reveal_round(store, session.code, by=EDITOR)
    seen.append(english_placeholders(facilitator(session.code, key)))
    seen.append(english_placeholders(participant(p=people[0].token)))  # the room's result
    ws.new_round(store, session.code, by=EDITOR)
    answer(store, people[0].token, "M01", "eco_bio", 3)
    seen.append(english_placeholders(facilitator(session.code, key)))  # shifts, round 2
    assert seen == [[]] * 7
