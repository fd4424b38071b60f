"""Each dashboard chart builds on empty data and on the sample, and its title states the right number."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from followup_kit import charts, metrics, sample
from followup_kit.sources import SOURCES
from followup_kit.wording import plural


@pytest.fixture(scope="module")
def frames():
    return sample.generate(sample.SAMPLE_INTERVIEWS, seed=sample.SAMPLE_SEED)


def title(fig: Figure) -> str:
    return fig.get_suptitle()


@pytest.mark.parametrize("chart", charts.DASHBOARD_CHARTS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("empty", ["schema", "bare"])
def test_every_chart_shows_a_friendly_message_without_data(chart, empty):
    iv, fu = sample.empty_frames() if empty == "schema" else (pd.DataFrame(), pd.DataFrame())
    fig = chart(iv, fu)
    assert isinstance(fig, Figure)
    assert title(fig).endswith("no data yet")
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert charts.NO_DATA_MESSAGE in texts
    assert charts.alt_text(fig).startswith("No data yet")
    assert charts.to_png(fig)[:8] == b"\x89PNG\r\n\x1a\n"


def test_time_to_follow_up_title_line_and_caption(frames):
    iv, fu = frames
    table = metrics.time_to_follow_up(iv, fu)
    share = (table["hours"] <= 24).sum() / len(table)
    fig = charts.time_to_follow_up_chart(iv, fu)
    assert title(fig) == f"{share:.0%} of your interviews got a thank-you within 24 h"
    (ax,) = fig.axes
    vertical = [line for line in ax.get_lines() if np.allclose(line.get_xdata(), 24)]
    assert vertical, "the 24-hour line is missing"
    notes = " ".join(t.get_text() for t in ax.texts + fig.texts)
    assert f"{share:.0%} inside" in notes
    for source in ("seed000", "seed001"):
        assert SOURCES[source].short in notes
        assert SOURCES[source].short in charts.alt_text(fig)
    missing = int(table["hours"].isna().sum())
    assert f"{plural(missing, 'interview')} with no thank-you are not shown" in notes
    bars = sum(p.get_height() for p in ax.patches)
    assert bars == len(table) - missing  # every sent thank-you is in a bin, later ones in "120+"


def test_response_rate_title_names_the_best_channel(frames):
    iv, fu = frames
    rates = metrics.response_rates(iv, fu, "channel")
    best = rates[rates["count"] >= metrics.MIN_COMPARE].sort_values("rate", ascending=False).iloc[0]
    fig = charts.response_rate_chart(iv, fu)
    assert title(fig) == (
        f"Your {metrics.channel_noun(best['channel'])} got replies most often: "
        f"{best['rate']:.0%} of {best['count']}"
    )
    left, right = fig.axes
    labels = [t.get_text() for t in left.texts]
    for _, row in rates.iterrows():
        assert f"{row['rate']:.0%} of {row['count']}" in labels  # counts shown on every bar
    timing = metrics.response_rates(iv, fu, "timing")
    assert [t.get_text() for t in right.get_yticklabels()] == timing["timing"].tolist()[::-1]


def test_funnel_title_counts_offers(frames):
    iv, fu = frames
    offers = int((iv["outcome"] == "offer").sum())
    fig = charts.funnel_chart(iv, fu)
    assert title(fig) == f"{offers} of your {len(iv)} interviews ({offers / len(iv):.0%}) ended in an offer"
    widths = [p.get_width() for p in fig.axes[0].patches]
    assert widths[::-1] == metrics.funnel(iv, fu)["interviews"].tolist()


def test_response_time_title_states_the_median(frames):
    iv, fu = frames
    answered = fu[fu["response_at"].notna()]
    median = ((answered["response_at"] - answered["at"]).dt.total_seconds() / 3600).median()
    fig = charts.response_time_chart(iv, fu)
    expected = f"Replies came a median of {median:.0f} h after your follow-ups ({len(answered)} replies)"
    assert title(fig) == expected
    assert fig.axes[0].get_xscale() == "log"


def test_outcome_title_states_the_most_common_outcome(frames):
    """Each hiring process counts once, under its latest round (counted here without the kit)."""
    iv, fu = frames
    later = set(iv["previous_id"].dropna())
    latest = iv[~iv["id"].isin(later)]
    counts = latest["outcome"].value_counts()
    fig = charts.outcome_chart(iv, fu)
    top = counts.index[0]
    noun = "hiring processes" if len(latest) < len(iv) else "interviews"
    assert f"{counts.iloc[0]} of your {len(latest)} {noun} ({counts.iloc[0] / len(latest):.0%})" in title(fig)
    assert charts._OUTCOME_LABELS[top] in title(fig)
    single = iv.drop(columns=["previous_id"])
    assert f"of your {len(iv)} interviews" in title(charts.outcome_chart(single, fu))


def test_titles_follow_the_data_not_a_template():
    a = charts.dashboard_charts(*sample.generate(40, seed=11))
    b = charts.dashboard_charts(*sample.generate(40, seed=12))
    assert [title(f) for f in a] != [title(f) for f in b]
    assert all(any(ch.isdigit() for ch in title(f)) for f in a)


def test_colours_come_from_the_okabe_ito_palette(frames):
    palette = {c.lower() for c in charts.OKABE_ITO.values()}
    for fig in charts.dashboard_charts(*frames):
        for ax in fig.axes:
            for patch in ax.patches:
                assert to_hex(patch.get_facecolor()) in palette


def test_large_option_is_bigger_for_a_projector(frames):
    small = charts.funnel_chart(*frames)
    large = charts.funnel_chart(*frames, large=True)
    assert large._suptitle.get_fontsize() > small._suptitle.get_fontsize() * 1.4
    assert large.get_figwidth() > small.get_figwidth()
    tick = large.axes[0].get_yticklabels()[0].get_fontsize()
    assert tick > small.axes[0].get_yticklabels()[0].get_fontsize()
    assert title(large) == title(small)


def test_every_chart_has_a_one_sentence_description(frames):
    for fig in charts.dashboard_charts(*frames):
        text = charts.alt_text(fig)
        assert text.endswith(".") and text.count(". ") == 0 and any(ch.isdigit() for ch in text)


def test_html_carries_the_description_as_alt_text(frames):
    fig = charts.outcome_chart(*frames)
    page = charts.to_html(fig)
    assert page.startswith("<figure") and 'src="data:image/png;base64,' in page
    assert f'alt="{charts.alt_text(fig)}"' in page
    view = charts.show(fig)
    assert view._repr_html_() == page and view.alt_text == charts.alt_text(fig)


def test_charts_leave_pyplot_alone(frames):
    import matplotlib.pyplot as plt

    mine = plt.figure()
    before = plt.get_fignums()
    charts.dashboard_charts(*frames)
    assert plt.get_fignums() == before
    plt.close(mine)


def test_importing_charts_or_metrics_does_not_load_matplotlib():
    code = (
        "import sys, followup_kit.charts, followup_kit.metrics, followup_kit.sample; "
        "bad = [m for m in ('matplotlib', 'ipywidgets') if m in sys.modules]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_cohort_owner_changes_the_wording_only(frames):
    mine = charts.time_to_follow_up_chart(*frames)
    theirs = charts.time_to_follow_up_chart(*frames, owner="the cohort's")
    assert title(theirs) == title(mine).replace("your", "the cohort's")


# -- a small log: one or two interviews -----------------------------------------------------


@pytest.fixture(scope="module")
def small():
    """Two interviews of the sample, with one answered follow-up between them and no thank-you."""
    interviews, followups = sample.generate(40, seed=3)
    answered = followups[followups["response_at"].notna() & (followups["purpose"] != "thank_you")]
    first = answered.iloc[0]
    two = interviews[interviews["id"] == first["interview_id"]]
    two = pd.concat([two, interviews[interviews["id"] != first["interview_id"]].iloc[:1]])
    return two, followups[followups["id"] == first["id"]]


def test_counts_get_whole_number_ticks_on_a_small_log(small):
    interviews, followups = small
    axes = {
        "histogram y": charts.time_to_follow_up_chart(interviews, followups).axes[0].get_yticks(),
        "funnel x": charts.funnel_chart(interviews, followups).axes[0].get_xticks(),
        "outcome x": charts.outcome_chart(interviews, followups).axes[0].get_xticks(),
    }
    for name, ticks in axes.items():
        assert len(ticks) >= 2, name
        assert all(float(t).is_integer() for t in ticks), (name, list(ticks))


def test_a_histogram_with_no_thank_you_has_no_negative_axis(small):
    interviews, followups = small
    assert not (followups["purpose"] == "thank_you").any()
    fig = charts.time_to_follow_up_chart(interviews, followups)
    bottom, top = fig.axes[0].get_ylim()
    assert bottom == 0 and top >= 1
    assert all(t >= 0 for t in fig.axes[0].get_yticks() if bottom <= t <= top)
    caption = " ".join(t.get_text() for t in fig.texts)
    assert "2 interviews with no thank-you are not shown" in caption


def test_one_reply_is_singular(small):
    interviews, followups = small
    fig = charts.response_time_chart(interviews, followups)
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert any(label.endswith("(1 reply)") for label in labels), labels
    assert fig.get_suptitle().endswith("(1 reply)")
    assert "1 replies" not in charts.alt_text(fig) + fig.get_suptitle()
    funnel = charts.funnel_chart(interviews.iloc[:1], followups)
    assert "of your 1 interview (" in funnel.get_suptitle()


def test_renderer_reuses_a_layout_and_keeps_the_figure_words(frames):
    import base64
    import io

    from PIL import Image

    interviews, followups = frames
    renderer = charts.Renderer()

    def size(page: str) -> tuple[int, int]:
        data = base64.b64decode(page.split("base64,", 1)[1].split('"', 1)[0])
        return Image.open(io.BytesIO(data)).size

    first = charts.funnel_chart(interviews, followups)
    reference = size(charts.to_html(charts.funnel_chart(interviews, followups)))
    assert size(renderer.html(first, "funnel")) == reference
    phones = metrics.filter_frames(interviews, followups, kinds=("phone",))
    again = charts.funnel_chart(*phones)
    title = again.get_suptitle()
    page = renderer.html(again, "funnel")
    assert (renderer.laid_out, renderer.reused) == (1, 1)
    assert size(page) == reference  # a fixed size, whatever the data
    assert again.get_suptitle() == title and "\n" not in title  # wrapped for drawing only
    assert f'alt="{charts.alt_text(again)}"' in page.replace("&#x27;", "'")
    fresh = charts.Renderer(reuse_layout=False)
    fresh.html(charts.funnel_chart(*phones), "funnel")
    assert fresh.reused == 0


def test_renderer_draws_each_size_on_one_kept_canvas_with_the_same_pixels(frames):
    """The kept canvas changes how fast a chart is drawn, not what it shows: pixel for pixel the same
    as ``to_png`` (``savefig``), for one figure after another of the same size and for a larger one."""
    import io

    import numpy as np
    from PIL import Image

    interviews, followups = frames
    phones = metrics.filter_frames(interviews, followups, kinds=("phone",))
    renderer = charts.Renderer(reuse_layout=False, prewrap=False)

    def pixels(png: bytes) -> np.ndarray:
        return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))

    for chart, data, large in [(charts.funnel_chart, frames, False), (charts.outcome_chart, phones, False),
                               (charts.response_rate_chart, phones, True)]:
        drawn = renderer._png(chart(*data, large=large))
        reference = charts.to_png(chart(*data, large=large))
        assert np.array_equal(pixels(drawn), pixels(reference)), chart.__name__
    assert len(renderer._canvases) == 2  # one canvas for the screen size, one for the projector's
    kept = next(iter(renderer._canvases.values()))
    assert kept.figure.get_suptitle() == charts.outcome_chart(*phones).get_suptitle()  # the last drawn


def test_renderer_copies_the_texts_it_drew_before_with_the_same_pixels(frames):
    """Texts drawn again (ticks, axis labels, captions) come from the renderer's store of glyph images,
    and wrapped captions get their breaks from measured words: pixel for pixel what ``savefig`` draws."""
    import io

    import numpy as np
    from PIL import Image

    interviews, followups = frames
    renderer = charts.Renderer(reuse_layout=False)

    def pixels(png: bytes) -> np.ndarray:
        return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))

    for kinds in [("phone", "video", "in_person"), ("video",), ("phone", "in_person"), ("phone",)]:
        data = metrics.filter_frames(interviews, followups, kinds=kinds)
        for chart in (charts.time_to_follow_up_chart, charts.response_rate_chart):
            for large in (False, True):
                figure = chart(*data, large=large)
                wrapping = [t.get_text() for t in [figure._suptitle, *figure.texts] if t.get_wrap()]
                drawn = base64_png(renderer.html(figure))
                reference = charts.to_png(chart(*data, large=large))
                assert np.array_equal(pixels(drawn), pixels(reference)), (kinds, chart.__name__, large)
                assert [t.get_text() for t in [figure._suptitle, *figure.texts] if t.get_wrap()] == wrapping
    stores = [canvas.get_renderer().draw_text for canvas in renderer._canvases.values()]
    assert all(isinstance(store, charts._TextImages) for store in stores)
    assert all(store.hits > 0 for store in stores)  # texts that came back were copied
    assert renderer._word_widths  # the captions were broken into lines here, not word by word by matplotlib
    plain = charts.Renderer(cache_text=False)
    plain.html(charts.funnel_chart(interviews, followups))
    assert not isinstance(next(iter(plain._canvases.values())).get_renderer().draw_text, charts._TextImages)


def test_line_breaks_are_those_matplotlib_chooses(frames):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = charts.Renderer()
    checked = 0
    for size in (5, 72, 400):
        data = sample.generate(size, seed=size)
        for owner in ("your", "the cohort's"):
            for chart in charts.DASHBOARD_CHARTS:
                for large in (False, True):
                    figure = chart(*data, large=large, owner=owner)
                    FigureCanvasAgg(figure).draw()
                    for text in [figure._suptitle, *figure.texts]:
                        if text is not None and text.get_wrap():
                            assert renderer._break_lines(figure, text) == text._get_wrapped_text()
                            checked += 1
    assert checked >= 30


def test_drawing_frees_its_figures_at_once_and_gives_the_collector_back(small):
    import gc
    import weakref

    assert gc.isenabled()
    with charts.young_garbage_collected():
        assert not gc.isenabled()
        figure = charts.funnel_chart(*small)
        gone = weakref.ref(figure)
        del figure
    assert gc.isenabled() and gone() is None  # the figure's cycles were collected on the way out
    with pytest.raises(ZeroDivisionError), charts.young_garbage_collected():
        charts.funnel_chart(*small).alt_text = 1 / 0
    assert gc.isenabled()
    gc.disable()
    try:
        with charts.young_garbage_collected():
            pass
        assert not gc.isenabled()  # left as it was found
    finally:
        gc.enable()


def base64_png(page: str) -> bytes:
    import base64

    return base64.b64decode(page.split("base64,", 1)[1].split('"', 1)[0])
