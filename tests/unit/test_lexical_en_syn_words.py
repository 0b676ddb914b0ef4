"""English broad synonyms (en_syn_words): each rule both ways, and the contexts where its
guard must keep it silent (each one a sentence a bare word table would have touched)."""

from __future__ import annotations

import pytest
from tests.unit.lexical_helpers import candidates, slot_of

from townsquare.canary.lexical import LexicalCandidate
from townsquare.canary.lexical.en_syn_words import RULES
from townsquare.canary.model import Language
from townsquare.canary.normalize import lexical_form


def run(raw: str, language: Language = "en") -> list[LexicalCandidate]:
    return candidates(raw, language)[1]


def variants(raw: str, original: str) -> tuple[str, ...]:
    c = slot_of(run(raw), original)
    return c.variants if c else ()


def rule_of(raw: str, original: str) -> str:
    c = slot_of(run(raw), original)
    return c.rule if c else ""


# (text, original span, a variant expected among its alternatives)
BOTH_WAYS: list[tuple[str, str, str]] = [
    ("It works, especially when the load is low.", "especially", "particularly"),
    ("It is particularly useful for small teams.", "particularly", "especially"),
    ("We usually meet on Mondays.", "usually", "typically"),
    ("The report is normally ready by noon.", "normally", "usually"),
    ("It costs exactly the same as last year.", "exactly", "precisely"),
    ("The plan is essentially a budget cut.", "essentially", "basically"),
    ("We are currently reviewing the proposal.", "currently", "presently"),
    ("The results will soon be published.", "soon", "shortly"),
    ("The results will be announced shortly.", "shortly.", "soon."),
    ("We will therefore need more staff.", "therefore", "consequently"),
    ("The project was later renamed Debian.", "later", "subsequently"),
    ("He subsequently joined the board.", "subsequently", "later"),
    ("The tool was initially written in Perl.", "initially", "originally"),
    ("This will certainly help the team.", "certainly", "definitely"),
    ("These distributors are actually making money.", "actually", "in fact"),
    ("The plan will probably be approved.", "probably", "likely"),
    ("We have received ten replies so far.", "so far.", "to date."),
    ("The team has thus far delivered every release.", "thus far", "so far"),
    ("Please send the forms back immediately.", "immediately.", "right away."),
    ("The project grew rapidly in its first years.", "rapidly", "quickly"),
    ("The change will greatly simplify our work.", "greatly", "substantially"),
    ("Costs have increased significantly.", "significantly.", "considerably."),
    ("The plan is highly likely to pass.", "highly", "extremely"),
    ("Volunteers play a vital role here.", "vital", "key"),
    ("Testing is essential to the success of the release.", "essential", "crucial"),
    ("No further action is necessary.", "necessary.", "required."),
    ("More staff is needed for the release.", "needed", "necessary"),
    ("Help is available when needed.", "when needed.", "when necessary."),
    ("The budget is sufficient for one year.", "sufficient", "enough"),
    ("We do not have enough money for that.", "enough", "sufficient"),
    ("It is difficult to predict the outcome.", "difficult", "hard"),
    ("The council made hard choices this year.", "hard", "difficult"),
    ("It is clear that the plan works.", "clear", "evident"),
    ("It became apparent that nobody knew.", "apparent", "obvious"),
    ("It seems likely that the vote will pass.", "likely", "probable"),
    ("The main reason is the cost.", "main", "principal"),
    ("Our chief concern is safety.", "chief", "primary"),
    ("Please send us any additional questions.", "additional", "further"),
    ("We expect rapid growth next year.", "rapid", "fast"),
    ("It had a huge impact on sales.", "huge", "massive"),
    ("They spent a vast amount of money.", "vast", "huge"),
    ("We saw a significant increase in demand.", "significant", "substantial"),
    ("The current version is stable.", "current", "present"),
    ("The previous version had a bug.", "previous", "earlier"),
    ("Their prior experience helps.", "prior", "previous"),
    ("Here is the full list of changes.", "full", "complete"),
    ("It targets a specific audience.", "specific", "particular"),
    ("This room is suitable for meetings.", "suitable", "appropriate"),
    ("It is the most appropriate tool here.", "appropriate", "suitable"),
    ("The aim of the project is to help users.", "aim", "objective"),
    ("Our goals are to grow and to last.", "goals", "aims"),
    ("The problem with the server is its age.", "problem", "issue"),
    ("We fixed several issues last week.", "issues", "problems"),
    ("He made the same mistake twice.", "mistake", "error"),
    ("We had no choice but to leave.", "choice", "alternative"),
    ("It is the only option we have.", "option", "choice"),
    ("We need this kind of tool.", "kind", "sort"),
    ("What type of tool is it?", "type", "kind"),
    ("All types of users are welcome.", "types", "kinds"),
    ("The main advantage of this plan is speed.", "advantage", "benefit"),
    ("The company has hired ten people.", "company", "firm"),
    ("Thank you for your help with the move.", "help", "assistance"),
    ("They were given the opportunity to speak.", "opportunity", "chance"),
    ("We met at the start of the year.", "start of", "beginning of"),
    ("It was broken from the beginning.", "from the beginning.", "from the outset."),
    ("A large number of people came.", "A large number of", "A great number of"),
    ("We wrote with regard to the budget.", "with regard to", "with respect to"),
    ("It was built in accordance with the rules.", "in accordance with", "in line with"),
    ("Call us in the event of a fire.", "in the event of", "in case of"),
    ("We offer a variety of courses.", "a variety of", "a range of"),
    ("Every member must vote.", "Every", "Each"),
    ("We are sure that it works.", "sure", "certain"),
    ("We are pleased to announce the winners.", "pleased", "glad"),
    ("We would be happy to help.", "happy", "pleased"),
    ("Time spent in this way is not wasted.", "way", "manner"),
    ("Volunteers played a key role in the launch.", "role", "part"),
    ("The team meets daily.", "daily.", "on a daily basis."),
    ("It fails in many cases when the disk is full.", "cases", "instances"),
    ("It is true to some extent.", "extent.", "degree."),
    ("We found several reasons for the delay.", "several", "a number of"),
    ("A number of teams asked for more time.", "A number of", "Several"),
    ("Please send any questions to the office.", "questions", "queries"),
    ("We have no plans to move at this time.", "at this time.", "at present."),
    ("It is a large company with many offices.", "large", "big"),
    ("The rise in prices hurt sales.", "rise", "increase"),
    ("We saw a sharp decline in sales.", "decline", "drop"),
    ("The impact of the cuts is clear.", "impact", "effect"),
    ("The rest of the team stayed.", "rest of", "remainder of"),
    ("He cut costs in an effort to save jobs.", "in an effort to", "in a bid to"),
    ("It will pay off in the long run.", "in the long run.", "over the long term."),
    ("Prices will stay high in the short term.", "in the short term.", "in the near term."),
    ("Please reply in a timely manner.", "manner.", "fashion."),
    ("The initial plan was too costly.", "initial", "original"),
    ("The total cost is high.", "total", "overall"),
    ("The annual report is out.", "annual", "yearly"),
    ("We meet with them occasionally.", "occasionally.", "from time to time."),
    ("The build fails sometimes.", "sometimes.", "at times."),
    ("The server failed again.", "again.", "once more."),
    ("He had clear objectives, which he wrote down.", "objectives,", "goals,"),
    ("It gave up the destructive goal of profit.", "goal", "aim"),
    ("It stays true to its initial principles.", "initial", "original"),
    ("It draws on several different sources.", "several", "a number of"),
    ("Education has a part to play here.", "part", "role"),
    # second round: memos, notices, press releases
    ("All staff must attend the briefing.", "staff", "employees"),
    ("The rules apply to all employees.", "employees.", "staff."),
    ("Our personnel are trained.", "personnel", "staff"),
    ("Following the merger, we will move offices.", "Following", "After"),
    ("Prices rose after the announcement.", "after", "following"),
    ("Please read the notes before the meeting.", "before", "ahead of"),
    ("Ahead of the launch, we will test the system.", "Ahead of", "Prior to"),
    ("Send any questions about the change to HR.", "about", "regarding"),
    ("We received complaints concerning the noise.", "concerning", "about"),
    ("Please submit the form via email.", "via", "by"),
    ("You can reach us by phone.", "by", "via"),
    ("Your personal data may have been exposed.", "data", "information"),
    ("Please update your contact details.", "details.", "information."),
    ("We have taken immediate steps to contain it.", "steps", "action"),
    ("We took action to protect users.", "action", "measures"),
    ("They took further measures to cut costs.", "measures", "steps"),
    ("The training is mandatory for managers.", "mandatory", "compulsory"),
    ("We thank you for your ongoing support.", "ongoing", "continuing"),
    ("The investigation is ongoing.", "ongoing.", "continuing."),
    ("We have identified potential risks.", "potential", "possible"),
    ("Going forward, all requests go to HR.", "Going forward,", "From now on,"),
    (
        "Effective immediately, the office is closed.",
        "Effective immediately,",
        "With immediate effect,",
    ),
    (
        "The office is closed, with immediate effect.",
        "with immediate effect.",
        "effective immediately.",
    ),
    ("As you know, the office is moving.", "As you know,", "As you are aware,"),
    ("Please reply as soon as possible.", "as soon as possible.", "at the earliest opportunity."),
    ("Please register in advance.", "in advance.", "beforehand."),
    ("Staff should work from home where possible.", "where possible.", "wherever possible."),
    ("The site will be closed temporarily.", "temporarily.", "on a temporary basis."),
    ("The plant was closed permanently.", "permanently.", "on a permanent basis."),
    ("Thank you for responding promptly.", "promptly.", "without delay."),
    (
        "Prices may rise over the next few months.",
        "over the next few months.",
        "in the next few months.",
    ),
    ("You may attend provided that you register.", "provided that", "on condition that"),
    ("Please contact the service desk.", "Please", "Kindly"),
    ("If you have questions, please ask.", "please", "kindly"),
    ("Please note that the office is closed.", "Please note that", "Please be aware that"),
    ("Please do not hesitate to contact me.", "do not hesitate to", "feel free to"),
    ("Feel free to ask questions.", "Feel free to", "Don't hesitate to"),
    ("We will decide at a later date.", "at a later date.", "at a later time."),
    ("You may speak to HR in confidence.", "in confidence.", "confidentially."),
    ("If you have any questions, call us.", "If you have", "Should you have"),
    ("We are committed to protecting your data.", "committed", "dedicated"),
    ("Both jobs can run at the same time.", "at the same time.", "simultaneously."),
    ("Send it early so that we can plan.", "so that", "in order that"),
    ("Please take the following steps to stay safe.", "steps", "measures"),
    ("We see no possible harm in it.", "possible", "potential"),
    (
        "Lowe becomes chair effective immediately.",
        "effective immediately.",
        "with immediate effect.",
    ),
]


