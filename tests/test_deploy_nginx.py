"""deploy/nginx-impactbalans.conf in Debian's nginx, in front of small HTTP upstreams.

What the app relies on: one browser sticks to one process (its websocket carries its
page), a browser whose process is down is moved to another one, and the websocket
upgrade reaches the process. The two-processes-on-PostgreSQL test runs the real app
behind the same file.
"""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.nginx import check_config, nginx_proxy


class _Upstream(BaseHTTPRequestHandler):
    """Answers with its own port and the upgrade headers it received."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        port = self.server.server_address[1]
        body = (f"{port} {self.headers.get('Upgrade', '-')} "
                f"{self.headers.get('Connection', '-')}").encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def upstreams() -> Iterator[list[ThreadingHTTPServer]]:
    servers = [ThreadingHTTPServer(("127.0.0.1", 0), _Upstream) for _ in range(3)]
    for s in servers:
        threading.Thread(target=s.serve_forever, daemon=True).start()
    yield servers
    for s in servers:
        s.shutdown()
        s.server_close()


def _get(base: str, cookie: str | None = None,
         headers: dict[str, str] | None = None) -> tuple[str, str | None]:
    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    sent = dict(headers or {})
    if cookie:
        sent["Cookie"] = f"impactbalans_route={cookie}"
    conn.request("GET", "/", headers=sent)
    response = conn.getresponse()
    body = response.read().decode()
    set_cookie = response.getheader("Set-Cookie")
    conn.close()
    route = None
    if set_cookie:
        route = set_cookie.split(";")[0].removeprefix("impactbalans_route=")
    return body, route


def test_the_shipped_config_passes_nginx_check(tmp_path: Path) -> None:
    result = check_config(tmp_path, [8601, 8602])
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


def test_a_browser_sticks_to_one_process_and_moves_when_it_is_down(
        tmp_path: Path, upstreams: list[ThreadingHTTPServer]) -> None:
    ports = [s.server_address[1] for s in upstreams]
    with nginx_proxy(tmp_path / "nginx", ports) as base:
        # Browsers without the cookie are spread over the processes, each given a route.
        firsts = [_get(base) for _ in range(30)]
        routes = [route for _, route in firsts]
        assert all(routes) and len(set(routes)) == 30
        served = {int(body.split()[0]) for body, _ in firsts}
        assert served == set(ports)  # 30 random keys over 3 processes reach all three

        # Every later request of one browser goes to the process it started on.
        body, route = firsts[0]
        home = int(body.split()[0])
        for _ in range(10):
            again, kept = _get(base, cookie=route)
            assert int(again.split()[0]) == home
            assert kept == route  # the cookie stays what it was

        # The websocket upgrade reaches the process with its headers.
        upgraded, _ = _get(base, cookie=route, headers={"Upgrade": "websocket",
                                                        "Connection": "Upgrade"})
        assert upgraded.split()[1:] == ["websocket", "upgrade"]

        # Its process stops: the browser is served by another one, and stays there.
        down = next(s for s in upstreams if s.server_address[1] == home)
        down.shutdown()
        down.server_close()
        moved = {int(_get(base, cookie=route)[0].split()[0]) for _ in range(5)}
        assert len(moved) == 1 and home not in moved
