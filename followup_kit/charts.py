"""The five dashboard charts, drawn from ``metrics`` with matplotlib.

Every chart function takes the ``interviews()`` and ``followups()`` frames and
returns a ``matplotlib.figure.Figure`` built directly (never through pyplot),
so nothing global is touched, no figure is left open in pyplot's registry and
the learner's own figures are never closed.  matplotlib is imported inside the
functions, so ``import followup_kit`` stays cheap.

Each figure:

* has a title that states the finding with its real number (``fig.get_suptitle()``);
* has axis labels with units and uses the Okabe-Ito colour-blind-safe palette;
* carries a one-sentence description for screen readers in ``fig.alt_text``
  (read it with ``alt_text(fig)``); ``to_html(fig)`` and ``show(fig)`` render
  the PNG as ``<img alt="...">`` so a screen reader hears it in JupyterLab and
  in Voila;
* takes ``large=True`` for a projector (bigger type, thicker lines, bigger figure);
* draws a friendly message instead of failing when there is no data yet.

``owner`` sets whose data the titles talk about: ``"your"`` for a learner,
``"the cohort's"`` for a coach.
"""

from __future__ import annotations

import base64
import contextlib
import gc
import html
import io
import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from . import metrics
from .sources import cite
from .wording import plural

__all__ = [
    "CHART_INPUTS",
    "DASHBOARD_CHARTS",
    "HISTOGRAM_MAX_HOURS",
    "NO_DATA_MESSAGE",
    "NO_DATA_TITLE",
    "OKABE_ITO",
    "RULE_CAPTION",
    "ChartView",
    "Renderer",
    "alt_text",
    "dashboard_charts",
    "funnel_chart",
    "input_digest",
    "outcome_chart",
    "response_rate_chart",
    "response_time_chart",
    "show",
    "time_to_follow_up_chart",
    "to_html",
    "to_png",
    "young_garbage_collected",
]

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Okabe & Ito (2008) colours, distinguishable with every common colour-vision deficiency.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
}
_BUCKET_COLOURS = {
    metrics.WITHIN_24H: OKABE_ITO["bluish_green"],
    metrics.WITHIN_48H: OKABE_ITO["orange"],
    metrics.LATER: OKABE_ITO["vermillion"],
    metrics.NONE: OKABE_ITO["grey"],
}
_OUTCOME_COLOURS = {
    "pending": OKABE_ITO["sky_blue"],
    "offer": OKABE_ITO["bluish_green"],
    "rejected": OKABE_ITO["vermillion"],
    "next_round": OKABE_ITO["blue"],
    "no_response": OKABE_ITO["grey"],
    "withdrawn": OKABE_ITO["reddish_purple"],
}
_CHANNEL_LABELS = {
    "email": "Email",
    "card": "Card",
    "call": "Call (answered)",
    "voicemail": "Voicemail",
    "text": "Text",
    "linkedin": "LinkedIn",
}
_OUTCOME_LABELS = {
    "pending": "still pending",
    "offer": "an offer",
    "rejected": "a rejection",
    "next_round": "another round",
    "no_response": "no response",
    "withdrawn": "withdrawn",
}
#: The 24-hour rule the histogram marks, and where it comes from.
RULE_CAPTION = f"24-hour rule: {cite(*metrics.THANK_YOU_SOURCES)}"
#: Hours shown on the histogram; later first thank-yous are stacked in the last bin.
HISTOGRAM_MAX_HOURS = 120
NO_DATA_TITLE = "No data yet"
NO_DATA_MESSAGE = "Nothing logged yet: log an interview and its follow-ups, and this chart fills in."


# -- figure plumbing ----------------------------------------------------------------------


def _sizes(large: bool) -> dict[str, float]:
    scale = 1.6 if large else 1.0
    return {
        "title": 13 * scale,
        "label": 11 * scale,
        "tick": 10 * scale,
        "note": 9 * scale,
        "line": 2.5 * scale,
        "width": 11.0 if large else 8.0,
        "height": 6.2 if large else 4.4,
    }


def _figure(
    large: bool, ncols: int = 1, caption: bool = False, height: float = 1.0
) -> tuple[Figure, list[Any], dict]:
    """A pyplot-free Figure with constrained layout, room for a caption when asked, and its axes."""
    from matplotlib.figure import Figure
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    size = _sizes(large)
    fig = Figure(figsize=(size["width"], size["height"] * height), dpi=100)
    bottom = 0.13 if caption else 0.0  # room for a caption of three lines
    fig.set_layout_engine(ConstrainedLayoutEngine(rect=(0.0, bottom, 1.0, 1.0 - bottom)))
    axes = [fig.add_subplot(1, ncols, i + 1) for i in range(ncols)]
    for ax in axes:
        ax.tick_params(labelsize=size["tick"])
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    return fig, axes, size


