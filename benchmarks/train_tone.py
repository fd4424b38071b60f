"""Train the learned tone signal on the tuning batches only, choose it by leave-one-batch-out CV, ship it.

    python3 tasks.py train-tone            # cross-validate, then write followup_kit/data/tone_model.json
    .venv/bin/python benchmarks/train_tone.py --cv-only   # print the cross-validation figures only

Why: the phrase and shape rules catch the tone faults they were written for, and fresh batches showed
they miss most others.  This fits a logistic regression ("does a coach call this message's tone a
fault?", i.e. does its kind's tone check fail) on the message features ``followup_kit.messages`` computes
at run time, with scikit-learn (a test-time tool only: the kit reads the exported weights in plain Python).

Honesty: only ``tests/data/messages/tuning*.json`` is read (the file list and a digest of each go into
the model file, and a test checks them).  Each setting (regularisation ``C``; the least weight the
heaviest clause must carry, so a fault can be shown to the learner; the probability threshold) is
judged by leave-one-batch-out cross-validation: train on every tuning batch but one, score the one left
out, over all batches.  Among the settings whose CV false alarms stay at or under ``MAX_FALSE_ALARMS``
on tone-clean messages and ``MAX_GOOD_ALARMS`` on good ones, the one that flags the most tone faults
wins.  The figures printed (and stored in the model file) are those CV figures: the model alone, and
with the rules (the rules were tuned on these same batches, so the rules' part is optimistic).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from anywhere: the worktree's package, not an installed one
    sys.path.insert(0, str(ROOT))

from followup_kit import messages  # noqa: E402
from followup_kit.messages import CHECK_IDS, TONE_CHECKS  # noqa: E402
from followup_kit.records import Interview  # noqa: E402

DATA = ROOT / "tests" / "data" / "messages"
MODEL = ROOT / "followup_kit" / "data" / "tone_model.json"
#: The largest share of tone-clean messages (CV) the model alone may call faulty.
MAX_FALSE_ALARMS = 0.015
#: The largest share of good messages (every check passes) the model alone may call faulty.  1.5% until
#: round 18, when the goal "good messages with no false alarm" had little room; the held-out part now
#: stands at 95% against the goal's 85%, and at 1.5% two more batches (tuning36, tuning37) tipped the
#: choice from a model flagging 76% of tone faults in CV to one flagging 52%: a cliff, not a trade.
MAX_GOOD_ALARMS = 0.02
#: The settings cross-validation chooses among.
#: Only 1.0 since round 14: cross-validation then chose 3.0 for 1.2 points more faults flagged, and the
#: model learned calm words as faults ("so no pressure at all", "I've already sent over my references":
#: the calm look-alikes in tests/test_messages.py), the same overfitting as CLAUSE_WEIGHTS below.
C_VALUES = (1.0,)
MIN_DF_VALUES = (2,)
THRESHOLDS = tuple(round(0.40 + 0.025 * i, 3) for i in range(23))  # 0.40 … 0.95
#: The least weight the heaviest clause must carry: a fault the learner can be shown, not a message
#: whose ordinary words each lean a little toward a fault.  From 1.5: in round 12 cross-validation chose
#: 1.0 for 0.5 points more faults flagged, and the model then showed calm, advised clauses as faults
#: ("Which skill should I build", "Please keep me in mind for future roles.": tests/test_messages.py).
#: From 2.0 since round 14: trained on 31 batches, calm clauses reached 1.5 ("which skill should I build
#: first" 1.58, the model call's "I interviewed for the Data Analyst role last Tuesday." 1.56).
CLAUSE_WEIGHTS = (2.0, 2.5, 3.0, 3.5)
#: The fewest tuning batches a feature must occur in to be used.
MIN_BATCHES = 3
#: Weights this small are dropped from the shipped file (they cannot move a verdict).
PRUNE = 1e-4


def tuning_files() -> list[Path]:
    """The tuning batches, in order (tuning.json, tuning2.json, …): the only files this script reads."""
    files = sorted(DATA.glob("tuning*.json"), key=lambda p: int(p.stem.removeprefix("tuning") or 1))
    assert all(p.stem.startswith("tuning") for p in files)
    return files


def digests(files: list[Path]) -> dict[str, str]:
    """File name -> sha256 of its bytes: what the shipped model was trained on."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def tone_fails(entry: dict[str, Any]) -> bool:
    """Whether the coach fails the message's tone check (the label the model learns)."""
    tone = [c for c in CHECK_IDS[entry["kind"]] if c in TONE_CHECKS]
    if "expect" in entry:
        return any(entry["expect"].get(c) is False for c in tone)
    return any(c in entry["fails"] for c in tone)


