"""How responsive the Logbook (notebook 01) is on a big log (issue 12).

    PYTHONPATH=. .venv/bin/python benchmarks/bench_logbook.py [--sizes 1000 largest] [--repeat 5]

For each size it writes a log, imports it as a learner would (the zip from *Download my log*),
and times, in the kernel, what a learner waits for:

* open: ``Logbook(log)`` right after the import (the files already parsed), and after a kernel
  restart (both files parsed again): draw the first page of the table, the menus, the download;
* pick: choosing another interview in the menu (its follow-ups, its next step);
* save: editing the picked interview in the form and pressing *Save changes*;
* thank-you: a quick action (*Sent thank-you email to …*);
* filter: typing a company name into the table's filter;
* page: the next page of the table.

It also prints the size of what the widgets hold (the table's HTML, the menus' options, the
download link), which is what the browser receives.  ``largest`` is the biggest log an upload can
create: ``MAX_ROWS`` interviews and as many follow-ups, each row as short as a valid row can be,
inside ``MAX_UPLOAD_BYTES`` unzipped.  Times are the median of ``--repeat`` clicks (and the worst).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from followup_kit import store  # noqa: E402
from followup_kit.records import FollowUp, Interview  # noqa: E402
from followup_kit.store import InterviewLog, write_tables  # noqa: E402
from followup_kit.widgets import logbook as lb  # noqa: E402

NOW = datetime(2026, 3, 6, 12, 0)
START = datetime(2000, 1, 3, 9, 0)


def build(folder: Path, n: int, *, lean: bool) -> None:
    """``n`` interviews with one follow-up each; ``lean`` keeps every cell as short as it can be."""
    interviews, followups = [], []
    for i in range(n):
        held = START + timedelta(hours=2 * i)
        if lean:
            iv = Interview(f"C{i}", "R", held)
        else:
            iv = Interview(
                f"Company {i % 400}", f"Role {i % 37}", held, "video", ["Dana Whitfield", "Raj Patel"],
                "Sam Ortiz", decision_in_business_days=3, talking_points=["SQL test", "team size"],
                notes="Went well; they asked about the dashboard project.",
            )
        iid = f"iv-{i:08x}"
        interviews.append((iid, iv))
        followups.append((f"fu-{i:08x}", FollowUp(iid, held + timedelta(hours=1), "email", "thank_you", "D")))
    write_tables(folder, interviews, followups)


def timed(call, repeat: int) -> tuple[float, float]:
    """(median, worst) seconds of ``repeat`` calls."""
    times = []
    for attempt in range(repeat):
        start = time.perf_counter()
        call(attempt)
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times)


def measure(n: int, lean: bool, repeat: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as top:
        source, target = Path(top) / "source", Path(top) / "log"
        build(source, n, lean=lean)
        data = InterviewLog(source).export_zip()
        log = InterviewLog(target)
        start = time.perf_counter()
        log.import_file(data, "log.zip")
        imported = time.perf_counter() - start
        start = time.perf_counter()
        book = lb.Logbook(log, now=NOW)
        opened = time.perf_counter() - start
        start = time.perf_counter()
        lb.Logbook(InterviewLog(target), now=NOW)  # after a kernel restart: both files parsed again
        cold = time.perf_counter() - start
        ids = [iid for _, iid in book.picker.options]
        figures: dict[str, object] = {
            "interviews": len(log),
            "zip MB": len(data) / 1e6,
            "import s": imported,
            "open s": opened,
            "open after restart s": cold,
        }

        def pick(attempt: int) -> None:
            book.picker.value = ids[(attempt + 1) % len(ids)]

        def save(attempt: int) -> None:
            book.edit_button.click()
            book.notes.value = f"note {attempt}"
            book.save_button.click()
            assert "Saved changes" in book.form_status.value, book.form_status.value

        def thank(attempt: int) -> None:
            book.to.value = "Dana Whitfield"  # lean rows name no interviewer
            book.quick_buttons["thank_you"].click()
            assert "Saved:" in book.quick_status.value, book.quick_status.value

        def filter_(attempt: int) -> None:
            book.table_filter.value = f"C{attempt + 7}" if lean else f"Company {attempt + 7}"

        def page(attempt: int) -> None:
            book.table_filter.value = ""
            book.next_page.click()

        for name, call in (("pick", pick), ("save", save), ("thank-you", thank), ("filter", filter_),
                           ("page", page)):
            figures[f"{name} s"] = timed(call, repeat)
        sizes = len(book.table.value) + len(book.download.value)
        sizes += sum(len(str(w.options)) for w in (book.picker, book.quick_picker, book.outcome_picker,
                                                   book.previous))
        figures["widget KB"] = sizes / 1000
        return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", nargs="+", default=["1000", "largest"])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"Logbook on big logs; median (worst) of {args.repeat} clicks; lean rows for 'largest'")
    for size in args.sizes:
        lean = size == "largest"
        n = store.MAX_ROWS if lean else int(size)
        figures = measure(n, lean, args.repeat)
        parts = []
        for key, value in figures.items():
            if isinstance(value, tuple):
                parts.append(f"{key} {value[0]:.3f} ({value[1]:.3f})")
            elif isinstance(value, float):
                parts.append(f"{key} {value:.2f}")
            else:
                parts.append(f"{key} {value:,}")
        print(f"{size:>8}: " + "; ".join(parts), flush=True)


if __name__ == "__main__":
    main()
