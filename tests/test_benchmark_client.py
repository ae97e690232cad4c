"""The workshop benchmark's load client behaves like a browser (issue 17).

A browser sends, per rerun, the states of the widgets on the page after the last run;
a client that kept sending the states of an earlier measure's pills made Streamlit run
`save_answer` again for each of them, and the benchmark's figures were wrong. These
tests check the client's element tree on hand-made deltas, then run the client against
a real server and compare every answer it sent with the stored rows.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_workshop",
                                                  ROOT / "benchmarks" / "workshop.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def element(s, run: str, path: list[int], widget: str, fragment: str = "") -> None:
    """A button delta at `path`, written by `run` (as the server sends it)."""
    s.run = run
    msg = ForwardMsg()
    msg.metadata.delta_path.extend(path)
    msg.delta.fragment_id = fragment
    msg.delta.new_element.button.id = widget
    msg.delta.new_element.button.label = widget
    s._delta(msg)


def block(s, run: str, path: list[int], fragment: str = "") -> None:
    s.run = run
    msg = ForwardMsg()
    msg.metadata.delta_path.extend(path)
    msg.delta.fragment_id = fragment
    msg.delta.add_block.vertical.SetInParent()
    s._delta(msg)


def with_states(s, *widgets: str) -> None:
    s.values = {w: WidgetState(id=w, trigger_value=True) for w in widgets}


def test_a_fragment_run_replaces_only_the_fragments_widgets_and_their_states(bench):
    s = bench.Session("ws://unused", "")
    block(s, "r1", [0, 0], fragment="F")  # the fragment's container
    element(s, "r1", [0, 0, 0], "pill-a", fragment="F")
    element(s, "r1", [0, 0, 1], "pill-b", fragment="F")
    element(s, "r1", [0, 1], "status")  # outside the fragment
    s._after_run("r1", [])
    assert set(s.widgets) == {"pill-a", "pill-b", "status"}

    with_states(s, "pill-a", "pill-b", "status")
    element(s, "r2", [0, 0, 0], "pill-c", fragment="F")  # the next measure: one widget
    s._after_run("r2", ["F"])
    assert set(s.widgets) == {"pill-c", "status"}
    assert set(s.values) == {"status"}  # the earlier measure's states are dropped

    with_states(s, "pill-c", "status")
    element(s, "r3", [0, 0], "done")  # a full run that draws the page anew
    s._after_run("r3", [])
    assert set(s.widgets) == {"done"}
    assert s.values == {}


def test_a_fragment_run_keeps_widgets_of_other_fragments(bench):
    s = bench.Session("ws://unused", "")
    block(s, "r1", [0, 0], fragment="F")
    element(s, "r1", [0, 0, 0], "pill-a", fragment="F")
    block(s, "r1", [0, 1], fragment="G")  # the status fragment, polled by the browser
    element(s, "r1", [0, 1, 0], "poll-text", fragment="G")
    s._after_run("r1", [])
    with_states(s, "pill-a")
    element(s, "r2", [0, 1, 0], "poll-text", fragment="G")
    s._after_run("r2", ["G"])
    assert set(s.widgets) == {"pill-a", "poll-text"}
    assert set(s.values) == {"pill-a"}
    assert s.button("pill-a") == "pill-a"


def test_every_answer_the_client_sent_is_stored_once_with_its_value(bench):
    """Five participants score three measures against a real server: every answer is
    stored with the value sent, and none was written again after its tap was answered
    (the old client re-saved 18 of every 27)."""
    result = bench.run_server_benchmark(5, 0.2, 120, measures=3)
    log, check = result["log"], result["check"]
    assert log.errors == []
    assert (log.joined, log.finished, check.participants) == (5, 5, 5)
    assert log.nexts == 5 * 3
    assert check.sent == len(log.taps) == 5 * 3 * 3
    assert (check.stored, check.missing, check.wrong, check.extra) == (45, 0, 0, 0)
    assert check.resaved == 0
    # every third measure carries a reason (participant i, measure m: (i + m) % 3 == 0)
    assert check.reasons_sent == len(log.reasons) == 5
    assert check.reasons_stored == 5
    assert len(check.stored_after) == 45
    assert max(count for _seen, count in log.views) == 45  # the facilitator saw them all