def examples() -> list[dict[str, Any]]:
    """Every tuning message with its batch, label, features, and the rules' own verdicts (the shipped
    model is switched off while they are worked out: the rules alone, whatever file is there)."""
    shipped = messages._learned_tone
    messages._learned_tone = lambda text, kind: None
    try:
        return _examples()
    finally:
        messages._learned_tone = shipped


def _examples() -> list[dict[str, Any]]:
    out = []
    for path in tuning_files():
        data = json.loads(path.read_text(encoding="utf-8"))
        interviews = {k: Interview(**v) for k, v in data["interviews"].items()}
        for entry in data["messages"]:
            flat = messages._Draft(entry["text"], entry["kind"], None).flat
            interview = interviews[entry["interview"]] if entry.get("interview") else None
            draft = messages._Draft(entry["text"], entry["kind"], interview)
            rules_tone = bool(messages._tone_faults_in(draft.flat, draft.kind))
            verdicts = {c: messages._CHECKS[c](draft).passed for c in CHECK_IDS[entry["kind"]]}
            want = _expected(entry)
            clauses = messages._tone_features(flat)
            out.append({
                "batch": path.stem,
                "label": tone_fails(entry),
                "features": sorted(messages._message_features(entry["kind"], clauses)),
                # the clauses a fault may be shown at (a calm hedge never is), as at run time
                "clauses": [sorted(f) for _, f, hedged in clauses if not hedged],
                "rules_tone": rules_tone,
                # the other checks' false alarms and correct failures, for the combined figures
                "good": all(want.values()),
                "other_false_alarm": any(
                    want[c] and not verdicts[c] for c in want if c not in TONE_CHECKS
                ),
                "other_caught": any(not want[c] and not verdicts[c] for c in want if c not in TONE_CHECKS),
                "tone_fault": bool(entry.get("tone_fault")),
            })
    return out


def _expected(entry: dict[str, Any]) -> dict[str, bool]:
    if "expect" in entry:
        return dict(entry["expect"])
    return {c: c not in entry["fails"] for c in CHECK_IDS[entry["kind"]]}


def fit(train: list[dict[str, Any]], c_value: float, min_df: int) -> tuple[float, dict[str, float]]:
    """(bias, weights) of an L2 logistic regression on features seen in at least ``min_df`` messages
    and in at least ``MIN_BATCHES`` batches (a word of one batch's writer is not a sign of tone)."""
    from collections import Counter

    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for e in train for f in e["features"])
    batches = Counter(f for batch in {e["batch"] for e in train} for f in {
        f for e in train if e["batch"] == batch for f in e["features"]
    })
    vocabulary = sorted(f for f, n in counts.items() if n >= min_df and batches[f] >= MIN_BATCHES)
    index = {f: i for i, f in enumerate(vocabulary)}
    rows, cols = [], []
    for r, e in enumerate(train):
        for f in e["features"]:
            if f in index:
                rows.append(r)
                cols.append(index[f])
    x = csr_matrix(([1.0] * len(rows), (rows, cols)), shape=(len(train), len(vocabulary)))
    y = [int(e["label"]) for e in train]
    model = LogisticRegression(C=c_value, solver="liblinear", max_iter=1000)
    model.fit(x, y)
    weights = {f: float(w) for f, w in zip(vocabulary, model.coef_[0], strict=True) if abs(w) >= PRUNE}
    return float(model.intercept_[0]), weights


def probability(bias: float, weights: dict[str, float], entry: dict[str, Any]) -> tuple[float, float]:
    """(probability, the weight of its heaviest clause): the formulas the kit uses at run time."""
    p = messages._tone_probability(entry["features"], {"bias": bias, "weights": weights})
    top = max((messages._clause_weight(c, weights) for c in entry["clauses"]), default=0.0)
    return p, top


def cross_validate(data: list[dict[str, Any]], c_value: float, min_df: int) -> list[tuple[float, float]]:
    """Each message's (probability, heaviest clause) from a model trained on every batch but its own."""
    batches = sorted({e["batch"] for e in data})
    probs = [(0.0, 0.0)] * len(data)
    for batch in batches:
        train = [e for e in data if e["batch"] != batch]
        bias, weights = fit(train, c_value, min_df)
        for i, e in enumerate(data):
            if e["batch"] == batch:
                probs[i] = probability(bias, weights, e)
    return probs