def _finish(fig: Figure, title: str, alt: str, size: dict, caption: str | None = None) -> Figure:
    fig.suptitle(title, fontsize=size["title"], fontweight="bold", wrap=True)
    if caption:
        fig.text(0.01, 0.015, caption, fontsize=size["note"], ha="left", va="bottom", wrap=True)
    fig.alt_text = alt
    return fig


def _no_data(large: bool, what: str) -> Figure:
    fig, (ax,), size = _figure(large, height=0.5)
    ax.set_axis_off()
    ax.text(0.5, 0.5, NO_DATA_MESSAGE, ha="center", va="center", fontsize=size["label"],
            transform=ax.transAxes, wrap=True)  # fmt: skip
    alt = f"No data yet: the {what} chart appears once interviews are logged."
    return _finish(fig, f"{what[0].upper() + what[1:]}: {NO_DATA_TITLE.lower()}", alt, size)


def _pct(share: float) -> str:
    return f"{share:.0%}"


def _duration(hours: float) -> str:
    """3 min, 8 h, 5 d: a reply time in the unit a person would say."""
    if hours < 1:
        return f"{max(hours * 60, 1):.0f} min"
    if hours < 48:
        return f"{hours:.0f} h"
    return f"{hours / 24:.0f} d"


def _count_share(counts, shares) -> list[str]:
    return [f"{n:,} ({s:.0%})" for n, s in zip(counts, shares, strict=True)]


def _whole_numbers(axis: Any) -> None:
    """Counts get whole-number ticks only: a log of 2 interviews shows 0, 1, 2, never 0.5."""
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def _bar_labels(ax, bars, labels: list[str], size: dict) -> None:
    ax.bar_label(bars, labels=labels, padding=4, fontsize=size["note"])


# -- the charts ----------------------------------------------------------------------------


def _rate_panel(ax: Any, rows: Any, labels: list[str], colour: Any, size: dict, *,
                xlabel: str, ylabel: str, title: str) -> None:
    """One panel of reply rates as horizontal bars, each labelled "42% of 12"."""
    bars = ax.barh(labels, rows["rate"] * 100, color=colour)
    counts = zip(rows["rate"], rows["count"], strict=True)
    _bar_labels(ax, bars, [f"{rate:.0%} of {count:,}" for rate, count in counts], size)
    ax.set_xlim(0, 130)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xlabel(xlabel, fontsize=size["label"])
    ax.set_ylabel(ylabel, fontsize=size["label"])
    ax.set_title(title, fontsize=size["label"])


def response_rate_chart(
    interviews: pd.DataFrame, followups: pd.DataFrame, *, large: bool = False, owner: str = "your"
) -> Figure:
    """Replies by channel (per follow-up) and by thank-you timing (per interview), with counts."""
    by_channel = metrics.response_rates(interviews, followups, "channel")
    by_timing = metrics.response_rates(interviews, followups, "timing")
    if by_channel.empty:
        return _no_data(large, "response rate")
    fig, (left, right), size = _figure(large, ncols=2, caption=True)

    rows = by_channel.iloc[::-1]
    _rate_panel(left, rows, [_CHANNEL_LABELS.get(c, c) for c in rows["channel"]], OKABE_ITO["blue"], size,
                xlabel="Got a reply\n(% of follow-ups)", ylabel="Channel",
                title="By channel\n(per follow-up)")
    rows = by_timing.iloc[::-1]
    _rate_panel(right, rows, list(rows["timing"]),
                [_BUCKET_COLOURS.get(b, OKABE_ITO["grey"]) for b in rows["timing"]], size,
                xlabel="Got any reply\n(% of interviews)", ylabel="First thank-you sent",
                title="By first thank-you\n(per interview)")

    enough = by_channel[by_channel["count"] >= metrics.MIN_COMPARE]
    pool = enough if len(enough) else by_channel
    best = pool.sort_values("rate", ascending=False, kind="stable").iloc[0]
    title = (
        f"{owner} {metrics.channel_noun(best['channel'])} got replies most often: "
        f"{_pct(best['rate'])} of {int(best['count']):,}"
    )
    title = title[0].upper() + title[1:]
    channel_part = ", ".join(
        f"{c} {r:.0%} of {n:,}" for c, r, n in zip(by_channel["channel"], by_channel["rate"],
                                                  by_channel["count"], strict=True)
    )  # fmt: skip
    timing_part = ", ".join(
        f"{b} {r:.0%} of {n:,}" for b, r, n in zip(by_timing["timing"], by_timing["rate"],
                                                  by_timing["count"], strict=True)
    )  # fmt: skip
    alt = (
        f"Bar charts of the share that got a reply: by channel, {channel_part}; "
        f"by first thank-you timing, {timing_part}."
    )
    caption = f"Timing: each interview in the bucket of its first thank-you. {RULE_CAPTION}."
    return _finish(fig, title, alt, size, caption=caption)


