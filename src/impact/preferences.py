"""PROMETHEE's preference functions and the rule their thresholds follow, without imports.

The engine (`impact.methods.promethee`), the criteria sheet (`impact.io`) and the
criterion dialog (`impact.forms`) check thresholds by this one rule; it lives apart so
that reading a file does not load the method library.
"""

from __future__ import annotations

__all__ = ["FUNCTIONS", "USED_THRESHOLDS", "threshold_issue"]

FUNCTIONS = ("usual", "vshape", "linear", "gaussian")

# the thresholds each preference function uses (the others are not read)
USED_THRESHOLDS: dict[str, str] = {"usual": "", "vshape": "p", "linear": "qp", "gaussian": "ps"}


def threshold_issue(function: str, q: float | None, p: float | None,
                    s: float | None) -> tuple[str, str] | None:
    """The first threshold that does not fit `function`, as (threshold, reason), or None.

    reason: "needs_p" (vshape and linear need p > 0), "negative_q" (linear: q < 0),
    "q_not_below_p" (linear: q >= p), "needs_s" (gaussian: s, or else p, > 0). One rule
    for the engine, the criteria sheet and the dialog (which also refuse a threshold
    the function does not use, see `USED_THRESHOLDS`).
    """
    if function in ("vshape", "linear") and not (p is not None and p > 0):  # NaN fails too
        return "p", "needs_p"
    if function == "linear":
        assert p is not None
        q = 0.0 if q is None else q
        if not q >= 0:
            return "q", "negative_q"
        if not q < p:
            return "q", "q_not_below_p"
    if function == "gaussian" and not ((s if s is not None else (p or 0.0)) > 0):
        return "s", "needs_s"
    return None
