"""Sourced rubric checks for follow-up messages, and a form-letter detector for thank-you notes.

``check_message(text, kind, interview=None)`` reads a draft (a thank-you note, a status-call
opener, a voicemail, a feedback request after a rejection, or what to say on the call after an
offer) and returns ``Feedback``: one ``Check`` per rule, each with what to do and the source the
rule comes from, plus the estimated speaking time and the filler words found.  It gives insights
first and never a grade up front.

``compare_notes(notes)`` flags thank-you notes to different interviewers that read like one form
letter (seed 001: "don't standardize your message"), shows the shared part and says what to
personalize.

The checks are plain-text heuristics, written to generalise rather than to list phrases: questions
are recognised by their structure (an interrogative clause, "I wondered whether…", "could you tell
me…"), tone by patterns of sarcasm, neediness, pressure and blame with negation handled ("I'm not
calling to pressure you" is calm, "I can't accept this" is not acceptance), and talking points by
stems and content words.  They were improved against ``tests/data/messages/tuning.json`` and are
measured on a held-out part by ``benchmarks/bench_messages.py``.  Tone also has one learned signal,
used when no rule finds a fault: a small logistic regression trained on the tuning batches only
(``data/tone_model.json``, see "a learned signal" below), which shows the learner the clause it
weighs.  They coach; they cannot understand a message, so each advice says what to do rather than
passing judgement.  Where a rule needed a
choice, the check's docstring says which choice was made and why.
"""

from __future__ import annotations

import difflib
import html
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple

from .records import MAX_NOTES, Interview, ValidationError
from .sources import cite
from .wording import long_day

__all__ = [
    "MESSAGE_KINDS",
    "KIND_NAMES",
    "LABELS",
    "CHECK_IDS",
    "TONE_CHECKS",
    "PRIORITY",
    "WORDS_PER_MINUTE",
    "MAX_SPOKEN_SECONDS",
    "TIMED_KINDS",
    "MAX_NOTE_WORDS",
    "MAX_TEXT",
    "FORM_LETTER_THRESHOLD",
    "Check",
    "Feedback",
    "NoteComparison",
    "check_message",
    "compare_notes",
    "count_words",
    "find_fillers",
]

MESSAGE_KINDS = ("thank_you", "status_call_opener", "voicemail", "feedback_request", "offer_call")

#: How each kind is named to the learner.
KIND_NAMES = {
    "thank_you": "thank-you note",
    "status_call_opener": "status call opener",
    "voicemail": "voicemail",
    "feedback_request": "feedback request",
    "offer_call": "call after an offer",
}

#: The stated speaking rate: a calm phone voice, inside the usual 130–160 words per minute.
WORDS_PER_MINUTE = 145
#: Longest opener or voicemail, spoken, in seconds: this workbook's own target (no source gives a
#: length; the model call of evidence pack §3 B is five short parts).
MAX_SPOKEN_SECONDS = 30
#: Kinds that are spoken and have a time target.
TIMED_KINDS = ("status_call_opener", "voicemail")
#: Longest thank-you note, in words (model thank-you: about one paragraph).
MAX_NOTE_WORDS = 200
#: Longest text we check, in characters (the same limit as free notes in the log).
MAX_TEXT = MAX_NOTES
#: Two notes whose bodies are at least this similar read like one form letter.  Tuned on notes
#: that share only the courtesy lines (about 0.55 alike: personal) and notes that swap a single
#: sentence of a template (about 0.75: a form letter).
FORM_LETTER_THRESHOLD = 0.65
#: Round 18: notes this alike, one of which has nothing of the interview in it (it would fail
#: ``not_form_letter`` on its own), are one form letter lightly reworded ("casual boilerplate with
#: swapped synonyms", about 0.48-0.62 alike); personal pairs that share their courtesy lines (up to
#: 0.56) each say something of their own, so they stay apart.
GENERIC_PAIR_THRESHOLD = 0.45
#: At most this many failed checks are put first as priorities; the rest are listed in the details.
MAX_PRIORITIES = 3
_COUNT_WORDS = {2: "two", 3: "three"}


# -- results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    """One rule applied to a draft: whether it is met, what to do, and where the rule comes from."""

    id: str
    label: str
    passed: bool
    advice: str
    source: str
    source_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Feedback:
    """Everything ``check_message`` found in one draft; shows as HTML in a notebook."""

    kind: str
    text: str
    items: tuple[Check, ...]
    speaking_seconds: float
    words_per_minute: int
    filler_words: tuple[str, ...]
    target_seconds: float | None = None

    @property
    def passed(self) -> bool:
        """True when every check is met."""
        return all(item.passed for item in self.items)

    @property
    def failed(self) -> tuple[Check, ...]:
        """The checks to work on, in rubric order."""
        return tuple(item for item in self.items if not item.passed)

    @property
    def score(self) -> tuple[int, int]:
        """(checks met, checks in all): shown last, after the advice, never as a grade."""
        return sum(item.passed for item in self.items), len(self.items)

    @property
    def words(self) -> int:
        """Words in the draft, punctuation excluded (the basis of ``speaking_seconds``)."""
        return count_words(self.text)

    @property
    def title(self) -> str:
        return f"Feedback on your {KIND_NAMES[self.kind]}"

    def timing(self) -> str:
        """One sentence on the speaking time and, for spoken kinds, the target."""
        seconds, words = f"{self.speaking_seconds:.0f}", self.words
        base = (
            f"About {seconds} second{'' if seconds == '1' else 's'} to say aloud "
            f"({words} word{'' if words == 1 else 's'} at {self.words_per_minute} words per minute)"
        )
        if self.target_seconds is None:
            return base + "."
        verdict = "within" if 0 < self.speaking_seconds <= self.target_seconds else "outside"
        return f"{base}; target: {self.target_seconds:.0f} seconds or less, so {verdict} the target."

    def fillers(self) -> str:
        """One sentence on the filler words found, most frequent first."""
        if not self.filler_words:
            return "No filler words found."
        counts: dict[str, int] = {}
        for word in self.filler_words:
            counts[word] = counts.get(word, 0) + 1
        shown = ", ".join(f"“{w}” ×{n}" if n > 1 else f"“{w}”" for w, n in counts.items())
        return f"Filler words: {shown}. Rehearse it once more without them."

    @property
    def priorities(self) -> tuple[Check, ...]:
        """The failed checks most worth fixing first (at most ``MAX_PRIORITIES``), most important first.

        Tone comes first (a pushy or sarcastic message does harm whatever else it gets right), then
        what the reader needs to place you and answer, then the finer points; see ``PRIORITY``.
        """
        rank = {check_id: i for i, check_id in enumerate(PRIORITY)}
        ordered = sorted(self.failed, key=lambda c: rank.get(c.id, len(rank)))
        return tuple(ordered[:MAX_PRIORITIES])

    @property
    def verdict(self) -> str:
        """The overall verdict, shown first: "Ready to send" or "Revise these two things first"."""
        spoken = self.kind in ("status_call_opener", "voicemail", "offer_call")
        if self.passed:
            return "Ready to say: every check is met." if spoken else "Ready to send: every check is met."
        n = len(self.priorities)
        count = _COUNT_WORDS.get(n, str(n))
        more = len(self.failed) - n
        rest = f" ({more} smaller point{'s' if more > 1 else ''} below)" if more else ""
        return f"Revise {'this one thing' if n == 1 else f'these {count} things'} first{rest}."

    def summary(self) -> str:
        """The feedback as plain text: the verdict, the priorities in order, then every check and the time."""
        lines = [self.title, self.verdict]
        if self.priorities:
            lines.append("Top priorities:")
            lines += [f"  {i}. {c.label}: {c.advice}" for i, c in enumerate(self.priorities, 1)]
        lines.append("Details:")
        for heading, checks, mark in (
            ("To change", self.failed, "✗"),
            ("Going well", tuple(i for i in self.items if i.passed), "✓"),
        ):
            if checks:
                lines.append(f"{heading}:")
                lines += [f"  {mark} {c.label}: {c.advice} [{c.source}]" for c in checks]
        met, total = self.score
        lines += [self.timing(), self.fillers(), f"{met} of {total} checks met."]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        e = html.escape
        colour = "#1a7f37" if self.passed else "#b42318"
        mark = "✓" if self.passed else "➜"
        parts = [
            f'<div class="followup-feedback" role="group" aria-label="{e(self.title)}">',
            f"<p><strong>{e(self.title)}</strong></p>",
            f"<p class='followup-verdict' style='font-size:1.1em'><span style='color:{colour}' "
            f"aria-hidden='true'>{mark}</span> <strong>{e(self.verdict)}</strong></p>",
        ]
        if self.priorities:
            parts.append("<p style='margin-bottom:0.2em'><strong>Top priorities</strong></p>")
            parts.append("<ol class='followup-priorities' style='margin-top:0'>")
            parts += [f"<li><strong>{e(c.label)}</strong>: {e(c.advice)}</li>" for c in self.priorities]
            parts.append("</ol>")
        parts.append("<p style='margin-bottom:0.2em'><strong>Details</strong></p>")
        for heading, checks, sign, tint in (
            ("To change", self.failed, "✗", "#b42318"),
            ("Going well", tuple(i for i in self.items if i.passed), "✓", "#1a7f37"),
        ):
            if not checks:
                continue
            parts.append(f"<p style='margin-bottom:0.2em'><strong>{heading} ({len(checks)})</strong></p>")
            parts.append("<ul style='list-style:none;padding-left:0.4em;margin-top:0'>")
            for c in checks:
                parts.append(
                    f"<li style='margin-bottom:0.4em'><span style='color:{tint}' aria-hidden='true'>"
                    f"{sign}</span> <strong>{e(c.label)}</strong> ({heading.lower()}): {e(c.advice)}"
                    f"<br><small>Source: {e(c.source)}</small></li>"
                )
            parts.append("</ul>")
        met, total = self.score
        parts += [
            f"<p>{e(self.timing())}<br>{e(self.fillers())}</p>",
            f"<p><small>{met} of {total} checks met.</small></p>",
            "<details><summary>Your draft</summary><blockquote style='white-space:pre-wrap'>"
            f"{e(self.text)}</blockquote></details>",
            "</div>",
        ]
        return "\n".join(parts)


@dataclass(frozen=True)
class NoteComparison:
    """How alike a set of thank-you notes are, and what to personalize if they read as one form letter."""

    names: tuple[str, ...]
    pairs: tuple[tuple[str, str, float], ...]  # (name_a, name_b, similarity 0..1), most alike first
    threshold: float
    form_letter: bool
    shared: str  # the passages the most alike pair share word for word ("" if none)
    suggestions: tuple[str, ...]
    source: str

    def summary(self) -> str:
        """The comparison as plain text."""
        if self.form_letter:
            lines = ["These notes read like one form letter; personalize each one."]
        else:
            lines = ["These notes read as separate, personal notes."]
        lines += [f"  {a} and {b}: {s:.0%} alike" for a, b, s in self.pairs]
        if self.shared:
            lines.append(f"Shared word for word: “{self.shared}”")
        lines += [f"- {s}" for s in self.suggestions]
        lines.append(f"(flagged at {self.threshold:.0%} alike or more) Source: {self.source}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        e = html.escape
        verdict = (
            "✗ These notes read like one form letter: personalize each one."
            if self.form_letter
            else "✓ These notes read as separate, personal notes."
        )
        rows = "".join(
            f"<tr><td>{e(a)}</td><td>{e(b)}</td><td style='text-align:right'>{s:.0%}</td></tr>"
            for a, b, s in self.pairs
        )
        parts = [
            '<div class="followup-notes" role="group" aria-label="Comparison of thank-you notes">',
            f"<p><strong>{e(verdict)}</strong></p>",
            "<table><caption>How alike each pair of notes is "
            f"(flagged at {self.threshold:.0%} or more)</caption>"
            "<thead><tr><th scope='col'>Note</th><th scope='col'>Note</th>"
            f"<th scope='col'>Alike</th></tr></thead><tbody>{rows}</tbody></table>",
        ]
        if self.shared:
            parts.append(f"<p>Shared word for word:</p><blockquote>{e(self.shared)}</blockquote>")
        if self.suggestions:
            parts.append("<p><strong>What to personalize</strong></p><ul>")
            parts += [f"<li>{e(s)}</li>" for s in self.suggestions]
            parts.append("</ul>")
        parts += [f"<p><small>Source: {e(self.source)}</small></p>", "</div>"]
        return "\n".join(parts)


# -- reading a draft --------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*|\d+")
_NAME = r"[^\W\d_][\w'-]*"
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})
_DASHES = re.compile(r"\s*[–—]\s*")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n+")
_CLAUSE_BREAK = re.compile(r"\s*(?:[,;:]|\s-\s)\s*")

#: Words that follow "Hi" or "this is" but are not a person's name.
_NOT_NAMES = frozenset(
    """i i'm there team all everyone everybody folks sir madam miss mr mrs ms mx dr prof hiring manager
    recruiter recruiting hr staffing talent human resources the a an and or of at from in for to again
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december""".split()
)
#: Lower-case words that follow "hi", "it's", "this is" in typed speech but are not a name.
_NOT_NAME_WORDS = frozenset(
    """about again also am an and any anyone are as at back be calling checking do fine following for
    from good great hello here hey hi how i i'm if in is it it's just me morning afternoon evening my
    no not now of ok okay on one phoning regarding really ringing so sorry still sure thanks thank that
    the there this to today um uh er very we well what when who why with yes you your ringing writing
    hoping wondering glad happy been being got gone had has was were will would could should might must
    all always probably likely""".split()
)
_TITLES = r"(?:(?:mr|mrs|ms|miss|mx|dr|prof)\.?\s+)"
_GREETING_WORDS = frozenset(
    "hi hello hey hiya heya howdy dear bonjour good morning afternoon evening".split()
)


class _Draft:
    """A draft with the facts several checks share, each worked out once on first use."""

    def __init__(self, text: str, kind: str, interview: Interview | None) -> None:
        self.text = text
        self.kind = kind
        self.interview = interview
        self.flat = _DASHES.sub(" - ", unicodedata.normalize("NFC", text).translate(_QUOTES))

    @cached_property
    def words(self) -> list[str]:
        return _WORD.findall(self.flat)

    @cached_property
    def sentences(self) -> list[str]:
        return [s.strip() for s in _SENTENCE_BREAK.split(self.flat) if s and s.strip()]

    @cached_property
    def questions(self) -> list[str]:
        """Sentences that ask something, recognised by structure (see ``_is_question``), routing excluded."""
        return [s for s in self.sentences if _is_question(s) and not _ROUTING.search(s)]

    @cached_property
    def tone(self) -> list[_Fault]:
        """Tone faults found: sarcasm, neediness, pressure, reproach, blame (``_tone_faults``)."""
        return _tone_faults(self)

    @cached_property
    def seconds(self) -> float:
        return len(self.words) / WORDS_PER_MINUTE * 60

    @cached_property
    def logged_people(self) -> dict[str, str]:
        """Folded name word -> the name word as logged, for every person logged for this interview."""
        return {_fold(w): w for w in self.people("contact", "interviewers", "agency_contact")}

    def _namelike(self, word: str) -> bool:
        """A name: capitalised and not a common word, or any spelling of a logged person's name."""
        return _is_name(word) or (_fold(word) in self.logged_people and word.casefold() not in _NOT_NAMES)

    @cached_property
    def greeted_full(self) -> list[tuple[str, str | None]]:
        """(name, the word after it if it may be a surname) after each greeting: "Hi Dana", "dear priya"."""
        out = []
        for m in _GREETING.finditer(self.flat):
            name = m["name"]
            if self._namelike(name):
                after = self.flat[m.end("name") :]
                nxt = re.match(rf"\s+(?P<last>{_NAME})", after)
                last = nxt["last"] if nxt and _is_name(nxt["last"]) else None
                out.append((name, last))
        return out

    @cached_property
    def greeted(self) -> list[str]:
        """Names right after a greeting ("Hi Dana", "Dear Ms. Okafor", "Is this Zoë?", "hi maria")."""
        return [name for name, _ in self.greeted_full]

    @cached_property
    def self_intro(self) -> tuple[str, str | None] | None:
        """The name the speaker gives for themself, and their surname if given ("this is Sam Lee")."""
        logged = set(self.logged_people)
        greeted = {_fold(n) for n in self.greeted}
        for pattern in (_SELF, _SELF_HERE, _SELF_BARE):
            for m in pattern.finditer(self.flat):
                name, last = m["name"], m["last"]
                if pattern is _SELF_HERE and last and _fold(name) in greeted | logged:
                    name, last = last, None  # "hi ola tomasz here": Ola is greeted, Tomasz speaks
                words = {_fold(name), _fold(last or "")}
                if words & _GREETING_WORDS or _fold(name) in logged:
                    continue
                if pattern is _SELF_BARE and _fold(name) in greeted | logged:
                    continue
                if pattern is _SELF and _fold(name) in greeted:
                    continue
                capital = _is_name(name)
                # in lower-case speech a name is any word but a common one: "how it's going" names nobody
                lower = (name.islower() and name not in _NOT_NAME_WORDS and len(name) > 1
                         and not re.fullmatch(r"\w+(?:ing|ed|ly)", name))  # fmt: skip
                if pattern is _SELF_BARE and not (capital and last and _is_name(last)):
                    continue  # "Hi Dana, Sam Lee." needs a capitalised first and last name
                if capital or (
                    lower and pattern is not _SELF_BARE and m.group(0).split()[0].lower() != "i'm"
                ):
                    keep = last if last and (_is_name(last) or last.islower()) else None
                    if keep and keep.casefold() in _NOT_NAME_WORDS | _NOT_NAMES:
                        keep = None
                    return name, keep
        return None

    @cached_property
    def self_name(self) -> str | None:
        """The name the speaker gives for themself ("this is Sam Lee", "my name is Sam", "sam lee here")."""
        return self.self_intro[0] if self.self_intro else None

    @cached_property
    def own_name(self) -> set[str]:
        """The writer's own name words: from "this is Sam Lee" and from a short last line (the signature)."""
        own: set[str] = set()
        if self.self_intro:
            own.update(w for w in self.self_intro if w)
        lines = [line.strip() for line in self.flat.splitlines() if line.strip()]
        if len(lines) > 1 and len(lines[-1].split()) <= 4 and lines[-1][-1] not in ".?!":
            own.update(w for w in re.findall(_NAME, lines[-1]) if _is_name(w))
        return own

    @cached_property
    def addressed(self) -> set[str]:
        """Names the draft addresses or mentions: greeted names, and other names except the writer's own."""
        said = {w for w in re.findall(_NAME, self.flat) if self._namelike(w)}
        return set(self.greeted) | (said - self.own_name)

    def people(self, *fields: str) -> list[str]:
        """Name words logged for this interview in the given fields (e.g. "contact", "interviewers")."""
        if self.interview is None:
            return []
        out: list[str] = []
        for name in fields:
            value = getattr(self.interview, name) or ""
            for entry in [value] if isinstance(value, str) else value:
                out += _name_words(entry)
        return out


def _is_name(word: str) -> bool:
    return word[:1].isupper() and word.casefold() not in _NOT_NAMES


def _name_words(entry: str) -> list[str]:
    """ "Dana Reyes (HR), dana@x.com" -> ["Dana", "Reyes"]: capitalised words that are not titles."""
    entry = re.sub(r"\S+@\S+|\+?\d[\d\s().-]{5,}\d|\([^)]*\)", " ", entry)
    return [w for w in re.findall(_NAME, entry) if _is_name(w) and len(w) > 1]


@lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    """Case and accents folded: "Zoë" and "zoe" become equal (to spot a misspelled name)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def count_words(text: str) -> int:
    """Words as spoken, punctuation excluded; a phone number counts one word per digit group."""
    flat = _DASHES.sub(" - ", unicodedata.normalize("NFC", text).translate(_QUOTES))
    return len(_WORD.findall(flat))


# -- filler words ------------------------------------------------------------------------------

_FILLER = re.compile(
    r"\b(?:um+|uh+|uhm+|erm*|hmm+|you know|basically|actually|literally|just|i mean|like|kind of|sort of)\b",
    re.I,
)
#: "like" after these words is a verb or comparison ("I'd like to", "looks like"), not a filler.
_LIKE_VERB_BEFORE = frozenset(
    "i i'd we we'd you you'd they they'd would really also feel feels looks look sounds seems something "
    "nothing anything just more much not don't didn't do did".split()
)
#: "kind of" after these words is a noun phrase ("what kind of role"), not a filler.
_KIND_NOUN_BEFORE = frozenset(
    "what which this that the a an any every some same each no one another these those other different "
    "right".split()
)
#: "you know" after these words asks a real question ("do you know if").
_YOU_KNOW_BEFORE = frozenset("do did would if as will".split())


def find_fillers(text: str) -> tuple[str, ...]:
    """Filler words in the order they occur, lower-cased; "like" and "kind of" only as fillers."""
    flat = _DASHES.sub(" - ", unicodedata.normalize("NFC", text).translate(_QUOTES))
    found = []
    for m in _FILLER.finditer(flat):
        word = m.group().lower()
        before = flat[: m.start()].rstrip()
        previous = before.split()[-1].lower().strip(",.;:!?\"'") if before else ""
        if word == "like":
            set_off = not before or before[-1] in ",.;:!?-"  # ", like," or "Like, …"
            trailing = flat[m.end() : m.end() + 1] == "," and previous not in _LIKE_VERB_BEFORE
            if not (set_off or trailing):
                continue
        elif word in ("kind of", "sort of") and previous in _KIND_NOUN_BEFORE:
            continue
        elif word == "you know" and previous in _YOU_KNOW_BEFORE:
            continue
        found.append(word)
    return tuple(found)


# -- shared patterns ----------------------------------------------------------------------------


def _rx(*alternatives: str) -> re.Pattern[str]:
    """One case-insensitive pattern from alternatives, each a whole-word phrase."""
    return re.compile("|".join(rf"\b(?:{a})\b" for a in alternatives), re.I)


_GREETING = re.compile(
    r"\b(?P<hello>hi|hello|hey|hiya|dear|bonjour|hej|hallo|hola|ciao|salut|namaste|"
    r"good (?:morning|afternoon|evening)|"
    # a bare "Morning Dana!" at the start of a sentence
    r"(?:(?<![\w,] )(?<!\w)(?:morning|afternoon|evening)(?=\s+[A-Z]))|"
    r"(?:speak|talk) (?:to|with)|is this|is that)\b"
    rf"(?=[\s,]*{_TITLES}?(?P<name>{_NAME}))",
    re.I,
)
_SELF = re.compile(
    r"\b(?:this is|my name is|my name's|name's|it's|its|it is|i'm|i am|here is|c'est|"
    r"you're speaking (?:to|with))"
    rf"\s+(?P<name>{_NAME})"
    rf"(?:\s+(?P<last>{_NAME}))?",
    re.I,
)
_SELF_HERE = re.compile(rf"(?:^|(?<=[\s,.!?]))(?P<name>{_NAME})(?:\s+(?P<last>{_NAME}))?\s+here\b")
#: "Hi Dana, Sam Lee." or "Hello Anika. Ravi Menon." : a first and last name standing alone.
_SELF_BARE = re.compile(
    rf"(?:^|(?<=[,.!?-]\s))(?P<name>{_NAME})\s+(?P<last>{_NAME})(?=\s*[,.!?]|\s+-\s|"
    r"\s+(?:speaking|calling|from|again)\b)"
)

_THANKS = _rx(
    # "thanks for nothing" thanks nobody
    # round 15 (tuning32): "thanks in advance" thanks them for nothing they have done yet
    r"thank(?:s| you|ing)?(?! (?:for )?(?:nothing|bugger all|sod all|zip|less than nothing)\b)"
    r"(?!(?: (?:so|very) much)? in advance\b)",
    r"cheers for|thx|tysm|much obliged|ta (?:for|very much|muchly)",
    r"cheers(?=,? [\w']+[,!]? [\w'])",
    r"appreciat\w*",
    r"grateful",
    r"merci|diolch|gracias|danke|grazie|obrigad[oa]|arigato|dank je|tack",
)
_INTEREST = _rx(
    # not curiosity about the outcome: "interested to hear what you decide"
    r"interest(?:ed)?(?! to (?:hear|know|see|find out) (?:what|whether|if|how|when|your|the "
    r"(?:outcome|decision)|"
    r"back))"
    # round 8: interest in their hobby ("very interested in your cycling trips") is not in the job
    r"(?! in (?:your|his|her|their) (?!(?:[\w'-]+ ){0,3}?(?:role|job|position|post|team|company|firm|"
    r"organi[sz]ation|work|mission|business|studio|school|project|vision|plan|department|kitchen|workshop|"
    r"service|product|clinic|practice|charity|library|shop|restaurant)s?\b))",
    r"excit(?:ed|ing)",
    r"enthusias\w+",
    r"keen",
    r"eager",
    r"thrilled",
    r"passionate",
    r"look(?:ing)? forward to (?:working|joining|contributing|starting|the chance|the opportunity|"
    r"helping|being part)",
    r"(?:i would|i'd|id|we'd|would) (?:really |very much |so |still |\w+ly ){0,2}love",
    r"(?:i would|i'd|id) (?:really |very much |\w+ly )?like to (?:join|work|be part|contribute|help|"
    r"bring|support|"
    r"take on|get stuck in|be the one|be on the team|be a part|run|lead)",
    r"(?:would|'d) be (?:so |very |really |truly )?(?:glad|grateful|happy|delighted|thrilled) (?:of|for) "
    r"(?:the|a) (?:chance|opportunity)",
    r"(?:delighted|glad|happy) to (?:join|be part|contribute|bring|become (?:a )?part)",
    # round 17: "would really like the field service tech job"
    r"(?:would|'d) (?:really |very much |so )?(?:like|love) (?:the|this|that) (?:[\w-]+ ){0,3}(?:job|role|"
    r"position|post)(?! (?:description|spec|specification|ad|advert|title|pack|details))",
    r"want(?:ing|ed)? (?:this|the) (?:job|role|position)",
    r"hop(?:e|ing) to (?:join|be part|be a part|work (?:with|for|at|on)|contribute)",
    r"hop(?:e|ing) (?:i|that i|to)\b[^.?!]{0,25}\b(?:join|be part|be a part|work (?:with|for|at|on)|"
    r"contribute|"
    r"be (?:your|the|a|an) )",
    r"(?:welcome|relish|jump at|love) the (?:chance|opportunity)",
    # the role suiting you is interest; you suiting the role ("I'm a strong fit") is a claim, not interest
    r"(?:role|job|position|post|it) (?:feels|seems|sounds|looks) like (?:a |the )?"
    r"(?:great|good|perfect|ideal|natural|real) (?:fit|match) for me",
    r"(?:privilege|honou?r|pleasure|joy) to (?:join|work|be part|contribute|bring|help|support)",
    r"(?:proud|honou?red|privileged) to (?:join|work|be part|contribute)",
    r"appeals? to me|(?:really|very much|greatly) appeals?",
    r"(?:drawn|attracted) to (?:the|this|your|working)",
    r"(?:would|'d) be (?:so |very |really )?(?:happy|glad|delighted|thrilled|keen|chuffed|stoked|over the "
    r"moon) to (?:help|join|work|contribute|be)",
    r"motivated",
    r"(?:would|'d) be (?:very |really |so )?(?:great|lovely|amazing|wonderful|happy|glad|delighted|thrilled|"
    r"pleased) to (?:work|join|be part)",
    r"want to (?:join|be part|contribute|work)",
    # round 11: without "I" before it ("…and would really like to be part of it"), non-native wishes and
    # "interesting" for "interested" ("I am really wish to work in Saltmarsh team", "very interesting in
    # this role")
    r"(?:would|'d) (?:really |very much |so )?(?:like|love) to (?:join|be part|be a part|work (?:with|for|at|"
    r"on|in))",
    r"wish(?:ing)? to (?:join|work|be part|be a part|contribute)",
    r"interesting in (?:this|the|your) (?:\w+ )?(?:role|job|position|post)",
    # round 10: the same work here ("I'd really like to do the same at Brightwell")
    r"(?:would|'d) (?:really |very much )?(?:like|love) to (?:do the same|do that|"
    r"bring (?:that|the same|this))",
    r"can't wait(?! forever)",
    # wanting the role in other words: "made me want the analyst role even more", "exactly what I'm
    # looking for", "this is the job for me"
    r"want (?:the|this|that) (?:\w+ ){0,2}(?:job|role|position|post)",
    r"want (?:this|it|the job|the role) (?:so much|so badly|very much|more than|a lot|more)",
    r"(?:exactly|just|precisely) (?:the (?:\w+ )?(?:role|job|kind of \w+) |what )"
    r"i(?:'m| am|'ve been| have been) "
    r"(?:looking for|after|hoping for)",
    r"(?:is|was|feels like) (?:the|my) (?:\w+ )?(?:job|role|position|place) for me",
    r"(?:this|it|that) is (?:exactly |just )?where i (?:want|would like|'d like|'d love|would love) "
    r"to (?:be|work)",
    r"(?:role|job|position|it) (?:is|feels|seems|sounds|looks) (?:like )?(?:a |the )?(?:great|good|perfect|"
    r"ideal|natural|real) (?:fit|match) for (?:what i|where i)",
    # round 7: the role or the firm as the one you want ("this role is the one I'm aiming for", "the
    # studio I'd most like to build for"), not the one you want to ask about
    r"(?:role|job|position|post|one|place|team|company|firm|studio|school) (?:that )?i(?:'m| am|'ve been|"
    r" have been|'d| would)? (?:most |really )?(?:want(?! to (?:ask|know|check|discuss|talk|hear|mention|"
    r"raise|clarify))|aiming for|hoping for|(?:like|love) to (?:join|work|build))",
    # round 8: wanting the job in other words ("this is where I want to build my career", "the right
    # move for me", "it would mean a lot to join", "I'd really like the job", "I'd be proud to be on the
    # team", "the kind of job I've wanted for years"), not the next step asked about
    r"where i (?:want|would like|'d like|'d love|would love|hope|see myself) (?:to )?"
    r"(?:build|grow|spend|take|develop|be)",
    r"hop(?:e|ing) (?:very much |so much |really |dearly |sincerely )to (?:join|be part|be a part|work "
    r"(?:with|for|at|on)|contribute)",
    r"(?:is|feels like|seems like|sounds like|would be|'d be) (?:the |a |such a )?"
    r"(?:great|right|perfect|ideal|natural|exciting|logical|brilliant|big) (?:next )?(?:step|move) for me",
    r"count me in",
    r"(?:role|job|position|post|it) is (?:a |the )?(?:great|good|perfect|ideal|natural|real) (?:fit|match) "
    r"for me",
    r"mean (?:a lot|a great deal|so much|the world|everything)(?: to me)? to (?:join|work|be part|be a part|"
    r"be on|get)",
    r"nothing would make me (?:happier|prouder)",
    r"(?:i would|i'd|id) (?:really |very much |so |still |also |\w+ly )?like "
    r"(?:the (?:chance|opportunity) to "
    r"(?:join|work|be part|be a part|contribute|help|bring)|"
    r"(?:the|this) (?:\w+ )?(?:job|role|position|post)\b"
    r"(?! (?:description|title|details|spec|specification|advert)))",
    r"(?:would|'d) be (?:so |very |really )?(?:happy|glad|delighted|thrilled) to accept (?:if\b|(?:an? |the |"
    r"your |this )?(?:offer|role|job|position|post))",
    r"keener|more keen|even more (?:eager|motivated)",
    r"(?:job|role|position|post|work|opportunity) (?:that )?i(?:'ve| have) (?:always |long |been )?"
    r"(?:wanted|been wanting|dreamed of|dreamt of|hoped for|been looking for|been hoping for)",
    r"everything i(?:'ve| have| had)? (?:been )?(?:looking|hoping|wished?) for",
    r"(?:would|'d) be (?:so |very |really |truly )?(?:proud|honou?red|privileged) to (?:be|join|work|call)",
    r"hop(?:e|ing) (?:i'm|i am|it's me|it'll be me|it will be me) (?:the one|who you|your (?:choice|pick))",
    r"hop(?:e|ing) you (?:pick|choose|select|go with) me",
    r"committed to (?:this|the) (?:\w+ )?(?:role|job|position|post)",
    r"(?:work|job|role|kind of \w+) i (?:really )?(?:want|'d (?:like|love)|would (?:like|love)) to (?:be )?"
    r"do(?:ing)?",
    r"hop(?:e|ing) (?:i|that i|to)\b[^.?!]{0,25}\bwork (?:alongside|together)",
    r"i want in",
    r"(?:team|role|job|company|firm|place|studio|kitchen) i(?:'d| would) (?:pick|choose)",
    # round 14: "I want very much this job", "I have wanted to work at Lumenforge since I was fifteen", "I'd
    # be glad to lead a box office team that…"
    r"want (?:very much|so much|really) (?:this|the) (?:\w+ )?(?:job|role|position|post)",
    r"wanted to (?:work|be) (?:at|for|with|in|part of) ",
    r"(?:am|'m) (?:truly |really |very much |so )?wanting to (?:join|work|be part|teach|be a part)",
    r"(?:really |so |definitely )want this one",
    r"(?:would|'d) be (?:so |very |really )?(?:happy|glad|delighted|thrilled) to (?:lead|manage|take on|run "
    r"(?:the|a|your|this))",
)
_ROLE_NOUN = r"(?:position|role|job|opening|vacancy|post)"
#: "<word> position" and "the role of <word>": a role said without the log (each tried on its own, so "the
#: role of team leader" is not stopped at "the role").
_ROLE_BEFORE = re.compile(rf"\b(?P<word>{_NAME})\s+{_ROLE_NOUN}\b", re.I)
_ROLE_AFTER = re.compile(rf"\b{_ROLE_NOUN} (?:of|as) (?:an? |the )?(?P<word>{_NAME})", re.I)
#: The last word of a job title: "Head Chef", "Account Manager", "warehouse supervisor".
_TITLE_WORD = (
    r"(?:manager|chef|cook|assistant|analyst|officer|lead|leader|supervisor|coordinator|engineer|developer|"
    r"designer|nurse|teacher|receptionist|clerk|administrator|accountant|auditor|representative|technician|"
    r"specialist|consultant|director|associate|driver|agent|advis[eo]r|executive|intern|operator|planner|"
    r"tutor|worker|cashier|barista|writer|editor|scientist|architect|therapist|pharmacist|porter|attendant|"
    r"controller|buyer|bookkeeper|secretary|librarian|paralegal|carer|caregiver|mechanic|electrician|"
    r"apprentice|trainee|programmer|tester|marketer|recruiter|strategist|producer|instructor|coach)s?"
)
_TITLE_FOR = re.compile(
    rf"\b(?:interview\w*|applied|applying|application|came in|spoke|talked|met|meeting)\b[^.?!]{{0,40}}?"
    rf"\bfor (?:the |a |an )?(?:(?:position|role|post|job) of )?(?:(?!(?:with|to|at|by|from|and|my|your)\b)"
    rf"[\w'-]+ ){{0,3}}{_TITLE_WORD}\b",
    re.I,
)
_TITLE_INTERVIEW = re.compile(rf"\b{_TITLE_WORD}\s+interview", re.I)
_NOT_ROLE_WORDS = frozenset(
    "the a an this that my your our their its open new same any which what no about for of to in on "
    "dream current available advertised great exciting wonderful".split()
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
)
_ORDINAL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|"
    r"twentieth|thirtieth|twenty[- ](?:first|second|third|\w+th)|thirty[- ]first)"
)
_DATE = _rx(
    "|".join(_WEEKDAYS),
    r"yesterday|last week|earlier this week|the other day",
    r"(?:a|one|two|three|four|five|six|\d+) (?:days?|weeks?) ago",
    rf"(?:{_MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?",
    rf"\d{{1,2}}(?:st|nd|rd|th)?(?: of)? (?:{_MONTHS})",
    r"\d{1,2}/\d{1,2}(?:/\d{2,4})?",
    r"\d{4}-\d{2}-\d{2}",
    r"(?:on )?the \d{1,2}(?:st|nd|rd|th)",
    # dates said in words, as on the phone: "the sixth of March", "March the sixth", "a fortnight ago"
    rf"(?:the )?{_ORDINAL}(?: of)? (?:{_MONTHS})|(?:{_MONTHS}) (?:the )?{_ORDINAL}|on the {_ORDINAL}\b",
    r"(?:a|one|two) fortnights? ago|the week before last",
)
_WEEKDAY = _rx("|".join(_WEEKDAYS))
_INTERVIEW_WORD = _rx(r"interview\w*", r"met", r"meet", r"spoke", r"talked", r"came in")
_PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d\s().-]{5,}\d(?!\w)")


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    m = pattern.search(text)
    return m.group() if m else None


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return "“" + (text if len(text) <= limit else text[: limit - 1].rstrip() + "…") + "”"


def _join(words: Iterable[str]) -> str:
    words = list(dict.fromkeys(words))
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


# -- negation ------------------------------------------------------------------------------------

_NEGATOR = re.compile(
    r"\b(?:not|never|no|nor|hardly|without|cannot|can't|cant|don't|dont|doesn't|didn't|won't|wont|"
    r"wouldn't|isn't|aren't|wasn't|weren't|haven't|hasn't|shouldn't|couldn't|nothing|nobody|refuse|refuses|"
    r"refusing|unable to)\b",
    re.I,
)
_CLAUSE_START = re.compile(r"[,;:.!?]|\s-\s|\b(?:but|and|so|because|though|although|while)\b", re.I)


def _negated(text: str, start: int, window: int = 4) -> bool:
    """Whether a negation in the same clause, within ``window`` words, governs the words at ``start``.

    "I'm not calling to pressure you" and "I don't think it was unfair" are negated; in
    "I'm disappointed, but not upset" the "not" governs "upset" only.
    """
    before = text[max(0, start - 80) : start]
    pieces = _CLAUSE_START.split(before)
    clause = pieces[-1] if pieces else before
    words = clause.split()[-window:]
    return bool(_NEGATOR.search(" ".join(words)))


def _find(pattern: re.Pattern[str], text: str, *, negated: bool = False) -> re.Match[str] | None:
    """The first match of ``pattern`` that is (``negated=True``) or is not (default) negated."""
    for m in pattern.finditer(text):
        if _negated(text, m.start()) == negated:
            return m
    return None


#: Where a clause ends: ", but", "; ", " - ".
_CLAUSE_END = re.compile(r"[,;:]\s*(?:but|though|although|yet|and|so|while)?\b|\s-\s", re.I)


def _clause_at(sentence: str, index: int) -> str:
    """The clause of ``sentence`` that holds the character at ``index``."""
    start = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, index)), default=0)
    nxt = _CLAUSE_END.search(sentence, index)
    return sentence[start : nxt.start() if nxt else len(sentence)]


# -- questions: by their structure ----------------------------------------------------------------

_AUX = (
    r"is|are|was|were|am|do|does|did|have|has|had|can|could|would|will|should|shall|may|might|must|"
    r"isn't|aren't|wasn't|don't|doesn't|didn't|haven't|hasn't|can't|couldn't|wouldn't|won't|shouldn't"
)
_WH = r"what|what's|whats|which|how|how's|hows|when|when's|where|where's|who|who's|whom|whose|why"
_SUBJECT = (
    r"i|you|we|they|he|she|it|there|that|this|anyone|anybody|anything|someone|something|the|a|an|my|your|our"
)
_LEAD = (
    r"(?:(?:so|and|but|also|oh|well|um+|uh+|er+m?|ok(?:ay)?|right|then|just|please|sorry|now|and also|yeah|"
    r"anyway)\s+)*"
)
#: A clause that opens as a question: a wh-word, an auxiliary before its subject, or "any news?".
_INTERROGATIVE = re.compile(
    rf"^{_LEAD}(?:(?:{_WH})\b|(?:{_AUX})\s+(?:{_SUBJECT})\b|any(?:thing|one|body|\s+\w+)\b|"
    r"(?:is|are) (?:a|the|my|there)\b)",
    re.I,
)
#: Verbs of finding something out, for questions asked as a statement ("wanted to check whether…").
_FIND_OUT = r"ask|check|see|find out|know|hear|understand|confirm|enquire|inquire"
#: Questions asked indirectly, as a statement or a request.
_INDIRECT_QUESTION = _rx(
    r"(?:i|i'm|i am|was|am) (?:was |just |also |a bit |a little |really )?(?:wonder(?:ed|ing)|curious) "
    r"(?:if|whether|when|what|how|about|where|"
    r"who|which)",
    # by structure: a verb of finding out, then the clause it asks about ("I wanted to check if a
    # decision had been made", "calling to ask whether…", "just wanted to see where things are at")
    rf"(?:to|just|i'm|im|i am|am) (?:{_FIND_OUT}) (?:in |with you |again )?(?:on |about )?"
    r"(?:if|whether|when|what|where|how|which|who)",
    r"(?:just )?checking (?:in )?(?:to see )?(?:if|whether|when|what|where|how)",
    rf"(?:keen|curious|interested|eager|glad|grateful|helpful|help|useful) to (?:{_FIND_OUT}) "
    r"(?:[\w']+ ){0,3}?"
    r"(?:if|whether|when|what|where|how|which|who)",
    r"if you (?:could|can|would|were able to) (?:\w+ )?(?:point|tell|let me know|share|say|give|indicate|"
    r"explain|flag|pick out|name)",
    r"(?:could|can|would|will) you (?:please |kindly |possibly )?(?:let me know|tell me|share|send|explain|"
    r"give me|advise|say|confirm|point me)",
    r"(?:please |kindly )?(?:let me know|tell me|advise) (?:if|whether|when|what|how|which|where|who)",
    r"(?:i'd|i would|id) (?:really |also |just )?(?:like|love) to (?:know|ask|hear|find out|understand)"
    r"(?: from)?"
    r"(?: you)? (?:roughly |approximately |broadly |more or less )?"
    r"(?:if|whether|when|what|how|which|where|who|one|your)",
    r"(?:was|am|i'm|were) (?:really |just )?hoping (?:you (?:could|can|might|would|'d)|"
    r"to (?:find out|hear|know|"
    r"ask|learn)) (?:\w+ )?(?:tell|let|say|share|give|if|whether|when|what|how|about|roughly)",
    r"(?:i'd|i would|id) (?:really |also |be )?(?:appreciate|welcome|value|grateful for|glad of) "
    r"(?:knowing|hearing|learning|any|your|some|a word|one)",
    r"(?:grateful|thankful|glad) (?:to (?:know|hear|learn)|if you (?:could|can|would))",
    # round 12: "I'd find it really useful to hear one thing I did well", "if you had one thing I should
    # keep doing and one I should change, that would be really valuable", "I'd like to know exactly which"
    r"(?:useful|helpful|valuable|grateful|glad) to (?:hear|know|learn) "
    r"(?:one|two|the one|your|which|what|how)",
    r"if you (?:had|have|could share|could name|could pick) (?:one|two|a|any)\b[^.?!]{0,80}\b(?:valuable|"
    r"useful|helpful|grateful|appreciated?|great)",
    # round 15: "I'd like to know specifically which answers scored lowest", "I'd like to know, for my own
    # development, exactly how the final scores were weighted"
    r"(?:i'd|i would) (?:really |also |just )?like to know,?(?: [^,.?!]{1,40},)? (?:exactly|precisely|"
    r"specifically) (?:which|what|how|where|whether)",
    # what you'd value, then what it is about: "I'd really value a line on how my answer came across"
    r"(?:i'd|i would) (?:really |also |so |very much )?(?:be grateful for|appreciate|welcome|value|love) "
    r"(?:\w+ ){0,4}?(?:on|about|of|as to|regarding) (?:how|what|which|whether|where)",
    r"(?:happy|glad) to (?:send|provide|share) (?:anything|whatever|any)",
    r"(?:if|whether) there(?:'s| is) anything",
    r"if you need (?:anything|any|more|something)[^.?!]{0,30}(?:please )?(?:tell|let) me",
)
#: What a question about the hiring names (small talk names none of it).
_HIRING = (
    r"(?:decision|decided|process|recruit\w*|hiring|search|selection|shortlist\w*|interviews?|role|vacancy|"
    r"position|applications?|offer|candidates?|job|references?|next steps?|news|update|timeline)"
)
_SMALL_TALK = _rx(
    r"how(?:'s| is| are| was| has| have)? (?:you|your (?:day|week|weekend|morning|afternoon)|"
    r"it going|things with you|life|the weather|everything)(?: been| going| doing)?",
    r"(?:hope|trust) you(?:'re| are) (?:well|keeping well)",
    r"you (?:ok|okay|alright)",
    r"how(?:'s| are|'re) things|how have you been|how are you doing|you know what i mean|"
    r"(?:^|(?<=[.!?] ))(?:right|okay|ok|yeah|yes|no|so)(?=\s*\?)",
    # about their weekend, holiday or the weather, and a tag question ("lovely day, isn't it?")
    r"(?:did|have|hope|trust) you (?:had|have|having|enjoyed?|enjoying) (?:a |the )?(?:good |nice |great |"
    r"lovely |relaxing |restful )?(?:bank holiday |long |half[- ]term |easter |christmas )?"
    r"(?:weekend|holiday|break|time off|day|week|trip|vacation|summer|christmas|easter|half[- ]term)",
    # round 10: "How was your half term, did you get away anywhere nice?"
    r"how (?:was|were|is|'s) (?:your|the) (?:half[- ]term|bank holiday|holidays?|weekend|summer|break)",
    r"(?:get|got|go|went|getting) away anywhere",
    r"(?:weather|sunshine|rain|traffic)\b[^.?!]*\?",
    # round 13: how their other work is going ("How's the lantern festival prep going?"), not the hiring
    rf"how(?:'s| is| are) (?:the|your) (?!(?:[\w-]+ ){{0,3}}?{_HIRING}\b)"
    r"(?:[\w-]+ ){1,4}(?:going|coming along)",
    # round 14: whether their other work got done ("Did you manage to get the Easter rota sorted in the
    # end?") and a hope for it ("I hope the cafe extension is coming along nicely")
    rf"(?:did|have) you (?:manage to |get to )?(?:get|got|finish(?:ed)?|sort(?:ed)?|fix(?:ed)?|launch(?:ed)?|"
    rf"survive[d]?) (?:the|your) (?![^.?!]*{_HIRING}\b)[\w-]+",
    rf"(?:hope|trust) (?:the|your) (?![^.?!]*{_HIRING}\b)(?:[\w-]+ ){{1,4}}(?:is|are)(?: \w+)? "
    r"(?:going|coming along|progressing)",
    # round 15: "How was the volunteers' bake sale, by the way?", "Is the café refurbishment still going
    # ahead in the summer?"
    r"by the way(?=\s*\?)",
    rf"(?:is|are) (?:the|your) (?![^.?!]*{_HIRING}\b)(?:[\w'-]+ ){{1,3}}still (?:going ahead|happening|"
    r"planned|on for)",
    # round 17: how their other work went ("By the way, how did the app update go last week?", "How did
    # the splicing trial go?"); an "update" of theirs is not news of the hiring
    r"how did (?:the|your) (?![^.?!]*\b(?:decision|interview|process|recruit\w*|hiring|shortlist\w*|"
    r"candidates?|role|position|vacancy|applications?|panel)\b)(?:[\w'-]+ ){1,4}go\b",
    # their journey or commute ("How was the crossing this morning, bit choppy?")
    r"how (?:was|is|'s) (?:the|your) (?:crossing|commute|journey|trip|drive|flight|ferry|train|run|walk|"
    r"ride|holiday|break|conference)\b",
    r"(?:isn't|wasn't|aren't|don't|didn't|doesn't|hasn't|haven't|won't|wouldn't) (?:it|they|we|you|he|she)"
    r"(?=\s*\?)",
)
#: Questions that route the call ("May I speak with Dana?") rather than ask the prepared question.
_ROUTING = _rx(
    r"(?:may|can|could) i (?:please )?(?:speak|talk) (?:to|with)",
    # a name, not a state of the decision ("Is it close?" asks, round 18)
    r"is (?:this|that|it) (?:mr\.? |ms\.? |mrs\.? |dr\.? )?"
    r"(?!(?:close|closer|near|nearer|done|decided|finished|over|likely|soon|settled|sorted|confirmed|happening|"
    r"final|official)\b)[^\W\d_]+(?=\s*\?)",
    r"is (?:this|now) a good time|are you free|do you have a (?:minute|moment|second)",
    r"(?:can|could) you hear me",
    # round 12: a call back asked for is not the question the call is for ("Could you call me back when you
    # get a chance?")
    r"(?:can|could|would|will) you (?:please |kindly |possibly )?(?:call|ring|phone|get back to) me"
    r"(?: back)?(?: (?:when|whenever|at|on|as soon)\b[^?]*)?(?=\s*\?)",
    # round 14: "Could you give me a call back when you get a chance?", "…a ring back on 07700 900 731?"
    r"(?:can|could|would|will) you (?:please |kindly |possibly )?give me a (?:quick )?(?:call|ring|bell|buzz)"
    r"(?: back)?(?: (?:when|whenever|at|on|as soon)\b[^?]*)?(?=\s*\?)",
)
#: Questions that need no answer ("I mean, who wouldn't want to work at the Larkspur, right?").
_RHETORICAL = _rx(
    r"who (?:wouldn't|would not|doesn't|does not|couldn't|could not) (?:want|love|like|jump)",
    r"what(?:'s| is) not to (?:like|love)",
    # round 15: a reproach put as a question ("Wouldn't it be fairer to tell candidates where they stand?")
    r"wouldn't it be (?:fairer|better|nicer|kinder|more (?:professional|respectful|courteous))",
)
#: Questions that complain rather than ask ("why haven't I heard?", "what's going on?").
_COMPLAINT_QUESTION = _rx(
    r"why\b",
    # a question with nothing in it after a demand: "I need to know today whether it's a yes. Can you
    # tell me?"
    r"^(?:so,? |well,? )?(?:can|could|will) you (?:tell|let) me(?: anything| something| now| today)?"
    r"(?=\W*$)",
    r"what's the hold[- ]?up|what's taking so long",
    # bare ("I'm calling to find out what's going on"), not "what's going on with the decision"
    r"what(?:'s| is) going on(?!\s+(?:with|about|regarding|in terms of|on|at)\b)",
    r"who told you",
    r"can we talk about it again|can you change",
)


#: A question typed without its "?": "what could i do better", "is there owt else you need".
_TYPED_QUESTION = re.compile(
    rf"^{_LEAD}(?:(?:{_WH})\s+(?:{_AUX}|\w+'s)\b|(?:{_AUX})\s+(?:i|you|we|they|there|it|anyone|anything)\b|"
    # a wh-word with its verb run in ("whats the main thing", "hows it going"), and an elliptical
    # "any news yet" / "any update on the decision": a short clause opening with "any"
    r"(?:whats|hows|wheres|whos|whens)\s+\w+|any\s+\w+(?:\s+\w+){0,3}\s*$|"
    # round 12: "is a decision close do you reckon"
    r"(?:is|are) (?:a|the|my|there)\b[^,]*\bdo (?:you|ya) (?:reckon|think|know)\s*$|"
    # a wh-word, a few words, then the verb before its subject: "which bit of my answer could i improve"
    rf"(?:{_WH})\s+(?:[\w']+\s+){{0,5}}(?:{_AUX})\s+(?:i|you|we|they|it|there|he|she)\b)",
    re.I,
)


def _question_part(sentence: str) -> str:
    """The asking part of a long sentence: from its last question marker to the end."""
    # a yes/no question after a comma: "I never seem to get these things, but is a decision close?"
    tail = re.search(
        rf",\s*(?:(?:and|but|so)\s+)?(?=(?:{_AUX})\s+(?:i|you|we|they|there|it|a|the)\b[^,]*\?\s*$)",
        sentence,
        re.I,
    )
    if tail:
        return sentence[tail.end() :]
    if len(_WORD.findall(sentence)) <= 20:
        return sentence
    starts = [m.start() for m in _INDIRECT_QUESTION.finditer(sentence)]
    starts += [m.start() for m in re.finditer(rf"\b(?:{_WH}|whether)\b", sentence, re.I)]
    return sentence[max(starts) :] if starts else sentence


def _is_question(sentence: str) -> bool:
    """A sentence that asks: an interrogative clause, or a request such as "I wondered whether…".

    A "?" alone is not enough ("Hi, um, Maria?" is a greeting), and no "?" is needed in typed
    speech ("what could i do better").
    """
    s = sentence.strip().strip("\"'")
    clauses = [c for c in _CLAUSE_BREAK.split(s.rstrip("?!. ")) if c.strip()]
    interrogative = any(_INTERROGATIVE.search(c) for c in clauses)
    if _INDIRECT_QUESTION.search(s):
        return True
    if s.rstrip("\"') ").endswith("?"):
        last = clauses[-1].split() if clauses else []
        return interrogative or len(last) >= 3
    # typed speech puts the question first or last: "just checking in, is there anything you need"
    ends = (clauses[0], clauses[-1]) if clauses else ()
    return any(_TYPED_QUESTION.match(c) and not _RELATIVE.match(c) for c in ends)


#: A relative clause ("…, which didn't seem right", "…, who was lovely"): "which"/"who" and a verb with
#: no subject after it, so not a question typed without its "?".
_RELATIVE = re.compile(rf"^(?:which|who)\s+(?:{_AUX}|\w+'s)\s+(?!(?:{_SUBJECT})\b)", re.I)


#: What a prepared question is about: where the hiring stands (a decision, news, the timing, the next
#: step, your place in it) or what they need from you, the model call's two questions.  Round 16: the
#: fresh batches' missed questions were off-topic in words no list of small talk foresaw (their
#: crossing, their bake sale, "who wouldn't want to work here?", a call back asked for), so a question
#: must now say what it is about rather than only avoid what it must not be.
_ON_TOPIC = _rx(
    _HIRING,
    r"decid\w*|decisions|outcomes?|verdict|results?|updates|updated|updating|progress\w*|movement|status|"
    r"timescales?|time ?frames?|timings?|schedule[ds]?|dates?|how long|close[rd]?|"
    r"made up (?:your|their) minds?",
    r"when (?:[\w']+ ){0,5}?(?:hear|know|expect|be in touch|get back|come back|let|make|choose|announce|"
    r"finish|finalis\w*|finaliz\w*|start|contact|letting|call (?:me|candidates|people))",
    r"(?:anything|something)(?: (?:else|further|more|extra|i can|i could|that would|in the meantime|yet))?",
    r"any(?:thing)? (?:other|more|further) \w+|more information|any chance|would it help|"
    r"(?:send|sent|provide|clarify|share)\w*|from me|my work|portfolio|samples?",
    r"stages?|consideration|considered|(?:in|out of) the running|panel|post|offers|referees?|feedback|"
    r"start date|hear back|heard back|(?:hear|heard|hearing) (?:anything|from|by|before|soon|this|next)|"
    r"expect to hear|in touch|"
    r"get(?:ting)? back to|back to (?:me|you|candidates|everyone|people)",
    # "where things stand", "Where are things at?", "where are we up to?"
    r"where (?:things|you|we|it|they|matters|the \w+) (?:are|is|stand|stands)|"
    r"where(?:'re| are)? (?:things|you|we)|"
    r"how things (?:stand|are)|on track|still the plan|looking likely|"
    r"how (?:things|it|everything|the \w+(?: process)?) (?:is|are|'s) (?:going|progressing|looking|moving)",
    r"(?:say|said|tell|told|hear|heard) anything|word (?:on|about|yet)|any word",
    # round 18: "Has it been made?" (the decision, said a sentence before)
    r"(?:been|be) (?:made|taken|reached|finali[sz]ed)",
    # the bluntest open ones are still about the hiring: the tone checks judge them after a pressing line
    r"what(?:'s| is) (?:happening|the (?:story|latest|deal|score|hold[- ]?up))",
    # not a time alone (round 18: "How did the ferry cancellations affect your orders this week?")
    r"still looking|looking like|end of (?:the|this|next) (?:week|month)",
    # who is chosen and how: "Has anyone been picked?", "Have the managers signed it off?"
    r"cho(?:ose|osing|sen|ice)|pick(?:ed|ing)?|select\w*|appoint\w*|sign(?:ed|ing)? (?:it |that )?off|"
    r"approv\w*|budget|funding|headcount|paperwork|contracts?|in with a chance|still (?:have )?a chance",
    r"(?:seeing|seen|ringing|calling|phoning|contacting|interviewing|meeting|met) (?:people|everyone|anyone|"
    r"others|the others|the rest|candidates)",
    r"(?:second|next|final|another) (?:round|stage|conversation|meeting)",
    r"(?:it|all|everything|things)(?:'s| is| are)? (?:all )?looking|moved on|mov(?:e|ing) (?:forward|on)|"
    # "Is it still this Friday?", "still on for the 12th", "still between a few people"
    r"still (?:on|this|next|between)|thoughts|due|(?:the )?\d{1,2}(?:st|nd|rd|th)",
    r"(?:should i|i should|best (?:person )?to) (?:speak|talk) to",
    # asked of a gatekeeper (the gatekeeper role-play's model answer): "is there a good time to call back?"
    r"(?:good|best|better) time (?:for me )?to (?:call|ring|phone|try|reach|catch|check|follow)",
)


def _sensible(question: str, draft: _Draft) -> bool:
    """A prepared question: about the hiring or what they need from you, not small talk, not a complaint,
    and free of tone faults.

    Choice: after a complaint or blame ("Frankly, it's unprofessional… When will you decide?") the
    question reads as part of the complaint, so it does not count.  After a reproach about the wait
    or a demand ("I really need an answer today. Is a decision close?"), a closed, courteous question
    ("Is a decision close?", "Any news?") still counts: the demand is flagged on its own by the tone
    check, and the question itself is the one to keep (four blind labellers agreed in round 9); a
    blunt open one ("Where are we at?") reads as the pressure going on.
    """
    if _SMALL_TALK.search(question) or _COMPLAINT_QUESTION.search(question) or _RHETORICAL.search(question):
        return False
    if not _ON_TOPIC.search(question):
        return False
    # round 17: after a complaint, blame or a jab, as after a demand, a calm closed question still counts
    # (every blind labeller from round 4 to 17 counted it: v049, t22m059, t32m025, t34m029, t34m041)
    pressed = any(
        f.category in ("reproach", "demand", "entitled", "repeat", "hostile", "blame") for f in draft.tone
    )
    if pressed and _OPEN_QUESTION.match(question):
        return False
    # round 14: the bluntest open questions after any tone fault, the learned one too ("I've been waiting
    # over two weeks and nobody's called me, so where are we at?")
    if draft.tone and _BLUNT_OPEN.search(question):
        return False
    return not _tone_faults_in(_question_part(question), draft.kind)


#: A question opening with a wh-word (after fillers): "Where are we at?", "so what's happening".
_OPEN_QUESTION = re.compile(rf"^{_LEAD}(?:{_WH})\b", re.I)
#: Open questions that carry pressure on when asked after it: "Where are we at?", "what's the story?".
_BLUNT_OPEN = _rx(
    r"where(?:'re| are) we (?:at|up to)(?=\W*$)",
    r"what(?:'s| is) (?:happening|the (?:story|latest|deal|score|hold[- ]?up))(?=\W*$)",
)


# -- tone: sarcasm, neediness, pressure, reproach, blame -------------------------------------------


class _Fault(NamedTuple):
    words: str
    advice: str
    sources: tuple[str, ...]
    category: str


_POSITIVE = (
    r"(?:great|lovely|wonderful|super|brilliant|fantastic|perfect|nice|love|loved|thanks|thank you|"
    r"appreciate|appreciated|thoughtful|helpful|kind|fun|valued)"
)
_GRIEVANCE = (
    r"(?:still|kept|keep me|keeping me) waiting|leav(?:e|ing) me hanging|left me hanging|ignor\w+|"
    r"never (?:called|replied|answered|got back)|(?:one|two)-line|(?:hours|minutes) (?:i was|of waiting)|"
    r"wasted (?:my|our) time|(?:hear|heard|hearing) (?:absolutely )?nothing|finally(?!,)|"
    r"after (?:a|one|two|three|four|\d+) (?:weeks?|months?)|"
    r"(?:a|one|two|three|four|several|\d+) (?:weeks?|months?) (?:after|since|later)|only (?:been|taken|took)|"
    r"eventually|in the end|whenever that (?:is|may be|will be)|at (?:long )?last|(?:had|have|"
    r"'d) forgotten (?:about )?me|radio silence|in the dark|out of the loop|ghost\w*|"
    r"took (?:its|their|your|his|her) (?:sweet )?time|(?:took|taken) (?:ages|forever|long enough)|"
    # round 18: "letting me find out from an automated email - really appreciated"
    r"(?:find|found|finding) out (?:from|by|via) (?:an? )?automated (?:e-?mail|message|reply)"
)
#: (pattern, category, advice, sources); the category says which checks show it.
#: After another offer is mentioned: not when the employer is told they are preferred (round 17: "I've had
#: an offer elsewhere, but Wrenfield Cross is where I'd rather be"), which is no leverage.
_NOT_PREFERRED = r"(?![^?!]{0,120}\b(?:rather|prefer|first choice|top choice)\b)"
_TONE_RULES: tuple[tuple[re.Pattern[str], str, str, tuple[str, ...]], ...] = (
    (
        _rx(
            r"thanks? (?:you )?(?:so much |very much )?for nothing",
            # not glad news ("Oh brilliant, thank you Gwenllian!", "oh brilliant, thanks so much"): round 9
            r"oh (?:great|wonderful|brilliant|joy|perfect)(?![!,.]? (?:thank|thanks|cheers|that's (?:great|"
            r"brilliant|wonderful|amazing|fantastic) news)\b)(?![!,]? (?-i:[A-Z])[\w'-]+[!,])",
            rf"{_POSITIVE}\b[^.?!]{{0,60}}\b(?:{_GRIEVANCE})",
            rf"(?:{_GRIEVANCE})\b[^.?!]{{0,60}}\b{_POSITIVE}",
            r"(?:thanks|thank you|grateful)\b[^.?!]{0,40}\bi (?:suppose|guess)",
            r"whatever(?=\s*[.!]|$)",
            r"(?:a|bit of a|such a) joke",
            r"why do i (?:even )?bother",
            r"shame (?:nobody|no one|that)",
            r"(?:fallen|fell|gone|disappeared|vanished|lost) (?:into|in|down) (?:a |"
            r"the )?(?:black hole|void|abyss)",
            r"(?:but )?what do i know",
            r"(?:hopefully|maybe|perhaps) this time|won't take (?:another|a whole|a) (?:month|week|"
            r"year|age)s?",
            r"but never mind",
            r"super helpful",
            r"(?:^|(?<=[.!?] ))seriously\b|,? but fine\b(?! (?:with|by) (?:it|that|this|me)\b)",
            # a jab ("shame it took three weeks"), not a regret ("shame it wasn't to be / didn't work out")
            r"too much to ask|(?:such a |it's a |what a )?shame (?:the|it|you)"
            r"(?! (?:wasn't|was not|didn't|did not) (?:meant |to be|work))",
            # round 2: cues of irony rather than listed phrases
            r"too busy to (?:remember|reply|call|ring|phone|answer|read|respond|get back|let me know|return)",
            r"whenever that (?:is|may be|will be)|i'm sure i'll hear (?:back )?eventually",
            r"starting to think you(?:'d| had)? forgotten",
            r"thanks a bunch|cheers for (?:that|nothing)|how (?:hard|difficult) can it be|would it kill",
            r"is it (?:really )?(?:that|so) (?:hard|difficult)",
            r"(?:anyone|anybody|someone) (?:there )?(?:still |even )?remembers? me|"
            r"if you (?:even |still )?remember me",
            r"(?:emails?|messages?|calls?|applications?) (?:must|might) have (?:gone|got|been) "
            r"(?:lost|missed|to (?:your |the )?spam|to (?:your |the )?junk)",
            r"(?:certainly|really|very|so|quite|definitely|truly)\s*(?:\.\.\.|…)\s*[a-z]",
            r"(?:quick|quickly|fast|speedy|prompt|swift)\b[^.?!]{0,40}\b(?:only (?:been|taken|took)|ages|"
            r"a month|(?:two|three|four|several) (?:weeks|months))",
            r"(?:try not to |don't |do not )?spend it all at once|(?:salary|pay|offer|"
            r"package)\b[^.?!]{0,30}\b(?:laughable|peanuts|pittance)",
            # round 3, by structure: a reassurance undercut by the time it has taken ("no rush, it's
            # only been three weeks"), feigned surprise, and thanks for the least they could do
            r"(?:no rush|no hurry|take your time|no pressure|in your own time)\b[^.?!]{0,40}\b(?:only|just|"
            r"been|after)\b[^.?!]{0,15}\b(?:weeks?|months?|ages|forever|a lifetime)",
            r"(?:only|just) (?:been|taken|took) (?:\w+ ){0,2}(?:weeks?|months?|ages|forever)\b[^.?!]{0,30}"
            r"\b(?:no rush|no hurry|take your time)",
            r"(?:what a|such a|how) (?:surprise|shock|surprising|shocking|unexpected)|surprise,? surprise|"
            r"who(?:'d| would) have (?:thought|guessed)",
            r"(?:thanks|thank you|grateful)\b[^.?!]{0,60}\bfor (?:\w+ )?(?:remembering|bothering|deigning|"
            r"finding the time|even (?:calling|replying|answering|reading|turning|showing))",
            # carelessness insinuated ("assuming you haven't lost my number again") and ironic deference
            r"(?:assuming|unless|in case|presumably|if) you(?:'ve| have)?(?: not|n't| still| even)? "
            r"(?:lost|forgot(?:ten)?|misplaced|deleted|binned|mislaid)",
            r"(?:lost|forgot(?:ten)?|misplaced|mislaid) (?:about )?(?:me|my \w+) "
            r"(?:again|already|completely)",
            r"(?:i'm sure|i guess|i suppose|well,? clearly|obviously) you "
            r"(?:know best|know what you're doing)|"
            r"if you say so",
            # praise made ironic ("great timing, as always"), effort played down ("don't worry, I only
            # rearranged my week"), time stretched ("at some point this year"), the least praised
            rf"{_POSITIVE}\b[^.?!]{{0,30}},? as (?:always|usual|ever)\b",
            r"(?:don't worry|never mind|no problem|it's fine|not that it matters),? (?:i|it) (?:only|just|"
            r"was only)\b",
            r"(?:at some point|sometime|some time|before the end of) (?:this|the|next) (?:year|century|"
            r"decade|"
            r"millennium)|in my lifetime|before i retire",
            r"(?:glad|good|nice|great|lovely) to (?:know|see|hear) (?:my|that my|i|"
            r"i was)\b[^.?!]{0,40}\bworth\b",
            r"(?:(?:one|two|three|five|ten|\d+)[- ](?:minute|line|word|second|sentence)) (?:call|email|reply|"
            r"interview|message|chat|answer)\b[^.?!]{0,20}$",
            # round 8: a shrug at the decision ("Fine, whatever, your call")
            r"(?:fine|ok|okay|sure),? whatever(?! (?:works|suits|is|you (?:prefer|need|decide)))|"
            r"whatever,? (?:your call|you say)",
            # round 9: mock confidence about whoever got it ("Congrats to whoever you picked, I'm sure their
            # draw calls are immaculate"), and "nothing like a surprise exam to make an interview fun"
            r"whoever\b[^.?!]{0,40}\bi'm sure\b|\bi'm sure\b[^.?!]{0,40}\bwhoever",
            r"nothing like (?:a|an|the|being) [^.?!]{0,40}\bto (?:make|liven|brighten|spice|start|keep)",
            # round 10: a rejection praised ("thank you so much for the lovely rejection, it really made my
            # week") and a dig at whoever they hire ("if you ever decide you want someone competent")
            r"(?:lovely|wonderful|great|fantastic|delightful|brilliant|charming|nice|kind) "
            r"(?:rejection|no)\b",
            r"(?:rejection|news|no)\b[^.?!]{0,30}\bmade my (?:day|week|month|year)",
            r"(?:want|need|hire|find)s? (?:someone|somebody|anyone|people) (?:competent|capable)"
            r"(?=\s*(?:[.!?,;]|$))",
            # round 10: praise that mocks ("a full six weeks later, which was very thorough of you",
            # "thanks for squeezing me in… I know how precious fifteen minutes can be")
            r"(?:very|so|how|ever so) (?:thorough|efficient|prompt|speedy|swift|organi[sz]ed|generous) "
            r"of you",
            r"squeez\w* me in|how precious (?:\w+ ){0,2}(?:minutes?|time|an hour) (?:can be|is|are)",
            # round 12: the date called a suggestion ("Guess the 20th was more of a suggestion, huh?"), phones
            # that "only work one way", thanks "for only taking three weeks", and the winner's experience
            # praised for a junior role ("I'm sure the other candidate's ten years were very relevant")
            r"(?:was|is|were) more of (?:a|an) (?:suggestion|guideline|rough guide|ballpark|estimate)",
            r"\bguess\b[^.?!]{0,60},? huh\b",
            r"only (?:work|works|go|goes|ring|rings) one way",
            r"only (?:taking|took|takes|needing|needed|making me wait|keeping me waiting)\b[^.?!]{0,15}\b"
            r"(?:days?|weeks?|months?)",
            r"\bi'm sure\b[^.?!]{0,15}\b(?:the other|the successful|the chosen|their|whoever)\b[^.?!]{0,60}\b"
            r"(?:very|really|so|extremely|incredibly|terribly) "
            r"(?:relevant|useful|impressive|valuable|important|necessary)\b",
            # round 12: the winner called flawless ("Congratulations on finding someone so perfect")
            r"(?:someone|somebody|a candidate|the one) (?:so|this|that) (?:perfect|flawless|ideal|amazing|"
            r"brilliant)",
            # round 14: "Congratulations on finding someone even better than a supervisor with eight years"
            r"(?:someone|somebody|anyone|a candidate) even (?:better|stronger|more "
            r"(?:qualified|experienced)) than (?:me|a|an|someone)",
            # round 13: digs in passing ("assuming the forty-minute wait isn't how you treat patients too!",
            # "since apparently emails don't get answered", "believe it or not", "the seventh obviously meant
            # something different", "nine days after your own deadline, impressive", "if you can find my
            # email")
            r"(?:is|isn't|wasn't|is not) how you treat\b|"
            r"apparently (?:\w+ ){0,2}(?:don't|doesn't|do not|never) "
            r"get (?:answered|returned|read)|believe it or not|obviously meant something (?:different|else)",
            r"(?:days?|weeks?) after your (?:own )?deadline|if you can find my (?:email|number|cv|details|"
            r"application)|,\s*impressive\s*[.!]",
            # round 14: thanks taken back or given for the wait ("Thank you - I think - for…", "and for
            # keeping me waiting forty minutes", "for the forty minutes I spent in reception, which gave me
            # plenty of time to admire the trophy cabinet"), and a promise doubted ("I'm sure the 'we'll be
            # in touch' is sincere this time, unlike the last two places")
            r"(?:thanks?|thank you)\W+i think\W+for",
            r"for (?:keeping me waiting|the (?:[\w-]+ ){0,2}(?:minutes?|hours?) (?:i (?:spent|waited|sat)|"
            r"(?:of )?waiting|sitting|in (?:reception|the (?:car park|lobby|foyer|corridor)))\b)",
            r"(?:gave|giving|left|leaves|leaving) me (?:plenty of|lots of|ample|all the|enough) time to "
            r"(?:admire|enjoy|study|memori[sz]e|count|appreciate|read)",
            r"(?:sincere|genuine|true|meant|honest) this time|unlike the last (?:\w+ )?(?:places?|companies|"
            r"company|employers?|firms?|times?|ones?)",
            # round 15: praise with a sting ("honestly impressive that it works at all", "everyone has their
            # little rituals", "well worth the three-week wait", "funny how that happens", "my previous two
            # voicemails were riveting listening", "in case it's been misplaced", "thanks for the
            # three-line email", "I'm sure you're terribly busy stringing up lanterns")
            r"(?:works|worked|running) at all|given the state of (?:that|the|your|those)",
            r"(?:their|your|his|her) little (?:rituals|quirks|games|ways|traditions)",
            r"worth the (?:[\w-]+ ){0,2}wait",
            r"funny how (?:that|these things|it|things) (?:happens?|works?|goes)",
            r"(?:riveting|thrilling|gripping|fascinating|scintillating) (?:listening|reading|stuff)",
            r"in case (?:it's|it has|they've|they have|it was) been (?:misplaced|lost|forgotten|deleted)",
            r"(?:one|two|three|four|five)[- ](?:line|sentence|word) "
            r"(?:email|reply|rejection|response|message)",
            r"(?:i'm sure|no doubt) you(?:'re| are) (?:terribly|awfully|frightfully|ever so|incredibly) busy",
            # round 17: thanks for their words in scare quotes ("thanks for the 'quick chat'", "for keeping
            # the take-home to "about two hours""), time worth more than mine, a decision "ever"
            # made, a story heard "three separate times", a wait "forgiven"
            r"(?:thanks?|thank you|appreciated?|grateful)\b[^.?!]{0,40}(?<=\s)['‘\"“]\w[^'’\"”.?!]{1,30}"
            r"\w['’\"”]\W+\w+",
            r"worth (?:far |much |a lot |so much )?more than (?:mine|me|ours)",
            r"(?:decision|decisions|one) (?:is |are |gets |get )?ever (?:made|reached|taken)|"
            r"if (?:you|they) ever (?:decide|make (?:a|the|your) decision)",
            r"(?:two|three|four|five|several|\d+) separate times|(?:three|four|five) times over",
            r"i(?:'ve| have)? (?:already |completely |totally |fully )?forgiven (?:you|the|your|them)|"
            r"i forgive you",
        ),
        "sarcasm",
        "say what you mean plainly and politely: sarcasm reads as hostile in writing and on the phone",
        ("seed003", "mistakes"),
    ),
    (
        _rx(
            r"(?:did|have|do) i get (?:the|this|that) (?:job|position|role|offer)",
            r"did i get it|have i got (?:the job|it)|am i hired|did i make it|is the job mine",
            # round 18: "So come on then, is it good news?"
            r"is it (?:good|bad) news|(?:good|bad) news for me",
            r"did you like me",
            r"when do i start",
            r"(?:if|whether) i(?:'ve)? (?:got|get|have got|won) (?:the|this|that) "
            r"(?:job|position|role|offer)",
            # round 12: "just call me back and tell me if I got it or not"
            r"(?:tell me|know|let me know|find out|see|ask|hear)\b[^.?!]{0,15}\b(?:if|whether) i(?:'ve)? "
            r"(?:got|get|have got|won|made) it\b",
        ),
        "did_i_get",
        "don't ask whether you got the job; ask “Is a decision close?” or “Can I provide anything else?”",
        ("model_call",),
    ),
    (
        _rx(
            r"(?:i|we) (?:really |desperately |badly |so |just )?need(?:ed)? (?:this|the|a|that) "
            r"(?:job|position|role|work|offer)",
            # round 7: how much you need it, your home at stake, a plea that they not take it back
            r"(?:you have|you've|you'?ve got) no idea how (?:much|badly) i (?:need|needed|want|wanted)",
            r"(?:about to|going to|could|might|will) lose (?:my|our) (?:flat|house|home|apartment|place)",
            r"please (?:don't|do not) (?:change your mind|take (?:it|this|the offer) back|withdraw)",
            r"(?:i )?really need(?:ed)? this",
            r"desperate(?:ly)?|begging|please,? please",
            r"please (?:don't|do not) (?:keep me waiting|give it to anyone|let me down|say no)",
            r"whatever you(?:'re| are)? offer(?:ing)?",
            r"checking my phone",
            r"i (?:really |just )?need to hear (?:something|anything|back)",
            r"(?:rent|bills?|mortgage) (?:is|are) due",
            r"(?:got|have|with) (?:\w+ )?(?:bills|rent|debts|mouths) to (?:pay|feed)",
            r"i'll take (?:anything|whatever)",
            # round 2: distress and dependence, said without "need"
            r"(?:haven't|have not|can't|cannot|couldn't) (?:slept|sleep|eaten|eat|stop (?:thinking|checking|"
            r"worrying))",
            r"keep (?:refreshing|checking) (?:my )?(?:email|emails|phone|inbox)|every (?:five|ten|few|"
            r"\d+) minutes",
            r"(?:don't|do not) know what i(?:'ll| will| would|'d) do",
            r"(?:would|will|'d) mean (?:the world|everything|so much) to me",
            r"out of work (?:for|since)|how (?:much )?longer i can (?:keep|go|last|manage)",
            r"worried (?:sick|about (?:money|paying|the rent|bills))|so worried|counting on (?:this|it|you)",
            r"how much i need (?:this|it|the)|i need this(?: job| role| position)?\b",
            r"i(?:'ve| have) told (?:my|all my|everyone)|(?:hate|don't want) to let (?:them|my \w+|"
            r"everyone) down",
            r"i really hope it's good news",
            r"(?:everything|so much|a lot|my (?:future|family|whole \w+|livelihood))(?:'s| is| are)? "
            r"(?:riding|depend(?:s|ing)?|hinges|hanging|rests|resting) on (?:this|it|the (?:job|role|outcome|"
            r"decision)|you|getting)",
            r"(?:can't|cannot) afford (?:to (?:lose|miss|wait)|another (?:no|rejection))",
            r"(?:kids|children|family|partner|wife|husband|mum|mom|dad|parents)\b[^.?!]{0,20}\b(?:rely|"
            r"relies|"
            r"relying|depend|depends|depending|counting|count) on (?:me|us|this|it)",
            r"(?:i'll|i will|i'd|i would|i'm going to) be (?:\w+ )?(?:devastated|heartbroken|crushed|gutted|"
            r"destroyed|shattered|lost) if",
            r"i(?:'m| am|'ve been| have been)? (?:\w+ )?praying|(?:my |the )?(?:only|last) (?:way out|hope|"
            r"option|"
            r"lifeline)",
            r"(?:pay|paid|paying|afford|cover|covered|make)\w* (?:my|our|the) (?:rent|bills|debts)\b|"
            r"(?:don't|do not) know how (?:i|we)(?:'d| would)? (?:have )?(?:managed|coped|paid|survived|"
            r"got by)",
            r"(?:haven't|have not|can't|cannot|couldn't) (?:been able to )?"
            r"(?:think about|focus on|concentrate on) "
            r"anything else",
            r"i(?:'m| am|'ve been| have been| feel) (?:\w+ )?(?:a (?:nervous |complete |total )?wreck|"
            r"beside myself|on (?:edge|tenterhooks|pins and needles)|falling apart|losing sleep|"
            r"sick with (?:worry|nerves))",
            r"(?:i'd|i would|i'll|i will) do anything|(?:my )?last (?:chance|hope)|(?:work|"
            r"do it) for (?:free|nothing)|"
            r"any (?:hours|salary|pay) (?:you|at all)|i(?:'m| am) (?:really )?struggling(?! to)",
            # round 10: self-pity ("I suppose I shouldn't get my hopes up, I never seem to get these things")
            r"(?:shouldn't|should not|won't|not going to|trying not to) get my hopes up|i never (?:seem to )?"
            r"(?:get|land|win) (?:these|this kind of|any of these|anything)",
            # round 12: begging for any role ("please, please, … I'll take any role, I really just need a
            # foot in the door")
            r"please,? please|i'll take (?:any|anything)\b|need (?:a|my) foot in the door",
            # round 18: "I'll be refreshing my inbox every hour until I hear from you"
            r"(?:refresh|check|watch|stare at|staring at)\w* (?:my )?(?:inbox|e-?mails?|phone)\b[^.?!]{0,30}"
            r"\b(?:every|until|constantly|all day|hourly|non-?stop)",
            # round 13: "I'd love to be considered for anything in the future, honestly anything"
            r"(?:honestly|literally|really|absolutely),? anything\b|i'm probably being a nuisance",
        ),
        "needy",
        "leave neediness out; say calmly that you are still very interested",
        ("seed004", "mistakes"),
    ),
    (
        _rx(
            r"why (?:haven't|hasn't|didn't|have not|has not|did not|don't|isn't|aren't) "
            r"(?:you|anyone|anybody|somebody|someone|i)",
            # round 7: doubting anyone even looked ("any chance someone's actually looked at it yet?")
            r"(?:anyone|anybody|someone|somebody|you)(?:'s|'ve| has| have)? (?:actually|even|ever) "
            r"(?:looked|read|opened|seen|checked)\b[^.?!]{0,30}\byet",
            r"you were supposed to",
            r"(?:it's|it is) now (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
            r"leave me hanging|left me hanging|ignoring (?:my|me)",
            r"surely you(?:'ve| have| must)?|by now\b|waiting by the phone|it's been (?:ages|forever|weeks)",
            r"is anyone (?:ever )?going to|how long does it take|still waiting to hear",
            r"(?:a bit|rather|quite|very|really) disappointing",
            r"took you long enough|about time",
            r"(?:that|it|this)(?:'s| has)? (?:took|taken) (?:a while|a long time|long enough|ages|forever|"
            r"its time|some time)",
            r"i(?:'d| would) have (?:thought|expected|hoped) (?:you(?:'d| would)|to (?:hear|know)|an? )",
            r"(?:email|message|letter|call)\w*\b[^.?!]{0,40}\b(?:clearly|obviously|apparently) (?:got|went|"
            r"was) "
            r"(?:lost|missed|forgotten)",
            # round 2: reproach by comparison, by expectation, by concession
            r"(?:other|most|every other) (?:companies|employers|firms|banks|businesses|places|practices|"
            r"teams|"
            r"recruiters|agencies)\b[^.?!]{0,40}\b(?:quicker|faster|sooner|more professional|bothered)",
            r"i expected (?:it|this|the offer|an answer|to hear|a call|a decision|a reply)\b[^.?!]{0,30}"
            r"\b(?:ago|sooner|earlier|by now|last week|before)",
            r"i was promised|you promised|(?:that|your) promise (?:to be |will be |is )?kept",
            # a reminder sent to them, not one the learner would send their own clients (round 15)
            r"(?:as )?per my (?:last|previous|earlier) (?:email|message|call|voicemail)|"
            r"(?:just a |this is a |as a |quick )friendly reminder|friendly reminder (?:that|to you)|"
            r"just a (?:quick |gentle )?reminder|do you (?:even |still )?remember me|"
            r"as i(?:'ve| have)? already (?:said|told you|explained)|as i (?:said|mentioned) in my (?:last|"
            r"previous)",
            r"(?:ghosted|ghosting) me|fallen off the (?:face of the earth|radar)|dropped off the radar",
            r"even (?:if|though)\b[^.?!]{0,40}\b(?:late|rushed|cancel\w*|forgot|kept me waiting|no one|"
            r"nobody)",
            r"even (?:if|though) (?:your|you|the (?:process|email|interview|panel|call|letter|feedback))\b"
            r"[^.?!]{0,40}\b(?:never|didn't|wasn't|weren't|copied|pasted|template|generic|automated)",
            r"(?:clearly|obviously) (?:copied|pasted|a template|generic|automated|a form letter)",
            r"(?:losing|lose|lost|running out of|run out of) (?:my )?patience|you did (?:say|promise)",
            # round 6: the wait counted out ("it's been over two weeks now"), asking them to hurry
            r"(?:it's|it has|it's already|it has already) been (?:over |more than |nearly |almost |"
            r"well over )?"
            r"(?:a|one|two|three|four|five|six|\d+|several|a few|a couple of) (?:days?|weeks?|months?)"
            r"(?: now| already)(?! since)",
            # asked of them ("any chance you could hurry things along?"), not "I'll ring them to speed it up"
            r"you\b[^.?!]{0,20}\b(?:hurry (?:things|it|this|the (?:process|decision)) (?:along|up)|speed "
            r"(?:things|it|this|the (?:process|decision)) up|(?:hurry|speed) up the (?:process|decision))",
            # round 9: the date gone by, a waiting given up on ("the 18th came and went", "Finally!")
            r"came and went|(?:has|have) come and gone",
            r"(?:^|(?<=[.!?] ))finally(?=\s*[!.])|(?:almost|nearly) given up on (?:you|hearing|ever)",
            # round 10: doubt that they will keep their word, and being forgotten ("I do hope the decision
            # will actually arrive by the 26th", "I never heard a word", "easy for candidates to slip
            # through the cracks")
            r"(?:will|would|might|does|do) actually (?:arrive|happen|come|call|ring|get back|reply|decide|"
            r"answer)",
            r"never (?:heard|got|had) (?:a word|a thing|anything|a reply|an answer)",
            r"(?:slip|slips|slipped|slipping|fall|falls|fell|falling|fallen) through the (?:cracks|net)",
            # round 13: the date said back at them ("You said the 25th and it's now the 30th")
            r"you said (?:the )?\d+\w*\b[^.?!]{0,25}\b(?:it's|it is|today is|we're on) "
            r"(?:now |already )?(?:the )?\d+\w*",
            # round 14: how long they take to answer ("what with it taking a fortnight to answer one email")
            r"taking (?:a |an |over a |nearly a |almost a |two |three |four |several |\d+ )?"
            r"(?:fortnight|weeks?|days?|months?|ages|forever) to "
            r"(?:answer|reply|respond|get back|return|call)",
            # and your application presumed lost or ignored ("I'm guessing my application went overboard?")
            r"(?:i'm guessing|i guess|i take it|i assume)\b[^.?!]{0,20}\b"
            r"(?:application|email|cv|message|details)\b[^.?!]{0,15}\b"
            r"(?:overboard|binned|in the bin|ignored|forgotten|shredded)",
            # round 18: "quicker than the two weeks it took to get an interview date", "the courtesy of a
            # call back this time"
            r"(?:quicker|faster|sooner) than (?:the |last time|before|(?:[\w-]+ ){0,4}(?:it|you) took)",
            r"(?:common )?courtesy of (?:a|an) (?:call|reply|response|answer|email|ring)",
        ),
        "reproach",
        "don't reproach them for the wait; say you are checking in",
        ("seed003",),
    ),
    (
        re.compile(
            r"\bASAP\b|\b(?:get back to me|let me know|call me(?: back)?|ring me(?: back)?|answer|respond|"
            r"reply|decide|hear back)\b[^.?!]{0,20}\bas soon as possible\b|"
            # not in a question, where the verb comes first: "When might I expect to hear?"
            r"(?<!might )(?<!may )(?<!should )(?<!could )(?<!can )(?<!do )(?<!would )(?<!will )"
            r"\bi(?:'ll)? (?:need|expect) (?:an answer|a decision|to know|to hear|a reply|a response|until)\b"
            r"[^.?!]{0,40}|(?<!might )(?<!may )(?<!should )(?<!could )(?<!can )(?<!do )(?<!would )(?<!will )"
            r"\bi (?:must say i )?expect (?:a|an|to)\b|\bno earlier\b|\bi'm not doing\b|"
            # round 7: a want with their deadline set ("I want detailed written feedback by Friday")
            r"\bi (?:want|need|demand) (?!to\b)[^.?!]{0,60}?\bby (?:monday|tuesday|wednesday|thursday|friday|"
            r"tomorrow|tonight|the end of|end of|close of)\b|"
            r"\bi (?:want|need) (?:your|an|a) (?:answer|decision|reply) by\b|"
            r"\bor i'm (?:walking|leaving|out|gone)\b|\binsulting\b|\bi'm not signing\b|"
            r"\buntil you (?:double|raise|increase|match)\b|\bneed a decision soon\b|\bcan't wait forever\b|"
            r"\b(?:appreciate|need|want|expect) a decision by\b|"
            r"\b(?:another|other) offers? (?:\w+ )?waiting\b|"
            rf"\b(?:i have|i've got) (?:\w+ )?other offers?\b{_NOT_PREFERRED}|\bother offers? on the table\b|"
            # round 3: another offer as leverage, waiting refused, terms wanted at once, "…, or I'll…"
            # not an offer told with the preference for them (``_NOT_PREFERRED``)
            r"\b(?:i have|i've got|i've had|i got|i've received|i have received) (?:another|an(?:other)? "
            rf"(?:\w+ )?offer)\b{_NOT_PREFERRED}|"
            r"\b(?:won't|will not|not going to|can't|cannot|unable to) (?:wait|hang (?:around|on|about)|hold "
            r"(?:on|out)|keep waiting)\b[^.?!]{0,15}\b(?:forever|much longer|indefinitely|for long)\b|"
            r"\bi (?:want|need|expect|demand) (?:the|it|this|that|my|an?) [^.?!]{0,30}\b(?:today|tonight|"
            r"immediately|right away|right now|by tomorrow)\b|"
            r",? or (?:else )?i(?:'ll| will| shall) (?:assume|take|go|withdraw|walk|look)\b|"
            r"\bi(?:'ll| will) expect\b|\bi(?:'d| would) (?:expect|want|need) (?:a (?:lot|bit|good deal) )?"
            r"(?:more|better|higher)\b|"
            r"\b(?:sorted|settled|decided|done|finali[sz]ed|wrapped up|resolved)\b[^.?!]{0,15}\b(?:today|"
            r"tonight|right now|this (?:morning|afternoon|evening))\b|\bdrag(?:ging)? (?:this|it|things) "
            r"(?:out|on)\b|"
            r"\b(?:expect|need|want|require)\b[^.?!]{0,40}\bby (?:\d{1,2}(?::\d\d)?\s*(?:am|pm|o'clock)|"
            r"five|six|"
            r"noon|midday|lunchtime|close of business|(?:the )?end of (?:the )?day|today|tonight)\b|"
            r"\bthe (?:minute|moment|second) you (?:get|hear|see|know)\b|"
            # round 2: ultimatums by structure ("if you don't…, I'll…", "…, otherwise I'll…")
            r"\bif (?:i|you) (?:don't|do not|can't|cannot|haven't|have not|won't)\b[^.?!]{0,60}"
            r"\b(?:i'll|i will|i'm going to|i shall)\b|"
            r"\botherwise (?:i'll|i will|i'm|we're|i shall|i'd)\b|\bor (?:else )?i(?:'ll| will) (?:take|go|"
            r"accept)\b|"
            r"\bat the (?:very )?latest\b|\bwasting (?:each other's|your|my|our) time\b|"
            r"\bi(?:'ll| will) (?:keep|be) (?:calling|ringing|phoning|emailing|chasing)\b|"
            r"\bevery day until\b|"
            r"\b(?:appreciate|want|like|need|expect) (?:a |an )?(?:quick|fast|speedy|prompt|swift|rapid) "
            r"(?:answer|reply|response|decision|turnaround)\b|"
            r"\b(?:sorted|settled|decided|wrapped up|resolved) (?:quickly|fast|asap)\b|"
            r"\b(?:rather not|can't|cannot|won't|don't want to) (?:wait|hang on) (?:another|much "
            r"longer|any longer|"
            r"forever|for ever)\b|"
            r"\b(?:can't|cannot|won't|can not) keep (?:my |the )?(?:other )?(?:options|offers|doors) open\b|"
            r"\b(?:phone|mobile) (?:on me|with me|by me|glued to me) all day\b|"
            # round 6: urgency and leverage in other words
            r"\bas a matter of (?:priority|urgency)\b|\bif i were you\b|"
            r"\bother (?:firms|companies|employers|offers) are (?:circling|interested|after me|keen)\b|"
            r"\b(?:call|ring|phone|get back to|email|reply to) me (?:back )?(?:today|tonight|this (?:morning|"
            r"afternoon|evening))\b|\bi'll be waiting\b|"
            r"\b(?:i'll|i will|i'd|i) (?:need|want|expect|require) (?:the|my|a) (?:salary|pay|offer|"
            r"package)\b|"
            # round 3: a floor set for them ("I won't consider anything under…", "you'd need to match")
            r"\b(?:won't|will not|wouldn't|would not|can't|cannot|don't|do not) "
            r"(?:consider|accept|take|look at|go) (?:anything|any offer|an offer|less|a (?:salary|penny))\b"
            r"[^.?!]{0,15}\b(?:under|below|less than|"
            r"lower than)\b|"
            r"\byou(?:'d| would| will|'ll)? (?:need|have) to (?:match|raise|increase|beat|improve on|top)\b|"
            r"\b(?:rais(?:e|ing)|tak(?:e|ing)) (?:this|it|the matter) (?:up )?(?:with|further)\b|"
            # a lawyer of yours, not the firm's ("keep the supervising solicitor informed"): round 15
            r"\b(?:hr|human resources|managing) director\b|\bformal complaint\b|\b(?:my|a) (?:lawyer|"
            r"solicitor)\b|"
            r"\bi(?:'d| would)? (?:need|want|expect|require|like) (?:to hear|an answer|a decision|a reply|"
            r"a response|"
            r"(?:detailed |full |proper )?feedback)\b[^.?!]{0,40}\bby (?:monday|tuesday|wednesday|thursday|"
            r"friday|"
            r"tomorrow|tonight|the end of)|"
            # round 9: an ultimatum ("…within the hour, or I'll be going with the other company")
            r"\bor (?:else )?i(?:'ll| will| shall|'m| am)(?: (?:just|have to|be))? "
            r"(?:go|going|take|taking|accept|"
            r"accepting|sign|signing)\w*(?: (?:with|for))? (?:elsewhere|the other|another|them)\b|"
            r"\bjust so we're clear\b",
            re.I,
        ),
        "demand",
        "don't set them a deadline or terms; ask what their timeline is",
        ("seed004", "mistakes"),
    ),
    (
        _rx(
            r"i(?:'ve| have)? (?:already )?(?:called|rang|phoned|tried (?:calling|to call|to reach you))"
            r"(?: you)?(?: (?:twice|three times|several times|again|already))?",
            # round 7: counting your own messages ("third message, in case the first two got eaten")
            r"(?:second|third|fourth|fifth|sixth|umpteenth|\d+(?:nd|rd|th)) (?:message|voicemail|call|email|"
            r"attempt)|(?:the )?(?:first|other) (?:two|three|few) (?:messages|voicemails|calls|emails)",
            r"i(?:'ve| have)? (?:already )?left (?:you )?(?:a |two |three |several )?"
            r"(?:messages?|voicemails?)",
            r"calling (?:you )?again|my (?:second|third|fourth) call|following up again",
            r"(?:chase|chasing|bother|bothering|nag|nagging|pester|pestering) (?:you )?again",
            r"(?:second|third|fourth|fifth) time (?:i've|i have)",
            # round 6: the count said of the message itself ("This is the third voicemail I've left")
            r"(?:this is|that's|it's) (?:my|the) (?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) "
            r"(?:voicemail|message|call|email|time)",
            r"i(?:'ll| will) (?:call|ring|try|phone) (?:you )?(?:again|back) (?:tomorrow|later|"
            r"this afternoon|"
            r"first thing|in an hour)|(?:swing|drop|pop|stop) by (?:the|your) office|come (?:in|"
            r"by) in person",
            r"(?:hear|get|pick up|collect|discuss)\w* (?:it|the (?:answer|decision|news|outcome)) in person|"
            r"(?:pop|drop|swing|stop|come|nip|head)\w* (?:in|into|by|round|over|down)(?: to)? (?:the |your )?"
            r"(?:\w+ )?(?:office|offices|branch|site|shop|building|reception)\b",
            # round 18: more calls promised ("I'll give you a call Thursday and again on Friday", "I'll keep
            # trying")
            r"(?:call|ring|phone|try|chase|email)\w*\b[^.?!]{0,40}\band again (?:on|next|in|tomorrow|later|"
            r"the)|i(?:'ll| will) keep (?:trying|calling|ringing|chasing)",
        ),
        "repeat",
        "make only one call; don't mention earlier calls or call again",
        ("seed003",),
    ),
    (
        _rx(
            r"why not me|why (?:wasn't|was not|didn't|did not) (?:i|you (?:choose|pick|hire|take|want) me)",
            r"why (?:did|would) you (?:pick|choose|hire|go with|select)",
            r"unfair|not fair|biased|discriminat\w*",
            r"(?:you(?:'ve| have)?|you're|you are) (?:\w+ )?(?:made|making) a (?:\w+ )?mistake",
            r"(?:big|huge|terrible|serious|grave) mistake",
            r"(?:you|they) should(?:'ve| have)",
            r"(?:surprised|shocked|baffled|confused),? (?:given|considering|after|with) (?:my|all "
            r"my|everything)",
            r"(?:given|considering) (?:my|all my) (?:\w+ ){0,3}(?:years|experience|qualifications|"
            r"track record)"
            r",? i (?:thought|expected|assumed|was sure|really thought)",
            r"i (?:deserved?|earned) (?:this|the|that|it)|(?:better|more) qualified than|less (?:qualified|"
            r"experienced)|(?:had|has) (?:none|no experience|less experience)",
            r"(?:the )?(?:best|strongest|most qualified) (?:candidate|person|applicant)",
            r"reconsider|wrong (?:decision|choice|candidate|person)|waste of (?:my )?time",
            r"ridiculous|how could you",
            r"i (?:don't|do not|can't|cannot|won't|will not|refuse to|am not going to|'m not going to) "
            r"(?:agree|accept)(?! (?:[\w']+ ){0,3}?(?:right now|over the phone|on the phone|"
            r"on the spot|yet|until|till|"
            r"before|officially))",
            r"disagree with|would have (?:picked|chosen|hired) me|i was told i was|talk about it again",
            r"not sure i agree|(?:you've|you have|you) got (?:this|it|that)(?: one)? wrong",
            r"(?:clearly|obviously) the (?:better|best|right|stronger)|you(?:'ll| will) regret",
            r"makes no sense|doesn't make (?:any )?sense|i want to know why|how is that fair",
            # round 2: insinuations that the decision was unfair without the word
            r"beg to differ|in my defen[cs]e|i stand by (?:my|what)|"
            r"i still (?:think|believe|feel) i (?:was|am|'m) (?:the )?(?:better|best|stronger)",
            r"well[- ]connected|nepotism|friend of (?:the|a|someone)|foregone conclusion|tick(?:ing)? (?:a|"
            r"the) box",
            r"find (?:that|it|this) (?:hard|difficult) to (?:believe|accept|understand)|hard to believe",
            r"you(?:'ve| have)? (?:misjudged|underestimated|overlooked|misread|misunderstood|dismissed) me",
            r"(?:look at|review|revisit|re-?read|go over|consider) (?:my|the) (?:\w+ )?(?:application|cv|"
            r"answers?|interview|case|decision) again|take (?:another|a second) look",
            r"(?:whoever|the (?:other|successful|chosen|new) (?:candidate|person|applicant|hire)|"
            r"the person you "
            r"(?:chose|picked|hired))\b[^.?!]{0,30}\b(?:(?:can't|cannot|couldn't|wouldn't) (?:possibly )?"
            r"(?:have|be|know|match)|(?:doesn't|didn't|don't) (?:have|know|bring) (?:my|the|as|half|any)|"
            r"less (?:experience|qualified)|fewer|half (?:as|my|the))\b",
            r"(?<!but )\bsurely\b|counts? for (?:something|nothing)",
            r"(?:made|make) up (?:its|their|your|his|her) minds? (?:before|already)|already (?:had|picked|"
            r"chosen) "
            r"(?:someone|somebody|their|a candidate)",
            # round 9: unfairness charged to them ("the take-home test was clearly marked unfairly")
            r"(?:was|were|been|being) (?:\w+ )?(?:marked|scored|judged|assessed|graded|treated) unfairly",
            r"(?:was|were|seems|seemed|is|felt) (?:\w+ )?(?:very |really |quite |a bit |deeply )?unfair\b",
            # round 15: "frankly I think the panel misjudged me", "the panel has made a mistake"
            r"(?:panel|you|they|interviewers?) (?:\w+ )?(?:misjudged|misread|underestimated|overlooked) me|"
            r"(?:panel|you|they) (?:has|have) made a (?:mistake|mistaken|wrong)"
        ),
        "blame",
        "drop the blame: arguing never changes the decision; thank them and ask to learn",
        ("seed003", "model_feedback"),
    ),
    (
        _rx(
            r"(?:i'm|i am|i feel|i think i'm) (?:owed|entitled to)|i deserve (?:an?|the|to|some|a proper)",
            r"(?:assume|presume|take it)\b[^.?!]{0,30}\b(?:the job|the role|the position|it's mine|is mine|"
            r"i've got|i got|i have got)",
            r"as good as (?:mine|done|settled)|(?:the job|it)(?:'s| is) mine|i (?:know i |"
            r"really )?(?:nailed|aced) "
            r"(?:it|the interview)|(?:won't|will not|couldn't|could not) find (?:anyone|anybody|"
            r"someone) better",
            r"(?:can't|cannot|don't|do not) (?:imagine|see) (?:you|anyone|anybody)\b[^.?!]{0,40}"
            r"\b(?:better|more suited|stronger|more qualified)",
            r"(?:keep|keeping|kept|leave|leaving) [^.?!]{0,20}\bfree for my (?:start|first day)",
            # round 6: their choice told to them ("I trust you'll make the right choice", "I'm sure you can
            # see I'm the right person")
            r"(?:trust|sure|confident|know) you(?:'ll| will| can| would)? (?:make the right "
            r"(?:choice|decision|call)|"
            r"see (?:that )?i'm|agree (?:that )?i'm|choose me|pick me)",
            # round 10: presuming the job or a favour ("you definitely need me", "grab a pint once I'm in",
            # "you owe me one now, so put me first in line")
            # not "When do you need me to start?" (round 17)
            r"(?<!whenever )(?<!if )(?<!when )you (?:definitely |clearly |obviously |really )?need me\b"
            r"(?! to (?:start|begin|come|be there|sign|send|bring|fill))|(?:once|when) i(?:'m| am) in\b|"
            r"you owe me\b",
            r"(?:put|keep) me (?:first|top|at the front) (?:in|of) (?:the )?(?:line|queue|list)",
            # round 14: the offer presumed ("I look forward to receiving your offer by Friday"), not the
            # written offer an offer call asks for ("…receiving the offer letter / by email")
            r"look(?:ing)? forward to (?:receiving|getting|seeing|reading) (?:your|the|my) offer"
            r"(?! letter| in writing| pack| paperwork| details| by (?:e-?mail|post)| in the post| through)",
            # round 17: "I'd assume I'm near the top of your list", "I'd assumed it would be me"
            r"(?:assume|assumed|expect|expected|imagine|presume|presumed|reckon) (?:that )?"
            r"i(?:'m| am|'d be| would be|'ll be| will be) (?:\w+ )?(?:near|at|on|close to) (?:the )?top of "
            r"(?:your|the) (?:list|pile|shortlist)|"
            r"(?:assume|assumed|expected|presumed) (?:that )?it (?:would|'d|will) be me",
            # round 18: "I'd expected as much, to be honest"
            r"(?:expected|thought|knew|figured|guessed) as much|no surprise(?:s)? there",
        ),
        "entitled",
        "don't presume the outcome or that you are owed anything; stay modest and ask calmly",
        ("seed003", "mistakes"),
    ),
    (
        _rx(
            # round 17: "I have already turned down two interviews for you", "I did take a day's unpaid
            # leave"
            r"i (?:did |have |'ve |had )?(?:already )?(?:turned|turn) down "
            r"(?:an?(?:other)?|two|several|other|my) (?:\w+ )?(?:offers?|interviews?|jobs?|roles?)",
            r"i (?:did |have |'ve |had (?:to )?)?(?:already )?(?:took|take|taken) "
            r"(?:a |an |a day's |two days' |half a day's )?(?:unpaid |annual |half a )?"
            r"(?:leave|day off|holiday)",
            # round 18: "I've been holding off on other applications for you"
            r"(?:holding|held|hold|put|putting) off (?:on )?(?:my |all |any )?(?:other )?"
            r"(?:applications|offers|interviews|jobs)|"
            r"put (?:my |the )?(?:job )?(?:search|applications) on hold",
            # the cost laid on them: "I hope you'll think of my situation", "my visa depends on it"
            r"(?:think of|consider|remember|bear in mind|keep in mind|take into account) my (?:situation|"
            r"circumstances|visa)|my visa depends",
            r"i (?:gave|have given|'ve given) up (?:a|my|another)",
            r"(?:kept|keep|keeping) my (?:week|diary|day|days|calendar|schedule) (?:free|clear|open)",
            r"(?:hope|trust) (?:it|the decision|this) (?:will be|was|is|turns out to be|proves) worth",
            r"i (?:only |just |even )?(?:rearranged|cancelled|moved|reshuffled|dropped|swapped) (?:my |"
            r"everything|"
            r"all my )(?:whole |entire )?(?:week|day|plans|schedule|diary|shifts?|holiday|childcare|life)",
        ),
        "guilt",
        "leave out what waiting or applying has cost you: it reads as guilt-tripping",
        ("seed003", "mistakes"),
    ),
    (
        _rx(
            r"unprofessional|shambles|shambolic|disgrace\w*|appalling|pathetic|useless|rude|insulting|farce|"
            # not their busy day met with sympathy (round 17: "mornings at a vet practice can be absolutely
            # chaotic")
            r"incompetent|disorgani[sz]ed|(?<!can be )(?<!must be )(?<!be absolutely )(?<!get )chaotic",
            r"fed up|sick of|tired of|chasing this|to be blunt",
            r"(?:interviewer|panel|you|they) (?:seemed|was|were|looked) (?:\w+ )?(?:distracted|uninterested|"
            r"bored|"
            r"disinterested|unprepared|on (?:your|their|his|her) phones?)",
            # "I won't pretend your process was well run", not "I won't pretend I'm not disappointed"
            # nor "I won't pretend I know your schema yet" (round 18)
            r"(?:won't|will not|not going to|can't) pretend(?! (?:i'm|i am|i was|i wasn't|i know|"
            r"i understand|it didn't|"
            r"it doesn't|"
            r"this didn't|that didn't) )|no offen[cs]e,? but|"
            r"with (?:all due )?respect,? (?:but|you)",
            r"(?:so|very|really|far too) (?:rushed|late|disorgani[sz]ed)",
            r"you(?:'ve| have)? lost (?:a|an|your) (?:good|great|strong|excellent)",
            # a counterfactual reproach: "it would have helped if the panel had read my CV"
            r"would (?:have )?(?:helped|help|been nice|be nice|been good|be good|been useful|been polite) if "
            r"(?:you|the panel|someone|somebody|anyone|they|the interviewers?|"
            r"your (?:team|panel|colleagues))\b",
            # round 11: talking down to them ("frankly I think his approach is outdated", "I'd gently point
            # out it's what the research says", "wasn't what you wanted to hear")
            r"(?:approach|method|process|thinking|view|system) (?:is|was|seems|seemed) (?:\w+ )?(?:outdated|"
            r"old-fashioned|backwards|behind the times|flawed|wrong)",
            r"(?:i'd|i would|may i|let me|can i) (?:just |gently |politely |kindly )?point out",
            r"(?:wasn't|was not|isn't|is not) what you wanted to hear"
        ),
        "hostile",
        "keep criticism of them or their process out: it closes the door; stay courteous",
        ("seed003", "mistakes"),
    ),
    (
        re.compile(r"!{2,}"),
        "exclaim",
        "use one exclamation mark at most (this workbook's own advice); several sound pushy",
        ("workbook", "mistakes"),
    ),
)
_SPOKEN_TONE = (
    "sarcasm",
    "did_i_get",
    "needy",
    "reproach",
    "demand",
    "repeat",
    "exclaim",
    "blame",
    "entitled",
    "guilt",
    "hostile",
)
#: Which tone categories each kind's tone check shows (enthusiastic "!!" is fine in an offer call).
_TONE_FOR = {
    "status_call_opener": _SPOKEN_TONE,
    "voicemail": _SPOKEN_TONE,
    # round 12: neediness too (every one of 12 labelled needy feedback requests fails not_argumentative)
    "feedback_request": ("sarcasm", "needy", "blame", "reproach", "demand", "entitled", "guilt", "hostile"),
    "thank_you": (
        # round 18: "repeat" too ("I'll give you a call Thursday and again on Friday")
        "sarcasm", "needy", "reproach", "demand", "blame", "did_i_get", "entitled", "guilt", "hostile",
        "repeat",
    ),
    "offer_call": ("sarcasm", "needy", "reproach", "demand", "blame", "entitled", "guilt", "hostile"),
}
#: The checks that report tone (a new id, ``courteous_tone``, for kinds that had none).
TONE_CHECKS = ("no_pressure", "not_argumentative", "courteous_tone")


# -- tone by structure (round 4): what a phrase list cannot hold ---------------------------------
#
# Each rule names a shape rather than words: a want or an imperative aimed at a time ("I'd need to hear
# by Friday", "ring me back today"), a first-person need of the job or the money, a comparison of
# yourself with the others, a judgement of their question or test, a count of your calls, scare quotes,
# an ironic "clearly".  The ``cue`` group is the word a negation must govern to cancel the rule ("I
# don't need an answer today", "your question wasn't odd at all"); without one, the match's start.

_WEEKDAY_WORDS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thur?s?|fri"
#: An hour, a day or a word of urgency that turns a want into a deadline.
_TIME_PRESSURE = (
    r"(?:asap|a\.s\.a\.p|urgent(?:ly)?|today|tonight|right away|straight away|immediately|at once|"
    r"first thing|this (?:afternoon|evening|morning|week)|one way or (?:the )?other|"
    r"(?:by|before) the weekend|by (?:the end of )?(?:"
    + _WEEKDAY_WORDS
    + r"|tomorrow|tonight|today|(?:the )?end of (?:the |this )?(?:day|week)|eod|cob|close of business|noon|"
    r"midday|lunch(?:time)?|\d{1,2}(?::\d\d)?\s*(?:am|pm|o'clock))|within (?:the )?(?:next )?"
    r"(?:\d+|an?|one|two|(?:a )?couple of|few|24|48) (?:hours?|days?))"
)
#: What you want from them: to know, to hear, their answer, the contract…
_WANTED = (
    r"(?:to (?:know|hear|have|get|see|receive|find out)\b|(?:an?|your|the|some|my|a final) (?:\w+ )?"
    r"(?:answer|decision|reply|response|news|update|word|call|callback|confirmation|contract|offer|feedback|"
    r"outcome|result|verdict|status)\b|(?:it|this|that|something|either way|back)\b)"
)
def _one(pattern: str) -> re.Pattern[str]:
    """A case-insensitive whole-word pattern (one alternative: its ``cue`` group is its own)."""
    return re.compile(rf"\b(?:{pattern})\b", re.I)


#: (pattern, tone category, trigger words split by "|"): each shape marks as ``cue`` (or ``cue2``) the
#: word a negation must govern to cancel it; a pattern runs only on a text holding one of its trigger
#: words (a substring test costs far less than the pattern, and every match holds one), which keeps
#: ``check_message`` fast.
_STRUCTURAL_TONE: tuple[tuple[re.Pattern[str], str, str], ...] = (
    # a want of yours, or an imperative at them, with a time attached: pressure
    (
        _one(
            r"(?:i|we)(?:'d|'ll| would| will| really| just| do| still| am|'m)?\s+(?:really |just |still |"
            r"definitely )?(?:(?P<cue>need|needs|want|expect|require|appreciate)\s+" + _WANTED + r"|"
            r"(?P<cue2>must (?:have|know|hear)|have to (?:know|hear|have|get)|(?:hope|hoping) to (?:get|hear|"
            r"have|know|receive)|like to (?:hear|know|get|have))\b)[^.?!]{0,40}?\b" + _TIME_PRESSURE
        ),
        "demand",
        "asap|a.s.a.p|urgent|today|tonight|away|immediately|at once|first thing|this afternoon|"
        "this evening|this morning|this week|one way or|weekend|by |within",
    ),
    (
        _one(
            r"(?P<cue>(?:call|ring|phone|text|email|e-mail|message|answer|get back to|reply to|come back to)"
            r" me(?: back)?|let me know|send (?:me|it|the|over)|tell me|give me|"
            r"please(?! feel free| don't| do not| no\b))\b[^.?!]{0,40}?\b" + _TIME_PRESSURE
        ),
        "demand",
        "asap|a.s.a.p|urgent|today|tonight|away|immediately|at once|first thing|this afternoon|"
        "this evening|this morning|this week|one way or|weekend|by |within",
    ),
    (
        _one(r"(?:it's|it is|this is|that's)(?: really| very| quite| pretty)? (?P<cue>urgent)"),
        "demand",
        "urgent",
    ),
    # terms set as fixed, and another employer used as leverage
    (
        _one(r"(?P<cue>non-?negotiable|deal-?breaker|my bottom line|take it or leave it)"),
        "demand",
        "negotiable|deal-breaker|dealbreaker|deal breaker|bottom line|take it or leave it",
    ),
    (
        _one(
            r"(?:salary|pay|offer|package|rate)\b[^.?!]{0,20}\b(?P<cue>has|needs|must|will have) to (?:go up|"
            r"rise|increase|improve|be (?:higher|better|more|at least))"
        ),
        "demand",
        "salary|pay|offer|package|rate",
    ),
    (
        _one(
            r"(?P<cue>another|other|a different) (?:company|companies|employer|firm|organi[sz]ation|offer|"
            r"business|place|job|school|agency|team)\b[^.?!]{0,20}\b(?:is |are )?(?:waiting (?:on|for) me|"
            r"wants? (?:me|an answer)|"
            r"chasing me|pushing me)"
        ),
        "demand",
        "waiting on me|waiting for me|want me|wants me|want an answer|wants an answer|chasing me|pushing me",
    ),
    # a need of the job or of money, said in the first person
    (
        _one(
            r"i (?:\w+ )?(?P<cue>need|needed) (?:this|it|the job|a job|this job|the role|this role|the work|"
            r"work|the money|the income|an income|good news|some good news|a yes|a break|a win|"
            r"this (?:chance|opportunity)|the (?:chance|opportunity))"
            r"(?! (?:to|by|before|in writing|signed|back|from)\b)"
        ),
        "needy",
        "need",
    ),
    (
        _one(
            r"(?P<cue>money|cash|(?:my|our) (?:finances|savings|budget|funds|rent|bills|mortgage|debts?))\b"
            r"[^.?!]{0,25}\b(?:tight|short|low|running (?:out|low|dry)|run out|gone|behind|overdue|"
            r"piling up|mounting|a (?:struggle|worry))"
        ),
        "needy",
        "money|cash|finances|savings|budget|funds|rent|bills|mortgage|debt",
    ),
    (
        _one(
            r"(?P<cue>can't|cannot|couldn't|struggl\w+ to) (?:afford|pay (?:my|the|our)|"
            r"cover (?:my|the|our))|"
            r"make ends meet|(?:behind|late) (?:on|with) (?:my |the |our )?(?:rent|bills|mortgage|payments)"
        ),
        "needy",
        "afford|pay my|pay the|pay our|cover my|cover the|cover our|ends meet|behind|late",
    ),
    (
        _one(
            r"(?:this|the|that) (?:job|role|position|offer|opportunity|chance)\b[^.?!]{0,25}\b(?:would|will|"
            r"could|'d|'ll)\s+(?:\w+ )?(?P<cue>change everything|change my life|change our lives|"
            r"save (?:me|us)|mean (?:the world|everything))"
        ),
        "needy",
        "change everything|change my life|change our lives|save me|save us|mean the world|mean everything",
    ),
    (
        _one(r"(?P<cue>means?|meant) (?:the world|everything) to (?:me|us)"),
        "needy",
        "the world|everything",
    ),
    (
        _one(
            r"(?:about|ready|close|going) to (?P<cue>give up)|on the verge of (?:giving up|tears)|"
            r"at the end of my tether|at my wits'? end"
        ),
        "needy",
        "give up|giving up|on the verge|tether|wits",
    ),
    (
        _one(
            r"i(?:'m| am)? (?:\w+ )?(?P<cue>begging|beg|pleading|implore)(?! (?:to differ|your pardon))|"
            r"please,? please|i have no (?:other )?(?:option|choice|alternative)|nothing else to fall back on"
        ),
        "needy",
        "beg|plead|implore|please, please|please please|no other|no option|no choice|no alternative|"
        "fall back",
    ),
    (
        _one(
            r"i(?:'ve| have)? had (?:a|such a|the) (?:\w+ )?(?P<cue>rough|tough|hard|awful|terrible|horrible|"
            r"difficult|miserable|bad) (?:few |couple of )?(?:months?|weeks?|years?|time|patch|run)"
        ),
        "needy",
        "had",
    ),
    (
        _one(
            r"(?:\d+|dozens of|hundreds of|countless|so many|endless|months of|a year of|years of) "
            r"(?P<cue>rejections|knockbacks)"
        ),
        "needy",
        "rejections|knockbacks",
    ),
    # yourself set against the other candidates, and their decision called wrong
    (
        _one(
            r"(?P<cue>less|fewer|weaker|worse|poorer)\b[^.?!]{0,40}\b"
            r"than (?:me|i (?:do|did|have)|mine|myself)"
        ),
        "blame",
        "than",
    ),
    (
        _one(
            r"(?:i(?:'ve| have| had| was| am|'m)?|my)\b[^.?!]{0,40}\b(?P<cue>more|better|stronger|longer|"
            r"greater)"
            r"\b[^.?!]{0,30}\bthan (?:most|the (?:others|rest|other candidates?)|anyone|anybody|everyone|"
            r"any of (?:them|the others)|any (?:other )?(?:candidate|applicant)|whoever)"
        ),
        "blame",
        "than",
    ),
    (
        _one(r"i (?:was|am|'m) the (?P<cue>only) (?:one|candidate|person|applicant)"),
        "blame",
        "the only",
    ),
    (
        _one(
            r"(?:you|they|the panel|the team|the committee|the interviewers?|someone|somebody|management|hr)"
            r"(?:'ve| have)? (?:\w+ )?(?P<cue>got|get|made|make) (?:this|it|that|"
            r"the (?:\w+ )?(?:decision|call|choice))(?: one)? (?:\w+ )?wrong"
        ),
        "blame",
        "wrong",
    ),
    (
        _one(
            r"(?:successful|chosen|other|winning|eventual) (?:candidate|applicant|person|hire)\b[^.?!]{0,25}"
            r"\b(?:offered|had|brought|has|did)\b[^.?!]{0,50}\b(?P<cue>didn't|did not|don't|doesn't|wasn't|"
            r"couldn't|than (?:me|i|mine))"
        ),
        "blame",
        "successful|chosen|other|winning|eventual",
    ),
    # their question, test or process judged
    (
        _one(
            r"(?:your|the|that|this) (?:[\w']+ )?(?:question|questions|test|task|exercise|process|format|"
            r"assessment|panel|decision)\b[^.?!]{0,80}?\b(?P<cue>odd|strange|weird|bizarre|harsh|"
            r"unreasonable|"
            r"inappropriate|irrelevant|pointless|misleading|didn't seem (?:right|fair|relevant)|"
            r"(?:had|has|have) (?:nothing|little) to do with|unrelated to|favou?r(?:ed|s)|stacked|rigged|"
            r"wasn't (?:right|fair|relevant|appropriate)|out of order|a bit much|over the top)"
        ),
        "hostile",
        "odd|strange|weird|bizarre|harsh|unreasonable|inappropriate|irrelevant|pointless|"
        "misleading|seem|wasn't|out of order|a bit much|over the top|to do with|unrelated|favour|favor|"
        "stacked|rigged",
    ),
    # calls counted, and earlier messages said to have gone unanswered
    (
        _one(
            r"(?:second|third|fourth|fifth|sixth|umpteenth|nth|\d+(?:st|nd|rd|th)) (?:time|attempt|try)\b"
            r"[^.?!]{0,30}\b(?P<cue>call|ring|rang|reach|contact|try|trying|tried|phon\w*|email\w*|chas\w*|"
            r"leav\w*|get(?:ting)? hold|follow\w*)"
        ),
        "repeat",
        "time|attempt|try",
    ),
    (
        _one(
            r"(?P<cue>called|rung|rang|phoned|emailed|tried|messaged|chased|written|wrote|"
            r"texted)\b[^.?!]{0,25}"
            r"\b(?:twice|(?:two|three|four|five|several|many|multiple|a few|\d+) times)"
        ),
        "repeat",
        "twice|times",
    ),
    (
        _one(
            r"my (?:last|previous|earlier|other|first) (?:(?:two|three|few|several|couple of) )?(?:emails?|"
            r"messages?|calls?|voicemails?|letters?|notes?)\b[^.?!]{0,50}\b(?P<cue>vanish\w*|disappear\w*|"
            r"thin air|black hole|unanswered|unreturned|went nowhere|ignored|no (?:reply|response|answer)|"
            r"never (?:got|arrived|reached))"
        ),
        "reproach",
        "my last|my previous|my earlier|my other|my first",
    ),
    # irony: scare quotes, an ironic "clearly", deference that mocks
    (
        re.compile(
            r"\b(?:the|your|a|an|this|that|such|our|these|those)\s+(?P<cue>\"[^\"\n]{2,20}\")\s+[a-z]", re.I
        ),
        "sarcasm",
        '"',
    ),
    (
        _one(
            r"(?P<cue>clearly|obviously|evidently|apparently)\b[^.?!]{0,60}\b(?:(?:wasn't|weren't|isn't|"
            r"aren't|not) (?:what you (?:were|are) (?:after|looking for|wanted)|good enough|enough)|"
            r"counts? for (?:nothing|little))"
        ),
        "sarcasm",
        "clearly|obviously|evidently|apparently",
    ),
    (
        _one(
            r"(?:far|much|so many|other) more (?P<cue>important) "
            r"(?:things|matters|people|priorities|candidates)|"
            r"better things to do"
        ),
        "sarcasm",
        "more important|better things",
    ),
    # round 4, second pass: the same shapes in more words
    (
        _one(
            r"i(?:'ll|'d| will| would)? (?P<cue>need|want|expect) you to (?:come back|improve|raise|increase|"
            r"match|do better|reconsider|change|sort|get back|decide|confirm|make|give)"
        ),
        "demand",
        "you to",
    ),
    (
        _one(r"i (?:had )?(?P<cue>expected) (?:more|better|a (?:lot|bit|good deal) more)"),
        "demand",
        "expected",
    ),
    (
        _one(
            r"i(?:'ve| have)? (?:already )?(?P<cue>left|sent)(?: you)? (?:a (?:couple|few) of|several|"
            r"multiple|two|"
            r"three|four|some|a number of) (?:messages|voicemails|emails|texts)"
        ),
        "repeat",
        "left|sent",
    ),
    (
        _one(
            r"(?P<cue>trying|calling|ringing|phoning|emailing|writing|chasing|following up)\b[^.?!]{0,15}"
            r"\b(?:once more|yet again|one more time|again)"
        ),
        "repeat",
        "again|once more|one more time",
    ),
    (_one(r"(?:have|has|had) (?P<cue>come and gone)"), "reproach", "come and gone"),
    (
        _one(
            r"i(?:'m| am| was)? (?:\w+ )?(?P<cue>baffled|bewildered|stunned|gobsmacked|flabbergasted|"
            r"mystified)"
        ),
        "blame",
        "baffled|bewildered|stunned|gobsmacked|flabbergasted|mystified",
    ),
    (_one(r"you(?:'ll| will) (?:\w+ ){0,3}(?P<cue>regret)"), "blame", "regret"),
    (
        _one(
            r"(?:which|that) i (?P<cue>hope) you(?:'ll| will) (?:bear|keep|take) in(?:to)? (?:mind|account)|"
            r"i (?P<cue2>hope) (?:that|this|it)(?:'s| has| will| is)? (?:been |be )?(?:taken into account|"
            r"borne in mind|considered)"
        ),
        "blame",
        "into account|in mind|considered",
    ),
    (
        _one(
            r"(?:been |i've been |i have been |i'm |i am )?(?P<cue>out of work|unemployed|job ?hunting|"
            r"looking for "
            r"work)\b[^.?!]{0,15}\b(?:since|for (?:\w+ )?(?:months|a year|years|ages|so long))"
        ),
        "needy",
        "out of work|unemployed|hunting|looking for work",
    ),
    (
        _one(r"(?:kids|children|family|son|daughter|little ones)\b[^.?!]{0,10}\b(?P<cue>need)"),
        "needy",
        "need",
    ),
    (
        _one(
            r"(?P<cue>can't|cannot|couldn't) face (?:another|more|any more)|on my last legs|"
            r"(?:can|could)(?:n't|not)? (?:barely|hardly) (?:sleep|eat|think|focus|concentrate)|"
            r"(?:can't|cannot|couldn't) (?:sleep|eat|stop thinking)"
        ),
        "needy",
        "face|last legs|barely|hardly|sleep|eat|stop thinking",
    ),
    (
        _one(
            r"(?:gotta|got to|you(?:'ve)? (?:got to|gotta)) love|don't you (?:just )?love|"
            r"i (?:just )?love how\b[^.?!]{0,80}(?:\bha(?:ha)*\b|\blol\b|same (?:speed|pace)|as (?:fast|"
            r"quick|"
            r"speedy) as)|(?:at|with) (?:the same|a) (?:speed|pace) as|(?:glacial|snail's|snail) pace|"
            r"as (?:fast|quick|quickly|speedy) as (?:a|an|the) (?:snail|tortoise|glacier|sloth)"
        ),
        "sarcasm",
        "love|speed|pace|as fast as|as quick",
    ),
    (_one(r"nothing but time|(?:was|been|is) (?:certainly|quite|definitely|really|some|such) (?:an? |the )?"
          r"experience"), "sarcasm", "nothing but time|experience"),
    (
        _one(
            r"(?:what a|how) (?P<cue>generous|kind|thoughtful|helpful|quick|prompt|efficient|professional)"
            r"\b[^.?!]{0,60}\b(?:i'm sure|i suppose|i guess|ha|haha|lol)"
        ),
        "sarcasm",
        "i'm sure|suppose|guess|ha|lol",
    ),
    # round 4, third pass
    (
        _one(
            r"i (?:really |do |just |still |simply )*(?P<cue>need) (?:an answer|a decision|a reply|"
            r"a response|"
            r"to know (?:either way|one way or|where i stand))"
        ),
        "demand",
        "need",
    ),
    (
        _one(
            r"(?:i'm sure|no doubt|i know) you(?:'ve| have| were|'re| are)? (?:been )?(?:very |so |really )?"
            r"(?P<cue>busy|swamped|rushed|snowed under|run off|rushed off)\b[^.?!]{0,40}\b(?:for|over|these|"
            r"the past|the last) (?:\w+ ){0,2}(?:weeks|months)"
        ),
        "sarcasm",
        "busy|swamped|rushed|snowed|run off",
    ),
    (
        _one(
            r"i(?:'d| had| have|'ve)? (?P<cue>given|gave|was|were|did|had) (?:the )?(?:strongest|"
            r"best) (?:answers?|"
            r"interview|performance|candidate|presentation)"
        ),
        "blame",
        "strongest|best",
    ),
    (
        _one(
            r"(?:every|each) (?:day|morning|afternoon|evening|hour|week)\b[^.?!]{0,20}\buntil|"
            r"i(?:'ll| will) (?P<cue>keep) (?:on )?(?:trying|calling|ringing|phoning|emailing|chasing)"
        ),
        "repeat",
        "until|keep",
    ),
    (
        _one(r"(?P<cue>don't|do not|can't|cannot|fail to|struggle to) (?:see|understand) (?:how|why)"),
        "blame",
        "see how|see why|understand how|understand why",
    ),
    (
        _one(
            r"lucky (?:them|him|her|whoever|old)|good for them|bully for|whoever (?:they|he|she) (?:are|is)"
        ),
        "sarcasm",
        "lucky|good for them|bully|whoever",
    ),
    (
        _one(r"(?:a|all) (?P<cue>whole) (?:\w+ )?(?:minutes?|seconds?)|all of (?:\w+ )?minutes"),
        "sarcasm",
        "whole|all of",
    ),
    (
        _one(
            r"(?:question|questions|test|task|exercise)\b[^.?!]{0,40}\b(?:felt|seemed|was|were|looked) like "
            r"(?:a |an )?(?P<cue>trick|trap|gotcha|ambush)|(?P<cue2>trick|loaded|gotcha) questions?"
        ),
        "hostile",
        "trick|trap|gotcha|ambush|loaded",
    ),
    (
        _one(
            r"(?P<cue>no idea|can't tell you|cannot tell you|can't imagine) (?:what|how much) (?:this|"
            r"it) means|"
            r"after the (?:year|months|weeks|time) (?:i've|i have) had"
        ),
        "needy",
        "means|had",
    ),
    # round 4, fourth pass
    (
        _one(r"must be (?P<cue>nice|lovely|great)|nice work if you can get it|(?:it's )?alright for some"),
        "sarcasm",
        "must be|nice work|alright for some",
    ),
    (
        _one(
            r"(?:only|just) (?P<cue>got|gets|getting|in the running|shortlisted|chosen|picked|hired|"
            r"got the job)"
            r"\b[^.?!]{0,30}\bbecause"
        ),
        "blame",
        "because",
    ),
    (
        _one(
            r"(?:that's|that is|it's|it is|it was|that was|seems|seemed|sounds like|what a|such a) (?:a |"
            r"an )?"
            r"(?:\w+ )?(?P<cue>poor|bad|wrong|questionable|short-?sighted|baffling|hasty|rash|strange|odd) "
            r"(?:call|decision|choice)"
        ),
        "blame",
        "call|decision|choice",
    ),
    (
        _one(
            r"(?P<cue>not) that i (?:expected|thought|hoped for|was expecting) "
            r"(?:anything else|otherwise|any different)"
        ),
        "sarcasm",
        "not that i",
    ),
    (
        _one(
            r"(?P<cue>brief|short|quick|rushed|late|limited|cursory|fleeting) (?:as|though) (?:it|they|that) "
            r"(?:was|were)"
        ),
        "sarcasm",
        " as it was| as they were| though it was| as that was",
    ),
    (
        _one(
            r"(?P<cue>won't|will not|not going to|refuse to)(?: be)? (?:sign|accept|start|agree|commit)\w*\b"
            # round 13: not before reading it is what the model call advises ("I won't commit until I've
            # read the written offer")
            r"[^.?!]{0,20}\buntil(?! (?:i(?:'ve| have)? )?(?:read|seen|had|received|got|looked))"
        ),
        "demand",
        "until",
    ),
)


_STRUCTURAL = tuple((p, c, frozenset(t.split("|"))) for p, c, t in _STRUCTURAL_TONE)
#: Every shape's trigger words, each looked for once per text.
_ALL_TRIGGERS = frozenset().union(*(triggers for _, _, triggers in _STRUCTURAL))


def _structural_faults(text: str, kind: str, found: set[str]) -> list[_Fault]:
    """Tone faults by structure (``_STRUCTURAL_TONE``), for categories the phrase rules did not find."""
    out = []
    lower = text.lower()
    present = {word for word in _ALL_TRIGGERS if word in lower}  # each trigger tested once, not per shape
    for pattern, category, triggers in _STRUCTURAL:
        if category in found or category not in _TONE_FOR[kind]:
            continue
        if present.isdisjoint(triggers) or not _may_match(pattern, lower):
            continue
        for m in pattern.finditer(text):
            cue = next((m.start(g) for g in ("cue", "cue2") if m.groupdict().get(g)), m.start())
            if not _negated(text, cue, 6):
                rule = next(r for r in _TONE_RULES if r[1] == category)
                out.append(_Fault(m.group(), rule[2], rule[3], category))
                found.add(category)
                break
    return out




#: Distress is only a tone fault when it is about yourself and the outcome, not an apology, a hedge
#: ("no need to rush") or a remark on the work ("a tough question", "the backlog is a serious problem").
_FIRST_PERSON = _rx(r"i|i'm|i've|i'd|i'll|me|my")
_OUTCOME = _rx(
    r"decision|outcome|news|hear(?:ing)? (?:back|from you|anything|something)|wait\w*|(?:this|the) "
    r"(?:job|role|position|offer|opportunity)|money|rent|bills?|mortgage|family|results?|call back|reply"
)
_NOT_DISTRESS = _rx(
    r"sorry|apolog\w*|bother\w*|trouble|pester\w*|intrud\w*|afraid|nervous\w*|forg[eo]t\w*|busy",
    r"no (?:need|rush|pressure|hurry)|(?:don't|do not|didn't) (?:mind|want to|need)|not (?:worried|"
    r"in a rush)",
    r"problem|challenge|issue|weak\w*|short|mistake|tough|difficult|hard|disappoint\w*",
    r"to (?:hear|learn|read|see) (?:about|that|of|the|your|how)",  # sympathy: "devastated to hear about…"
    # self-criticism ("I was not at my best when…, what I should have said…") and eagerness ("fired up")
    r"should have|not at my best|could have (?:said|explained|answered|done)|fired up|buzzing",
)
#: A sentence at or below this VADER compound score (-1 to 1) reads as distress.
_DISTRESS_SCORE = -0.4


@lru_cache(maxsize=1)
def _sentiment() -> Callable[[str], dict[str, float]] | None:
    """VADER's scorer (vaderSentiment, its lexicon shipped in the wheel), loaded on first use only, so
    ``import followup_kit`` stays cheap; None if the package is missing (the phrase rules still run)."""
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:  # pragma: no cover - it is a pinned dependency
        return None
    return SentimentIntensityAnalyzer().polarity_scores


@lru_cache(maxsize=4096)
def _distress(sentence: str) -> bool:
    """A statement of your own distress about the outcome ("I'm terrified I'll never hear back").

    One broad signal besides the phrase rules: the sentence's VADER sentiment, which knows
    thousands of words of feeling the rules don't list, counted only for a first-person statement
    about the outcome, never for a question, an apology or a hedge.
    """
    about = _OUTCOME.search(sentence) is not None
    if not (_FIRST_PERSON.search(sentence) and (about or _OWN_STATE.search(sentence))):
        return False
    if _NOT_DISTRESS.search(sentence) or _is_question(sentence) or _ACCEPTS.search(sentence):
        return False
    score = _sentiment()
    return score is not None and score(sentence)["compound"] <= (_DISTRESS_SCORE if about else _STATE_SCORE)


#: A statement of how you yourself are ("I've been a mess", "I feel awful"): distress even when it
#: names no outcome, at a stronger feeling than a remark about the outcome needs.
_OWN_STATE = _rx(r"i(?:'m| am|'ve been| have been| feel| felt| was)")
_STATE_SCORE = -0.5


#: Words that aim a sentence at the reader or their process.
_AT_THEM = _rx(r"you|your|you're|you've|yours|the (?:process|interview|panel|company|recruiter)")
#: Apologies, hedges, sympathy ("sad to hear your colleague was unwell") and the work's difficulty.
_NOT_HOSTILE = _rx(
    r"sorry|apolog\w*|busy|stress\w*|nervous\w*|forg[eo]t\w*|problem|challenge|issue|weak\w*|short|mistake|"
    r"tough|difficult|hard|bother\w*|trouble|disappoint\w*|no (?:need|rush|pressure|hurry)|hate to",
    r"sad to|hope|wish|realis\w*|realiz\w*|understand\w*|unwell|ill|illness|sick|storm|damage|weather|"
    r"flood\w*|loss|bereave\w*|passed away|condolence\w*",
    # recalling what they said about the work ("you described how the complaints pile up") is not hostile
    r"about|how|mention\w*|describ\w*|explain\w*|told|said|shar\w*|ask\w*|show\w*|talk\w*|spoke|walk\w*|"
    r"story|point|question|example",
)
#: A sentence aimed at them at or below this VADER compound score reads as hostile.
_HOSTILE_SCORE = -0.35


@lru_cache(maxsize=4096)
def _hostile_feeling(sentence: str) -> bool:
    """A strongly negative statement about them or their process ("your process has been a total mess").

    The second use of VADER's lexicon: it knows words of contempt the rules don't list; apologies,
    hedges, questions and remarks on the work's difficulty are left out.
    """
    if not _AT_THEM.search(sentence) or _NOT_HOSTILE.search(sentence) or _is_question(sentence):
        return False
    score = _sentiment()
    return score is not None and score(sentence)["compound"] <= _HOSTILE_SCORE


_ESCAPE_OR_UPPER = re.compile(r"(\\.|\(\?P)|([A-Z])")


def _quick(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The case-insensitive pattern lower-cased (escapes such as \\S kept) and without IGNORECASE, to
    search lower-cased text: the same yes or no about twice as fast (Python's re folds case at every
    step), so most texts skip a rule without the slow search.  None for a case-sensitive pattern."""
    if not pattern.flags & re.I:
        return None
    source = _ESCAPE_OR_UPPER.sub(lambda m: m.group(1) or m.group(2).lower(), pattern.pattern)
    return re.compile(_word_start_first(source), pattern.flags & ~re.I)


