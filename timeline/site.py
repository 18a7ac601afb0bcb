"""Run Pelican on a project folder: the one place the pipeline calls Pelican's API."""

from __future__ import annotations

from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings


def build_site(settings: Path = Path("pelicanconf.py"), output: Path | None = None,
               overrides: dict | None = None) -> Path:
    """Build the site described by ``settings``; returns the output folder."""
    if not settings.is_file():
        raise OSError(f"no Pelican settings file at {settings}")
    extra = dict(overrides or {})
    if output is not None:
        extra["OUTPUT_PATH"] = str(output.resolve())
    config = read_settings(str(settings), override=extra)
    Pelican(config).run()
    return Path(config["OUTPUT_PATH"])
