"""The learner's calendar: country, region, time zone and working week, set once and kept beside the log.

``PlaceView(log=None)`` shows four labelled menus and a *Save my calendar* button.
It proposes the **browser's** time zone (read by ``BrowserZone``, a tiny
``anywidget`` that asks ``Intl.DateTimeFormat().resolvedOptions().timeZone``):
on Binder and on most hubs the server's clock runs in UTC, which is not where the
learner is.  From that zone it guesses the country (``place.country_for_zone``)
and the working week (``place.default_workweek``), and shows the guess for the
learner to confirm; nothing is saved until they press the button.  The record
itself (``place.Place``) and its file (``InterviewLog.save_place``) hold the
logic; this view only collects and shows it.
"""

from __future__ import annotations

import anywidget
import ipywidgets as widgets
import traitlets

from ..place import (
    WORKWEEKS,
    Place,
    countries,
    country_for_zone,
    country_name,
    default_workweek,
    machine_zone,
    subdivisions,
    zones,
)
from ..store import InterviewLog
from ._common import MEDIUM, STYLE, WIDE, button, guarded, labelled, shown_in, status_html

__all__ = ["CSS_CLASSES", "BrowserZone", "PlaceView"]

#: The stable CSS classes of the key widgets (class -> widget type), for browser tests.
CSS_CLASSES = {
    "fk-place-view": "VBox (the whole view)",
    "fk-browser-zone": "BrowserZone (one line: the browser's time zone)",
    "fk-country": "Dropdown 'Country'",
    "fk-subdivision": "Dropdown 'Region'",
    "fk-timezone": "Dropdown 'Time zone'",
    "fk-workweek": "Dropdown 'Working week'",
    "fk-place-save": "Button 'Save my calendar'",
    "fk-place-status": "HTML (what is saved, or what went wrong)",
}

_NO_COUNTRY = ("Not set (no public holidays skipped)", "")
_WHOLE_COUNTRY = ("The whole country (only nationwide holidays)", "")


class BrowserZone(anywidget.AnyWidget):
    """Reads the browser's IANA time zone into ``zone`` and says it in one line.

    The server's clock zone is not the learner's on Binder or a hub; the browser's is.
    """

    _esm = """
    function render({ model, el }) {
      let zone = "";
      try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (error) { zone = ""; }
      el.classList.add("fk-browser-zone");
      el.setAttribute("role", "status");
      el.textContent = zone
        ? `Your browser's time zone: ${zone}.`
        : "Your browser did not say its time zone; pick yours below.";
      if (zone && model.get("zone") !== zone) {
        model.set("zone", zone);
        model.save_changes();
      }
    }
    export default { render };
    """
    zone = traitlets.Unicode("").tag(sync=True)


