"""check_message and compare_notes: the labelled corpus, the acceptance cases, bad input, rendering."""

from __future__ import annotations

import html
import importlib.util
import json
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import followup_kit
from followup_kit import messages
from followup_kit.messages import (
    CHECK_IDS,
    FORM_LETTER_THRESHOLD,
    LABELS,
    MAX_SPOKEN_SECONDS,
    MAX_TEXT,
    MESSAGE_KINDS,
    TONE_CHECKS,
    WORDS_PER_MINUTE,
    Check,
    Feedback,
    check_message,
    compare_notes,
    count_words,
    find_fillers,
)
from followup_kit.records import Interview, ValidationError
from followup_kit.roleplay import load_scenarios
from followup_kit.sources import SOURCES

ROOT = Path(__file__).resolve().parents[1]
TUNING_PATH = ROOT / "tests" / "data" / "messages" / "tuning.json"
TUNING = json.loads(TUNING_PATH.read_text(encoding="utf-8"))
#: The later tuning batches (round 2: tuning2.json, …), each labelled before the checker was run on it.
BATCHES = [
    json.loads(path.read_text(encoding="utf-8"))
    for path in sorted(TUNING_PATH.parent.glob("tuning[0-9]*.json"))
]
#: Interview key -> interview, the first batch that defines a key winning (a later batch may reuse a key
#: for its own interview: tuning17's "northwind" is another firm's); see ``ENTRY_INTERVIEW``.
INTERVIEWS: dict[str, Interview] = {}
for _part in (TUNING, *BATCHES):
    for _key, _value in _part["interviews"].items():
        INTERVIEWS.setdefault(_key, Interview(**_value))
CORPUS = TUNING["messages"] + [e for batch in BATCHES for e in batch["messages"]]
#: Message id -> the interview it was written about, from its own batch (None for none).
ENTRY_INTERVIEW = {
    e["id"]: Interview(**part["interviews"][e["interview"]]) if e["interview"] else None
    for part in (TUNING, *BATCHES)
    for e in part["messages"]
}


def _expected(entry: dict) -> dict[str, bool]:
    """The coach's verdict per check: an explicit ``expect``, else every check passes but ``fails``."""
    if "expect" in entry:
        return entry["expect"]
    return {check_id: check_id not in entry["fails"] for check_id in CHECK_IDS[entry["kind"]]}


def _bench():
    """benchmarks/bench_messages.py as a module (it is a script, not part of the package)."""
    spec = importlib.util.spec_from_file_location("bench_messages", ROOT / "benchmarks" / "bench_messages.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_messages", module)
    spec.loader.exec_module(module)
    return module


NORTHWIND = Interview(
    company="Northwind Traders",
    role="Data Analyst",
    held_at="2026-03-06T10:00",
    interviewers=["Dana Reyes", "Lee Chen"],
    contact="Dana Reyes",
    talking_points=[
        "the Snowflake migration planned for the summer",
        "Lee's question about my churn dashboard",
        "mentoring two junior analysts",
    ],
)

WEAK_OPENER = "Hi, did I get the job?"
STRONG_OPENER = (
    "Hi Dana, this is Sam Lee. I interviewed for the Data Analyst position last Friday. "
    "I'm calling to check on the status, and I'm still very interested. "
    "Is there anything else I can provide to help with your decision?"
)


def _source_is_cited(source: str) -> bool:
    """A display citation names a source we know by its readable title, never a file name."""
    return any(s.short in source for s in SOURCES.values()) and ".txt" not in source


# -- the labelled corpus ----------------------------------------------------------------------


def test_corpus_is_large_and_covers_every_kind() -> None:
    assert len(CORPUS) >= 150
    assert len({e["id"] for e in CORPUS}) == len(CORPUS)
    for kind in MESSAGE_KINDS:
        entries = [e for e in CORPUS if e["kind"] == kind]
        assert len(entries) >= 20, kind
        # good and bad examples: at least one entry passing all its checks, at least one failing some
        assert any(all(_expected(e).values()) for e in entries), kind
        assert any(not all(_expected(e).values()) for e in entries), kind
    for e in CORPUS:
        unknown = set(e.get("fails", ())) | set(e.get("expect", {})) - set(CHECK_IDS[e["kind"]])
        assert not unknown - set(CHECK_IDS[e["kind"]]), f"{e['id']} names checks its kind lacks: {unknown}"
        assert e["interview"] is None or e["interview"] in INTERVIEWS
    assert len(TUNING["note_groups"]) >= 8


#: Labels of the tuning part the checks knowingly disagree with, and why.  The test fails if one of these
#: starts to agree (remove it here) or if any other label disagrees.
KNOWN_DISAGREEMENTS = {
    # Round 9 settled four labelling standards the labellers had split on, each the way every blind
    # labeller (rounds 6-9) and the learner-facing advice read it; the earlier labels were relabelled
    # (each entry's note says so) and their entries here dropped:
    # - sarcastic thanks still thanks them (thanks_them passes; the tone check carries the sarcasm);
    # - a calm closed question next to a demand still counts (asks_one_question; the demand is flagged);
    # - the feedback question's own "stronger"/"better" is not development framing: it must be said;
    # - asking when the signed paperwork is due asks their deadline; "Dear Hiring Team" on a note about
    #   this interview is the greeting's fault, not a form letter's.
    # round 1 passed a yes followed by a request for the papers; the blind rounds (t262 in round 1 too,
    # t17m096, t17m116) and the check's title ("doesn't accept before seeing it in writing") fail it:
    ("t050", "no_rushed_acceptance"): "“I accept! Please send the written offer so I can sign it”: the yes "
    "comes before the written offer is seen (as t262, t17m096, t17m116)",
    ("t137", "no_rushed_acceptance"): "“Yes, I accept! Please send the paperwork”: the yes comes before the "
    "written offer is seen (as t050)",
    # round 2 batch, labelled before the checker saw it; the checks keep round 1's documented choices:
    ("u050", "accepts_decision"): "“I respect your decision” counts though a threat follows",
    # round 4 batch (tuning12), labelled before the checker saw it; where its labeller judged otherwise
    # than rounds 1-3 (t028, p017 fail development framing in a message that disputes the decision), the
    # checks keep the earlier rounds' choice:
    ("v004", "asks_one_question"): "after a comparison with the other candidates, an open question reads as "
    "part of it",
    ("v024", "frames_development"): "“Clearly my ten years weren't what you were after, fair enough”: not "
    "accepted, so “what would have made my application stronger?” reads as a challenge",
    ("v031", "frames_development"): "“I was the only one who has worked a ward”: disputed and not accepted",
    ("m031", "asks_in_writing"): "“before I look at anything in writing” names writing without asking for "
    "it; the check reads the words, not who is to write",
    ("o006", "greets_by_name"): "“Chloe” for “Chloé” is pointed out in an opener too: the learner writes the "
    "script down, and the accent test (test_misspelled_accented_name_is_pointed_out) keeps that choice",
    # round 5 batch (tuning16), labelled before the checker ran; round 5 changed only tone (the learned
    # signal), so its misses on other checks are listed for the next round rather than patched:
    # round 6 batch (tuning17, written blind), measured before the checks changed for it; where its
    # labeller judged otherwise than earlier rounds, the checks keep the earlier choice:
    ("t17m081", "not_argumentative"): "“Is there any chance you'd reconsider?” asks them to reverse the "
    "decision, which earlier rounds count as arguing (v025 failed acceptance for the same plea)",
    # round 7 batch (tuning18, written blind), measured before the checks changed for it; where its
    # labeller judged otherwise than earlier rounds, the checks keep the earlier choice:
    ("t18m002", "courteous_tone"): "the learned tone model picks “thinking about it on the bus home” in a "
    "warm note; left to the model's next retraining rather than a phrase for one message",
    ("t18m030", "states_purpose"): "“I just wanted to touch base” is counted as a purpose, as earlier "
    "rounds labelled it (t0xx openers); this labeller calls it vague",
    ("t18m033", "states_purpose"): "“I need an answer today. So, did I get the job or not?”: the purpose "
    "said as a demand is not counted (as v001)",
    ("t18m033", "asks_one_question"): "“did I get the job or not?” is the issue's pattern-2 example of a "
    "question that does not count",
    ("t18m053", "asks_one_question"): "“Did I get it or not?” (the issue's pattern 2), as t18m033",
    # round 8 batch (tuning19, written blind), measured before the checks changed for it; where its
    # labeller judged otherwise than earlier rounds, the checks keep the earlier choice:
    ("t19m010", "not_form_letter"): "“I enjoyed our conversation and learning more about the Trust”: nothing "
    "only these two discussed, which earlier rounds call a form letter (the labeller failed only the "
    "talking point)",
    ("t19m029", "not_form_letter"): "“great to learn about the team and the bakery” would fit any interview "
    "there (as t19m010)",
    ("t19m012", "restates_interest"): "“Please, I really need this job… I don't know what I'll do if it's a "
    "no” is need, not interest; the tone check flags it",
    ("t19m035", "asks_one_question"): "“did I get the job or not?” is the issue's pattern-2 example (as "
    "t18m033)",
    ("t19m041", "asks_one_question"): "“please tell me there's still a chance?” is a plea, not a prepared "
    "question",
    ("t19m046", "asks_one_question"): "“Why haven't I heard anything?” is the issue's example of a "
    "complaint, not a question",
    ("t19m076", "accepts_decision"): "“Keep me in mind…, I suppose” after sarcasm about the winner: no line "
    "accepts the decision",
    ("t19m097", "accepts_decision"): "“Fine, whatever, your call” is a shrug, read as sarcasm, so it does "
    "not count as accepting (a disputing tone cancels acceptance, as u050's rule)",
    # round 9 batches (tuning20, tuning21, written blind), measured before the checks changed for them;
    # where their labellers judged otherwise than earlier rounds, the checks keep the earlier choice:
    ("t20m097", "not_argumentative"): "“I hope you might reconsider” asks them to reverse the decision (as "
    "t17m081)",
    ("t21m078", "not_argumentative"): "asking what the successful candidate offered that you didn't: the "
    "sources disagree and the workbook shows its choice, not to ask it (as t18m077)",
    # round 10 batches (tuning22, tuning23, written blind), measured before the checks changed for them;
    # where their labellers judged otherwise than earlier rounds, the checks keep the earlier choice:
    ("t22m027", "asks_one_question"): "“So, did I get the job?” is the issue's pattern-2 example (as "
    "t18m033)",
    ("t22m027", "states_purpose"): "“I need to know today whether I've got it”: the purpose said as a demand "
    "is not counted (as t18m033; the blind labellers of t17m031, t19m035, t19m052 and t23m026 agree)",
    ("t22m038", "states_purpose"): "“I'd like an answer today, please” is the demand, not the purpose (as "
    "t22m027)",
    ("t23m007", "restates_interest"): "“this job would mean everything to me… I really need this one” is "
    "need, not interest (as t19m012); the tone check flags it",
    ("t23m090", "not_argumentative"): "asking what the successful candidate had that you didn't (as t21m078)",
    # round 11 batches (tuning24, tuning25, written blind), measured before the checks changed for them;
    # where their labellers judged otherwise than earlier rounds, the checks keep the earlier choice:
    ("t24m003", "not_form_letter"): "“learn how the team is working together… I can grow a lot” names "
    "nothing of this interview, yet the labeller passed it (t24m003's own twin batch failed it)",
    ("t25m006", "not_form_letter"): "“your company has good culture” would fit any interview (as t19m010); "
    "the labeller failed only the talking point",
    ("t25m019", "not_form_letter"): "“I appreciated learning about Flintwick” would fit any interview there "
    "(as t19m029)",
    ("t25m022", "not_form_letter"): "“Hi there… I'm really excited about the job”: nothing of this interview "
    "(as t19m010)",
    ("t24m028", "states_purpose"): "“I'm calling because I need an answer today”: the purpose said as a "
    "demand (as t22m027)",
    ("t24m051", "states_purpose"): "“please call me back today, I really need to know” (as t22m027)",
    ("t25m041", "asks_one_question"): "after “honestly that's not acceptable”, an open “When will they "
    "decide?” reads as the complaint going on (as v004)",
    ("t24m042", "asks_one_question"): "“I do think I was the strongest person you saw, so I'd expect this to "
    "be quick; when will you confirm?”: the question is the claim's end (as t22m059)",
    ("t24m048", "repeats_name"): "the name said once, at the end, is not repeated; the labeller of t22's "
    "twin voicemail failed both checks",
    ("t24m062", "repeats_name"): "as t24m048",
    ("t24m059", "no_pressure"): "“I'll try you again later in the week”: the workbook's rule is one call and "
    "no more (evidence pack §3 B)",
    ("t24m082", "asks_specific_questions"): "“I'd like a full written breakdown of my scores by Friday” is a "
    "demand, not a question",
    ("t24m098", "accepts_decision"): "“I think the panel missed what I'd bring”: no line accepts the "
    "decision",
    ("t25m007", "restates_interest"): "“I really, really need this job” is need, not interest (as t19m012)",
    ("t25m017", "restates_interest"): "“I'll need your answer by Friday, otherwise I'll assume you're not "
    "interested” restates no interest of the writer's",
    ("t25m030", "names_role_and_date"): "the batch logs the interview on 29 September 2026, a Tuesday, and "
    "the opener says Monday: pointing out the wrong weekday is the check's job",
    ("t25m052", "names_role_and_date"): "as t25m030",
    # round 12: "why wasn't I chosen?" as the one specific question: blind labellers split (these pass it;
    # h7's and t26's writers, t26m066, fail it), and the check keeps "why not me?" out, with the evidence
    # pack ("Avoid “why not me?”")
    ("t17m074", "asks_specific_questions"): "“Could you explain why you went with someone less qualified?” "
    "is “why not me?” (as t26m066 fails it)",
    ("t17m090", "asks_specific_questions"): "“I'd really like to know why it wasn't me: what did the other "
    "person have…?” opens on “why not me?”",
    ("t18m087", "asks_specific_questions"): "“could you explain why my references weren't taken up?”: a why "
    "that argues the process",
    ("t20m073", "asks_specific_questions"): "“could you tell me why I wasn't chosen when I clearly had…”: "
    "“why not me?” (as t26m066)",
    ("t22m081", "asks_specific_questions"): "“I'd like to know what possible reason you had” asks for a "
    "reason, not a specific point",
    ("t25m087", "asks_specific_questions"): "“I need your feedback by Friday please”: a demand, not a "
    "question",
    ("t26m057", "says_who_you_are"): "the name only at the end of a voicemail: the check's choice (say it "
    "right after the greeting); the labeller marks it borderline",
    # round 13 (tuning28, tuning29, written blind), where the labeller read otherwise than earlier rounds
    # or than the check's stated choice:
    ("t28m011", "restates_interest"): "“sounds like an amazing step” praises their plan; with “I really, "
    "really need this job” it is need, not interest (as t25m007)",
    ("t28m014", "restates_interest"): "“I believe my skills make me a strong fit, and I look forward to "
    "hearing from you”: a claim and a courtesy, not wanting the job (the check's choice; t28's own "
    "labeller fails “look forward to hearing from you” elsewhere)",
    ("t29m006", "restates_interest"): "a plea (“Please, please give me this chance”) is need, not interest "
    "(as t25m007)",
    ("t28m075", "not_argumentative"): "“I can't accept this” refuses the decision, which the check counts "
    "as arguing (t29m077's labeller fails both; t28's calls it borderline)",
    ("t28m112", "builds_rapport"): "confirming the start date alone: t29's labeller passes it, t28's fails "
    "it; the check follows the evidence pack's either/or reading",
    ("t29m042", "states_purpose"): "“I'm calling about my application. So did I get the job?”: rounds 6, "
    "8 and 10 fail the purpose, rounds 12 and 13 pass it; the check keeps the earlier, larger reading",
    ("t29m066", "asks_specific_questions"): "after “Why wasn't I chosen?”, “I'd like to understand what "
    "could possibly have been better about them” is read as the comparison question (sources disagree)",
    ("t29m077", "asks_specific_questions"): "“Could you tell me why the other candidate was preferred?” is "
    "“why not me?” (as t26m066)",
    ("t29m090", "accepts_decision"): "“I'm disappointed.” alone: earlier blind rounds pass disappointment as "
    "the accepting line (w022, t18m067, t24m084 …); removing it lost six",
    # round 14 (tuning30, tuning31, written blind), where the labeller read otherwise than earlier rounds
    # or than the check's stated choice:
    ("t30m009", "asks_one_question"): "“Just ringing to check in on how things are going with the role” "
    "asks indirectly (as “I'd love to hear how the process is going”); the labeller counts only the “did I "
    "get it?” after it, which the tone check flags",
    ("t30m017", "states_purpose"): "“You said you'd decide by the 27th … so I'm a bit surprised nobody has "
    "rung me”: a reproach, no purpose said (t31's labeller fails t31m094, which says none either)",
    ("t30m060", "says_who_you_are"): "the name only at the end of a voicemail (as t26m057); the labeller "
    "calls it borderline",
    ("t30m069", "accepts_decision"): "“I have to ask, though - why not me?”: no line accepts the decision "
    "(as t24m098)",
    ("t30m069", "asks_specific_questions"): "three questions, “why not me?” among them: the check counts "
    "every question (the guide: one or two)",
    ("t30m077", "asks_specific_questions"): "“whether there was anything else … I should focus on” asks "
    "for anything, not one point",
    ("t30m084", "accepts_decision"): "“I understand, although … the whiteboard question was unfair”: the "
    "acceptance is taken back (h9's labeller fails the same shape)",
    ("t31m008", "asks_specific_questions"): "“I'd like to know why I wasn't chosen” is “why not me?” (as "
    "t26m066)",
    ("t31m035", "states_purpose"): "“I've been waiting over two weeks now and nobody's called me”: the "
    "purpose said as a reproach is not counted (as t22m027)",
    # round 15 (tuning32, tuning33): the learned presence signal no longer ships for states_purpose (with
    # round 15's look-alikes it lost catches: "You said I was welcome to ring, so I'm ringing!"); these
    # purposes said only as a demand, a plea or a reproach are the check's stated choice (as t22m027):
    ("t18m040", "states_purpose"): "“I'm calling because you promised feedback within a week and it's been "
    "two”: the purpose said as a reproach (as t22m027)",
    ("t18m056", "states_purpose"): "“Any chance of an update this century?”: sarcasm, not a stated purpose",
    ("t21m007", "states_purpose"): "“I really, really need this job and I haven't slept”: a plea, no "
    "purpose said (as t22m027)",
    ("t25m032", "states_purpose"): "“I'm calling because I've been so anxious … I really need some news”: "
    "the purpose said as a plea (as t22m027)",
    ("t25m041", "states_purpose"): "“I need an answer by tomorrow or I'm withdrawing” (as t22m027)",
    ("t29m025", "states_purpose"): "“the sixteenth has come and gone … I need an answer today”: a demand "
    "(as t22m027)",
    ("t29m028", "states_purpose"): "“I just really really need to know, I can't sleep”: a plea (as t22m027)",
    ("t29m048", "states_purpose"): "“Please call me back, I'm begging you”: a plea (as t22m027)",
    ("t29m052", "states_purpose"): "“frankly that's not acceptable. I expect a call back today”: a demand "
    "(as t22m027)",
    ("t31m059", "states_purpose"): "“clearly too busy to ring people back, so I thought I'd save you the "
    "trouble”: a reproach, no purpose said (t31's own labeller fails t31m094, which says none either)",
    ("t31m066", "states_purpose"): "“I guess my last two messages got lost … so here's a third”: a "
    "reproach, no purpose said",
    ("t33m027", "states_purpose"): "“I'm calling because it's been nearly two weeks and I really need an "
    "answer today”: a demand (as t22m027)",
    ("t32m004", "restates_interest"): "“I'd really love to be on the list for the handheld beta”: “I'd "
    "love” counts wherever it points (the check's choice; narrowing it lost more than it gained)",
    ("t32m007", "not_form_letter"): "“you all seem like a lovely bunch and i reckon i'd slot right in”: "
    "generic, but it names the role and the day, which the check takes as written for this interview",
    ("t32m019", "not_form_letter"): "a fact read on their website stands in for the interview; the check "
    "sees a note naming the role and the day",
    ("t32m008", "mentions_talking_point"): "“plants quietly walking out of the door” is the logged "
    "shrinkage talking point in other words, with no word in common",
    ("t32m014", "courteous_tone"): "“Thanks a bunch”: read as sarcasm by the round-2 rule; this labeller "
    "reads it as casual thanks",
    ("t32m025", "no_pressure"): "as above: the learned tone signal's false alarm",
    ("t32m089", "accepts_decision"): "“I understand that you have a process to follow”: the check counts "
    "“I understand” as the accepting line",
    ("t33m017", "restates_interest"): "“it's exactly the side of the job I enjoy” praises a part of the "
    "job; with “please put me out of my misery soon” the check reads need, not interest",
    ("t33m078", "accepts_decision"): "“I understand, though I really needed this one - please tell me "
    "there's still some chance”: the check counts “I understand”; the plea is the tone check's",
    ("t31m075", "restates_interest"): "“I have wanted to work at Lumenforge since I was fifteen” in the "
    "clause of a plea (“I'm begging you … I don't know what I'll do”) is need, not interest (as t25m007)",
    # round 17 (tuning34, tuning35): a calm closed question after a complaint or a jab now counts, as every
    # blind labeller from round 4 on counted it (v049, t22m059, t32m025, t34m029, t34m041); three early
    # labels had not:
    ("m037", "asks_one_question"): "“Is there any news?” after a jab at the panel's questions: counted "
    "now, as the blind labellers count a calm closed question beside a fault (the tone check flags it)",
    ("j004", "asks_one_question"): "“Is a decision close?” after a jab at the other candidate (as m037)",
    ("z010", "asks_one_question"): "“Has a decision been made?” after “your recruitment process has been a "
    "mess” (as m037)",
    ("t20m062", "no_pressure"): "the learned tone signal, retrained on 35 batches, no longer weighs “what "
    "with all those decisions” enough; no rule holds it",
    ("w022", "frames_development"): "the learned presence signal, refitted on 35 batches, no longer reads "
    "this paraphrase of one's own development as meeting the check",
    ("t34m019", "not_form_letter"): "a needy note with nothing of this interview: the check counts “start "
    "tomorrow … whatever it takes” as specific words; the note fails three other checks",
    ("t34m043", "no_pressure"): "four questions at once (“Should I keep looking?”): asks_one_question flags "
    "the barrage; no tone rule reads a barrage as pressure",
    ("t35m002", "mentions_talking_point"): "“those mugs turning up at customers' doors in pieces” is the "
    "logged “breakage … sent by courier” in words no stem or synonym links",
    ("t35m015", "mentions_talking_point"): "“how a ropeworks gets people under thirty to volunteer” is the "
    "logged “recruiting younger volunteers” in other words (as t35m002)",
    ("t35m003", "not_form_letter"): "a heartfelt note with nothing of this interview: its feeling words "
    "(“listened to so carefully”, “energised”) count as specific; generic notes in fresh words are the "
    "check's weak side",
    ("t35m004", "not_form_letter"): "“candid, a bit of laughter” (as t35m003)",
    ("t35m014", "not_form_letter"): "“genuinely a fun conversation … made me feel really at ease” (as "
    "t35m003)",
    ("t35m008", "restates_interest"): "“I really, really need this job” is need, not interest (as t25m007)",
    ("t35m031", "says_who_you_are"): "“Siobhán, hi, Gary Pell.”: a bare name after the greeting, without "
    "“this is” or “here”, is not read as saying who you are",
    ("t35m040", "states_purpose"): "“any news or whatever?” counts as the purpose; the mumbled opener fails "
    "four other checks",
    ("t35m040", "asks_one_question"): "the mumbled “it's about the job, the technician one?” counts as a "
    "question; the opener fails four other checks",
    ("t35m084", "asks_specific_questions"): "“Please, what went wrong?” is specific by the round-12 standard "
    "(“what went wrong” counts); the plea is the tone check's",
    # round 18 (tuning36, tuning37): the learned presence signal, refitted on 37 batches, is now shipped
    # for frames_development only at 0.9 sure (cross-validation's choice), so it no longer rescues these
    # paraphrases of one's own development, which the rule reads as the question's own growth words:
    ("m019", "frames_development"): "“what's the one thing i should work on to be a stronger candidate”: "
    "the question's own “work on” (the round-9 standard); the learned signal passed it before",
    ("x1616", "frames_development"): "“What specifically should I work on?” (as m019)",
    ("t28m091", "frames_development"): "“I'd like to improve, but really, why not me?”: the decision is "
    "disputed, so the framing does not count (the check's stated choice); the learned signal passed it",
    ("t37m076", "frames_development"): "“I want to come out of this a better analyst” in words no rule "
    "holds (as m019)",
    ("t37m084", "frames_development"): "“I keep a small notebook of lessons from each interview” (as "
    "t37m076)",
    ("t37m090", "frames_development"): "“it's the thing I'm working on most” (as t37m076)",
    ("t37m092", "frames_development"): "“one question for my own prep” (as t37m076)",
    # and where the checks keep their stated choices or do not yet read the wording:
    ("t36m029", "states_purpose"): "“calling to find out – did I get it?”: “did I get it” is not the "
    "purpose (as t29m042)",
    ("t36m032", "states_purpose"): "“I'm calling because I've received another offer”: the reason for the "
    "call, which the check does not read as a status check",
    ("t36m050", "states_purpose"): "“please tell me, did i get it or not?” (as t36m029)",
    ("t37m048", "states_purpose"): "“I was told I'd hear by Friday and, well, nobody bothered to ring”: the "
    "purpose said as a reproach is not counted (as t31m035)",
    ("t36m031", "asks_one_question"): "“Where are things at?” after an ultimatum: a blunt open question "
    "after a pressing line does not count (round 14's choice)",
    ("t36m073", "asks_specific_questions"): "“I'd be very grateful for a few lines on where my answers fell "
    "short” is a request the question finder does not read as one",
    ("t36m086", "asks_specific_questions"): "“what the other guy had that i didnt?” is “why not me?” (as "
    "t31m008); its labeller counts it as specific",
    ("t36m091", "asks_specific_questions"): "“I'll need a written breakdown … by Friday” is a demand, not a "
    "question (as t24m082)",
    ("t37m012", "mentions_talking_point"): "the template's “enjoyed learning more about your team” counts as "
    "a moment recalled; the placeholders fail not_form_letter",
    ("t37m074", "accepts_decision"): "“Oh, that's a shame, but thank you for ringing” with the winner "
    "praised: acceptance shown, not said, which the check does not read",
    ("t37m074", "not_argumentative"): "“Whoever you've picked is lucky; I'm sure they'll be great”: read as "
    "sarcasm about the winner; its labeller reads it as meant",
    ("t37m083", "asks_specific_questions"): "“what the successful candidate offered that eleven years … "
    "didn't”: a comparison the check counts as specific (sources disagree); the tone check flags the rest",
    ("t37m089", "asks_specific_questions"): "“what exactly was the deciding factor?” is specific (round 11); "
    "its labeller fails it beside “I can't accept this”",
    # round 19 (tuning38, tuning39): where the checks keep their choices or do not yet read the wording
    ("t23m087", "not_argumentative"): "“I know several of your patients socially, and I'm sure they'd be "
    "curious how hiring works”: a veiled threat no rule holds; the learned signal retrained on 39 batches "
    "no longer weighs it enough",
    ("t24m082", "not_argumentative"): "“I'd like a full written breakdown of my scores by Friday”: the "
    "learned signal, retrained on 39 batches, no longer reads the demand as argumentative",
    ("t38m014", "mentions_talking_point"): "the logged point in plain words (“black spots on the bathroom "
    "ceiling … sending a photo”) that no stem or synonym links (as t35m002)",
    ("t38m028", "says_who_you_are"): "“soy Rodrigo Méndez”: a name said in Spanish is not read",
    ("t38m036", "courteous_tone"): "“Oh great, okay.” at an offer reads as sarcasm to the rule; its "
    "labeller reads it as glad",
    ("t38m039", "not_form_letter"): "a generic note whose warm words count as specific (as t35m003)",
    ("t38m040", "not_form_letter"): "as t38m039",
    ("t38m058", "not_form_letter"): "as t38m039",
    ("t38m076", "not_form_letter"): "as t38m039",
    ("t38m088", "not_form_letter"): "as t38m039",
    ("t38m092", "not_form_letter"): "“our discussion about the challenges facing the team”: a pseudo-"
    "specific line the check reads as specific (as t38m039)",
    ("t38m092", "mentions_talking_point"): "“our discussion about …” counts as a moment recalled when no "
    "talking point is logged to compare (as t37m012)",
    ("t38m083", "asks_specific_questions"): "“What did they have that I didn't?”: a comparison the check "
    "counts as specific (sources disagree, as t37m083); the labeller fails it",
    ("t39m072", "asks_specific_questions"): "as t38m083",
    ("t38m091", "asks_specific_questions"): "“what experience would have put me level with the person you "
    "chose”: a specific question in words the check does not read",
    ("t38m098", "asks_specific_questions"): "“it would help me … to know one thing I could do” asked as a "
    "statement the question finder does not read (as t36m073)",
    ("t39m041", "states_purpose"): "the purpose said only as a demand or reproach is not counted (as "
    "t22m027)",
    ("t39m058", "states_purpose"): "as t39m041",
    ("t39m090", "asks_future_roles"): "“if the successful candidate doesn't take the post, or another role "
    "comes up, I'd be glad to hear from you”: future roles asked in words the check does not read",
}