def time_to_follow_up_chart(
    interviews: pd.DataFrame, followups: pd.DataFrame, *, large: bool = False, owner: str = "your"
) -> Figure:
    """Histogram of hours to each interview's first thank-you, with the 24-hour line and the share inside.

    The share is of all interviews: those with no thank-you count as outside
    the 24 hours (they are not in the histogram; the caption says how many).
    """
    table = metrics.time_to_follow_up(interviews, followups)
    if table.empty:
        return _no_data(large, "time to follow up")
    hours = table["hours"].to_numpy(dtype=float)
    sent = hours[~np.isnan(hours)]
    total, missing = len(hours), int(np.isnan(hours).sum())
    inside = int(np.count_nonzero(sent <= metrics.THANK_YOU_HOURS))
    share = inside / total
    fig, (ax,), size = _figure(large, caption=True)
    edges = np.arange(0, HISTOGRAM_MAX_HOURS + 7, 6)
    counts, _ = np.histogram(np.minimum(sent, HISTOGRAM_MAX_HOURS + 1), bins=edges)
    colours = [OKABE_ITO["bluish_green"] if e < metrics.THANK_YOU_HOURS else OKABE_ITO["orange"]
               for e in edges[:-1]]  # fmt: skip
    ax.bar(edges[:-1], counts, width=6, align="edge", color=colours, edgecolor="white",
           linewidth=size["line"] / 3)  # fmt: skip
    ax.axvline(metrics.THANK_YOU_HOURS, color=OKABE_ITO["black"], linestyle="--", linewidth=size["line"])
    ax.annotate(
        f"24 h: {_pct(share)} inside\n({inside:,} of {plural(total, 'interview')})",
        xy=(metrics.THANK_YOU_HOURS, 1.0), xycoords=("data", "axes fraction"),
        xytext=(8, -4), textcoords="offset points", ha="left", va="top", fontsize=size["note"],
    )  # fmt: skip
    ticks = list(range(0, HISTOGRAM_MAX_HOURS, 24))
    ax.set_xticks(ticks + [HISTOGRAM_MAX_HOURS + 3], [str(t) for t in ticks] + [f"{HISTOGRAM_MAX_HOURS}+"])
    ax.set_xlim(0, HISTOGRAM_MAX_HOURS + 6)
    ax.set_xlabel("Hours from interview to first thank-you", fontsize=size["label"])
    ax.set_ylabel("Interviews", fontsize=size["label"])
    _whole_numbers(ax.yaxis)
    ax.set_ylim(0, max(int(counts.max()), 1) * 1.15)  # counts: never below 0, even with none sent
    title = f"{_pct(share)} of {owner} interviews got a thank-you within 24 h"
    none = (f"; {plural(missing, 'interview')} with no thank-you {'is' if missing == 1 else 'are'} not shown"
            if missing else "")
    caption = f"Each interview counted once, by its first thank-you{none}. {RULE_CAPTION}."
    median = f", median {np.median(sent):.0f} h" if len(sent) else ""
    alt = (
        f"Histogram of hours to the first thank-you for {plural(total, 'interview')}{median}: {inside:,} "
        f"({_pct(share)}) within the marked 24-hour line, {len(sent) - inside:,} later and "
        f"{missing:,} with none ({RULE_CAPTION})."
    )
    return _finish(fig, title, alt, size, caption=caption)


def funnel_chart(
    interviews: pd.DataFrame, followups: pd.DataFrame, *, large: bool = False, owner: str = "your"
) -> Figure:
    """Interviews reaching each stage: thank-you within 24 h, status check, any reply, offer."""
    table = metrics.funnel(interviews, followups)
    total = int(table["interviews"].iloc[0])
    if total == 0:
        return _no_data(large, "funnel")
    fig, (ax,), size = _figure(large, caption=True)
    rows = table.iloc[::-1]
    colours = [OKABE_ITO["bluish_green"] if s == "offer" else OKABE_ITO["sky_blue"] for s in rows["stage"]]
    labels = [s[0].upper() + s[1:] for s in rows["stage"]]
    bars = ax.barh(labels, rows["interviews"], color=colours)
    _bar_labels(ax, bars, _count_share(rows["interviews"], rows["share"]), size)
    ax.set_xlim(0, total * 1.25)
    _whole_numbers(ax.xaxis)
    ax.set_xlabel("Interviews (each counted once per stage)", fontsize=size["label"])
    ax.set_ylabel("Stage", fontsize=size["label"])
    counts = dict(zip(table["stage"], table["interviews"], strict=True))
    offers, replies = int(counts["offer"]), int(counts["any response"])
    title = f"{offers:,} of {owner} {plural(total, 'interview')} ({_pct(offers / total)}) ended in an offer"
    alt = "Funnel of interviews: " + ", ".join(
        f"{s} {n:,} ({sh:.0%})" for s, n, sh in zip(table["stage"], table["interviews"], table["share"],
                                                   strict=True)
    ) + f"; {plural(replies, 'interview')} got a reply."  # fmt: skip
    caption = f"Each stage counted on its own, as a share of all interviews. {RULE_CAPTION}."
    return _finish(fig, title, alt, size, caption=caption)


