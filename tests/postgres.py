"""A throwaway PostgreSQL cluster for the tests: started once per test session on
127.0.0.1 (a free port, a temporary folder), stopped and removed at the end.

Each test gets a fresh database copied from a template that already has the schema
(`CREATE DATABASE ... TEMPLATE`, tens of milliseconds), not a new cluster. The cluster
trades durability for speed (no fsync): it holds nothing worth keeping.

The binaries come from `IMPACT_PG_BIN`, else Debian's /usr/lib/postgresql/<version>/bin,
else PATH. When they are missing the fixture fails (never skips): CI installs them. As
root (CI, this machine) the server runs as the `postgres` OS user: initdb refuses root.
A run killed before it could stop its server leaves it to the next run, which stops it.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.browser import free_port

SERVER_OPTIONS = {
    "listen_addresses": "127.0.0.1",
    "unix_socket_directories": "",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "300",
    "log_min_messages": "warning",
}
TEMPLATE = "impact_template"


def binaries() -> Path:
    """The folder holding initdb and pg_ctl; fails the test run when there is none."""
    candidates = [os.environ.get("IMPACT_PG_BIN", "")]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                         key=lambda p: int(Path(p).parent.name) if Path(p).parent.name
                         .isdigit() else 0, reverse=True)
    found = shutil.which("initdb")
    candidates.append(str(Path(found).parent) if found else "")
    for folder in filter(None, candidates):
        if (Path(folder) / "initdb").is_file() and (Path(folder) / "pg_ctl").is_file():
            return Path(folder)
    pytest.fail("PostgreSQL's initdb and pg_ctl were not found (install Debian's "
                "`postgresql` package or set IMPACT_PG_BIN); the PostgreSQL tests must run",
                pytrace=False)


class Cluster:
    """One running PostgreSQL server; `url(name)` is the address of one database."""

    def __init__(self) -> None:
        self.bin = binaries()
        self.folder = Path(tempfile.mkdtemp(prefix="impact-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self._numbers = itertools.count(1)
        self._as_root = os.geteuid() == 0
        if self._as_root:
            shutil.chown(self.folder, "postgres", "postgres")

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self._as_root else []
        result = subprocess.run([*prefix, *command], capture_output=True, text=True,  # noqa: S603
                                check=False, cwd=self.folder)
        if result.returncode != 0:
            pytest.fail(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}",
                        pytrace=False)

    def start(self) -> None:
        self.stop_orphans()
        (self.folder / "owner").write_text(str(os.getpid()))
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres",
                  "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
        options = " ".join(f"-c {k}={v!r}" if v == "" else f"-c {k}={v}"
                           for k, v in {**SERVER_OPTIONS, "port": self.port}.items())
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l",
                  str(self.folder / "server.log"), "-o", options, "-w", "-t", "60", "start")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                      "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def stop_orphans(self) -> None:
        """Stop and remove the clusters of test runs that were killed before they could
        (their owner process is gone); those of runs still going are left alone."""
        for folder in Path(tempfile.gettempdir()).glob("impact-pg-*"):
            owner = folder / "owner"
            if folder == self.folder or not owner.is_file() or _alive(owner.read_text()):
                continue
            if (folder / "data" / "postmaster.pid").exists():
                prefix = ["runuser", "-u", "postgres", "--"] if self._as_root else []
                subprocess.run([*prefix, str(self.bin / "pg_ctl"), "-D",  # noqa: S603
                                str(folder / "data"), "-m", "immediate", "-w", "stop"],
                               capture_output=True, check=False)
            shutil.rmtree(folder, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def execute(self, sql: str) -> None:
        """One statement outside a transaction (CREATE/DROP DATABASE), as the superuser."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql)

    def make_template(self) -> None:
        """The empty, migrated database every test's database is copied from."""
        from impact.store import Store

        self.execute(f"CREATE DATABASE {TEMPLATE}")
        Store(self.url(TEMPLATE)).close()
        self.execute(f"ALTER DATABASE {TEMPLATE} WITH ALLOW_CONNECTIONS false")

    def new_database(self, *, empty: bool = False) -> str:
        """A fresh database with the current schema (`empty`: without one); its URL."""
        name = f"test_{next(self._numbers)}"
        template = "template0" if empty else TEMPLATE
        self.execute(f"CREATE DATABASE {name} TEMPLATE {template} STRATEGY FILE_COPY")
        return self.url(name)

    def drop_connections(self, url: str) -> None:
        """End every connection to one database, as a server restart does."""
        name = url.rsplit("/", 1)[1]
        self.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "  # noqa: S608
                     f"WHERE datname = '{name}'")  # our own test database's name

    def drop_database(self, url: str) -> None:
        from impact.store import forget_store

        forget_store(url)  # its connection pool, if a test opened one through get_store
        name = url.rsplit("/", 1)[1]
        self.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _alive(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True
