"""Helpers for the browser tests: builds with the network cut, the two site flavours, and a recorder
that watches every request and console message of a browser context."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import textwrap
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import urlsplit, urlunsplit

from helpers import REPO, mkdocs_command
from treatysite.layout import page_path

# Debian's Chromium; CHROMIUM_PATH names another Chromium-based browser (GitHub's runners: Google Chrome).
# Pages every session can count on (see the task): their titles are read from data/ at test time.
PROVISION_ID = "art-03-3-no-aid-to-aggressor"
PERSON_ID = "samuel-ramani"
PROJECT_ID = "north-south-transport-corridor"


CHROMIUM = Path(os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_JS = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


# --- Builds with no network -------------------------------------------------------------------------

_PROBE = textwrap.dedent(
    """
    import socket
    reached = []
    try:
        socket.getaddrinfo("pypi.org", 443)
        reached.append("DNS lookup of pypi.org")
    except OSError:
        pass
    try:
        socket.create_connection(("1.1.1.1", 443), timeout=3).close()
        reached.append("TCP connection to 1.1.1.1:443")
    except OSError:
        pass
    print("; ".join(reached) or "no network")
    """
)

_BLOCK_SOCKETS = textwrap.dedent(
    '''
    """Installed by the browser tests when no network namespace can be made: every socket that is
    not a Unix socket refuses to resolve names or connect."""
    import errno
    import socket

    def _refuse(*args, **kwargs):
        raise OSError("network disabled by the test's sitecustomize")

    _connect = socket.socket.connect

    class _Socket(socket.socket):
        def connect(self, address):
            if self.family == socket.AF_UNIX:
                return _connect(self, address)
            _refuse()

        def connect_ex(self, address):
            if self.family == socket.AF_UNIX:
                return _Socket.__mro__[1].connect_ex(self, address)
            return errno.ENETUNREACH

    socket.socket = _Socket
    socket.getaddrinfo = _refuse
    socket.gethostbyname = _refuse
    socket.create_connection = _refuse
    '''
)


@dataclass(frozen=True)
class NoNetwork:
    """How to run a command with the network cut, and a description of it for messages."""

    prefix: tuple[str, ...]
    env: dict[str, str]
    how: str

    def run(self, args: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, **kwargs.pop("env", {}), **self.env}
        return subprocess.run([*self.prefix, *args], env=env, capture_output=True, text=True, **kwargs)

    def probe(self) -> str:
        """What a Python process under this isolation can still reach: 'no network' when nothing."""
        result = self.run([sys.executable, "-c", _PROBE], timeout=60)
        return (result.stdout + result.stderr).strip()


def no_network(tmp: Path) -> NoNetwork:
    """A network namespace with no interface but loopback (`unshare -rn`, or `unshare -n` for root);
    where neither is allowed (some containers), a sitecustomize that makes sockets refuse to connect."""
    unshare = shutil.which("unshare")
    if unshare:
        for flags in ("-rn", "-n"):
            if subprocess.run([unshare, flags, "true"], capture_output=True).returncode == 0:
                return NoNetwork((unshare, flags), {}, f"`unshare {flags}` (a new network namespace, with no way out)")
    site = tmp / "no-network-site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(_BLOCK_SOCKETS, encoding="utf-8")
    pythonpath = os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))
    return NoNetwork((), {"PYTHONPATH": pythonpath}, "a sitecustomize that blocks sockets (unshare is not allowed here)")


def mkdocs_build(isolation: NoNetwork, config: str, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` as helpers.mkdocs_build runs it, with another config file and no network."""
    return isolation.run(
        mkdocs_command(site_dir, config), cwd=REPO, env={"NO_MKDOCS_2_WARNING": "1"}, timeout=600,
    )


# --- The two flavours of the built site -------------------------------------------------------------


@dataclass(frozen=True)
class BuiltSite:
    """A built site and the address the browser opens it at.

    `directory_urls`: the normal build (people/samuel-ramani/) or the offline copy (people/samuel-ramani.html).
    """

    root: Path
    base_url: str  # ends with "/"
    directory_urls: bool

    def url(self, md_path: str) -> str:
        """The address of the page built from `md_path` (relative to docs/)."""
        stem = md_path.removesuffix(".md")
        if not self.directory_urls:
            return self.base_url + stem + ".html"
        if stem == "index" or stem.endswith("/index"):
            return self.base_url + stem.removesuffix("index")
        return self.base_url + stem + "/"

    def is_local(self, url: str) -> bool:
        return url.startswith((self.base_url, "data:"))