def response_time_chart(
    interviews: pd.DataFrame, followups: pd.DataFrame, *, large: bool = False, owner: str = "your"
) -> Figure:
    """Median time from a follow-up to its reply, by channel (answered follow-ups only, log scale)."""
    answered = metrics.time_to_response(interviews, followups)
    if answered.empty:
        return _no_data(large, "time to response")
    summary = metrics.response_time_summary(interviews, followups, "channel")
    fig, (ax,), size = _figure(large)
    rows = summary.iloc[::-1]
    bars = ax.barh([_CHANNEL_LABELS.get(c, c) for c in rows["channel"]],
                   np.maximum(rows["median_hours"], 1 / 60), color=OKABE_ITO["reddish_purple"])  # fmt: skip
    _bar_labels(ax, bars, [f"{_duration(m)} ({plural(int(n), 'reply')})"
                           for m, n in zip(rows["median_hours"], rows["responses"], strict=True)],
                size)  # fmt: skip
    ax.set_xscale("log")
    top = max(float(summary["median_hours"].max()), 1.0)
    ax.set_xlim(1 / 60, top * 20)
    ticks = [t for t in (1 / 60, 1, 24, 24 * 7, 24 * 30) if t <= top * 20]
    ax.set_xticks(ticks, [{1 / 60: "1 min", 1: "1 h", 24: "1 day", 24 * 7: "1 week", 24 * 30: "30 days"}[t]
                          for t in ticks])  # fmt: skip
    ax.minorticks_off()
    ax.set_xlabel("Median time from follow-up to reply (log scale)", fontsize=size["label"])
    ax.set_ylabel("Channel", fontsize=size["label"])
    median = float(answered["hours"].median())
    title = (
        f"Replies came a median of {_duration(median)} after {owner} follow-ups "
        f"({plural(len(answered), 'reply')})"
    )
    alt = f"Bar chart of median time to a reply by channel, overall {_duration(median)}: " + ", ".join(
        f"{c} {_duration(m)} over {plural(int(n), 'reply')}"
        for c, m, n in zip(summary["channel"], summary["median_hours"], summary["responses"], strict=True)
    ) + "."  # fmt: skip
    return _finish(fig, title, alt, size)


def outcome_chart(
    interviews: pd.DataFrame,
    followups: pd.DataFrame | None = None,
    *,
    large: bool = False,
    owner: str = "your",
) -> Figure:
    """How hiring processes ended, every outcome shown, with counts and shares: each process once, by
    its latest round (``metrics.outcome_mix``), so a second round is not a separate result."""
    table = metrics.outcome_mix(interviews, followups)
    total = int(table["processes"].sum())
    if total == 0:
        return _no_data(large, "outcome")
    rounds = total != int(table["interviews"].sum())
    table = table[(table["outcome"] != "next_round") | (table["processes"] > 0)]
    noun = ("hiring process", "hiring processes") if rounds else ("interview", None)
    fig, (ax,), size = _figure(large)
    rows = table.iloc[::-1]
    labels = [_OUTCOME_LABELS.get(o, o).capitalize() for o in rows["outcome"]]
    bars = ax.barh(labels, rows["processes"],
                   color=[_OUTCOME_COLOURS.get(o, OKABE_ITO["grey"]) for o in rows["outcome"]])  # fmt: skip
    _bar_labels(ax, bars, _count_share(rows["processes"], rows["process_share"]), size)
    ax.set_xlim(0, table["processes"].max() * 1.3)
    _whole_numbers(ax.xaxis)
    ax.set_xlabel("Hiring processes (each once, by its latest round)" if rounds else "Interviews",
                  fontsize=size["label"])
    ax.set_ylabel("Outcome", fontsize=size["label"])
    top = table.sort_values("processes", ascending=False, kind="stable").iloc[0]
    title = (
        f"Most common outcome: {_OUTCOME_LABELS.get(top['outcome'], top['outcome'])}, "
        f"{int(top['processes']):,} of {owner} {plural(total, *noun)} ({_pct(top['process_share'])})"
    )
    parts = _count_share(table["processes"], table["process_share"])
    alt = f"Bar chart of outcomes for {plural(total, *noun)}: " + ", ".join(
        f"{_OUTCOME_LABELS.get(o, o)} {part}" for o, part in zip(table["outcome"], parts, strict=True)
    ) + "."  # fmt: skip
    return _finish(fig, title, alt, size)


