"""The person behind this browser session, in Streamlit terms (see `impact.access`).

Re-derived on every run from the connection and the sign-in cookie, never taken
from the URL or kept from an earlier run: a tampered link or a proxy header
cannot turn a participant into an editor.
"""

from __future__ import annotations

import streamlit as st

from impact import access
from impact.access import Principal, Role


def _headers() -> dict[str, str]:
    try:
        return dict(st.context.headers)
    except Exception:  # noqa: BLE001 - no request (bare script run): no headers
        return {}


def remote_address() -> str:
    """The connection's address. Streamlit reports a loopback client as None (and
    AppTest, which has no connection, as a placeholder that is not a string)."""
    address = st.context.ip_address
    return address if isinstance(address, str) and address else "127.0.0.1"


def client_address() -> str | None:
    """The address joins and code guesses are throttled by."""
    return access.client_address(remote_address(), _headers())


def auth_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # noqa: BLE001 - no secrets file at all
        return False


def signed_in_email() -> str | None:
    user = st.user
    if not user.get("is_logged_in", False):
        return None
    if user.get("email_verified") is False:  # an unverified address is nobody's proof
        return None
    email = user.get("email")
    return str(email) if email else None


def current_principal() -> Principal:
    """Who this run acts for, by the sign-in mode (`IMPACT_AUTH`)."""
    from impact import ui  # the package's store accessor

    if access.auth_mode() == "local":
        return access.local_principal(remote_address(), _headers())
    if not st.user.get("is_logged_in", False):
        return access.ANONYMOUS
    name = st.user.get("name")
    return access.sign_in(ui.store(), signed_in_email(), str(name) if name else None)


def principal() -> Principal:
    """This run's principal, worked out once per run (pages call this freely)."""
    run_key = "_principal_run"
    found = st.session_state.get(run_key)
    if found is None:
        found = current_principal()
        st.session_state[run_key] = found
    return found


def forget_principal() -> None:
    """Called at the top of every run of app.py: the principal is derived anew."""
    st.session_state.pop("_principal_run", None)


def can_edit() -> bool:
    return principal().can_edit


def is_viewer_only() -> bool:
    return principal().role == Role.VIEWER