def _top_alternatives(source: str) -> list[str]:
    """A regex source split at its top-level ``|`` (not inside a group or a character class)."""
    out, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 1 + (source[i + 1 : i + 2] == "^")
            i += source[i : i + 1] == "]"  # a "]" right after "[" or "[^" is a literal
            continue
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and not depth:
            out.append(source[start:i])
            start = i + 1
        i += 1
    return [*out, source[start:]]


_LOOKBEHIND = re.compile(r"\(\?<[!=](?:[^()\\]|\\.)*\)")


def _word_start_first(source: str) -> str:
    """The same alternatives, those that begin with ``\\b`` (after any lookbehinds) gathered under one
    leading ``\\b``: the engine then tries them only where a word starts or ends, instead of trying
    each of dozens of alternatives at every character (zero-width tests at one place commute, so the
    yes or no is the same; group names stay unique, each alternative is kept once)."""
    bounded, other = [], []
    for alternative in _top_alternatives(source):
        at = 0
        while (lookbehind := _LOOKBEHIND.match(alternative, at)) is not None:
            at = lookbehind.end()
        if alternative.startswith("\\b", at):
            bounded.append(alternative[:at] + alternative[at + 2 :])
        else:
            other.append(alternative)
    if len(bounded) < 2:
        return source
    return "|".join([rf"\b(?:{'|'.join(bounded)})", *other])


