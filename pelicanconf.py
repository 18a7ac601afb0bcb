"""Pelican settings for the timeline site (development build).

Entries under content/ are written by ``timeline ingest``: events are Pelican
articles (content/events), source articles are Pelican pages (content/sources).
The timeline plugin adds the timeline index and its month pages, person and place
pages, the source index, exports and embeds; every page renders from the plugin's
view models (timeline/site_model.py).
"""

AUTHOR = "Timeline"
SITENAME = "Timeline"
SITESUBTITLE = "The story, event by event"
SITEURL = ""
RELATIVE_URLS = True

PATH = "content"
ARTICLE_PATHS = ["events"]
PAGE_PATHS = ["sources"]
STATIC_PATHS: list[str] = []
IGNORE_FILES = [".#*", ".timeline"]  # content/.timeline/ is the store's bookkeeping
THEME = "theme"
PLUGINS = ["timeline.pelican_plugin"]

TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%d %B %Y"

ARTICLE_URL = ARTICLE_SAVE_AS = "events/{slug}.html"
PAGE_URL = PAGE_SAVE_AS = "sources/{slug}.html"
# People and places get their own pages from the plugin; Pelican's own taxonomies are off.
TAG_SAVE_AS = TAGS_SAVE_AS = CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
# The plugin writes index.html (the timeline) from its view models, like every page it adds.
DIRECT_TEMPLATES: list[str] = []
DEFAULT_PAGINATION = False
DELETE_OUTPUT_DIRECTORY = False

# Pages the plugin adds (URL = where the file is saved); the theme links to them by these names.
TIMELINE_INDEX_URL = "index.html"
TIMELINE_PERSON_URL = "people/{slug}.html"
TIMELINE_PLACE_URL = "places/{slug}.html"
TIMELINE_SECTION_URL = "timeline/{key}.html"  # a month (2025-05) or a coarser period (2025-q2, 2024)
TIMELINE_PEOPLE_URL = "people/index.html"
TIMELINE_PLACES_URL = "places/index.html"
TIMELINE_SOURCES_URL = "sources/index.html"
TIMELINE_RECENT_SECTIONS = 12  # months shown in full on the index; all are in its contents
TIMELINE_EMBED_LIMIT = 200  # events an embed lists, the most recent; 0: all

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Text from articles must never become markup.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

# Regeneration: hash-based change detection (mtimes lie in fresh checkouts).
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "md5"
CACHE_PATH = "cache"