#: The dashboard's charts, in the order a learner reads them.
DASHBOARD_CHARTS = (
    time_to_follow_up_chart,
    response_rate_chart,
    funnel_chart,
    response_time_chart,
    outcome_chart,
)


def dashboard_charts(
    interviews: pd.DataFrame, followups: pd.DataFrame, *, large: bool = False, owner: str = "your"
) -> list[Figure]:
    """All five dashboard charts for these frames, in reading order."""
    return [chart(interviews, followups, large=large, owner=owner) for chart in DASHBOARD_CHARTS]


#: The metric tables each dashboard chart is drawn from, and nothing else (with ``large`` and ``owner``).
CHART_INPUTS = {
    "time_to_follow_up_chart": lambda iv, fu: [metrics.time_to_follow_up(iv, fu)],
    "response_rate_chart": lambda iv, fu: [metrics.response_rates(iv, fu, "channel"),
                                           metrics.response_rates(iv, fu, "timing")],
    "funnel_chart": lambda iv, fu: [metrics.funnel(iv, fu)],
    "response_time_chart": lambda iv, fu: [metrics.time_to_response(iv, fu),
                                           metrics.response_time_summary(iv, fu, "channel")],
    "outcome_chart": lambda iv, fu: [metrics.outcome_mix(iv, fu)],
}


def input_digest(chart: Any, interviews: pd.DataFrame, followups: pd.DataFrame) -> int:
    """A fingerprint of the tables ``chart`` draws: equal digests draw equal charts, so a view may skip it.

    Call it inside ``metrics.computed_once()`` and the chart reuses the same tables when drawn."""
    parts: list[Any] = []
    for table in CHART_INPUTS[chart.__name__](interviews, followups):
        parts += [tuple(table.columns), table.shape,
                  int(pd.util.hash_pandas_object(table, index=False).sum()) if len(table) else 0]
    return hash(tuple(parts))