@pytest.mark.parametrize(("text", "original", "other"), BOTH_WAYS)
def test_both_ways(text: str, original: str, other: str) -> None:
    found = variants(text, original)
    assert other in found, (text, found)
    assert rule_of(text, original) in RULES, rule_of(text, original)
    # The copy saying `other` offers the original back, with the same choice.
    copy = text.replace(original, other, 1)
    back = variants(copy, other)
    assert {lexical_form(v) for v in back} == {lexical_form(v) for v in found}, (copy, back)


# (text, a span that must not become a slot)
SILENT: list[tuple[str, str]] = [
    ("This is particularly concerning for staff.", "particularly"),
    ("The values are normally distributed.", "normally"),
    ("It is not exactly cheap.", "exactly"),
    ("We will presently see why.", "presently"),
    ("We left as soon as possible.", "soon"),
    ("He left shortly before noon.", "shortly"),
    ("He answered shortly.", "shortly."),
    ("Two years later the team grew.", "later"),
    ("It is later than you think.", "later"),
    ("He was originally from Spain.", "originally"),
    ("I have travelled so far.", "so far."),
    ("We have moved in and so far, so good.", "so far,"),
    ("We need to act quickly.", "quickly."),
    ("Your help is greatly appreciated.", "greatly"),
    ("It is highly recommended.", "highly"),
    ("Essential oils are sold here.", "Essential"),
    ("It is essential reading for new staff.", "essential"),
    ("You are required to attend.", "required"),
    ("The form is required by law.", "required"),
    ("We are needed.", "needed."),
    ("It is necessary for us to act.", "necessary"),
    ("It happens every once in a while.", "every"),
    ("The house is big enough for us.", "enough"),
    ("That is enough!", "enough!"),
    ("It is more difficult to define.", "difficult"),
    ("The surface is hard to the touch.", "hard"),
    ("They work hard to win.", "hard"),
    ("Make it clear that we care.", "clear"),
    ("The sky is clear today.", "clear"),
    ("It is likely to rain.", "likely"),
    ("The files are in the main section.", "main"),
    ("We will further support the team.", "further"),
    ("The office is further away.", "further"),
    ("Extra time was given.", "Extra"),
    ("He needs a quick look at it.", "quick"),
    ("He is a huge fan of the band.", "huge"),
    ("The vast majority agreed.", "vast"),
    ("The result was statistically significant increase.", "significant"),
    ("The current flows through the wire.", "current"),
    ("All members were present at the meeting.", "present"),
    ("Two weeks earlier meetings had failed.", "earlier"),
    ("I am full after lunch.", "full"),
    ("He is very particular about food.", "particular"),
    ("It was of particular interest to us.", "particular"),
    ("We will deal with it where appropriate.", "appropriate."),
    ("Funds were used to appropriate land.", "appropriate"),
    ("It is converted to the appropriate type.", "appropriate"),
    ("The project aims to help users.", "aims"),
    ("The goal was scored late.", "goal"),
    ("They scored the goal.", "goal."),
    ("He scored the winning goal of the match.", "goal"),
    ("It took several more days.", "several"),
    ("The latest issue of the magazine is out.", "issue"),
    ("The main issue is whether we can pay.", "issue"),
    ("We deleted it by mistake.", "mistake."),
    ("Set the verbose option in the file.", "option"),
    ("It is kind of slow.", "kind"),
    ("It returns the type of the argument.", "type"),
    ("That is very kind of you.", "kind"),
    ("We took advantage of the sale.", "advantage"),
    ("Give him the benefit of the doubt.", "benefit"),
    ("It exists for the benefit of users.", "benefit"),
    ("Employee benefits include health care.", "benefits"),
    ("We enjoyed the company of friends.", "company"),
    ("They set a firm deadline.", "firm"),
    ("We will help you move.", "help"),
    ("The chance of rain is high.", "chance"),
    ("They got a head start of ten minutes.", "start of"),
    ("Prices vary within a range of values.", "a range of"),
    ("Pick a sample from a range of integers.", "a range of"),
    ("It stays within a range of five degrees.", "a range of"),
    ("Every little helps.", "Every"),
    ("Trees grow on each side of the road.", "each"),
    ("They have the advantage of surprise.", "advantage"),
    ("We waited in line with the others.", "in line with"),
    ("Not every member voted.", "every"),
    ("We each received a copy.", "each"),
    ("Each of the members voted.", "Each"),
    ("We made every effort to help.", "every"),
    ("It happens every other week.", "every"),
    ("We know it for sure.", "sure."),
    ("It is certain that we win.", "certain"),
    ("We are happy with the result.", "happy"),
    ("In a way, it is true.", "way,"),
    ("It is, in a way, true.", "way,"),
    ("Show us the way to the station.", "way"),
    ("It is part of the plan.", "part"),
    ("We meet daily, weekly and monthly.", "monthly."),
    ("The report is daily.", "daily."),
    ("In many cases, it fails.", "cases,"),
    ("The extent of the damage is unclear.", "extent"),
    ("Prices rose over the past several years.", "several"),
    ("He ate a number of 5 apples.", "a number of"),
    ("It raises questions about cost.", "questions"),
    ("He lived in Paris at this time.", "at this time."),
    ("It was a big mistake.", "big"),
    ("Prices rise in winter.", "rise"),
    ("We will drop in on Friday.", "drop"),
    ("He said something to the effect of no.", "effect"),
    ("We need a rest of two days.", "rest of"),
    ("He has an original idea.", "original"),
    ("They beat their total of ten wins.", "total"),
    ("He took his annual leave.", "annual"),
    ("The report is published monthly and sometimes.", "sometimes."),
    ("He tried over and over again.", "again."),
    ("It will never break again.", "again."),
    ("The original version will prevail.", "original"),
    # second round: each a sentence a bare table would have touched
    ("The staff is small.", "staff"),
    ("The staff meeting is on Monday.", "staff"),
    ("We hired a staff of twenty.", "staff"),
    ("After the meeting ended, we went home.", "After"),
    ("We are following the review closely.", "following"),
    ("Soon after the meeting, he left.", "after"),
    ("The day before the meeting, we met.", "before"),
    ("She had questions about 20 of them.", "about"),
    ("The call was followed by email.", "by"),
    ("Your personal data is safe.", "data"),
    ("The personal details that were stolen are gone.", "details"),
    ("We take further action to stop it.", "action"),
    ("This is a compulsory purchase order.", "compulsory"),
    ("We are continuing work on it.", "continuing"),
    ("The best possible outcome was reached.", "possible"),
    ("Thank you in advance.", "in advance."),
    ("We paid in advance of the meeting.", "in advance"),
    ("Please arrive promptly.", "promptly."),
    ("It is provided that the tenant pays.", "provided that"),
    ("Please yourself.", "Please"),
    ("We do not hesitate to act.", "do not hesitate to"),
    ("Even if you have questions, wait.", "if you have"),
    ("Tell us if you have any questions.", "if you have"),
    ("Going forward is hard.", "Going forward"),
    ("The rule becomes effective immediately after signing.", "effective immediately"),
    ("He was committed to prison.", "committed"),
    ("At the same time, costs rose.", "At the same time,"),
    ("It rained, so that the match was cancelled.", "so that"),
    ("The rule becomes effective immediately.", "effective immediately."),
    ("The rule becomes effective immediately.", "immediately."),
]


