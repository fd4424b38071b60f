"""Test helpers for headless widget tests, in one place: walk a view's widget tree, list its CSS hooks,
and read a status line as the learner does."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any


def walk(widget: Any) -> Iterator[Any]:
    """``widget`` and every widget inside it, depth first."""
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def classes(root: Any) -> dict[str, list[str]]:
    """CSS class -> the type names of the widgets under ``root`` that carry it."""
    found: dict[str, list[str]] = {}
    for widget in walk(root):
        for css in widget._dom_classes:
            found.setdefault(css, []).append(type(widget).__name__)
    return found


def text(widget: Any) -> str:
    """What the learner reads in an HTML widget: tags dropped, entities undone, runs of spaces made one."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", widget.value)).split())