def figures(
    data: list[dict[str, Any]], probs: list[tuple[float, float]], threshold: float, clause: float
) -> dict[str, Any]:
    """CV figures at a threshold and a least clause weight: the model alone, the rules alone, and the
    two combined."""
    faults = [i for i, e in enumerate(data) if e["label"]]
    clean = [i for i, e in enumerate(data) if not e["label"]]
    good = [i for i, e in enumerate(data) if e["good"]]
    bad = [i for i, e in enumerate(data) if not e["good"]]
    tone = [i for i, e in enumerate(data) if e["tone_fault"]]
    model = [p >= threshold and top >= clause for p, top in probs]
    rules = [e["rules_tone"] for e in data]
    both = [m or r for m, r in zip(model, rules, strict=True)]

    def share(hits: int, total: list[int]) -> float:
        return round(hits / len(total), 4) if total else 1.0

    out: dict[str, Any] = {"threshold": threshold, "clause_weight": clause}
    for name, flags in (("model", model), ("rules", rules), ("combined", both)):
        out[name] = {
            "tone_check_faults_flagged": share(sum(flags[i] for i in faults), faults),
            "tone_check_false_alarms": share(sum(flags[i] for i in clean), clean),
            "tone_faults_flagged": share(sum(flags[i] for i in tone), tone),
            "good_with_no_false_alarm": share(
                sum(not flags[i] and not data[i]["other_false_alarm"] for i in good), good
            ),
            "bad_with_a_correct_failure": share(
                sum((flags[i] and data[i]["label"]) or data[i]["other_caught"] for i in bad), bad
            ),
        }
    return out


def choose(data: list[dict[str, Any]], quiet: bool = False) -> dict[str, Any]:
    """The setting with the most CV tone faults flagged by the model while its false alarms stay low."""
    best: dict[str, Any] | None = None
    for c_value in C_VALUES:
        for min_df in MIN_DF_VALUES:
            probs = cross_validate(data, c_value, min_df)
            for clause in CLAUSE_WEIGHTS:
                for threshold in THRESHOLDS:
                    fig = figures(data, probs, threshold, clause)
                    good_alarms = 1 - fig["model"]["good_with_no_false_alarm"]
                    if fig["model"]["tone_check_false_alarms"] > MAX_FALSE_ALARMS or (
                        good_alarms > MAX_GOOD_ALARMS
                    ):
                        continue
                    model = fig["model"]
                    key = (model["tone_check_faults_flagged"], -model["tone_check_false_alarms"], clause)
                    if best is None or key > best["key"]:
                        best = {"key": key, "C": c_value, "min_df": min_df, "cv": fig}
                    break  # the lowest threshold within the false-alarm limit flags the most
            if not quiet:
                shown = best["cv"] if best else {}
                print(f"C={c_value:<4} min_df={min_df}: best so far {shown.get('model')}", flush=True)
    assert best is not None, "no setting keeps false alarms low enough"
    best.pop("key")
    return best


def train(write: bool = True) -> dict[str, Any]:
    """Cross-validate, fit the chosen setting on every tuning batch, and write the model file."""
    data = examples()
    chosen = choose(data)
    bias, weights = fit(data, chosen["C"], chosen["min_df"])
    files = tuning_files()
    model = {
        "about": (
            "Learned tone signal for followup_kit.messages: logistic regression over clause features, "
            "trained by benchmarks/train_tone.py (python3 tasks.py train-tone) on the tuning batches only; "
            "setting and threshold chosen by leave-one-batch-out cross-validation (figures in 'cv')."
        ),
        "trained_on": digests(files),
        "C": chosen["C"],
        "min_df": chosen["min_df"],
        "threshold": chosen["cv"]["threshold"],
        "clause_weight": chosen["cv"]["clause_weight"],
        "cv": chosen["cv"],
        "messages": len(data),
        "bias": round(bias, 6),
        "weights": {f: round(w, 6) for f, w in sorted(weights.items())},
    }
    if write:
        MODEL.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv-only", action="store_true", help="print the CV figures, write nothing")
    args = parser.parse_args(argv)
    model = train(write=not args.cv_only)
    shown = ("C", "min_df", "threshold", "clause_weight", "cv", "messages")
    print(json.dumps({k: model[k] for k in shown}, indent=1))
    print(f"{len(model['weights'])} weights" + ("" if args.cv_only else f"; written to {MODEL}"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
