"""`secretariat serve` on a fresh data directory: first start prepares everything and serves with
gunicorn and whitenoise, DEBUG off. This is the README's first command minus creating the venv."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> tuple[int, str, dict[str, str]]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our own server
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    data_dir = tmp_path_factory.mktemp("served")
    port = _free_port()
    unwanted = ("DATABASE_URL", "SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if k not in unwanted}
    env["SECRETARIAT_DATA_DIR"] = str(data_dir)
    log = (data_dir / "serve.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "secretariat.cli",
            "serve",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError((data_dir / "serve.log").read_text())
        try:
            _get(base + "/api/v1/journal/head")
            break
        except OSError:
            time.sleep(0.3)
    else:
        process.terminate()
        raise AssertionError("server did not answer within 120 s")
    yield base, data_dir
    process.terminate()
    process.wait(timeout=20)
    log.close()


def test_the_first_start_loads_the_dataset_and_serves_the_home_page(served):
    base, _ = served
    status, html, headers = _get(base + "/en/?date=2011-08-12")
    assert status == 200
    assert 'data-testid="member-count">7<' in html
    assert headers.get("X-Frame-Options") == "DENY"
    assert headers.get("X-Content-Type-Options") == "nosniff"


def test_static_files_come_from_whitenoise_with_cache_busting_names(served):
    base, _ = served
    _, html, _ = _get(base + "/en/")
    css = html.split('rel="stylesheet" href="')[1].split('"')[0]
    assert css.startswith("/static/secretariat/site.")
    assert css != "/static/secretariat/site.css"
    status, body, headers = _get(base + css)
    assert status == 200
    assert "--accent" in body
    assert "max-age=315360000" in headers.get("Cache-Control", "")


def test_debug_is_off_so_errors_show_no_internals(served):
    base, _ = served
    status, html, _ = _get(base + "/no-such-page/")
    assert status == 404
    assert "Traceback" not in html
    assert "URLconf" not in html


def test_the_secret_key_is_generated_once_and_kept_private(served):
    _, data_dir = served
    key_file = data_dir / "secret_key"
    assert key_file.is_file()
    assert len(key_file.read_text()) >= 50
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_the_journal_of_the_served_database_verifies(served):
    base, _ = served
    status, body, _ = _get(base + "/api/v1/journal/verify")
    assert status == 200
    assert '"ok": true' in body
