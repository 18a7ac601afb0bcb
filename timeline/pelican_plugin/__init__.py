"""The Pelican plugin: what the theme needs beyond Pelican's own articles and pages.

``pages`` builds the person, place and source context and their pages; ``exports``
writes timeline.json, TimelineJS, iCalendar, feeds and the embeddable widgets.
``render`` keeps the compiled templates in the cache folder.
Enable with ``PLUGINS = ["timeline.pelican_plugin"]``.
"""

from pelican import signals

from . import exports, pages, render


def register() -> None:
    pages.register()
    exports.register()
    signals.generator_init.connect(render.keep_compiled)
