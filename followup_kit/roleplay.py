"""The role-play call: a scripted, branching conversation as a pure state machine.

The employer's lines come from ``followup_kit/data/scenarios/*.json`` (one small file per
scenario).  Each node of a script holds one employer line, the kind of reply
the learner should give (checked with :func:`followup_kit.messages.check_message`),
two or three canned replies that lead to fixed next nodes, and a rule for a
typed reply: it goes one way if the reply passed the node's key check and the
other way if not.  A :class:`Call` walks the script, records every :class:`Turn`
and ends with a :class:`Debrief` of what went well and what to change, with the
rule and source behind each point.  No widgets here: ``widgets/roleplay.py``
only shows a ``Call``.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import paths
from .messages import CHECK_IDS, MESSAGE_KINDS, check_message
from .records import Interview, ValidationError
from .sources import SOURCES, cite
from .wording import interview_card_rows, plural, rows_html

__all__ = [
    "MAX_NAME",
    "MAX_REPLY",
    "NEUTRAL_NAME",
    "REPLY_KINDS",
    "SCENARIO_DIR",
    "SCRIPT_NAME",
    "Call",
    "Choice",
    "Debrief",
    "Node",
    "Note",
    "Point",
    "Route",
    "Scenario",
    "ScenarioError",
    "Turn",
    "learner_name",
    "load_scenario",
    "load_scenarios",
    "personalise",
    "scenario_from_dict",
]

#: Where the scenario files live in a checkout of the workbook.
SCENARIO_DIR = paths.SCENARIO_DIR

#: The reply kinds a node may ask for: those ``check_message`` knows.
REPLY_KINDS = MESSAGE_KINDS

#: Longest reply a learner can send in one turn, in characters (a call turn, not a letter).
MAX_REPLY = 2000


class ScenarioError(ValueError):
    """A scenario file that cannot be played; the message names the file and the node."""


# -- the script ---------------------------------------------------------------------


@dataclass(frozen=True)
class Note:
    """A scripted point about a canned reply that a message check cannot see (e.g. whom you called)."""

    went_well: bool
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Choice:
    """A canned reply the learner can pick: a short button label, the words said, and where it leads."""

    label: str
    say: str
    next: str
    note: Note | None = None


@dataclass(frozen=True)
class Route:
    """Where a typed reply leads: ``passed`` if the key checks (else every focus check) passed."""

    passed: str
    failed: str
    key_checks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Node:
    """One employer line, and (unless the call ends here) how the learner may answer it."""

    id: str
    speaker: str
    line: str
    kind: str | None = None
    focus: tuple[str, ...] = ()
    prompt: str = ""
    choices: tuple[Choice, ...] = ()
    typed: Route | None = None

    @property
    def end(self) -> bool:
        """True for a closing line: the call is over once it is said."""
        return self.kind is None


@dataclass(frozen=True)
class Scenario:
    """One practice situation: what happened, the interview, a model answer and the call script."""

    id: str
    title: str
    context: str
    interview: Interview
    kinds: tuple[str, ...]
    model_answer: str
    sources: tuple[str, ...]
    start: str
    nodes: Mapping[str, Node]
    path: Path | None = None

    def paths(self) -> list[tuple[str, ...]]:
        """Every way through the script by canned replies and typed-reply routes, as node ids."""
        found: list[tuple[str, ...]] = []

        def walk(node_id: str, trail: tuple[str, ...]) -> None:
            trail = (*trail, node_id)
            node = self.nodes[node_id]
            if node.end:
                found.append(trail)
                return
            targets = [c.next for c in node.choices]
            if node.typed is not None:
                targets += [node.typed.passed, node.typed.failed]
            for target in dict.fromkeys(targets):
                walk(target, trail)

        walk(self.start, ())
        return found

    def _repr_html_(self) -> str:
        table = rows_html(interview_card_rows(self.interview, contacts=True))
        return (
            f"<div><h4>{html.escape(self.title)}</h4><p>{html.escape(self.context)}</p>{table}"
            f"<p><small>Rules behind this scenario: {html.escape(cite(*self.sources))}</small></p></div>"
        )


# -- loading and validating -------------------------------------------------------------


def _where(path: Path | None, node: str | None = None) -> str:
    name = path.name if path is not None else "scenario"
    return f"{name}, node {node!r}" if node else name


def _need(data: Mapping[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in data:
        raise ScenarioError(f"{where}: missing {key!r}")
    value = data[key]
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        expected = {str: "a non-empty text", list: "a list", dict: "an object"}.get(kind, kind.__name__)
        raise ScenarioError(f"{where}: {key!r} should be {expected}, got {value!r:.60}")
    return value


def _source_ids(values: Any, where: str) -> tuple[str, ...]:
    if not isinstance(values, list) or not values:
        raise ScenarioError(f"{where}: 'sources' should be a non-empty list of source ids")
    unknown = [v for v in values if v not in SOURCES]
    if unknown:
        raise ScenarioError(
            f"{where}: unknown source id(s) {', '.join(map(repr, unknown))}; "
            f"known ids are {', '.join(SOURCES)}"
        )
    return tuple(values)


def _known_checks(kind: str, ids: list[str], where: str) -> None:
    """Refuse a focus or key check that the reply kind does not have (a typo would never match)."""
    unknown = [i for i in ids if i not in CHECK_IDS[kind]]
    if unknown:
        raise ScenarioError(
            f"{where}: {', '.join(map(repr, unknown))} is not a check of reply_kind {kind!r} "
            f"(its checks: {', '.join(CHECK_IDS[kind])})"
        )


def _node(node_id: str, data: Any, where_file: Path | None) -> Node:
    where = _where(where_file, node_id)
    if not isinstance(data, dict):
        raise ScenarioError(f"{where}: a node should be an object with at least a 'line'")
    line = _need(data, "line", str, where)
    speaker = _need(data, "speaker", str, where)
    kind = data.get("reply_kind")
    if kind is None:
        if data.get("choices") or data.get("typed"):
            raise ScenarioError(f"{where}: a node with choices needs a 'reply_kind'")
        return Node(node_id, speaker, line)
    if kind not in REPLY_KINDS:
        raise ScenarioError(f"{where}: reply_kind {kind!r} is not one of {', '.join(REPLY_KINDS)}")
    focus = data.get("focus", [])
    if not isinstance(focus, list) or not all(isinstance(f, str) and f for f in focus):
        raise ScenarioError(f"{where}: 'focus' should be a list of check ids")
    choices = []
    for n, raw in enumerate(_need(data, "choices", list, where), start=1):
        cwhere = f"{where}, choice {n}"
        if not isinstance(raw, dict):
            raise ScenarioError(f"{cwhere}: a choice should be an object with label, say and next")
        note = None
        if "note" in raw:
            rnote = raw["note"]
            if not isinstance(rnote, dict) or not isinstance(rnote.get("went_well"), bool):
                raise ScenarioError(f"{cwhere}: 'note' needs went_well (true/false), text and sources")
            note = Note(
                rnote["went_well"],
                _need(rnote, "text", str, cwhere),
                _source_ids(rnote.get("sources"), cwhere),
            )
        choices.append(
            Choice(
                _need(raw, "label", str, cwhere),
                _need(raw, "say", str, cwhere),
                _need(raw, "next", str, cwhere),
                note,
            )
        )
    if not 2 <= len(choices) <= 3:
        raise ScenarioError(f"{where}: give 2 or 3 canned replies, not {len(choices)}")
    typed = _need(data, "typed", dict, where)
    keys = typed.get("key_checks", [])
    if not isinstance(keys, list) or not all(isinstance(k, str) and k for k in keys):
        raise ScenarioError(f"{where}: 'key_checks' should be a list of check ids")
    _known_checks(kind, [*focus, *keys], where)
    route = Route(_need(typed, "passed", str, where), _need(typed, "failed", str, where), tuple(keys))
    prompt = data.get("prompt", "")
    if not isinstance(prompt, str):
        raise ScenarioError(f"{where}: 'prompt' should be a text")
    return Node(node_id, speaker, line, kind, tuple(focus), prompt, tuple(choices), route)


def scenario_from_dict(data: Any, path: Path | None = None) -> Scenario:
    """Build and validate one scenario; a ``ScenarioError`` names the file and node at fault."""
    where = _where(path)
    if not isinstance(data, dict):
        raise ScenarioError(f"{where}: a scenario should be a JSON object")
    sid = _need(data, "id", str, where)
    if path is not None and sid != path.stem:
        raise ScenarioError(f"{where}: id {sid!r} should match the file name {path.stem!r}")
    raw_iv = _need(data, "interview", dict, where)
    try:
        interview = Interview(**raw_iv)
    except ValidationError as error:
        raise ScenarioError(f"{where}: interview: {error}") from None
    except TypeError as error:
        raise ScenarioError(f"{where}: interview: {error}") from None
    kinds = _need(data, "kinds", list, where)
    bad = [k for k in kinds if k not in REPLY_KINDS]
    if bad or not kinds:
        raise ScenarioError(f"{where}: 'kinds' should list some of {', '.join(REPLY_KINDS)}, got {kinds!r}")
    raw_nodes = _need(data, "nodes", dict, where)
    nodes = {node_id: _node(node_id, raw, path) for node_id, raw in raw_nodes.items()}
    start = _need(data, "start", str, where)
    if start not in nodes:
        raise ScenarioError(f"{where}: start node {start!r} is not one of the nodes ({', '.join(nodes)})")
    if nodes[start].end:
        raise ScenarioError(f"{_where(path, start)}: the start node needs a reply_kind and choices")
    for node in nodes.values():
        targets = [(f"choice {n}", c.next) for n, c in enumerate(node.choices, start=1)]
        if node.typed is not None:
            targets += [("typed 'passed'", node.typed.passed), ("typed 'failed'", node.typed.failed)]
        for what, target in targets:
            if target not in nodes:
                raise ScenarioError(
                    f"{_where(path, node.id)}: {what} goes to unknown node {target!r} "
                    f"(nodes: {', '.join(nodes)})"
                )
    for node in nodes.values():
        if node.kind is not None and node.kind not in kinds:
            raise ScenarioError(
                f"{_where(path, node.id)}: reply_kind {node.kind!r} is missing from the scenario's 'kinds' "
                f"({', '.join(kinds)})"
            )
    _check_reachable_and_acyclic(nodes, start, path)
    return Scenario(
        id=sid,
        title=_need(data, "title", str, where),
        context=_need(data, "context", str, where),
        interview=interview,
        kinds=tuple(kinds),
        model_answer=_need(data, "model_answer", str, where),
        sources=_source_ids(data.get("sources"), where),
        start=start,
        nodes=nodes,
        path=path,
    )


def _check_reachable_and_acyclic(nodes: Mapping[str, Node], start: str, path: Path | None) -> None:
    state: dict[str, str] = {}  # "open" while on the current trail, "done" afterwards

    def visit(node_id: str) -> None:
        state[node_id] = "open"
        node = nodes[node_id]
        targets = [c.next for c in node.choices] + (
            [node.typed.passed, node.typed.failed] if node.typed else []
        )
        for target in targets:
            if state.get(target) == "open":
                raise ScenarioError(
                    f"{_where(path, node_id)}: goes back to {target!r}, so the call never ends"
                )
            if target not in state:
                visit(target)
        state[node_id] = "done"

    visit(start)
    unreachable = [n for n in nodes if n not in state]
    if unreachable:
        raise ScenarioError(
            f"{_where(path)}: node(s) {', '.join(map(repr, unreachable))} can never be reached"
        )


def load_scenario(path: str | Path) -> Scenario:
    """Read one scenario file; bad JSON or a broken script raises ``ScenarioError`` naming the file."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ScenarioError(
            f"{path.name}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except OSError as error:
        raise ScenarioError(f"{path.name}: cannot be read ({error.strerror or error})") from None
    return scenario_from_dict(data, path)


