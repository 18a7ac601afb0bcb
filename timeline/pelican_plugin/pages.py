"""The site's own pages: the timeline index and its sections, people, places, the source index;
and the views that Pelican's event and source pages render from.

Context phase (``all_generators_finalized``): read our entries behind Pelican's articles and
pages, build the site model (``timeline.site_model``) and attach each view to its content
object as ``.timeline``.  Output phase: ``TimelinePages`` renders the listing pages; Pelican
renders the event and source pages itself, from those attached views only.
"""

from __future__ import annotations

from markupsafe import Markup, escape
from pelican import signals
from pelican.contents import Content
from pelican.generators import ArticlesGenerator, Generator, PagesGenerator
from pelican.writers import Writer

from ..model import STATUSES
from ..site_model import Layout, Site, build_model, listing_pages
from .content import SOURCE_TEMPLATE, read_event, read_source
from .render import write_pages

CONTEXT_KEY = "timeline_site"


def register() -> None:
    signals.article_generator_context.connect(publish_events)
    signals.all_generators_finalized.connect(attach_views)
    signals.get_generators.connect(_generators)


def publish_events(_generator: object, metadata: dict) -> None:
    """An event's Status (happened | planned) is ours, not Pelican's publication status, which
    would skip the article: every event entry is published."""
    if metadata.get("status") in STATUSES:
        metadata["status"] = "published"


def attach_views(generators: list[Generator]) -> None:
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    pages = next(g for g in generators if isinstance(g, PagesGenerator))
    events = [(article, read_event(article.source_path)) for article in articles.articles]
    sources = [
        (page, read_source(page.source_path))
        for page in (*pages.pages, *pages.hidden_pages)
        if page.template == SOURCE_TEMPLATE
    ]
    site = build_model(
        (e for _, e in events), (s for _, s in sources), Layout.from_settings(articles.settings)
    )
    event_views = {view.slug: view for view in site.events}
    source_views = {view.slug: view for view in site.sources}
    for article, event in events:
        article.timeline = event_views[event.slug]
        as_text(article, event.title, event.summary)
    for page, source in sources:
        page.timeline = source_views[source.slug]
        as_text(page, source.title, "")
    articles.context[CONTEXT_KEY] = site


def as_text(content: Content, title: str, summary: str) -> None:
    """Pelican treats a title, a summary and a body as HTML, and its Atom feed prints them so.
    Ours are plain text: give Pelican their escaped form, so that nothing a hand edit puts
    into an entry's body or metadata can reach the feed as markup."""
    content.title = str(escape(title))
    body = str(Markup("<p>{}</p>").format(summary)) if summary else ""
    content._content = body
    content._summary = body
    content.metadata["summary"] = body


class TimelinePages(Generator):
    """Writes the pages the plugin adds; the model was built once all contexts were ready."""

    def generate_output(self, writer: Writer) -> None:
        site: Site = self.context[CONTEXT_KEY]
        write_pages(
            listing_pages(site), writer, self.get_template, self.context, self.settings["RELATIVE_URLS"]
        )


def _generators(_pelican: object) -> type[Generator]:
    return TimelinePages
