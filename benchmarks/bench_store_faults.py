"""The storage layer under faults (issue 12): torn reads, hostile uploads, a read-only folder.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_store_faults.py [--reads 3000]

1. Torn reads: a child process makes two-file changes (remove an interview with its follow-up,
   replace the whole log with one of two uploads) while this process reads the log ``--reads``
   times: with the shared lock, with the snapshot retry alone (no lock file usable), and, for
   comparison, as the old reader did (no lock, no check).  A torn read is a follow-up whose
   interview is missing, or a ``LogFileError``.
2. The worst uploads: peak Python memory (tracemalloc) and time until the refusal.
3. A read-only folder (0555; read as user "nobody" when run as root): what a reader sees.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from followup_kit import store  # noqa: E402
from followup_kit.records import FollowUp, Interview  # noqa: E402
from followup_kit.store import InterviewLog, LogFileError, read_tables, write_tables  # noqa: E402

HELD = datetime(2026, 3, 6, 10, 0)
HEADER = b"id,company,role,held_at\n"

WRITER = """
import sys
from datetime import datetime, timedelta
from followup_kit.records import FollowUp, Interview
from followup_kit.store import InterviewLog
log = InterviewLog(sys.argv[1])
uploads = [InterviewLog(folder).export_zip() for folder in sys.argv[2:]]
start = datetime(2026, 1, 5, 9, 0)
n = 0
while True:
    n += 1
    iv_id = log.add(Interview(f"Company {n}", "Analyst", start + timedelta(hours=n)))
    log.record(FollowUp(iv_id, start + timedelta(hours=n, minutes=30), "email", "thank_you", "Ann"))
    log.remove(iv_id)
    log.import_file(uploads[n % 2], "log.zip", mode="replace")
    if n == 2:
        print("ready", flush=True)
