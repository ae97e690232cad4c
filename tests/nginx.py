"""Shared by the deploy tests: Debian's nginx running deploy/nginx-impactbalans.conf.

The site file is used as shipped; only its listen port and its upstream lines are
replaced by the test's free ports, and it is wrapped in a minimal main configuration
whose paths all lie in a temporary folder (nothing touches /etc/nginx or port 80).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.browser import free_port, missing

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "deploy" / "nginx-impactbalans.conf"


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists()
                                      else None)
    if not found:
        missing("nginx is not installed (apt-get install nginx)")
    return found


def site_config(listen: int, upstreams: list[int]) -> str:
    """The shipped site file with the test's ports in place of the example ones."""
    text = SITE.read_text()
    text, listens = re.subn(r"listen \d+;", f"listen 127.0.0.1:{listen};", text)
    lines = "".join(f"    server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;\n"
                    for port in upstreams)
    text, servers = re.subn(r"(    server 127\.0\.0\.1:\d+[^\n]*\n)+", lines, text)
    assert listens == 1 and servers == 1, "deploy/nginx-impactbalans.conf changed shape"
    return text


def main_config(folder: Path, listen: int, upstreams: list[int]) -> Path:
    (folder / "site.conf").write_text(site_config(listen, upstreams))
    temp = {name: folder / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir(exist_ok=True)
    conf = folder / "nginx.conf"
    conf.write_text(f"""
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log info;
events {{ worker_connections 1024; }}
http {{
    access_log {folder}/access.log;
    client_body_temp_path {temp['body']};
    proxy_temp_path {temp['proxy']};
    fastcgi_temp_path {temp['fastcgi']};
    uwsgi_temp_path {temp['uwsgi']};
    scgi_temp_path {temp['scgi']};
    include {folder}/site.conf;
}}
""")
    return conf


def check_config(folder: Path, upstreams: list[int]) -> subprocess.CompletedProcess:
    conf = main_config(folder, free_port(), upstreams)
    return subprocess.run([nginx_binary(), "-t", "-c", str(conf), "-p", str(folder)],  # noqa: S603
                          capture_output=True, text=True)


@contextmanager
def nginx_proxy(folder: Path, upstreams: list[int]) -> Iterator[str]:
    """nginx in front of `upstreams` (ports on 127.0.0.1); yields its base URL."""
    folder.mkdir(parents=True, exist_ok=True)
    listen = free_port()
    conf = main_config(folder, listen, upstreams)
    proc = subprocess.Popen(  # noqa: S603 - Debian's nginx with our config
        [nginx_binary(), "-c", str(conf), "-p", str(folder), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL, stderr=open(folder / "stderr.log", "wb"),  # noqa: SIM115
    )
    base = f"http://127.0.0.1:{listen}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(base + "/", timeout=1).close()  # noqa: S310
                break
            except urllib.error.HTTPError:
                break  # nginx answers (the upstream may not yet)
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("nginx did not start: "
                                       + (folder / "stderr.log").read_text()
                                       + (folder / "error.log").read_text()) from None
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
