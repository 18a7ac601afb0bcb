"""Run Pelican on a project folder: the one place the pipeline calls Pelican's API."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from pelican import Pelican, signals
from pelican.settings import read_settings

from .pelican_plugin.content import EntryError, read_event, read_source


def site_settings(
    settings: Path = Path("pelicanconf.py"),
    output: Path | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Pelican's settings from ``settings``, with ``output`` and ``overrides`` applied."""
    if not settings.is_file():
        raise OSError(f"no Pelican settings file at {settings}")
    extra = dict(overrides or {})
    if output is not None:
        extra["OUTPUT_PATH"] = str(output.resolve())
    return read_settings(str(settings), override=extra)


def build_site(
    settings: Path = Path("pelicanconf.py"),
    output: Path | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Path:
    """A full Pelican build of the site described by ``settings``; returns the output folder."""
    config = site_settings(settings, output, overrides)
    content = Path(config["PATH"])
    if config.get("DELETE_OUTPUT_DIRECTORY"):
        _check_entries(content, config)  # Pelican empties the output before it reads a thing
    with _refusing_unread_entries(content):
        Pelican(config).run()
    return Path(config["OUTPUT_PATH"])


def _check_entries(content: Path, config: Mapping[str, Any]) -> None:
    """Read every event and source entry as the plugin will, raising ``EntryError`` for the
    first it cannot show, so that a broken hand edit never costs the built site."""
    for folders, read in ((config["ARTICLE_PATHS"], read_event), (config["PAGE_PATHS"], read_source)):
        for folder in folders:
            for path in sorted((content / folder).rglob("*.md")):
                try:
                    read(path)
                except UnicodeDecodeError as exc:
                    raise EntryError(path, _not_utf8(exc)) from None


@contextlib.contextmanager
def _refusing_unread_entries(content: Path) -> Iterator[None]:
    """Pelican logs an entry it cannot read and builds the site without it.  A timeline that
    silently loses an event is worse than yesterday's, so the build stops before any page is
    written, naming the first such entry."""

    def check(generators: Sequence[Any]) -> None:
        generated = generators[0].context.get("generated_content", {}) if generators else {}
        unread = sorted(name for name, item in generated.items() if item is None)
        if unread:
            raise EntryError(content / unread[0], _why_unread(content / unread[0]))

    signals.all_generators_finalized.connect(check, weak=False)
    try:
        yield
    finally:
        signals.all_generators_finalized.disconnect(check)


def _why_unread(path: Path) -> str:
    try:
        path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return _not_utf8(exc)
    except OSError as exc:
        return exc.strerror or str(exc)
    return "Pelican could not read it (its message is above)"


def _not_utf8(exc: UnicodeDecodeError) -> str:
    return f"not UTF-8 text ({exc.reason} at byte {exc.start})"