def test_corpus_labels_match_the_checks() -> None:
    """Every labelled expectation of the tuning part, all mismatches reported at once as a table."""
    rows = []
    known = set()
    for e in CORPUS:
        interview = ENTRY_INTERVIEW[e["id"]]
        feedback = check_message(e["text"], e["kind"], interview)
        got = {c.id: c for c in feedback.items}
        for check_id, expected in _expected(e).items():
            if got[check_id].passed != expected and (e["id"], check_id) in KNOWN_DISAGREEMENTS:
                known.add((e["id"], check_id))
            elif got[check_id].passed != expected:
                rows.append(
                    f"{e['id']} {e['kind']:<19} {check_id:<24} {expected!s:<8} {got[check_id].passed!s:<6}"
                    f" {e.get('note', '')[:40]} | {got[check_id].advice[:70]}"
                )
    header = f"{'id':>4} {'kind':<19} {'check':<24} {'expected':<8} {'got':<6} note | advice"
    assert not rows, f"{len(rows)} mismatches with {TUNING_PATH.name}:\n" + "\n".join([header, *rows])
    assert known == set(KNOWN_DISAGREEMENTS), (
        f"these now agree; drop them: {set(KNOWN_DISAGREEMENTS) - known}"
    )


def test_note_groups_of_the_tuning_part_are_judged_right() -> None:
    for group in TUNING["note_groups"]:
        interview = INTERVIEWS[group["interview"]] if group["interview"] else None
        result = compare_notes(group["notes"], interview=interview)
        assert result.form_letter == group["form_letter"], (group["id"], group["note"], result.pairs)


# -- the held-out part and the benchmark ------------------------------------------------------------


@pytest.mark.parametrize("stem", ["heldout", *(f"heldout{n}" for n in range(2, 19))])
def test_the_held_out_part_is_read_only_by_the_benchmark_and_this_test(stem: str) -> None:
    """Nobody tunes on the held-out messages (either part): no other file in the project names them."""
    allowed = {"benchmarks/bench_messages.py", "tests/test_messages.py"}
    needle = stem + ".json"
    found = set()
    for path in ROOT.rglob("*"):
        rel = path.relative_to(ROOT).as_posix()
        if not path.is_file() or rel.startswith((".git", ".venv", "build/")) or "/." in f"/{rel}":
            continue
        if path.suffix not in {
            ".py",
            ".ipynb",
            ".md",
            ".toml",
            ".cfg",
            ".yml",
            ".yaml",
            ".txt",
            ".json",
            ".js",
        }:
            continue
        if needle in path.read_text(encoding="utf-8", errors="ignore"):
            found.add(rel)
    assert found == {"benchmarks/bench_messages.py"} | (found & allowed), found - allowed
    assert "benchmarks/bench_messages.py" in found


def test_the_held_out_part_is_well_formed() -> None:
    """Its labels name real checks and it covers every kind; its results are only measured, never asserted."""
    bench = _bench()
    data = bench.load("heldout")
    assert len(data["messages"]) >= 90 and len(data["note_groups"]) >= 10
    assert {e["kind"] for e in data["messages"]} == set(MESSAGE_KINDS)
    for e in data["messages"]:
        assert set(bench.expected(e)) == set(CHECK_IDS[e["kind"]]), e["id"]
    assert len(data["messages"]) + len(CORPUS) >= 250


def test_the_second_held_out_part_is_well_formed_and_new() -> None:
    """Round 3's held-out batch: at least 60 messages over every kind, good and bad, with tone faults and
    note groups (a reordered form letter among them), on interviews no tuning batch uses."""
    bench = _bench()
    data = bench.load("heldout" + "2")
    entries = data["messages"]
    assert len(entries) >= 60 and len(data["note_groups"]) >= 5
    assert {e["kind"] for e in entries} == set(MESSAGE_KINDS)
    for e in entries:
        assert set(bench.expected(e)) == set(CHECK_IDS[e["kind"]]), e["id"]
    assert any(not e["fails"] for e in entries) and any(e["fails"] for e in entries)
    assert any(e["tone_fault"] for e in entries)
    assert any("order" in g["note"] and g["form_letter"] for g in data["note_groups"])
    assert not set(data["interviews"]) & set(INTERVIEWS)
    ids = {e["id"] for e in entries} | {e["id"] for e in bench.load("heldout")["messages"]}
    assert not ids & {e["id"] for e in CORPUS}


def _blind_labels_are_well_formed(bench: object, entries: list[dict]) -> None:
    """A blind part covers every kind, good and bad and tone faults, each label a check of its kind, and a
    check left unlabelled (the writer could not call it) only one of the kind's checks."""
    assert {e["kind"] for e in entries} == set(MESSAGE_KINDS)
    for e in entries:
        unscored = set(e.get("unlabelled", ()))
        assert unscored <= set(CHECK_IDS[e["kind"]]) and not unscored & set(e["fails"]), e["id"]
        assert set(bench.expected(e)) == set(CHECK_IDS[e["kind"]]) - unscored, e["id"]
    assert any(e["tone_fault"] for e in entries) and any(not e["fails"] for e in entries)


def test_the_blind_held_out_part_is_well_formed_and_new() -> None:
    """The third held-out batch, written by someone who never saw the checker: at least 90 messages over
    every kind, each label a real check of its kind, a check left unlabelled only when it is one of the
    kind's checks, and interviews and ids no other batch uses."""
    bench = _bench()
    data = bench.load("heldout" + "3")
    entries = data["messages"]
    assert len(entries) >= 90 and len(data["note_groups"]) >= 8
    _blind_labels_are_well_formed(bench, entries)
    companies = {iv.company for iv in data["interviews"].values()}
    for stem in ("heldout", "heldout" + "2"):
        assert not companies & {iv.company for iv in bench.load(stem)["interviews"].values()}, stem
    assert not {e["id"] for e in entries} & {e["id"] for e in CORPUS}


@pytest.mark.parametrize("number", [str(n) for n in range(4, 19)])
def test_the_fourth_to_eighteenth_held_out_parts_are_blind_well_formed_and_new(number: str) -> None:
    """Rounds 6 to 19's held-out batches, each written blind by another writer: at least 100
    messages over every kind, labels and unlabelled checks of the message's kind, and nothing a tuning
    batch holds: no interview (the same interviewer at the same firm), message text or id in common.
    Blind writers did pick a few of the same made-up firm and person names as tuning batches, never
    together."""
    bench = _bench()
    data = bench.load("heldout" + number)
    entries = data["messages"]
    assert len(entries) >= 100 and len(data["note_groups"]) >= 8
    _blind_labels_are_well_formed(bench, entries)

    def held(data: dict) -> tuple[set[tuple[str, str]], set[str]]:
        met = {(iv.company, name) for iv in data["interviews"].values() for name in iv.interviewers}
        return met, {e["text"] for e in data["messages"]}

    ours = held(data)
    for stem in (p for p in bench.PARTS if p.startswith("tuning")):
        theirs = held(bench.load(stem))
        assert not any(a & b for a, b in zip(ours, theirs, strict=True)), stem
    assert not {e["id"] for e in entries} & {e["id"] for e in CORPUS}


def test_the_benchmark_measures_every_figure_on_the_tuning_part() -> None:
    bench = _bench()
    report = bench.run("tuning")
    text = bench.table(report)
    for check_id in {c for ids in CHECK_IDS.values() for c in ids}:
        assert check_id in text
    for kind in MESSAGE_KINDS:
        assert kind in text
    for words in (
        "false alarms",
        "misses",
        "good messages with no false alarm",
        "tone faults flagged",
        "form-letter groups judged right",
        "time per message",
    ):
        assert words in text
    assert report.overall.n == sum(len(_expected(e)) for e in TUNING["messages"])
    assert report.seconds_per_message > 0  # measured; the 5 ms goal is the benchmark's figure, not a test's
    assert "goal time per message" in text
    assert all(met for _, _, met in report.goals().values()), text


# -- acceptance: a weak opener, its rewrite ---------------------------------------------------


def test_weak_opener_gets_at_least_three_specific_sourced_pieces_of_advice() -> None:
    feedback = check_message(WEAK_OPENER, "status_call_opener")
    failed = feedback.failed
    assert len(failed) >= 3
    for check in failed:
        assert check.advice.strip()
        assert _source_is_cited(check.source), check.source
    ids = {c.id for c in failed}
    assert {"no_pressure", "says_who_you_are", "names_role_and_date"} <= ids
    pressure = next(c for c in failed if c.id == "no_pressure")
    assert "did I get the job" in pressure.advice
    assert not feedback.passed


def test_strong_rewrite_passes_everything_within_thirty_seconds() -> None:
    feedback = check_message(STRONG_OPENER, "status_call_opener", NORTHWIND)
    assert feedback.passed, feedback.summary()
    assert feedback.failed == ()
    assert 0 < feedback.speaking_seconds <= MAX_SPOKEN_SECONDS
    assert feedback.target_seconds == MAX_SPOKEN_SECONDS
    assert feedback.score == (len(CHECK_IDS["status_call_opener"]),) * 2
    assert "within the target" in feedback.summary()


def test_speaking_time_is_words_over_rate() -> None:
    text = " ".join(["word"] * 145)
    feedback = check_message(text, "status_call_opener")
    assert feedback.words_per_minute == WORDS_PER_MINUTE
    assert 130 <= feedback.words_per_minute <= 160
    assert feedback.speaking_seconds == pytest.approx(145 / WORDS_PER_MINUTE * 60, abs=0.1)
    over = next(c for c in feedback.items if c.id == "within_time")
    assert not over.passed and "Trim about" in over.advice


def test_words_exclude_punctuation_and_digit_groups_count_separately() -> None:
    assert count_words("Hi, Dana! It's Sam -- call 555-014-2368.") == 8
    assert count_words("🙏 🙏") == 0


# -- checks that need the interview -----------------------------------------------------------


def test_thank_you_must_name_a_point_from_this_interview() -> None:
    right = "Dear Dana, thank you for Friday. The Snowflake migration this summer sounds great."
    wrong = "Dear Dana, thank you for Friday. Your new office in Lyon sounds great."
    good = {c.id: c for c in check_message(right, "thank_you", NORTHWIND).items}
    bad = {c.id: c for c in check_message(wrong, "thank_you", NORTHWIND).items}
    assert good["mentions_talking_point"].passed
    assert "Snowflake migration" in good["mentions_talking_point"].advice
    assert not bad["mentions_talking_point"].passed
    assert "Snowflake migration" in bad["mentions_talking_point"].advice  # suggests a logged point


def test_without_an_interview_the_talking_point_check_asks_to_log_points() -> None:
    feedback = check_message("Dear Dana, thank you for your time.", "thank_you")
    point = next(c for c in feedback.items if c.id == "mentions_talking_point")
    assert not point.passed
    assert "log this interview's talking points" in point.advice


def test_misspelled_accented_name_is_pointed_out() -> None:
    interview = NORTHWIND.replace(interviewers=["Zoë Müller"], contact="Zoë Müller")
    feedback = check_message("Hi Zoe, this is Sam Lee.", "status_call_opener", interview)
    greet = next(c for c in feedback.items if c.id == "greets_by_name")
    assert not greet.passed
    assert "Zoë" in greet.advice and "Zoe" in greet.advice
    assert "Evidence pack §4: common mistakes" in greet.source


def test_your_own_name_is_not_the_interviewer_named() -> None:
    """Sam Lee signing a note (or introducing themself) does not count as naming Lee Chen."""
    unnamed = "Dear Hiring Manager,\n\nThank you for the interview.\n\nSam Lee"
    note = check_message(unnamed, "thank_you", NORTHWIND)
    call = check_message("Hi, did I get the job? This is Sam Lee.", "status_call_opener", NORTHWIND)
    to_lee = check_message("Hi Lee,\n\nThank you for Friday.\n\nSam Lee", "thank_you", NORTHWIND)
    assert not next(c for c in note.items if c.id == "names_interviewer").passed
    assert not next(c for c in call.items if c.id == "greets_by_name").passed
    assert next(c for c in to_lee.items if c.id == "names_interviewer").passed


def test_forgotten_point_is_optional_but_the_advice_says_which_case() -> None:
    with_it = check_message("Thank you, Dana. In my nervousness, I forgot to share my SQL work.", "thank_you")
    without = check_message("Thank you, Dana.", "thank_you")
    a = next(c for c in with_it.items if c.id == "adds_forgotten_point")
    b = next(c for c in without.items if c.id == "adds_forgotten_point")
    assert a.passed and b.passed
    assert a.advice != b.advice and b.advice.startswith("Optional")


# -- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\t  ", None, 42])
def test_empty_or_non_text_is_refused_with_a_clear_message(text: object) -> None:
    with pytest.raises(ValidationError) as error:
        check_message(text, "thank_you")  # type: ignore[arg-type]
    assert error.value.field == "text"
    assert "a message to check" in str(error.value)


