"""Charts readable projected and printed: type sizes, dark text, whole labels, numbered
markers with a key, colours by dominant pillar or rank group; on the example and on 25
measures with long names."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pytest

from impact import charts, engine
from impact.charts import FONT_SIZE, PILLAR_COLOURS
from impact.io import read_assessment
from impact.model import PILLARS, Assessment, Measure, Score
from tests.conftest import EXAMPLE_DIR
from tests.test_charts import strings

LONG_WORDS = ("Vrijwillige opkoopregeling veehouderijen", "Hydrologische bufferzone",
              "Natuurinclusieve landbouw met extensieve begrazing",
              "Collectieve zonneweide op voormalige landbouwgrond")


@pytest.fixture(scope="module")
def example() -> Assessment:
    return read_assessment(EXAMPLE_DIR)


@pytest.fixture(scope="module")
def crowded(example: Assessment) -> Assessment:
    """25 measures with long names (over 40 characters), scores cycled from the example."""
    measures, scores = [], {}
    for k in range(25):
        source = example.measures[k % len(example.measures)]
        mid = f"L{k + 1:02d}"
        name = f"{LONG_WORDS[k % len(LONG_WORDS)]} rond Natura 2000-gebied, fase {k + 1}"
        measures.append(Measure(mid, name, name.replace("rond", "around")))
        for c in example.criteria:
            value = example.scores[(source.id, c.id)].value
            # a small shift per copy keeps the copies apart without leaving the scale
            shifted = min(c.scale_max, max(c.scale_min, value + (k // 11) * 0.5))
            scores[(mid, c.id)] = Score(mid, c.id, shifted)
    return replace(example, measures=measures, scores=scores)


def numbers_shown(fig: go.Figure) -> dict[str, str]:
    """Measure id -> the number drawn for it: beside its dot (the dots' traces), or
    further out with a leader line (a text trace whose `meta` lists the ids); once each."""
    shown: dict[str, str] = {}
    for trace in fig.data:
        if trace.ids is not None:
            pairs = [(i, s) for i, s in zip(trace.ids, trace.text, strict=True) if s]
        elif trace.meta is not None:
            pairs = list(zip(trace.meta, trace.text, strict=True))
        else:
            continue
        for mid, number in pairs:
            assert mid not in shown, mid  # never drawn twice
            shown[mid] = number
    return shown


def fonts(fig: go.Figure) -> list[tuple[str, dict[str, Any]]]:
    """Every font spec in the figure's JSON, with where it sits."""
    found: list[tuple[str, dict[str, Any]]] = []

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("font", "textfont", "tickfont") and isinstance(value, dict):
                    found.append((f"{path}.{key}", value))
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for k, value in enumerate(node):
                walk(value, f"{path}[{k}]")

    spec = json.loads(fig.to_json())
    spec["layout"].pop("template", None)
    walk(spec, "")
    return found


def contrast_on_white(colour: str) -> float:
    """WCAG contrast ratio of a #RRGGBB colour against white."""
    channels = [int(colour.lstrip("#")[k:k + 2], 16) / 255 for k in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def all_figures(assessment: Assessment, lang: str = "nl") -> dict[str, go.Figure]:
    figures = {name: charts.build_chart(name, assessment, lang=lang)
               for name in charts.available_charts(assessment)}
    rows = [{"measure_id": m.id, "criterion_id": c.id, "iqr": 1.0, "median": 0.5, "n": 5,
             "median_shift": 0.5, "iqr_shift": -0.5}
            for m in assessment.measures[:6] for c in assessment.criteria[:5]]
    frame = pd.DataFrame(rows)
    names = {m.id: m.label(lang) for m in assessment.measures}
    criteria = {c.id: c.label(lang) for c in assessment.criteria}
    figures["workshop-disagreement"] = charts.disagreement_heatmap(frame, names, criteria, lang)
    figures["workshop-shift"] = charts.shift_heatmap(frame, names, criteria, lang)
    return figures


@pytest.mark.parametrize("which", ["example", "crowded"])
def test_no_chart_text_below_14_px_and_all_of_it_dark(request, which: str) -> None:
    assessment = request.getfixturevalue(which)
    for name, fig in all_figures(assessment).items():
        assert fig.layout.font.size >= FONT_SIZE, name
        for where, font in fonts(fig):
            if "size" in font:
                assert font["size"] >= FONT_SIZE, (name, where, font)
            if "color" in font and str(font["color"]).startswith("#"):
                assert contrast_on_white(font["color"]) >= 4.5, (name, where, font)
        assert fig.layout.title.font.size >= 18, name  # titles read from the back row


@pytest.mark.parametrize("which", ["example", "crowded"])
def test_no_label_is_cut(request, which: str) -> None:
    assessment = request.getfixturevalue(which)
    for name, fig in all_figures(assessment).items():
        text = strings(fig)
        assert not [s for s in text if "…" in s], name
    # every measure's whole name is in the ranking's ticks (wrapped, not cut)
    fig = charts.build_chart("ranking", assessment, lang="nl")
    ticks = [tick.replace("<br>", " ") for tick in fig.layout.yaxis.ticktext]
    assert sorted(ticks) == sorted(charts.esc(m.label_nl) for m in assessment.measures)
    heat = charts.build_chart("heatmap", assessment, lang="nl")
    assert heat.layout.xaxis.tickangle == -90  # upright: room for the whole name
    for tick, c in zip(heat.layout.xaxis.ticktext, heat.data[0].x, strict=True):
        words = " ".join(part.split(">", 1)[1].split("<")[0] for part in tick.split("<span")[1:])
        assert words == charts.esc(assessment.criterion(c).label_nl)


@pytest.mark.parametrize("name", ["balance", "tradeoff"])
def test_points_are_numbered_and_the_key_lists_the_full_names(crowded: Assessment,
                                                              name: str) -> None:
    fig = charts.build_chart(name, crowded, lang="nl")
    order = list(charts.frames._sorted(engine.evaluate(crowded).table).index)
    assert numbers_shown(fig) == {mid: str(k) for k, mid in enumerate(order, start=1)}
    key = next(a.text for a in fig.layout.annotations if "<b>1</b>" in a.text)
    lines = key.replace("\u00a0", " ").split("<br>")
    # each number once, followed by its measure's whole name (wrapped over lines)
    joined = " ".join(line.strip() for line in lines)
    for k, mid in enumerate(order, start=1):
        full = charts.esc(crowded.measure(mid).label_nl)
        assert f"<b>{k}</b>  {full}" in joined.replace("  ", "  "), (k, full)
    # the plot leaves room on the right for the key, and is tall enough for it
    assert fig.layout.margin.r >= 200
    assert fig.layout.height >= 20 * len(lines)
    # full names on hover too
    hovers = [c[0] for tr in fig.data if tr.ids is not None for c in tr.customdata]
    assert any(charts.esc(crowded.measures[0].label_nl) in h for h in hovers)


def test_balance_dots_take_their_dominant_pillars_colour(example: Assessment) -> None:
    ev = engine.evaluate(example, pillar_weights={"ecology": 60, "economy": 15, "people": 25})
    fig = charts.balance_chart(ev.table, lang="en")
    points = fig.data[0]
    shares = charts.pillar_shares(ev.table)
    for mid, colour in zip(points.ids, points.marker.color, strict=True):
        dominant = max(PILLARS, key=lambda p: shares.loc[mid, p.value])
        assert colour == PILLAR_COLOURS[dominant]
    legend = {tr.name for tr in fig.data[1:]}
    assert legend <= {"Ecology", "Economy", "People"} and legend
    assert fig.layout.legend.title.text == "Score mainly from:"


def test_tradeoff_colours_are_rank_groups_from_a_colour_blind_safe_palette(
        example: Assessment) -> None:
    fig = charts.build_chart("tradeoff", example, lang="nl")
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
                 "#000000", "#999999"}
    groups = [tr for tr in fig.data if tr.ids is not None]
    assert [tr.name for tr in groups] == ["Plaats 1–3", "Plaats 4–6", "Plaats 7 en lager"]
    colours = [tr.marker.color for tr in groups]
    assert len(set(colours)) == 3 and set(colours) <= okabe_ito
    assert not set(colours) & set(PILLAR_COLOURS.values())  # never mistaken for a pillar


@pytest.mark.parametrize("which", ["example", "crowded"])
def test_no_two_labels_overlap_in_the_svg(kaleido_server, request, which: str) -> None:
    """Text boxes from the SVG export (as printed and projected): no label on another,
    not even where dots lie on top of each other (there numbers move out, with a line).

    The boxes are estimated on the wide side (see tests/svg_boxes.py).
    """
    from impact import export
    from tests.svg_boxes import overlapping, text_boxes

    assessment = request.getfixturevalue(which)
    for name, fig in all_figures(assessment).items():
        boxes = text_boxes(export.figure_to_bytes(fig, "svg", lang="nl"))
        assert len(boxes) > 10, name
        assert overlapping(boxes) == [], name


@pytest.mark.parametrize("name", ["balance", "tradeoff"])
def test_crowded_numbers_move_out_with_a_leader_line(crowded: Assessment, name: str) -> None:
    """Where every spot beside a dot is taken, its number stands further out and a thin
    line leads from the dot to it: one line per moved number, starting at its dot."""
    fig = charts.build_chart(name, crowded, lang="nl")
    moved = [tr for tr in fig.data if tr.ids is None and tr.meta is not None]
    assert len(moved) == 1 and moved[0].mode == "text"
    lines = next(tr for tr in fig.data if tr.mode == "lines" and tr.showlegend is False)
    axis = "a" if name == "balance" else "x"
    starts = [v for k, v in enumerate(getattr(lines, axis)) if k % 3 == 0]
    assert len(starts) == len(moved[0].meta) >= 3  # the crowded case needs a few
    dots = {mid: value for tr in fig.data if tr.ids is not None
            for mid, value in zip(tr.ids, getattr(tr, axis), strict=True)}
    for mid, start in zip(moved[0].meta, starts, strict=True):
        assert abs(start - dots[mid]) < 0.05, mid  # the line starts at its own dot
    assert len(numbers_shown(fig)) == len(crowded.measures)


@pytest.mark.parametrize("lang,half", [("nl", "+0,5"), ("en", "+0.5")])
def test_workshop_cells_use_the_languages_decimal_sign(example: Assessment, lang: str,
                                                       half: str) -> None:
    figures = all_figures(example, lang)
    for name in ("workshop-disagreement", "workshop-shift"):
        cells = {c for row in figures[name].data[0].text for c in row}
        assert cells == {half}, name  # every cell's median (shift) is 0.5 here
