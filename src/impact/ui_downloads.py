"""Moved to `impact.ui.downloads`; kept for old imports."""

from impact.ui.downloads import chart_downloads  # noqa: F401 - the old module's name
