"""Writing pages from ``PageSpec``s, inside a Pelican run or outside one, with the same bytes.

A full build writes the listing pages through Pelican's writer; incremental regeneration
re-renders only the pages an event touches with ``write_standalone``, which builds the
same Jinja environment (Pelican's ``Generator``) and the same writer from the settings.
The templates read the settings and the spec's variables only, so both give identical files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache, Template
from pelican.generators import Generator
from pelican.writers import Writer

from ..site_model import PageSpec

TEMPLATE_CACHE = "templates"  # under CACHE_PATH


def write_pages(
    specs: Iterable[PageSpec],
    writer: Writer,
    template: Callable[[str], Template],
    context: Mapping[str, Any],
    relative_urls: bool,
) -> None:
    for spec in specs:
        writer.write_file(
            spec.save_as, template(spec.template), context, relative_urls=relative_urls, **spec.context
        )


def write_standalone(
    specs: Iterable[PageSpec], settings: Mapping[str, Any], output: Path | None = None
) -> None:
    """Render ``specs`` into ``output`` (default: the settings' OUTPUT_PATH) as a full build would."""
    output_path = str(output or settings["OUTPUT_PATH"])
    context = dict(settings)
    templates = Generator(
        context=context,
        settings=settings,
        path=settings["PATH"],
        theme=settings["THEME"],
        output_path=output_path,
    )
    keep_compiled(templates)
    write_pages(
        specs,
        Writer(output_path, settings=settings),
        templates.get_template,
        context,
        settings["RELATIVE_URLS"],
    )


def keep_compiled(generator: Generator) -> None:
    """Keep the templates a generator compiles in the cache folder, for every later build.

    Compiling the theme takes a tenth of a second, each time: too much for a regeneration
    that renders a few pages.  A compiled template is known by the digest of its source (an
    edited template is compiled again), in a folder named for the Jinja options that compile
    it.  Connected to ``generator_init``, so a full build leaves them for the next regeneration.
    """
    settings = generator.settings
    options = repr(sorted(settings.get("JINJA_ENVIRONMENT", {}).items())).encode("utf-8")
    named = hashlib.blake2b(options, digest_size=8).hexdigest()
    folder = Path(settings["CACHE_PATH"]) / TEMPLATE_CACHE / named
    folder.mkdir(parents=True, exist_ok=True)
    generator.env.bytecode_cache = FileSystemBytecodeCache(str(folder))