class Renderer:
    """Draws a view's charts to ``<figure>`` HTML, fast enough for a filter that changes often.

    A chart is drawn at its fixed size (``_sizes``), so its constrained layout only depends on
    the widest tick label on each axes' left and the length of its title.  The first figure of a
    kind lays out as usual; later ones of the same kind and layout key take that layout as is
    (``reuse_layout``).  Long texts (title, caption) that were drawn before get the same line breaks
    at once instead of matplotlib's word-by-word measuring again (``prewrap``): a caption hardly
    changes between selections.  PNGs use a light compression (``compress_level``): the image is a little
    larger and quicker to encode.  Every figure of one size is drawn on the same Agg canvas
    (``keep_canvas``), so matplotlib's renderer and its cache of text sizes (keyed by the renderer)
    carry over from one selection to the next: the same pixels as ``savefig``, a small saving (0.9-1.2x
    by chart, about 1.05x on the median, in ``benchmarks/bench_dashboard.py --alternatives`` on a
    loaded machine).  On that kept canvas, each text is rendered to glyph images once (``cache_text``,
    ``_TextImages``): tick labels, axis labels and captions come back at the next selection as the same
    glyphs at the same place, copied instead of laid out and rendered by FreeType again (matplotlib
    3.11 renders text glyph by glyph in Python, the largest part of a chart's draw).  The pixels are
    those of ``savefig`` (``tests/test_charts.py`` compares them).  ``charts.to_html`` stays the
    reference rendering.
    """

    def __init__(self, *, reuse_layout: bool = True, prewrap: bool = True, compress_level: int = 1,
                 keep_canvas: bool = True, cache_text: bool = True) -> None:
        self.reuse_layout = reuse_layout
        self.cache_text = cache_text and keep_canvas
        self.prewrap = prewrap
        self.compress_level = compress_level
        self.keep_canvas = keep_canvas
        #: One Agg canvas per figure size (inches and dpi): its renderer is reused by the next figure.
        self._canvases: dict[tuple, Any] = {}
        #: (chart name, layout key) -> positions of each axes and of the title.
        self._layouts: dict[tuple, tuple[list[Any], tuple[float, float] | None]] = {}
        #: Line breaks matplotlib chose for a wrapping text, by ``_wrap_key``.
        self._wraps: dict[tuple, str] = {}
        #: Widths in pixels of the words of wrapping texts, by word, font and dpi (``_break_lines``).
        self._word_widths: dict[tuple, float] = {}
        #: How many figures took a remembered layout, and how many were laid out anew.
        self.reused = self.laid_out = 0

    def html(self, fig: Figure, name: str = "") -> str:
        """The chart as ``to_html`` gives it, laid out once per kind and layout key."""
        wrapped, pending = self._known_wraps(fig) if self.prewrap else ([], [])
        try:
            title = fig._suptitle
            lines = None if title is None or title.get_wrap() else title.get_text().count("\n") + 1
            key = (name, *_layout_key(fig, lines)) if self.reuse_layout and lines is not None else None
            known = self._layouts.get(key) if key is not None else None
            if known is not None:
                positions, title_at = known
                fig.set_layout_engine(None)  # None, not "none": no layout dry run before the real draw
                for ax, position in zip(fig.axes, positions, strict=True):
                    ax.set_position(position)
                if title_at is not None and title is not None:
                    title.set_position(title_at)
                self.reused += 1
            page = _figure_html(fig, self._png(fig))
            for text, wrap_key in pending:  # matplotlib's own line breaks, measured in this draw
                self._wraps[wrap_key] = text._get_wrapped_text()
            if known is None:
                self.laid_out += 1
                if self.reuse_layout:
                    if lines is None:
                        drawn = self._wraps.get(_wrap_key(fig, title), "") if title is not None else ""
                        lines = drawn.count("\n") + 1
                    self._layouts[(name, *_layout_key(fig, lines))] = (
                        [ax.get_position(original=False).frozen() for ax in fig.axes],
                        title.get_position() if title is not None else None,
                    )
        finally:
            for text, original in wrapped:  # the figure keeps its own words (tests read get_suptitle)
                text.set_text(original)
                text.set_wrap(True)
        return page

    def _png(self, fig: Figure) -> bytes:
        """The figure as PNG, drawn on the kept canvas of its size (or through ``savefig`` without one)."""
        if not self.keep_canvas:
            return to_png(fig, pil_kwargs={"compress_level": self.compress_level})
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from PIL import Image

        size = (*fig.get_size_inches().round(3).tolist(), float(fig.dpi))
        canvas = self._canvases.get(size)
        if canvas is None:
            canvas = self._canvases[size] = FigureCanvasAgg(fig)
        else:
            canvas.figure = fig  # the next figure of this size: same canvas, same renderer
            fig.set_canvas(canvas)
        if self.cache_text:
            _TextImages.install(canvas.get_renderer())  # the renderer draw() takes, kept for this size
        canvas.draw()
        width, height = canvas.get_width_height(physical=True)
        image = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        buffer = io.BytesIO()
        image.save(buffer, format="png", compress_level=self.compress_level)
        return buffer.getvalue()

    def _known_wraps(self, fig: Figure) -> tuple[list[tuple[Any, str]], list[tuple[Any, tuple]]]:
        """Put the line breaks matplotlib chose before into the figure's wrapping texts (title, caption).

        Returns the texts changed, with their words, and those never wrapped before (with their keys):
        matplotlib measures those word by word in this draw, and ``html`` remembers the result."""
        if len(self._wraps) > 512:
            self._wraps.clear()
        wrapped, pending = [], []
        for text in [fig._suptitle, *fig.texts]:
            if text is None or not text.get_wrap():
                continue
            key = _wrap_key(fig, text)
            if key in self._wraps:
                wrapped.append((text, text.get_text()))
                text.set_text(self._wraps[key])
                text.set_wrap(False)
            elif "\n" not in text.get_text() and _one_line_fits(fig, text):  # one measurement, no breaks
                wrapped.append((text, text.get_text()))
                text.set_wrap(False)
            elif (lines := self._break_lines(fig, text)) is not None:  # matplotlib's breaks, found quicker
                self._wraps[key] = lines
                wrapped.append((text, text.get_text()))
                text.set_text(lines)
                text.set_wrap(False)
            else:
                pending.append((text, key))
        return wrapped, pending

    def _break_lines(self, fig: Figure, text: Any) -> str | None:
        """The line breaks matplotlib's wrapping would choose for ``text``, found with a few measurements.

        matplotlib measures the line word by word, each time the whole line so far (about a dozen
        layouts of a long caption, the largest cost of a chart whose caption holds a number).  Here
        each word is measured once (and remembered: captions share their words), the widths summed to
        guess where each line breaks, and the guess checked by measuring that line and the line one
        word longer, as matplotlib would: its breaks, or None when the check fails (matplotlib then
        wraps the text itself)."""
        if text.get_rotation() != 0 or text.get_usetex():
            return None
        measure = _line_width(fig, text)
        if measure is None:
            return None
        limit = text._get_wrap_line_width()
        words = self._word_widths
        if len(words) > 4096:
            words.clear()
        font_key = (hash(text.get_fontproperties()), fig.dpi)

        def guess(parts: list[str]) -> float:
            for part in parts:
                if (part, *font_key) not in words:
                    words[(part, *font_key)] = measure(part)
            if (" ", *font_key) not in words:
                words[(" ", *font_key)] = measure("a a") - measure("aa")
            space = words[(" ", *font_key)]
            return sum(words[(part, *font_key)] for part in parts) + space * (len(parts) - 1)

        lines: list[str] = []
        for paragraph in text.get_text().split("\n"):
            rest = paragraph.split(" ")
            while len(rest) > 1:
                count = 2  # matplotlib keeps at least one word on a line
                while count <= len(rest) and guess(rest[:count]) <= limit:
                    count += 1
                # the check: the line of count - 1 words fits and count words (if there are) do not
                if count <= len(rest) and math.ceil(measure(" ".join(rest[:count]))) <= limit:
                    return None
                if count > 2 and math.ceil(measure(" ".join(rest[: count - 1]))) > limit:
                    return None
                lines.append(" ".join(rest[: count - 1]))
                rest = rest[count - 1 :]
            lines += rest
        return "\n".join(lines)


