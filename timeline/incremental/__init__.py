"""Incremental regeneration: after a change to the entries, render and write only the outputs
it reaches, byte for byte as a full build would (see ``regenerate``)."""

from .regenerate import Result, regenerate

__all__ = ["Result", "regenerate"]