def _may_match(pattern: re.Pattern[str], lower: str) -> bool:
    """False only when ``pattern`` cannot match the text whose lower case is ``lower``."""
    key = id(pattern)  # hashing a Pattern hashes its compiled code, each time; the rules live forever
    try:
        quick = _QUICK[key]
    except KeyError:
        quick = _QUICK[key] = _quick(pattern)
    return quick is None or quick.search(lower) is not None


#: ``_quick`` of each tone pattern by ``id``, filled on first use (compiling all at import is slow).
_QUICK: dict[int, re.Pattern[str] | None] = {}


@lru_cache(maxsize=1024)
def _tone_faults_in(text: str, kind: str) -> tuple[_Fault, ...]:
    """Tone faults in a text, one per category, skipping negated ones ("I'm not desperate").

    Neediness is also found by its feeling (``_distress``), where no phrase rule names it.
    """
    out = []
    lower = text.lower()
    for pattern, category, advice, sources in _TONE_RULES:
        if category not in _TONE_FOR[kind] or not _may_match(pattern, lower):
            continue
        for m in pattern.finditer(text):
            if not _negated(text, m.start(), 6):
                out.append(_Fault(m.group(), advice, sources, category))
                break
    out += _structural_faults(text, kind, {f.category for f in out})
    # after a rejection sadness is expected ("I'm disappointed, but I understand"): there only the
    # phrase rules find neediness (begging, "I'll take any role"), not the feeling
    feeling = kind != "feedback_request"
    if "needy" in _TONE_FOR[kind] and feeling and not any(f.category == "needy" for f in out):
        for sentence in _SENTENCE_BREAK.split(text):
            if sentence and _distress(sentence.strip()):
                needy = next(rule for rule in _TONE_RULES if rule[1] == "needy")
                out.append(_Fault(sentence.strip(), needy[2], needy[3], "needy"))
                break
    if "hostile" in _TONE_FOR[kind] and not out:
        for sentence in _SENTENCE_BREAK.split(text):
            if sentence and _hostile_feeling(sentence.strip()):
                hostile = next(rule for rule in _TONE_RULES if rule[1] == "hostile")
                out.append(_Fault(sentence.strip(), hostile[2], hostile[3], "hostile"))
                break
    if (
        kind in ("status_call_opener", "voicemail")
        and text.count("!") >= 3
        and not any(f.category == "exclaim" for f in out)
    ):
        out.append(_Fault("!", _TONE_RULES[-1][2], _TONE_RULES[-1][3], "exclaim"))
    return tuple(out)