def load_scenarios(folder: str | Path = SCENARIO_DIR) -> dict[str, Scenario]:
    """Every ``*.json`` scenario in ``folder``, by id, in file-name order."""
    folder = Path(folder)
    files = sorted(folder.glob("*.json"))
    if not files:
        raise ScenarioError(f"{folder}: no scenario files (*.json) found")
    return {s.id: s for s in map(load_scenario, files)}


# -- the caller's name ---------------------------------------------------------------------

#: The caller's name in the scripts; the learner's own name replaces it (``Call(learner=...)``).
SCRIPT_NAME = "Sam Rivera"
#: What the employer calls a learner who gave no name: "Hi there".
NEUTRAL_NAME = "there"
#: Longest name accepted, in characters.
MAX_NAME = 60
_SCRIPT_FIRST = SCRIPT_NAME.split()[0]
_GREETING = re.compile(rf"\b(Hi|Hello|Hey|Dear|Morning|Afternoon) {_SCRIPT_FIRST}\b")
_VOCATIVE = re.compile(rf",\s*{_SCRIPT_FIRST}\b(?=\s*[.!?;:])")
_ANY = re.compile(rf"\b{re.escape(SCRIPT_NAME)}\b|\b{_SCRIPT_FIRST}\b")


def learner_name(name: Any) -> str | None:
    """The learner's name as the employer will say it, or None when none was given.

    Refused with a clear message when it is not a short line of text.
    """
    if name is None:
        return None
    if not isinstance(name, str):
        raise ValidationError("your name", "text", name)
    name = " ".join(name.split())
    if not name:
        return None
    if len(name) > MAX_NAME or any(not ch.isprintable() for ch in name):
        raise ValidationError("your name", f"a name of at most {MAX_NAME} characters on one line", name)
    return name