@pytest.mark.parametrize(("text", "span"), SILENT)
def test_silent_contexts(text: str, span: str) -> None:
    cands = run(text)
    assert all(c.variants[0] != span for c in cands), [c.variants for c in cands]


def test_article_drops_a_clashing_form() -> None:
    # "a key part": "essential" would need "an"; "an essential part" offers no "a" form.
    found = variants("It is a key part of the plan.", "key")
    assert "crucial" in found and "essential" not in found
    assert variants("It is an essential part of the plan.", "essential") == ()


def test_case_is_kept() -> None:
    assert "Each" in variants("Every member must vote.", "Every")
    assert "Massive" in variants("Huge amounts of data were lost.", "Huge")


def test_rules_are_named_after_no_verb() -> None:
    assert all(r.startswith("en.syn.") for r in RULES)


def test_every_rule_has_a_case() -> None:
    covered = {rule_of(text, original) for text, original, _ in BOTH_WAYS}
    assert set(RULES) <= covered, sorted(set(RULES) - covered)


# (text, a span no rule of this module may take; other modules may: en.phrase.prior_to
# offers "Prior to the meeting starts" there, which is its own matter)
SILENT_HERE: list[tuple[str, str]] = [
    ("Before the meeting starts, read the notes.", "Before"),
    ("Read the notes before the meeting ends.", "before"),
]


@pytest.mark.parametrize(("text", "span"), SILENT_HERE)
def test_silent_here(text: str, span: str) -> None:
    cands = [c for c in run(text) if c.rule in RULES]
    assert all(c.variants[0] != span for c in cands), [c.variants for c in cands]