"""


def torn_reads(reads: int, mode: str) -> tuple[int, int, float]:
    """(torn, reads, seconds) while a child process makes two-file changes."""
    with tempfile.TemporaryDirectory() as top:
        folder = Path(top) / "log"
        seeds = [Path(top) / "seed-a", Path(top) / "seed-b"]
        for seed in seeds:
            ivs = [(f"iv-{seed.name}-{i}", Interview(f"Seed {i}", "Analyst", HELD)) for i in range(3)]
            fus = [
                (f"fu-{seed.name}-{i}", FollowUp(iv, HELD + timedelta(hours=6), "email", "thank_you", "Dana"))
                for i, (iv, _) in enumerate(ivs)
            ]
            write_tables(seed, ivs, fus)
        InterviewLog(folder).import_file(InterviewLog(seeds[0]).export_zip(), "seed.zip")
        saved = store._shared_lock, store.InterviewLog._read_consistent
        if mode == "snapshot":
            store._shared_lock = lambda path: None  # type: ignore[assignment]
        elif mode == "old":
            store.InterviewLog._read_consistent = lambda self: self._read()  # type: ignore[method-assign]
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(folder), *map(str, seeds)],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        try:
            assert child.stdout is not None and child.stdout.readline().strip() == "ready"
            torn = 0
            started = time.perf_counter()
            for _ in range(reads):
                try:
                    interviews, followups = read_tables(folder)
                except LogFileError:
                    torn += 1
                    continue
                known = {row_id for row_id, _ in interviews}
                torn += any(fu.interview_id not in known for _, fu in followups)
            seconds = time.perf_counter() - started
        finally:
            child.kill()
            child.communicate()
            store._shared_lock, store.InterviewLog._read_consistent = saved  # type: ignore[method-assign]
    return torn, reads, seconds


def forged_zip(real_bytes: int, declared: int = 1_000) -> bytes:
    """A zip whose interviews.csv declares ``declared`` bytes and inflates to ``real_bytes``."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = [squeeze.compress(HEADER)]
    block = b"\n" * 1_000_000
    body += [squeeze.compress(block) for _ in range(real_bytes // len(block))]
    body.append(squeeze.flush())
    data, name = b"".join(body), b"interviews.csv"
    local = struct.pack(
        "<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0x21, 0, len(data), declared, len(name), 0
    )
    central = struct.pack(
        "<4sHHHHHHIIIHHHHHII",
        *(b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, 0, len(data), declared, len(name)),
        *(0, 0, 0, 0, 0o644 << 16, 0),
    )
    start = len(local) + len(name) + len(data)
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 1, 1, len(central) + len(name), start, 0)
    return local + name + data + central + name + end


def zipped(text: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("interviews.csv", text)
    return buffer.getvalue()


def measure(call: Callable[[], object]) -> tuple[str, float, float]:
    """The refusal (or 'accepted'), peak traced memory in MB and seconds."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        call()
        outcome = "accepted"
    except LogFileError as error:
        outcome = str(error)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return outcome, peak, seconds


READ_ONLY = """
import json, sys, time
from followup_kit.store import InterviewLog, LogFileError
started = time.perf_counter()
log = InterviewLog(sys.argv[1])
out = {"interviews": len(log), "followups": len(log.followup_items()), "zip_bytes": len(log.export_zip())}
out["seconds"] = time.perf_counter() - started
try:
    log.add(log.items()[0][1])
except LogFileError as error:
    out["add"] = str(error)
print(json.dumps(out))
"""


def read_only_folder() -> dict[str, object]:
    top = Path(tempfile.mkdtemp())
    folder = top / "my_log"
    try:
        top.chmod(0o755)
        ivs = [(f"iv-{i}", Interview(f"Company {i}", "Analyst", HELD + timedelta(days=i))) for i in range(20)]
        fus = [
            (f"fu-{i}", FollowUp(f"iv-{i}", HELD + timedelta(days=i, hours=6), "email", "thank_you", "Ann"))
            for i in range(20)
        ]
        write_tables(folder, ivs, fus)
        for path in folder.iterdir():
            path.chmod(0o644)
        folder.chmod(0o555)
        done = subprocess.run(
            [sys.executable, "-c", READ_ONLY, str(folder)],
            capture_output=True,
            text=True,
            cwd=top,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            user=65534 if os.geteuid() == 0 else None,
            check=True,
        )
        return json.loads(done.stdout)
    finally:
        folder.chmod(0o755)
        shutil.rmtree(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reads", type=int, default=3000)
    args = parser.parse_args()

    print("1. Torn reads during concurrent two-file changes")
    for mode, words in (
        ("shared", "shared lock (read_only=True reader)"),
        ("snapshot", "snapshot retry, no lock file"),
        ("old", "old reader, for comparison"),
    ):
        torn, reads, seconds = torn_reads(args.reads, mode)
        print(f"   {words:<38} {torn:>5} torn of {reads:,} reads ({seconds:.1f} s)")

    print("2. Worst uploads (peak traced memory, time to refusal)")
    scratch = tempfile.TemporaryDirectory()
    log = InterviewLog(Path(scratch.name) / "log")
    cases = {
        "forged header: 1 MB zip, 1 GB inside": (forged_zip(1_000_000_000), "bomb.zip"),
        "forged header declaring 15 MB": (forged_zip(1_000_000_000, 15_000_000), "bomb15.zip"),
        "blank lines: 9 MB in a zip": (zipped(HEADER + b"\n" * 9_000_000), "blank.zip"),
        "15 MB upload (over the 10 MB limit)": (b"PK" + b"\0" * 15_000_000, "big.zip"),
        "header of 60,000 columns": (
            HEADER.rstrip() + b"".join(b",c%d" % i for i in range(60_000)) + b"\n",
            "wide.csv",
        ),
        "header of 1,500,000 columns": (zipped(HEADER.rstrip() + b"," * 1_500_000 + b"\n"), "wider.zip"),
        "6,000 rows of 200 empty cells": (HEADER + (b"," * 199 + b"\n") * 6_000, "rows.csv"),
        f"{store.MAX_ROWS + 1:,} blank lines in a CSV": (
            HEADER + b"\r\n" * (store.MAX_ROWS + 1),
            "blank.csv",
        ),
    }
    for words, (data, name) in cases.items():
        outcome, peak, seconds = measure(lambda data=data, name=name: log.import_file(data, name))
        print(f"   {words:<38} {len(data) / 1e3:>8,.0f} KB  peak {peak:>6.1f} MB  {seconds:>5.2f} s")
        print(f"      -> {outcome[:150]}")
    assert not log.path.exists(), "a refused upload wrote something"
    scratch.cleanup()

    print("3. A read-only folder (0555)")
    seen = read_only_folder()
    print(
        f"   {seen['interviews']} interviews, {seen['followups']} follow-ups, download {seen['zip_bytes']:,} "
        f"bytes, read in {seen['seconds'] * 1e3:.0f} ms"
    )
    print(f"   add -> {seen['add']}")


if __name__ == "__main__":
    main()
