"""CSV for Dutch and English Excel: separators, decimal signs, rounding, safe cells; and the
one number formatter (Babel) that pages, charts, tables and the report share."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from impact import charts, engine, export, numbers
from impact.cli import main
from impact.export.csvfile import DIALECTS, csv_field, neutralise_text
from impact.io import read_assessment

EXAMPLE_DIR = Path(__file__).resolve().parents[1] / "src" / "impact" / "example"
HOSTILE = ("Veen;=cmd|' /C calc'!A0;", "\rBeheer", "Natuur,+31 6 123", "Weide\t@SUM(A1)",
           "Dijk\n-2+3", "=1+1")


@pytest.fixture(scope="module")
def example():
    return read_assessment(EXAMPLE_DIR)


@pytest.fixture(scope="module")
def hostile(example):
    """The example with measure names that a spreadsheet would run or split."""
    measures = [replace(m, label_nl=name, label_en=name)
                for m, name in zip(example.measures, HOSTILE, strict=False)]
    return replace(example, measures=[*measures, *example.measures[len(HOSTILE):]])


def _no_live_formula(text: str) -> None:
    """No piece of `text` that a split on any separator exposes starts a formula."""
    for sep in (",", ";", "\t", "\r", "\n"):
        for piece in text.split(sep)[1:]:
            assert not piece or piece[0] not in "=+-@\t\r", (text, sep, piece)
    assert text[0] not in "=+-@\t\r", text


def test_dutch_ranking_round_trips_through_pandas(example) -> None:
    data = export.ranking_csv(example, lang="nl")
    assert data.startswith(b"\xef\xbb\xbf")
    first_line = data.decode("utf-8-sig").splitlines()[0]
    assert first_line.startswith("Rang;Code;Maatregel;Score;")
    assert "Pareto-optimaal" in first_line  # the results page's column name
    frame = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    evaluation = engine.evaluate(example)
    expected = evaluation.ranked()
    assert list(frame["Code"]) == list(expected.index)
    assert frame["Score"].dtype.kind == "f"
    assert list(frame["Score"]) == pytest.approx(list(expected["score"]), abs=5e-5)
    assert list(frame["Ecologie"]) == pytest.approx(list(expected["ecology"]), abs=5e-5)
    # sensible digits: at most four decimals, never 0.6812345678901234
    body = data.decode("utf-8-sig").splitlines()[1]
    score = body.split(";")[3]
    assert "," in score and len(score.split(",")[1]) <= 4 and "." not in score
    assert set(frame["Pareto-optimaal"]) <= {"ja", "nee"}


def test_english_download_uses_comma_and_point(example) -> None:
    data = export.ranking_csv(example, lang="en")
    assert data.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert list(frame.columns[:4]) == ["Rank", "ID", "Measure", "Score"]
    assert frame["Score"].dtype.kind == "f"
    assert frame["Score"].iloc[0] == pytest.approx(engine.evaluate(example).ranked()["score"]
                                                   .iloc[0], abs=5e-5)


def test_hostile_names_stay_text_in_both_dialects(hostile) -> None:
    for lang, sep in (("nl", ";"), ("en", ",")):
        data = export.ranking_csv(hostile, lang=lang)
        frame = pd.read_csv(io.BytesIO(data), sep=sep, decimal="," if sep == ";" else ".",
                            encoding="utf-8-sig", keep_default_na=False)
        names = list(frame[frame.columns[2]])
        assert len(frame) == len(hostile.measures)  # no name split a row or a line
        for original in HOSTILE:
            written = next(n for n in names if n.replace("'", "") == original.replace("'", ""))
            _no_live_formula(written)
        # the Dutch Excel split: the raw line, split on ';', exposes no formula either
        raw = data.decode("utf-8-sig")
        for cell in raw.replace("\r\n", ";").split(";"):
            cell = cell.lstrip('"')
            assert not cell or cell[0] not in "=+@", cell


def test_fields_are_quoted_and_neutralised() -> None:
    nl = DIALECTS["excel-nl"]
    assert csv_field("Veen;=cmd|' /C calc'!A0;", nl) == "\"Veen;'=cmd|' /C calc'!A0;\""
    assert csv_field("\rBeheer", nl) == "\"'\rBeheer\""
    assert csv_field("=1+1", nl) == "'=1+1"
    assert csv_field(" spatie", nl) == '" spatie"'
    assert csv_field('zeg "ja"', nl) == '"zeg ""ja"""'
    assert csv_field(0.68123456789, nl) == "0,6812"
    assert csv_field(-3.0, nl) == "-3"  # a negative number stays a number
    assert csv_field(1234567.5, nl) == "1234567,5"  # no thousands point in a data file
    assert csv_field(float("nan"), nl) == ""
    assert csv_field(True, nl, lang="nl") == "ja"
    assert csv_field(0.5, DIALECTS["rfc4180"]) == "0.5"
    assert neutralise_text("Kosten,-5%") == "Kosten,'-5%"
    assert neutralise_text("gewoon") == "gewoon"


def test_cli_csv_is_rfc4180_and_dutch_on_request(capsys, tmp_path, hostile) -> None:
    folder = tmp_path / "hostile.xlsx"
    folder.write_bytes(export.assessment_xlsx(hostile))
    assert read_assessment(folder).measures[1].label_nl == "\rBeheer"
    assert main(["rank", str(folder), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    frame = pd.read_csv(io.StringIO(out), index_col="measure_id", keep_default_na=False)
    first, second = (m.id for m in hostile.measures[:2])
    assert frame.loc[second, "label"] == "'\rBeheer"  # quoted: the CR did not end the row
    assert frame.loc[first, "label"] == "Veen;'=cmd|' /C calc'!A0;"
    assert len(frame) == len(hostile.measures)
    assert frame["score"].dtype.kind == "f"

    assert main(["rank", str(folder), "--format", "csv", "--csv-dialect", "excel-nl"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("\ufeffmeasure_id;")
    dutch = pd.read_csv(io.StringIO(out.lstrip("\ufeff")), sep=";", decimal=",",
                        index_col="measure_id", keep_default_na=False)
    assert dutch["score"].to_numpy() == pytest.approx(frame["score"].to_numpy())


def test_one_number_formatter_everywhere(example) -> None:
    assert numbers.format_number(0.68, "nl") == "0,68" == charts.fmt(0.68, "nl")
    assert numbers.format_number(0.68, "en") == "0.68" == export.format_number(0.68, "en")
    assert numbers.format_number(1234.5, "nl", 1) == "1.234,5"
    assert numbers.format_number(-0.001, "nl") == "0,00"
    assert numbers.format_number(None) == "–"
    assert numbers.format_percent(0.125, "nl", 1) == "12,5%"
    assert numbers.format_count(10_000, "nl") == "10.000"
    assert numbers.format_date(datetime(2026, 3, 4, 9, 5), "nl", time=False) == "4 maart 2026"
    # the ranking chart's score labels use the same notation as the report's table
    fig = charts.ranking_chart(engine.evaluate(example).table, lang="nl")
    labels = next(tr for tr in fig.data if tr.type == "scatter" and tr.mode == "text").text
    assert all("," in text and "." not in text for text in labels)
