"""timeline: news articles in, a linked static timeline site out.

The pipeline, one module a step: sources → temporal → events → merge → store →
pelican_plugin (with exports) → theme.
"""

__version__ = "0.1.0"