def personalise(text: str, name: str | None, *, employer: bool = True) -> str:
    """A script line with the learner's name for the script's caller.

    With a name, the full name replaces ``SCRIPT_NAME`` and the first name its first name.  Without
    one, the employer greets "Hi there" and drops the name elsewhere ("Thanks, Sam." -> "Thanks.");
    the learner's own canned words keep the script's name (they are a sample to adapt).
    """
    if name:
        first = name.split()[0]
        return re.sub(rf"\b{_SCRIPT_FIRST}\b", first, text.replace(SCRIPT_NAME, name))
    if not employer:
        return text
    text = _GREETING.sub(rf"\1 {NEUTRAL_NAME}", text)
    text = _VOCATIVE.sub("", text)
    return _ANY.sub(NEUTRAL_NAME, text)


# -- playing a call ---------------------------------------------------------------------


@dataclass(frozen=True)
class Turn:
    """One exchange: the employer's line, what the learner said, its Feedback, and where it led."""

    number: int
    node: str
    speaker: str
    line: str
    text: str
    kind: str
    feedback: Any  # messages.Feedback
    counted: tuple[Any, ...]  # the Checks this turn is judged on (the node's focus)
    passed: bool
    next: str
    choice: Choice | None = None

    @property
    def picked(self) -> str | None:
        """The canned reply's label, or None for a typed reply."""
        return self.choice.label if self.choice else None


