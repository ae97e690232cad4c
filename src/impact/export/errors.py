"""The errors of every export, with a message for the user."""

from __future__ import annotations


class ExportError(Exception):
    """An export that cannot be made, with a message for the user."""


class StaticExportUnavailable(ExportError):
    """Static images (PNG/SVG/PDF) need Chromium, and it is not there."""
