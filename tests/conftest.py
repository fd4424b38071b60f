"""Shared test settings.

Widget callbacks: ipywidgets runs click and observe handlers through a
``CallbackDispatcher`` that only logs an exception and carries on, so a crash
inside a handler would pass a headless test unseen.  Every test here runs with
a dispatcher that lets the exception through, so such a crash fails the test.

Unexpected errors: every test runs with ``STRICT`` on (the ``strict_views`` fixture), so the views' one
error guard raises them instead of showing them.

Dates: no test may depend on today's date or the machine's zone.  Tests that
would take the ``frozen`` fixture, which runs them at each of ``moments.MOMENTS``.
"""

from zoneinfo import ZoneInfo

import ipywidgets
import pytest
import time_machine
from moments import IDS, INSTANTS

from followup_kit.place import NOW_ENV
from followup_kit.widgets import _common


def _dispatch_and_raise(dispatcher, *args, **kwargs):
    value = None
    for callback in dispatcher.callbacks:
        returned = callback(*args, **kwargs)
        value = returned if returned is not None else value
    return value


@pytest.fixture(autouse=True)
def callbacks_raise(monkeypatch):
    monkeypatch.setattr(ipywidgets.widgets.widget.CallbackDispatcher, "__call__", _dispatch_and_raise)


@pytest.fixture(autouse=True)
def strict_views(monkeypatch):
    """A bug in a view's callback fails the test instead of hiding in a status line: ``_common.STRICT``
    makes the one error guard raise what it would show as "Something unexpected went wrong" (a test of
    that message switches it off again)."""
    monkeypatch.setattr(_common, "STRICT", True)


@pytest.fixture(params=INSTANTS, ids=IDS)
def frozen(request, monkeypatch):
    """The clock stopped at one of ``moments.MOMENTS``, on a server whose zone is UTC (as on Binder).

    Yields the moment (aware, UTC).  ``FOLLOWUP_KIT_NOW`` is removed, so the kit reads this clock.
    """
    monkeypatch.delenv(NOW_ENV, raising=False)
    moment = request.param.astimezone(ZoneInfo("UTC"))
    with time_machine.travel(moment, tick=False):
        yield moment
