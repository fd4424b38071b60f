"""Shared test settings.

Widget callbacks: ipywidgets runs click and observe handlers through a
``CallbackDispatcher`` that only logs an exception and carries on, so a crash
inside a handler would pass a headless test unseen.  Every test here runs with
a dispatcher that lets the exception through, so such a crash fails the test.
"""

import ipywidgets
import pytest


def _dispatch_and_raise(dispatcher, *args, **kwargs):
    value = None
    for callback in dispatcher.callbacks:
        returned = callback(*args, **kwargs)
        value = returned if returned is not None else value
    return value


@pytest.fixture(autouse=True)
def callbacks_raise(monkeypatch):
    monkeypatch.setattr(ipywidgets.widgets.widget.CallbackDispatcher, "__call__", _dispatch_and_raise)
