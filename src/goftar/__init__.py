"""goftar (گفتار): who said what, to whom, where and when, in Persian news reports.

Public API::

    from goftar import read_text, read_path, repair, record, Document, Span, Settings
"""
import logging

from .api import read_document, read_path, read_text, record, repair
from .model import Document, Span
from .offsets import Edit, OffsetError, OffsetMap
from .settings import Settings

__all__ = ["Document", "Edit", "OffsetError", "OffsetMap", "Settings", "Span",
           "read_document", "read_path", "read_text", "record", "repair"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
