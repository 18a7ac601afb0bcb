"""Run Pelican on a project folder: the one place the pipeline calls Pelican's API."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from pelican import Pelican, signals
from pelican.settings import read_settings

from .pelican_plugin.content import EntryError


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
    with _refusing_unread_entries(Path(config["PATH"])):
        Pelican(config).run()
    return Path(config["OUTPUT_PATH"])


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
        return f"not UTF-8 text ({exc.reason} at byte {exc.start})"
    except OSError as exc:
        return exc.strerror or str(exc)
    return "Pelican could not read it (its message is above)"