def test_huge_text_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        check_message("word " * (MAX_TEXT // 5 + 1), "thank_you")
    assert error.value.field == "text"
    assert "5,000 characters" in str(error.value)


def test_unknown_kind_is_refused_naming_the_kinds() -> None:
    with pytest.raises(ValidationError) as error:
        check_message("Hi Dana", "cover_letter")
    assert error.value.field == "kind"
    assert all(kind in str(error.value) for kind in MESSAGE_KINDS)
    assert check_message("Hi Dana", "Status call opener").kind == "status_call_opener"


def test_interview_must_be_an_interview() -> None:
    with pytest.raises(ValidationError) as error:
        check_message("Hi Dana", "thank_you", {"company": "x"})  # type: ignore[arg-type]
    assert error.value.field == "interview"


@pytest.mark.parametrize("kind", MESSAGE_KINDS)
@pytest.mark.parametrize("text", ["🙏🙂👍", '=HYPERLINK("http://x")', "<script>alert(1)</script>", "?!?!?!"])
def test_odd_text_gets_feedback_not_a_crash(kind: str, text: str) -> None:
    feedback = check_message(text, kind)
    assert [c.id for c in feedback.items] == list(CHECK_IDS[kind])
    assert feedback.failed, "odd text should not pass every check"
    assert all(c.advice for c in feedback.failed)
    assert feedback._repr_html_() and feedback.summary()


@settings(max_examples=150, deadline=None)
@given(text=st.text(min_size=1, max_size=400).filter(str.strip), kind=st.sampled_from(MESSAGE_KINDS))
def test_any_text_gets_feedback_with_every_check_and_escaped_html(text: str, kind: str) -> None:
    feedback = check_message(text, kind, NORTHWIND)
    assert [c.id for c in feedback.items] == list(CHECK_IDS[kind])
    assert feedback.speaking_seconds >= 0
    page = feedback._repr_html_()
    assert html.escape(feedback.text) in page  # the draft is shown escaped, never as markup
    assert feedback.summary().endswith("checks met.")


# -- rendering -------------------------------------------------------------------------------


def test_html_escapes_user_text_and_shows_insights_before_the_count() -> None:
    feedback = check_message("<script>alert('x')</script> Hi <b>Dana</b>", "thank_you")
    page = feedback._repr_html_()
    assert "<script>" not in page and "<b>Dana" not in page
    assert "&lt;script&gt;" in page
    assert page.index("To change") < page.index("checks met")
    assert "✗" in page and "(to change)" in page  # a mark and words, not colour alone
    assert "Source: " in page and "seconds" in page


def test_summary_lists_fixes_first_with_sources() -> None:
    text = check_message(WEAK_OPENER, "status_call_opener").summary()
    lines = text.splitlines()
    assert lines[1].startswith("Revise these three things first")
    assert lines[2] == "Top priorities:" and lines[3].startswith("  1. Avoids pressure and neediness")
    assert lines.index("Details:") < lines.index("To change:")
    assert "Evidence pack §3 B" in text and text.rstrip().endswith("checks met.")


def test_every_check_has_a_label_and_known_sources() -> None:
    for kind in MESSAGE_KINDS:
        feedback = check_message(STRONG_OPENER, kind, NORTHWIND)
        for check in feedback.items:
            assert isinstance(check, Check)
            assert check.label == LABELS[check.id]
            assert check.source_ids and all(i in SOURCES for i in check.source_ids)


def test_fillers_found_in_order_with_like_only_as_a_filler() -> None:
    found = find_fillers("Um, I just, like, wanted to, you know, ask. I would like to know what kind of job.")
    assert found == ("um", "just", "like", "you know")
    text = "Hi Dana, um, this is, um, Sam. I basically just wanted to check in."
    feedback = check_message(text, "voicemail")
    assert feedback.filler_words == ("um", "um", "basically", "just")
    assert "“um” ×2" in feedback.summary()


def test_public_names_are_exported_lazily() -> None:
    assert followup_kit.check_message is check_message
    assert followup_kit.Feedback is Feedback
    assert followup_kit.compare_notes is compare_notes
    assert messages.MESSAGE_KINDS == MESSAGE_KINDS


# -- compare_notes ----------------------------------------------------------------------------

TEMPLATE = (
    "Dear {name},\n\nThank you for taking the time to meet with me on Friday about the Data Analyst "
    "role. I enjoyed learning more about Northwind Traders and I am confident my skills would be a great "
    "fit for the team. I look forward to hearing from you.\n\nBest regards,\nSam Lee"
)
PERSONAL = {
    "Dana Reyes": (
        "Dear Dana,\n\nThank you for meeting me on Friday. Your plan for the Snowflake migration this "
        "summer is exactly the kind of project I led at Fabrikam, and I'd love to help it land on time."
        "\n\nBest regards,\nSam Lee"
    ),
    "Lee Chen": (
        "Hi Lee,\n\nThanks for your sharp question about my churn dashboard. In my nervousness I forgot to "
        "mention that it now refreshes automatically every Monday, which saved our analysts a day a week."
        "\n\nBest regards,\nSam Lee"
    ),
}


def test_near_identical_notes_are_a_form_letter_with_shared_text_shown() -> None:
    result = compare_notes(
        {"Dana Reyes": TEMPLATE.format(name="Dana"), "Lee Chen": TEMPLATE.format(name="Lee")},
        interview=NORTHWIND,
    )
    assert result.form_letter
    name_a, name_b, similarity = result.pairs[0]
    assert {name_a, name_b} == {"Dana Reyes", "Lee Chen"} and similarity > 0.9
    assert "Thank you for taking the time to meet with me" in result.shared
    assert any("discussed with that interviewer" in s for s in result.suggestions)
    assert any("Snowflake migration" in s for s in result.suggestions)
    assert "Krautzel, Are You Making These Follow-Up Mistakes? (seed 001)" in result.source
    assert "form letter" in result.summary()


def test_personal_notes_are_not_a_form_letter() -> None:
    result = compare_notes(PERSONAL)
    assert not result.form_letter
    assert result.pairs[0][2] < 0.6
    assert result.suggestions == ()
    assert "personal" in result.summary()


SHARED_COURTESY = {
    "Dana Reyes": (
        "Dear Dana,\n\nThank you for taking the time to meet with me on Friday. Your plan for the Snowflake "
        "migration this summer is exactly the kind of project I led at Fabrikam. I'm excited about the "
        "Data Analyst role.\n\nBest regards,\nSam Lee"
    ),
    "Lee Chen": (
        "Dear Lee,\n\nThank you for taking the time to meet with me on Friday. Your question about my churn "
        "dashboard stayed with me: it now refreshes automatically every Monday. I'm excited about the "
        "Data Analyst role.\n\nBest regards,\nSam Lee"
    ),
}


def test_the_threshold_separates_shared_courtesy_lines_from_a_swapped_sentence() -> None:
    courtesy = compare_notes(SHARED_COURTESY)
    assert not courtesy.form_letter, courtesy.summary()
    swapped = {
        name: TEMPLATE.format(name=name.split()[0]).replace(
            "I enjoyed learning more about Northwind Traders", specific
        )
        for name, specific in (
            ("Dana Reyes", "Your plan for the Snowflake migration is exactly what I led at Fabrikam"),
            ("Lee Chen", "Your question about my churn dashboard made me think about automating it"),
        )
    }
    result = compare_notes(swapped)
    assert result.form_letter, result.summary()
    assert "I look forward to hearing from you." in result.shared
    assert compare_notes(swapped, threshold=0.9).form_letter is False


def test_a_list_of_notes_is_named_by_position_and_missing_names_are_suggested() -> None:
    result = compare_notes([TEMPLATE.format(name="Dana"), TEMPLATE.format(name="Dana")])
    assert result.names == ("note 1", "note 2")
    assert result.pairs[0][2] == 1.0
    to_dana = TEMPLATE.format(name="Dana")
    named = compare_notes({"Lee Chen": to_dana, "Dana Reyes": to_dana})
    assert "Greet Lee Chen by name in their note (it greets Dana)." in named.suggestions
    assert not any("Dana Reyes" in s for s in named.suggestions)


def test_compare_notes_html_escapes_and_uses_a_captioned_table() -> None:
    note = "<script>hi</script> " * 5
    page = compare_notes({"<b>X</b>": note, "Y": note})._repr_html_()
    assert "<script>" not in page and "<b>X" not in page
    assert "<caption>" in page and "scope='col'" in page and "✗" in page


@pytest.mark.parametrize(
    ("notes", "threshold", "field"),
    [
        ("one note as a string", 0.6, "notes"),
        (["only one"], 0.6, "notes"),
        (["a note", "   "], 0.6, "note for note 2"),
        (["a", "b"], 0.0, "threshold"),
        (["a", "b"], 1.5, "threshold"),
        (["a", "b"], True, "threshold"),
    ],
)
def test_compare_notes_refuses_bad_input(notes: object, threshold: object, field: str) -> None:
    with pytest.raises(ValidationError) as error:
        compare_notes(notes, threshold=threshold)  # type: ignore[arg-type]
    assert error.value.field == field


def test_the_timing_sentence_is_singular_for_one_second_and_one_word():
    assert check_message("Hello", "thank_you").timing() == (
        "About 0 seconds to say aloud (1 word at 145 words per minute)."
    )
    assert (
        check_message("Hi Dana", "voicemail")
        .timing()
        .startswith(
            "About 1 second to say aloud (2 words at 145 words per minute); target: 30 seconds or less"
        )
    )


# -- issue 11: each failure pattern gets the feedback a coach would give ------------------------------
# The interviews are the ones notebooks 04 (a thank-you to two interviewers), 05 (no_news_week) and
# 06 (rejected) use.

SCENARIOS = load_scenarios()
CALL = SCENARIOS["no_news_week"].interview  # notebook 05: Dana Whitfield, Data Analyst, Tuesday 3 March
REJECTED = SCENARIOS["rejected"].interview  # notebook 06: Tom Becker, Riverside Books
#: A status call's opening up to its question, for tests of the question alone.
_FOLLOWING_UP = "Hi Sam, this is Alex Lee. I interviewed for the analyst role on Tuesday. Following up. "


def _checks(text: str, kind: str, interview: Interview | None = None) -> dict[str, Check]:
    return {c.id: c for c in check_message(text, kind, interview).items}


def test_sarcastic_thanks_is_not_praised_as_warm() -> None:
    got = _checks("Thanks for nothing, really.", "feedback_request", REJECTED)
    assert not got["thanks_them"].passed and "warm tone" not in got["thanks_them"].advice
    assert "sarcastic" in got["thanks_them"].advice
    assert not got["not_argumentative"].passed and "sarcasm" in got["not_argumentative"].advice


def test_negated_acceptance_is_not_acceptance() -> None:
    got = _checks(
        "Thank you for letting me know, Tom, but I can't accept this. What would have made me stronger?",
        "feedback_request",
        REJECTED,
    )
    assert not got["accepts_decision"].passed
    assert "I understand your decision" in got["accepts_decision"].advice
    assert not got["not_argumentative"].passed


def test_neediness_is_not_called_calm() -> None:
    text = (
        "Hi Dana, this is Sam Rivera. I interviewed for the Data Analyst role last Tuesday. "
        "Please don't keep me waiting, I need this job."
    )
    got = _checks(text, "status_call_opener", CALL)
    assert not got["no_pressure"].passed
    assert "Calm" not in got["no_pressure"].advice and "neediness" in got["no_pressure"].advice


@pytest.mark.parametrize(
    "question",
    ["How's your day going?", "Hi, um, Dana?", "So did I get it?"],
)
def test_a_question_mark_alone_is_not_a_prepared_question(question: str) -> None:
    text = f"Hi Dana, this is Sam Rivera. I interviewed for the Data Analyst role last Tuesday. {question}"
    if question.startswith("Hi,"):
        text = f"{question} This is Sam Rivera. I interviewed for the Data Analyst role last Tuesday."
    got = _checks(text, "status_call_opener", CALL)
    assert not got["asks_one_question"].passed, got["asks_one_question"].advice
    assert "Is a decision close?" in got["asks_one_question"].advice
    if "get it" in question:
        assert not got["no_pressure"].passed and "did I get" in got["no_pressure"].advice


@pytest.mark.parametrize(
    "question",
    [
        "I wondered whether you're close to a decision.",
        "Is there anything else I can send you?",
        "Could you tell me if there's anything else you need from me?",
    ],
)
def test_questions_are_recognised_by_their_structure(question: str) -> None:
    text = (
        "Hi Dana, this is Sam Rivera. I interviewed for the Data Analyst role last Tuesday and I'm "
        f"checking in on the status. {question}"
    )
    feedback = check_message(text, "status_call_opener", CALL)
    assert feedback.passed, feedback.summary()


def test_paraphrased_purpose_lower_case_greeting_and_name_are_seen() -> None:
    text = (
        "hi dana, it's sam rivera. i interviewed for the data analyst job last tuesday and i'm "
        "ringing about the decision. is a decision close?"
    )
    got = _checks(text, "status_call_opener", CALL)
    for check_id in ("greets_by_name", "says_who_you_are", "states_purpose", "asks_one_question"):
        assert got[check_id].passed, (check_id, got[check_id].advice)


def test_keep_me_in_mind_for_the_next_opening_asks_about_future_roles() -> None:
    text = (
        "Thank you, Tom. I understand your decision. To improve, what one thing would have made my "
        "newsletter pitch stronger? Please keep me in mind for the next opening."
    )
    feedback = check_message(text, "feedback_request", REJECTED)
    assert feedback.passed, feedback.summary()


def test_a_note_answering_one_interviewers_question_is_not_offered_the_other_ones_point() -> None:
    answered = (
        "Dear Lee,\n\nThank you for Friday's interview for the Data Analyst role. You asked about my churn "
        "dashboard: I've since added a weekly cohort view. I'm really keen to join the team.\n\nSam"
    )
    assert check_message(answered, "thank_you", NORTHWIND).passed
    silent = "Dear Lee,\n\nThank you for Friday's interview for the Data Analyst role. I'm keen.\n\nSam"
    point = _checks(silent, "thank_you", NORTHWIND)["mentions_talking_point"]
    assert not point.passed and "Lee's question about my churn dashboard" in point.advice


def test_the_decision_date_they_gave_is_not_a_reproach() -> None:
    text = (
        "Hi Dana, this is Sam Rivera calling about the Data Analyst role I interviewed for last Tuesday. "
        "You mentioned hoping to decide by the 10th, so I'm checking in on the status. "
        "Is there anything else I can provide?"
    )
    feedback = check_message(text, "status_call_opener", CALL)
    assert feedback.passed, feedback.summary()


def test_self_criticism_is_not_arguing() -> None:
    text = (
        "Thanks for letting me know, Tom. I understand. I should have said more about the author-events "
        "newsletter, I think. To improve, which answer would you have liked more detail on? "
        "Please consider me for future roles."
    )
    feedback = check_message(text, "feedback_request", REJECTED)
    assert feedback.passed, feedback.summary()


def test_developer_in_a_job_title_is_not_framing_it_as_development() -> None:
    text = (
        "Thank you for letting me know, Tom. I understand your decision. Could you share the main skill "
        "you'd expect from a Software Developer here? I'd be glad to be considered for future roles."
    )
    got = _checks(text, "feedback_request", REJECTED)
    assert not got["frames_development"].passed
    assert "so I can improve" in got["frames_development"].advice


def test_a_139_word_note_is_concise() -> None:
    text = next(e["text"] for e in CORPUS if e["style"] == "issue: 139-word note")
    assert count_words(text) == 139
    concise = _checks(text, "thank_you", NORTHWIND)["concise"]
    assert concise.passed and "aim for" not in concise.advice
    long = _checks(text + (" More detail." * 40), "thank_you", NORTHWIND)["concise"]
    assert not long.passed and "aim for 200 or fewer" in long.advice


def test_form_letters_in_fresh_words_are_caught() -> None:
    generic = "hey dana, thanks for the chat friday, was great meeting you. hope to hear back soon! sam"
    casual = _checks(generic, "thank_you", NORTHWIND)
    assert not casual["not_form_letter"].passed and "fit any interview" in casual["not_form_letter"].advice
    other = (
        "Dear Dana,\n\nThank you for meeting me on Friday about the Data Analyst role. The Snowflake "
        "migration planned for the summer sounds like a great project. I'm very excited about joining "
        "Contoso.\n\nBest,\nSam Lee"
    )
    firm = _checks(other, "thank_you", NORTHWIND)["not_form_letter"]
    assert not firm.passed and "Contoso" in firm.advice and "Northwind Traders" in firm.advice
    reyez = other.replace("Dear Dana", "Dear Dana Reyez").replace("Contoso", "Northwind")
    misspelt = _checks(reyez, "thank_you", NORTHWIND)["names_interviewer"]
    assert not misspelt.passed and "“Reyes”, not “Reyez”" in misspelt.advice


def test_reordered_sentences_are_still_one_form_letter() -> None:
    sentences = [
        "Thank you for meeting me on Friday about the Data Analyst role.",
        "I enjoyed hearing about your team's plans.",
        "I'm very excited about joining Northwind.",
        "Please let me know if I can send anything else.",
    ]
    notes = {
        "Dana Reyes": "Dear Dana,\n\n" + " ".join(sentences) + "\n\nBest,\nSam",
        "Lee Chen": "Dear Lee,\n\n" + " ".join(reversed(sentences)) + "\n\nBest,\nSam",
    }
    result = compare_notes(notes)
    assert result.form_letter, result.summary()
    assert "I enjoyed hearing about your team's plans." in result.shared
    assert not compare_notes(PERSONAL).form_letter


# -- the verdict and the priorities come first -------------------------------------------------------


def test_a_good_draft_is_ready_to_send_and_has_no_priorities() -> None:
    feedback = check_message(STRONG_OPENER, "status_call_opener", NORTHWIND)
    assert feedback.verdict.startswith("Ready to say") and feedback.priorities == ()
    note = check_message(TEMPLATE.format(name="Dana"), "thank_you")
    assert note.verdict.startswith("Revise")
    good = next(e for e in CORPUS if e["style"] == "UK model" and e["kind"] == "thank_you")
    ready = check_message(good["text"], "thank_you", ENTRY_INTERVIEW[good["id"]])
    assert ready.verdict == "Ready to send: every check is met."


def test_priorities_put_tone_first_and_the_page_shows_verdict_priorities_then_details() -> None:
    feedback = check_message(WEAK_OPENER, "status_call_opener")
    assert len(feedback.priorities) == 3 and feedback.priorities[0].id == "no_pressure"
    assert feedback.verdict.startswith("Revise these three things first")
    assert f"({len(feedback.failed) - 3} smaller points below)" in feedback.verdict
    page = feedback._repr_html_()
    assert page.index(html.escape(feedback.verdict)) < page.index("Top priorities") < page.index("Details")
    assert page.index("Details") < page.index("To change")
    no_question = STRONG_OPENER.replace(
        "Is there anything else I can provide to help with your decision?", ""
    )
    one = check_message(no_question, "status_call_opener", NORTHWIND)
    assert one.verdict == "Revise this one thing first."


def test_failed_advice_never_asks_for_what_the_draft_already_says() -> None:
    """Across the tuning corpus: a failed check never suggests, as the fix, words the draft already has."""
    for e in CORPUS:
        interview = ENTRY_INTERVIEW[e["id"]]
        feedback = check_message(e["text"], e["kind"], interview)
        for check in feedback.failed:
            example = re.search(r"e\.g\. “(?:Hi )?([^”,]+)", check.advice)
            if check.id in ("names_interviewer", "greets_by_name", "mentions_talking_point") and example:
                said = re.search(rf"\b{re.escape(example[1])}\b", e["text"])
                assert said is None, (e["id"], check.advice)


def test_a_check_back_the_employer_agreed_to_is_not_pressure() -> None:
    """Evidence pack §3 B asks you to 'ask the next step and when you may check back': asking is not
    pushing, and the logbook's one-call guard says an agreed check-back call is fine."""
    opener = ("Hi Dana, this is Sam Lee, I interviewed for the Data Analyst role on Friday 6 March. I'm "
              "calling to ask where things stand. Is a decision close? If not, may I check back on Thursday?")
    feedback = check_message(opener, "status_call_opener")
    assert {c.id: c.passed for c in feedback.items}["no_pressure"]


def test_hoping_to_be_considered_if_the_chosen_candidate_leaves_is_not_arguing() -> None:
    """Seed 003 gives 'if the successful candidate ... doesn't work out' as a reason to make the call."""
    text = ("Hi Tom, thank you for letting me know. I accept your decision. To help me improve, could you "
            "tell me which part of my case study was weakest? If the chosen candidate doesn't work out, I'd "
            "love to be considered. Please keep me in mind for future roles.")
    feedback = check_message(text, "feedback_request")
    assert {c.id: c.passed for c in feedback.items}["not_argumentative"]


def test_one_call_is_cited_to_seed_003_only() -> None:
    """Seed 004 allows a second try that afternoon, so it is never the source for 'make only one call'."""
    feedback = check_message("Hi Dana, it's Sam again, this is my third call about the job.",
                             "status_call_opener")
    pressure = {c.id: c for c in feedback.items}["no_pressure"]
    assert not pressure.passed and "only one call" in pressure.advice
    assert "(seed 003)" in pressure.source and "(seed 004)" not in pressure.source


# -- round 2: tone by structure and by feeling ---------------------------------------------------

_CALM_OPENER = (
    "Hi Dana, this is Sam Rivera. I interviewed for the Data Analyst role last Tuesday. "
    "I'm following up on the status. {} Is a decision close?"
)


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("If I haven't heard by Monday, I'll take another offer.", "set them a deadline"),
        ("I'll keep phoning each morning until someone picks up.", "set them a deadline"),
        ("I gave up my notice period bonus for this, so I hope it's worth it.", "guilt-tripping"),
        ("Given my track record, I presume the position is mine.", "presume the outcome"),
        ("I expected a call back sooner than this.", "reproach"),
    ],
)
def test_tone_faults_are_found_by_structure_not_only_listed_phrases(line: str, category: str) -> None:
    got = _checks(_CALM_OPENER.format(line), "status_call_opener", CALL)
    assert not got["no_pressure"].passed, line
    assert category in got["no_pressure"].advice
    assert _source_is_cited(got["no_pressure"].source)


def test_distress_is_found_by_its_feeling_and_hedges_are_not() -> None:
    """VADER's lexicon finds distress no phrase rule lists; an apology or "no rush" is not distress."""
    needy = _CALM_OPENER.format("I'm terrified I'll never hear back about this job.")
    got = _checks(needy, "status_call_opener", CALL)
    assert not got["no_pressure"].passed and "neediness" in got["no_pressure"].advice
    for hedge in (
        "I know you are busy, so no need to rush the decision.",
        "I hate to bother you about the decision.",
        "I'm a little anxious waiting to hear back, but happy to wait.",
    ):
        assert _checks(_CALM_OPENER.format(hedge), "status_call_opener", CALL)["no_pressure"].passed, hedge


