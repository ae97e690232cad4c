"""Dutch numbers in a semicolon CSV: a point can separate thousands (``1.234,5``).

Excel in a Dutch locale writes CSV files with ``;`` between cells, a decimal comma and,
with some number formats, a point between thousands. ``1.234,5`` and ``1.234.567`` can only
be read one way; ``1.234`` can be 1234 or 1.234. The rest of the file decides: when its
other numbers use a decimal comma (and none a decimal point), the point separates thousands;
when they use a decimal point (and none a comma), it is a decimal point as in any other
CSV; otherwise the cell is ambiguous and the user is asked (see
:func:`impact.io.cells.as_number`). Only whole cells that look like such a number are
touched; as text (a label, an id) they stay exactly as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from impact.io.cells import DottedNumber

_SIGN = r"[+-]?"
_GROUPS_AND_COMMA = re.compile(_SIGN + r"\d{1,3}(\.\d{3})+,\d+")  # 1.234,5
_GROUPS = re.compile(_SIGN + r"\d{1,3}(\.\d{3}){2,}")  # 1.234.567
_ONE_GROUP = re.compile(_SIGN + r"\d{1,3}\.\d{3}")  # 1.234: ambiguous on its own
_DECIMAL_COMMA = re.compile(_SIGN + r"\d+,\d+")
_DECIMAL_POINT = re.compile(_SIGN + r"\d*\.\d+")


def _clean(text: str) -> str:
    return text.strip().replace("\u2212", "-").replace("\u00a0", "").replace(" ", "")


def _as_thousands(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def mark_dotted_numbers(rows: Iterable[list[Any]]) -> None:
    """Replace, in place, each cell holding a number with a thousands point by a
    DottedNumber that knows its value (None where the file does not tell)."""
    rows = list(rows)
    comma = point = False
    dotted: list[tuple[list[Any], int, str]] = []
    for values in rows:
        for i, value in enumerate(values):
            if not isinstance(value, str):
                continue
            text = _clean(value)
            if _GROUPS_AND_COMMA.fullmatch(text):
                comma = True
                values[i] = DottedNumber(value, _as_thousands(text))
            elif _GROUPS.fullmatch(text):
                values[i] = DottedNumber(value, _as_thousands(text))
            elif _ONE_GROUP.fullmatch(text):
                dotted.append((values, i, text))
            elif _DECIMAL_COMMA.fullmatch(text):
                comma = True
            elif _DECIMAL_POINT.fullmatch(text):
                point = True
    if point and not comma:
        return  # decimal points, as in any CSV: 1.234 is 1.234
    for values, i, text in dotted:
        values[i] = DottedNumber(values[i], _as_thousands(text) if comma and not point else None)