def _line_width(fig: Figure, text: Any) -> Any:
    """A function giving a string's width in pixels in ``text``'s font as Agg measures it (unrounded)."""
    from matplotlib.backends.backend_agg import get_hinting_flag
    from matplotlib.font_manager import fontManager, get_font

    finder = getattr(fontManager, "_find_fonts_by_props", None)
    if finder is None:
        return None
    prop = text.get_fontproperties()
    font = get_font(finder(prop))
    size, dpi, flags = prop.get_size_in_points(), fig.dpi, get_hinting_flag()

    def width(line: str) -> float:
        font.clear()
        font.set_size(size, dpi)
        font.set_text(line, 0.0, flags=flags)
        return font.get_width_height()[0] / 64.0

    return width


class _TextImages:
    """A renderer's ``draw_text`` that keeps the glyph images of each text it drew, to copy them next time.

    matplotlib's Agg renderer lays a text out (HarfBuzz) and renders it glyph by glyph through FreeType
    on every draw.  The glyphs of a text depend on its string, font, size, angle, hinting and where its
    origin falls inside a pixel, not on the whole pixel it starts at; so they are kept by those, with
    their places relative to that pixel, and a text drawn again (a tick label, an axis label, a caption
    after a filter change) is the same glyph images copied to the same places: the same pixels.
    Mathtext goes the usual way.  At most ``LIMIT`` texts are kept (then the store starts again).
    """

    LIMIT = 4096

    def __init__(self, renderer: Any) -> None:
        self.renderer = renderer
        self.original = renderer.draw_text
        self.glyphs: dict[tuple, list[tuple[Any, int, int]]] = {}
        self.hits = self.misses = 0

    @classmethod
    def install(cls, renderer: Any) -> _TextImages | None:
        """Put a text store on this Agg renderer (once); None where matplotlib draws text otherwise."""
        if isinstance(getattr(renderer, "draw_text", None), cls):
            return renderer.draw_text
        if not hasattr(renderer, "_draw_text_glyphs_and_boxes") or not hasattr(renderer, "_prepare_font"):
            return None  # another matplotlib: its own text drawing, unchanged
        store = renderer.draw_text = cls(renderer)
        return store

    def __call__(self, gc: Any, x: float, y: float, s: str, prop: Any, angle: float, ismath: Any = False,
                 mtext: Any = None) -> None:
        from matplotlib.backends.backend_agg import get_hinting_flag
        from matplotlib.ft2font import RenderMode

        if ismath:
            return self.original(gc, x, y, s, prop, angle, ismath, mtext)
        renderer = self.renderer
        features = mtext.get_fontfeatures() if mtext is not None else None
        language = mtext.get_language() if mtext is not None else None
        up = renderer.height - y  # FreeType's y is upwards
        whole_x, whole_y = math.floor(x), math.floor(up)
        flags, smooth = get_hinting_flag(), bool(gc.get_antialiased())
        key = (s, hash(prop), prop.get_size_in_points(), angle, x - whole_x, up - whole_y, flags, smooth,
               features, repr(language), renderer.dpi)
        glyphs = self.glyphs.get(key)
        if glyphs is None:
            self.misses += 1
            glyphs = []
            font = renderer._prepare_font(prop)
            items = font._layout(s, flags=flags, features=features, language=language)
            size = prop.get_size_in_points()
            cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
            matrix = [[round(0x10000 * cos), round(0x10000 * -sin)],
                      [round(0x10000 * sin), round(0x10000 * cos)]]
            for item in items:  # as RendererAgg._draw_text_glyphs_and_boxes (no slant, no extension)
                item.ft_object.set_size(size, renderer.dpi)
                item.ft_object._set_transform(matrix, [round(0x40 * (x + item.x * cos - item.y * sin)),
                                                       round(0x40 * (up + item.x * sin + item.y * cos))])
                bitmap = item.ft_object._render_glyph(item.glyph_index, flags,
                                                      RenderMode.NORMAL if smooth else RenderMode.MONO)
                buffer = bitmap.buffer.copy()
                if not smooth:
                    buffer *= 0xFF
                glyphs.append((buffer, bitmap.left - whole_x, bitmap.top - whole_y))
            if len(self.glyphs) >= self.LIMIT:
                self.glyphs.clear()
            self.glyphs[key] = glyphs
        else:
            self.hits += 1
        height = int(renderer.height)
        for buffer, left, top in glyphs:
            bottom = height - (top + whole_y) + buffer.shape[0]
            renderer._renderer.draw_text_image(buffer, left + whole_x, bottom, 0, gc)
        return None