@dataclass(frozen=True)
class Point:
    """One debrief point: a rule you followed or should follow, its advice and its source.

    ``id`` is the check's id (see ``messages.CHECK_IDS``), or ``"choice:<node>"`` for a scripted
    point about a canned reply.
    """

    id: str
    went_well: bool
    label: str
    advice: str
    source: str
    turns: tuple[int, ...]


def _display_source(source: str) -> str:
    """Show a check's source: known ids through ``cite``, anything else as it is."""
    ids = [s.strip() for s in re.split(r"[,;]", source) if s.strip()]
    if ids and all(i in SOURCES for i in ids):
        return cite(*ids)
    return source


@dataclass(frozen=True)
class Debrief:
    """What went well and what to change over a whole call, with the rule and source behind each point."""

    scenario: Scenario
    turns: tuple[Turn, ...]
    went_well: tuple[Point, ...]
    to_change: tuple[Point, ...]
    ending: str

    @property
    def sources(self) -> tuple[str, ...]:
        """Every source shown in the debrief, in order of first mention."""
        return tuple(dict.fromkeys(p.source for p in (*self.went_well, *self.to_change)))

    def summary(self) -> str:
        """The debrief as plain text (for a terminal or a test)."""
        lines = [f"Debrief: {self.scenario.title} ({plural(len(self.turns), 'turn')}). Ending: {self.ending}"]
        for title, points in (("What went well", self.went_well), ("What to change", self.to_change)):
            lines.append(f"{title}:")
            lines += [f"  {'✓' if p.went_well else '✗'} {p.label}: {p.advice} [{p.source}]" for p in points]
            if not points:
                lines.append("  (nothing here this time)")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        def items(points: tuple[Point, ...], mark: str, colour: str) -> str:
            if not points:
                return "<p><em>Nothing here this time.</em></p>"
            rows = "".join(
                f"<li><span style='color:{colour}' aria-hidden='true'>{mark}</span> "
                f"<strong>{html.escape(p.label)}</strong>: {html.escape(p.advice)} "
                f"<small>({'turn' if len(p.turns) == 1 else 'turns'} {', '.join(map(str, p.turns))}; "
                f"source: {html.escape(p.source)})</small></li>"
                for p in points
            )
            return f"<ul style='list-style:none;padding-left:0.5em'>{rows}</ul>"

        return (
            f"<div><h4>Debrief: {html.escape(self.scenario.title)}</h4>"
            f"<p>The call ended: <em>“{html.escape(self.ending)}”</em> "
            f"({html.escape(plural(len(self.turns), 'reply', 'replies'))} by you)</p>"
            f"<h5>What went well</h5>{items(self.went_well, '✓', '#1a7f37')}"
            f"<h5>What to change</h5>{items(self.to_change, '✗', '#b35900')}</div>"
        )


