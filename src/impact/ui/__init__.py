"""Everything of the app that imports Streamlit; the rest of `impact` does not.

- `session`: every session-state and URL key (language, current assessment, the
  session's `Weighting`, workshop keys and links);
- `cache`: every `st.cache_data`/`st.cache_resource`, with one table of lifetimes;
- `widgets`: the page preamble, charts, tables, notices, the language switch, the weight
  sliders;
- `downloads`: download buttons; `results`: the cached engine results of the result pages;
- `auth`: the person signed in; `sidebar`, `weights_views`, `workshop_views`,
  `participant_views`: the larger pieces of app.py and the pages.

The names below are what the pages use as `ui.<name>`.
"""

from __future__ import annotations

from impact.ui import auth, cache, session  # noqa: F401 - part of the package's surface
from impact.ui.auth import can_edit, principal  # noqa: F401 - re-exported for the pages
from impact.ui.session import (  # noqa: F401 - re-exported for the pages
    current_assessment,
    current_assessment_id,
    lang,
    set_current_assessment,
    set_weighting,
    store,
    weighting,
)
from impact.ui.text import plain, tr  # noqa: F401 - re-exported for the pages
from impact.ui.widgets import (  # noqa: F401 - re-exported for the pages
    MISSING_CELL,
    chart,
    no_assessment_notice,
    page,
    read_only_notice,
    table,
    table_height,
)
