"""The Pelican plugin: what the theme needs beyond Pelican's own articles and pages.

``pages`` builds the person, place and source context and their pages; ``exports``
writes timeline.json, TimelineJS, iCalendar, feeds and the embeddable widgets.
Enable with ``PLUGINS = ["timeline.pelican_plugin"]``.
"""

from . import exports, pages


def register() -> None:
    pages.register()
    exports.register()
