"""Incremental regeneration (issue 4, "Fast"): after each kind of change, the output folder is,
file for file and byte for byte, what a full Pelican build into an empty folder gives; and
only the outputs the change reaches were written."""

from __future__ import annotations

import re
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

from timeline import record_free_settings as _  # noqa: F401  (placeholder, replaced below)
