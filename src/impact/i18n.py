"""Dutch and English strings.

Every visible string has a key. The catalogue is split by area: each module in
`impact.texts` defines `TEXTS = {key: (dutch, english)}`; they are merged here,
so an area adds its strings without touching the others. Dutch comes first and
is the default.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from impact import texts

LANGUAGES: tuple[str, ...] = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}


@cache
def catalogue() -> dict[str, tuple[str, str]]:
    """All strings, key -> (Dutch, English); a key defined twice is an error."""
    merged: dict[str, tuple[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(texts.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{texts.__name__}.{info.name}")
        for key, value in getattr(module, "TEXTS", {}).items():
            if key in merged:
                raise ValueError(f"i18n key {key!r} is defined twice (again in {info.name})")
            merged[key] = value
    return merged


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """The string for `key` in `lang`, formatted with `params`."""
    entry = catalogue().get(key)
    if entry is None:
        raise KeyError(f"missing i18n key {key!r}")
    text = entry[1] if lang == "en" else entry[0]
    return text.format(**params) if params else text
