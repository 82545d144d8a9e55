"""Small rules for the sentences the course writes, shared by every module that writes them."""

from __future__ import annotations


def lower_first(text: str) -> str:
    """The text with its first letter in lower case, to carry on a sentence ('Leads ...' -> 'leads ...')."""
    return text[:1].lower() + text[1:]