def page_address(url: str) -> str:
    """A URL without query and fragment, and with a trailing index.html dropped for the served site."""
    parts = urlsplit(url)
    path = parts.path
    if parts.scheme in ("http", "https") and path.endswith("/index.html"):
        path = path.removesuffix("index.html")
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:
        pass


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[BuiltSite]:
    """A built site (directory URLs) served by Python's http.server on 127.0.0.1, on a free port."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield BuiltSite(folder, f"http://127.0.0.1:{server.server_address[1]}/", directory_urls=True)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# --- Watching a browser context --------------------------------------------------------------------


@dataclass
class Recorder:
    """Every request and every console error of one browser context.

    Requests that `is_local` rejects are recorded and then aborted, so a test never reaches the
    internet, and fail `assert_clean`."""

    is_local: Callable[[str], bool]
    requests: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def attach(self, context) -> None:
        context.on("request", self._on_request)
        context.on("console", self._on_console)
        context.on("weberror", lambda error: self.console_errors.append(f"uncaught: {error.error}"))
        context.route(lambda url: not self.is_local(url), lambda route: route.abort("blockedbyclient"))

    def _on_request(self, request) -> None:
        self.requests.append(request.url)
        if not self.is_local(request.url):
            self.outside.append(request.url)

    def _on_console(self, message) -> None:
        if message.type != "error":
            return
        where = message.location.get("url", "") if message.location else ""
        self.console_errors.append(f"{message.text} (at {where or message.page and message.page.url})")

    def assert_clean(self) -> None:
        """No request left the site and nothing was logged as an error."""
        assert self.requests, "the recorder saw no request at all: is it attached?"
        assert not self.outside, "requests to outside the site:\n" + "\n".join(self.outside)
        assert not self.console_errors, "console errors:\n" + "\n".join(self.console_errors)


# --- Steps a reader takes ----------------------------------------------------------------------------


def expect(*args, **kwargs):
    """Playwright's expect, imported when used: without Playwright the `browser` fixture skips (or fails in CI)."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(*args, **kwargs)


# The same normalisation as page_address, in the page: no query or fragment, and index.html dropped
# on a served site.
_ADDRESS_JS = """
    href => {
        const url = new URL(href);
        url.search = '';
        url.hash = '';
        return url.protocol.startsWith('http') ? url.href.replace(/\\/index\\.html$/, '/') : url.href;
    }
"""


def search(page, term: str, expected: str) -> list[str]:
    """Type `term` into Material's search box; the addresses of the results once `expected` is among
    them (or after 10 seconds). Typing is needed: fill() does not start a search."""
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(term, delay=60)
    try:
        page.wait_for_function(
            f"""([expected]) => {{
                const address = {_ADDRESS_JS};
                return [...document.querySelectorAll('a.md-search-result__link')]
                    .some(a => address(a.href) === expected);
            }}""",
            arg=[expected],
            timeout=10_000,
        )
    except Exception:  # Playwright's TimeoutError: the assertion below says what was found
        pass
    return [page_address(href) for href in page.locator("a.md-search-result__link").evaluate_all("as => as.map(a => a.href)")]


def follow_link(page, scope: str, target: str) -> None:
    """Click the first link inside `scope` (a CSS selector) that leads to the page at `target`."""
    found = page.evaluate(
        f"""([scope, target]) => {{
            const address = {_ADDRESS_JS};
            const link = [...document.querySelectorAll(scope + ' a[href]')].find(a => address(a.href) === target);
            if (link) link.setAttribute('data-test-follow', '');
            return Boolean(link);
        }}""",
        [scope, target],
    )
    assert found, f"{page.url}: no link in {scope} to {target}"
    page.locator("[data-test-follow]").first.click()
    page.wait_for_url(lambda url: page_address(url) == target)


def heading(page) -> str:
    return " ".join(page.locator(".md-content h1").first.inner_text().split())


def walk_provision_expert_provision(site: BuiltSite, page, dataset, links, provision_id: str, person_id: str) -> list[str]:
    """Open the provision, follow its link to an expert who comments on it (`person_id` if they do), then
    the expert's link to a provision (another one where there is one). The headings seen on the way."""
    provision = dataset.provision[provision_id]
    experts = [person for person, uses in links.commentary_by_person.items() if any(u.record is provision for u in uses)]
    assert experts, f"nobody comments on {provision_id} in data/: the walk needs an expert"
    expert = dataset.person[person_id if person_id in experts else experts[0]]
    commented = [u.record for u in links.commentary_by_person[expert.id] if u.kind == "provision"]
    onward = next((p for p in commented if p is not provision), provision)

    page.goto(site.url(page_path("provision", provision)))
    seen = [heading(page)]
    follow_link(page, ".md-content", site.url(page_path("person", expert)))
    seen.append(heading(page))
    follow_link(page, ".md-content", site.url(page_path("provision", onward)))
    seen.append(heading(page))
    assert provision.title in seen[0] and expert.name in seen[1] and onward.title in seen[2], seen
    return seen
