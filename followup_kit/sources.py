"""Where every rule comes from: the five seed articles, the evidence pack, and the workbook's own advice.

Each rule in the planner, each check on a message and each quiz answer names
one or more of these ids, and the learner sees the source's readable title beside
the advice (``cite``), never a file name.  Every source keeps the short sentence(s)
the workbook relies on in ``quotes``, copied word for word from the seed article
(``../shared/seeds``) or the evidence pack (``../shared/domain/evidence.md``,
itself a paraphrase of the surveys and guides it names); ``tests/test_sources.py``
checks that each one occurs there.  ``says`` is our paraphrase, shown without
quote marks.  Advice that no source gives is cited as ``workbook``, so the
learner can tell the two apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["SOURCES", "Source", "cite", "quote", "sources_table"]


@dataclass(frozen=True)
class Source:
    """One place the workbook's advice comes from, with the words it relies on."""

    id: str
    ref: str  # the seed's file name, "evidence.md: <entry>", or "" for the workbook's own advice
    title: str
    says: str  # the point we rely on, paraphrased (shown without quote marks)
    author: str = ""  # surname or publisher, when the source names one
    quotes: tuple[str, ...] = ()  # verbatim sentences from the seed or the evidence pack

    @property
    def kind(self) -> str:
        """ "seed", "evidence" or "workbook"."""
        if self.id.startswith("seed"):
            return "seed"
        return "evidence" if self.ref else "workbook"

    @property
    def short(self) -> str:
        """The readable citation: "Krautzel, Are You Making These Follow-Up Mistakes? (seed 001)"."""
        who = f"{self.author}, " if self.author else ""
        if self.kind == "seed":
            return f"{who}{self.title} (seed {self.id[4:]})"
        if self.kind == "evidence" and self.author.startswith("Evidence pack"):
            return f"{self.author}: {self.title}"
        if self.kind == "evidence":
            return f"{who}{self.title} (evidence pack)"
        return self.title


def _seed(number: str, ref: str, title: str, says: str, author: str, *quotes: str) -> Source:
    return Source(f"seed{number}", ref, title, says, author, quotes)


def _evidence(id_: str, entry: str, title: str, says: str, *quotes: str, author: str = "") -> Source:
    return Source(id_, f"evidence.md: {entry}", title, says, author, quotes)


