"""HTTP API and right-to-left web app over an archive (``goftar serve``).  Nothing in the core imports it."""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
