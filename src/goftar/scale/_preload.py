"""Imported by the local engine's fork server: load the pipeline and its data once, before workers fork."""
from __future__ import annotations

from .engines import _warm
from ..settings import Settings

_warm(Settings())