def _tone_faults(draft: _Draft) -> list[_Fault]:
    """The rules' tone faults; when they find none, the learned model's, if it is confident."""
    found = list(_tone_faults_in(draft.flat, draft.kind))
    if not found:
        learned = _learned_tone(draft.flat, draft.kind)
        if learned is not None:
            found.append(learned)
    return found


# -- tone: a learned signal next to the rules ------------------------------------------------------
#
# Phrase and shape rules catch the tone faults they were written for; fresh batches showed they miss
# most others.  ``data/tone_model.json`` holds a logistic regression over cheap features (light-stemmed
# words and word pairs of each clause, negation marked, and a few shapes), trained by
# ``python3 tasks.py train-tone`` (``benchmarks/train_tone.py``) on the tuning batches only, its
# threshold chosen by leave-one-batch-out cross-validation.  Here it is a sparse dot product in plain
# Python, loaded on the first check, so the kit needs no scikit-learn.

_TONE_MODEL = "tone_model.json"
#: Words that negate what follows in their clause; the next ``_NEGATED_SPAN`` words are marked "not_".
_NEGATION_WORDS = frozenset(
    "not never no nor hardly without cannot can't cant don't dont doesn't didn't won't wont wouldn't isn't "
    "aren't wasn't weren't haven't hasn't shouldn't couldn't nothing nobody".split()
)
_NEGATED_SPAN = 3
_CAPS_WORD = re.compile(r"\b[A-Z]{2,}\b")
_DAY_WORDS = frozenset(
    (*_WEEKDAYS, *(m for m in _MONTHS.replace("?", "").split("|") if m != "may"), "today", "tomorrow")
)
_PRESSING_TIME = re.compile(_TIME_PRESSURE, re.I)


def _tone_clauses(text: str) -> list[tuple[str, bool]]:
    """The text's clauses, in order (where a learned fault is shown), each with whether its sentence
    holds a calm hedge ("…, but happy to wait", "I know you're busy, so no need to rush")."""
    out = []
    for sentence in _SENTENCE_BREAK.split(text):
        if sentence and sentence.strip():
            hedged = _CALM_HEDGE.search(sentence) is not None
            out += [(c.strip(), hedged) for c in _CLAUSE_BREAK.split(sentence.strip()) if c and c.strip()]
    return out


@lru_cache(maxsize=8192)
def _clause_features(clause: str) -> frozenset[str]:
    """A clause's features for the tone model: stems ("u:"), stems under a negation marked "not_", and
    shapes ("s:"): an exclamation, a shouted word, a question, a time that presses.  Names (capitalised
    words past the clause's first) are left out and numbers and days become NUM and DAY: who and when a
    message is about says nothing of its tone, and a model would learn the corpus's names instead."""
    tokens: list[str] = []
    negated = 0
    for i, word in enumerate(_WORD.findall(clause)):
        folded = _fold(word)
        if word.isdigit() or folded in _DAY_WORDS:
            tokens.append("DAY" if not word.isdigit() else "NUM")
            continue
        if i and word[0].isupper() and word != "I" and folded not in _NEGATION_WORDS:
            continue  # a person, firm or role: what the message is about, not its tone
        if folded in _NEGATION_WORDS:
            tokens.append("NEG")
            negated = _NEGATED_SPAN
            continue
        stem = _stem(folded)
        tokens.append("not_" + stem if negated else stem)
        negated = max(0, negated - 1)
    # word pairs were tried too: leave-one-batch-out CV flagged fewer faults at the same false alarms
    features = {"u:" + t for t in tokens}
    if "!" in clause:
        features.add("s:exclaim")
    if "?" in clause:
        features.add("s:question")
    if any(w != "I" for w in _CAPS_WORD.findall(clause)):
        features.add("s:caps")
    time = _PRESSING_TIME.search(clause)
    if time:
        features.add("s:not_time" if _negated(clause, time.start(), 6) else "s:time")
    return frozenset(features)


@lru_cache(maxsize=1024)
def _tone_features(text: str) -> tuple[tuple[str, frozenset[str], bool], ...]:
    """(clause, its features, hedged) for each clause; a hedged sentence's clauses are never where a
    learned fault is shown.  Cached: the tone model and the presence model read the same clauses."""
    return tuple((clause, _clause_features(clause), hedged) for clause, hedged in _tone_clauses(text))


def _message_features(kind: str, clauses: Iterable[tuple[str, frozenset[str], bool]]) -> set[str]:
    """Every feature of the message: its clauses' and ``k:kind`` (the trainer and the check share this)."""
    return {"k:" + kind}.union(*(features for _, features, _ in clauses))


@lru_cache(maxsize=1)
def _tone_model() -> dict | None:
    """The shipped model (weights, bias, threshold), read on first use; None if the file is missing."""
    import json
    from importlib import resources

    try:
        raw = resources.files("followup_kit").joinpath("data", _TONE_MODEL).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):  # pragma: no cover - it ships in the wheel
        return None
    return json.loads(raw)


def _tone_probability(features: Iterable[str], model: Mapping) -> float:
    """The model's probability that a coach would call the message's tone a fault."""
    import math

    weights = model["weights"]
    z = model["bias"] + sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _clause_weight(features: Iterable[str], weights: Mapping[str, float]) -> float:
    """How strongly a clause's own words point to a fault: the sum of its features' positive weights.

    Why not the plain sum: in "To be honest I assumed you would have made up your mind" the common
    words ("would", "you", "on") each lean a little the other way and would hide "honest" and "assum",
    so a clause of plain words ("I enjoyed hearing about the migration") could be shown instead.
    """
    return sum(w for f in features if (w := weights.get(f, 0.0)) > 0)


#: A sentence with a calm hedge ("so no need to rush", "not to chase you", "but happy to wait") never
#: holds the clause a learned fault is shown at: the model's weight on a negation is a corpus average.
_CALM_HEDGE = _rx(
    r"no (?:need|rush|pressure|hurry)",
    r"(?:happy|glad|fine|content) to wait",
    r"(?:don't|do not|won't|will not) (?:want to|need to|mean to|keep you)",
    r"not (?:\w+ )?(?:to )?(?:chas\w*|pressur\w*|push\w*|rush\w*|hurry\w*|pester\w*|in a rush)",
    # wishing the chosen one well, and asking what to learn ("I'd really value knowing which answer
    # let me down"): the request itself, never where a learned fault is shown
    r"(?:do|does) (?:a )?(?:great|brilliant|fantastic|wonderful|good) job|congratulat\w*",
    r"wish (?:them|him|her|you|the team|whoever)\b",
    r"(?:value|appreciate|welcome) (?:knowing|hearing|learning|understanding) (?:which|what|how|"
    r"where|whether)",
    # the date the employer gave, recalled politely (the model call asks for it): "as you mentioned you
    # hoped to decide by Monday"
    r"(?:as )?you (?:mentioned|said|indicated|told me) (?:that )?(?:you(?:'d| would| were)? )?(?:hop\w*|"
    r"plan\w*|aim\w*|expect\w*|likely) to",
    # a soft purpose after the time that has passed ("It's been two weeks, so I wanted to check in")
    r"(?:so )?i (?:just )?(?:wanted|thought i'd|thought i would) (?:to )?(?:check in|touch base|follow up)",
    # round 10, after the model learned subtle faults from tuning23: honest disappointment ("It's not the
    # news I wanted"), the future-roles request in typed speech ("if u ever need someone again pls
    # shout") and a plain fact about what was sent ("I've already sent over my references.")
    r"not (?:the|quite the) (?:news|outcome|result|answer) i (?:wanted|hoped|was hoping|had hoped)",
    r"if (?:u|you) (?:ever |later |again )?need (?:someone|anyone|somebody)",
    r"what i (?:meant|wanted|should have liked) to say|as well as i (?:could|should|might) have",  # round 11
    # honest disappointment, and asking when you may check back (the evidence pack's model call asks it)
    r"pretend (?:that )?(?:i'm|i am) not disappointed",
    r"disappointed,? but i (?:\w+ )?(?:understand|accept|respect)",
    r"(?:may|could|can|shall) i (?:check|call|ring|phone) (?:back|in again|again)",
    r"(?:devastated|sorry|sad|saddened|shocked|gutted) to (?:hear|learn|read) (?:about|of|that|the)",
    r"(?:i've|i have) (?:already )?sent (?:over |across |through )?(?:my|the) (?:references|portfolio|"
    r"samples|certificates|documents)(?=\s*[.!]?\s*$)",
    # round 14: owning a weak moment is self-criticism, which the issue says is not arguing ("I was a bit
    # nervous on the day and I think it showed", "I should have said more about X")
    r"i (?:was|got|felt) (?:a bit |a little |quite |very |really |so )?nervous|i think it showed|"
    r"i (?:should|could) have (?:said|explained|mentioned|given|prepared|talked)",
)
#: What the learner reads when the model, not a rule, finds the tone off.
_LEARNED_ADVICE = (
    "to a coach this reads as pushy, needy, sarcastic or argumentative (a model trained on "
    "coach-labelled messages picked this part); say it plainly and calmly, without a deadline, a "
    "complaint or a plea"
)
_LEARNED_SOURCES = {
    "status_call_opener": ("model_call", "seed004"),
    "voicemail": ("model_call", "seed004"),
    "feedback_request": ("seed003", "model_feedback"),
    "thank_you": ("seed003", "mistakes"),
    "offer_call": ("seed003", "mistakes"),
}


@lru_cache(maxsize=1024)
def _learned_tone(text: str, kind: str) -> _Fault | None:
    """A tone fault the learned model is confident of, shown at the clause that weighs most toward it;
    only when that clause alone weighs at least the model's ``clause_weight`` (chosen by CV too)."""
    model = _tone_model()
    if model is None:
        return None
    clauses = _tone_features(text)
    if not clauses or _tone_probability(_message_features(kind, clauses), model) < model["threshold"]:
        return None
    weights = model["weights"]
    shown = [
        (_clause_weight(fs, weights), c) for c, fs, hedged in clauses if not hedged and not _ADVISED.search(c)
    ]
    weight, clause = max(shown, default=(0.0, ""))
    if weight < model["clause_weight"]:  # no one part to show the learner: not a fault to act on
        return None
    return _Fault(clause, _LEARNED_ADVICE, _LEARNED_SOURCES[kind], "learned")


#: When you interviewed, as the model call says it: "last Tuesday", "on Wednesday 20 May", "on the 6th".
_WHEN_INTERVIEWED = (
    rf"(?:(?:on |last |this |earlier this )?(?:{'|'.join(_WEEKDAYS)}|week)"
    rf"(?: (?:the )?\d{{1,2}}(?:st|nd|rd|th)?)?(?: (?:of )?(?:{_MONTHS}))?|yesterday"
    rf"|(?:on )?(?:the )?\d{{1,2}}(?:st|nd|rd|th)?(?: (?:of )?(?:{_MONTHS}))?)"
)
#: A clause in the very words the workbook advises, which the learned signal never shows as a fault:
#: round 12's model, trained on pleas that also asked to be kept in mind, weighed "Please keep me in mind
#: for future roles." toward neediness, and "thank you for letting me know" toward a fault; round 14's
#: weighed the model call's own "I interviewed for the Data Analyst role last Tuesday."
_ADVISED = re.compile(
    r"^(?:(?:please|and|so|also|i'd be grateful if you (?:would|could))\s+)*(?:keep|bear) me in mind"
    r"(?: for (?:any )?(?:future|other|similar) (?:roles?|openings?|positions?|vacancies|opportunities))?\W*$"
    r"|^(?:thank you|thanks)(?: (?:so|very) much)? for (?:letting me know|your time|the update|getting back "
    r"to me|telling me)\W*$"
    r"|^(?:and |so )?i (?:interviewed|came in|had (?:an|my|the) interview) (?:for|about) (?:the |your |an? )?"
    rf"(?:[\w'-]+ ){{0,5}}(?:role|position|job|post|vacancy)(?: {_WHEN_INTERVIEWED})?\W*$",
    re.I,
)


_PRESENCE_MODEL = "presence_model.json"


@lru_cache(maxsize=1)
def _presence_model() -> dict:
    """The shipped learned presence signal (check id -> its weights, bias and threshold ``hi``), read
    on first use; empty if the file is missing."""
    import json
    from importlib import resources

    try:
        raw = resources.files("followup_kit").joinpath("data", _PRESENCE_MODEL).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):  # pragma: no cover - it ships in the wheel
        return {}
    return json.loads(raw)


def _learned_presence(draft: _Draft, check_id: str) -> str | None:
    """The clause a learned model reads as meeting ``check_id`` where the rule found nothing, when the
    model is at least ``hi`` sure the check is met (``benchmarks/train_presence.py`` chose the checks and
    ``hi`` by cross-validation against the rules as they were before each batch was read)."""
    model = _presence_model().get("checks", {}).get(check_id)
    if not model:
        return None
    clauses = _tone_features(draft.flat)
    if _tone_probability(_message_features(draft.kind, clauses), model) < model["hi"]:
        return None
    need = _PRESENCE_NEEDS.get(check_id)
    shown = [
        (_clause_weight(fs, model["weights"]), c) for c, fs, _ in clauses if need is None or need.search(c)
    ]
    weight, clause = max(shown, default=(0.0, ""))
    veto = _PRESENCE_VETO.get(check_id)
    if veto is not None and veto.search(clause):
        return None
    return clause if weight > 0 else None


#: What a learned second opinion may not pass a check on, whatever its weights: reading the offer
#: itself ("I'd like to read the contract before I commit") is care, not rapport (``builds_rapport``).
_PRESENCE_VETO = {"builds_rapport": _rx(r"offer|contract|terms|letter|paperwork|small print|in writing")}
#: What the clause a learned second opinion passes a check on must hold: a question asks something
#: (round 12: "I have six years' experience and I'm not sure anyone else could match that" was read as
#: the specific question), and development framing speaks of getting better ("Thanks so much for letting
#: me know" was read as framing).
_PRESENCE_NEEDS = {
    "asks_specific_questions": re.compile(
        r"\?|\b(?:what|which|how|where|whether|if you|could you|would you|can you|tell me|share|point|"
        r"pick out|name one|let me know|one thing|to hear|to know|useful|grateful|appreciate)\b",
        re.I,
    ),
    "frames_development": re.compile(
        r"\b(?:improv\w*|develop\w*|grow\w*|learn\w*|next time|future (?:interviews?|applications?)|"
        r"sharp\w*|level up|"
        r"work on|progress\w*|career|skills?|practi[cs](?:e|ing)\w*|lesson|build|get good|prepar\w*)\b",
        re.I,
    ),
}


# -- content words: for "mentions a talking point" and "is not a form letter" ----------------------

