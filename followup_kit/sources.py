"""Where every rule comes from: the five seed articles and the evidence pack.

Each rule in the planner, each check on a message and each quiz answer names
one or more of these ids, so the learner always sees the source beside the
advice.  The texts live in ``../shared/seeds`` and ``../shared/domain/evidence.md``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    """One place the workbook's advice comes from."""

    id: str
    ref: str  # the seed's file name, or "evidence.md: <entry>"
    title: str
    says: str  # the point we rely on, paraphrased

    @property
    def short(self) -> str:
        """"seed 003 (003_9b819d2bac94c9ed.txt)" or "evidence.md: Accountemps 2017"."""
        if self.id.startswith("seed"):
            return f"seed {self.id[4:]} ({self.ref})"
        return self.ref


SOURCES: dict[str, Source] = {
    s.id: s
    for s in (
        Source(
            "seed000",
            "000_6eabe8d58a8fd259.txt",
            "Four Reasons You Should Follow Up After a Bad Phone Interview",
            "Follow up within 24 hours of every interview; use the note to add what you forgot to say.",
        ),
        Source(
            "seed001",
            "001_19ce361d3e07b2b6.txt",
            "Are You Making These Follow-Up Mistakes? (John Krautzel)",
            "Email straight after, mail a card to every interviewer the same day, call toward the end "
            "of the business day they named, and don't standardize your message.",
        ),
        Source(
            "seed002",
            "002_4799768e52a537cd.txt",
            "Job Seekers' Weakest Link: Interview Follow-Up",
            "Before you leave, ask for their time frame and whom to contact; send a real thank-you "
            "that says why you want the job.",
        ),
        Source(
            "seed003",
            "003_9b819d2bac94c9ed.txt",
            "Making a follow-up call after an interview",
            "Call a week after if you haven't heard; only make one call; don't be argumentative; "
            "have a sensible question ready; after a rejection ask for feedback, "
            "after an offer build rapport.",
        ),
        Source(
            "seed004",
            "004_9845dcc815f51481.txt",
            "Following Up After Your Interview (Patrick Tan)",
            "Write the thank-you when you get home, handwritten if you can; call on the decision day's "
            "morning, once more that afternoon at most; through an agency, call your staffing manager.",
        ),
        Source(
            "accountemps2017",
            "evidence.md: Accountemps 2017",
            "Accountemps survey of US HR managers, 2017",
            "80% of HR managers weigh thank-you notes but only 24% of applicants send one; "
            "email (94%) and handwritten (86%) are both appropriate.",
        ),
        Source(
            "topresume2017",
            "evidence.md: TopResume 2017",
            "TopResume survey of 358 recruiters, 2017",
            "68% say a thank-you affects their decision; 16% have dropped a candidate for not sending one.",
        ),
        Source(
            "careerbuilder2011",
            "evidence.md: CareerBuilder 2011",
            "CareerBuilder survey of 2,800+ employers, 2011",
            "22% are less likely to hire without a note; of those 22%, 86% cite lack of follow-through "
            "(about 19% of all employers, not 86% as seed 002 reads it).",
        ),
        Source(
            "careerbuilder2005",
            "evidence.md: CareerBuilder 2005",
            "CareerBuilder survey of 650+ hiring managers, 2005",
            "About 15% would reject a candidate who sends no note; 26% expect it within 2 days.",
        ),
        Source(
            "timings",
            "evidence.md: §2 Timings, and where sources disagree",
            "Evidence pack, timings",
            "Sources disagree on when to call: the decision day itself (seed), next morning (Jobcase), "
            "1–2 business days after (Indeed); one call (seed) or two at most (do2learn, Parkland).",
        ),
        Source(
            "model_thank_you",
            "evidence.md: §3 A. Thank-you email",
            "Model thank-you email (CareerBuilder 2005, Accountemps, UTSA)",
            "Thank them naming role and date, one specific point, interest restated, one paragraph, "
            "a separate note for each interviewer.",
        ),
        Source(
            "model_call",
            "evidence.md: §3 B. Follow-up call",
            "Model follow-up call (All Star Career Services, CSU East Bay, do2learn)",
            "Name, role and interview date; purpose; one question; next step; a voicemail version; "
            "never ask 'Did I get it?'.",
        ),
        Source(
            "model_feedback",
            "evidence.md: §3 C. Feedback request",
            "Feedback request after rejection",
            "Thank them, accept the decision in a line, frame it as your development, ask one or two "
            "specific questions, ask to be considered for future roles.",
        ),
        Source(
            "model_offer",
            "evidence.md: §3 D. Call after an offer",
            "Call after an offer (Illinois Grad College, Seattle U Law, McQuaig)",
            "Thank them, ask their deadline and for the offer in writing, reconfirm the start date and "
            "ask for background reading.",
        ),
        Source(
            "mistakes",
            "evidence.md: §4 Common mistakes",
            "Common mistakes",
            "Generic copy-paste notes, typos, notes that are too long, calling too early or too often, "
            "sounding needy.",
        ),
    )
}


def cite(*ids: str) -> str:
    """Join sources for display: "seed 001 (001_….txt); evidence.md: Accountemps 2017"."""
    return "; ".join(SOURCES[i].short for i in ids)
