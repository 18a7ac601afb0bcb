"""What the browser tests run on: local HTTP servers on 127.0.0.1 and Debian's Chromium, offline.

Every request to any host other than 127.0.0.1 is blocked and recorded (TimelineJS's CSS
asks a font CDN), so a test can tell the failures it caused itself from real ones.
"""

from __future__ import annotations

import functools
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CHROMIUM = Path("/usr/bin/chromium")
EMBEDDING_DOC = Path(__file__).resolve().parents[2] / "docs" / "embedding.md"
DOC_SITE = "https://example.org/story/"  # where docs/embedding.md's snippets say the site is
CHROMIUM_ARGS = [
    "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]  # fmt: skip
LOCAL_HOST = "127.0.0.1"


class _Handler(SimpleHTTPRequestHandler):
    """Static files; with ``cors``, the header docs/embedding.md tells a host of timeline.json to send."""

    cors = False

    def end_headers(self) -> None:
        if self.cors and self.path.split("?")[0].endswith(".json"):
            self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass


@contextmanager
def serve(root: Path, cors: bool = False) -> Iterator[str]:
    """Serve ``root`` on a free port of 127.0.0.1; yields its base URL (with a trailing slash)."""
    handler = type("Handler", (_Handler,), {"cors": cors})
    server = ThreadingHTTPServer((LOCAL_HOST, 0), functools.partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@dataclass
class Offline:
    """Requests the browser context was refused, and the page's errors."""

    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def block_outside(self, context) -> None:
        def route(r) -> None:
            if urlsplit(r.request.url).hostname == LOCAL_HOST:
                r.continue_()
            else:
                self.blocked.append(r.request.url)
                r.abort()

        context.route("**/*", route)

    def watch(self, page) -> None:
        """Record console errors and uncaught exceptions, except the failed loads we blocked ourselves."""

        def console(message) -> None:
            url = (message.location or {}).get("url", "")
            if message.type == "error" and not self._caused_by_blocking(message.text, url):
                self.errors.append(f"console: {message.text} ({url})")

        page.on("console", console)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))

    def _caused_by_blocking(self, text: str, url: str) -> bool:
        return text.startswith("Failed to load resource") and url in self.blocked


def launch(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)


def timelinejs_page(dist: Path, data_url: str, host: Any) -> str:
    """A host page that loads TimelineJS from our own copy and points it at ``data_url``."""
    (host.root / "tl").symlink_to(dist, target_is_directory=True)
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>TimelineJS</title>
      <link rel="stylesheet" href="tl/css/timeline.css">
      <script src="tl/js/timeline.js"></script></head>
      <body style="margin: 0"><div id="timeline" style="width: 1000px; height: 640px"></div>
      <script>
        window.timeline = new TL.Timeline("timeline", {json.dumps(data_url)},
          {{hash_bookmark: true, script_path: new URL("tl/js/", location.href).href}});
      </script></body></html>"""
    return host("timelinejs.html", html)


def documented_snippet(kind: str, site_url: str) -> str:
    """The ``iframe`` or ``widget`` snippet of docs/embedding.md, pointed at ``site_url``."""
    blocks = re.findall(r"```html\n(.*?)```", EMBEDDING_DOC.read_text(encoding="utf-8"), re.DOTALL)
    (snippet,) = [b for b in blocks if b.startswith(f"<!-- timeline embed: {kind} -->")]
    return snippet.replace(DOC_SITE, site_url)