def _one_line_fits(fig: Figure, text: Any) -> bool:
    """Whether ``text`` fits on one line of the figure (with a margin), measured once with its font."""
    from matplotlib.backends.backend_agg import get_hinting_flag
    from matplotlib.font_manager import findfont, get_font

    font = get_font(findfont(text.get_fontproperties()))
    font.set_size(text.get_fontsize(), fig.dpi)
    font.set_text(text.get_text(), 0.0, flags=get_hinting_flag())
    width = font.get_width_height()[0] / 64
    x = text.get_position()[0]
    room = 0.94 if text.get_horizontalalignment() == "center" else 0.98 - x
    return width <= room * fig.get_figwidth() * fig.dpi


def _wrap_key(fig: Figure, text: Any) -> tuple:
    """What matplotlib's line breaks of a wrapping text depend on."""
    return (text.get_text(), text.get_fontsize(), text.get_fontweight(), text.get_position()[0],
            text.get_horizontalalignment(), text.get_rotation(), fig.get_figwidth(), fig.dpi)


def _layout_key(fig: Figure, title_lines: int) -> tuple:
    """What the constrained layout of one of our charts depends on, at its fixed size: the widest
    tick label on each axes' left and the title's number of lines."""
    widest = []
    for ax in fig.axes:
        if not ax.axison:
            widest.append("")
            continue
        labels = ax.yaxis.get_major_formatter().format_ticks(ax.get_yticks())
        label = max(labels, key=len, default="")
        # words (channels, stages) by their text; numbers by their digits: "12" is as wide as "10"
        widest.append(label if any(ch.isalpha() for ch in label) else f"{len(label)} digits")
    return (fig.get_size_inches().round(2).tobytes(), len(fig.axes), tuple(widest), title_lines)


@contextlib.contextmanager
def young_garbage_collected() -> Iterator[None]:
    """Draw in this block without the cyclic garbage collector, then collect the young generations.

    A figure is a web of reference cycles (artists, their figure, transforms), freed only by the cyclic
    collector.  Collected while a chart is being drawn, a figure's objects are still alive, so they are
    promoted to the oldest generation, become garbage there, and make a full collection (a quarter of
    a second in a kernel that holds pandas and matplotlib) fall in the middle of some later click:
    the worst filter changes in ``benchmarks/bench_dashboard.py`` were those.  Collected after the
    block, the block's figures are young garbage, freed in a few milliseconds.  The collector is
    turned back on even when the block fails (and left off if it was off)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
            gc.collect(1)


# -- showing a chart with its description -----------------------------------------------------


def alt_text(fig: Figure) -> str:
    """The one-sentence screen-reader description of a chart made here."""
    return getattr(fig, "alt_text", "") or (fig.get_suptitle() if hasattr(fig, "get_suptitle") else "")


def to_png(fig: Figure, dpi: int = 100, **savefig: Any) -> bytes:
    """The figure as PNG bytes (Agg renderer, no GUI backend involved)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, **savefig)
    return buffer.getvalue()


def to_html(fig: Figure, dpi: int = 100, **savefig: Any) -> str:
    """``<figure>`` with the PNG inline and its description as ``alt``: readable by screen readers."""
    return _figure_html(fig, to_png(fig, dpi, **savefig))


def _figure_html(fig: Figure, png: bytes) -> str:
    """``<figure>`` with these PNG bytes inline and the chart's description as ``alt``."""
    data = base64.b64encode(png).decode("ascii")
    alt = html.escape(alt_text(fig), quote=True)
    return (
        f'<figure style="margin:0 0 1em 0"><img src="data:image/png;base64,{data}" alt="{alt}" '
        f'style="max-width:100%;height:auto"></figure>'
    )


class ChartView:
    """A chart as notebooks display it: the image with its ``alt`` text (``_repr_html_``)."""

    def __init__(self, fig: Figure) -> None:
        self.figure = fig
        self.alt_text = alt_text(fig)

    def _repr_html_(self) -> str:
        return to_html(self.figure)

    def __repr__(self) -> str:
        return f"<chart: {self.figure.get_suptitle()}>"


def show(fig: Figure) -> ChartView:
    """Wrap a chart for display in a notebook cell: ``charts.show(charts.funnel_chart(iv, fu))``."""
    return ChartView(fig)
