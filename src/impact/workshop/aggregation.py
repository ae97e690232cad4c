"""What the room answered, one DuckDB query per view: progress, per-cell statistics,
disagreement hotspots, the shift between rounds (per cell and per group), pillar splits.

In an anonymous session no statistic over fewer than ANONYMOUS_MIN_N answers is shown,
and none while the round is still open (counts only).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from impact.model import PILLARS
from impact.store import Store
from impact.workshop.base import Progress, Session
from impact.workshop.sessions import session_and_round, session_of


def progress(store: Store, code: str | Session, round_no: int | None = None) -> Progress:
    """Joined, started and finished participants of a round, in one query."""
    session, round_no = session_and_round(store, code, round_no)
    per_round = session.questions_per_round
    row = store.cursor().execute(
        "SELECT count(*), count(a.token), "
        "count(*) FILTER (WHERE coalesce(a.n, 0) >= ? AND (NOT ? OR sp.token IS NOT NULL)), "
        "coalesce(sum(a.n), 0) "
        "FROM workshop_participants p "
        "LEFT JOIN (SELECT token, count(*) AS n FROM workshop_answers "
        "  WHERE code = ? AND round_no = ? GROUP BY token) a ON a.token = p.token "
        "LEFT JOIN workshop_splits sp ON sp.token = p.token AND sp.code = p.code "
        "  AND sp.round_no = ? "
        "WHERE p.code = ?",
        [per_round, session.pillar_split, session.code, round_no, round_no, session.code],
    ).fetchone()
    joined, started, finished, answers = (int(x) for x in row)
    return Progress(joined, started, finished, answers, per_round * joined)


_AGGREGATE_COLUMNS = ["n", "mean", "median", "q1", "q3", "iqr", "sd"]


def _shown_min_n(session: Session, round_no: int) -> int:
    """The fewest answers a statistic of this round may be shown for (counts are always
    shown); no number is enough while an anonymous round is still open."""
    return np.iinfo(np.int64).max if session.statistics_hidden(round_no) else session.min_n


def _suppress(frame: pd.DataFrame, min_n: int, columns: Sequence[str]) -> pd.DataFrame:
    if min_n > 1 and len(frame):
        small = frame["n"] < min_n
        frame.loc[small, list(columns)] = np.nan
    return frame


def aggregates(store: Store, code: str | Session, round_no: int | None = None) -> pd.DataFrame:
    """Per measure x criterion of the session: n, mean, median, q1, q3, iqr, sd.

    One query. Cells nobody answered have n = 0 and NaN statistics; in an anonymous
    session statistics over fewer than ANONYMOUS_MIN_N answers are NaN as well.
    `iqr_rel` and `sd_rel` are the spread as a share of the criterion's scale, so that
    criteria on different scales compare; `position` orders cells as the session does.
    """
    session, round_no = session_and_round(store, code, round_no)
    frame = store.cursor().execute(
        "WITH m AS (SELECT item_id AS measure_id, position AS mpos FROM workshop_items "
        "           WHERE code = ? AND kind = 'measure'), "
        "c AS (SELECT i.item_id AS criterion_id, i.position AS cpos, "
        "             k.scale_max - k.scale_min AS span "
        "      FROM workshop_items i JOIN workshop_sessions s ON s.code = i.code "
        "      JOIN criteria k ON k.assessment_id = s.assessment_id AND k.id = i.item_id "
        "      WHERE i.code = ? AND i.kind = 'criterion'), "
        "a AS (SELECT measure_id, criterion_id, count(*) AS n, avg(value) AS mean, "
        "             median(value) AS median, quantile_cont(value, 0.25) AS q1, "
        "             quantile_cont(value, 0.75) AS q3, stddev_samp(value) AS sd "
        "      FROM workshop_answers WHERE code = ? AND round_no = ? "
        "      GROUP BY measure_id, criterion_id) "
        "SELECT m.measure_id, c.criterion_id, coalesce(a.n, 0) AS n, a.mean, a.median, a.q1, "
        "       a.q3, a.q3 - a.q1 AS iqr, a.sd, (a.q3 - a.q1) / c.span AS iqr_rel, "
        "       a.sd / c.span AS sd_rel, m.mpos, c.cpos "
        "FROM m CROSS JOIN c LEFT JOIN a ON a.measure_id = m.measure_id "
        "     AND a.criterion_id = c.criterion_id "
        "ORDER BY m.mpos, c.cpos",
        [session.code, session.code, session.code, round_no],
    ).df()
    frame["n"] = frame["n"].astype(int)
    return _suppress(frame, _shown_min_n(session, round_no),
                     _AGGREGATE_COLUMNS[1:] + ["iqr_rel", "sd_rel"])


def distribution(store: Store, code: str | Session, round_no: int | None = None
                 ) -> pd.DataFrame:
    """How many answers each value got, per cell: columns measure_id, criterion_id,
    value, n (only the values given). One query; the cells whose statistics are hidden
    (an anonymous round still open, fewer answers than the session shows) are left out."""
    session, round_no = session_and_round(store, code, round_no)
    frame = store.cursor().execute(
        "SELECT measure_id, criterion_id, value, count(*) AS n, "
        "       sum(count(*)) OVER (PARTITION BY measure_id, criterion_id) AS total "
        "FROM workshop_answers WHERE code = ? AND round_no = ? "
        "GROUP BY measure_id, criterion_id, value ORDER BY measure_id, criterion_id, value",
        [session.code, round_no],
    ).df()
    frame = frame[frame["total"] >= _shown_min_n(session, round_no)]
    return frame.drop(columns="total").astype({"n": int}).reset_index(drop=True)


def hotspots(agg: pd.DataFrame, top: int | None = None, *, min_n: int = 2) -> pd.DataFrame:
    """Cells ranked by disagreement: relative IQR, then relative standard deviation.

    Works on the output of `aggregates` (no further queries). Cells with fewer than
    `min_n` answers, or suppressed ones, are left out. Adds `hotspot_rank` (1 = most
    disagreement); ties keep the session's order.
    """
    ok = agg[(agg["n"] >= min_n) & agg["iqr_rel"].notna()].copy()
    ok = ok.sort_values(
        ["iqr_rel", "sd_rel", "mpos", "cpos"],
        ascending=[False, False, True, True],
        na_position="last",
        kind="mergesort",
    )
    ok["hotspot_rank"] = range(1, len(ok) + 1)
    ok = ok.reset_index(drop=True)
    return ok.head(top) if top else ok


def shift(store: Store, code: str | Session, from_round: int, to_round: int) -> pd.DataFrame:
    """Per cell: mean, median and IQR in both rounds and their change (one query)."""
    session = session_of(store, code)
    frame = store.cursor().execute(
        "WITH a AS (SELECT round_no, measure_id, criterion_id, count(*) AS n, "
        "             avg(value) AS mean, median(value) AS median, "
        "             quantile_cont(value, 0.75) - quantile_cont(value, 0.25) AS iqr "
        "           FROM workshop_answers WHERE code = ? AND round_no IN (?, ?) "
        "           GROUP BY round_no, measure_id, criterion_id), "
        "m AS (SELECT item_id AS measure_id, position AS mpos FROM workshop_items "
        "      WHERE code = ? AND kind = 'measure'), "
        "c AS (SELECT item_id AS criterion_id, position AS cpos FROM workshop_items "
        "      WHERE code = ? AND kind = 'criterion') "
        "SELECT m.measure_id, c.criterion_id, "
        "  coalesce(f.n, 0) AS n_from, coalesce(t.n, 0) AS n_to, "
        "  f.mean AS mean_from, t.mean AS mean_to, t.mean - f.mean AS mean_shift, "
        "  f.median AS median_from, t.median AS median_to, t.median - f.median AS median_shift, "
        "  f.iqr AS iqr_from, t.iqr AS iqr_to, t.iqr - f.iqr AS iqr_shift, m.mpos, c.cpos "
        "FROM m CROSS JOIN c "
        "LEFT JOIN a f ON f.round_no = ? AND f.measure_id = m.measure_id "
        "     AND f.criterion_id = c.criterion_id "
        "LEFT JOIN a t ON t.round_no = ? AND t.measure_id = m.measure_id "
        "     AND t.criterion_id = c.criterion_id "
        "ORDER BY m.mpos, c.cpos",
        [session.code, from_round, to_round, session.code, session.code, from_round, to_round],
    ).df()
    min_n = max(_shown_min_n(session, from_round), _shown_min_n(session, to_round))
    if min_n > 1 and len(frame):
        small = (frame["n_from"] < min_n) | (frame["n_to"] < min_n)
        stats = [c for c in frame.columns if c.split("_")[0] in ("mean", "median", "iqr")]
        frame.loc[small, stats] = np.nan
    return frame


def group_shift(store: Store, code: str | Session, from_round: int, to_round: int) -> pd.DataFrame:
    """Per stakeholder group: size and the average change of its cell means (one query).

    `mean_shift` averages (mean in to_round - mean in from_round) over the cells the
    group answered in both rounds; `abs_shift` the absolute changes; `gap_from`/`gap_to`
    the average distance of the group's cell means to the room's cell medians, so a
    falling gap means the group moved towards the room. Participants without a group
    count as ''. Anonymous sessions: groups under ANONYMOUS_MIN_N people are hidden.
    """
    session = session_of(store, code)
    frame = store.cursor().execute(
        "WITH g AS (SELECT a.round_no, coalesce(p.stakeholder_group, '') AS grp, "
        "             a.measure_id, a.criterion_id, avg(a.value) AS mean, "
        "             count(DISTINCT a.token) AS n "
        "           FROM workshop_answers a JOIN workshop_participants p ON p.token = a.token "
        "           WHERE a.code = ? AND a.round_no IN (?, ?) "
        "           GROUP BY a.round_no, grp, a.measure_id, a.criterion_id), "
        "room AS (SELECT round_no, measure_id, criterion_id, median(value) AS median "
        "         FROM workshop_answers WHERE code = ? AND round_no IN (?, ?) "
        "         GROUP BY round_no, measure_id, criterion_id), "
        "pairs AS (SELECT f.grp, f.mean AS f_mean, t.mean AS t_mean, "
        "            least(f.n, t.n) AS n, abs(f.mean - rf.median) AS f_gap, "
        "            abs(t.mean - rt.median) AS t_gap "
        "          FROM g f JOIN g t ON t.grp = f.grp AND t.measure_id = f.measure_id "
        "            AND t.criterion_id = f.criterion_id AND t.round_no = ? "
        "          JOIN room rf ON rf.round_no = f.round_no AND rf.measure_id = f.measure_id "
        "            AND rf.criterion_id = f.criterion_id "
        "          JOIN room rt ON rt.round_no = t.round_no AND rt.measure_id = t.measure_id "
        "            AND rt.criterion_id = t.criterion_id "
        "          WHERE f.round_no = ?), "
        "sizes AS (SELECT coalesce(p.stakeholder_group, '') AS grp, "
        "            count(DISTINCT p.token) AS members FROM workshop_participants p "
        "          WHERE p.code = ? GROUP BY grp) "
        "SELECT s.grp AS grp, s.members, min(pairs.n) AS n, "
        "  avg(pairs.t_mean - pairs.f_mean) AS mean_shift, "
        "  avg(abs(pairs.t_mean - pairs.f_mean)) AS abs_shift, "
        "  avg(pairs.f_gap) AS gap_from, avg(pairs.t_gap) AS gap_to "
        "FROM sizes s LEFT JOIN pairs ON pairs.grp = s.grp "
        "GROUP BY s.grp, s.members ORDER BY s.grp",
        [session.code, from_round, to_round, session.code, from_round, to_round, to_round,
         from_round, session.code],
    ).df()
    frame["n"] = frame["n"].fillna(0).astype(int)
    min_n = max(_shown_min_n(session, from_round), _shown_min_n(session, to_round))
    if session.min_n > 1 and len(frame):
        stats = ["mean_shift", "abs_shift", "gap_from", "gap_to"]
        frame.loc[frame["n"] < min_n, stats] = np.nan
        frame = frame[frame["members"] >= session.min_n].reset_index(drop=True)
    return frame


def splits_summary(store: Store, code: str | Session, round_no: int | None = None) -> pd.DataFrame:
    """Per pillar: n, mean, median, q1, q3 of the participants' 100-point splits (one query)."""
    session, round_no = session_and_round(store, code, round_no)
    frame = store.cursor().execute(
        "SELECT pillar, count(*) AS n, avg(v) AS mean, median(v) AS median, "
        "quantile_cont(v, 0.25) AS q1, quantile_cont(v, 0.75) AS q3 FROM ("
        "  SELECT 'ecology' AS pillar, ecology AS v FROM workshop_splits "
        "    WHERE code = ? AND round_no = ? "
        "  UNION ALL SELECT 'economy', economy FROM workshop_splits "
        "    WHERE code = ? AND round_no = ? "
        "  UNION ALL SELECT 'people', people FROM workshop_splits "
        "    WHERE code = ? AND round_no = ?) AS s "
        "GROUP BY pillar",
        [session.code, round_no] * 3,
    ).df().set_index("pillar")
    frame = frame.reindex([str(p) for p in PILLARS])
    frame["n"] = frame["n"].fillna(0).astype(int)
    return _suppress(frame, _shown_min_n(session, round_no), ["mean", "median", "q1", "q3"])


def split_matrix(store: Store, code: str, round_no: int) -> np.ndarray:
    """All splits of a round as an (n, 3) array, for the engine only (never displayed)."""
    rows = store.cursor().execute(
        "SELECT ecology, economy, people FROM workshop_splits WHERE code = ? AND round_no = ?",
        [code, round_no],
    ).fetchall()
    return np.asarray(rows, dtype=float).reshape(-1, 3)
