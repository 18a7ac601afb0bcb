"""Run Pelican on a project folder: the one place the pipeline calls Pelican's API."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pelican import Pelican
from pelican.settings import read_settings


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
    Pelican(config).run()
    return Path(config["OUTPUT_PATH"])