def _debrief(scenario: Scenario, turns: tuple[Turn, ...], ending: str) -> Debrief:
    """Aggregate the turns: a check that failed in any turn is to change, one that always passed went well."""
    outcome: dict[str, dict[str, Any]] = {}
    for turn in turns:
        for check in turn.counted:
            entry = outcome.setdefault(
                check.id, {"label": check.label, "source": _display_source(check.source), "ok": [], "bad": []}
            )
            entry["ok" if check.passed else "bad"].append(turn.number)
            if not check.passed or "advice" not in entry:
                entry["advice"] = check.advice
        note = turn.choice.note if turn.choice else None
        if note is not None:
            outcome[f"choice:{turn.node}"] = {
                "label": "Your choice" if note.went_well else "Your choice: think again",
                "advice": note.text,
                "source": cite(*note.sources),
                "ok": [turn.number] if note.went_well else [],
                "bad": [] if note.went_well else [turn.number],
            }
    went_well, to_change = [], []
    for key, entry in outcome.items():
        bad = bool(entry["bad"])
        numbers = tuple(entry["bad"] if bad else entry["ok"])  # not ``turns``: that is the whole call
        point = Point(key, not bad, entry["label"], entry["advice"], entry["source"], numbers)
        (to_change if bad else went_well).append(point)

    return Debrief(scenario, turns, tuple(went_well), tuple(to_change), ending)


