"""The coach's projector page: the cohort view or the dashboard, large enough for the back of the room.

It composes the two views the kit already has (``widgets.cohort.CohortView`` and
``widgets.dashboard.DashboardView``) and shows one at a time, so every chart is
on the page once.  Body text is at least ``BODY_PX`` (20 px), ``LARGE_PX`` with
**Large text** on; charts are drawn with the kit's large sizes (tick labels 16 pt,
about 22 px at the charts' 100 dpi), each narrower than 1280 px and shorter than
720 px.  Nothing here is for learners: no instructions, no export button.  The dashboard is built
the first time it is shown (``dashboard``), so the page opens on the cohort without drawing five
charts nobody sees yet; its charts are stacked (``DashboardView(tabs=False)``), all in view at once.
The cohort's six charts sit in tabs (``CohortView``), the open tab's drawn at page load and each other
one when its tab is opened; the tabs carry the page's text size, whole words.

``notebooks/91_coach_projector.ipynb`` builds it; Voilà serves that notebook with
the ``fk-projector`` template (``share/jupyter/voila/templates/fk-projector``),
which hides markdown and serves Voilà's icons from Voilà itself, not a CDN.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ipywidgets as widgets

from ._common import labelled, shown_in

__all__ = ["BODY_PX", "CSS_CLASSES", "LARGE_PX", "ProjectorView", "projector"]

#: Body text size on the projector, and with Large text on (px, as the browser renders them).
BODY_PX, LARGE_PX = 20, 28

CSS_CLASSES = {
    "fk-projector": "VBox (the whole page)",
    "fk-projector-xl": "class on fk-projector while Large text is on",
    "fk-projector-show": "ToggleButtons 'Show' (Cohort / Dashboard)",
    "fk-projector-large": "Checkbox 'Large text'",
}


def _style(px: int, large_px: int) -> str:
    """CSS scoped to the page: widget and content fonts follow one size, tables too."""
    rule = (
        "{{font-size:{px}px;line-height:1.4;--jp-widgets-font-size:{px}px;--jp-ui-font-size1:{px}px;"
        "--jp-content-font-size1:{px}px;--jp-widgets-inline-height:{h}px;"
        "--jp-widgets-horizontal-tab-height:{h}px;--jp-widgets-inline-label-width:auto}}"
    )
    return (
        "<style>"
        f".fk-projector{rule.format(px=px, h=round(px * 1.8))}"
        f".fk-projector.fk-projector-xl{rule.format(px=large_px, h=round(large_px * 1.8))}"
        ".fk-projector .widget-html-content,.fk-projector .widget-label,.fk-projector label,"
        ".fk-projector button,.fk-projector input,.fk-projector select,.fk-projector .fk-grid,"
        ".fk-projector .fk-status{font-size:inherit;line-height:1.4}"
        ".fk-projector .widget-html-content{white-space:normal}"
        ".fk-projector h2{font-size:1.5em;margin:0.2em 0}"
        ".fk-projector .widget-toggle-buttons .widget-toggle-button{width:auto;padding:0 1em}"
        # the cohort's chart tabs: whole words at the page's size, wrapping onto a second row if need be
        ".fk-projector .lm-TabBar-content{flex-wrap:wrap}"
        ".fk-projector .lm-TabBar .lm-TabBar-tab{flex:0 0 auto;max-width:none;font-size:inherit}"
        "</style>"
    )


class ProjectorView(widgets.VBox):
    """A heading, Show (Cohort / Dashboard), Large text, and the one view chosen."""

    def __init__(
        self,
        cohort_folder: str | Path | None = None,
        log_or_frames: Any = None,
        *,
        title: str = "Follow-up after the interview: our cohort",
    ) -> None:
        from .cohort import CohortView

        self.cohort = CohortView(cohort_folder, large=True)
        self._log_or_frames = log_or_frames
        self._dashboard: Any = None
        self.style = widgets.HTML(_style(BODY_PX, LARGE_PX))
        heading = widgets.HTML()
        heading.value = f"<h2>{_escape(title)}</h2>"
        self.show = labelled(
            widgets.ToggleButtons(options=["Cohort", "Dashboard"], value="Cohort", description="Show"),
            "fk-projector-show",
        )
        self.large = labelled(widgets.Checkbox(value=False, description="Large text", indent=False),
                              "fk-projector-large")  # fmt: skip
        row = widgets.Layout(flex_flow="row wrap", grid_gap="1.5em", align_items="center")
        bar = widgets.HBox([self.show, self.large], layout=row)
        self.body = widgets.VBox([self.cohort])
        self.show.observe(self._switch, names="value")
        self.large.observe(self._large, names="value")
        super().__init__([self.style, heading, bar, self.body])
        self.add_class("fk-projector")

    @property
    def dashboard(self) -> Any:
        """The dashboard of the sample (or the log given), built the first time it is asked for."""
        if self._dashboard is None:
            from .dashboard import DashboardView

            interviews, followups, source, owner = _dashboard_data(self._log_or_frames)
            self._dashboard = DashboardView(interviews, followups, source=source, large=True, owner=owner,
                                            tabs=False)  # fmt: skip
            self._dashboard.large.layout.display = "none"  # the projector's own switch is above
        return self._dashboard

    def _switch(self, change: dict[str, Any]) -> None:
        if change["new"] == "Cohort":
            self.body.children = (self.cohort,)
            return
        said = widgets.HTML()
        with shown_in(said, prefix="The dashboard could not be shown: ", also=(OSError,)) as guard:
            self.body.children = (self.dashboard,)
        if guard.failed:  # the sample or the log could not be read: say so, no traceback
            self.body.children = (said,)

    def _large(self, change: dict[str, Any]) -> None:
        if change["new"]:
            self.add_class("fk-projector-xl")
        else:
            self.remove_class("fk-projector-xl")

    @property
    def body_px(self) -> int:
        """The body text size now (what the browser test measures)."""
        return LARGE_PX if self.large.value else BODY_PX


def _dashboard_data(log_or_frames: Any) -> tuple[Any, Any, str, str]:
    """The frames the dashboard shows, a line saying whose they are (no file paths on a projector), and
    the owner word for chart titles: the synthetic sample unless a log or frames are given."""
    from ..sample import SAMPLE_INTERVIEWS
    from ..store import open_sample_log

    if log_or_frames is None:
        log = open_sample_log()
        source = f"The synthetic sample: {SAMPLE_INTERVIEWS} made-up interviews, to walk the class through."
        return log.interviews(), log.followups(), source, "the sample's"
    if hasattr(log_or_frames, "interviews"):
        return log_or_frames.interviews(), log_or_frames.followups(), "", "this log's"
    interviews, followups = log_or_frames
    return interviews, followups, "", "these"


def _escape(text: str) -> str:
    import html

    return html.escape(text)


def projector(cohort_folder: str | Path | None = None, log_or_frames: Any = None) -> ProjectorView:
    """The projector page over the hand-in folder (``FOLLOWUP_KIT_HANDIN``) and the sample (or a log)."""
    return ProjectorView(cohort_folder, log_or_frames)
