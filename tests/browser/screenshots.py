"""Screenshots of the iframe embed and the script widget on the sample site, for docs/embedding.md.

    .venv/bin/python tests/browser/screenshots.py

Builds the sample site from seeds/ in a temporary folder, serves it and a host page on
127.0.0.1 (every other host blocked), and writes docs/screenshot-embed.png and
docs/screenshot-widget.png.  Both host pages use the snippets of docs/embedding.md.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from browser.harness import Offline, documented_snippet, launch, serve
from browser.sites import ROOT, build_sample

ARTICLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A news site</title>
<style>
  body {{ margin: 0; font: 18px/1.6 Georgia, serif; color: #222; background: #f6f3ee; }}
  header {{ background: #7a1f1f; color: #fff; padding: 12px 24px; font: 700 22px/1.2 Georgia, serif; }}
  main {{ max-width: 680px; margin: 0 auto; padding: 8px 24px 24px; }}
  h1 {{ font-size: 30px; line-height: 1.2; }}
</style></head><body>
<header>The Daily Example</header>
<main><h1>{headline}</h1>
<p>Our reporters follow the story as it develops. Here is how we got here:</p>
{snippet}
</main></body></html>"""


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = build_sample(Path(tmp) / "sample")
        hosts = Path(tmp) / "host"
        hosts.mkdir()
        with serve(site, cors=True) as site_url, serve(hosts) as host_url, _chromium() as browser:
            for name, kind, ready, headline in (
                ("embed", "iframe", "iframe", "Talks, calls and a war in its fourth year"),
                ("widget", "widget", "[data-timeline-src] li", "Putin holds his line on a ceasefire"),
            ):
                html = ARTICLE.format(headline=headline, snippet=documented_snippet(kind, site_url))
                (hosts / f"{name}.html").write_text(html, encoding="utf-8")
                context = browser.new_context(viewport={"width": 760, "height": 900}, device_scale_factor=1)
                Offline().block_outside(context)
                page = context.new_page()
                page.goto(f"{host_url}{name}.html")
                page.locator(ready).last.wait_for()
                if name == "embed":
                    page.frame_locator("iframe").locator("ol.events > li").last.wait_for()
                    page.wait_for_function("document.querySelector('iframe').offsetHeight > 300")
                page.screenshot(path=str(ROOT / "docs" / f"screenshot-{name}.png"), full_page=True)
                context.close()
                print(f"docs/screenshot-{name}.png")


@contextmanager
def _chromium() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            yield browser
        finally:
            browser.close()


if __name__ == "__main__":
    main()