@dataclass
class Call:
    """One play of a scenario: read ``line``, answer by ``reply`` or ``choose`` until ``finished``."""

    scenario: Scenario
    node_id: str = ""
    turns: list[Turn] = field(default_factory=list)
    learner: str | None = None  # the learner's name, said by the employer (None: "there")

    def __post_init__(self) -> None:
        self.learner = learner_name(self.learner)
        self.node_id = self.node_id or self.scenario.start
        if self.node_id not in self.scenario.nodes:
            raise ScenarioError(f"{_where(self.scenario.path)}: no node {self.node_id!r}")

    @property
    def node(self) -> Node:
        """The node the call is at."""
        return self.scenario.nodes[self.node_id]

    @property
    def line(self) -> str:
        """What the employer says now (the closing line once the call is finished), to the learner by name."""
        return personalise(self.node.line, self.learner)

    @property
    def speaker(self) -> str:
        """Who says the current line."""
        return self.node.speaker

    @property
    def kind(self) -> str | None:
        """The kind of reply expected now, or None when the call is over."""
        return self.node.kind

    @property
    def choices(self) -> tuple[Choice, ...]:
        """The canned replies on offer now (none once the call is over), in the learner's name."""
        if not self.learner:
            return self.node.choices
        return tuple(
            dataclasses.replace(c, say=personalise(c.say, self.learner, employer=False))
            for c in self.node.choices
        )

    @property
    def finished(self) -> bool:
        """True once the employer has said a closing line."""
        return self.node.end

    def choose(self, pick: int | str) -> Turn:
        """Pick a canned reply by its position (0-based) or its label; it is checked like a typed one."""
        choices = self.choices
        if isinstance(pick, int) and not isinstance(pick, bool) and 0 <= pick < len(choices):
            return self._answer(choices[pick].say, choices[pick])
        for choice in choices:
            if choice.label == pick:
                return self._answer(choice.say, choice)
        labels = ", ".join(repr(c.label) for c in choices) or "none, the call is over"
        raise ValidationError("choice", f"one of the replies on offer ({labels})", pick)

    def reply(self, text: str) -> Turn:
        """Answer the current line in your own words; the node's typed-reply rule decides what comes next."""
        if not isinstance(text, str):
            raise ValidationError("reply", "text", text)
        return self._answer(text, None)

    def _answer(self, text: str, choice: Choice | None) -> Turn:
        node = self.node
        if node.end:
            raise ValidationError(
                "reply", "a call still in progress", "a call that has ended; start a new one"
            )
        if len(text) > MAX_REPLY:
            raise ValidationError("reply", f"at most {MAX_REPLY:,} characters for one turn of a call", text)
        feedback = check_message(text, node.kind, self.scenario.interview)
        counted = self._counted(feedback, node)
        if choice is not None:
            target = choice.next
            passed = all(c.passed for c in counted)
        else:
            route = node.typed
            assert route is not None  # validated on load: every reply node has a typed route
            if route.key_checks:
                by_id = {c.id: c for c in feedback.items}
                passed = all(by_id[k].passed for k in route.key_checks)
            else:
                passed = all(c.passed for c in counted)
            target = route.passed if passed else route.failed
        turn = Turn(
            number=len(self.turns) + 1,
            node=node.id,
            speaker=node.speaker,
            line=self.line,
            text=text,
            kind=node.kind,
            feedback=feedback,
            counted=counted,
            passed=passed,
            next=target,
            choice=choice,
        )
        self.turns.append(turn)
        self.node_id = target
        return turn

    def _counted(self, feedback: Any, node: Node) -> tuple[Any, ...]:
        if not node.focus:
            return tuple(feedback.items)
        by_id = {c.id: c for c in feedback.items}
        return tuple(by_id[f] for f in node.focus)  # ids validated against CHECK_IDS on load

    def debrief(self) -> Debrief:
        """What went well and what to change, from every turn so far (normally called once finished)."""
        if not self.turns:
            raise ValidationError("debrief", "at least one reply in the call", "no replies yet")
        return _debrief(self.scenario, tuple(self.turns), self.line)

    def restart(self) -> None:
        """Go back to the first line and forget the turns."""
        self.node_id = self.scenario.start
        self.turns.clear()
