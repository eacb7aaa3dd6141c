"""``mkdocs serve`` rebuilds when the custom catalogue file changes: a real server."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from sites.tools import ENV, write


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def test_serve_rebuilds_when_the_custom_catalogue_changes(tmp_path: Path) -> None:
    project = write(tmp_path, {
        "codes.toml": '[codes."559"]\nname = "Greylisted"\ndescription = "Try later."\n',
        "mkdocs.yml": "site_name: t\nplugins:\n  - smtpcodes:\n      catalogue: codes.toml\n",
        "docs/index.md": "# Home\n\n<smtp:559>\n",
    })
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
        env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        def page() -> str:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                body: str = response.read().decode("utf-8")
                return body

        assert wait_for(lambda: "Greylisted" in page(), 30)
        (project / "codes.toml").write_text(
            '[codes."559"]\nname = "Deferred by policy"\ndescription = "Try later."\n', "utf-8")
        assert wait_for(lambda: "Deferred by policy" in page(), 20)
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=10)
    assert "Traceback" not in errors, errors
