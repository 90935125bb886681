"""Errors with a one-line reason for the user."""
from __future__ import annotations


class GoftarError(Exception):
    """Base class: the message is shown to the user as is."""

    exit_code = 1


class InputError(GoftarError, ValueError):
    """The input cannot be read or understood."""

    exit_code = 2
