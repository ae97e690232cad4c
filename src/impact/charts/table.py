"""The evaluation as a plain table for people (the results and weights pages, CSV)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from impact.charts.frames import _sorted
from impact.charts.labels import knocked_out, knockout_criteria, measure_labels, pillar_name
from impact.i18n import t
from impact.model import PILLARS
from impact.numbers import format_number


def results_table(
    table: pd.DataFrame, *, lang: str = "nl", no_regret: Iterable[str] = ()
) -> pd.DataFrame:
    """The evaluation as a plain table for people: best first, columns in `lang`.

    Columns: rank, code, measure, score, the three pillar scores, balance index,
    Pareto-optimal, no-regret, below a floor, and when a measure fails a knock-out, "not
    admissible (knock-out on)" with the failing criteria ("" for admissible ones). Text
    is left unescaped: show it with st.dataframe or write it to CSV, never as
    HTML/Markdown.
    """
    data = _sorted(table)
    keep = {str(m) for m in no_regret}
    columns = results_columns(lang)
    frame = pd.DataFrame(
        {
            columns["rank"]: data["rank"].astype(int).to_numpy(),
            columns["code"]: [str(i) for i in data.index],
            columns["measure"]: measure_labels(data, lang).to_numpy(),
            columns["score"]: data["score"].astype(float).to_numpy(),
            **{columns[p.value]: data[p.value].astype(float).to_numpy() for p in PILLARS},
            columns["balance"]: data["balance"].astype(float).to_numpy(),
            columns["pareto"]: data["pareto"].fillna(False).astype(bool).to_numpy(),
            columns["no_regret"]: [str(i) in keep for i in data.index],
            columns["floor"]: data["floor_violation"].fillna(False).astype(bool).to_numpy(),
        }
    )
    if knocked_out(data).any():
        frame[columns["knockout"]] = knockout_criteria(data, lang)
    return frame


def results_columns(lang: str = "nl") -> dict[str, str]:
    """Column headers of `results_table`, by role."""
    return {
        "rank": t("word.rank", lang),
        "code": t("results.col.code", lang),
        "measure": t("word.measure", lang),
        "score": t("word.score", lang),
        **{p.value: pillar_name(p, lang) for p in PILLARS},
        "balance": t("results.col.balance", lang),
        "pareto": t("results.col.pareto", lang),
        "no_regret": t("results.col.no_regret", lang),
        "floor": t("results.col.floor", lang),
        "knockout": t("results.col.knockout", lang),
    }


def shown_numbers(frame: pd.DataFrame, digits: dict[str, int], lang: str = "nl") -> pd.DataFrame:
    """A copy of `frame` for the screen: the `digits` columns as text in the one number
    notation of the charts and the report (0,68 in Dutch, 0.68 in English)."""
    shown = frame.copy()
    for column, places in digits.items():
        if column in shown:
            shown[column] = [format_number(v, lang, places) for v in shown[column]]
    return shown