class PlaceView(widgets.VBox):
    """Set the learner's country, region, time zone and working week (see the module doc)."""

    def __init__(self, log: InterviewLog | None = None) -> None:
        self.interview_log = log if log is not None else InterviewLog()
        self._filling = False
        self.browser = BrowserZone()
        self.browser.add_class("fk-browser-zone")
        self.country = labelled(
            widgets.Dropdown(options=[_NO_COUNTRY, *countries()], value="", description="Country",
                             style=STYLE, layout=WIDE),
            "fk-country",
        )
        self.subdivision = labelled(
            widgets.Dropdown(options=[_WHOLE_COUNTRY], value="", description="Region", style=STYLE,
                             layout=WIDE),
            "fk-subdivision",
        )
        self.timezone = labelled(
            widgets.Dropdown(options=list(zones()), value="UTC", description="Time zone", style=STYLE,
                             layout=WIDE),
            "fk-timezone",
        )
        self.workweek = labelled(
            widgets.Dropdown(options=list(WORKWEEKS), value="Mon–Fri", description="Working week",
                             style=STYLE, layout=MEDIUM),
            "fk-workweek",
        )
        self.save_button = button("Save my calendar", "fk-place-save", style="primary",
                                  tooltip="Keep these settings beside your log")
        self.hint = labelled(widgets.HTML(layout=WIDE), "fk-place-hint")
        self.status = labelled(widgets.HTML(layout=WIDE), "fk-place-status")

        self.country.observe(self._country_changed, names="value")
        self.subdivision.observe(lambda _change: self._hint(), names="value")
        self.browser.observe(self._browser_zone, names="zone")
        self.save_button.on_click(lambda _b: self.save())
        super().__init__([
            self.browser, self.country, self.subdivision, self.timezone, self.workweek,
            self.hint, widgets.HBox([self.save_button]), self.status,
        ])
        self.add_class("fk-place-view")
        self.saved = self._load()

    # -- reading ----------------------------------------------------------------------------------

    def _load(self) -> Place:
        saved = None
        with shown_in(self.status, " Choose below and save again.") as guard:
            saved = self.interview_log.place()
        if guard.failed or saved is None:  # the message stays; the menus offer the machine's zone
            self._fill(Place(timezone=machine_zone()))
            return Place()
        if saved.is_set:
            self._fill(saved)
            self.status.value = status_html("ok", "Saved. " + saved.notice())
        else:
            self._fill(Place(timezone=machine_zone()))
            self.status.value = status_html("info", saved.notice())
        return saved

    def _fill(self, place: Place) -> None:
        self._filling = True
        try:
            self.country.value = place.country or ""
            self._set_subdivisions(place.country)
            self.subdivision.value = place.subdivision or ""
            zone = place.timezone or "UTC"
            if zone not in self.timezone.options:
                self.timezone.options = [*self.timezone.options, zone]
            self.timezone.value = zone
            self.workweek.value = place.workweek
        finally:
            self._filling = False
        self._hint()

    def _set_subdivisions(self, country: str | None) -> None:
        self.subdivision.options = [_WHOLE_COUNTRY, *(subdivisions(country) if country else [])]
        self.subdivision.value = ""

    def _hint(self) -> None:
        code = self.country.value
        if code and len(self.subdivision.options) > 1 and not self.subdivision.value:
            example = " (England, Scotland, Wales and Northern Ireland differ)" if code == "GB" else ""
            self.hint.value = status_html(
                "info",
                f"Parts of {Place(country=code).region} keep public holidays of their own{example}: pick "
                "your region to skip those too.",
            )
        else:
            self.hint.value = ""

    # -- reacting ---------------------------------------------------------------------------------

    def _country_changed(self, change: dict) -> None:
        if self._filling:
            return
        self._set_subdivisions(change["new"] or None)
        self.workweek.value = default_workweek(change["new"] or None)
        self._hint()

    def _browser_zone(self, change: dict) -> None:
        """Propose the browser's zone and its country, unless the learner saved their own already."""
        zone = change["new"]
        if not zone or self.saved.is_set:
            return
        country = country_for_zone(zone)
        guess = Place(country=country, timezone=zone, workweek=default_workweek(country))
        self._fill(guess)
        where = f" and {country_name(country)} as your country" if country else ""
        self.status.value = status_html(
            "info",
            f"Suggested from your browser: {zone} as your time zone{where}. Check them, pick your region "
            "if you have one, and press Save my calendar.",
        )

    def place(self) -> Place:
        """The ``Place`` the menus show now (``ValidationError`` when they cannot make one)."""
        return Place(
            country=self.country.value or None,
            subdivision=self.subdivision.value or None,
            timezone=self.timezone.value or None,
            workweek=self.workweek.value,
        )

    @guarded("status", " Nothing was saved.", reload=None)
    def save(self) -> None:
        """Keep the menus' choice beside the learner's log; say what the plans will use."""
        chosen = self.place()
        self.interview_log.save_place(chosen)
        self.saved = chosen
        self.status.value = status_html("ok", "Saved. " + chosen.notice())