_STOPWORDS = frozenset(
    """a about above after again all also am an and any are as at be because been before being below
    between both but by can could did do does doing done down during each even ever every few for from
    further get got had has have having he her here hers him his how i i'd i'm i've if in into is it
    it's its just let me more most much my myself no nor not now of off on once only or other our ours
    out over own really same she should so some such than that the their them then there these they
    this those through to too under until up us very was we we'd were what when where which while who
    whom why will with would you you'd your yours yourself
    thank thanks time today yesterday week interview interviewing interviewed meeting meet met speaking
    spoke talk talked talking discuss discussed discussing discussion conversation chat opportunity
    team role position job company work working enjoyed enjoy learning learn hearing hear great good
    nice wonderful appreciate appreciated mentioned mention question questions asked ask answer
    dear hi hello hey best regards sincerely kind warm look looking forward new""".split()
)
#: Words any thank-you note may use: a note made only of these says nothing about this interview.
_GENERIC_WORDS = frozenset(
    """consideration chance confident skills skill experience strong fit addition valuable asset
    organisation organization hope hoping soon back forward next step steps contact hesitate anything
    else need please fun lovely pleasure truly again once interested interest excited exciting keen eager
    love join joining part believe sure certain make thing things everything taking take spend spent
    grateful regards wishes cheers heaps lot insight insights informative helpful productive enjoyable
    candidate application process decision update news details information send sending provide share
    attach attached help helping contribute contributing success successful find found came come coming
    see seeing saw feel felt think thought know knowing give day morning afternoon evening
    monday tuesday wednesday thursday friday saturday sunday thursday's friday's monday's tuesday's
    wednesday's today's yesterday's reach reaching sharing shared taking took showing around visit
    look looked speak speaking role's fantastic amazing brilliant awesome thrilled delighted glad
    happy pleased able opportunities want wanted would like great fit match perfect further
    enjoyed meeting meet chatting chatted talking really very much many
    quick note say said everyone everybody fingers crossed speak talk soon catch chat cool
    enthusiastic enthusiasm fab fabulous place seem seemed seems getting vibe atmosphere environment
    express expressing gratitude sincere sincerely impressed culture values value excellent add adding
    regarding vacancy position job post writing write opportunity super team company organisation's
    company's team's appreciate appreciated appreciation learning learn learned discussing discussion
    conversation environment mission vision goals goal challenges""".split()
)
#: Groups of words that mean the same in a talking point ("refurbishment" ~ "renovation").
_SYNONYMS = (
    "migrat move moving transition switch",
    "mentor coach train teach onboard",
    "test check qa",
    "complaint review",
    "renovat refurb refurbish",
    "sketch draw",
    "customer client guest patient",
    "dashboard report",
    "hire recruit",
    "handl deal tackl cope",
)
_SYNONYM_OF = {stem: group.split()[0] for group in _SYNONYMS for stem in group.split()}
_SUFFIXES = (
    "ations",
    "ation",
    "ments",
    "ment",
    "ings",
    "ing",
    "ers",
    "er",
    "ies",
    "ied",
    "ed",
    "es",
    "ly",
    "s",
)


@lru_cache(maxsize=8192)
def _normal_word(word: str) -> str:
    word = _fold(word)
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


@lru_cache(maxsize=8192)
def _stem(word: str) -> str:
    """A light suffix-stripping stem: "testing", "tests" and "tested" -> "test"; "migration" -> "migr"."""
    w = _normal_word(word)
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "ls":
        w = w[:-1]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    for prefix, canonical in _SYNONYM_OF.items():
        if w.startswith(prefix):
            return canonical
    return w


def _content_words(text: str, exclude: Iterable[str] = ()) -> list[str]:
    """Meaningful words, folded and singular: what a talking point is about."""
    skip = {_normal_word(w) for w in exclude}
    out = []
    for raw in _WORD.findall(text):
        for part in [raw, *raw.split("-")] if "-" in raw else [raw]:  # "out-of-hours": also "hours"
            word = _normal_word(part)
            if (len(word) >= 3 or word.isdigit()) and word not in _STOPWORDS and word not in skip:
                out.append(word)
    return out


@lru_cache(maxsize=16384)
def _same_word(a: str, b: str) -> bool:
    """Equal stems, synonyms, or a shared stem-like prefix: "migration" ~ "migrate", "tests" ~ "testing".

    Cached: a note's words are compared with every talking point's and the role's, often the same pairs.
    """
    if a == b or _stem(a) == _stem(b):
        return True
    if min(len(a), len(b)) < 5:
        return False
    need = max(5, min(len(a), len(b)) - 3)
    return a[:need] == b[:need]


# -- the checks ----------------------------------------------------------------------------------


class _Verdict(NamedTuple):
    passed: bool
    advice: str
    sources: tuple[str, ...]
    #: a failure found in the text (five questions), which no learned second opinion overrules
    final: bool = False


def _ok(advice: str, *sources: str) -> _Verdict:
    return _Verdict(True, advice, sources)


def _fix(advice: str, *sources: str) -> _Verdict:
    return _Verdict(False, advice, sources)


#: Check id -> the label the learner reads.
LABELS: dict[str, str] = {}
_CHECKS: dict[str, Callable[[_Draft], Check]] = {}


def _rule(
    check_id: str, label: str
) -> Callable[[Callable[[_Draft], _Verdict]], Callable[[_Draft], _Verdict]]:
    """Register a check function under a stable id and the label the learner reads."""

    def register(func: Callable[[_Draft], _Verdict]) -> Callable[[_Draft], _Verdict]:
        def run(draft: _Draft) -> Check:
            verdict = func(draft)
            if not verdict.passed and not verdict.final and (clause := _learned_presence(draft, check_id)):
                # the rule found nothing, a learned second opinion (shipped only for checks where
                # cross-validation showed it helps) reads this clause as meeting the check
                verdict = _ok(
                    f"“{label}” looks met: {_quote(clause)} reads that way to a model trained on "
                    "coach-labelled messages.",
                    *verdict.sources,
                )
            return Check(
                check_id, label, verdict.passed, verdict.advice, cite(*verdict.sources), verdict.sources
            )

        LABELS[check_id] = label
        _CHECKS[check_id] = run
        return func

    return register


def _near(a: str, b: str) -> bool:
    """Two spellings of one name: equal once folded ("Zoe"/"Zoë"), or one or two letters apart."""
    fa, fb = _fold(a), _fold(b)
    if fa == fb:
        return True
    return min(len(fa), len(fb)) >= 4 and difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.7


def _name_check(draft: _Draft, logged: list[str], *, role: str, sources: tuple[str, ...]) -> _Verdict:
    """Shared by the opener and the thank-you: is the logged person named, and spelled as logged?

    The writer's own name does not count, so "Sam Lee" signing a note is not "Lee Chen" named.
    Case doesn't matter ("hi maria" greets Maria); a misspelt surname beside the right first name
    ("Dear Dana Reyez") or a name one or two letters off ("Sophia" for "Sofia") is pointed out.
    """
    said = draft.addressed
    if logged:
        by_case = {w.casefold(): w for w in said}
        hit = [n for n in logged if n.casefold() in by_case]
        greeted = [w for pair in draft.greeted_full for w in pair if w]
        wrong = [
            (n, w)
            for w in greeted
            for n in logged
            if w.casefold() != n.casefold()
            and w.casefold() not in {x.casefold() for x in logged}
            and _near(n, w)
        ]
        if not hit:
            wrong += [
                (n, w) for w in said for n in logged if w.casefold() != n.casefold() and _fold(w) == _fold(n)
            ]
        if wrong:
            right, bad = wrong[0]
            return _fix(f"Spell the name as they do: “{right}”, not “{bad}”.", *sources, "mistakes")
        if hit:
            return _ok(f"You name {hit[0]}: a name says this {role} is for them alone.", *sources)
        who = "your contact" if role == "call" else "your interviewer"
        greeted_note = f"; you greet {draft.greeted[0]}, who is not in the log" if draft.greeted else ""
        return _fix(f"Greet {who} by name, e.g. “Hi {logged[0]},”{greeted_note}.", *sources, "mistakes")
    if draft.greeted:
        return _ok(f"You greet {draft.greeted[0]} by name: keep it personal.", *sources)
    return _fix(f"Open with their name, e.g. “Hi Dana,”: a {role} to a named person is remembered.", *sources)


@_rule("greets_by_name", "Greets the person by name")
def _greets_by_name(draft: _Draft) -> _Verdict:
    """Any "Hi/Hello/Dear <Name>"; with an interview, one of its contact, interviewers or agency contact."""
    logged = draft.people("contact", "interviewers", "agency_contact")
    return _name_check(draft, logged, role="call", sources=("model_call", "seed001"))


@_rule("says_who_you_are", "Says who you are")
def _says_who_you_are(draft: _Draft) -> _Verdict:
    """ "This is Sam Lee", "it's sam", "Sam Lee here", or a bare "Hi Dana, Sam Lee." after the greeting.

    Choice: the name must come early, in the first two sentences or the first ``_EARLY_WORDS``
    words; a name said only at the end leaves them guessing through the whole call.
    """
    name = draft.self_name
    if name:
        m = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", draft.flat)
        early = " ".join(draft.sentences[:2])
        if m is None or name in early or len(_WORD.findall(draft.flat[: m.start()])) <= _EARLY_WORDS:
            return _ok(f"You give your name ({name}) early, so they know who is calling.", "model_call")
        return _fix(
            f"Say who you are at the start, right after the greeting (“this is {name}…”), "
            "not only at the end.",
            "model_call",
        )
    return _fix("Say who you are right after the greeting: “this is Sam Lee”.", "model_call")


#: A name said within this many words of the start counts as said early.
_EARLY_WORDS = 25


#: The last words of job titles: one said where another was logged names another job.
_TITLE_HEADS = frozenset(
    "manager coordinator officer assistant analyst director lead supervisor engineer developer administrator "
    "adviser advisor specialist executive technician consultant designer planner clerk receptionist "
    "associate editor producer nurse teacher chef".split()
)