SOURCES: dict[str, Source] = {
    s.id: s
    for s in (
        _seed(
            "000", "000_6eabe8d58a8fd259.txt",
            "Four Reasons You Should Follow Up After a Bad Phone Interview",
            "Follow up within 24 hours of every interview; use the note to add what you forgot to say.",
            "",
            "You should follow-up within twenty (24) hours of the interview.",
            "So, you can use your after interview follow-up to share that additional insight with the "
            "interviewer.",
        ),
        _seed(
            "001", "001_19ce361d3e07b2b6.txt", "Are You Making These Follow-Up Mistakes?",
            "Email straight after, mail a card to every interviewer the same day, call toward the end "
            "of the business day they named, and don't standardize your message.",
            "Krautzel",
            "Send the cards in the mail on the same day as your interview so they arrive in the next couple "
            "of days.",
            "If the person says three days, then you might call the person towards the end of the third "
            "business day after your interview.",
            "Sending a standard message or a form letter is just as bad as refusing to tailor a resume to "
            "the job at hand.",
            "Mention one memorable aspect of the interview, thank the person for his time, and leave your "
            "contact information so someone can get back to you.",
        ),
        _seed(
            "002", "002_4799768e52a537cd.txt", "Job Seekers' Weakest Link: Interview Follow-Up",
            "Before you leave, ask for their time frame and whom to contact; send a real thank-you "
            "that says why you want the job.",
            "",
            "Before you leave the interview, it’s imperative that you know what the next steps are in the "
            "process and when the hiring manager plans to make a final decision.",
            "Ask whom you should contact specifically and be sure to get his or her information.",
            "Candidates who put in the extra effort to explain why they’re interested in the job are even "
            "more rare.",
            "found that 86 percent felt not sending a thank you showed a lack of follow-through by the "
            "candidate.",
        ),
        _seed(
            "003", "003_9b819d2bac94c9ed.txt", "Making a follow-up call after an interview",
            "Call a week after if you haven't heard; only make one call; don't be argumentative; "
            "have a sensible question ready; after a rejection ask for feedback, and a runner-up may be "
            "called if the chosen candidate does not work out; after an offer build rapport.",
            "",
            "there can be some value in making a follow-up call if you haven’t heard anything a week after "
            "your interview.",
            "Only make one call.  Any more than that and you’ll look like a stalker and risk  annoying "
            "people.",
            "Don’t be argumentative, it doesn’t help anyone.",
            "Try to have a sensible question prepared to get the conversation started.",
            "You can get valuable feedback on your interview to help you to improve in future interviews.",
            "If the successful candidate either doesn’t take the job or things don’t work out with them "
            "(this happens more often than you would expect), then you may be well positioned to take the "
            "role.",
            "it gives you the chance to build rapport with your new boss before your first day at work.",
        ),
        _seed(
            "004", "004_9845dcc815f51481.txt", "Following Up After Your Interview",
            "Write the thank-you when you get home, handwritten if you can; call once on the decision "
            "morning and once more that afternoon if they still haven't got back to you, but don't call "
            "too soon; through an agency, call your staffing manager.",
            "Tan",
            "When you first get home, write a thank-you letter!",
            "If you’re working through an agency, you’ll want to call your Staffing Manager, but if not, go "
            "ahead and call the employer directly.",
            "But don’t call too soon or too frequently.",
            "If they say they should have a decision by the end of the week, call once in the morning on "
            "Friday, and once in the afternoon if they still haven’t gotten back to you.",
        ),
        _evidence(
            "accountemps2017", "Accountemps 2017", "survey of US HR managers, 2017",
            "80% of US HR managers weigh thank-you notes but only 24% of applicants send one; email (94%) "
            "and handwritten (86%) are both appropriate.",
            "80% of US HR managers weigh thank-yous. 24% of applicants send one (51% in 2007).",
            author="Accountemps",
        ),
        _evidence(
            "accountemps2017ca", "Accountemps 2017, Canada", "survey of Canadian HR managers, 2017",
            "In Canada the same survey found 42% of HR managers weigh thank-you notes, and 28% of "
            "applicants send one.",
            "Canada, same survey: 42% weigh them, 28% of applicants send one",
            author="Accountemps",
        ),
        _evidence(
            "topresume2017", "TopResume 2017", "survey of 358 recruiters, 2017",
            "68% say a thank-you affects their decision; 16% have dropped a candidate for not sending one.",
            "TopResume (358): 68% say a note affects decisions; 16% have dropped a candidate for not "
            "sending one",
            author="TopResume",
        ),
        _evidence(
            "careerbuilder2011", "CareerBuilder 2011", "survey of 2,800+ employers, 2011",
            "22% are less likely to hire without a note; of those 22%, 86% cite lack of follow-through "
            "(about 19% of all employers, not 86% as seed 002 reads it).",
            "CareerBuilder (2,800+ employers): 22% less likely to hire without a note; of those 22%, 86% "
            "cite lack of follow-through.",
            "The 86% applies only to the 22% of employers who would be less likely to hire, so it is about "
            "19% of all respondents.",
            author="CareerBuilder",
        ),
        _evidence(
            "careerbuilder2005", "CareerBuilder 2005", "survey of 650+ hiring managers, 2005",
            "About 15% would reject a candidate who sends no note; 26% expect it within 2 days and 36% "
            "within 3-5 days.",
            "26% expect the note within 2 days, 36% within 3–5 days",
            author="CareerBuilder",
        ),
        _evidence(
            "glassdoor2017", "Glassdoor, H1 2017", "time to hire in 25 countries, 2017",
            "From application to decision takes about 24 days on average in the US and 27.5 in the UK.",
            "Average days from application to decision: US 23.8, global 23.7, UK 27.5",
            author="Glassdoor",
        ),
        _evidence(
            "roberthalf2016", "Robert Half 2016", "survey of workers on waiting for news, 2016",
            "23% of workers lose interest after a week without news, another 46% after one to two weeks.",
            "23% of workers lose interest after 1 week without news; another 46% after 1–2 weeks",
            author="Robert Half",
        ),
        _evidence(
            "timings", "§2 Timings, and where sources disagree", "timings, and where sources disagree",
            "Sources disagree on when to call: the decision day itself (seed), next morning (Jobcase), "
            "1–2 business days after (Indeed); one call (seed) or two at most (do2learn, Parkland).",
            "24 hours (Accountemps, TopResume, Lawrence Univ.) or 24–48 hours (UTSA, St. Olaf).",
            "Next morning: Jobcase.",
            "1–2 business days after: Indeed.",
            "Two at most, at least 3 business days apart: do2learn, Parkland College.",
            "Weekly for 2–3 weeks: Jobcase.",
            "1–2 weeks: CareerOneStop (US Department of Labor).",
            author="Evidence pack §2",
        ),
        _evidence(
            "feedback_timing", "§2 Timings: Feedback request",
            "when to ask for feedback (Clayton Legal, Lisa B. Marshall)",
            "Ask during the rejection call or within 24 hours (Clayton Legal), or about 2 weeks later in "
            "writing (Lisa B. Marshall).",
            "During the rejection call or within 24 hours: Clayton Legal.",
            "About 2 weeks later, in writing, because phone feedback is less candid: Lisa B. Marshall",
            author="Evidence pack §2",
        ),
        _evidence(
            "mcquaig", "§2 Timings: Returning an offer call", "returning an offer call (McQuaig)",
            "Return an offer call the same day if possible, 48 hours at most.",
            "Same day if possible; 48 hours at most (McQuaig).",
            author="Evidence pack §2",
        ),
        _evidence(
            "model_thank_you", "§3 A. Thank-you email", "model thank-you email",
            "Thank them naming role and date, one specific point, interest restated, one paragraph, "
            "a separate note for each interviewer.",
            "Thanks, naming the role and the interview date.",
            "One specific point from the conversation.",
            "Write a separate note for each interviewer, about one paragraph long.",
            author="Evidence pack §3 A",
        ),
        _evidence(
            "model_call", "§3 B. Follow-up call", "model follow-up call",
            "Name, role and interview date; the date they gave; purpose; one question; the next step and "
            "when you may check back; a voicemail version; never ask 'Did I get it?'.",
            "Your name, the role and the interview date.",
            "The decision date they gave you, if any.",
            "Ask the next step and when you may check back, then thank them.",
            "Have a voicemail version ready.",
            author="Evidence pack §3 B",
        ),
        _evidence(
            "model_feedback", "§3 C. Feedback request", "feedback request after a rejection",
            "Thank them, accept the decision in a line, frame it as your development, ask one or two "
            "specific questions, ask to be considered for future roles.",
            "Accept the decision in one line.",
            "Frame the request as your own development.",
            "Ask to be considered for future roles, then thank them again.",
            author="Evidence pack §3 C",
        ),
        _evidence(
            "model_offer", "§3 D. Call after an offer", "call after an offer",
            "Thank them, ask their deadline and for the offer in writing, reconfirm the start date and "
            "ask for background reading.",
            "Ask their decision deadline, clarify the terms, and ask for the offer in writing.",
            "Reconfirm the start date, and ask for background reading so you can start quickly.",
            author="Evidence pack §3 D",
        ),
        _evidence(
            "mistakes", "§4 Common mistakes", "common mistakes",
            "Generic copy-paste notes, typos, notes that are too long, calling too early or too often, "
            "sounding needy.",
            "Generic or copy-paste notes.",
            "Calling too early or too often",
            author="Evidence pack §4",
        ),
        Source(
            "workbook", "", "this workbook's own advice (no source gives it)",
            "Practical advice of the workbook's authors, for details the sources leave open.",
        ),
    )
}


def cite(*ids: str) -> str:
    """Join readable citations: "Making a follow-up call after an interview (seed 003); Accountemps, …"."""
    return "; ".join(SOURCES[i].short for i in ids)


def quote(source_id: str, start: str) -> str:
    """The verbatim sentence of ``source_id`` that starts with ``start``, runs of spaces made one, for
    showing between quote marks.  A ``KeyError`` when no kept quote starts so: quote only what is kept."""
    for text in SOURCES[source_id].quotes:
        if text.startswith(start):
            return " ".join(text.split())
    raise KeyError(f"{source_id} keeps no quote starting {start!r}")


def sources_table() -> list[dict[str, Any]]:
    """Every source for the learner: its citation, what the workbook takes from it, and its words (the
    verbatim ``quotes``, white space tidied)."""
    return [
        {"source": s.short, "kind": s.kind, "says": s.says, "ref": s.ref,
         "quotes": [" ".join(q.split()) for q in s.quotes]}
        for s in SOURCES.values()
    ]
