"""A real `townsquare serve --seed-demo` on a free port with a fresh data dir, an admin
token from `townsquare token create`, and a page helper that records console errors and
writes screenshots (to var/screenshots/demo, or $TOWNSQUARE_SCREENSHOT_DIR)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import ConsoleMessage, Page

REPO = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR_ENV = "TOWNSQUARE_SCREENSHOT_DIR"
START_TIMEOUT = 60.0
LABEL_PROPAGATION = 2.0  # seconds a label change may take to reach the demo's pages


@dataclass(frozen=True)
class DemoServer:
    url: str
    admin_token: str
    log: Path

    def api(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=10,
                            headers={"Authorization": f"Bearer {self.admin_token}"})


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _cli() -> str:
    return str(Path(sys.executable).with_name("townsquare"))


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoServer]:
    """The demo platform as `make run` starts it, on a temp SQLite database."""
    data_dir = tmp_path_factory.mktemp("demo-data")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TOWNSQUARE_")}
    env["TOWNSQUARE_DATA_DIR"] = str(data_dir)
    created = subprocess.run([_cli(), "staff", "bootstrap", "demo-admin", "--password-stdin"],
                             input="demo password 123\n", env=env, capture_output=True,
                             text=True, check=True, timeout=60)
    token = created.stdout.strip().splitlines()[-1]
    port = _free_port()
    log = data_dir / "server.log"
    with log.open("w") as out:
        server = subprocess.Popen([_cli(), "serve", "--seed-demo", "--port", str(port)],
                                  env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(server, url, log)
        yield DemoServer(url, token, log)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_until_up(server: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"townsquare serve exited with {server.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"{url}/api/v1/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    pytest.fail(f"townsquare serve did not answer within {START_TIMEOUT:.0f} s:\n{log.read_text()}")


@pytest.fixture(scope="session")
def base_url(demo_server: DemoServer) -> str:
    """Relative page.goto() paths resolve against the demo server. Also replaces
    pytest-playwright's fallback fixture, an instance method pytest 9 deprecates (an error
    under filterwarnings=error)."""
    return demo_server.url


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    path = Path(os.environ.get(SCREENSHOT_DIR_ENV) or REPO / "var" / "screenshots" / "demo")
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass
class Demo:
    """A Playwright page on the demo platform that keeps every console error it sees."""

    page: Page
    server: DemoServer
    shots: Path
    errors: list[str] = field(default_factory=list)

    def open(self, path: str) -> Page:
        response = self.page.goto(self.server.url + path)
        assert response is not None and response.ok, f"GET {path}: {response and response.status}"
        return self.page

    def shot(self, name: str) -> Path:
        target = self.shots / f"{name}.png"
        self.page.screenshot(path=str(target), full_page=True)
        return target

    def eventually(self, path: str, check: Callable[[Page], bool], what: str,
                   timeout: float = LABEL_PROPAGATION) -> None:
        """Reload ``path`` until ``check`` holds, for at most ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            self.open(path)
            if check(self.page):
                return
            if time.monotonic() > deadline:
                pytest.fail(f"{path}: {what} not seen within {timeout} s")
            self.page.wait_for_timeout(100)


@pytest.fixture
def demo(page: Page, demo_server: DemoServer, screenshot_dir: Path) -> Demo:
    helper = Demo(page, demo_server, screenshot_dir)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            helper.errors.append(f"{message.text} ({message.location.get('url', '')})")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: helper.errors.append(f"uncaught: {exc}"))
    return helper
