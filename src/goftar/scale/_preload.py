"""Imported by the local engine's fork server: load the pipeline and its data once, before workers fork.

``gc.freeze()`` then moves everything loaded so far out of the collector's reach: forked workers neither
spend time re-scanning the lexicons nor copy their pages on write just because the collector touched them.
"""
from __future__ import annotations

from ..settings import Settings
from .engines import _warm

_warm(Settings())  # also gc.freeze()s what it loaded
