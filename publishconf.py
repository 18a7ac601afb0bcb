"""Pelican settings for publishing: pelicanconf.py plus absolute URLs and feeds."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

# Set SITEURL to where the site is published, e.g. "https://example.org/story".
SITEURL = os.environ.get("TIMELINE_SITEURL", "")
RELATIVE_URLS = not SITEURL  # without a known address, links stay relative and work from anywhere
FEED_DOMAIN = SITEURL
DELETE_OUTPUT_DIRECTORY = True
