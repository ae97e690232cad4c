"""Strings for the screen: the session's language, and user text made safe for Markdown."""

from __future__ import annotations

from impact.i18n import t
from impact.ui.session import lang


def tr(key: str, **params: object) -> str:
    """The string for `key` in the session's language."""
    return t(key, lang(), **params)


_MARKDOWN_SPECIALS = set("\\`*_{}[]()#+-.!|<>~=$:")


def plain(text: str) -> str:
    """User text made safe for st.markdown/st.error: Markdown and HTML show literally."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in str(text))
