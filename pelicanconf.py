"""Pelican settings for the timeline site (development build).

Entries under content/ are written by ``timeline ingest``: events are Pelican
articles (content/events), source articles are Pelican pages (content/sources).
The timeline plugin adds person, place and source pages, exports and embeds.
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
DIRECT_TEMPLATES = ["index"]
DEFAULT_PAGINATION = False
DELETE_OUTPUT_DIRECTORY = False

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