def test_the_sentiment_lexicon_is_loaded_only_when_a_message_is_checked() -> None:
    code = (
        "import sys, followup_kit, followup_kit.messages as m\n"
        "assert not any(k.startswith('vaderSentiment') for k in sys.modules)\n"
        "m.check_message('I am terrified I will never hear back about this job.', 'thank_you')\n"
        "assert any(k.startswith('vaderSentiment') for k in sys.modules)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_dates_in_words_and_a_later_weekday_are_read_as_spoken() -> None:
    """ "the sixth of March" is a date; "you'd decide by Monday" is not the interview's weekday."""
    text = (
        "Hi Dana, this is Sam Lee - I interviewed for the Data Analyst role on the sixth of March, and you "
        "mentioned you'd decide by Monday. I'm following up on the status. Is a decision close?"
    )
    got = _checks(text, "status_call_opener", NORTHWIND)
    assert got["names_role_and_date"].passed, got["names_role_and_date"].advice
    assert got["says_who_you_are"].passed
    wrong = _checks(text.replace("on the sixth of March", "on Thursday"), "status_call_opener", NORTHWIND)
    assert "not Thursday" in wrong["names_role_and_date"].advice


def test_contempt_aimed_at_them_is_found_by_its_feeling() -> None:
    """VADER's lexicon finds hostility in words no rule lists; a remark on a hard question is not hostile."""
    mess = "Your process has been a disaster from start to finish."
    rude = (
        f"Thank you for the offer. {mess} Could you send it in writing, and when do you need my answer? "
        "When would I start?"
    )
    got = _checks(rude, "offer_call")
    assert not got["courteous_tone"].passed and "courteous" in got["courteous_tone"].advice
    calm = rude.replace(mess, "Your question was a tough one.")
    assert _checks(calm, "offer_call")["courteous_tone"].passed


def test_recalling_their_hard_work_problems_is_not_hostile() -> None:
    """A thank-you note that recalls a grim talking point keeps a courteous tone."""
    note = (
        "Dear Dana,\n\nThank you for Friday's interview for the Data Analyst role. You described how the "
        "churn dashboard showed customers leaving in anger, and how stressful the Snowflake migration "
        "has been. I'm excited to help.\n\nSam Lee"
    )
    assert _checks(note, "thank_you", NORTHWIND)["courteous_tone"].passed


# -- round 3: the same families of fault and of fine wording, by structure (not the batches' phrases) --

OPENER_START = "Hi Dana, this is Sam Rivera. I interviewed for the Data Analyst role last Tuesday. "


@pytest.mark.parametrize(
    "line",
    [
        "I'm calling for an update, though take your time, it's only been a month.",  # undercut reassurance
        "I'm following up, assuming you haven't misplaced my CV. Is a decision close?",  # carelessness
        "I'm calling about the decision; I've had another offer, so is a decision close?",  # leverage
        "I'm calling about the decision because I can't hang on much longer. Is a decision close?",
        "I'm calling about the decision. My whole future is riding on this. Is a decision close?",
        "I'm calling about the decision; I've been on edge all week. Is a decision close?",
    ],
)
def test_pressure_irony_and_distress_are_found_by_structure(line: str) -> None:
    no_pressure = _checks(OPENER_START + line, "status_call_opener", CALL)["no_pressure"]
    assert not no_pressure.passed, no_pressure.advice
    assert "Calm" not in no_pressure.advice


@pytest.mark.parametrize(
    "line",
    [
        "I'm checking in on the status. I was hoping you might tell me when you'll decide.",
        "I'm checking in on the status. I'd like to ask you whether a decision is close.",
        "i'm checking in on the status. any update on the decision",
        "i'm checking in on the status. so when do you think you'll decide",
    ],
)
def test_hedged_and_typed_questions_are_questions(line: str) -> None:
    feedback = check_message(OPENER_START + line, "status_call_opener", CALL)
    assert feedback.passed, feedback.summary()


def test_a_call_and_what_it_wants_to_learn_state_the_purpose_however_far_apart() -> None:
    text = OPENER_START + "I'm ringing today because I'd really love to know whether you've decided."
    assert _checks(text, "status_call_opener", CALL)["states_purpose"].passed


def test_refusing_the_decision_is_neither_acceptance_nor_calm() -> None:
    text = "Thanks, Tom. I refuse to accept that outcome. What could I have done better?"
    got = _checks(text, "feedback_request", REJECTED)
    assert not got["accepts_decision"].passed and not got["not_argumentative"].passed
    fair = (
        "Thanks, Tom. It was a reasonable decision. So I can improve, which answer was weakest? "
        "Keep me in mind."
    )
    assert check_message(fair, "feedback_request", REJECTED).passed


def test_typed_speech_feedback_request_is_read_whole() -> None:
    text = (
        "thanks tom, i get it. so i can improve, which part of my pitch should i rework. "
        "and if u ever need someone again pls shout"
    )
    feedback = check_message(text, "feedback_request", REJECTED)
    assert feedback.passed, feedback.summary()


def test_offer_terms_wanted_at_once_are_pressure_and_sending_by_email_is_in_writing() -> None:
    pushy = "Thanks. I need the paperwork right away, or I'll look elsewhere. When do I start?"
    assert not _checks(pushy, "offer_call")["courteous_tone"].passed
    kind = (
        "Thank you so much! Could you send the proposal over by email? How long have I got to reply? "
        "And what time would I start on day one?"
    )
    assert check_message(kind, "offer_call").passed, check_message(kind, "offer_call").summary()


def test_answering_their_question_needs_only_one_of_its_words() -> None:
    note = (
        "Dear Lee,\n\nThank you for Friday's interview for the Data Analyst role. You asked about my "
        "dashboard; it now refreshes itself every Monday. I'd really like to help your team with it.\n\nSam"
    )
    assert check_message(note, "thank_you", NORTHWIND).passed
    to_dana = note.replace("Dear Lee", "Dear Dana")  # Dana did not ask it: one word is not enough
    assert not _checks(to_dana, "thank_you", NORTHWIND)["mentions_talking_point"].passed


def test_another_firm_and_a_lower_case_sign_off_do_not_make_a_note_personal() -> None:
    firm = (
        "Dear Dana,\n\nThank you for Friday's interview for the Data Analyst role. The Snowflake migration "
        "sounds great, and I'd love to bring my SQL to Fabrikam.\n\nSam Lee"
    )
    got = _checks(firm, "thank_you", NORTHWIND)["not_form_letter"]
    assert not got.passed and "Fabrikam" in got.advice
    generic = "hi dana! thanks heaps for friday, lovely to meet you. fingers crossed, speak soon! sam"
    assert not _checks(generic, "thank_you", NORTHWIND)["not_form_letter"].passed


@pytest.mark.parametrize(
    ("text", "kind", "check_id"),
    [
        ("Hi Dana, this is Sam Rivera. I interviewed for the Data Analyst role last Tuesday. I'm calling "
         "about the decision. Super efficient as usual. Is a decision close?",
         "status_call_opener", "no_pressure"),
        ("Hi Dana, this is Sam Rivera. I interviewed for the Data Analyst role last Tuesday. I'm calling "
         "about the decision; my partner is depending on me landing this. Is a decision close?",
         "status_call_opener", "no_pressure"),
        ("Hi Dana, this is Sam Rivera. I interviewed for the Data Analyst role last Tuesday. I'm following "
         "up, and I'll happily drop into your office on Friday to hear the outcome. Is a decision close?",
         "status_call_opener", "no_pressure"),
        ("Thank you, Tom. You've underestimated me, I think. Which answer was weakest?", "feedback_request",
         "not_argumentative"),
        ("Thank you, Tom. I'd ask you to go over my interview again. Which answer was weakest?",
         "feedback_request", "not_argumentative"),
        ("Thanks. Goodness, that has taken ages! Could you email me the contract? When do you need my "
         "answer? When do I start?", "offer_call", "courteous_tone"),
        ("Thanks. I'd want a lot more than that. Could you email me the contract? When do you need my "
         "answer?", "offer_call", "courteous_tone"),
    ],
)
def test_tone_faults_in_fresh_words_are_flagged(text: str, kind: str, check_id: str) -> None:
    interview = {"status_call_opener": CALL, "feedback_request": REJECTED}.get(kind)
    check = _checks(text, kind, interview)[check_id]
    assert not check.passed, check.advice


def test_a_courteous_question_after_a_reproach_still_counts_a_blunt_one_does_not() -> None:
    start = OPENER_START + "I'm calling about the decision. I'd have expected to hear by now. "
    assert _checks(start + "Is there any news?", "status_call_opener", CALL)["asks_one_question"].passed
    assert not _checks(start + "What's happening?", "status_call_opener", CALL)["asks_one_question"].passed


def test_distress_about_yourself_needs_no_outcome_word_but_sympathy_is_not_distress() -> None:
    start = OPENER_START + "I'm following up on the status. "
    upset = _checks(start + "I am absolutely terrified. Is a decision close?", "status_call_opener", CALL)
    assert not upset["no_pressure"].passed
    kind = start + "I was devastated to hear about the flood at your office. Is a decision close?"
    assert check_message(kind, "status_call_opener", CALL).passed


def test_a_name_said_only_at_the_end_is_not_saying_who_you_are_early() -> None:
    late = (
        "Hi Dana, calling about the Data Analyst role I interviewed for last Tuesday. I'm following up "
        "on the status and I'm still very keen. Is there anything else you need? "
        "It's Sam Rivera, on 555-014-2368."
    )
    got = _checks(late, "voicemail", CALL)
    assert not got["says_who_you_are"].passed and "at the start" in got["says_who_you_are"].advice
    early = "Hi Dana, calling about the Data Analyst role, it's Sam Rivera. I interviewed last Tuesday."
    assert _checks(early, "status_call_opener", CALL)["says_who_you_are"].passed


def test_a_two_word_point_counts_by_its_distinctive_word_but_a_common_one_does_not() -> None:
    note = (
        "Dear Dana,\n\nThank you for Friday's interview for the Data Analyst role. I keep thinking about "
        "the {}. I'm really drawn to the role.\n\nSam Lee"
    )
    interview = NORTHWIND.replace(talking_points=["the forecasting review"])
    assert check_message(note.format("forecasting work"), "thank_you", interview).passed
    common = _checks(note.format("review meetings"), "thank_you", interview)["mentions_talking_point"]
    assert not common.passed


# -- round 4: tone by structure, and the checks that read a clause -----------------------------------

_ROUND4_FAULTS = [
    # (a line nobody's phrase list holds, the advice that names its fault)
    ("I'd like to hear back either way before the weekend, as I'm planning ahead.", "set them a deadline"),
    ("Please give me an answer by the end of the week.", "set them a deadline"),
    ("Money is really tight at the moment and this job would change everything for us.", "neediness"),
    ("I've been out of work since March, so I'm hoping for good news.", "neediness"),
    ("I gather you've seen people with far less experience than me.", "drop the blame"),
    ("I'm calling about the \"quick\" decision you mentioned.", "sarcasm"),
    ("This is the third time I'm trying to reach you about it.", "only one call"),
    ("My last two emails seem to have vanished into thin air.", "reproach"),
    ("I must say the test asked for things nobody mentioned, which didn't seem right.", "criticism"),
]


@pytest.mark.parametrize(("line", "advice"), _ROUND4_FAULTS)
def test_tone_faults_of_new_shapes_are_flagged_with_a_named_source(line: str, advice: str) -> None:
    got = _checks(_CALM_OPENER.format(line), "status_call_opener", CALL)["no_pressure"]
    assert not got.passed, line
    assert advice in got.advice, got.advice
    assert _source_is_cited(got.source)


@pytest.mark.parametrize(
    "line",
    [
        "I don't need an answer today, I just wanted to check in.",
        "There's no need to call me back today.",
        "I don't want to take up much of your time.",
        "You mentioned hoping to decide by the 22nd, is that still the plan?",
        "I know you're busy, so no pressure at all.",
        "I'm not begging, just keen.",
        "Your question about the churn dashboard wasn't odd at all, it made me think.",
        "I've already sent over my references.",
    ],
)
def test_polite_lines_and_negated_shapes_are_calm(line: str) -> None:
    """Each new shape's negation ("I don't need an answer today") and its polite neighbours pass."""
    assert _checks(_CALM_OPENER.format(line), "status_call_opener", CALL)["no_pressure"].passed, line


def test_explicit_acceptance_stands_on_its_clause_but_soft_words_beside_a_jab_do_not() -> None:
    stands = (
        "Thank you for letting me know. I accept your decision, although I suspect the panel had made up "
        "its mind before I walked in. Which answer could I have improved? Please keep me in mind for future "
        "roles."
    )
    got = _checks(stands, "feedback_request", REJECTED)
    assert got["accepts_decision"].passed and not got["not_argumentative"].passed
    assert got["frames_development"].passed  # accepted, so the question asks to learn
    turned = (
        "Thanks for your email. I understand the decision, though I'd be curious what the successful "
        "applicant offered that ten years of experience didn't. Which area should I develop? "
        "Please keep me in mind for future roles."
    )
    got = _checks(turned, "feedback_request", REJECTED)
    assert not got["accepts_decision"].passed and not got["not_argumentative"].passed
    assert not got["frames_development"].passed  # disputed and accepted nowhere: a challenge


def test_future_roles_inside_a_question_about_improving_is_not_asking_to_be_considered() -> None:
    base = "Thank you for your email. I accept the decision. Which area should I strengthen for future roles?"
    assert not _checks(base, "feedback_request", REJECTED)["asks_future_roles"].passed
    kept = _checks(base + " Please keep me in mind.", "feedback_request", REJECTED)
    assert kept["asks_future_roles"].passed


def test_a_relative_clause_is_not_a_question_typed_without_its_mark() -> None:
    told = _CALM_OPENER.replace(" Is a decision close?", "").format("I sent the forms, which was easy.")
    assert not _checks(told, "status_call_opener", CALL)["asks_one_question"].passed
    typed = _CALM_OPENER.replace(" Is a decision close?", "").format("so, which part should i send next")
    assert _checks(typed, "status_call_opener", CALL)["asks_one_question"].passed


def test_another_firm_is_seen_past_a_generic_word_the_names_share() -> None:
    council = Interview(
        company="Birchwood District Council",
        role="Planning Officer",
        held_at="2026-11-24T14:00",
        interviewers=["Nadia Hussain"],
        contact="Nadia Hussain",
        talking_points=["the local plan consultation"],
    )
    note = (
        "Dear Nadia, thank you for the interview for the Planning Officer role. I enjoyed discussing the "
        "local plan consultation, and I'd be proud to join {}. Kind regards, Grace"
    )
    other = _checks(note.format("Ashford Borough Council"), "thank_you", council)["not_form_letter"]
    assert not other.passed and "Ashford" in other.advice
    assert _checks(note.format("Birchwood"), "thank_you", council)["not_form_letter"].passed


def test_the_pooled_report_adds_up_its_batches() -> None:
    """The held-out part is all held-out batches together: its table's counts are the batches' sums."""
    bench = _bench()
    one, two = bench.run("tuning2"), bench.run("tuning3")
    both = bench.pooled("two batches", [one, two])
    assert both.overall.n == one.overall.n + two.overall.n
    assert both.bad_caught == one.bad_caught + two.bad_caught and both.bad == one.bad + two.bad
    for check_id in set(one.by_check) | set(two.by_check):
        mine = both.by_check[check_id]
        assert mine.agree == one.by_check[check_id].agree + two.by_check[check_id].agree, check_id
        assert mine.misses == one.by_check[check_id].misses + two.by_check[check_id].misses, check_id
    low, high = sorted((one.cpu_seconds_per_message, two.cpu_seconds_per_message))
    assert low <= both.cpu_seconds_per_message <= high
    assert "== two batches:" in bench.table(both)


def test_round_four_batches_were_measured_before_tuning_and_hold_now() -> None:
    """tuning12-15 are labelled batches like the others (the labels test covers them); each has tone
    faults of the four kinds and good messages, so the benchmark's figures on them mean something."""
    bench = _bench()
    for part in ("tuning12", "tuning13", "tuning14", "tuning15"):
        report = bench.run(part)
        assert report.tone >= 12 and report.good >= 7, part
        assert report.tone_flagged == report.tone, part
        # a good message may miss only by a listed disagreement (round 18: m019)
        known = {m for m, _ in KNOWN_DISAGREEMENTS}
        messages = bench.load(part)["messages"]
        listed = sum(1 for e in messages if not e.get("fails") and "expect" not in e and e["id"] in known)
        assert report.good - listed <= report.good_clean <= report.good, part


# -- the learned tone signal (round 5) ---------------------------------------------------------------

TONE_MODEL = ROOT / "followup_kit" / "data" / "tone_model.json"


def _train_tone():
    """benchmarks/train_tone.py as a module (a script; scikit-learn comes with the test tools)."""
    spec = importlib.util.spec_from_file_location("train_tone", ROOT / "benchmarks" / "train_tone.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_tone_model_was_trained_on_the_current_tuning_batches_and_nothing_else() -> None:
    """The shipped model names every file it learned from with its digest: exactly today's tuning batches
    (so a changed or added batch means retraining, and no held-out part can have been used)."""
    import hashlib

    model = json.loads(TONE_MODEL.read_text(encoding="utf-8"))
    tuning = sorted(TUNING_PATH.parent.glob("tuning*.json"))
    want = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tuning}
    assert model["trained_on"] == want, "the tuning batches changed: run python3 tasks.py train-tone"
    assert {p.name for p in _train_tone().tuning_files()} == set(want)
    assert model["messages"] == len(CORPUS)
    assert 0.5 <= model["threshold"] < 1 and model["clause_weight"] >= 0


def test_retraining_on_the_tuning_batches_reproduces_the_shipped_weights() -> None:
    """The weights in the package are what the training script makes from the tuning batches with the
    setting cross-validation chose (liblinear is deterministic); nothing was edited by hand."""
    model = json.loads(TONE_MODEL.read_text(encoding="utf-8"))
    train = _train_tone()
    bias, weights = train.fit(train.examples(), model["C"], model["min_df"])
    assert bias == pytest.approx(model["bias"], abs=1e-5)
    assert set(weights) == set(model["weights"])
    assert all(weights[f] == pytest.approx(w, abs=1e-5) for f, w in model["weights"].items())


@pytest.mark.parametrize(
    ("text", "kind", "check_id", "part"),
    [
        (
            "Dear Dana, thank you for meeting me on Friday about the Data Analyst role. I enjoyed hearing "
            "about the Snowflake migration. Not sure why we needed a second round, to be honest. I remain "
            "very interested.",
            "thank_you",
            "courteous_tone",
            # round 8's retrained model no longer flags round 5's example ("I assumed you would have made
            # up your mind on the spot", 0.33 < 0.625); this one is still missed by every rule
            "Not sure why we needed a second round",
        ),
    ],
)
def test_a_tone_fault_no_rule_lists_is_shown_at_its_clause_with_a_source(
    text: str, kind: str, check_id: str, part: str
) -> None:
    """The learned signal flags what the rules miss, and says which part reads that way and why."""
    assert not messages._tone_faults_in(messages._Draft(text, kind, None).flat, kind)  # no rule finds it
    got = _checks(text, kind, INTERVIEWS["northwind"])[check_id]
    assert not got.passed
    assert part in got.advice and "pushy, needy, sarcastic or argumentative" in got.advice
    assert "I enjoyed hearing" not in got.advice
    assert _source_is_cited(got.source)


def test_the_learned_signal_needs_no_scikit_learn_and_loads_on_the_first_check() -> None:
    code = (
        "import sys; from followup_kit import messages as m; "
        "assert m._tone_model.cache_info().currsize == 0; "
        "m.check_message('Hi Dana, this is Sam. Any news on the role?', 'status_call_opener'); "
        "assert m._tone_model.cache_info().currsize == 1; "
        "assert not [n for n in sys.modules if n.startswith(('sklearn', 'scipy'))], 'scikit-learn loaded'"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


def test_the_quick_lower_case_pre_check_agrees_with_each_tone_pattern() -> None:
    """Tone patterns are first tried without IGNORECASE on lower-cased text (about twice as fast); that
    must say yes exactly when the real pattern does, on every tuning message, sentence and clause."""
    pieces = set()
    for e in CORPUS:
        flat = messages._Draft(e["text"], e["kind"], None).flat
        pieces.add(flat)
        pieces.update(s for s in messages._SENTENCE_BREAK.split(flat) if s)
    pieces.update(("I NEED TO KNOW ASAP", "İstanbul, thanks for NOTHING", "Straße"))
    patterns = [p for p, *_ in messages._TONE_RULES] + [p for p, *_ in messages._STRUCTURAL]
    assert sum(messages._quick(p) is not None for p in patterns) >= len(patterns) - 1
    for pattern in patterns:
        quick = messages._quick(pattern)
        if quick is None:
            continue
        for text in pieces:
            assert (pattern.search(text) is None) == (quick.search(text.lower()) is None), (pattern, text)



def test_word_start_first_gathers_bounded_alternatives_and_keeps_the_rest() -> None:
    """The quick pre-check puts one ``\\b`` before the alternatives that start with one (after their
    lookbehinds); a ``|`` inside a group, a class or an escape is not a split, and an alternative that
    does not start at a word boundary stays as it was, so the yes or no is unchanged."""
    assert messages._top_alternatives(r"a[]|x]b|c(d|e)|[^]|]f|\|g") == ["a[]|x]b", "c(d|e)", "[^]|]f", r"\|g"]
    source = r"\bno rush\b|(?<!may )\bi need\b|,? or else\b"
    merged = messages._word_start_first(source)
    assert merged == r"\b(?:no rush\b|(?<!may )i need\b)|,? or else\b"
    for text in ("no rush", "i need it", "you may i need", "x, or else", "ino rush", "nor else"):
        assert (re.search(source, text) is None) == (re.search(merged, text) is None), text

# -- round 6: presence checks in paraphrase ------------------------------------------------------------

#: (kind, check, passes, text): what each presence check must see in other words (indirect questions,
#: acceptance, roles to come, growth, rapport, a yes on the spot, interest), and the look-alikes it must
#: not count (small talk, a tag question, "I'm in London", "honestly", "the role went to someone else").
_PARAPHRASES = [
    ('status_call_opener', 'asks_one_question', True,
     'Hi Dana, this is Sam Lee, I interviewed for the analyst role on Tuesday. I wondered whether '
     "you're close to a decision."),
    ('status_call_opener', 'asks_one_question', True,
     'Hi Dana, this is Sam Lee about the analyst role I interviewed for on Tuesday. Could you tell '
     'me where things stand with the decision?'),
    ('status_call_opener', 'asks_one_question', True,
     "Hi Dana, this is Sam Lee about the analyst role I interviewed for on Tuesday. I'd be grateful "
     'to know roughly when you expect to decide.'),
    ('status_call_opener', 'asks_one_question', True,
     'Hi Dana, this is Sam Lee about the analyst role from Tuesday. I was wondering where you are '
     'with the decision.'),
    ('status_call_opener', 'asks_one_question', True,
     "Hi Dana, this is Sam Lee about the analyst role from Tuesday. I'm calling to ask if there's "
     'any update on the timeline.'),
    ('status_call_opener', 'asks_one_question', True,
     "Hi Dana, Sam Lee here about the analyst role from Tuesday. Do you know yet when you'll be "
     'making a decision?'),
    ('status_call_opener', 'asks_one_question', True,
     "Hi Dana, Sam Lee here about the analyst role from Tuesday. Just checking whether there's been "
     'any movement on the decision.'),
    ('status_call_opener', 'asks_one_question', True,
     "Hi Dana, Sam Lee here about the analyst role from Tuesday. I'd love to hear how the process is "
     'going on your end.'),
    ('status_call_opener', 'asks_one_question', True,
     'Hi Dana, Sam Lee here about the analyst role from Tuesday. Might you be able to share an '
     'expected timeframe?'),
    ('status_call_opener', 'asks_one_question', True,
     'Hi Dana, Sam Lee here about the analyst role from Tuesday. Would you be able to let me know '
     'the next steps?'),
    ('status_call_opener', 'asks_one_question', True,
     "Hi Dana, Sam Lee here about the analyst role from Tuesday. I'd be interested to know what the "
     'next steps are.'),
    ('status_call_opener', 'asks_one_question', True,
     'Hi Dana, Sam Lee here about the analyst role from Tuesday. Is there anything more I can send '
     'you to help with the decision?'),
    ('status_call_opener', 'asks_one_question', True,
     'Hi Dana, Sam Lee here about the analyst role from Tuesday. I wanted to check if a decision had '
     'been made.'),
    ('status_call_opener', 'asks_one_question', True,
     "Hi Dana, Sam Lee here about the analyst role from Tuesday. I'm keen to find out what the "
     'timeline looks like now.'),
    ('status_call_opener', 'asks_one_question', True,
     'Hi Dana, Sam Lee here about the analyst role from Tuesday. Please could you let me know '
     'roughly when I might hear.'),
    ('status_call_opener', 'asks_one_question', True,
     "Hi Dana, Sam Lee here about the analyst role from Tuesday. I'm hoping you can give me an idea "
     'of timing.'),
    ('status_call_opener', 'asks_one_question', True,
     'hi dana its sam lee about the analyst job from tuesday, just wanted to see where things are at '
     'with it'),
    ('status_call_opener', 'asks_one_question', False,
     "Hi Dana, Sam Lee here about the analyst role from Tuesday. How's your week been?"),
    ('status_call_opener', 'asks_one_question', False,
     "Hi, um, Dana? It's Sam Lee about the analyst role from Tuesday. Thanks."),
    ('status_call_opener', 'asks_one_question', False,
     "Hi Dana, Sam Lee here about the analyst role from Tuesday. Lovely weather today, isn't it?"),
    ('status_call_opener', 'asks_one_question', False,
     "Hi Dana, Sam Lee here about the analyst role from Tuesday. I'm still very interested and look "
     'forward to hearing from you.'),
    ('status_call_opener', 'asks_one_question', False,
     'Hi Dana, Sam Lee here about the analyst role from Tuesday. Did you have a good weekend?'),
    ('status_call_opener', 'asks_one_question', False,
     'Hi Dana, Sam Lee here about the analyst role from Tuesday. Hope you had a nice holiday?'),
    ('feedback_request', 'asks_specific_questions', True,
     "Thank you for letting me know. I understand your decision. I'd be grateful to know which part "
     'of my presentation was weakest, so I can improve. Please keep me in mind for future roles.'),
    ('feedback_request', 'asks_specific_questions', True,
     'Thank you for letting me know. I understand your decision. Could you tell me the one area I '
     'should work on first, so I can improve? Please keep me in mind for future roles.'),
    ('feedback_request', 'asks_specific_questions', True,
     'Thank you for letting me know. I understand your decision. I wondered whether my case study '
     'answer held me back, so I can improve. Please keep me in mind for future roles.'),
    ('feedback_request', 'asks_specific_questions', True,
     'Thank you for letting me know. I understand your decision. If you could point to one thing '
     "that would have made my application stronger, I'd really appreciate it. Please keep me in mind "
     'for future roles.'),
    ('feedback_request', 'asks_specific_questions', True,
     'Thank you for letting me know. I understand your decision. It would really help to hear what '
     'the panel felt was missing from my answers, so I can grow. Please keep me in mind for future '
     'roles.'),
    ('feedback_request', 'asks_specific_questions', False,
     'Thank you for letting me know. I understand your decision. Any feedback would be appreciated, '
     'so I can improve. Please keep me in mind for future roles.'),
    ('feedback_request', 'asks_specific_questions', False,
     "Thank you for letting me know. I understand your decision. How was your weekend? I'd like to "
     'improve. Please keep me in mind for future roles.'),
    ('feedback_request', 'accepts_decision', False,
     "Thank you for letting me know. I can't accept this. What one thing should I improve? Please "
     'keep me in mind for future roles.'),
    ('feedback_request', 'accepts_decision', False,
     "Thank you for letting me know. I don't understand the decision at all. What one thing should I "
     'improve? Please keep me in mind for future roles.'),
    ('feedback_request', 'accepts_decision', True,
     "Thank you for letting me know. Of course I'm sad, but I completely get it. What one thing "
     'should I improve? Please keep me in mind for future roles.'),
    ('feedback_request', 'accepts_decision', True,
     "Thank you for letting me know. Naturally it's a disappointment, but I respect the choice you "
     'made. What one thing should I improve? Please keep me in mind for future roles.'),
    ('feedback_request', 'accepts_decision', True,
     "Thank you for letting me know. I'm sad to miss out, but I appreciate you letting me know and I "
     'wish the team well. What one thing should I improve? Please keep me in mind for future roles.'),
    ('feedback_request', 'accepts_decision', True,
     "Thank you for letting me know. Shame it wasn't to be, but it's absolutely your call. What one "
     'thing should I improve? Please keep me in mind for future roles.'),
    ('feedback_request', 'accepts_decision', True,
     "Thank you for letting me know. I'm gutted, I won't lie, but I take the decision on board. What "
     'one thing should I improve? Please keep me in mind for future roles.'),
    ('feedback_request', 'accepts_decision', True,
     'Thank you for letting me know. Obviously not the news I hoped for, but I accept it. What one '
     'thing should I improve? Please keep me in mind for future roles.'),
    ('feedback_request', 'asks_future_roles', True,
     'Thank you for letting me know. I understand. What one thing should I improve? If another '
     "opening comes along, I'd love to be considered."),
    ('feedback_request', 'asks_future_roles', True,
     "Thank you for letting me know. I understand. What one thing should I improve? I'd be glad to "
     'hear from you if anything similar opens up.'),
    ('feedback_request', 'asks_future_roles', True,
     'Thank you for letting me know. I understand. What one thing should I improve? keep me in mind '
     'for the next opening'),
    ('feedback_request', 'asks_future_roles', True,
     "Thank you for letting me know. I understand. What one thing should I improve? I'd still love "
     'to work with the team one day, so please do get in touch if a role comes up.'),
    ('feedback_request', 'asks_future_roles', True,
     "Thank you for letting me know. I understand. What one thing should I improve? I'd welcome the "
     'chance to apply for later vacancies.'),
    ('feedback_request', 'asks_future_roles', True,
     'Thank you for letting me know. I understand. What one thing should I improve? I hope our paths '
     "cross again, and I'd be keen to hear about any roles that fit."),
    ('feedback_request', 'asks_future_roles', True,
     'Thank you for letting me know. I understand. What one thing should I improve? Do keep my CV on '
     'hand for anything that comes up.'),
    ('feedback_request', 'asks_future_roles', True,
     "Thank you for letting me know. I understand. What one thing should I improve? Please don't "
     'hesitate to reach out about upcoming positions.'),
    ('feedback_request', 'asks_future_roles', False,
     'Thank you for letting me know. I understand. What one thing should I improve for future '
     'interviews?'),
    ('feedback_request', 'asks_future_roles', False,
     'Thank you for letting me know. I understand. What one thing should I improve so I do better '
     'next time?'),
    ('feedback_request', 'frames_development', True,
     'Thank you for letting me know. I understand. Your view would help me prepare for my next '
     'application. What one thing stood out? Please keep me in mind.'),
    ('feedback_request', 'frames_development', True,
     "Thank you for letting me know. I understand. I'm keen to keep getting better at this. What one "
     'thing stood out? Please keep me in mind.'),
    ('feedback_request', 'frames_development', True,
     "Thank you for letting me know. I understand. I'd like to use this as a chance to sharpen my "
     'interviewing. What one thing stood out? Please keep me in mind.'),
    ('feedback_request', 'frames_development', True,
     'Thank you for letting me know. I understand. Any pointers would be really useful for my career '
     'going forward. What one thing stood out? Please keep me in mind.'),
    ('feedback_request', 'frames_development', True,
     'Thank you for letting me know. I understand. I want to take something useful away from this. '
     'What one thing stood out? Please keep me in mind.'),
    ('feedback_request', 'frames_development', True,
     'Thank you for letting me know. I understand. It would help me with future applications. What '
     'one thing stood out? Please keep me in mind.'),
    ('feedback_request', 'frames_development', False,
     'Thank you for letting me know, Developer team lead. I understand. What one thing stood out? '
     'Please keep me in mind.'),
    ('offer_call', 'builds_rapport', True,
     "Thank you so much, I'm delighted! When would you like me to start? Could you email me the "
     'offer letter, and when do you need my answer?'),
    ('offer_call', 'builds_rapport', True,
     "Thank you so much, I'm delighted! Could you email me the offer letter, and when do you need my "
     "answer? I'd love to know more about the team I'll be joining."),
    ('offer_call', 'builds_rapport', True,
     "Thank you so much, I'm delighted! Could you email me the offer letter, and when do you need my "
     'answer? Is there anything I could read up on beforehand?'),
    ('offer_call', 'builds_rapport', True,
     "Thank you so much, I'm delighted! Could you email me the offer letter, and when do you need my "
     'answer? Please pass my thanks to the panel, I really enjoyed meeting them.'),
    ('offer_call', 'builds_rapport', True,
     "Thank you so much, I'm delighted! Could you email me the offer letter, and when do you need my "
     "answer? I'm really looking forward to being part of the team."),
    ('offer_call', 'builds_rapport', True,
     "Thank you so much, I'm delighted! Could you email me the offer letter, and when do you need my "
     'answer? What would be the best way to prepare in the meantime?'),
    ('offer_call', 'builds_rapport', False,
     'Thank you. Could you email me the offer letter, and when do you need my answer?'),
    ('offer_call', 'no_rushed_acceptance', False,
     "Thank you so much! Yes, I'll take the job. When do I start?"),
    ('offer_call', 'no_rushed_acceptance', False,
     'Thank you so much! Yes please, count me in, I accept. When do I start?'),
    ('offer_call', 'no_rushed_acceptance', False,
     "Thank you so much! That's a yes from me, I'm in! When do I start?"),
    ('offer_call', 'no_rushed_acceptance', False,
     "Thank you so much! Absolutely, I'd love to accept right away. When do I start?"),
    ('offer_call', 'no_rushed_acceptance', False,
     'Thank you! Consider this my formal acceptance. When do I start?'),
    ('offer_call', 'no_rushed_acceptance', False,
     "Thank you! I'm happy to say yes straight away. When do I start?"),
    ('offer_call', 'no_rushed_acceptance', True,
     "Thank you! I'd love to say yes, but I'd like to see it in writing first. When do you need my "
     'answer?'),
    ('offer_call', 'no_rushed_acceptance', True,
     "Thank you! I'm leaning towards yes, once I've seen the contract. When do you need my answer?"),
    ('offer_call', 'no_rushed_acceptance', True,
     "Thank you! I can't accept on the spot, could you send the offer letter? When do you need my "
     'answer?'),
    ('thank_you', 'restates_interest', True,
     'Dear Dana, thank you for the interview. I came away even more keen on the analyst role. Best, '
     'Sam'),
    ('thank_you', 'restates_interest', True,
     'Dear Dana, thank you for the interview. Our chat made me want the analyst role even more. '
     'Best, Sam'),
    ('thank_you', 'restates_interest', True,
     "Dear Dana, thank you for the interview. I'd love the chance to bring my reporting experience "
     'to your team. Best, Sam'),
    ('thank_you', 'restates_interest', True,
     "Dear Dana, thank you for the interview. The analyst role sounds like exactly what I'm looking "
     'for. Best, Sam'),
    ('thank_you', 'restates_interest', True,
     "Dear Dana, thank you for the interview. I'm really enthusiastic about joining the team. Best, "
     'Sam'),
    ('thank_you', 'restates_interest', True,
     "Dear Dana, thank you for the interview. I'd be thrilled to join you. Best, Sam"),
    ('thank_you', 'restates_interest', True,
     'Dear Dana, thank you for the interview. It confirmed that this is the job for me. Best, Sam'),
    ('thank_you', 'restates_interest', False,
     "Dear Dana, thank you for the interview. I'm not sure the analyst role is for me. Best, Sam"),
    ('thank_you', 'restates_interest', False,
     "Dear Dana, thank you for the interview. I'm no longer interested in the role. Best, Sam"),
    ('thank_you', 'restates_interest', False,
     'Dear Dana, thank you for the interview. It was interesting to hear about your team. Best, Sam'),
    ('offer_call', 'no_rushed_acceptance', True,
     "Thank you so much! I'm in London next week, could you email the offer letter? When do you need "
     'my answer?'),
    ('offer_call', 'no_rushed_acceptance', True,
     "Thank you so much! I'd love to accept once I've read the contract. When do you need my answer?"),
    ('offer_call', 'no_rushed_acceptance', True,
     "Thank you! I won't say yes right away, I'd like to see the contract first. When do you need my "
     'answer?'),
    ('offer_call', 'no_rushed_acceptance', True,
     "Thank you! I'm not going to accept right now, but I'm thrilled. Could you send the details? "
     'When do you need my answer?'),
    ('offer_call', 'builds_rapport', False,
     "Thank you. Could you send the details? When do you need my answer? I'm happy about the salary."),
    ('feedback_request', 'asks_future_roles', False,
     "Thank you for letting me know. I understand your decision. I'm sorry the role went to someone "
     'else. What one thing should I improve?'),
    ('feedback_request', 'asks_future_roles', False,
     'Thank you for letting me know. I understand your decision. What would help me get a role like '
     'this next time?'),
    ('feedback_request', 'asks_future_roles', False,
     'Thank you for letting me know. I understand your decision. Which skill should I build for '
     'upcoming interviews?'),
    ('feedback_request', 'accepts_decision', False,
     "Thank you for letting me know. It's your call, but you've made a mistake. What one thing "
     'should I improve? Please keep me in mind.'),
    ('feedback_request', 'frames_development', False,
     'Thank you for letting me know. I understand your decision. What one thing stood out? Please '
     'keep me in mind for future roles.'),
    ('feedback_request', 'frames_development', False,
     'Thank you for letting me know. I understand your decision. Honestly, which answer stood out? '
     'Please keep me in mind.'),
    ('status_call_opener', 'asks_one_question', False,
     'Hi Dana, this is Sam Lee about the analyst role from Tuesday. I wanted to see you again soon. '
     'Thanks.'),
    ('status_call_opener', 'asks_one_question', False,
     "Hi Dana, this is Sam Lee about the analyst role from Tuesday. I'm calling to check in. Thanks."),
    ('status_call_opener', 'asks_one_question', True,
     "Hi Dana, this is Sam Lee about the analyst role from Tuesday. I'm calling to check in on "
     "whether a decision's been made. Thanks."),
    ('thank_you', 'restates_interest', False,
     "Dear Dana, thank you for the interview. I'm not sure this is the job for me. Best, Sam"),
    ('thank_you', 'restates_interest', False,
     "Dear Dana, thank you for the interview. I don't want the analyst role any more. Best, Sam"),
    # round 6, after tuning17: rapport by structure, a yes before the letter, waiting is not refusing
    ('offer_call', 'builds_rapport', True,
     'Thank you so much! Could you send the offer letter? When do you need my answer? And would I be '
     'starting on the 3rd of March?'),
    ('offer_call', 'builds_rapport', True,
     "Thank you so much! Could you send the offer letter? When do you need my answer? If there's a "
     "style guide I could look through before then, I'd love that."),
    ('offer_call', 'builds_rapport', False,
     "Thank you so much! I'd like to read the contract before I commit, so could you send the offer "
     'letter? When do you need my answer?'),
    ('offer_call', 'no_rushed_acceptance', False,
     'Thank you so much! Yes, I accept, absolutely. Could you email the offer letter when you can?'),
    ('offer_call', 'no_rushed_acceptance', True,
     "Thank you so much! Could you email the offer letter? Once I've read it I'm sure I'll accept."),
    ('offer_call', 'courteous_tone', True,
     "Thank you very much, I'm delighted. I can't accept anything formally until I've read the "
     'contract, so could you send the written offer? When do you need my answer?'),
    ('offer_call', 'thanks_them', True,
     "Cheers Sam, that's brilliant news! Could you email the offer letter? When do you need my "
     'answer?'),
    ('offer_call', 'asks_deadline', True,
     "Thank you, Sam. I can't give you an answer on the phone. When would you need it?"),
    ('thank_you', 'courteous_tone', True,
     'Dear Dana, thank you for the interview. First, I enjoyed the case study. Secondly, I liked the '
     'team. Finally, I would love to join you and help with the migration. Best, Sam'),
    ('thank_you', 'courteous_tone', True,
     'Dear Dana, thank you for the interview. I was not at my best on the budgeting question; what I '
     'should have said is that I would check the forecast weekly. Best, Sam'),
    ('feedback_request', 'frames_development', True,
     'Thank you for letting me know. I understand your decision. I treat every interview as practice '
     'for the next one, so which answer stood out as weakest? Please keep me in mind for future '
     'roles.'),
    ('feedback_request', 'asks_specific_questions', False,
     "Thank you for letting me know. I understand your decision. I'd welcome any feedback you can "
     'share, so I can keep improving. Please keep me in mind for future roles.'),
    ('voicemail', 'states_purpose', True,
     'Hi Dana, this is Sam Lee, analyst interview on Tuesday. I need to hear back soon, please. Call '
     'me on 07700 900 123. Sam Lee, 07700 900 123.'),
    # round 6: bad messages whose one fault is in fresh words, and their polite look-alikes
    ('status_call_opener', 'no_pressure', False,
     'Hi Dana, this is Sam Lee about the analyst role from Tuesday. I was hoping to have heard '
     'something by now. Is a decision close?'),
    ('status_call_opener', 'no_pressure', False,
     'Hi Dana, this is Sam Lee about the analyst role from Tuesday. Any chance you could hurry '
     'things along? Is a decision close?'),
    ('status_call_opener', 'no_pressure', False,
     "Hi Dana, this is Sam Lee about the analyst role from Tuesday. I'll try again tomorrow if I "
     "don't hear back. Is a decision close?"),
    ('status_call_opener', 'no_pressure', False,
     "Hi Dana, this is Sam Lee about the analyst role from Tuesday. I trust you'll make the right "
     'choice. Is a decision close?'),
    ('status_call_opener', 'no_pressure', False,
     "Hi Dana, this is Sam Lee about the analyst role from Tuesday. I've turned down two other "
     'interviews for this. Is a decision close?'),
    ('status_call_opener', 'no_pressure', False,
     "Hi Dana, this is Sam Lee about the analyst role from Tuesday. I need to plan my month, so I'd "
     'appreciate an answer this week. Is a decision close?'),
    ('status_call_opener', 'no_pressure', False,
     "Hi Dana, this is Sam Lee about the analyst role from Tuesday. It's been over two weeks now. Is "
     'a decision close?'),
    ('status_call_opener', 'no_pressure', False,
     "Hi Dana, this is Sam Lee about the analyst role from Tuesday. I'm sure you can see I'm the "
     'right person. Is a decision close?'),
    ('status_call_opener', 'asks_one_question', False,
     'Hi Dana, this is Sam Lee about the analyst role from Tuesday. So, did I get it?'),
    ('status_call_opener', 'asks_one_question', False,
     'Hi Dana, this is Sam Lee about the analyst role from Tuesday. Yeah so, um, anyway?'),
    ('status_call_opener', 'asks_one_question', False,
     "Hi Dana, this is Sam Lee about the analyst role from Tuesday. What's the salary again? And the "
     'hours? And is there parking?'),
    ('thank_you', 'courteous_tone', False,
     'Dear Dana, thank you for the interview for the analyst role. I look forward to your positive '
     "reply, as I'm sure I'm the strongest candidate. Best, Sam"),
    ('thank_you', 'courteous_tone', False,
     'Dear Dana, thank you for the interview for the analyst role. I expect to hear from you by '
     'Friday. Best, Sam'),
    ('thank_you', 'courteous_tone', False,
     'Dear Dana, thank you for the interview for the analyst role. Hopefully this time the decision '
     "won't take a month. Best, Sam"),
    ('thank_you', 'courteous_tone', False,
     'Dear Dana, thank you for the interview for the analyst role. I really, really need this job, '
     "please don't let me down. Best, Sam"),
    ('feedback_request', 'not_argumentative', False,
     "Thank you for letting me know. I understand. I'd like to know what I could improve, although "
     'honestly the panel missed a lot of what I said. Please keep me in mind for future roles.'),
    ('feedback_request', 'not_argumentative', False,
     "Thank you for letting me know. I understand. I'm surprised, given my ten years in the field. "
     'What one thing should I improve? Please keep me in mind for future roles.'),
    ('feedback_request', 'frames_development', False,
     'Thank you for letting me know. I understand. Which answer was weakest? Please keep me in mind '
     'for future roles.'),
    ('feedback_request', 'asks_specific_questions', False,
     'Thank you for letting me know. I understand, so I can improve: any thoughts? Please keep me in '
     'mind for future roles.'),
    ('offer_call', 'no_rushed_acceptance', False,
     'Thank you so much! Absolutely yes, sign me up. When do I start?'),
    ('offer_call', 'no_rushed_acceptance', False,
     "Thank you so much! Yes! Of course I'll take it. When do I start?"),
    ('offer_call', 'no_rushed_acceptance', False,
     "Thank you so much! I'm definitely taking it, no need to send anything. When do I start?"),
    ('offer_call', 'no_rushed_acceptance', False,
     "Thank you! I'd be delighted to accept. When do I start?"),
    ('offer_call', 'no_rushed_acceptance', False,
     'Thank you! You can count on me, the answer is yes. When do I start?'),
    ('offer_call', 'courteous_tone', False,
     "Thank you! I'll need your answer on my salary request by tomorrow, or I'm walking. When do I "
     'start?'),
    ('thank_you', 'restates_interest', False,
     'Dear Dana, thank you for the interview for the analyst role. It was good to meet the team. '
     'Best, Sam'),
    ('status_call_opener', 'no_pressure', True,
     "Hi Dana, this is Sam Lee about the analyst role. It's been two weeks since the interview, so I "
     'wanted to check in. Is a decision close?'),
    ('feedback_request', 'not_argumentative', True,
     'Thank you for letting me know. I understand. Given my background in retail, which skill should '
     'I build first, so I can improve? Please keep me in mind for future roles.'),
    ('offer_call', 'no_rushed_acceptance', True,
     "Thank you! I'd be delighted to accept once I've seen the contract. Could you send it over? "
     'When do you need my answer?'),
    ('offer_call', 'no_rushed_acceptance', True,
     "Thank you! Could you send the contract over? I'm sure the answer will be yes. When do you need "
     'my answer?'),
    ('thank_you', 'courteous_tone', True,
     'Dear Dana, thank you for the interview. This time I prepared properly for the case study and '
     'it showed. Best, Sam'),
    # round 6: openers that name the role, the day and themselves in other shapes, and ones that don't
    ('status_call_opener', 'names_role_and_date', True,
     "Hi Dana, this is Sam Lee. I came in on Tuesday to interview for the analyst job. I'm following "
     'up on the decision. Is a decision close?'),
    ('status_call_opener', 'names_role_and_date', True,
     "Hi Dana, this is Sam Lee. We spoke last Thursday about the bookkeeper vacancy. I'm following "
     'up on the decision. Is a decision close?'),
    ('status_call_opener', 'names_role_and_date', True,
     "Hi Dana, this is Sam Lee, I had my interview for the receptionist post on the 4th. I'm "
     'following up on the decision. Is a decision close?'),
    ('status_call_opener', 'names_role_and_date', True,
     "Hi Dana, this is Sam Lee, I interviewed with you last week for Head Chef. I'm following up on "
     'the decision. Is a decision close?'),
    ('status_call_opener', 'names_role_and_date', True,
     "Hi Dana, this is Sam Lee, I was in for the warehouse supervisor interview yesterday. I'm "
     'following up on the decision. Is a decision close?'),
    ('status_call_opener', 'names_role_and_date', True,
     "Hi Dana, this is Sam Lee, I interviewed for Account Manager on March 3rd. I'm following up on "
     'the decision. Is a decision close?'),
    ('status_call_opener', 'names_role_and_date', True,
     "Hi Dana, this is Sam Lee, I interviewed for the nursing assistant opening a week ago. I'm "
     'following up on the decision. Is a decision close?'),
    ('status_call_opener', 'names_role_and_date', True,
     "Hi Dana, this is Sam Lee, I interviewed for the role of team leader on 3/3. I'm following up "
     'on the decision. Is a decision close?'),
    ('status_call_opener', 'says_who_you_are', True,
     "Hi Dana, Sam Lee calling about the analyst role from Tuesday. I'm following up on the "
     'decision. Is a decision close?'),
    ('status_call_opener', 'says_who_you_are', True,
     "Hi Dana, I'm Sam Lee, the analyst candidate from Tuesday. I'm following up on the decision. Is "
     'a decision close?'),
    ('status_call_opener', 'says_who_you_are', True,
     "Good morning Dana, it's Sam Lee speaking, about the analyst role from Tuesday. I'm following "
     'up on the decision. Is a decision close?'),
    ('status_call_opener', 'says_who_you_are', True,
     "Hello Ms Okafor, my name is Sam Lee and I interviewed for the analyst role on Tuesday. I'm "
     'following up on the decision. Is a decision close?'),
    ('status_call_opener', 'says_who_you_are', True,
     "Hi Dana, Sam Lee from Tuesday's analyst interview here. I'm following up on the decision. Is a "
     'decision close?'),
    ('status_call_opener', 'says_who_you_are', True,
     'hiya dana its sam lee, the analyst interview on tuesday. im following up on the decision. is a '
     'decision close?'),
    ('status_call_opener', 'says_who_you_are', True,
     "Hi Dana, you're speaking with Sam Lee, analyst interview on Tuesday. I'm following up on the "
     'decision. Is a decision close?'),
    ('status_call_opener', 'says_who_you_are', True,
     "Dana, hi! Sam Lee, I interviewed for the analyst role on Tuesday. I'm following up on the "
     'decision. Is a decision close?'),
    ('status_call_opener', 'says_who_you_are', True,
     "Hi Dana, it's Zoë Müller-Smith, I interviewed for the analyst role on Tuesday. I'm following "
     'up on the decision. Is a decision close?'),
    ('status_call_opener', 'says_who_you_are', True,
     "Hi Dana, it's Siobhan O'Neill, I interviewed for the analyst role on Tuesday. I'm following up "
     'on the decision. Is a decision close?'),
    ('status_call_opener', 'says_who_you_are', True,
     "Hi Dana, Sam here, Sam Lee, I interviewed for the analyst role on Tuesday. I'm following up on "
     'the decision. Is a decision close?'),
    ('status_call_opener', 'greets_by_name', True,
     "Good afternoon, Mrs Okafor, this is Sam Lee about the analyst role from Tuesday. I'm following "
     'up on the decision. Is a decision close?'),
    ('status_call_opener', 'greets_by_name', True,
     "Morning Dana! Sam Lee here about the analyst role from Tuesday. I'm following up on the "
     'decision. Is a decision close?'),
    ('status_call_opener', 'greets_by_name', True,
     "Dana, good morning, Sam Lee here about the analyst role from Tuesday. I'm following up on the "
     'decision. Is a decision close?'),
    ('status_call_opener', 'names_role_and_date', False,
     "Hi Dana, this is Sam Lee, I interviewed on Tuesday. I'm following up on the decision. Is a "
     'decision close?'),
    ('status_call_opener', 'names_role_and_date', False,
     "Hi Dana, this is Sam Lee, I came in for a chat with the manager on Tuesday. I'm following up "
     'on the decision. Is a decision close?'),
    ('status_call_opener', 'names_role_and_date', False,
     "Hi Dana, this is Sam Lee, I interviewed with your team leader on Tuesday. I'm following up on "
     'the decision. Is a decision close?'),
    ('status_call_opener', 'greets_by_name', False,
     "Morning! Sam Lee here about the analyst role from Tuesday. I'm following up on the decision. "
     'Is a decision close?'),
    # round 6: feedback requests and notes: honest self-criticism and well-wishing are calm, acceptance,
    # thanks and interest in other words
    ('feedback_request', 'not_argumentative', True,
     'Thank you for letting me know. I understand. I know I rushed my answer on budgets, and I '
     'should have given an example. Which part would you work on first? Please keep me in mind for '
     'future roles.'),
    ('feedback_request', 'not_argumentative', True,
     "Thank you for letting me know. I understand. I'm curious whether it was my lack of sector "
     'experience, so I can address it. Please keep me in mind for future roles.'),
    ('feedback_request', 'not_argumentative', True,
     'Thank you for letting me know. I understand. Was it my presentation or my experience that fell '
     'short, so I can improve? Please keep me in mind for future roles.'),
    ('feedback_request', 'not_argumentative', True,
     "Thank you for letting me know. I understand. I'm sure the successful candidate will do a great "
     'job. Which skill should I build, so I can improve? Please keep me in mind for future roles.'),
    ('feedback_request', 'not_argumentative', True,
     "Thank you for letting me know. It's not the news I wanted, but I understand. Which skill "
     'should I build, so I can improve? Please keep me in mind for future roles.'),
    ('feedback_request', 'not_argumentative', True,
     "Thank you for letting me know. I won't pretend I'm not disappointed, but I understand. Which "
     'skill should I build, so I can improve? Please keep me in mind for future roles.'),
    ('feedback_request', 'not_argumentative', True,
     "Thank you for letting me know. I understand. Honestly, I felt the interview went well, so I'd "
     'really value knowing which answer let me down. Please keep me in mind for future roles.'),
    ('feedback_request', 'not_argumentative', True,
     'Thank you for letting me know. I understand. I was a bit nervous on the day and I think it '
     'showed. Which skill should I build, so I can improve? Please keep me in mind for future roles.'),
    ('feedback_request', 'accepts_decision', True,
     "Thank you for letting me know. It's a shame, but I completely respect that. Which skill should "
     'I build, so I can improve? Please keep me in mind for future roles.'),
    ('feedback_request', 'accepts_decision', True,
     "Thank you for letting me know. Of course I'm disappointed. Which skill should I build, so I "
     'can improve? Please keep me in mind for future roles.'),
    ('feedback_request', 'accepts_decision', True,
     "Thank you for letting me know. I'm sorry it didn't work out this time. Which skill should I "
     'build, so I can improve? Please keep me in mind for future roles.'),
    ('feedback_request', 'accepts_decision', True,
     'Thank you for letting me know. Congratulations to whoever got the job. Which skill should I '
     'build, so I can improve? Please keep me in mind for future roles.'),
    ('feedback_request', 'accepts_decision', True,
     "Thank you for letting me know, I appreciate you telling me directly. I'm disappointed but I "
     'know it was a close call. Which skill should I build, so I can improve? Please keep me in mind '
     'for future roles.'),
    ('feedback_request', 'accepts_decision', True,
     "Thanks for the update. Bummer, but I get where you're coming from. Which skill should I build, "
     'so I can improve? Please keep me in mind for future roles.'),
    ('feedback_request', 'accepts_decision', True,
     "Thank you for letting me know. I'm gutted but that's how it goes. Which skill should I build, "
     'so I can improve? Please keep me in mind for future roles.'),
    ('feedback_request', 'accepts_decision', False,
     "Thank you for letting me know. I don't accept that I was the weaker candidate. Which skill "
     'should I build, so I can improve? Please keep me in mind for future roles.'),
    ('feedback_request', 'thanks_them', True,
     'Hi Dana, I really appreciate you taking the time to call me. I understand. Which skill should '
     'I build, so I can improve? Please keep me in mind for future roles.'),
    ('feedback_request', 'thanks_them', True,
     'Hi Dana, many thanks for getting back to me. I understand. Which skill should I build, so I '
     'can improve? Please keep me in mind for future roles.'),
    ('feedback_request', 'thanks_them', True,
     'Hi Dana, ta for letting me know. I understand. Which skill should I build, so I can improve? '
     'Please keep me in mind for future roles.'),
    ('thank_you', 'thanks_them', True,
     "Dear Dana, I'm grateful for the time you spent with me on Tuesday discussing the analyst role. "
     "I'm very interested. Best, Sam"),
    ('thank_you', 'restates_interest', True,
     'Dear Dana, thank you for Tuesday. Hearing about the migration has me even more eager to get '
     'started. Best, Sam'),
    ('thank_you', 'restates_interest', True,
     "Dear Dana, thank you for Tuesday. I'm all the more convinced this is where I want to be. Best, "
     'Sam'),
    ('thank_you', 'restates_interest', True,
     "Dear Dana, thank you for Tuesday. I'd jump at the chance to join the team. Best, Sam"),
    ('thank_you', 'restates_interest', True,
     "Dear Dana, thank you for Tuesday. It sounds like a brilliant team and I'd love to be part of "
     'it. Best, Sam'),
    ('thank_you', 'restates_interest', True,
     'Dear Dana, thank you for Tuesday. I hope I get the chance to work with you. Best, Sam'),
    ('thank_you', 'restates_interest', True,
     'Dear Dana, thank you for Tuesday. The role is a great match for what I want to do next. Best, '
     'Sam'),
    ('thank_you', 'restates_interest', False,
     'Dear Dana, thank you for Tuesday. It was an interesting afternoon. Best, Sam'),
    # round 6: stock notes in formal and casual words are form letters; a note with one real detail is not
    ('thank_you', 'not_form_letter', False,
     'Hi Dana, thanks a lot for having me in for the analyst role on Tuesday. It was really nice to '
     "learn more about the company and the position, and I enjoyed our conversation. I'm very "
     'interested and look forward to hearing back about next steps. Best, Sam'),
    ('thank_you', 'not_form_letter', False,
     'Dear Dana, I am writing to express my sincere gratitude for the opportunity to interview for '
     "the analyst position. I was impressed by the organisation's values and culture and believe my "
     'skills and experience make me an excellent fit. I look forward to hearing from you. Kind '
     'regards, Sam'),
    ('thank_you', 'not_form_letter', False,
     'hey dana!! thanks so much for the interview for the analyst job, had a great time chatting '
     'with everyone, super excited about the opportunity and hope to hear from u soon :) sam'),
    ('thank_you', 'not_form_letter', False,
     'Dear Dana, Many thanks for meeting with me regarding the analyst vacancy. I appreciated '
     "learning about your team's goals and challenges, and I am confident I could add value from day "
     'one. Thank you again for your time and consideration. Sincerely, Sam'),
    ('thank_you', 'not_form_letter', True,
     "Dear Dana, thank you for Tuesday's interview for the analyst role. Your question about "
     "reconciling the two inventory systems stuck with me, and I'd merge them on SKU first. I'm very "
     'interested. Best, Sam'),
    ('thank_you', 'not_form_letter', True,
     'Dear Dana, thank you for Tuesday. I loved hearing about the clinic opening and the new booking '
     "system. I'm very keen. Best, Sam"),
    ('thank_you', 'not_form_letter', True,
     'hi dana, thanks for tuesday! the bit about the night shift rota and the forklift training '
     'really stuck with me. keen to hear back, sam'),
    ('thank_you', 'not_form_letter', True,
     'Dear Dana, thank you for meeting me. Your point about cutting the month-end close from ten '
     'days to five is exactly the work I enjoy. Kind regards, Sam'),
    ('thank_you', 'not_form_letter', True,
     "Dear Dana, thanks for the interview. I've been thinking about your question on patient "
     'complaints and would start with the triage log. Best, Sam'),
    # round 6: pressure in fresh words (urgency, counting, bills, leverage, patience), and the employer's own
    # date recalled politely (the issue's failure pattern 4)
    ('voicemail', 'no_pressure', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. "
     'Please get back to me as a matter of priority on 07700 900123. Sam Lee, 07700 900123.'),
    ('voicemail', 'no_pressure', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. I'll "
     'keep trying until I reach you. 07700 900123. Sam Lee, 07700 900123.'),
    ('voicemail', 'no_pressure', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. This "
     "is the third voicemail I've left. 07700 900123. Sam Lee, 07700 900123."),
    ('voicemail', 'no_pressure', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. I "
     "really can't wait much longer. 07700 900123. Sam Lee, 07700 900123."),
    ('voicemail', 'no_pressure', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. I've "
     'got bills to pay, so please let me know. 07700 900123. Sam Lee, 07700 900123.'),
    ('status_call_opener', 'no_pressure', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. I "
     'need an answer today, to be honest. Is a decision close?'),
    ('status_call_opener', 'no_pressure', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. "
     "Other firms are circling, so I'd move fast if I were you. Is a decision close?"),
    ('status_call_opener', 'no_pressure', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. You "
     "did say you'd call by Monday. Is a decision close?"),
    ('status_call_opener', 'no_pressure', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. I'm "
     'starting to lose patience here. Is a decision close?'),
    ('status_call_opener', 'no_pressure', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. I'm "
     'desperate for some news, honestly. Is a decision close?'),
    ('status_call_opener', 'no_pressure', True,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision, as "
     'you mentioned you hoped to decide by Monday. Is a decision close?'),
    ('status_call_opener', 'no_pressure', True,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. I "
     'know these things take time. Is a decision close?'),
    ('voicemail', 'no_pressure', True,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision and "
     "I'm still very interested. Whenever suits you, my number is 07700 900123. Sam Lee, 07700 "
     '900123.'),
    ('status_call_opener', 'no_pressure', True,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. You told me you'd hope to decide by "
     "Monday, so I'm following up. Is a decision close?"),
    # round 6: prepared questions in more shapes ("When might I expect to hear?" asks, it sets no deadline);
    # small talk and fillers are not the question
    ('status_call_opener', 'asks_one_question', True,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. Do "
     "you have a sense of when you'll decide?"),
    ('status_call_opener', 'asks_one_question', True,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. Has "
     'the panel had a chance to meet yet?'),
    ('status_call_opener', 'asks_one_question', True,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. "
     'Would it help if I sent my portfolio?'),
    ('status_call_opener', 'asks_one_question', True,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. Are "
     'you still on track for a decision this week?'),
    ('status_call_opener', 'asks_one_question', True,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. When "
     'might I expect to hear?'),
    ('status_call_opener', 'asks_one_question', True,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. Any "
     "idea when you'll be in touch?"),
    ('status_call_opener', 'asks_one_question', True,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. I'd "
     "love to know if there's anything else you need from me."),
    ('status_call_opener', 'asks_one_question', True,
     'hi dana its sam lee analyst interview tuesday, following up on the decision, is there any news '
     'yet'),
    ('status_call_opener', 'asks_one_question', True,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. "
     "Could you let me know where you're at?"),
    ('status_call_opener', 'asks_one_question', True,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. Is "
     'it still looking like the end of the month?'),
    ('status_call_opener', 'asks_one_question', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. Did "
     'you get my thank-you email? And did you like my portfolio? And when do you decide?'),
    ('status_call_opener', 'asks_one_question', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. "
     'Thanks, bye.'),
    ('status_call_opener', 'asks_one_question', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. How "
     'are things?'),
    ('status_call_opener', 'asks_one_question', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. You "
     'know what I mean?'),
    ('status_call_opener', 'asks_one_question', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. "
     'Right?'),
    # round 6: subtle pressure (a quick answer wanted, waiting no longer, chasing again), learning why you
    # lost is not growth, curiosity about the outcome is not interest; and their polite look-alikes
    ('status_call_opener', 'no_pressure', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. I'd "
     'appreciate a quick answer. Is a decision close?'),
    ('status_call_opener', 'no_pressure', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. I'm "
     'hoping to hear back today. Is a decision close?'),
    ('status_call_opener', 'no_pressure', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. I'd "
     'like to get this sorted quickly. Is a decision close?'),
    ('status_call_opener', 'no_pressure', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. Just "
     "a reminder that I'm still waiting. Is a decision close?"),
    ('status_call_opener', 'no_pressure', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. Do "
     'you remember me at all? Is a decision close?'),
    ('status_call_opener', 'no_pressure', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. I'd "
     'rather not wait another week. Is a decision close?'),
    ('status_call_opener', 'no_pressure', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. I "
     "can't keep my other options open forever. Is a decision close?"),
    ('voicemail', 'no_pressure', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. "
     "Please call me back as soon as you can, I'll have my phone on me all day. 07700 900123. Sam "
     'Lee, 07700 900123.'),
    ('voicemail', 'no_pressure', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. I'll "
     'be waiting for your call. 07700 900123. Sam Lee, 07700 900123.'),
    ('voicemail', 'no_pressure', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. "
     'Sorry to chase again. 07700 900123. Sam Lee, 07700 900123.'),
    ('feedback_request', 'frames_development', False,
     "Thank you for letting me know. I understand. I'd like to learn why I wasn't chosen. Please "
     'keep me in mind for future roles.'),
    ('feedback_request', 'frames_development', True,
     "Thank you for letting me know. I understand. I'd like to learn from this, so which answer was "
     'weakest? Please keep me in mind for future roles.'),
    ('thank_you', 'restates_interest', False,
     "Dear Dana, thank you for Tuesday's interview for the analyst role. I'm interested to hear what "
     'you decide. Best, Sam'),
    ('thank_you', 'restates_interest', True,
     "Dear Dana, thank you for Tuesday's interview for the analyst role. I'm very interested in the "
     'role. Best, Sam'),
    ('thank_you', 'restates_interest', True,
     "Dear Dana, thank you for Tuesday's interview for the analyst role. I'm very interested to "
     'learn more about the team. Best, Sam'),
    ('status_call_opener', 'no_pressure', True,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm following up on the decision. I'd "
     'appreciate a quick word when you have a moment. Is a decision close?'),
    # round 7 (after tuning18): the role as the one you want; growth not read off a job title, a
    # department or what you learned about them; counting your own messages; doubting anyone looked;
    # a want with their deadline; how much you need it
    ('thank_you', 'restates_interest', True,
     "Dear Dana, thank you for Tuesday's interview. Your question about churn stuck with me. This is "
     'the role I want, and Calder is the team I would most like to join. Best, Sam'),
    ('thank_you', 'restates_interest', False,
     "Dear Dana, thank you for Tuesday's interview. Your question about churn stuck with me. The role "
     'I want to ask about is the senior one. Best, Sam'),
    ('feedback_request', 'frames_development', False,
     'Dear Dana, thank you for letting me know about the Learning and Development Coordinator role. I '
     'understand your decision. Could you tell me which answer the development team felt was weakest? '
     'Best, Sam'),
    ('feedback_request', 'frames_development', False,
     'Dear Dana, thank you for letting me know. I understand your decision. I learned a lot about '
     'Calder during the interview. Which answer was weakest? Best, Sam'),
    ('feedback_request', 'frames_development', True,
     'Dear Dana, thank you for letting me know. I understand your decision. I want to learn about where '
     'I fell short. Which answer was weakest? Best, Sam'),
    ('feedback_request', 'frames_development', True,
     'Dear Dana, thank you for letting me know. I understand your decision. Which answer was weakest? '
     "I'm keen to keep developing my case-study skills. Best, Sam"),
    ('voicemail', 'no_pressure', False,
     'Hi Dana, Sam Lee again - fourth message, in case the other three got lost. I interviewed for the '
     'analyst role on Tuesday. Is a decision close? My number is 07700 900123.'),
    ('voicemail', 'no_pressure', True,
     'Hi Dana, this is Sam Lee. I interviewed for the analyst role on Tuesday - the second interview, '
     'with Ben. Is a decision close? My number is 07700 900123.'),
    ('status_call_opener', 'no_pressure', False,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm calling about the decision. Has "
     'anyone even read my application yet?'),
    ('status_call_opener', 'no_pressure', True,
     "Hi Dana, this is Sam Lee, analyst interview on Tuesday. I'm calling about the decision. Has "
     'anyone had a chance to look at the shortlist yet?'),
    ('feedback_request', 'not_argumentative', False,
     'Hi Dana, thanks for letting me know. I accept it. But I want detailed notes on every answer by '
     'Friday, so I can do better. Best, Sam'),
    ('feedback_request', 'not_argumentative', True,
     'Hi Dana, thanks for letting me know. I accept it. I want to get better, so could you tell me which '
     'answer was weakest? Best, Sam'),
    ('offer_call', 'courteous_tone', False,
     "Thank you, Dana - you have no idea how much I needed this. Could you send the offer in writing? "
     'When do you need my answer?'),
    ('offer_call', 'courteous_tone', True,
     "Thank you, Dana - I'm delighted. Could you send the offer in writing? When do you need my answer?"),
]


@pytest.mark.parametrize(("kind", "check_id", "passes", "text"), _PARAPHRASES)
def test_presence_checks_see_paraphrases_and_not_look_alikes(
    kind: str, check_id: str, passes: bool, text: str
) -> None:
    got = next(c for c in check_message(text, kind).items if c.id == check_id)
    assert got.passed is passes, (got.advice, text)
    assert got.source_ids and got.source, check_id


# -- the learned presence signal (round 6) ------------------------------------------------------------

PRESENCE_MODEL = ROOT / "followup_kit" / "data" / "presence_model.json"


def _train_presence():
    """benchmarks/train_presence.py as a module (a script; it imports train_tone beside it)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        spec = importlib.util.spec_from_file_location(
            "train_presence", ROOT / "benchmarks" / "train_presence.py"
        )
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


def test_the_presence_model_was_trained_on_the_tuning_batches_and_shipped_only_where_cv_says_so() -> None:
    """It names exactly today's tuning batches with their digests; each shipped check is one the fresh
    batches' CV shipped, at its chosen threshold; the fresh verdicts cover exactly the fresh batches."""
    import hashlib

    model = json.loads(PRESENCE_MODEL.read_text(encoding="utf-8"))
    tuning = sorted(TUNING_PATH.parent.glob("tuning*.json"))
    assert model["trained_on"] == {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tuning}, (
        "the tuning batches changed: run python3 tasks.py train-presence"
    )
    assert model["messages"] == len(CORPUS)
    shipped = model["cv"]["fresh_batches"]["shipped"]
    assert set(model["checks"]) == set(shipped) and model["checks"]
    assert all(model["checks"][c]["hi"] == shipped[c] >= 0.8 for c in shipped)
    train = _train_presence()
    fresh = json.loads(train.FRESH.read_text(encoding="utf-8"))
    ids = {
        e["id"]
        for batch in train.FRESH_COMMITS
        for e in json.loads((TUNING_PATH.parent / f"{batch}.json").read_text(encoding="utf-8"))["messages"]
    }
    assert set(fresh) == ids
    assert model["cv"]["fresh_batches"]["batches"] == sorted(train.FRESH_COMMITS)


def test_retraining_the_presence_model_reproduces_the_shipped_weights() -> None:
    model = json.loads(PRESENCE_MODEL.read_text(encoding="utf-8"))
    train = _train_presence()
    data = train.examples()
    for check, shipped in model["checks"].items():
        bias, weights = train.fit(data, check)
        assert bias == pytest.approx(shipped["bias"], abs=1e-5)
        kept = {f: w for f, w in weights.items() if abs(w) >= train.PRUNE}
        assert set(kept) == set(shipped["weights"]), check
        assert all(kept[f] == pytest.approx(w, abs=1e-5) for f, w in shipped["weights"].items())


def test_the_presence_model_is_a_second_opinion_shown_at_its_clause_with_the_check_sources() -> None:
    """Where the rapport rules find nothing the model may: the learner sees which words it read that
    way and the check's own sources; where it is not sure, the rule's advice stands."""
    base = (
        "Thank you so much, I'm delighted! Could you email me the offer letter, and when do you need my "
        "answer? "
    )
    line = "I'd love to hear what the first project will be."
    draft = messages._Draft(base + line, "offer_call", None)
    assert messages._first(messages._RAPPORT, draft.flat) is None  # no rule finds it
    got = _checks(base + line, "offer_call")["builds_rapport"]
    assert got.passed and f"“{line}”" in got.advice and "model trained on coach-labelled" in got.advice
    assert got.source_ids == ("seed003", "model_offer") and _source_is_cited(got.source)
    plain = _checks(base + "Thanks again.", "offer_call")["builds_rapport"]
    assert not plain.passed and plain.advice.startswith("Build rapport")
    # only the checks CV shipped get a second opinion
    opener = messages._Draft(base + line, "status_call_opener", None)
    assert messages._learned_presence(opener, "asks_one_question") is None


def test_the_presence_model_loads_on_the_first_check_not_at_import() -> None:
    code = (
        "from followup_kit import messages as m; "
        "assert m._presence_model.cache_info().currsize == 0; "
        "m.check_message('Thank you! Could you send the offer?', 'offer_call'); "
        "assert m._presence_model.cache_info().currsize == 1"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("line", "restates"),
    [
        # round 8: wanting the job in paraphrase is interest said, so the learner is not told to add it
        ("Our talk only confirmed that this is where I want to build my career.", True),
        ("I left hoping very much to join you.", True),
        ("The job sounds like a great next step for me.", True),
        ("Count me in if you'll have me!", True),
        ("The role is a perfect fit for me and I'm ready to get started.", True),
        ("I'm all the more convinced this is the right move for me.", True),
        ("It would mean a lot to me to join your team.", True),
        ("Nothing would make me happier than joining the team.", True),
        ("I hope to hear good news, as I'd really like the job.", True),
        ("I would very much like the opportunity to join you.", True),
        ("I'd be delighted to accept if offered.", True),
        ("I am even keener now.", True),
        ("It's the kind of job I've wanted for years.", True),
        ("The role is everything I've been looking for.", True),
        ("I'd be proud to be on the team.", True),
        ("Really hoping I'm the one you pick!", True),
        ("I'm committed to this role and ready to start.", True),
        # look-alikes: doubt, asking about the next step, wanting a document, hoping to hear back
        ("I'm not sure this is the right move for me.", False),
        ("What's the next step for me?", False),
        ("I'd like the job description sent over.", False),
        ("I was hoping to hear back sooner.", False),
        ("I don't think it's a good fit for me.", False),
        ("I'm not committed to this role yet.", False),
        ("I'd be happy to accept any feedback.", False),
    ],
)
def test_interest_in_paraphrase_is_seen_and_look_alikes_are_not(line: str, restates: bool) -> None:
    text = f"Dear Sam,\n\nThank you for meeting me on Tuesday about the analyst role. {line}\n\nBest,\nAlex"
    got = _checks(text, "thank_you")["restates_interest"]
    assert got.passed is restates, got.advice
    assert got.source_ids[0] == "seed002"


@pytest.mark.parametrize(
    ("line", "asks"),
    [
        # round 8: a question after "so yeah" or in an old-fashioned form
        ("so yeah is there any update at all", True),
        ("Might I ask how the decision is coming along?", True),
        # look-alikes: the purpose said, not asked; a complaint after the topic; small talk
        ("Just calling about the analyst role.", False),
        ("I'm calling regarding the decision.", False),
        # asking "about the timeline" names the topic, not a question (the corpus labels: t081, z014)
        ("Just ringing to ask about the timeline.", False),
        ("I wanted to ask about the timeline, why is it taking so long", False),
        ("Yeah right.", False),
    ],
)
def test_questions_in_unusual_forms_count_and_statements_do_not(line: str, asks: bool) -> None:
    text = f"Hi Sam, this is Alex Lee. I interviewed for the analyst role on Tuesday. {line} Thanks so much."
    got = _checks(text, "status_call_opener")["asks_one_question"]
    assert got.passed is asks, got.advice
    assert "seed003" in got.source_ids


@pytest.mark.parametrize(
    ("line", "restates"),
    [
        # round 8 after tuning19: more ways of wanting the job
        ("This is exactly the kind of work I want to be doing.", True),
        ("I want in.", True),
        ("This is the team I would pick.", True),
        ("I'd still like the job.", True),
        ("Really hoping I get to work alongside you all.", True),
        ("I am very interested in your plans for the team.", True),
        # round 11: learners' own English
        ("I am really wish to work in your team.", True),
        ("I am very interesting in this role.", True),
        ("I loved hearing about the van route and would really like to be part of it.", True),
        ("The van route was very interesting.", False),
        # interest in their hobby or a question asked is not interest in the job
        ("I am very interested in your cycling trips.", False),
        ("I was interested in your question about SQL.", False),
    ],
)
def test_interest_paraphrases_and_look_alikes_rounds_8_and_11(line: str, restates: bool) -> None:
    text = f"Dear Sam, thank you for meeting me on Tuesday about the analyst role. {line} Best, Alex"
    assert _checks(text, "thank_you")["restates_interest"].passed is restates


@pytest.mark.parametrize(
    ("line", "asks"),
    [
        ("I'd love to know roughly when you expect to decide.", True),
        ("Time flies, doesn't it?", False),  # a tag question is small talk
        ("The weather has been grim, hasn't it?", False),
    ],
)
def test_tuning19_question_forms(line: str, asks: bool) -> None:
    text = _FOLLOWING_UP + line
    assert _checks(text, "status_call_opener")["asks_one_question"].passed is asks


@pytest.mark.parametrize(
    ("line", "future", "calm"),
    [
        ("If another analyst spot comes up, I'd love to be thought of.", True, True),
        ("Should the role reopen, I would welcome being considered.", True, True),
        ("If the role reopens, I'll be sad.", False, True),  # names a role to come, asks nothing
        ("Fine, whatever, your call.", False, False),  # a shrug at the decision
        ("Fine. Whatever works for you on timing.", False, True),
        ("OK, whatever you decide is fine.", False, True),
    ],
)
def test_tuning19_future_roles_and_the_shrug(line: str, future: bool, calm: bool) -> None:
    text = (
        "Hi Sam, thanks for letting me know. I'm disappointed, but I understand. What one thing could I "
        f"improve for next time? {line} Best, Alex"
    )
    got = _checks(text, "feedback_request")
    assert got["asks_future_roles"].passed is future
    assert got["not_argumentative"].passed is calm, got["not_argumentative"].advice


# -- round 9: four labelling standards settled, and tuning20/21's fresh wording ---------------------

_REJECTED = "Hi Sam, thank you for letting me know. I'm disappointed, but I understand. "


@pytest.mark.parametrize(
    ("line", "frames"),
    [
        # the question's own "stronger"/"better" is the question, not the framing
        ("Could you tell me what would have made me a stronger candidate?", False),
        ("Was there one thing that would have made me stronger?", False),
        ("I'd be grateful to know what I could have done better.", False),
        # framing said before the question, in any words
        ("To get better, what's one thing I could have done differently?", True),
        ("I'm trying to get better at interviews, so can I ask what would have made me stronger?", True),
        ("So I can improve, what would have made me a stronger candidate?", True),
        ("I'm keen to become a stronger candidate: which answer let me down?", True),
    ],
)
def test_round9_framing_is_said_not_implied_by_the_question(line: str, frames: bool) -> None:
    text = f"{_REJECTED}{line} Please keep me in mind for future roles. Best, Alex"
    assert _checks(text, "feedback_request")["frames_development"].passed is frames


@pytest.mark.parametrize(
    ("line", "asks", "calm"),
    [
        ("I really need an answer today. Is a decision close?", True, False),  # the demand is flagged
        ("I've another offer, so I'm not going to hang around. Any news?", True, False),
        ("I need to know today whether it's a yes. Can you tell me?", False, False),  # nothing asked
        ("I'm calling to find out what's going on.", False, True),  # a complaint, not a question
        ("Could you tell me what's going on with the decision?", True, True),
    ],
)
def test_round9_a_calm_question_next_to_a_demand_still_counts(line: str, asks: bool, calm: bool) -> None:
    text = _FOLLOWING_UP + line
    got = _checks(text, "status_call_opener")
    assert got["asks_one_question"].passed is asks, got["asks_one_question"].advice
    assert got["no_pressure"].passed is calm, got["no_pressure"].advice


@pytest.mark.parametrize(
    ("opening", "thanks", "calm"),
    [
        ("Thanks for finally letting me know, only three weeks later.", True, False),
        ("Thank you for letting me know, finally.", True, False),
        ("Thanks for nothing, really.", False, False),  # thanks nobody
        ("Thank you for letting me know.", True, True),
    ],
)
def test_round9_sarcastic_thanks_still_thanks_and_the_tone_check_says_so(
    opening: str, thanks: bool, calm: bool
) -> None:
    text = f"Hi Sam, {opening} I accept the decision. So I can improve, what one thing should I work on?"
    got = _checks(text, "feedback_request")
    assert got["thanks_them"].passed is thanks
    assert got["not_argumentative"].passed is calm
    if thanks and not calm:  # never praised as a warm tone
        assert "sarcastic" in got["thanks_them"].advice and "warm tone" not in got["thanks_them"].advice


@pytest.mark.parametrize(
    ("line", "deadline"),
    [
        ("When do you need the signed copy back?", True),
        ("When do you need it signed by?", True),
        ("And when do you need my formal answer?", True),
        ("Could you confirm the start date?", False),  # theirs to confirm, and the start, not the answer
        ("Is the start date still the 2nd?", False),
    ],
)
def test_round9_the_paperwork_due_is_the_deadline_the_start_date_is_not(line: str, deadline: bool) -> None:
    text = f"Thank you, Sam! Could you send the offer in writing? {line} Anything I should read first?"
    assert _checks(text, "offer_call")["asks_deadline"].passed is deadline


def test_round9_dear_hiring_team_is_the_greetings_fault_not_a_form_letters() -> None:
    interview = Interview(company="Ferrocast", role="Quality Engineer", held_at=datetime(2026, 12, 1, 10),
                          interviewers=["Maelle Dufour"],
                          talking_points=["porosity defects on the pump housings"])  # fmt: skip
    specific = ("Dear Hiring Team, thank you for the interview for the Quality Engineer role. The "
                "porosity defects on the pump housings were a fascinating problem. I'm keen to join. "
                "Anwen")  # fmt: skip
    got = {c.id: c for c in check_message(specific, "thank_you", interview).items}
    assert not got["names_interviewer"].passed and got["not_form_letter"].passed
    generic = "Dear Hiring Team, thank you for the interview. I enjoyed it and hope to hear soon. Anwen"
    got = {c.id: c for c in check_message(generic, "thank_you", interview).items}
    assert not got["not_form_letter"].passed and "Hiring Team" in got["not_form_letter"].advice


@pytest.mark.parametrize(
    ("kind", "text", "calm"),
    [
        ("feedback_request", f"{_REJECTED}Congrats to whoever you picked, I'm sure they're perfect.", False),
        ("feedback_request", f"{_REJECTED}Congratulations to the successful candidate, I'm sure they'll "
         "do well.", True),  # fmt: skip
        ("thank_you", "Dear Sam, nothing like a surprise exam to make an interview fun. Alex", False),
        ("voicemail", "Hi Sam, Alex here. The 18th came and went, so I'm following up.", False),
        ("voicemail", "Hi Sam, Alex here. You mentioned deciding by the 18th, so I'm following up.", True),
        ("offer_call", "Finally! Thanks, Sam, I'd almost given up on you.", False),
        ("offer_call", "Thank you, Sam. Finally, could you send it in writing?", True),  # a list's end
        ("offer_call", "Thanks, Sam. Send it today, or I'll be going with the other company.", False),
        ("offer_call", "Oh brilliant, thank you Sam! Could you send it in writing?", True),  # glad news
        ("feedback_request", f"{_REJECTED}The take-home test was clearly marked unfairly.", False),
        # round 10: subtle tone and its calm look-alikes
        ("feedback_request", f"{_REJECTED}A full six weeks later, which was very thorough of you.", False),
        ("thank_you", "Dear Sam, thanks ever so much for squeezing me in between meetings.", False),
        ("thank_you", "Dear Sam, I do hope the decision will actually arrive by the 26th this time.", False),
        ("thank_you", "Dear Sam, I hope the decision arrives by the 26th, as you mentioned.", True),
        ("status_call_opener", "Hi Sam, Alex here. It's easy for us to slip through the cracks.", False),
        ("thank_you", "Hey Sam! You definitely need me, let's grab a pint once I'm in, mate!", False),
        ("feedback_request", f"{_REJECTED}Thanks for the lovely rejection, it really made my week.", False),
        ("feedback_request", f"{_REJECTED}It's not the news I wanted, but I understand.", True),
        ("feedback_request", f"{_REJECTED}If you ever need someone capable of running the rota, I'm keen.",
         True),  # fmt: skip  # not the dig "if you ever want someone competent."
        ("feedback_request", f"{_REJECTED}Keep me in mind if you ever want someone competent.", False),
        ("feedback_request", f"{_REJECTED}I'm disappointed but fine with it.", True),
        # round 11
        ("thank_you", "Dear Sam, frankly I think his approach is outdated, and I stand by mine.", False),
        ("thank_you", "Dear Sam, I'd gently point out that it's what the research says.", False),
        ("thank_you", "Dear Sam, I don't think I answered as well as I could have: what I meant to say is "
         "that calls within 48 hours kept our donors.", True),  # fmt: skip
        ("offer_call", "Oh brilliant, Sam! Can you email me the offer?", True),
        ("offer_call", "Oh brilliant. Another delay, I suppose.", False),
        ("status_call_opener", "Hi Sam, Alex here. Is a decision close? If not, may I check back on "
         "Thursday?", True),  # fmt: skip
    ],
)
def test_tone_in_fresh_wording_rounds_9_to_11(kind: str, text: str, calm: bool) -> None:
    tone = next(c for c in check_message(text, kind).items if c.id in TONE_CHECKS)
    assert tone.passed is calm, tone.advice


# -- round 10: tuning22 (one subtle omission) and tuning23 (subtle tone) ----------------------------


@pytest.mark.parametrize(
    ("line", "asks"),
    [
        ("Did you have a good bank holiday weekend?", False),
        ("How was your half term, did you get away anywhere nice?", False),
        ("How was the crossing this morning, bit choppy?", False),  # round 9: about their journey
        ("I suppose I shouldn't get my hopes up, I never seem to get these things, but is a decision close?",
         True),  # fmt: skip  # the question after the comma is calm (the self-pity is the tone check's)
    ],
)
def test_round10_small_talk_and_a_question_after_a_comma(line: str, asks: bool) -> None:
    text = _FOLLOWING_UP + line
    assert _checks(text, "status_call_opener")["asks_one_question"].passed is asks


def test_round10_hiya_is_a_greeting_not_a_name() -> None:
    text = "Hiya Brigid, I came in on Wednesday about the joiner job. Just ringing to see how things are."
    got = _checks(text, "status_call_opener")
    assert not got["says_who_you_are"].passed and "Hiya" not in got["says_who_you_are"].advice


def test_round10_a_generic_note_signed_off_inline_is_still_generic() -> None:
    text = ("Dear Perpetua, thank you for taking the time to meet me about the Teaching Assistant position. "
            "It was a pleasure to learn more about the school and the team. I am very enthusiastic about the "
            "opportunity. Yours sincerely, Hollis Marchetti")  # fmt: skip
    assert not _checks(text, "thank_you")["not_form_letter"].passed


@pytest.mark.parametrize(
    ("line", "deadline"),
    [
        ("Could we confirm the start date, and is there anything I could read before day one?", False),
        ("By what date do you need my answer?", True),
    ],
)
def test_round10_day_one_is_not_a_deadline(line: str, deadline: bool) -> None:
    text = f"Thank you, Sam! Could you email me the offer in writing? {line}"
    assert _checks(text, "offer_call")["asks_deadline"].passed is deadline


@pytest.mark.parametrize(
    ("line", "future"),
    [
        ("Please consider me if there is another position in Sarnia.", True),  # round 9
        ("Please consider me if you have any questions.", False),
        ("Please put me forward for the next planner vacancy.", True),
        ("Could you keep something open for me if it comes up?", True),
        ("Please forward me the panel's notes.", False),
    ],
)
def test_round9_and_10_future_roles_asked_of_them(line: str, future: bool) -> None:
    text = f"{_REJECTED}So I can improve, what one thing should I work on? {line} Alex"
    assert _checks(text, "feedback_request")["asks_future_roles"].passed is future


# -- round 11: tuning24 (one subtle omission) and tuning25 (as learners write) ----------------------


@pytest.mark.parametrize(
    ("number", "left"),
    [
        ("my number's oh seven seven double oh, nine double oh, two three three", True),
        ("you can reach me on zero one six one, four nine six, oh seven three five", True),
        ("I have one or two questions and three ideas", False),
    ],
)
def test_round11_a_number_said_in_words(number: str, left: bool) -> None:
    text = f"hi sam its alex lee, following up on the analyst role. {number}. again its alex lee"
    assert _checks(text, "voicemail")["leaves_number"].passed is left


def test_round11_the_deciding_factor_is_a_specific_question_and_a_role_that_opens_is_asked_for() -> None:
    text = (f"{_REJECTED}So I can improve, what was the deciding factor? If a role opens in the spring I'd "
            "love to be considered. Alex")  # fmt: skip
    got = _checks(text, "feedback_request")
    assert got["asks_specific_questions"].passed and got["asks_future_roles"].passed
    offer = "Thank you, Sam! Please send me the contract. When must I return it? Anything to read first?"
    assert _checks(offer, "offer_call")["asks_deadline"].passed


# -- round 12: tuning26 (learners who are not confident writers) and tuning27 (good from nearly good) -----


@pytest.mark.parametrize(
    ("line", "asked"),
    [
        ("Kindly also consider my profile for any future QA openings.", True),
        ("If the team grows again, I'd be very glad to hear from you.", True),
        ("I'd be glad to be considered should another technician role open.", True),
        ("I'd love to be considered if another QA Test Developer role opens.", True),
        ("And if another shift lead spot ever comes up i'd love a shout.", True),  # round 13
        ("I'd love to be considered if another Junior Gameplay Developer spot opens.", True),
        ("The parking spot outside was handy.", False),
        ("The team grows every year, which is lovely to see.", False),  # names growth, asks nothing
        ("Another candidate's role was different, I gather.", False),
    ],
)
def test_round12_future_roles_in_the_learners_own_words(line: str, asked: bool) -> None:
    text = f"{_REJECTED}So I can improve, what one thing should I work on? {line} Alex"
    assert _checks(text, "feedback_request")["asks_future_roles"].passed is asked


def test_round12_the_decision_day_is_not_the_interview_day_and_a_word_of_the_title_is_not_the_title() -> None:
    said = "Hi Dana, this is Sam Rivera calling about the Data Analyst position. I'm following up."
    asked = f"{said} You'd mentioned the 12th for a decision. Is that still the plan?"
    decision = _checks(asked, "voicemail", CALL)
    assert not decision["names_role_and_date"].passed
    interviewed = _checks(f"{said} I interviewed on Tuesday. Is a decision close?", "voicemail", CALL)
    assert interviewed["names_role_and_date"].passed
    planner = Interview(company="Quillon", role="Transport Planner", held_at=datetime(2026, 11, 9, 9, 0),
                        interviewers=["Amara Lind"])  # fmt: skip
    note = ("Dear Amara, thank you for your time on Monday. The cold-chain route was the most interesting "
            "planning problem I've seen, and I'd be delighted to join Quillon. Best, Zofia")  # fmt: skip
    assert not _checks(note, "thank_you", planner)["names_role"].passed
    named = note.replace("planning problem I've seen", "problem I've seen, and the planner role suits me")
    assert _checks(named, "thank_you", planner)["names_role"].passed


def test_round12_questions_in_speech_a_demand_and_a_call_back() -> None:
    typed = ("hi dana um yeah so i had the interview for the analyst job on tuesday and i was ringing to "
             "see how it's going, is a decision close do you reckon")  # fmt: skip
    got = _checks(typed, "status_call_opener", CALL)
    assert got["asks_one_question"].passed
    assert not got["says_who_you_are"].passed  # "how it's going" names nobody
    demand = ("Hi Dana, Sam Rivera here about the analyst role from Tuesday. Just call me back and tell "
              "me if I got it or not.")  # fmt: skip
    got = _checks(demand, "voicemail", CALL)
    assert not got["asks_one_question"].passed and not got["no_pressure"].passed
    back = "Hi Dana, this is Sam Rivera, analyst role, Tuesday. Could you call me back when you get a chance?"
    assert not _checks(back, "voicemail", CALL)["asks_one_question"].passed


def test_round12_specific_questions_counted_and_compared() -> None:
    many = (f"{_REJECTED}I'd like to use it to improve. How was my design answer? Was my test fast enough? "
            "Did I seem confident? Was my salary too high? Please keep me in mind. Alex")  # fmt: skip
    got = _checks(many, "feedback_request")["asks_specific_questions"]
    assert not got.passed and "4 here" in got.advice  # no learned second opinion overrules a count
    compared = f"{_REJECTED}For my own improvement, what did they have that I didn't? Keep me in mind. Alex"
    got = _checks(compared, "feedback_request")["asks_specific_questions"]
    assert got.passed and "sources disagree" in got.advice
    why = f"{_REJECTED}For my development, I'd like to understand why I wasn't chosen. Keep me in mind. Alex"
    assert not _checks(why, "feedback_request")["asks_specific_questions"].passed


@pytest.mark.parametrize(
    ("kind", "line", "calm"),
    [
        ("voicemail", "Guess the 20th was more of a suggestion, huh?", False),
        ("voicemail", "I'm guessing the phones there only work one way.", False),
        ("feedback_request", "Thank you for letting me know, and for only taking three weeks.", False),
        ("feedback_request", "Please, please, if anything comes up, I'll take any role.", False),
        ("feedback_request", "Congratulations on finding someone so perfect.", False),
        ("voicemail", "I know the 20th was a rough date, so no rush at all.", True),
        ("feedback_request", "Thank you for letting me know so quickly.", True),
        ("feedback_request", "If the role reopens, I'd love to be considered; I'd be sad to miss it.", True),
    ],
)
def test_round12_tone_sarcasm_and_begging_and_calm_look_alikes(kind: str, line: str, calm: bool) -> None:
    if kind == "voicemail":
        text = f"Hi Dana, this is Sam Rivera, analyst role, Tuesday. {line} Is a decision close? 555-014-2368"
        check = "no_pressure"
    else:
        text = f"{_REJECTED}{line} So I can improve, what one thing should I work on? Alex"
        check = "not_argumentative"
    assert _checks(text, kind, CALL if kind == "voicemail" else None)[check].passed is calm, line


# -- round 13: tuning28 (as learners type and say it) and tuning29 (each kind at its hardest) -----------


@pytest.mark.parametrize(
    ("line", "calm"),
    [
        ("I'd love to join, assuming the forty-minute wait isn't how you treat patients too!", False),
        ("I'm following up, since apparently emails don't get answered there.", False),
        ("Thanks for the rejection, a whole nine days after your own deadline, impressive.", False),
        ("You said the 25th and it's now the 30th.", False),
        ("You said the 25th, and I know these things slip, so no rush.", True),
        ("I'd love to join, and I'm impressed by how you treat patients.", True),
    ],
)
def test_round13_digs_in_passing_and_their_calm_look_alikes(line: str, calm: bool) -> None:
    text = f"Hi Dana, this is Sam Rivera, analyst role, last Tuesday. {line} Is a decision close?"
    assert _checks(text, "status_call_opener", CALL)["no_pressure"].passed is calm, line


def test_round13_small_talk_a_spoken_hundred_and_a_hej() -> None:
    prep = f"{_FOLLOWING_UP}How's the lantern festival prep going?"
    assert not _checks(prep, "status_call_opener")["asks_one_question"].passed
    hiring = f"{_FOLLOWING_UP}How's the hiring process going?"
    assert _checks(hiring, "status_call_opener")["asks_one_question"].passed
    spoken = ("hi sam, it's alex lee, analyst role, tuesday. is a decision close? you can get me on oh seven "
              "seven double oh nine hundred five six one. alex lee again")  # fmt: skip
    assert _checks(spoken, "voicemail")["leaves_number"].passed
    note = "Hej Rasmus, thank you for Tuesday's interview for the analyst role. Best, Malin"
    assert _checks(note, "thank_you")["names_interviewer"].passed


def test_round13_signing_unseen_is_rushed_and_reading_first_is_not_a_term_set() -> None:
    rushed = "Thank you, Sam! Yes, I'd be delighted to accept - I'll sign as soon as it arrives. Send it?"
    assert not _checks(rushed, "offer_call")["no_rushed_acceptance"].passed
    careful = ("Thank you very much, Sam. I won't commit until I've read the written offer, so could you "
               "send it over? When do you need my decision?")  # fmt: skip
    got = _checks(careful, "offer_call")
    assert got["no_rushed_acceptance"].passed and got["courteous_tone"].passed
    terms = "Thank you, Sam. I won't sign until you raise the salary. When do you need my decision?"
    assert not _checks(terms, "offer_call")["courteous_tone"].passed


# -- round 14: tuning30 (openers and voicemails) and tuning31 (thank-you notes at their hardest) --------


@pytest.mark.parametrize(
    ("question", "prepared"),
    [
        ("Could you give me a call back when you get a chance?", False),
        ("Could you give me a ring back on 07700 900 731?", False),
        ("I mean, who wouldn't want to work at the Larkspur, right?", False),
        ("Did you manage to get the Easter rota sorted in the end?", False),
        ("Did you manage to get the shortlist sorted yet?", True),  # about the hiring: a real question
        ("Could you give me a rough idea of when you'll decide?", True),
    ],
)
def test_round14_call_backs_rhetoric_and_their_other_work_are_not_the_prepared_question(
    question: str, prepared: bool
) -> None:
    assert _checks(f"{_FOLLOWING_UP}{question}", "status_call_opener")["asks_one_question"].passed is prepared


def test_round14_a_blunt_open_question_after_a_pressing_line_does_not_count() -> None:
    pressed = ("Hi Sam, this is Alex Lee, analyst interview on Tuesday. I've been waiting over two weeks now "
               "and nobody's called me, so where are we at?")  # fmt: skip
    assert not _checks(pressed, "status_call_opener")["asks_one_question"].passed
    calm = "Hi Sam, this is Alex Lee, analyst interview on Tuesday. I'm following up, so where are we at?"
    assert _checks(calm, "status_call_opener")["asks_one_question"].passed


def test_round14_small_talk_is_not_the_purpose_and_a_ring_back_is_not_a_check_in() -> None:
    chat = ("Hi Sam, this is Alex Lee, analyst interview on Tuesday. I hope the cafe extension is coming "
            "along nicely! Could you give me a ring back on 07700 900731? Again, Alex Lee.")  # fmt: skip
    assert not _checks(chat, "voicemail")["states_purpose"].passed
    status = ("Hi Sam, this is Alex Lee, analyst interview on Tuesday. I hope the hiring is coming along "
              "nicely. Is a decision close? 07700 900731. Again, Alex Lee.")  # fmt: skip
    assert _checks(status, "voicemail")["states_purpose"].passed


@pytest.mark.parametrize(
    ("line", "kind", "calm"),
    [
        ("Thank you - I think - for the interview on Tuesday.", "thank_you", False),
        ("Thank you for the interview, and for keeping me waiting forty minutes in the car park.",
         "thank_you", False),  # fmt: skip
        ("Thanks for the forty minutes I spent in reception, which gave me plenty of time to admire the "
         "trophy cabinet.", "thank_you", False),  # fmt: skip
        ("I'm sure the 'we'll be in touch soon' is sincere this time, unlike the last two places.",
         "thank_you", False),  # fmt: skip
        ("I look forward to receiving your offer by Friday.", "thank_you", False),
        ("Thank you for the interview, and for the extra minutes you gave me to finish the task.",
         "thank_you", True),  # fmt: skip
        ("I'm following up, I know you're busy, what with it taking a fortnight to answer one email.",
         "status_call_opener", False),  # fmt: skip
        ("I'm following up, and thank you for taking the time to answer my email last week.",
         "status_call_opener", True),  # fmt: skip
        ("I'm following up. I'm guessing my application went overboard?", "status_call_opener", False),
        ("I'm following up. I'm guessing my email ended up in spam?", "status_call_opener", True),
        ("I know you're busy, clearly too busy to ring people back.", "status_call_opener", False),
        ("I know you're busy, so I'll keep this short.", "status_call_opener", True),
        # round 15: stings inside praise
        ("The demo was honestly impressive, given it works at all.", "thank_you", False),
        ("I suppose everyone has their little rituals!", "thank_you", False),
        ("Well worth the three-week wait, I suppose!", "offer_call", False),
        ("Interesting that the number has dropped - funny how that happens!", "offer_call", False),
        ("Thanks so much for the three-line email after two rounds of interviews.", "feedback_request",
         False),  # fmt: skip
        ("Only took a month and three reschedules, but we got there!", "offer_call", False),
        ("I know you're busy, so I'll keep this short.", "offer_call", True),
        ("The demo was impressive, and it works beautifully on a phone.", "thank_you", True),
    ],
)
def test_rounds14_15_sarcasm_presumed_offers_stings_in_praise_and_calm_look_alikes(line: str, kind: str,
                                                                             calm: bool) -> None:  # fmt: skip
    check = {"thank_you": "courteous_tone", "offer_call": "courteous_tone",
             "feedback_request": "not_argumentative"}.get(kind, "no_pressure")  # fmt: skip
    assert _checks(f"Hi Sam, this is Alex Lee. {line} Is a decision close?", kind)[check].passed is calm, line


def test_round14_the_winner_called_even_better_is_sarcasm_and_self_criticism_is_calm() -> None:
    dig = f"{_REJECTED}Congratulations on finding someone even better than a supervisor with eight years."
    assert not _checks(dig, "feedback_request")["not_argumentative"].passed
    wish = f"{_REJECTED}Congratulations to the successful candidate, I'm sure they'll do well."
    assert _checks(wish, "feedback_request")["not_argumentative"].passed
    own = (f"{_REJECTED}I was a bit nervous on the day and I think it showed. Which skill should I build, "
           "so I can improve?")  # fmt: skip
    assert _checks(own, "feedback_request")["not_argumentative"].passed


def test_round14_the_offer_letter_asked_for_is_no_presumption_and_a_yes_with_a_but_is_no_yes() -> None:
    letter = ("Thank you so much, Sam! I look forward to receiving the offer letter by email. When do you "
              "need my answer?")  # fmt: skip
    assert _checks(letter, "offer_call")["courteous_tone"].passed
    wait = ("Thank you, Sam, that's great news. I'd love to say yes right now, but I'd like to see it in "
            "writing first - could you email me the offer? When would you like my answer?")  # fmt: skip
    assert _checks(wait, "offer_call")["no_rushed_acceptance"].passed
    yes = "Thank you, Sam! I'll say yes right now. Could you email me the offer? When do you need my answer?"
    assert not _checks(yes, "offer_call")["no_rushed_acceptance"].passed
    blunt = "Thanks, Sam. I'll need the letter today, not next week. When do you need my answer?"
    assert _checks(blunt, "offer_call")["asks_in_writing"].passed


def test_round14_interest_development_and_specific_questions_in_other_words() -> None:
    note = ("Dear Sam, thank you for Tuesday's interview. I enjoyed hearing about the relaxed performances. "
            "I want very much this job because the box office is the first welcome. Alex")  # fmt: skip
    assert _checks(note, "thank_you")["restates_interest"].passed
    lead = ("Dear Sam, thank you for Tuesday's interview. I'd be glad to lead a box office team that makes "
            "those evenings work. Alex")  # fmt: skip
    assert _checks(lead, "thank_you")["restates_interest"].passed
    polite = "Dear Sam, thank you for Tuesday's interview. I'd be glad to send my references. Alex"
    assert not _checks(polite, "thank_you")["restates_interest"].passed
    working = (f"{_REJECTED}I'm working on my interviewing, so could you tell me whether the gap was in my "
               "SQL experience or somewhere else?")  # fmt: skip
    got = _checks(working, "feedback_request")
    assert got["frames_development"].passed and got["asks_specific_questions"].passed
    seen = f"{_REJECTED}To help me improve, what would you most want to see from a candidate next time?"
    assert _checks(seen, "feedback_request")["asks_specific_questions"].passed
    vague = f"{_REJECTED}To help me improve, could you share any thoughts at all?"
    assert not _checks(vague, "feedback_request")["asks_specific_questions"].passed


# -- round 15: tuning32 (look-alikes of each element) and tuning33 (tone slips in warm messages) --------


def test_round15_voicemail_digs_and_a_name_said_with_again() -> None:
    dig = ("Hi Sam, Alex Lee again. Analyst role, interviewed Tuesday. I'm following up on the "
           "status. No rush, "
           "I'm sure my previous two voicemails were riveting listening. Is a decision close? My number, in "
           "case it's been misplaced, is 07700 900418. Again, Alex Lee.")  # fmt: skip
    got = _checks(dig, "voicemail")
    assert not got["no_pressure"].passed and got["says_who_you_are"].passed
    calm = ("Hi Sam, Alex Lee again. Analyst role, interviewed Tuesday. I'm following up on the status. Is a "
            "decision close? My number is 07700 900418. Again, Alex Lee.")  # fmt: skip
    got = _checks(calm, "voicemail")
    assert got["no_pressure"].passed and got["says_who_you_are"].passed


@pytest.mark.parametrize(
    ("question", "prepared"),
    [
        ("How was the volunteers' bake sale, by the way?", False),
        ("Is the café refurbishment still going ahead in the summer?", False),
        ("Wouldn't it be fairer to tell candidates where they stand?", False),
        ("Is the start of the new team still planned for June, and is a decision close?", True),
        ("Is the interview process still going ahead as planned?", True),
    ],
)
def test_round15_asides_and_reproaches_put_as_questions_are_not_the_prepared_one(
    question: str, prepared: bool
) -> None:
    assert _checks(f"{_FOLLOWING_UP}{question}", "status_call_opener")["asks_one_question"].passed is prepared


def test_round15_thanks_in_advance_thanks_nobody_and_blame_undoes_acceptance() -> None:
    ahead = ("Hi Sam, I got your message. I'm disappointed, but I understand. Which answer was "
             "weakest? Thanks "
             "in advance for any feedback.")  # fmt: skip
    assert not _checks(ahead, "feedback_request")["thanks_them"].passed
    thanked = f"{_REJECTED}Which answer was weakest? Thanks again for your time."
    assert _checks(thanked, "feedback_request")["thanks_them"].passed
    misjudged = ("Hi Sam, thank you for letting me know. I'm disappointed, and frankly I think the panel "
                 "misjudged me. Which answer was weakest?")  # fmt: skip
    got = _checks(misjudged, "feedback_request")
    assert not got["accepts_decision"].passed and not got["not_argumentative"].passed


def test_round15_an_ultimatum_with_im_a_reminder_for_clients_and_another_go() -> None:
    walk = ("Thanks, Sam. I'll want fifteen percent more or I'm signing elsewhere. Could you send "
            "the offer in "
            "writing? When do you need my answer?")  # fmt: skip
    assert not _checks(walk, "offer_call")["courteous_tone"].passed
    clients = ("Dear Sam, thank you for Thursday's interview. With clients who miss deadlines I set "
               "one small "
               "step with a date, then a friendly reminder a couple of days before. Best, Alex")  # fmt: skip
    assert _checks(clients, "thank_you")["courteous_tone"].passed
    again = f"{_REJECTED}Which answer was weakest? If a shift lead job comes up again, I'd love another go."
    assert _checks(again, "feedback_request")["asks_future_roles"].passed
    note = ("Dear Sam, thank you for Tuesday's interview about the outdoor maths trail. I am truly "
            "wanting to "
            "join Larchwood, because the warm atmosphere is how I want to teach. Alex")  # fmt: skip
    assert _checks(note, "thank_you")["restates_interest"].passed


_OPENED = (
    "Hi Sam, this is Alex Lee, I interviewed for the analyst role on Tuesday. "
    "I'm following up on the status. "
)


@pytest.mark.parametrize(
    "question",
    [
        "How did the open day go in the end?",
        "Did you catch the match on Saturday?",
        "Is the new warehouse finished yet?",
        "Did the new menu launch go well?",
    ],
)
def test_round16_a_question_about_anything_but_the_hiring_is_not_the_prepared_one(question: str) -> None:
    got = _checks(_OPENED + question, "status_call_opener")["asks_one_question"]
    assert not got.passed
    assert "asks about something else" in got.advice and "Is a decision close?" in got.advice


@pytest.mark.parametrize(
    "question",
    [
        "Has anyone been picked?",
        "Have you finished seeing people?",
        "Is it still on for Friday?",
        "Would a copy of my portfolio help?",
        "Do you know how it's looking?",
        "Are you still hoping to choose someone this month?",
        "Is there someone else I should speak to?",
        "If she's busy, when would be a good time to ring back?",
    ],
)
def test_round16_a_question_about_the_hiring_in_any_words_is_the_prepared_one(question: str) -> None:
    assert _checks(_OPENED + question, "status_call_opener")["asks_one_question"].passed


_NOTE = "Dear Sam,\n\nThank you for meeting me on Tuesday about the analyst role. I enjoyed our talk about "
_NOTE += "the "


@pytest.mark.parametrize(
    ("line", "courteous"),
    [
        ("Thanks also for the 'short' exercise, which took my whole weekend.", False),
        ("I'm sure your time is worth far more than mine.", False),
        ("And I've forgiven the late start, honestly!", False),
        ("I'll look forward to hearing, assuming a decision is ever reached.", False),
        ("I'd imagine I'm close to the top of your list by now.", False),
        ("I hope you will think of my situation when you decide.", False),
        ("I have already turned down two interviews for this.", False),
        ("You called the rota 'a work in progress', and I'd enjoy helping to finish it.", True),
        ("I took a day's leave to be there and it was worth every minute.", False),
        # round 18
        ("I'll ring you on Thursday and again on Friday to see how it's going.", False),
        ("P.S. I'll be checking my inbox every hour until I hear from you!", False),
        ("I hope it's quicker than the three weeks it took to hear about the interview!", False),
        ("I'll be in touch if I think of anything else that might help.", True),
    ],
)
def test_round17_one_line_can_spoil_a_warm_note(line: str, courteous: bool) -> None:
    text = f"{_NOTE}winter rota, and I'm keen to join the team. {line}\n\nBest,\nAlex"
    assert _checks(text, "thank_you")["courteous_tone"].passed is courteous, line


def test_round17_offer_calls_an_assumed_yes_and_the_start_asked_for() -> None:
    assumed = ("Thank you, Sam. I'd assumed it would be me, to be honest. Could you send the offer in "
               "writing, and when do you need my answer? When would I start?")  # fmt: skip
    assert not _checks(assumed, "offer_call")["courteous_tone"].passed
    start = ("Thank you, Sam, that's wonderful. Could you send the offer in writing, and when do you need "
             "my answer? When do you need me to start?")  # fmt: skip
    assert _checks(start, "offer_call")["courteous_tone"].passed
    emailed = ("Thank you, Sam. Could you send the offer over by email so I can read it before I confirm? "
               "I'd like to start on the 4th if that suits.")  # fmt: skip
    got = _checks(emailed, "offer_call")
    assert not got["asks_deadline"].passed and got["builds_rapport"].passed


def test_round17_an_offer_elsewhere_told_with_a_preference_is_no_pressure() -> None:
    told = (f"{_OPENED}I've had an offer elsewhere, but yours is the role I'd rather have, so I wanted to "
            "ask you first. Is a decision likely this week?")  # fmt: skip
    assert _checks(told, "status_call_opener")["no_pressure"].passed
    lever = f"{_OPENED}I've had another offer, so I need an answer today. Is a decision close?"
    assert not _checks(lever, "status_call_opener")["no_pressure"].passed


def test_round17_the_question_asked_and_a_calm_one_after_a_jab() -> None:
    aside = f"{_OPENED}By the way, how did the product launch go?"
    assert not _checks(aside, "status_call_opener")["asks_one_question"].passed
    jab = f"{_OPENED}I must say the panel kept me waiting an hour. Is a decision close?"
    got = _checks(jab, "status_call_opener")
    assert got["asks_one_question"].passed and not got["no_pressure"].passed


def test_round17_specific_questions_and_general_feedback() -> None:
    marked = f"{_REJECTED}Was my presentation marked on content or on delivery?"
    assert _checks(marked, "feedback_request")["asks_specific_questions"].passed
    general = (f"{_REJECTED}To help me develop, I would value any general feedback you or the panel are "
               "able to share.")  # fmt: skip
    assert not _checks(general, "feedback_request")["asks_specific_questions"].passed


def test_round18_calls_voicemails_and_offers() -> None:
    held = f"{_OPENED}I've been holding off on other applications for you, so I'd appreciate an answer. "
    held += "Is it close?"
    got = _checks(held, "status_call_opener")
    assert not got["no_pressure"].passed and got["asks_one_question"].passed  # "Is it close?" is asked
    four = (f"{_OPENED}I was wondering whether a decision is close, and also how many people you're still "
            "seeing, and whether you'd like more samples, and who I should check back with?")  # fmt: skip
    assert not _checks(four, "status_call_opener")["asks_one_question"].passed
    pushed = f"{_OPENED}So come on then, is it good news?"
    assert not _checks(pushed, "status_call_opener")["no_pressure"].passed
    first = (f"{_OPENED}I have another offer pending, but you're my first choice. Are you still planning to "
             "decide by the 20th?")  # fmt: skip
    assert _checks(first, "status_call_opener")["no_pressure"].passed
    yours = ("Sam, thank you! Consider me yours. Could you send the paperwork over, and when do you need it "
             "back? I could start on the 1st.")  # fmt: skip
    got = _checks(yours, "offer_call")
    assert not got["no_rushed_acceptance"].passed and got["builds_rapport"].passed
    smug = ("Thanks, Sam. I'd expected as much, to be honest. Could you send the offer in writing, and when "
            "do you need my answer? When can I join?")  # fmt: skip
    assert not _checks(smug, "offer_call")["courteous_tone"].passed


def test_round18_feedback_requests_in_other_words() -> None:
    vague = f"{_REJECTED}I'm always trying to improve, so any feedback would be appreciated."
    assert not _checks(vague, "feedback_request")["asks_specific_questions"].passed
    sounded = f"{_REJECTED}What would a strong answer to the budget question have sounded like?"
    assert _checks(sounded, "feedback_request")["asks_specific_questions"].passed
    chin = "I'll take that on the chin, Sam. Thank you for letting me know. Which answer was weakest?"
    assert _checks(chin, "feedback_request")["accepts_decision"].passed
    shot = f"{_REJECTED}Which answer was weakest? If another post comes up, I'd love another shot at it."
    assert _checks(shot, "feedback_request")["asks_future_roles"].passed


def test_round18_a_lightly_reworded_generic_pair_is_one_form_letter_and_personal_pairs_stay_apart() -> None:
    generic = {
        "Dana": "Dear Dana,\n\nThanks so much for your time today. It was great to learn about the team and "
        "the role, and I am really keen to join. Hope to hear from you soon.\n\nBest,\nAlex",
        "Lee": "Dear Lee,\n\nMany thanks for seeing me this morning. It was good to hear about the people "
        "and the job, and I am keen to come on board. Looking forward to your news.\n\nBest,\nAlex",
    }
    result = compare_notes(generic)
    assert result.form_letter and max(s for *_, s in result.pairs) < FORM_LETTER_THRESHOLD
    personal = {
        "Dana": "Dear Dana,\n\nThank you for your time today. Your question about reconciling the Xero "
        "exports stayed with me, and I'd enjoy untangling the supplier codes. I hope to hear from you soon."
        "\n\nBest,\nAlex",
        "Lee": "Dear Lee,\n\nThank you for your time today. I liked hearing how the warehouse team plans "
        "the Friday cross-dock, and I'd enjoy mapping the bottleneck. I hope to hear from you soon."
        "\n\nBest,\nAlex",
    }
    assert not compare_notes(personal).form_letter


def test_round19_doubt_negation_another_title_and_a_question_about_their_work() -> None:
    doubt = (f"{_NOTE}winter rota. Honestly, I'm still weighing up other options, so I can't say yet whether "
             "this is the right move for me.\n\nBest,\nAlex")  # fmt: skip
    assert not _checks(doubt, "thank_you")["restates_interest"].passed
    refused = ("Thank you for letting me know, Sam. I accept the decision. This isn't about me improving; I "
               "just want to understand it. Which answer scored lowest?")  # fmt: skip
    got = _checks(refused, "feedback_request")
    assert not got["frames_development"].passed and got["asks_specific_questions"].passed
    interview = Interview("Tobermory Kelpworks", "Operations Coordinator", datetime(2026, 11, 18, 10))
    other = ("Dear Morag,\n\nThank you for interviewing me on Wednesday for the Operations Manager role. "
             "I am very keen to join.\n\nBest,\nAlex")  # fmt: skip
    assert not _checks(other, "thank_you", interview)["names_role"].passed
    assert _checks(other.replace("Manager", "Coordinator"), "thank_you", interview)["names_role"].passed
    theirs = f"{_OPENED}How did the ferry cancellations affect your orders this week?"
    assert not _checks(theirs, "status_call_opener")["asks_one_question"].passed
    made = "Hi Sam, this is Alex Lee, analyst interview on Tuesday. I'm calling about the decision. "
    made += "Has it been made?"
    assert _checks(made, "status_call_opener")["asks_one_question"].passed