def _role_named(draft: _Draft) -> tuple[bool, str]:
    """Whether the role is named, and how to name it.

    With an interview: at least half its words, and either its last word ("Analyst") or a matched
    word said as a role ("the guest relations job", "the mortgage role interview"); without one,
    "<word> position/role/job" where the word is not "the", "this", "open"...
    """
    role = draft.interview.role if draft.interview is not None else ""
    wanted = _content_words(role) or [_normal_word(w) for w in _WORD.findall(role)]
    if wanted:
        have = {_normal_word(w) for w in draft.words}
        found = [any(_same_word(w, h) for h in have) for w in wanted]
        if sum(found) < -(-len(wanted) // 2):
            return False, role
        # one word of a longer title in another form is not the title: "the most interesting planning problem"
        # does not name "Transport Planner", "the analyst job" names "Data Analyst"
        if found[-1] and (sum(found) > 1 or len(wanted) == 1 or wanted[-1] in have):
            return True, role
        said = [w for w, ok in zip(wanted, found, strict=True) if ok]
        as_role = rf"(?P<between>(?:\s+[^\W\d_]+){{0,2}})\s+(?:{_ROLE_NOUN}|interview)\b"
        # round 18: not another title on the same first word ("the Operations Manager role" for an
        # Operations Coordinator)
        return any(
            not (set(m["between"].lower().split()) & (_TITLE_HEADS - {wanted[-1]}))
            for w in said
            for m in re.finditer(rf"\b{re.escape(w[:4])}\w*{as_role}", draft.flat, re.I)
        ), role
    for pattern in (_ROLE_BEFORE, _ROLE_AFTER):
        for m in pattern.finditer(draft.flat):
            if m["word"].casefold() not in _NOT_ROLE_WORDS:
                return True, "data analyst"
    # by structure: a job title after "for" ("I interviewed with you last week for Head Chef") or before
    # "interview" ("the warehouse supervisor interview"), known by its last word
    if _TITLE_FOR.search(draft.flat) or _TITLE_INTERVIEW.search(draft.flat):
        return True, "data analyst"
    for m in re.finditer(rf"\b(?P<word>{_NAME})\s+interview\b", draft.flat):  # "Line Cook interview"
        if _is_name(m["word"]) and m["word"].casefold() not in _NOT_ROLE_WORDS | _NOT_NAMES:
            return True, "data analyst"
    return False, "data analyst"


#: Words before a weekday that make it a later day (a decision, a call back), not the interview's.
_LATER_DAY = re.compile(
    r"\b(?:by|until|till|before|after|next|decide|decided|deciding|decision|back|call|hear|know|from)\s+"
    r"(?:this\s+|next\s+|the\s+)?(?:coming\s+)?$",
    re.I,
)


#: After a date, what makes it the decision's day, not the interview's ("the 12th for a decision").
_DECISION_DAY = _rx(
    r"decid\w*|decision|hear (?:back|from you)|get back to|call (?:me )?back|deadline|start date"
)
#: Before a date, the same ("decide by the 12th", "until Friday").
_BY_DAY = re.compile(
    r"\b(?:by|until|till|before|decided?|deciding|decision)\s+(?:this\s+|next\s+|the\s+)?$", re.I
)


def _interview_day(draft: _Draft) -> tuple[bool, str | None]:
    """Whether the draft says when the interview was, and a wrong weekday if it names one.

    A date said as the decision's day, in a sentence that does not speak of the interview, is not the
    interview's: "You'd mentioned the 12th for a decision" does not say when you interviewed."""
    said = any(
        _INTERVIEW_WORD.search(s)
        or not (
            _DECISION_DAY.search(s[m.end() : m.end() + 20])
            or _BY_DAY.search(s[max(0, m.start() - 25) : m.start()])
        )
        for s in draft.sentences
        for m in _DATE.finditer(s)
    )
    if draft.interview is None or not said:
        return said, None
    day = draft.interview.held_at.strftime("%A").lower()
    named = [
        m.group().lower()
        for s in draft.sentences
        if _INTERVIEW_WORD.search(s)
        for m in _WEEKDAY.finditer(s)
        if not _LATER_DAY.search(s[max(0, m.start() - 25) : m.start()])  # "decide by Friday" is not the day
    ]
    if named and day not in named:
        return said, named[0].capitalize()
    return said, None


def _day_text(draft: _Draft) -> str:
    if draft.interview is None:
        return "on Tuesday"
    return f"on {long_day(draft.interview.held_at)}"


@_rule("names_role_and_date", "Names the role and when you interviewed")
def _names_role_and_date(draft: _Draft) -> _Verdict:
    """The logged role (its last word and half its words) or "<word> position"; a day or date word.

    With an interview, a weekday said in the same sentence as "interviewed" must be its weekday.
    """
    role_ok, role = _role_named(draft)
    date_ok, wrong_day = _interview_day(draft)
    when = _day_text(draft)
    if wrong_day:
        return _fix(f"Check the day: your log says you interviewed {when}, not {wrong_day}.", "model_call")
    if role_ok and date_ok:
        return _ok("You name the role and when you interviewed, so they can place you at once.", "model_call")
    if role_ok:
        return _fix(f"Say when you interviewed, e.g. “I interviewed {when}”.", "model_call")
    if date_ok:
        return _fix(f"Name the role, e.g. “for the {role} position”.", "model_call")
    return _fix(f"Say the role and the day: “I interviewed for the {role} position {when}”.", "model_call")


_PURPOSE = _rx(
    # not a call back asked for ("Could you give me a ring back?"): round 14
    r"(?<!\ba )(?:check|checking|calling|call|ring|ringing|touch|touching) (?:in|base|back)",
    r"(?:check|checking) (?:on|about|whether|if)",
    r"follow(?:ing)?[ -]up",
    r"status",
    r"still (?:very |really |very much |extremely )?(?:interested|keen|excited|enthusiastic)",
    r"(?:remain|remains|am) (?:very |really )?(?:interested|keen)",
    r"any (?:news|update)s?|is there (?:any )?(?:news|an update)",
    # round 15: "I'm after a quick update on where they've got to"
    r"(?:i'm|i am) after (?:a |an |some )?(?:quick |brief )?(?:update|news|word)",
    r"where things (?:stand|are)|where (?:you|the process) (?:are|is)|next steps?|any progress",
    r"(?:getting|get|got|be) in touch (?:to|about|regarding)|(?:things|it|the process|everything|the search) "
    r"(?:is|are) (?:progressing|going|coming along|moving)|coming along|progressing",
    r"when (?:will|do|would) you (?:decide|be deciding|make (?:a|your) decision)",
    r"(?:calling|ringing|phoning|wanted|want|hoping|like|love) to "
    r"(?:see|ask|find out|hear|know|check|enquire|inquire) (?:if|whether|where|how|about|what|when|why)",
    r"(?:calling|ringing|phoning|call|ring|phone|telephone|telephoning)\w* "
    r"(?:about|regarding|re:?|on|for|to ask|to know|to see|to find out)(?: about)? (?:the |your |an? |my )?"
    r"(?:decision|outcome|status|progress|news|update|timeline|timing)",
    r"(?:waiting|hoping|need|needing|want|wanting|like|love) to hear (?:about|back|whether|if)",
    r"(?:promised|said|mentioned|expected|hoped|planned|hoping) (?:\w+ ){0,3}?(?:a decision|"
    r"to decide|deciding|"
    r"news|to hear)",
    r"(?:ask|know|see|find out|hear)\w* (?:if|whether|about) [^.?!]{0,30}"
    r"\b(?:decision|decided|news|progress)",
    # a call and what it wants to learn, however far apart: "I'm calling because I need to know whether…"
    r"(?:calling|ringing|phoning|telephon\w*|call|ring|phone)\b[^.?!]{0,30}\b(?:know|hear|find out|ask|"
    r"check|learn|see)(?: \w+)? (?:if|whether|about|when|how|where)",
)


@_rule("states_purpose", "States why you are calling")
def _states_purpose(draft: _Draft) -> _Verdict:
    """A status check or restated interest, not negated ("I'm not calling about the decision")."""
    for sentence in draft.sentences:
        # round 14: not words inside small talk ("I hope the cafe extension is coming along nicely")
        chat = [m.span() for m in _SMALL_TALK.finditer(sentence)]
        found = next(
            (m for m in _PURPOSE.finditer(sentence)
             if not _negated(sentence, m.start()) and not any(a <= m.start() < b for a, b in chat)),
            None,
        )  # fmt: skip
        if found:
            return _ok(
                f"You say why you are calling ({_quote(found.group())}), which keeps the call short.",
                "model_call",
            )
    return _fix(
        "Say why you are calling: “I'm following up on the status, and I'm still very interested.”",
        "model_call",
    )


#: A further question joined on inside one sentence: "whether a decision is close, and also how many
#: candidates you're still seeing, and whether you'd like more samples" asks three (round 18).
_JOINED_QUESTION = re.compile(
    r"\band\b[\s,]+(?:also\b[\s,]+)?(?:[\w']+[\s,]+){0,2}?(?:whether|if|how many|how much|how long|who|what|"
    r"when|which|where)\b",
    re.I,
)


@_rule("asks_one_question", "Asks one prepared question")
def _asks_one_question(draft: _Draft) -> _Verdict:
    """One or two prepared questions pass, none or three and more fail.

    Questions are recognised by structure (see ``_is_question``): "Hi, um, Maria?" is not one,
    "I wondered whether you're close to a decision" is.  Small talk ("How's your day going?"),
    complaints ("Why haven't I heard?") and pushy questions don't count as prepared, nor does a question
    about anything but the hiring or what they need from you ("How was the crossing?", ``_ON_TOPIC``).
    """
    asked = [q for q in draft.questions if not _SMALL_TALK.search(q) or len(_WORD.findall(q)) > 8]
    # round 17: a line typed without its "?" ("Just ringing to see where things are") is not the question
    # when the one asked with a "?" is small talk ("How did the splicing trial go, by the way?"): that
    # is the question the learner means to ask
    marked = [q for q in asked if q.rstrip("\"') ").endswith("?")]
    chat = marked and all(_SMALL_TALK.search(q) for q in marked)
    sensible = [q for q in (marked if chat else asked) if _sensible(q, draft)]
    count = len(asked) + sum(len(_JOINED_QUESTION.findall(q)) for q in marked)
    if count >= 3:
        return _fix(
            f"Keep to one question ({count} here): pick the one you most need answered.",
            "seed003",
            "model_call",
        )
    if not sensible:
        small = [q for q in draft.questions if _SMALL_TALK.search(q)]
        if asked and not any(_ON_TOPIC.search(q) for q in asked):
            return _fix(
                f"{_quote(asked[0], 40)} asks about something else: prepare one calm question about the "
                "decision or what they need from you, e.g. “Is a decision close?” or “Is there anything else "
                "I can provide?”",
                "seed003",
                "model_call",
            )
        if asked:
            extra = f" instead of {_quote(asked[0], 40)}"
        elif small:
            extra = f": {_quote(small[0], 40)} is small talk, not the question you called to ask"
        else:
            extra = ""
        return _fix(
            f"Prepare one calm question{extra}, e.g. “Is a decision close?” or “Is there anything else I "
            "can provide?”",
            "seed003",
            "model_call",
        )
    return _ok(f"You have a question ready ({_quote(sensible[0])}): it opens the conversation.", "seed003")


@_rule("within_time", f"Stays within about {MAX_SPOKEN_SECONDS} seconds")
def _within_time(draft: _Draft) -> _Verdict:
    """Only an upper limit: a draft that is too thin fails the other checks instead."""
    seconds = draft.seconds
    if not draft.words:
        return _fix("Write the words you would say; there are none to time yet.", "model_call")
    if seconds > MAX_SPOKEN_SECONDS:
        cut = len(draft.words) - int(MAX_SPOKEN_SECONDS * WORDS_PER_MINUTE / 60)
        return _fix(
            f"Trim about {cut} words: {seconds:.0f} seconds is longer than this workbook's "
            f"{MAX_SPOKEN_SECONDS}-second target for an opener.",
            "workbook",
            "model_call",
        )
    return _ok(f"About {seconds:.0f} seconds aloud: within this workbook's {MAX_SPOKEN_SECONDS}-second "
               "target.", "workbook", "model_call")


def _tone_verdict(draft: _Draft, calm: str, calm_sources: tuple[str, ...]) -> _Verdict:
    """Shared by the three tone checks: the first fault found, and how many more."""
    found = draft.tone
    if not found:
        return _ok(calm, *calm_sources)
    first = found[0]
    more = (
        f" (and {len(found) - 1} more such phrase{'s' if len(found) > 2 else ''})" if len(found) > 1 else ""
    )
    return _fix(f"Instead of {_quote(first.words)}{more}: {first.advice}.", *first.sources)


@_rule("no_pressure", "Avoids pressure and neediness")
def _no_pressure(draft: _Draft) -> _Verdict:
    """Pressure, neediness, reproach, sarcasm and "did I get it?"; negated phrases ("not chasing") pass.

    Mentioning the decision date they gave ("you mentioned hoping to decide by the 10th") is not
    pressure: the model call asks for it.
    """
    return _tone_verdict(
        draft, "Calm and courteous: no pressure, no “did I get the job?”.", ("model_call", "seed004")
    )


@_rule("courteous_tone", "Keeps a courteous tone (no sarcasm, pressure or neediness)")
def _courteous_tone(draft: _Draft) -> _Verdict:
    """New check for thank-you notes and offer calls, which had no tone check: sarcasm, neediness,
    deadlines set for the employer, reproach or blame."""
    return _tone_verdict(draft, "Warm and courteous throughout.", ("seed003", "mistakes"))


#: A number said in words, as typed speech writes it: "oh seven seven double oh, nine double oh, two three".
_SPOKEN_DIGITS = re.compile(
    r"\b(?:(?:double|triple) )?(?:oh|o|zero|nought|one|two|three|four|five|six|seven|eight|nine)\b"
    r"(?:[\s,-]+(?:(?:double|triple) )?(?:oh|o|zero|nought|one|two|three|four|five|six|seven|eight|nine|"
    r"hundred)\b)+",
    re.I,
)


def _spoken_digit_count(run: str) -> int:
    """How many digits a run of number words says ("double oh" is two)."""
    count, factor = 0, 1
    for word in re.findall(r"[a-z]+", run.lower()):
        if word in ("double", "triple"):
            factor = 2 if word == "double" else 3
            continue
        count += 2 if word == "hundred" else factor  # "nine hundred" is 900
        factor = 1
    return count


@_rule("leaves_number", "Leaves your phone number")
def _leaves_number(draft: _Draft) -> _Verdict:
    """Seven or more digits, in figures ("07700 900 233") or in words ("oh seven seven double oh…")."""
    numbers = [m.group() for m in _PHONE.finditer(draft.flat) if sum(c.isdigit() for c in m.group()) >= 7]
    numbers += [m.group() for m in _SPOKEN_DIGITS.finditer(draft.flat) if _spoken_digit_count(m.group()) >= 7]
    if numbers:
        return _ok(
            f"You leave your number ({numbers[0].strip()}), so calling back is easy.", "model_call", "seed001"
        )
    return _fix(
        "Leave your phone number, slowly, e.g. “You can reach me at 555-014-2368”.", "model_call", "seed001"
    )


@_rule("repeats_name", "Repeats your name")
def _repeats_name(draft: _Draft) -> _Verdict:
    name = draft.self_name
    if name is None:
        return _fix(
            "Say your name at the start and again at the end: “Again, this is Sam Lee”.", "model_call"
        )
    times = len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", draft.flat, re.I))
    if times >= 2:
        return _ok(f"You say your name {times} times, so it's easy to catch on a recording.", "model_call")
    return _fix(f"Repeat your name at the end, with your number: “Again, this is {name}…”.", "model_call")


# feedback request --------------------------------------------------------------------------


def _has(draft: _Draft, *categories: str) -> _Fault | None:
    return next((f for f in draft.tone if f.category in categories), None)


#: A curt "Right, thanks." that, followed by hostility, is not a thank-you.
_CURT_THANKS = re.compile(r"^(?:right|ok|okay|fine|well|sure),? (?:thanks|thank you)[.!]?$", re.I)


@_rule("thanks_them", "Thanks them")
def _thanks_them(draft: _Draft) -> _Verdict:
    """A thank-you said ("thanks for nothing" is not one).

    Choice (settled in round 9): a thanks with sarcasm around it ("thank you for finally letting me
    know", "Thanks, I suppose") still thanks them; the sarcasm is the tone check's to point out, and
    this check says so rather than praising a warm tone.  Every blind labeller (rounds 4 to 9) and
    round 1's t243 read it that way; the learner then sees one fault, where it is, not two.
    """
    sources = {
        "feedback_request": ("model_feedback", "seed003"),
        "offer_call": ("model_offer",),
        "thank_you": ("seed001", "model_thank_you"),
    }.get(draft.kind, ("seed001",))
    sentences = draft.sentences
    for i, sentence in enumerate(sentences):
        m = _find(_THANKS, sentence)
        if not m:
            continue
        sarcastic = [f for f in _tone_faults_in(sentence, "thank_you") if f.category == "sarcasm"]
        nxt = sentences[i + 1] if i + 1 < len(sentences) else ""
        curt = _CURT_THANKS.match(sentence) and _tone_faults_in(nxt, "thank_you")
        bare = len(_WORD.findall(sentence)) <= 1 and any(
            f.category == "sarcasm" for f in _tone_faults_in(nxt, "thank_you")
        )
        bare = bare or bool(curt)
        if not sarcastic and not bare:
            return _ok(f"You thank them ({_quote(m.group())}): it sets a warm tone.", *sources)
    found = _find(_THANKS, draft.flat)
    if found:
        return _ok(
            f"You thank them ({_quote(found.group())}), but the words around it read as sarcastic: see the "
            "tone check, and thank them plainly, e.g. “Thank you for letting me know.”",
            *sources,
        )
    mock = _MOCK_THANKS.search(draft.flat)
    if mock:
        return _fix(
            f"{_quote(mock.group())} reads as sarcastic, not as thanks: thank them plainly, e.g. “Thank you "
            "for letting me know.”",
            *sources,
        )
    return _fix("Thank them first, e.g. “Thank you for letting me know and for your time.”", *sources)


#: Thanks that thanks nobody (left out of ``_THANKS``).
_MOCK_THANKS = _rx(r"thank(?:s| you) (?:for )?(?:nothing|bugger all|sod all|zip|less than nothing)")


_ACCEPTS = _rx(
    # round 18: "I'll take that on the chin", "It's your call and I get it", "The decision makes sense"
    r"take (?:it|that|this) on the chin|(?:it's|it is|that's|that is) your call|(?:decision|it) makes "
    r"(?:total |complete )?sense",
    r"i (?:completely |fully |totally |do |can |really )?(?:understand|respect|accept)",
    r"(?:completely|totally|fully) understand(?:able)?",
    r"(?:understand|respect|accept) (?:your|the|this|that) decision",
    r"disappoint(?:ed|ing)",
    r"(?:that's|that is) (?:completely |totally )?(?:understandable|fair|fine|okay|ok)",
    r"(?:that's|that is|it's|it is|it was|that was|seems|sounds like) (?:a |an )?(?:completely |totally |"
    r"perfectly |very )?(?:fair|understandable|reasonable|sensible|sound) (?:decision|call|choice|outcome)",
    r"(?:while|although|though) i'm sorry|sorry to hear",
    r"i get it|fair enough|no hard feelings|(?:totally|completely|fully|i) get (?:it|that|why)",
    r"(?:i'm|i am) not (?:at all )?(?:angry|upset|bitter|annoyed)",
    r"that's life|these things happen|no worries",
    r"no (?:bother|problem|hard feelings)|not a problem|(?:that's|it's) (?:okay|ok|alright|all right)|"
    r"all good",
    r"sorry (?:it|this|that) didn't work out|appreciate (?:the|your) honesty",
    r"fair play(?: to)?|good luck to (?:them|him|her|whoever|the)|(?:congratulations|congrats) to",
    r"understood|i can (?:see|understand|appreciate) why|(?:it|that) makes sense|"
    r"(?:a |such a |must have been a |was a )?(?:difficult|tough|hard) (?:decision|choice)",
    r"(?:i )?wish (?:them|him|her|whoever|the (?:\w+ )?(?:candidate|person|hire)) (?:well|all the best|luck|"
    r"every success)",
    # the decision is theirs, taken on board, meant to be: "it's absolutely your call", "I take the
    # decision on board", "shame it wasn't to be", "I wish you and the team well"
    r"(?:it's|it is|that's|that is) (?:\w+ )?(?:your|their) (?:call|decision|choice)",
    r"(?:take|taking|took) (?:the|your|that) (?:decision|news|feedback) on board",
    r"(?:get|see|understand) where you(?:'re| are) coming from|(?:that's|it's) (?:just )?how it goes|"
    r"(?:that's|such is) the way it goes",
    r"(?:it|that|this) (?:wasn't|was not) (?:meant |to be )?(?:to be|for me this time)",
    r"wish (?:you|the team|you and the team|everyone)(?: \w+){0,2} (?:well|all the best|every success|luck)",
    r"(?:sure|hope|trust) (?:you(?:'ve| have)?|the team) (?:found|chose|picked|made|has found) the right",
)


@_rule("accepts_decision", "Accepts the decision in a line")
def _accepts_decision(draft: _Draft) -> _Verdict:
    """An accepting line that is not negated ("I can't accept this" is not one) and does not itself
    argue or mock.

    Choice: an explicit acceptance ("I accept your decision, although I suspect…") is judged on its
    own clause, since the writer commits to it whatever follows; softer words ("I understand",
    "fair enough") on their whole sentence, since a jab beside them turns them: in "I understand the
    decision, though I'd be curious what the successful applicant had that I didn't" and "Clearly I
    wasn't what you were after, fair enough" they carry the dispute.
    """
    found = _accepting(draft)
    if found:
        return _ok(
            f"You accept the decision gracefully ({_quote(found.group())}).", "model_feedback", "seed003"
        )
    return _fix(
        "Accept the decision in one line: “I'm disappointed, but I understand your decision.”",
        "model_feedback",
        "seed003",
    )


#: An acceptance said outright, which stands on its own clause.
_EXPLICIT_ACCEPT = _rx(r"i (?:\w+ )?accept|(?:accept|respect) (?:your|the|this|that) decision")
_DISPUTE = ("blame", "sarcasm", "hostile")


def _accepting(draft: _Draft) -> re.Match[str] | None:
    """The first accepting words that are neither negated nor part of a dispute (``_accepts_decision``)."""
    for sentence in draft.sentences:
        m = _find(_ACCEPTS, sentence)
        if not m:
            continue
        scope = _clause_at(sentence, m.start()) if _EXPLICIT_ACCEPT.match(m.group()) else sentence
        if not any(f.category in _DISPUTE for f in _tone_faults_in(scope, draft.kind)):
            return m
    return None


_DEVELOPMENT = _rx(
    r"improv\w*",
    # not a department or the firm's people ("the development team felt…")
    r"develop(?!er)\w*\b(?! (?:team|department|dept|manager|managers|lead|staff|side|function|group)\b)",
    r"grow(?:th|ing)?",
    # "learn from this", not "learn why I wasn't chosen" (the reason, not the growth)
    # ... nor what you learned about them ("I learned a lot about Summit Ridge during the interview")
    r"learn\w*\b(?! (?:why|whether|if|the reason))(?! (?:(?:a lot|a great deal|so much|lots|loads|plenty|"
    r"more|a little|a bit) )?about (?!(?:my|myself|me|where|what|how|which|why)\b))",
    r"progress",
    r"strengthen\w*|stronger|better candidate|get better|do better|done better|work on",
    r"future (?:interviews|applications)|next time|next interview",
    r"(?:build|develop|gain|sharpen|grow)(?: up)? (?:my |the |that |this )?(?:\w+ )?(?:skills?|experience)",
    r"skills? (?:i|to) (?:should |could |need to )?(?:build|develop|gain)|before (?:applying|i apply) again",
    # growth in other words: "getting better at this", "sharpen my interviewing", "help me prepare for
    # my next application", "take something useful away from this", "for my career going forward"
    r"(?:getting|become|becoming|doing) better|sharpen\w*|hon(?:e|ed|ing)|polish(?:ed|ing)?",
    r"(?:next|future|later|upcoming) (?:applications?|interviews?)",
    r"(?:help|helps|helped|helping) me (?:to )?(?:prepare|get|do|be|grow|improve|understand|learn|see)",
    r"take (?:\w+ ){0,2}(?:away|on board)|takeaways?|going forward|moving forward|(?:my|the) career",
    r"practi[cs]e for|(?:for|before) the next one",
    # round 14: "I'm working on my interviewing, so could you tell me…"
    r"(?:i'm|i am|i've been|i have been) (?:really )?(?:working on|practi[cs]ing) my",
)


#: A development purpose said outright: it frames the request whatever else the message says.
_OWN_GROWTH = _rx(
    r"(?:so (?:that )?i can|so i could|to help me|(?:would|will|could|might) help me|in order to|"
    r"for my (?:own )?)"
    r"\s*(?:keep |continue to |continue |start |really )?(?:improv|learn|develop|grow|get better|"
    r"do better|work on)\w*",
)


#: A run of capitalised words after a lower-case word ("the Learning and Development Coordinator role"):
#: a title or a name, never the learner's growth.
_TITLE_CASE_RUN = re.compile(r"(?<=[a-z,] )[A-Z][\w'-]*(?: (?:and|&|of) [A-Z][\w'-]*| [A-Z][\w'-]*)+")


def _without_titles(sentence: str, draft: _Draft) -> str:
    """The sentence with the interview's role and company, and any Title Case run, blanked out: "the
    Learning and Development Coordinator role" or "Growth Partners" names a job or a firm, not growth."""
    if draft.interview is not None:
        for name in (draft.interview.role, draft.interview.company):
            if name.strip():
                sentence = re.sub(re.escape(name.strip()), "…", sentence, flags=re.I)
    return _TITLE_CASE_RUN.sub("…", sentence)


#: Growth words that are also the feedback question's own comparative ("what would have made me a
#: stronger candidate?", "what could I have done better?"): inside the question they ask, they don't
#: frame it.  Round 9 settled the standard: the coach's advice, the evidence pack's order (frame the
#: request, then ask the question) and every blind labeller want the framing said outright.
_QUESTION_GROWTH = _rx(r"strengthen\w*|stronger|better candidate|get better|do better|done better|work on")
#: Where the question starts: growth words after it are the question's own ("… so can I ask, what's one
#: thing that would have made me a stronger candidate?"); before it they frame it ("To get better, what…",
#: "I'm trying to get better at interviews, so can I ask…").
_QUESTION_START = _rx(
    r"what|which|where|how|whether|if|(?:was|is|were|are) there",
    r"(?:would|could|can|will) you|(?:tell|show|let) me|any (?:suggestions?|feedback|pointers|tips|advice)",
    # a yes/no question from its first word: "Was one thing missing that would have made me stronger?"
    r"^\W*(?:was|is|were|are|did|do|does|would|could|can|should|will|have|has|might|may)",
)


def _framing_in(sentence: str) -> re.Match[str] | None:
    """Growth words that frame the request, not the question's own "stronger" or "better"."""
    for m in _DEVELOPMENT.finditer(sentence):
        if _QUESTION_GROWTH.fullmatch(m.group()) and _QUESTION_START.search(sentence[: m.start()]):
            continue
        if _negated(sentence, m.start()):  # round 18: "This isn't about me improving"
            continue
        return m
    return None


@_rule("frames_development", "Frames it as your own development")
def _frames_development(draft: _Draft) -> _Verdict:
    """Words of growth ("so I can improve"), not the job title ("Developer").

    Choice: while the message disputes the decision and accepts it nowhere ("I think you made a big
    mistake. What could I have done better?"), the question reads as a challenge, not as a request
    to learn, so it does not count as framing; once the decision is accepted it does, even beside a
    jab the tone check flags; a question that itself argues or mocks never does; a purpose said
    outright ("so I can improve", "to help me develop", "so I can work on it") always does.
    """
    disputed = _has(draft, *_DISPUTE) and _accepting(draft) is None
    found = None
    if not disputed:
        found = next(
            (
                m.group()
                for sentence in draft.sentences
                if (m := _framing_in(_without_titles(sentence, draft)))
                and not any(f.category in _DISPUTE for f in _tone_faults_in(sentence, draft.kind))
            ),
            None,
        )
    stated = _first(_OWN_GROWTH, draft.flat)
    if stated or found:
        found = stated or found
        return _ok(
            f"You frame it as your development ({_quote(found)}), not a dispute.", "model_feedback", "seed003"
        )
    return _fix(
        "Say the feedback is for your own development: “so I can improve for future interviews”.",
        "model_feedback",
        "seed003",
    )


_SPECIFIC = _rx(
    # round 18: "Which criteria did I score lowest on?"
    r"criteri(?:a|on)|scored? (?:lowest|highest|worst|best|low|poorly|badly)|lowest|weakest",
    # round 18: "what would a strong answer … have sounded like", "what you'd want to see more of from me",
    # "Was I too quiet in the role-play?"
    r"(?:sounded|sound|looked) like|see more of|(?:was|were) (?:i|my [\w-]+) too \w+",
    # round 11: "what was the deciding factor?", "what one thing would have made the difference?"
    r"deciding factor|tipped (?:it|the balance)|made the difference",
    # round 12: what went wrong (every blind labeller, rounds 7 to 11, counts "what I did wrong" as specific;
    # the checks had kept it open until then), how it was scored, what a strong answer holds, what they
    # looked for, a guess to confirm ("was it my lack of reach truck experience, or something else?")
    r"what (?:i|we) (?:did|got|had) wrong|what (?:exactly )?went wrong|how (?:it|i|my \w+|they) (?:was|were) "
    r"(?:scored|marked|assessed|graded|rated|judged)|what (?:would|should) (?:a|an|the) (?:\w+ )?(?:answer|"
    r"response|candidate) (?:have )?(?:included|covered|looked like|had)|what you were looking for|"
    r"was it (?:my|the)\b[^?]{0,60}\bor\b|how (?:could|can|might|should) i\b",
    # round 13: "What did I do wrong?", "the strongest part of my interview", "what a strong answer to that
    # question would have included"
    r"what did i (?:do|get) wrong|(?:strongest|weakest|best|worst) (?:part|answer|bit|area|point)|"
    r"what (?:a|an|the) (?:\w+ ){0,2}(?:answer|response)\b[^?]{0,40}\bwould have (?:included|covered|"
    r"looked like)",
    r"(?:one|two|three|main|particular|specific|single|biggest|key) (?:thing|area|skill|part|gap|answer|"
    r"change|"
    r"example|reason|point)s?",
    r"which (?:part|skill|area|answer|one|of|aspect|two|three|\w+s)\b",
    r"what (?:one|two|three|skill|area|part|would have made|could i|should i|can i|i could|i should)",
    r"where (?:my|i|did i|do i|could i|should i)\b|fall short|falls short|falling short",
    r"how (?:my|i) (?:\w+ ){0,2}(?:could|can|might|compare|compared|did|came across|went|landed)",
    r"improv\w*|strengthen\w*|work on|do better|done better|differently|fell short|held me back|let me down|"
    r"weak\w*|stronger|better",
    # a guess to confirm ("was it the SQL or the case study?"), not "you or the panel"
    r"whether my|(?:was it|is it|did i|did my|was my|were my)\b[^?]{0,60}\bor (?:my|the|was)",
    r"what was (?:missing|lacking|wrong)|"
    r"(?:was|were) (?:the |my )?(?:[\w-]+ ){0,3}(?:scored|marked|assessed|graded|rated|judged)",
    # round 17: "what my take-home was missing"
    r"what (?:my|the) (?:[\w-]+ ){1,3}(?:was|were) (?:missing|lacking)|"
    r"(?:was|were|is) (?:anything )?(?:missing|lacking)",
    r"my (?:answers?|presentation|portfolio|test|exercise|assessment|case study)",
    # round 14: "whether the gap was in my Vega-Lite experience or somewhere else", "what would you most
    # want to see from a candidate next time?"
    r"(?:gap|problem|issue|weakness|difference) was (?:in|with|my)|or (?:somewhere|something) else",
    r"what (?:would|do|did) you (?:most |really )?(?:want|like|hope|expect|need) to see",
    # round 15: a guess at the weak spot ("whether my idea about shrinkage … was not enough practical", "a
    # gap in my technical answers"), what a strong answer "would … have included", how answers compared,
    # "the first thing you'd tell me to practise"
    r"(?:if|whether) my (?:\w+ ){0,2}(?:idea|answer|approach|example|plan|explanation|solution)s? "
    r"(?:about|on|for|to|was|were)\b",
    r"(?:gap|weakness|problem|issue) in my",
    r"what (?:would|should) (?:a|an|the) (?:\w+ )?(?:answer|response)\b[^?]{0,30}\bhave (?:included|covered|"
    r"looked like)",
    r"how my (?:\w+ ){0,3}(?:answers?|responses?|examples?|presentation|portfolio|case study) (?:compared|"
    r"measured up|came across|landed|stacked up)",
    r"(?:first|biggest|main|top) thing (?:you'd|you would|i should|to)",
    r"how (?:the )?(?:\w+ )?(?:scores?|marks?|points) (?:were|was) (?:weighted|calculated|given|awarded)|"
    r"(?:answers?|parts?) scored (?:lowest|worst|highest|best)",
)


#: What the chosen candidate had ("what did they have that I didn't?", "what set the successful candidate
#: apart?"). Choice: sources disagree on asking it (the evidence pack), so it counts as specific, as every
#: blind labeller of rounds 10 to 12 read it, and the advice shows the disagreement; blame around it is the
#: tone check's ("why not me?").
_COMPARISON = _rx(
    r"what (?:exactly |precisely )?(?:did|does) (?:they|(?:the|that) (?:\w+ )?(?:candidate|applicant|person|"
    r"hire|one)|(?:he|she)) (?:have|bring|offer|do)\b",
    r"what (?:exactly )?(?:they|the (?:\w+ )?(?:candidate|applicant|person|hire)|(?:he|she)) (?:had|offered|"
    r"brought)\b",
    r"(?:set|sets) (?:them|him|her|the (?:\w+ )?(?:candidate|applicant|person)) apart",
)


#: "Any feedback" whose only specific-sounding words are the wish to grow ("I'm always trying to improve,
#: so any feedback would be appreciated"): vague, whatever the reason given (round 18).
_ANY_FEEDBACK = _rx(r"any (?:\w+ )?(?:feedback|thoughts|comments|pointers|advice|tips)")
_GROWTH_WORDS = _rx(r"improv\w*|get(?:ting)? better|do(?:ing)? better|develop\w*|grow\w*|learn\w*")


def _only_any_feedback(question: str) -> bool:
    """"Any feedback" with nothing specific beside the wish to grow."""
    return bool(_ANY_FEEDBACK.search(question)) and not _SPECIFIC.search(
        _GROWTH_WORDS.sub("", _OWN_GROWTH.sub("", question))
    )


@_rule("asks_specific_questions", "Asks one or two specific questions")
def _asks_specific_questions(draft: _Draft) -> _Verdict:
    """Count questions (by structure); 0 or more than 2 fail (LivingCareer); vague ones ("any feedback?")
    fail too, and so do questions that argue ("why didn't you choose me?")."""
    questions = [q for q in draft.questions if not _tone_faults_in(q, "feedback_request")]
    questions = [q for q in questions if not _COMPLAINT_QUESTION.search(q)]
    if len(draft.questions) > 2:
        return _fix(
            f"Keep to one or two questions ({len(draft.questions)} here): "
            "they may have little time to answer.",
            "model_feedback",
        )._replace(final=True)
    compared = [q for q in draft.questions if _COMPARISON.search(q) and not _COMPLAINT_QUESTION.search(q)]
    if not questions and not compared:
        return _fix(
            "Ask one specific question: “What one thing would have made me a stronger candidate?”",
            "model_feedback",
            "seed003",
        )
    # what the question asks, not the purpose it gives: "Any feedback would be appreciated, so I can
    # improve" asks nothing specific
    specific = [
        q for q in questions if _SPECIFIC.search(_OWN_GROWTH.sub("", q)) and not _only_any_feedback(q)
    ]
    if specific:
        return _ok(f"A specific question ({_quote(specific[0])}) is easy to answer.", "model_feedback")
    if compared:
        return _ok(
            f"A specific question ({_quote(compared[0])}), though sources disagree on asking what set the "
            "chosen candidate apart: asking what you could do better is the safer choice.",
            "model_feedback",
        )
    return _fix(
        f"Make {_quote(questions[0], 40)} specific: ask what one thing you could do better.",
        "model_feedback",
    )


@_rule("not_argumentative", "Is not argumentative")
def _not_argumentative(draft: _Draft) -> _Verdict:
    """Blame, "why not me", sarcasm, or refusing the decision; negated ("not unfair at all") and
    self-critical ("I should have said more") lines pass."""
    found = draft.tone
    if found:
        first = found[0]
        return _fix(
            f"Drop {_quote(first.words)}: {first.advice}.",
            *dict.fromkeys(("seed003", "model_feedback", *first.sources)),
        )
    return _ok("No blame and no “why not me”: they can answer openly.", "seed003", "model_feedback")


_FUTURE = _rx(
    # round 18: "I'd love a shot at it", "I hope you will remember me", "please think of me"
    r"(?:a|another) (?:shot|go|crack) at (?:it|one)|(?:remember|think of) me\b|(?:be )?thought of\b",
    r"future (?:roles?|openings?|opportunit\w+|positions?|vacanc\w+|jobs?|posts?)",
    r"other (?:\w+ ){0,2}(?:roles?|openings?|opportunit\w+|positions?|vacanc\w+|jobs?)",
    r"(?:keep|kept) me on (?:your|the) (?:books|list|radar|file)",
    r"next (?:opening|role|position|vacancy|opportunity|job)",
    r"(?:keep|kept|keeping|bear|hold|hang on to) (?:me|my (?:details|cv|resume|résumé|application|name)) "
    r"(?:in mind|on file|on hand|on record)",
    r"consider(?:ed)? me (?:for|again|in the future)|considered (?:for|again|in the future)",
    # round 10: asked of them, even pushily ("put me forward for the next planner vacancy", "could you find
    # something else for me at Tidewater?"): the tone check flags the push
    r"put me forward|(?:find|keep) (?:me )?(?:something|anything) (?:else )?(?:for me|open)",
    # round 11: "If a role opens in the spring I'd love to be considered"
    r"(?:if|when|should) (?:a|any) (?:\w+ )?(?:role|position|opening|vacancy|job|post)s? (?:opens|comes up|"
    r"becomes available|comes along|crops up)\b[^.?!]{0,40}\b(?:consider|love|like|keen|apply|think of)",
    # round 9: "Please consider me if there is another position in Sarnia"
    r"consider(?:ed)? me (?:if|when|should|whenever)\b[^.?!]{0,30}\b(?:another|other|new|next|future|more|"
    r"similar)\b",
    r"similar (?:roles?|positions?|openings?|opportunit\w+|vacanc\w+)",
    r"(?:if|when|should) (?:anything|something|(?:another|a similar|a new|other)(?: \w+){0,2} "
    r"(?:role|position|opening|vacancy|job|post|spot)s?) (?:else )?(?:opens|comes up|becomes available|"
    r"open up|come up|arises?)",
    r"(?:in|for) (?:the )?future|think of me|apply again|(?:please )?consider me(?=\s*[.!]|\s*$)",
    r"(?:stay|keep) in touch|keep me posted|down the (?:line|road)",
    r"(?:anything|something) (?:similar|suitable|else)\b[^.?!]{0,20}\b(?:comes? up|opens?|arises?|"
    r"becomes? available)",
    r"(?:openings?|roles?|positions?|vacanc\w+|opportunit\w+) (?:later|next year|down the line)",
    # needing someone again, in typed speech too: "if u ever need someone again"
    r"(?:if|when|should) (?:you|u) (?:ever |later |again )?(?:need|want|are looking for|have room for|hire) "
    r"(?:someone|anyone|somebody|people|another|more)",
)


#: A role to come, in any words: a role noun and, in the same sentence, a cue that it is later
#: ("if another opening comes along", "get in touch if a role comes up", "upcoming positions").
_LATER_ROLE = re.compile(
    r"\b(?:(?:roles?|openings?|positions?|vacanc\w+|jobs?|posts?|spots?|opportunit\w+)\b[^.?!]{0,40}?\b"
    r"(?:comes? "
    r"(?:up|along|around)|crops? up|opens? up|arises|becomes? available|come up|open up|later on|in future|"
    r"reopens?|"
    r"down the line)|(?:upcoming|later|further|new|future) (?:roles?|openings?|positions?|vacanc\w+|"
    r"opportunit\w+))\b"
    r"|\b(?:anything|something|whatever) (?:\w+ )?(?:that |which )?"
    r"(?:comes? (?:up|along)|crops? up|opens? up)\b"
    r"|\b(?:any|other) (?:\w+ )?(?:roles?|openings?|positions?|vacanc\w+|opportunit\w+) (?:that|which) "
    r"(?:fit|suit|match)"
    # round 12: another role in the learner's own words ("should another technician role open", "if another
    # QA Test Developer role opens", "any future QA openings"), or the team that would need one ("if the team
    # grows again, I'd be very glad to hear from you")
    r"|\b(?:another|other|future|next|upcoming|similar)\b(?: [\w-]+){0,3} (?:roles?|openings?|positions?|"
    r"vacanc\w+|jobs?|posts?|opportunit\w+|spots?)\b"
    r"|\b(?:team|department|practice|studio|firm|company|office|unit|service)\b[^.?!]{0,15}\b(?:grows?|expands?|"
    r"gets? bigger|is hiring|hires again|takes on more|needs more)\b",
    re.I,
)
#: Asking to be told or kept on file, which a later role must come with in ``_LATER_ROLE``'s sentence.
_KEEP_ASKING = _rx(
    r"let me know|get in touch|reach out|contact me|drop me a line|give me a shout|"
    r"hear (?:about|of|from you)|"
    r"consider\w*|keep\w* (?:me|my)|bear me|think of me|in mind|on file|on hand|on record|apply|"
    r"love to|like to|glad to|happy to|keen to|be interested|interested in|welcome|a shout|a call|a ring",
    # round 15: "If a shift lead job comes up again, I'd love another go"
    r"another (?:go|shot|try|chance|crack)",
)
#: Asking to be considered outright, which counts even inside a question about improving.
_CONSIDER = _rx(
    r"consider\w*|keep me|bear me|think of me|thought of|in mind|on file|let me know|hear about"
)


def _improving_question(sentence: str) -> bool:
    """A question about improving that does not ask to be considered ("which area should I strengthen
    for future roles?"): it names roles to come without asking for them."""
    return bool(_DEVELOPMENT.search(sentence) and _is_question(sentence) and not _CONSIDER.search(sentence))


@_rule("asks_future_roles", "Asks to be considered for future roles")
def _asks_future_roles(draft: _Draft) -> _Verdict:
    """Asking to be considered again; "which area should I strengthen for future roles?" asks what to
    improve, not to be considered, so a question about improving does not count."""
    found = next(
        (
            m.group()
            for sentence in draft.sentences
            if (m := _FUTURE.search(sentence))
            and not _improving_question(sentence)
        ),
        None,
    )
    if not found:
        found = next(
            (
                m.group()
                for sentence in draft.sentences
                if (m := _find(_LATER_ROLE, sentence))
                and _KEEP_ASKING.search(sentence)
                and not _improving_question(sentence)
            ),
            None,
        )
    if found:
        return _ok(f"You keep the door open ({_quote(found)}).", "model_feedback", "seed003", "seed000")
    return _fix(
        "Ask to be considered for future roles: the chosen candidate sometimes doesn't stay.",
        "model_feedback",
        "seed003",
        "seed000",
    )


# thank-you note ------------------------------------------------------------------------------


@_rule("names_interviewer", "Names the interviewer")
def _names_interviewer(draft: _Draft) -> _Verdict:
    """The logged interviewers (else the contact); with no interview, a "Dear/Hi <Name>" greeting."""
    logged = draft.people("interviewers") or draft.people("contact")
    return _name_check(draft, logged, role="note", sources=("seed001", "model_thank_you"))


@_rule("names_role", "Names the role")
def _names_role(draft: _Draft) -> _Verdict:
    ok, role = _role_named(draft)
    if ok:
        return _ok("You name the role, so they know which interview this was.", "model_thank_you")
    return _fix(
        f"Name the role in the first line: “Thank you for meeting me about the {role} role”.",
        "model_thank_you",
    )


_RECALL = _rx(
    r"when we (?:discussed|talked|spoke)",
    r"you (?:mentioned|described|explained|told me|shared|asked|showed)",
    r"our (?:conversation|discussion|chat) (?:about|on|of)",
    r"(?:enjoyed|loved|appreciated) (?:learning|hearing|discussing|talking|seeing)",
    r"(?:learning|hearing) (?:about|that|how)",
    r"(?:enjoyed|loved|appreciated) \w+ing\b",
    r"(?:walking|talking|taking) (?:me )?through (?:your|the)",
    r"your (?:idea|plan|vision|question|point|description|story|example) (?:of|about|for|to|on)",
)


_THEIR_QUESTION = _rx(
    r"you (?:asked|wondered|wanted to know|raised|queried)|your (?:question|query)|(?:answer|reply) to your",
)


def _excluded_words(draft: _Draft) -> list[str]:
    interview = draft.interview
    if interview is None:
        return []
    return _WORD.findall(f"{interview.role} {interview.company}") + draft.people(
        "interviewers", "contact", "agency_contact"
    )


def _talking_point(draft: _Draft) -> tuple[str, list[str]] | None:
    """The logged talking point the note mentions, matched by meaning rather than exact words.

    A point counts when the note shares two of its content words (one if it has only one), by
    stem or synonym ("testing" ~ "test", "refurbishment" ~ "renovation"), or one of its proper
    nouns ("Revit", "Snowflake").  A point with no content word ("AI", "the team") counts when
    the note says it word for word.
    """
    interview = draft.interview
    if interview is None:
        return None
    exclude = _excluded_words(draft)
    # a note to the person whose question a point is ("Lee's question about…") that recalls their
    # question ("you asked", "your question") needs only one of the point's words
    answering = _THEIR_QUESTION.search(draft.flat) is not None
    greeted = {_fold(n) for n in draft.greeted}
    have = set(_content_words(draft.flat, exclude))
    have_stems = {_stem(w) for w in have}
    said = f" {' '.join(_fold(w) for w in draft.words)} "
    best: tuple[int, str, list[str]] | None = None
    for point in interview.talking_points:
        wanted = list(dict.fromkeys(_content_words(point, exclude)))
        proper = {_normal_word(w) for i, w in enumerate(_WORD.findall(point)) if i and w[:1].isupper()} - {
            _normal_word(w) for w in exclude
        }
        if not wanted:  # "AI", "the team": no content word to match, so the whole phrase must appear
            phrase = " ".join(_fold(w) for w in _WORD.findall(point))
            wanted = [phrase] if phrase and f" {phrase} " in said else []
            shared = wanted
        else:
            shared = [w for w in wanted if _stem(w) in have_stems or any(_same_word(w, h) for h in have)]
        theirs = answering and bool({_normal_word(w) for w in _WORD.findall(point)} & greeted)
        # a two-word point not tied to a person ("the new sourdough range") also counts by its one
        # distinctive word; one tied to a person ("Lee's question about my churn dashboard") needs the
        # note to be to them (``theirs``) or to share both words
        point_words = {_normal_word(w) for w in _WORD.findall(point)}
        tied = bool(point_words & {_fold(w) for w in draft.people("interviewers", "contact")})
        distinctive = (
            not tied
            and len(wanted) == 2
            and any(len(w) >= 7 and w not in _generic_normal() for w in shared)
        )
        enough = (
            len(shared) >= min(1 if theirs else 2, len(wanted)) or bool(proper & set(shared)) or distinctive
        )
        if wanted and shared and enough and (best is None or len(shared) > best[0]):
            best = (len(shared), point, shared)
    return (best[1], best[2]) if best else None


def _suggested_point(draft: _Draft) -> str:
    """The logged point to suggest: one tied to the person the note greets, else one not tied to another."""
    interview = draft.interview
    points = interview.talking_points if interview is not None else []
    greeted = {_fold(n) for n in draft.greeted}
    people = {_fold(w) for w in draft.people("interviewers", "contact")}

    def tied(point: str) -> set[str]:
        return {_normal_word(w) for w in _WORD.findall(point)} & people

    mine = [p for p in points if tied(p) & greeted]
    free = [p for p in points if not tied(p)]
    return (mine or free or points)[0]


@_rule("mentions_talking_point", "Mentions a point from this interview")
def _mentions_talking_point(draft: _Draft) -> _Verdict:
    """Against the interview's logged talking points when there are any.

    Choice: with no interview or no logged points the check cannot know what was said, so it
    looks for a recalled moment ("you mentioned…", "when we discussed…") and its advice asks the
    learner to log talking points; it is not skipped, so the rubric stays the same for everyone.
    """
    points = draft.interview.talking_points if draft.interview is not None else []
    if points:
        match = _talking_point(draft)
        if match:
            return _ok(
                f"You mention {_quote(match[0])} from this interview: they will remember you.",
                "seed001",
                "model_thank_you",
            )
        return _fix(
            f"Mention one point from this interview, e.g. {_quote(_suggested_point(draft))}; none of the "
            "logged talking points appears in the note.",
            "seed001",
            "model_thank_you",
        )
    found = _first(_RECALL, draft.flat)
    log = " (log this interview's talking points so the kit can check it against them)"
    if found:
        return _ok(f"You recall a moment ({_quote(found)}){log}.", "seed001", "model_thank_you")
    return _fix(
        f"Mention one memorable point you discussed, e.g. “You mentioned the reporting backlog…”{log}.",
        "seed001",
        "model_thank_you",
    )


#: Doubt said just before the interest ("I can't say yet whether this is the right move for me").
_DOUBT = _rx(r"whether|not sure|unsure|can't say|cannot say|don't know|do not know|undecided|weighing up")


@_rule("restates_interest", "Restates your interest")
def _restates_interest(draft: _Draft) -> _Verdict:
    """Interest said plainly, in a clause free of tone faults and not negated: in "I still think your
    question was an odd one, but I'm very interested in the job" the interest stands (the tone check
    flags the rest)."""
    for sentence in draft.sentences:
        found = _find(_INTEREST, sentence)
        # round 18: interest in doubt is not restated ("I can't say yet whether this is the right move")
        if found and _DOUBT.search(sentence[max(0, found.start() - 40) : found.start()]):
            continue
        if found and not _tone_faults_in(_clause_at(sentence, found.start()), "thank_you"):
            return _ok(
                f"You restate your interest ({_quote(found.group())}); saying why makes it stronger.",
                "seed002",
            )
    return _fix(
        "Say you want the job and why: “I'm excited about this role because…”.", "seed002", "model_thank_you"
    )


_FORGOT = _rx(
    r"forgot (?:to )?(?:mention|share|say|add|tell)",
    r"in my nervousness",
    r"(?:also )?(?:wanted|want|would like|'d like) to (?:add|mention that)",
    r"didn't (?:get a chance|have a chance|have time|get to|mention)",
    r"i should (?:also )?(?:have )?mention(?:ed)?",
    r"neglected to (?:mention|share)",
    r"to follow up on your question|on reflection|i've since",
)


@_rule("adds_forgotten_point", "Adds what you forgot to say (optional)")
def _adds_forgotten_point(draft: _Draft) -> _Verdict:
    """Optional by design (seed 000 says "if necessary"): always passed; the advice tells which case."""
    found = _first(_FORGOT, draft.flat)
    if found:
        return _ok(f"You add what you forgot to say ({_quote(found)}): a second chance to shine.", "seed000")
    return _ok(
        "Optional: if you forgot something, add one line, e.g. “In my nervousness, I forgot to share…”.",
        "seed000",
    )


@_rule("concise", f"Is concise (about one paragraph, {MAX_NOTE_WORDS} words or fewer)")
def _concise(draft: _Draft) -> _Verdict:
    """At most MAX_NOTE_WORDS words.

    Choice: paragraphs are not counted any more; a 139-word note in three short paragraphs is
    concise, and telling its writer to "aim for 200 or fewer" was advice they had already met.
    """
    words = len(draft.words)
    if not words:
        return _fix("Write a short paragraph in words; there are none yet.", "model_thank_you", "seed000")
    if words > MAX_NOTE_WORDS:
        return _fix(
            f"Cut it to about one paragraph: {words} words now, aim for {MAX_NOTE_WORDS} or fewer "
            f"(about {words - MAX_NOTE_WORDS} to cut).",
            "model_thank_you",
            "seed000",
            "mistakes",
        )
    return _ok(f"Short and easy to read ({words} words).", "model_thank_you", "seed000")


_PLACEHOLDER = re.compile(
    r"[\[<{][^\]>}\n]{0,20}\b(?:name|company|role|position|job title|title|date|interviewer)\b[^\]>}\n]{0,20}"
    r"[\]>}]|\bX{3,}\b",
    re.I,
)
_IMPERSONAL = _rx(
    r"to whom it may concern",
    r"dear (?:sir|madam|sir or madam|sir/madam|hiring manager|hiring team|recruiter|team|all)",
    r"hi there|hello there",
)
_JOINING = re.compile(
    r"\b(?:join|joining|joined|be part of|being part of|work(?:ing)? for|work(?:ing)? at|"
    r"(?:bring|bringing|contribute|contributing)\b[^.?!\n]{0,30}?\bto|(?:future|career|start) (?:at|with))\s+"
    r"(?P<firm>[A-Z][\w&'-]*(?:\s+[A-Z&][\w&'-]*){0,3})"
)


def _specific_words(draft: _Draft) -> list[str]:
    """Content words no stock note would use: what makes a note about this interview."""
    skip = set(_excluded_words(draft)) | set(draft.own_name) | set(draft.greeted)
    # whoever is greeted in any case ("hey dana") and the role's own words ("the analyst job") say
    # nothing of what was discussed
    skip |= {m["name"] for m in _GREETING.finditer(draft.flat)}
    skip |= {w for m in _ROLE_BEFORE.finditer(draft.flat) for w in _WORD.findall(m.group())}
    last = draft.sentences[-1] if draft.sentences else ""
    if len(draft.sentences) > 1 and len(last.split()) <= 3 and last[-1:] not in ".?!":
        skip |= set(_WORD.findall(last))  # a sign-off in any case: "talk soon! kemi", "cheers, marcus"
    signed = _SIGNED_OFF.search(draft.flat)
    if signed:  # "… Yours sincerely, Hollis Marchetti" at the end of the one paragraph
        skip |= {w.lower() for w in _WORD.findall(signed["who"])}
    generic = _generic_normal()
    return [
        w
        for w in _content_words(draft.flat, skip)
        if w not in generic and not w.isdigit() and w not in _NOT_NAMES
    ]


#: A sign-off and the name after it, ending the text: the writer's own name says nothing of the interview.
_SIGNED_OFF = re.compile(
    r"(?:yours (?:sincerely|faithfully|truly)|(?:kind|best|warm|warmest|many) (?:regards|wishes|thanks)|"
    r"all the best|thanks again|regards|sincerely|cheers|best)[,!.]?\s+"
    r"(?P<who>(?-i:[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2}))\W*$",
    re.I,
)


@lru_cache(maxsize=1)
def _generic_normal() -> frozenset[str]:
    """``_GENERIC_WORDS`` folded and singular, as ``_content_words`` gives them ("heaps" -> "heap")."""
    return frozenset(_GENERIC_WORDS | {_normal_word(w) for w in _GENERIC_WORDS})


#: Words many organisations' names share: "Ashford Borough Council" is not "Birchwood District Council".
_ORG_WORDS = frozenset(
    "council borough district county city trust group ltd limited plc inc llc co company school hotel bank "
    "hospital university college services solutions partners associates and of the".split()
)


def _other_firm(draft: _Draft) -> str | None:
    """A company the note says you'd join that is not the logged company (a copy-paste sign)."""
    if draft.interview is None:
        return None
    company = {_fold(w) for w in _WORD.findall(draft.interview.company)}
    # the role, the talking points and the people are not another firm ("bring that to Snowflake")
    logged = " ".join([draft.interview.role, *draft.interview.talking_points])
    known = {_fold(w) for w in _WORD.findall(logged)}
    known |= {_fold(w) for w in draft.people("interviewers", "contact", "agency_contact")}
    for m in _JOINING.finditer(draft.flat):
        words = [_fold(w) for w in _WORD.findall(m["firm"])]
        distinct = set(words) - _ORG_WORDS
        if words and words[0] not in _NOT_NAMES and distinct and not distinct & (company | known):
            return m["firm"]
    return None


@_rule("not_form_letter", "Is not a form letter")
def _not_form_letter(draft: _Draft) -> _Verdict:
    """Fails on placeholders, impersonal openings, another company's name, or nothing specific.

    "Specific" means a logged talking point, or at least three content words no stock note would
    use; so a generic note fails in any wording ("hey, thanks for the chat, hope to hear soon!").
    """
    sources = ("seed001", "mistakes")
    if not draft.words:
        return _ok("Nothing here reads as a template; write the note in words first.", *sources)
    placeholder = _first(_PLACEHOLDER, draft.flat)
    if placeholder:
        return _fix(f"Fill in {_quote(placeholder)}: a template left in shows it's a form letter.", *sources)
    specific = _says_something_specific(draft)
    impersonal = _first(_IMPERSONAL, draft.flat)
    # Choice (round 9): "Dear Hiring Team" on a note about this interview is the greeting's fault
    # (names_interviewer says so), not a form letter's; both blind labellers who met it agreed.
    if impersonal and not specific:
        return _fix(f"Replace {_quote(impersonal)} with the interviewer's name.", *sources)
    firm = _other_firm(draft)
    if firm:
        return _fix(
            f"You write {_quote(firm)}, but this interview was at {draft.interview.company}: "  # type: ignore[union-attr]
            "a note naming another company reads as copy-paste.",
            *sources,
        )
    if not specific:
        return _fix(
            "This note would fit any interview: add something only you two discussed, such as a project, "
            "a question they asked or a moment you connected.",
            *sources,
        )
    return _ok("It reads as written for this person, not a standard message.", *sources)


# offer call ---------------------------------------------------------------------------------

_DEADLINE = _rx(
    r"(?:when|how soon|by when) (?:do|would|will) you need (?:an?|my|your|the) "
    r"(?:answer|decision|response|reply)",
    r"(?:need|want|like) (?:an?|my|the) (?:answer|decision|response|reply) by",
    r"(?:can|could|may) i (?:get back to you|let you know|confirm|reply|respond) by",
    r"(?:when|how soon) (?:do|would|will) you need "
    r"(?:to hear|me to (?:decide|confirm|answer|respond|let you))",
    r"deadline|by when",
    r"how (?:long|much time) (?:do i have|can i (?:take|have)|would i have|"
    r"i(?:'ve| have)? (?:got|have|can take)|(?:have|has|do|would|will) (?:i|we) (?:got|have|get))",
    r"when (?:should|shall|do|would|can) (?:i|you like me to) (?:get back|respond|reply|confirm|let you know|"
    r"give you)",
    r"time ?(?:frame|line) for (?:my|your|a|the) (?:decision|answer|response)",
    r"when (?:is|would be) a good time to (?:give|get back|respond)",
    r"(?:a |the )?(?:couple of|few|two|three|some) days to (?:think|decide|consider)",
    r"time to (?:think|decide)",
    r"(?:a day or two|some time|a little time|a (?:few|couple of) days) to (?:look over|review|read|go over|"
    r"think|decide|consider)",
    r"(?:what's|what is) the latest (?:i can|date|day)|let you know by\b",
    r"(?:what(?:'s| is)?|which) (?:the |your )?(?:time ?frame|timescale|time ?line)",
    r"by what (?:date|day|time)|what date (?:should|do|would|must)|until (?:which|what) (?:date|day)|"
    r"which date",
    r"when (?:(?:would|do|will) )?you(?:'d)? (?:like|want|need) (?:an?|my|your|the) "
    r"(?:answer|decision|response|reply)",
)
_IN_WRITING = _rx(
    r"in writing|in black and white|written (?:offer|confirmation|copy|version|details)|offer letter|"
    r"paperwork(?! (?:out )?later| can wait)",
    r"(?:need|have) to sign|(?:papers|documents) to sign",
    r"(?:send|email|e-mail|forward)(?:ing)? (?:me )?(?:over )?(?:the |a |that )?(?:full |complete |final )?"
    r"(?:offer|details|contract|terms|package)",
    r"(?:copy of|review|read|(?:like|love|want) to see) (?:the |a |my )?(?:contract|offer|terms)",
    r"(?:put|have|get) (?:the |that |it |this )?(?:offer |details )?in (?:an )?(?:email|e-mail)",
    r"(?:email|e-mail) (?:it|that|this)(?: over| through| to me)?",
    # by structure: a verb of sending near the offer, or the offer "in an email"
    r"(?:send|email|e-mail|forward|pop|put|share|post|mail)\w*\b[^.?!]{0,25}"
    r"\b(?:offer|contract|terms|details|package|paperwork|letter)",
    r"(?:offer|contract|terms|details)\b[^.?!]{0,20}\bin (?:an? )?(?:email|e-mail|writing|letter)",
    r"(?:offer|contract|terms|paperwork|letter)\b[^.?!]{0,20}\b(?:in|into|to) (?:my|your) "
    r"(?:inbox|mailbox|email)",
    # round 14: asked for bluntly ("I'll need the letter today"): the tone check carries the bluntness
    r"(?:need|want|expect)\w* (?:the|an?|my|your) (?:offer )?(?:letter|contract)",
    r"(?:send|forward|post|mail|share)\w*\b[^.?!]{0,30}\b(?:by|via|in an?|over|through) "
    r"(?:e-?mail|post|writing|"
    r"letter)|(?:send|email|forward)\w*\b[^.?!]{0,25}\bproposal",
)
_RAPPORT = _rx(
    r"start(?:ing)? date|first day|day one|first week",
    r"when (?:would|do|should) you (?:like|want|need) me to start|when (?:should|could|can|do|would) i "
    r"(?:start|join|begin)",
    # asking when you begin, in any words: "what time do I start on Monday?", "what day I start"
    r"(?:when|what time|what day|which day|what date|how soon)\b[^.?!]{0,20}\b(?:i|we) (?:would |will |can |"
    r"should )?(?:start|begin)|(?:start|begin)(?:ing)? (?:time|day)",
    r"(?:anything|something|materials?|documents?|reading) (?:i |to )?(?:should |could |can |might )?"
    r"(?:read|review|prepare|look at)",
    r"read up on|background reading|get up to speed|head start|onboarding|meet the team|before i start",
    r"looking forward to (?:working|joining|meeting|starting)",
    r"can't wait to (?:start|join|meet)",
    # round 18: "I could start on the 1st of December"
    r"(?:i could|i can|i'd|i would) start (?:on|from|in|at|by|the)",
    # round 17: a start proposed ("I'd like to start after the holidays, January 4th if possible")
    r"(?:like|love|hope|want|plan|able|happy|keen) to start (?:on|after|from|in|at|by|the)",
    r"when (?:they|you)(?:'d| would)? (?:want|like|need) me to start",
    r"who (?:will|would) i (?:be )?(?:working with|report(?:ing)? to|shadow\w*)|day to day",
    r"who i(?:'ll|'d| will| would)? (?:be )?(?:work\w* with|report\w* to|shadow\w*|sit\w* with|"
    r"learn\w* from)",
    r"first (?:month|shift|few (?:days|weeks)|90 days)|get started|get ready|prepare (?:for|before)",
    r"(?:excited|thrilled|keen|eager|can't wait) to (?:join|start|meet|work with|be part)",
    r"meet (?:my|the) (?:new )?(?:manager|colleagues|team|boss|line manager)",
    # the team and the work ahead, in other words: "being part of the team", "more about the team I'll
    # be joining", "the best way to prepare", "I really enjoyed meeting the panel"
    r"(?:being|be|become|becoming) (?:a )?part of (?:the|your|this) (?:\w+ )?(?:team|group|practice|clinic)",
    r"(?:more|a bit|a little) about (?:the|my|your) (?:new )?(?:team|colleagues|project|work|department)",
    r"(?:team|colleagues|people) i(?:'ll| will|'d| would)? be (?:joining|working with)",
    r"(?:way|how|what) (?:\w+ )?to prepare|prepare\w* (?:in the meantime|beforehand|ahead)",
    r"enjoyed (?:meeting|talking|speaking|chatting)|pass (?:on )?my thanks",
    r"(?:excited|thrilled|keen|eager|delighted|happy|glad) (?:about|for) "
    r"(?:\w+ing|the (?:\w+ )?(?:team|project|work|clinic|launch))",
)
#: A yes that waits for the written offer ("once I've read it", "subject to the contract").
_CONDITIONAL = _rx(
    # round 13: "I'll sign as soon as it arrives" commits before reading, so it is no condition
    r"once|when i(?:'ve| have)? (?:seen|read|got|received)|after i(?:'ve| have)? (?:seen|read)|"
    r"as soon as(?! (?:it|they|the \w+) (?:arrives?|comes?|lands?|gets? here|is here))|"
    r"subject to|pending|until|provided|assuming|in principle|if (?:the|it|everything|all)"
)
#: Starting the job, asked about in a question: "would I start on 1 June?", "a September 28th start".
_STARTING = _rx(r"start|starting|begin|beginning|joining|join you|first day")
#: Something to read or study before you start: a verb of reading and a "before", or a thing "I could read".
_READ_FIRST = re.compile(
    r"\b(?:read|study|studying|dig into|look (?:at|over|through)|brush up on|get familiar with|"
    r"familiari[sz]e "
    r"myself with|go through)\b[^.?!]{0,60}?\b(?:before(?: then| i start| day one| starting)?|"
    r"beforehand|in advance|"
    r"first|ahead of)\b"
    r"|\b(?:anything|something|docs?|documents?|guides?|materials?|lists?|plans?|reports?|reading|notes)\b"
    r"(?: [\w']+){0,6}? (?:i|me) (?:could|should|ought to|might|can|to|would) (?:\w+ )?(?:read|"
    r"study|dig into|"
    r"look at|prepare|go through)",
    re.I,
)
#: What is read in ``_READ_FIRST`` when it is the offer itself, which is not rapport.
_NOT_THEIRS = _rx(r"offer|contract|terms|letter|paperwork|it|everything|the details|small print|in writing")
_ACCEPT_NOW = _rx(
    r"i (?:happily |gladly |hereby )?accept",
    r"i'll take it|yes,? i(?:'ll| will) (?:take|accept)|consider it accepted",
    # a yes on the spot in other words: "that's a yes from me", "count me in", "consider this my formal
    # acceptance", "I'd love to accept right away", "happy to say yes straight away"
    r"(?:that's|it's) a (?:definite |big |firm )?yes|count me in|i'm in(?=\s*[!.,]|\s*$)",
    r"where do i sign|sign me up",
    # round 13: "I'll sign whatever you send", "I'll sign as soon as it arrives"
    r"i(?:'ll| will) sign (?:whatever|anything|it (?:as soon as|the moment|straight away|right away))",
    r"(?:the|my) answer is (?:a )?yes|(?:i'm|i am) (?:definitely |absolutely |certainly )?(?:taking|"
    r"accepting) "
    r"(?:it|the (?:job|role|offer|position))",
    r"(?:i'd|i would|i'm|i am) (?:be )?(?:\w+ )?(?:delighted|happy|glad|pleased|thrilled) to accept"
    r"(?! (?:once|when|after|as soon))",
    r"consider (?:this|it|that) (?:my|as my) (?:\w+ )?acceptance|(?:consider it |it's )?a done deal",
    # round 18: "Consider me yours", "count me in"
    r"consider me (?:yours|in|on board|hired|signed)|count me in|i'm (?:all )?yours",
    r"i(?:'ll| will) take (?:the|this) (?:job|role|offer|position)",
    r"(?:accept|say yes|take it)\w* (?:it |the offer |yes )?(?:right away|straight away|right now|"
    r"now|immediately|"
    r"on the spot|today)(?!,? but\b)",  # round 14: "I'd love to say yes right now, but I'd like to see…"
)


#: A question about your answer ("hear back from me", "my response") and about a time ("when", "by").
#: Your own answer: "could you confirm the start date" is theirs to confirm, not yours.
_YOUR_ANSWER = _rx(
    r"(?:my|your|an|the) (?:(?:formal|final|official|written|full) )?(?:answer|response|reply|decision)|"
    r"answer you|respond|reply to you|"
    r"hear (?:back )?from me|to know|get back to you|let you know|(?<!you )(?<!we )confirm|"
    r"think (?:it )?over",
    # the signed acceptance is the answer too: "When do you need the paperwork back?", "When do you need
    # it signed by?" (settled in round 9: every blind labeller counts it, even after a yes on the spot)
    r"return (?:it|them|the (?:contract|paperwork|offer|letter|forms?))|"
    r"(?:the |my )?(?:signed (?:copy|contract|offer|letter|paperwork|acceptance)|paperwork|"
    r"(?:it|them|this|that|the (?:offer|contract|letter)) (?:signed|back))",
)
#: A time: not the start date ("could you confirm the start date"), which is rapport.
_WHEN = _rx(
    # round 17: "by email" is how, not when ("send it over by email so I can go through it before I confirm")
    r"when|(?<!start )date|(?<!first )day(?! one)|by(?! (?:e-?mail|post|phone|courier|hand|text|letter))|"
    r"until|how long|how much time|time ?(?:scale|frame|line)|"
    r"deadline|latest"
)


#: "When would you need it?": the answer named in an earlier sentence.
_NEED_IT = _rx(r"need (?:it|that|one|them|to know)|want (?:it|that|one)|(?:it|that) (?:by|back)")


@_rule("asks_deadline", "Asks when they need an answer")
def _asks_deadline(draft: _Draft) -> _Verdict:
    """The listed ways of asking, or by structure: a question about when your answer is due.

    "When is the last day I can answer you?" and "I'd be grateful to know the date by which you
    require my response" both ask it without a model phrase.
    """
    found = _first(_DEADLINE, draft.flat) or next(
        (q for q in draft.questions if _YOUR_ANSWER.search(q) and _WHEN.search(q)), None
    ) or next(
        (
            q
            for q in draft.questions
            if _WHEN.search(q) and _NEED_IT.search(q) and _YOUR_ANSWER.search(draft.flat.split(q)[0])
        ),
        None,
    )
    if found:
        return _ok(f"You ask their timeline ({_quote(found)}), so you can decide calmly.", "model_offer")
    return _fix("Ask when they need your answer: “When would you like my decision by?”", "model_offer")


@_rule("asks_in_writing", "Asks for the offer in writing")
def _asks_in_writing(draft: _Draft) -> _Verdict:
    found = _first(_IN_WRITING, draft.flat)
    if found:
        return _ok(f"You ask for it in writing ({_quote(found)}), so the terms are clear.", "model_offer")
    return _fix("Ask for the offer in writing: “Could you send me the offer letter?”", "model_offer")


@_rule("builds_rapport", "Builds rapport (start date, what to read)")
def _builds_rapport(draft: _Draft) -> _Verdict:
    """The listed ways, or by structure: a question about when you start ("would I be joining on
    September 8th?", "am I still starting on the 2nd?") or something of theirs to read first
    ("a brand guide I could dig into before then"); reading the offer itself is not rapport."""
    found = _first(_RAPPORT, draft.flat) or next(
        (q for q in draft.questions if _STARTING.search(q) and not _YOUR_ANSWER.search(q)), None
    )
    found = found or next(
        (m.group() for s in draft.sentences if (m := _READ_FIRST.search(s)) and not _NOT_THEIRS.search(m[0])),
        None,
    )
    if found:
        return _ok(f"You build rapport with your new team ({_quote(found)}).", "seed003", "model_offer")
    return _fix(
        "Build rapport: confirm the start date and ask what you could read before day one.",
        "seed003",
        "model_offer",
    )


def _rushed_yes(draft: _Draft) -> str | None:
    """The first yes said on the spot: not negated, not conditional in its clause or just after it
    ("I accept once I've read it"), and not after the written offer was asked for."""
    for sentence in draft.sentences:
        m = _find(_ACCEPT_NOW, sentence)
        near = (_clause_at(sentence, m.start()), sentence[m.start() :][:80]) if m else ()
        if m and not any(_CONDITIONAL.search(t) for t in near):
            return m.group()
        if _IN_WRITING.search(sentence[: m.start()] if m else sentence):
            return None  # the written offer is asked for before any yes
    return None


@_rule("no_rushed_acceptance", "Doesn't accept before seeing it in writing")
def _no_rushed_acceptance(draft: _Draft) -> _Verdict:
    """A yes said on the spot, before the written offer was asked for and seen, is flagged.

    "I can't accept right now" and "I'll accept once I've read it" are not acceptances, and asking for
    the letter first ("Could you send it over? Then I'm happy to accept") is what the model call does.
    Choice: "Yes, I accept! Please send the paperwork" is rushed: the papers are asked for after the
    yes, so the learner has committed before seeing them (the check's title; the blind rounds' labels).
    """
    found = _rushed_yes(draft)
    if found:
        return _fix(
            f"You needn't say {_quote(found)} on the spot: say you're delighted and will confirm "
            "once you have it in writing.",
            "model_offer",
        )
    return _ok("You leave yourself time to read the written offer before you commit.", "model_offer")


# -- registry and entry points -------------------------------------------------------------------

_OPENER = (
    "greets_by_name",
    "says_who_you_are",
    "names_role_and_date",
    "states_purpose",
    "asks_one_question",
    "within_time",
    "no_pressure",
)
#: Kind -> the ids of its checks, in the order the learner sees them.
CHECK_IDS: dict[str, tuple[str, ...]] = {
    "thank_you": (
        "thanks_them",
        "names_interviewer",
        "names_role",
        "mentions_talking_point",
        "restates_interest",
        "adds_forgotten_point",
        "concise",
        "not_form_letter",
        "courteous_tone",
    ),
    "status_call_opener": _OPENER,
    "voicemail": (*_OPENER, "leaves_number", "repeats_name"),
    "feedback_request": (
        "thanks_them",
        "accepts_decision",
        "frames_development",
        "asks_specific_questions",
        "not_argumentative",
        "asks_future_roles",
    ),
    "offer_call": (
        "thanks_them",
        "asks_deadline",
        "asks_in_writing",
        "builds_rapport",
        "no_rushed_acceptance",
        "courteous_tone",
    ),
}
#: The order in which failed checks become priorities: tone first (it does harm whatever else is
#: right), then what the reader needs to place you and reply, then the finer points.
PRIORITY: tuple[str, ...] = (
    "no_pressure",
    "not_argumentative",
    "courteous_tone",
    "no_rushed_acceptance",
    "thanks_them",
    "greets_by_name",
    "names_interviewer",
    "says_who_you_are",
    "states_purpose",
    "asks_one_question",
    "accepts_decision",
    "asks_specific_questions",
    "names_role_and_date",
    "names_role",
    "not_form_letter",
    "mentions_talking_point",
    "restates_interest",
    "asks_deadline",
    "asks_in_writing",
    "leaves_number",
    "repeats_name",
    "frames_development",
    "asks_future_roles",
    "builds_rapport",
    "within_time",
    "concise",
    "adds_forgotten_point",
)


def _valid_kind(kind: object) -> str:
    if isinstance(kind, str):
        key = kind.strip().lower().replace("-", "_").replace(" ", "_")
        if key in MESSAGE_KINDS:
            return key
    raise ValidationError("kind", "one of " + ", ".join(MESSAGE_KINDS), kind)


def _valid_text(text: object, field: str = "text") -> str:
    if not isinstance(text, str) or not text.strip():
        raise ValidationError(field, "a message to check (write a few sentences first)", text)
    if len(text) > MAX_TEXT:
        raise ValidationError(field, f"at most {MAX_TEXT:,} characters (a message, not a document)", text)
    return text.strip()


def check_message(text: str, kind: str, interview: Interview | None = None) -> Feedback:
    """Check a draft of the given kind against its sourced rubric.

    ``interview`` (optional) lets the checks use the logged names, role, date and talking points.
    Raises ``ValidationError`` for an unknown kind or an empty, whitespace-only or over-long text;
    anything else, emoji or a spreadsheet formula included, gets feedback.
    """
    kind = _valid_kind(kind)
    text = _valid_text(text)
    if interview is not None and not isinstance(interview, Interview):
        raise ValidationError("interview", "an Interview or nothing", interview)
    draft = _Draft(text, kind, interview)
    return Feedback(
        kind=kind,
        text=text,
        items=tuple(_CHECKS[check_id](draft) for check_id in CHECK_IDS[kind]),
        speaking_seconds=round(draft.seconds, 1),
        words_per_minute=WORDS_PER_MINUTE,
        filler_words=find_fillers(text),
        target_seconds=float(MAX_SPOKEN_SECONDS) if kind in TIMED_KINDS else None,
    )


# -- comparing notes ------------------------------------------------------------------------------

#: Shortest run of words two notes share that is shown as "shared".
_MIN_SHARED_WORDS = 4


_SALUTATION = re.compile(
    r"^\s*(?:dear|hi|hello|hey|good (?:morning|afternoon|evening)|bonjour)\b[^\n]{0,60}\n", re.I
)
_CLOSING = re.compile(
    r"\n\s*(?:(?:best|kind|warm|warmest|many)(?: regards| wishes)?|regards|sincerely|yours[^\n]*|cheers|"
    r"thanks(?: again)?|thank you(?: again)?|bien à vous|cordialement)[ ,.!]*\n[^\n]*\n?[^\n]*$",
    re.I,
)


def _body(text: str) -> str:
    """The note without its salutation line and sign-off, which every note shares by convention."""
    body = _CLOSING.sub("\n", _SALUTATION.sub("", text.strip() + "\n", count=1), count=1).strip()
    return body or text


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """The note body's words as written (for display) and normalised (for comparing)."""
    shown = _body(text).split()
    return shown, [_fold(w).strip(".,;:!?\"'()[]") for w in shown]


#: Two sentences this alike count as the same sentence when notes are compared in any order.
_SAME_SENTENCE = 0.6


def _note_sentences(text: str) -> list[tuple[str, list[str]]]:
    """The body's sentences, as written and as normalised words."""
    out = []
    for sentence in _SENTENCE_BREAK.split(_body(text)):
        words = [_fold(w) for w in _WORD.findall(sentence)]
        if words:
            out.append((sentence.strip(), words))
    return out


def _sentence_overlap(
    a: list[tuple[str, list[str]]], b: list[tuple[str, list[str]]]
) -> tuple[float, list[str]]:
    """How alike two notes are whatever the order of their sentences, and the sentences they share.

    Each sentence is matched to its most alike sentence in the other note; pairs at least
    ``_SAME_SENTENCE`` alike count, weighted by length, so reordering a template does not hide it.
    """
    total = sum(len(w) for _, w in a) + sum(len(w) for _, w in b)
    if not total:
        return 0.0, []
    matched = 0.0
    same: list[str] = []
    for mine, theirs, keep in ((a, b, True), (b, a, False)):
        for shown, words in mine:
            ratio = max(
                (difflib.SequenceMatcher(None, words, other, autojunk=False).ratio() for _, other in theirs),
                default=0.0,
            )
            if ratio >= _SAME_SENTENCE:
                matched += ratio * len(words)
                if keep and ratio >= 0.9:
                    same.append(shown)
    return matched / total, same


def compare_notes(
    notes: Mapping[str, str] | Sequence[str],
    *,
    threshold: float = FORM_LETTER_THRESHOLD,
    interview: Interview | None = None,
) -> NoteComparison:
    """Compare thank-you notes to different interviewers of one interview; flag a form letter.

    ``notes`` maps each interviewer's name to their note (or is a list, named "note 1", …).
    Similarity is the higher of difflib's ratio over the word sequences of the notes' bodies
    (salutation line and sign-off left out, since every note has them) and the share of their
    words in sentences the other note also has, in any order; any pair at or above
    ``threshold`` reads like one form letter (seed 001), and so does a pair at or above
    ``GENERIC_PAIR_THRESHOLD`` when a note of the group says nothing of the interview.
    ``interview`` (optional) lets the suggestions name its logged talking points.
    """
    if isinstance(notes, Mapping):
        named = [(str(k).strip() or f"note {i}", v) for i, (k, v) in enumerate(notes.items(), 1)]
    elif isinstance(notes, Sequence) and not isinstance(notes, str):
        named = [(f"note {i}", v) for i, v in enumerate(notes, 1)]
    else:
        raise ValidationError("notes", "several notes: a list, or a mapping of name to note", notes)
    if len(named) < 2:
        raise ValidationError("notes", "at least two notes to compare", f"{len(named)} note(s)")
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 < threshold <= 1:
        raise ValidationError("threshold", "a number above 0 and at most 1", threshold)
    texts = [(name, _valid_text(text, f"note for {name}")) for name, text in named]
    tokens = {name: _tokens(text) for name, text in texts}

    sentences = {name: _note_sentences(text) for name, text in texts}
    scored = []
    for i, (a, _) in enumerate(texts):
        for b, _ in texts[i + 1 :]:
            matcher = difflib.SequenceMatcher(None, tokens[a][1], tokens[b][1], autojunk=False)
            in_order = matcher.ratio()
            any_order, same = _sentence_overlap(sentences[a], sentences[b])
            scored.append((a, b, round(max(in_order, any_order), 3), matcher, same, any_order > in_order))
    scored.sort(key=lambda row: -row[2])
    a, _, best, matcher, same, reordered = scored[0]
    generic = [
        name for name, text in texts if not _says_something_specific(_Draft(text, "thank_you", interview))
    ]
    shown = tokens[a][0]
    passages = [
        " ".join(shown[m.a : m.a + m.size])
        for m in matcher.get_matching_blocks()
        if m.size >= _MIN_SHARED_WORDS
    ]
    if reordered:  # the same sentences in another order: show the sentences themselves
        passages = [s for s in same if len(s.split()) >= _MIN_SHARED_WORDS] or passages
    form_letter = best >= threshold or (best >= GENERIC_PAIR_THRESHOLD and bool(generic))
    return NoteComparison(
        names=tuple(name for name, _ in texts),
        pairs=tuple((x, y, s) for x, y, s, *_ in scored),
        threshold=float(threshold),
        form_letter=form_letter,
        shared=" … ".join(passages),
        suggestions=_personalize(texts, passages, interview) if form_letter else (),
        source=cite("seed001", "model_thank_you", "mistakes"),
    )


def _says_something_specific(draft: _Draft) -> bool:
    """What ``not_form_letter`` asks of a note: a logged talking point or words no stock note uses."""
    return _talking_point(draft) is not None or len(set(_specific_words(draft))) >= 3


def _personalize(
    texts: list[tuple[str, str]], passages: list[str], interview: Interview | None
) -> tuple[str, ...]:
    """What to change so each note is written for its reader."""
    out = []
    if passages:
        longest = max(passages, key=len)
        out.append(f"Rewrite the shared passage {_quote(longest)} in your own words for each person.")
    out.append(
        "In each note, mention something you discussed with that interviewer alone: a question they "
        "asked, a project they described, or a moment you connected."
    )
    points = interview.talking_points if interview is not None else []
    if points:
        listed = "; ".join(_quote(p, 50) for p in points[:3])
        out.append(f"Your logged talking points can anchor different notes: {listed}.")
    for name, text in texts:
        words = _name_words(name)
        greeted = _Draft(text, "thank_you", None).greeted
        if words and greeted and not set(words) & set(greeted):
            out.append(f"Greet {name} by name in their note (it greets {greeted[0]}).")
        elif words and not greeted and not any(w in text for w in words):
            out.append(f"Greet {name} by name in their note.")
    return tuple(out)
