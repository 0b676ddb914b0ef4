"""English broad synonyms: adverbs, adjectives, nouns and fixed non-verb phrases (rule ids
en.syn.<word>; verbs are en_syn_verbs'). Each check is decided by context that every form
shares, so a copy offers the same choice back:

- adverbs inside a sentence: especially/particularly; usually/normally/typically after a
  subject or an auxiliary (never before a participle after "be": "normally
  distributed"); exactly/precisely, essentially/basically (not after "not");
  currently/presently after a present "be"; soon/shortly after a modal or closing "will
  be announced shortly."; therefore/consequently, certainly/definitely, actually/in
  fact after an auxiliary; probably/likely after a modal; later/subsequently and
  initially/originally before a past form; so far/to date/thus far; immediately/right
  away closing a clause; quickly/rapidly with a verb of growth; greatly/significantly/
  considerably/substantially with a verb of change; highly/extremely before listed
  adjectives; regularly/daily/weekly/monthly/on a ... basis, occasionally/from time to
  time, sometimes/at times, again/once again/once more, closing a sentence;
- adjectives: crucial/vital/essential/key before role, part, factor... (predicative
  without "key"); necessary/required/needed and enough/sufficient predicative (never
  "required to", "required by", "we are needed"), when/where/as needed; difficult/hard
  + to + verb, + for, or before decision, choice, question, times; "it is clear/
  evident/obvious/apparent that", "it is likely/probable that"; certain/sure and
  pleased/glad/happy after "I am", "we are"...; main/primary/principal/chief,
  additional/further/extra, rapid/fast/quick, huge/enormous/massive(/vast),
  significant/considerable/substantial, large/big, current/present,
  previous/prior(/earlier), initial/original, total/overall, annual/yearly, full/
  complete, each before a listed noun; specific/particular after a determiner;
  appropriate/suitable predicative or after more/most;
- nouns: aim/goal/objective, problem/issue, mistake/error after "make",
  choice/option(/alternative in "no ... but"), kind/type/sort of, advantage/benefit,
  company/firm, help/assistance, opportunity/chance + to, role/part with "play",
  cases/instances after "in many", extent/degree after "to", questions/queries after
  "any", increase/rise and decrease/decline/drop + in, impact/effect + of, each in the
  context that fixes its sense; every/each before a singular noun; several/a number of
  before a plural noun;
- phrases: the start/beginning of, from the start/beginning/outset, a large/great
  number of, the rest/remainder of, with regard/respect to, in accordance with/in line
  with, in the event of/in case of, a variety/range of, in an effort/attempt/a bid to,
  in the long run/long term, in the short/near term, in this way/manner/fashion, at
  this time/at present/at the moment (closing a clause in the present).

Second round (memos, notices, press releases, incident letters):
- staff/employees/personnel after all/our/the/your/their/its, before a plural verb, a
  preposition or a pause (never "the staff is", "staff meeting", "a staff of 20");
- following/after and before/ahead of/prior to + a determiner, at most two modifiers
  and an event noun (meeting, merger, incident, launch, deadline...) that no verb follows
  ("after the meeting ended" is a clause), never after the/a verb/long/soon/the day;
- about/regarding/concerning after questions, queries, enquiries, comments, feedback,
  complaints (never before a number: "questions about 20 people");
- via/by + email, phone, post... (never "followed by email"); personal/contact
  information/data/details where no verb agreeing with the noun follows; steps/
  measures(/action) after a form of "take" (+ adjectives) before "to" or a pause
  ("action" only after immediate, appropriate, necessary...: "further action" is
  en.syn.additional's); mandatory/compulsory (not "compulsory purchase/redundancies");
  ongoing/continuing after a determiner before listed nouns or closing "is ongoing.";
  potential/possible before risks, threats, impact, harm... (not after best, only...);
  committed/dedicated to after "we are" (never "committed to prison");
- openers with their comma: going forward/from now on/henceforth; effective
  immediately/with immediate effect (also closing a clause, never after be/become); as
  you know/as you are aware/as you're aware; if you have/should you have (+ any,
  questions...); please note that/please be aware that/kindly note that; please/kindly
  before a verb; do not hesitate to/don't hesitate to/feel free to (imperative only);
- closing a clause: in advance/beforehand/ahead of time (not "thank you in advance"),
  where/wherever/whenever possible, temporarily/on a temporary basis,
  permanently/on a permanent basis, promptly/without delay (not "arrive promptly"),
  in confidence/confidentially, at the same time/simultaneously (inside a sentence);
- as soon as possible/at the earliest opportunity; over/in/during the next few
  days/weeks/months/years; provided that/providing that/on condition that + a subject
  or a determiner (never "we provided that data"); so that/in order that + subject +
  modal (a purpose; never after a comma, where it is a result); at a later date/time.

Left out (unsafe or one-way):
- "big"/"large" outside listed nouns (a big deal, a big fan, a big mistake);
- "generally"/"usually" ("generally accepted" means "widely");
- "clearly"/"obviously" ("clearly" is a have-adverb for the contractions; "clearly
  visible" is a manner);
- "quickly"/"rapidly" outside growth ("reply quickly", "quickly realised" = "soon");
- "task"/"job" ("do a good job"), "purpose"/"aim" ("on purpose", "for the purpose of");
- "employee"/"staff member" (one word against two: list and clause counts change);
- "basic"/"fundamental" ("basic knowledge" is elementary), "important"/"crucial"
  (degree), "various"/"several" and "similar"/"comparable" (meaning);
- "issue" as a topic ("the main issue is whether"), "issue of" (an edition);
- "options"/"choices" and "results"/"outcomes" in the plural, "result"/"outcome" at all
  (in documentation "the result of f()" is a return value);
- "method"/"approach" (in documentation "this method returns" is a function);
- "type"/"kind" after "the" ("the type of the argument" is a data type);
- "the appropriate X"/"the suitable X" ("appropriate" often means "corresponding");
- "original version"/"initial version" (the original is the untranslated text);
- "main" before anything but a listed noun (Debian's "main" section);
- "soon"/"shortly" before "before", "after", "as", "than" ("as soon as"; "shortly before"
  has no "soon before"); "presently" after a modal (British "soon");
- "coming"/"upcoming" (en.phrase.coming has "in the coming days");
- "most"/"the majority of" (its noun phrase grows by two words and en.syntax.that's
  "said that most people will" would lose its slot);
- "very"/"really" ("not really", "really free" = truly free), "fully"/"completely"
  ("completely" is en.word.entirely's), "perhaps"/"maybe", "simply"/"merely",
  "slightly"/"somewhat", "fairly"/"quite" (degree or sense differs);
- "as well"/"too" at a clause's end ("runs as well" may compare); "nowadays"/"these
  days" ("I remember these days").
- "customers"/"clients", "workers" with staff (another relationship or class of work);
  "employee"/"staff member" (one word against two); "attendees"/"participants";
- "information about"/"regarding" (en.phrase.information_on's "more information about")
  and "concerns concerning"; "obligatory" with mandatory ("the obligatory photo");
  "optional"/"voluntary" ("voluntary redundancy"); "delighted" with pleased (stronger);
- "as soon as possible"/"as quickly as possible" (speed, not time), "ASAP" (its case
  cannot follow the memo's); "as long as" with "provided that" (also temporal);
- "in the event that"/"in case" ("in case" is a precaution); "further to"/"following"
  (a follow-up, not a time); "in response to"/"in reply to" ("in response to the
  attack");
- "At this time," opening a sentence (en.connective.current's comma variants would
  not be offered alike); "as of" + a date ("as of today, 300 cases" counts up to now);
  "effective 1 April"/"with effect from 1 April" ("from" makes an en.date slot that
  "effective" does not); "by Friday"/"no later than Friday" (en.date and en.time read
  "by" and not "than");
- "we regret to"/"we are sorry to", "unable to"/"not able to" (the copy would gain a
  contraction slot overlapping this one); "would like to"/"wish to" (drops "we'd");
- "Please find attached"/"enclosed" (e-mail against paper).
"""

from __future__ import annotations

from townsquare.canary.lexical.base import SentenceView, words
from townsquare.canary.lexical.en_contractions import is_participle
from townsquare.canary.lexical.en_syntax import clause_at
from townsquare.canary.lexical.en_words import DETERMINERS, next_word
from townsquare.canary.lexical.swaps import Check, Swap, SwapTable, all_checks, inflect

_BE = frozenset(words("is are was were am be been being isn't aren't wasn't weren't"))
_S_BASES = frozenset(words("it that there he she what who here this where"))
_MODALS = frozenset(words("will would can could should may might must shall cannot"))
_AUX = _BE | _MODALS | frozenset(words("has have had do does did"))
_SUBJECTS = frozenset(words("i we you they he she it who which that people users"))
_PERSONAL = frozenset(words("i we you they he she"))
_POSSESSIVES = frozenset(words("our your their its his her my"))
_MAIN = frozenset(words("main primary principal chief"))


def _contracted(w: str, tails: tuple[str, ...]) -> bool:
    base, apos, tail = w.partition("'")
    if not apos:
        return False
    if tail == "s":
        return "s" in tails and base in _S_BASES
    return tail in tails


def _be(w: str) -> bool:
    """A form of "be", contracted or not ("it's", "we're", "isn't")."""
    return w in _BE or _contracted(w, ("s", "re", "m"))


def _present_be(w: str) -> bool:
    return w in ("is", "are", "am", "isn't", "aren't") or _contracted(w, ("s", "re", "m"))


def _aux(w: str) -> bool:
    """An auxiliary or a modal, contracted or not, negative or not."""
    return (
        w in _AUX
        or (w.endswith("n't") and w != "n't")
        or _contracted(w, ("s", "re", "m", "ll", "d", "ve"))
    )


def _modal(w: str) -> bool:
    return w in _MODALS or _contracted(w, ("ll", "d"))


def _word_after(view: SentenceView, j: int) -> str:
    """The lower-case word right after token j in the same clause, else ""."""
    if view.toks[j].trail or not view.ok(j + 1) or view.toks[j + 1].lead:
        return ""
    core = view.toks[j + 1].core
    return view.n(j + 1) if core.isalpha() and core.islower() else ""


def _ends_clause(view: SentenceView, j: int) -> bool:
    trail = view.toks[j].trail
    return bool(trail) and trail[0] in ".,;:" and "!" not in trail and "?" not in trail


def _before(nouns: str) -> Check:
    """The form stands right before one of `nouns`."""
    allowed = frozenset(words(nouns))

    def check(view: SentenceView, i: int, j: int) -> bool:
        return _word_after(view, j) in allowed

    return check


def _after_det_before(nouns: str, dets: frozenset[str] = DETERMINERS) -> Check:
    allowed = frozenset(words(nouns))

    def check(view: SentenceView, i: int, j: int) -> bool:
        return view.n(i - 1) in dets and _word_after(view, j) in allowed

    return check


# --- adverbs ------------------------------------------------------------------


def _especially(view: SentenceView, i: int, j: int) -> bool:
    # "particularly concerning" keeps "concerning" from en.word.regarding.
    return next_word(view, i, j) and view.n(j + 1) not in ("concerning", "regarding")


def _usually(view: SentenceView, i: int, j: int) -> bool:
    """Before a verb, after a subject or an auxiliary; never "is normally distributed"."""
    prev, nxt = view.n(i - 1), _word_after(view, j)
    if not nxt or nxt in ("as", "than"):
        return False
    if _be(prev):
        return not is_participle(nxt)
    return prev in _SUBJECTS or _aux(prev) or prev == "not"


def _not_after_not(view: SentenceView, i: int, j: int) -> bool:
    return view.n(i - 1) != "not" and next_word(view, i, j)


def _currently(view: SentenceView, i: int, j: int) -> bool:
    prev = view.n(i - 1)
    if prev == "not":
        prev = view.n(i - 2)
    return _present_be(prev) and next_word(view, i, j)


def _soon(view: SentenceView, i: int, j: int) -> bool:
    """ "will soon be" / "will shortly be"; "will be announced soon." / "shortly."."""
    prev = view.n(i - 1)
    if _modal(prev) and not prev.endswith("n't"):
        nxt = _word_after(view, j)
        return bool(nxt) and nxt not in ("as", "after", "before", "than", "enough")
    if not _ends_clause(view, j):
        return False
    return (is_participle(prev) and view.n(i - 2) in ("be", "been")) or (
        _modal(view.n(i - 2)) and prev.isalpha() and prev not in ("be", "not")
    )


def _after_aux_any(view: SentenceView, i: int, j: int) -> bool:
    """After an auxiliary, before a lower-case word (an -ing form too)."""
    return _aux(view.n(i - 1)) and bool(_word_after(view, j))


def _not_neg_aux(view: SentenceView, i: int, j: int) -> bool:
    return _after_aux_any(view, i, j) and not view.n(i - 1).endswith("n't")


def _after_modal(view: SentenceView, i: int, j: int) -> bool:
    """ "will probably be" / "will likely be" (never "is likely to": an adjective)."""
    prev = view.n(i - 1)
    nxt = _word_after(view, j)
    return _modal(prev) and not prev.endswith("n't") and bool(nxt) and nxt != "to"


_PAST = frozenset(
    words(
        "became took wrote left went gave began made built found became came grew ran led "
        "held brought sold bought won rose fell became joined"
    )
)


def _past_next(view: SentenceView, i: int, j: int) -> bool:
    """ "was later renamed", "he later became": a past form after an auxiliary or a
    subject."""
    prev, nxt = view.n(i - 1), _word_after(view, j)
    if not nxt or not (is_participle(nxt) or nxt in _PAST):
        return False
    return _aux(prev) or prev in _SUBJECTS or prev == "and"


_MOTION = frozenset(
    words(
        "go goes went gone going come came coming move moved travel travelled traveled "
        "walk walked run ran drive drove driven get got gotten fall fell fallen push pushed "
        "reach reached spread far so as not is are was were be been"
    )
)


def _so_far(view: SentenceView, i: int, j: int) -> bool:
    prev = view.n(i - 1)
    if prev in ("has", "have", "had") or _contracted(prev, ("ve",)):
        return bool(_word_after(view, j))
    if not _ends_clause(view, j) or view.n(j + 1) == "so" or prev in _MOTION or not prev:
        return False
    back = [view.n(k) for k in range(max(view.first, i - 6), i - 1)]
    return any(w in ("has", "have", "had") or _contracted(w, ("ve",)) for w in back)


def _immediately(view: SentenceView, i: int, j: int) -> bool:
    prev = view.n(i - 1)
    return (
        _ends_clause(view, j)
        and i >= view.first + 3
        and prev.isalpha()
        and prev
        not in ("almost", "not", "and", "or", "follows", "follow", "below", "above", "effective")
    )


_GROWTH = frozenset(
    words(
        "grow grows grew grown growing increase increases increased increasing expand "
        "expands expanded expanding spread spreads spreading rise rises rose risen rising "
        "decline declines declined declining evolve evolves evolved evolving"
    )
)


def _growth(view: SentenceView, i: int, j: int) -> bool:
    return view.n(i - 1) in _GROWTH or _word_after(view, j) in _GROWTH


_CHANGE = frozenset(
    words(
        "improve improves improved improving increase increases increased increasing reduce "
        "reduces reduced reducing expand expands expanded simplify simplifies simplified "
        "enhance enhances enhanced extend extends extended decrease decreases decreased "
        "cut affect affects affected grow grew grown impact impacts impacted"
    )
)


def _change(view: SentenceView, i: int, j: int) -> bool:
    if _word_after(view, j) in _CHANGE:
        return True
    nxt = view.n(j + 1)
    return view.n(i - 1) in _CHANGE and (
        _ends_clause(view, j) or (not view.toks[j].trail and nxt in ("in", "over", "since"))
    )


# --- adjectives -----------------------------------------------------------------


def _predicative(nexts: str, *, person_ok: bool = True) -> Check:
    """After a form of "be" (or "not", "also" after one), before one of `nexts` or at a
    clause's end."""
    allowed = frozenset(words(nexts))
    degree = frozenset(words("not also absolutely equally particularly especially really"))

    def check(view: SentenceView, i: int, j: int) -> bool:
        k = i - 1
        if view.n(k) in degree:
            k -= 1
        if not _be(view.n(k)):
            return False
        be = view.n(k)
        if not person_ok and (view.n(k - 1) in _PERSONAL or be.partition("'")[0] in _PERSONAL):
            return False
        return _ends_clause(view, j) or _word_after(view, j) in allowed

    return check


def _necessary(view: SentenceView, i: int, j: int) -> bool:
    """ "No action is necessary." / "is needed for the release"; never "you are required
    to", "required by law", nor "it is necessary for us to act" (no "it is needed for us
    to")."""
    if not _predicative("for", person_ok=False)(view, i, j):
        return False
    if _ends_clause(view, j):
        return True
    k = i - 1 if _be(view.n(i - 1)) else i - 2
    return view.n(k) != "it's" and view.n(k - 1) != "it"


def _clear_that(view: SentenceView, i: int, j: int) -> bool:
    prev = view.n(i - 1)
    if view.n(j + 1) != "that" or view.toks[j].trail:
        return False
    if prev == "it's":
        return True
    k = i - 1
    if prev == "not":
        k -= 1
    verb = view.n(k)
    return view.n(k - 1) == "it" and (
        verb in ("is", "was", "became", "becomes", "seems", "seemed", "isn't", "wasn't")
    )


_OBJECTS = frozenset(words("me us him her them you it the a an this that"))


def _hard_to(view: SentenceView, i: int, j: int) -> bool:
    prev = view.n(i - 1)
    if _word_after(view, j) in _HARD_NOUNS:
        return prev not in ("more", "most", "less", "least")
    if view.n(j + 1) not in ("to", "for") or view.toks[j].trail:
        return False
    after = view.n(j + 2)
    if not after.isalpha() or after in _OBJECTS or not view.toks[j + 2].core.islower():
        return False
    return _be(prev) or prev in (
        "it",
        "very",
        "quite",
        "too",
        "so",
        "extremely",
        "really",
        "particularly",
        "especially",
        "increasingly",
        "not",
    )


_SPECIAL = frozenset(
    words(
        "interest attention importance focus emphasis concern care relevance note "
        "significance about to of"
    )
)


def _specific(view: SentenceView, i: int, j: int) -> bool:
    nxt = _word_after(view, j)
    return (
        view.n(i - 1) in ("this", "these", "those", "a", "the", "any", "each", "one")
        and bool(nxt)
        and nxt not in _SPECIAL
    )


def _appropriate(view: SentenceView, i: int, j: int) -> bool:
    prev = view.n(i - 1)
    if _be(prev) or (prev == "not" and _be(view.n(i - 2))):
        return _ends_clause(view, j) or _word_after(view, j) == "for"
    # "the appropriate type" is often "the corresponding type": only "more/most appropriate"
    return prev in ("more", "most") and bool(_word_after(view, j))


_VERB_OBJECTS = frozenset(words("the a an them us him it our their this these those"))


def _additional(view: SentenceView, i: int, j: int) -> bool:
    """Before a listed noun; never the verb "to further support the team"."""
    prev = view.n(i - 1)
    if prev == "to" or _aux(prev) or view.n(j + 2) in _VERB_OBJECTS:
        return False
    return _before(_EXTRA_NOUNS)(view, i, j)


# --- nouns ----------------------------------------------------------------------

_GOAL_ADJ = _MAIN | frozenset(
    words("ultimate overall common shared stated clear specific long-term short-term key same")
)
_GOAL_PREV = DETERMINERS | _GOAL_ADJ | frozenset(words("one"))
_SPORT = frozenset(
    words("winning first second third only late opening equalising equalizing own decisive")
)


def _goal(view: SentenceView, i: int, j: int) -> bool:
    """ "the aim of", "our goal is to", "clear objectives,"; never a goal scored ("the
    goal was disallowed", "the winning goal of the match")."""
    prev = view.n(i - 1)
    if prev not in _GOAL_PREV:
        if prev in _SPORT or view.n(i - 2) not in DETERMINERS:
            return False
        return _word_after(view, j) == "of"  # "the destructive goal of enriching oneself"
    if _ends_clause(view, j):
        return prev in _POSSESSIVES or prev in _GOAL_ADJ
    nxt = _word_after(view, j)
    if nxt == "of":
        return True
    return nxt in ("is", "was", "are", "were", "remains") and view.n(j + 2) in ("to", "that")


_FIX = frozenset(
    words(
        "fix fixes fixed fixing solve solves solved solving resolve resolves resolved "
        "resolving address addresses addressed addressing cause causes caused causing "
        "encounter encounters encountered encountering report reports reported reporting "
        "face faces faced facing"
    )
)
_FIX_DETS = frozenset(
    words("the this that these those a an any some such several many our your their its same")
)
_PROBLEM_ADJ = frozenset(
    words(
        "technical security performance serious known potential possible remaining underlying "
        "similar same"
    )
)


def _problem(view: SentenceView, i: int, j: int) -> bool:
    prev = view.n(i - 1)
    if _word_after(view, j) == "with":
        return True
    if prev in _FIX or prev in _PROBLEM_ADJ:
        return True
    return prev in _FIX_DETS and view.n(i - 2) in _FIX


_MAKE = frozenset(words("make makes made making"))


def _mistake(view: SentenceView, i: int, j: int) -> bool:
    prev = view.n(i - 1)
    if prev in _MAKE:
        return True
    mids = frozenset(words("the same some several many few no any serious common costly"))
    k = i - 1
    while k > i - 3 and view.n(k) in mids:
        k -= 1
    return k < i - 1 and view.n(k) in _MAKE


def _no_but(view: SentenceView, i: int, j: int) -> bool:
    return view.n(i - 1) == "no" and _word_after(view, j) == "but"


def _choice(view: SentenceView, i: int, j: int) -> bool:
    prev = view.n(i - 1)
    return prev in ("only", "best", "other", "obvious", "preferred", "better", "safest") or (
        prev == "no" and view.n(j + 1) in ("other", "but") and not view.toks[j].trail
    )


_KIND_PREV = frozenset(
    words(
        "this that these those what which any some same every each all many other "
        "different various several certain"
    )
)


def _kind(view: SentenceView, i: int, j: int) -> bool:
    return view.n(i - 1) in _KIND_PREV and _word_after(view, j) == "of"


_TAKE = frozenset(words("take takes took taken taking"))
_ADV_PREV = (
    frozenset(words("the one another other additional further extra added big great key major"))
    | _MAIN
)


def _advantage(view: SentenceView, i: int, j: int) -> bool:
    prev = view.n(i - 1)
    if prev not in _ADV_PREV or _word_after(view, j) != "of":
        return False
    if view.n(i - 2) in _TAKE or view.n(i - 3) in _TAKE:
        return False
    if prev == "the":
        # "The advantage of X is ...", "this is the advantage of X"; never "for the benefit
        # of" (on behalf of), "have the advantage of surprise", "deprive of the benefit of"
        return i - 1 == view.first or _be(view.n(i - 2))
    return not (view.n(j + 2) == "the" and view.n(j + 3) == "doubt")


_FIRM_NEXT = frozenset(
    words("is was has had will would said announced plans expects reported employs which that")
)


def _company(view: SentenceView, i: int, j: int) -> bool:
    prev = view.n(i - 1)
    if prev not in ("the", "our", "your", "their", "a", "this", "that", "each", "every"):
        return False
    if view.n(i - 2) in ("in", "keep", "keeps", "kept", "enjoy", "enjoyed"):
        return False
    return _ends_clause(view, j) or _word_after(view, j) in _FIRM_NEXT


def _assistance(view: SentenceView, i: int, j: int) -> bool:
    prev = view.n(i - 1)
    nxt = _word_after(view, j)
    if prev == "the":
        return nxt == "of"
    if prev not in _POSSESSIVES | {"for", "any", "some", "additional", "further", "extra"}:
        return False
    return _ends_clause(view, j) or nxt in ("with", "in", "and", "from", "during", "on")


def _opportunity(view: SentenceView, i: int, j: int) -> bool:
    prev = view.n(i - 1)
    ok_prev = _POSSESSIVES | {"the", "this", "every", "another", "any", "more"}
    return prev in ok_prev and view.n(j + 1) == "to" and not view.toks[j].trail


# --- phrases --------------------------------------------------------------------


def _start_of(view: SentenceView, i: int, j: int) -> bool:
    """ "the start of" / "the beginning of" (never "a head start of ten minutes")."""
    return view.n(i - 1) == "the" and not view.toks[i - 1].trail


def _from_start(view: SentenceView, i: int, j: int) -> bool:
    return _ends_clause(view, j)


_RANGE_BLOCK = frozenset(
    words(
        "values temperatures prices frequencies sizes ages speeds numbers about integers "
        "dates years addresses ports bytes lines characters indices indexes one two three "
        "four five six seven eight nine ten twelve twenty fifty hundred thousand few"
    )
)


def _not_queue(view: SentenceView, i: int, j: int) -> bool:
    """Never "wait in line with the others"."""
    return view.n(i - 1) not in _QUEUE


_QUEUE = frozenset(words("wait waits waiting waited stand stands standing stood queue queuing"))


def _variety(view: SentenceView, i: int, j: int) -> bool:
    nxt = _word_after(view, j)
    return bool(nxt) and nxt not in _RANGE_BLOCK and view.n(i - 1) != "in"


def _bare_end(view: SentenceView, i: int, j: int) -> bool:
    """ "when needed" closing a clause, or before a word other than "by", "to", "for"."""
    if _ends_clause(view, j):
        return True
    nxt = _word_after(view, j)
    return bool(nxt) and nxt not in ("by", "to", "for", "that", "in")


# --- added for breadth ------------------------------------------------------------

_EVERY_NEXT_BLOCK = frozenset(
    words(
        "other few single now last second third fourth fifth so bit which and one's way "
        "once to turn little inch penny whit side hand end parent eye ear arm leg foot half "
        "partner twin spouse "
        "effort reason chance right intention confidence opportunity hope indication "
        "attempt two three four five six seven eight nine ten twelve twenty hundred "
        "thousand day week month year morning evening afternoon night quarter time monday "
        "tuesday wednesday thursday friday saturday sunday"
    )
)


def _every(view: SentenceView, i: int, j: int) -> bool:
    """ "every/each member must": a singular noun after, never "each of", "each has",
    "every other", "every effort" (all possible), "almost every", "not every", nor a noun
    that comes in twos ("on each side" is not "on every side"); time units are
    en.word.every's."""
    prev, nxt = view.n(i - 1), _word_after(view, j)
    if prev in ("almost", "nearly", "virtually", "practically", "not", "just", "once", "and"):
        return False
    if not nxt or nxt in _EVERY_NEXT_BLOCK or _aux(nxt) or nxt in ("of", "one"):
        return False
    if is_participle(nxt) or nxt in _PAST:  # "we each received"
        return False
    # a floating "each" after its subject or an auxiliary: "they each", "have each"
    if prev in _PERSONAL | {"them", "us", "these", "those", "both"} or _aux(prev):
        return False
    if prev.endswith("s") and not prev.endswith("ss") and prev not in _EVERY_PREPS:
        return False
    return not nxt.endswith("s") or nxt.endswith("ss")


_EVERY_PREPS = frozenset(words("as was is has does across towards towards this thus"))


_ENOUGH_PREV = frozenset(
    words(
        "have has had having get gets got provide provides provided attract attracts "
        "attracted with without not make makes made making receive receives received earn "
        "earns earned is are was were be been there"
    )
)


_ENOUGH_NEXT_BLOCK = frozenset(
    words("to of for that and or as so is are already yet now here there today anyway")
)


def _enough_noun(view: SentenceView, i: int, j: int) -> bool:
    """ "have enough money" / "have sufficient money" (never "big enough house")."""
    nxt = _word_after(view, j)
    return (
        view.n(i - 1) in _ENOUGH_PREV
        and bool(nxt)
        and nxt not in _ENOUGH_NEXT_BLOCK
        and not _aux(nxt)
    )


def _person_be(view: SentenceView, i: int, j: int, nexts: frozenset[str]) -> bool:
    """After "I am", "we're", "they are not", "I'd be"... (a person), before one of `nexts`
    or at a clause's end."""
    k = i - 1
    if view.n(k) in ("not", "very", "so", "really", "quite", "absolutely", "also"):
        k -= 1
    be = view.n(k)
    if not _be(be):
        return False
    subject = view.n(k - 1)
    if be == "be" and _modal(subject):  # "we will be", "I'd be"
        subject = subject if "'" in subject else view.n(k - 2)
    person = be.partition("'")[0] in _PERSONAL or subject.partition("'")[0] in _PERSONAL
    return person and (_word_after(view, j) in nexts or _ends_clause(view, j))


_SURE_NEXT = frozenset(words("that of about whether how what why when"))


def _sure(view: SentenceView, i: int, j: int) -> bool:
    return _person_be(view, i, j, _SURE_NEXT)


def _glad(view: SentenceView, i: int, j: int) -> bool:
    nxt = _word_after(view, j)
    if nxt == "to":
        after = view.n(j + 2)
        if not after.isalpha() or after in _OBJECTS:
            return False
    elif nxt != "that":
        return False
    return _person_be(view, i, j, frozenset(["to", "that"])) and not _ends_clause(view, j)


_MANNER_KEYS = frozenset(words("this that same similar different such"))
_MANNER_FILL = _MANNER_KEYS | frozenset(words("a the another"))


def _manner(view: SentenceView, i: int, j: int) -> bool:
    """ "in this way" / "in this manner", never at the sentence's start (an opener with its
    own comma slot) and never "in a way" (somewhat)."""
    k = i - 1
    seen = False
    while k >= i - 3 and view.n(k) in _MANNER_FILL:
        seen = seen or view.n(k) in _MANNER_KEYS
        k -= 1
    return seen and view.n(k) == "in" and k != view.first and k < i - 1


_PLAY = frozenset(words("play plays played playing"))


def _role(view: SentenceView, i: int, j: int) -> bool:
    """ "play a role in" / "play a part in", "a role to play" / "a part to play"."""
    if _word_after(view, j) == "to" and view.n(j + 2) in _PLAY:
        return True
    return any(view.n(k) in _PLAY for k in range(max(0, i - 4), i))


def _regularly(view: SentenceView, i: int, j: int) -> bool:
    """Closing a sentence or a clause ("We meet daily." / "on a daily basis."), never
    inside a list ("daily, weekly and monthly")."""
    trail = view.toks[j].trail
    prev = view.n(i - 1)
    return (
        bool(trail)
        and trail[0] in ".;"
        and prev.isalpha()
        and prev not in ("and", "or", "not", "more", "less", "very", "quite")
        and not _be(prev)
        and not view.toks[i - 1].trail
        and i > view.first + 1
    )


_CASE_PREV = frozenset(words("most many some such these those all certain both other several"))


def _cases(view: SentenceView, i: int, j: int) -> bool:
    """ "in many cases" / "in many instances" inside a sentence (at its start the opener
    list has "in many cases" only)."""
    return (
        view.n(i - 1) in _CASE_PREV
        and view.n(i - 2) == "in"
        and i - 2 != view.first
        and not view.toks[i - 2].trail
    )


_EXTENT_PREV = frozenset(
    words("some certain large great lesser greater what the such significant considerable limited")
)


def _extent(view: SentenceView, i: int, j: int) -> bool:
    """ "to some extent" / "to some degree"."""
    return view.n(i - 1) in _EXTENT_PREV and "to" in (view.n(i - 2), view.n(i - 3))


_HARD_NOUNS = frozenset(words("decision decisions choice choices question questions times task"))

_SEVERAL_PREV_BLOCK = DETERMINERS | frozenset(
    words("past last next first few the of for over these those his her only just very")
)


def _several(view: SentenceView, i: int, j: int) -> bool:
    """ "several reasons" / "a number of reasons" before a plural noun (never "the past
    several years", where en.word.past_last needs "several")."""
    prev = view.n(i - 1)
    if prev in _SEVERAL_PREV_BLOCK - {"of", "for", "over"} or prev in ("past", "last", "next"):
        return False
    k = j + 1
    if view.toks[j].trail or not view.ok(k) or view.toks[k].lead:
        return False
    if view.n(k) in ("other", "different") and not view.toks[k].trail:
        k += 1
    if not view.ok(k) or view.toks[k].lead:
        return False
    core, w = view.toks[k].core, view.n(k)
    return (
        core.isalpha()
        and core.islower()
        and len(w) > 3
        and w.endswith("s")
        and not w.endswith(("ss", "us", "is"))
    )


def _queries(view: SentenceView, i: int, j: int) -> bool:
    """ "any questions" / "any queries" (never "the question of funding")."""
    prev = view.n(i - 1)
    return prev in ("any", "your", "further", "additional", "extra", "other", "more") and (
        _ends_clause(view, j)
        or _word_after(view, j) in ("about", "on", "regarding", "concerning", "to", "you")
    )


_PAST_MARKS = frozenset(
    words("was were had did wasn't weren't hadn't didn't used then ago yesterday")
)
_PRESENT_MARKS = frozenset(
    words(
        "is are am will can cannot do does have has won't can't don't doesn't isn't aren't "
        "haven't hasn't should must may"
    )
)


def _at_present(view: SentenceView, i: int, j: int) -> bool:
    """ "We have no plans at this time." / "at present." / "at the moment.": closing a
    clause in the present ("He lived there at this time." means "then")."""
    if not _ends_clause(view, j) or i <= view.first or view.toks[i - 1].trail:
        return False
    before = [view.n(k) for k in range(view.first, i)]
    if any(w in _PAST_MARKS or w.endswith("ed") for w in before):
        return False
    return any(w in _PRESENT_MARKS or _contracted(w, ("s", "re", "m", "ll", "ve")) for w in before)


_LARGE_NOUNS = (
    "company companies firm firms organization organizations organisation organisations "
    "city cities group groups team teams project projects community communities file files "
    "building buildings room rooms house houses vehicle vehicles crowd crowds "
    "infrastructure network networks population area areas box boxes budget budgets "
    "institution institutions order orders office offices"
)


_CHANGE_ADJ = frozenset(
    words(
        "the this that any no sharp significant considerable substantial small large steady "
        "rapid fast quick slight further huge enormous massive sudden big annual yearly "
        "overall total recent"
    )
)


def _change_in(view: SentenceView, i: int, j: int) -> bool:
    """ "the increase in costs" / "the rise in costs" (a noun: never "prices rise in
    winter", "to increase in size")."""
    return view.n(i - 1) in _CHANGE_ADJ and _word_after(view, j) == "in"


def _effect_of(view: SentenceView, i: int, j: int) -> bool:
    """ "the impact of the cuts" / "the effect of the cuts" (never "to the effect of")."""
    prev = view.n(i - 1)
    return (
        prev in ("the", "its", "their")
        and _word_after(view, j) == "of"
        and not (prev == "the" and view.n(i - 2) == "to")
    )


def _remainder(view: SentenceView, i: int, j: int) -> bool:
    return view.n(i - 1) == "the" and not view.toks[i - 1].trail


_TIMELY = frozenset(words("timely orderly professional consistent responsible efficient fair"))


def _timely(view: SentenceView, i: int, j: int) -> bool:
    """ "in a timely manner" / "in a timely fashion"."""
    return view.n(i - 1) in _TIMELY and view.n(i - 2) == "a" and view.n(i - 3) == "in"


def _again(view: SentenceView, i: int, j: int) -> bool:
    """Closing a clause ("It failed again." / "once more."), never "over and over again",
    "then again", "now and again", "as many again"."""
    prev = view.n(i - 1)
    blocked = ("over", "then", "never", "much", "many", "half", "twice", "time", "now", "all")
    if any(_negative(view.n(k)) for k in range(view.first, i)):
        return False  # "never ... again" has no "never ... once more"
    return _regularly(view, i, j) and prev not in blocked


def _negative(w: str) -> bool:
    return w in ("never", "not", "no", "nobody", "nothing", "none", "cannot") or w.endswith("n't")


_ROLE = "role part component element factor step ingredient aspect"
_MAIN_NOUNS = (
    "reason reasons goal goals aim aims objective objectives concern concerns purpose "
    "cause causes advantage advantages benefit benefits challenge challenges problem problems"
)
_EXTRA_NOUNS = (
    "information details questions queries resources support funding costs charges fees help "
    "training steps work testing documentation examples guidance comments capacity "
    "storage measures"
)
_RAPID_NOUNS = (
    "growth increase expansion progress response spread rise pace recovery adoption decline "
    "decrease drop"
)
_HUGE_NOUNS = (
    "impact difference effort increase improvement challenge success task problem rise "
    "decline decrease drop"
)
_VAST_NOUNS = "amount amounts number numbers quantity quantities"
_SIGNIFICANT_NOUNS = (
    "amount amounts number increase improvement progress investment portion part share "
    "effort reduction growth cost costs savings resources rise decline decrease drop"
)
_CURRENT_NOUNS = (
    "situation version state system policy arrangement arrangements model rules process "
    "structure form position plan circumstances"
)
_PREVIOUS_VERSIONS = "version versions release releases meeting meetings discussion discussions"
_PREVIOUS_NOUNS = "experience year agreement"
_FULL_NOUNS = (
    "list text report set details version record overview schedule documentation "
    "history range picture"
)
_DET_PREV = frozenset(words("the a an its our their your his her this that any all every"))


# --- second round: memos, notices, press releases -------------------------------

_STAFF_PREV = frozenset(words("all our the your their its"))
_STAFF_NEXT = frozenset(
    words(
        "are were have had will would can could should may might must need who and or in at "
        "on across from of to with whose affected concerned involved"
    )
)


def _staff(view: SentenceView, i: int, j: int) -> bool:
    """ "all staff must" / "all employees must" / "all personnel must": after a determiner,
    before a plural verb, a preposition or a pause (never "the staff is", "staff members",
    "a staff of 20")."""
    if view.n(i - 1) not in _STAFF_PREV or view.toks[i - 1].trail:
        return False
    return _ends_clause(view, j) or _word_after(view, j) in _STAFF_NEXT


_EVENTS = frozenset(
    words(
        "meeting meetings announcement merger acquisition incident review decision discussion "
        "discussions consultation vote election attack breach outage launch completion "
        "publication approval closure restructuring reorganisation reorganization resignation "
        "departure appointment investigation audit migration conclusion introduction talks "
        "retirement conference event summit hearing interview session workshop webinar "
        "presentation visit transition upgrade deployment holiday holidays weekend deadline "
        "call trip briefing"
    )
)
_EVENT_DETS = frozenset(words("the this that our their its his her next last recent"))
_EVENT_AFTER = frozenset(
    words("of in on at with between and we i they he she it this last earlier later")
)


def _event_np(view: SentenceView, j: int) -> bool:
    """A determiner, at most two lower-case modifiers and an event noun follow token j, and
    no verb after it ("after the meeting ended" is a clause: "following" cannot replace
    that "after")."""
    k = j + 1
    if view.toks[j].trail or not view.ok(k) or view.toks[k].lead or view.n(k) not in _EVENT_DETS:
        return False
    for m in range(k + 1, k + 4):
        if not view.ok(m) or view.toks[m].lead or not view.toks[m].core.islower():
            return False
        if view.n(m) in _EVENTS:
            return _ends_clause(view, m) or _word_after(view, m) in _EVENT_AFTER
        if view.toks[m].trail or not view.toks[m].core.isalpha() or view.n(m) in _EVENT_DETS:
            return False
    return False


_AFTER_BLOCK = frozenset(
    words(
        "long soon shortly ever never right just well day days week weeks night month months "
        "year years hours minutes even only look looks looked looking named one time"
    )
)


def _following(view: SentenceView, i: int, j: int) -> bool:
    """ "Following the merger," / "After the merger,": a preposition before an event (never
    "the following", "is following the plan", "soon after")."""
    prev = view.n(i - 1)
    if prev in DETERMINERS or prev in _AFTER_BLOCK or _aux(prev) or _be(prev):
        return False
    return _event_np(view, j)


def _about_topic(view: SentenceView, i: int, j: int) -> bool:
    """ "questions about the change" / "regarding" / "concerning" (never "about 3")."""
    if view.n(i - 1) not in _TOPIC_NOUNS or view.toks[i - 1].trail:
        return False
    nxt = _word_after(view, j)
    if nxt:
        return nxt not in _AMOUNTS
    k = j + 1
    return (
        not view.toks[j].trail
        and view.ok(k)
        and not view.toks[k].lead
        and view.toks[k].core[:1].isupper()
        and view.toks[k].core.isalpha()
    )


_TOPIC_NOUNS = frozenset(
    words(
        "questions question queries query enquiries enquiry inquiries inquiry comments "
        "feedback complaints complaint"
    )
)
_AMOUNTS = frozenset(
    words("one two three four five six seven eight nine ten twenty fifty hundred half a an as how")
)
_CHANNELS = frozenset(words("email e-mail phone telephone post mail text fax courier letter sms"))


def _channel(view: SentenceView, i: int, j: int) -> bool:
    """ "via email" / "by email" (never "followed by email", "replaced by mail")."""
    prev = view.n(i - 1)
    free = not view.toks[j].trail and view.ok(j + 1) and not view.toks[j + 1].lead
    nxt = view.n(j + 1) if free else ""
    return nxt in _CHANNELS and prev not in (
        "followed",
        "replaced",
        "accompanied",
        "supplemented",
        "preceded",
        "backed",
    )


_DATA_NEXT = frozenset(
    words(
        "of to with from in on for by may might will could can should must would and or such "
        "including held stored we you they"
    )
)


def _personal_data(view: SentenceView, i: int, j: int) -> bool:
    """ "your personal data" / "information" / "details", "contact details" / "contact
    information": never before a verb that agrees ("data is", "details are") nor a
    relative clause."""
    prev = view.n(i - 1)
    if view.toks[i - 1].trail or prev not in ("personal", "contact"):
        return False
    if prev == "contact" and view.n(i - 2) not in _POSSESSIVES | {"the", "updated", "current"}:
        return False
    return _ends_clause(view, j) or _word_after(view, j) in _DATA_NEXT


_TAKE_ALL = frozenset(words("take takes took taken taking"))
_STEP_ADJ = frozenset(words("immediate appropriate necessary swift decisive urgent prompt"))
_STEP_MORE = frozenset(
    words(
        "further additional extra several various numerous concrete practical reasonable "
        "proactive precautionary preventive important new following the these those some all "
        "such a "
        "number of"
    )
)


def _step_words(view: SentenceView, i: int) -> tuple[bool, bool]:
    """(after a form of "take" with only adjectives between, only listed ones that also
    suit "action")."""
    k, plain = i - 1, True
    while k > view.first and view.n(k) in _STEP_ADJ | _STEP_MORE and not view.toks[k].trail:
        plain = plain and view.n(k) in _STEP_ADJ
        k -= 1
    return view.n(k) in _TAKE_ALL and not view.toks[k].trail, plain


def _step_next(view: SentenceView, j: int) -> bool:
    return _ends_clause(view, j) or (
        _word_after(view, j) == "to" and view.toks[j + 1].core.islower()
    )


def _steps_action(view: SentenceView, i: int, j: int) -> bool:
    """ "take immediate steps to" / "measures" / "action"."""
    take, plain = _step_words(view, i)
    return take and plain and _step_next(view, j)


def _steps(view: SentenceView, i: int, j: int) -> bool:
    """ "take further steps to" / "measures" ("further action" is en.syn.additional's)."""
    take, plain = _step_words(view, i)
    return take and not plain and _step_next(view, j)


def _mandatory(view: SentenceView, i: int, j: int) -> bool:
    """Never a legal term ("compulsory purchase", "compulsory redundancies")."""
    return _word_after(view, j) not in (
        "purchase",
        "purchases",
        "redundancy",
        "redundancies",
        "liquidation",
        "acquisition",
    )


_ONGOING_PREV = frozenset(words("the our its their his her this these any your"))
_ONGOING_NOUNS = (
    "investigation investigations support discussions talks negotiations efforts work review "
    "monitoring commitment process dispute conflict crisis problems issues concerns training "
    "maintenance research relationship cooperation collaboration dialogue consultation"
)


_POSSIBLE_BLOCK = frozenset(
    words(
        "best worst lowest highest greatest fastest earliest latest largest smallest only every all"
    )
)
_POSSIBLE_NOUNS = (
    "risk risks threat threats impact impacts issue issues problem problems cause causes "
    "vulnerabilities vulnerability delays delay disruption disruptions consequences "
    "solutions solution options changes conflicts exposure harm damage loss losses fraud "
    "misuse"
)


def _possible(view: SentenceView, i: int, j: int) -> bool:
    return view.n(i - 1) not in _POSSIBLE_BLOCK and _before(_POSSIBLE_NOUNS)(view, i, j)


def _opener(view: SentenceView, i: int, j: int) -> bool:
    """At the sentence's start with its comma ("Going forward, ...")."""
    return i == view.first and view.toks[j].trail == ","


def _opener_or_tail(view: SentenceView, i: int, j: int) -> bool:
    """ "Effective immediately, ..." or "..., effective immediately." or "... as chair
    effective immediately."; never after "be" or "become" (an adjective there)."""
    if _opener(view, i, j):
        return True
    if i <= view.first or not _ends_clause(view, j):
        return False
    # "He becomes chair effective immediately." but never "becomes effective immediately"
    prev = view.n(i - 1)
    return view.toks[i - 1].trail == "," or (
        prev.isalpha() and not _be(prev) and prev not in _BECOME
    )


_BECOME = frozenset(
    words(
        "become becomes became becoming remain remains remained take takes took taking made "
        "make makes deemed declared rendered"
    )
)


def _as_you_know(view: SentenceView, i: int, j: int) -> bool:
    return view.toks[j].trail == "," and (i == view.first or view.toks[i - 1].trail == ",")


def _in_advance(view: SentenceView, i: int, j: int) -> bool:
    """ "register in advance." / "beforehand." / "ahead of time." (never "in advance of",
    "thank you in advance")."""
    prev = view.n(i - 1)
    return (
        _ends_clause(view, j)
        and i > view.first
        and prev.isalpha()
        and prev not in ("you", "thanks", "and", "or", "not", "is", "are", "was", "be")
    )


def _where_possible(view: SentenceView, i: int, j: int) -> bool:
    """ "Where possible, ..." / "work from home wherever possible."."""
    return _ends_clause(view, j) and view.n(i - 1) not in ("as", "if", "and", "or")


_PROMPT_BLOCK = frozenset(
    words(
        "arrive arrives arrived arriving start starts started starting begin begins began "
        "finish finishes finished end ends ended leave leaves left open opens opened close "
        "closes closed"
    )
)


def _promptly(view: SentenceView, i: int, j: int) -> bool:
    """ "reply promptly." / "without delay." (never "arrive promptly", which is on time)."""
    return _regularly(view, i, j) and view.n(i - 1) not in _PROMPT_BLOCK


def _provided_that(view: SentenceView, i: int, j: int) -> bool:
    """ "provided that we" / "providing that" / "on condition that" before a clause; never
    after "be" ("it is provided that" is a legal passive)."""
    prev = view.n(i - 1)
    if _be(prev) or _aux(prev) or view.toks[j].trail:
        return False
    # "that" + a noun would be a determiner ("we provided that data"): a subject pronoun
    # or a determiner must follow.
    return view.n(j + 1) in _CLAUSE_START or clause_at(view, j + 1)


_CLAUSE_START = frozenset(
    words(
        "i we you they he she the this these those our your their its his her all no any each every"
    )
)


def _please(view: SentenceView, i: int, j: int) -> bool:
    """ "Please contact" / "Kindly contact" at a sentence's or clause's start, before a verb."""
    if i != view.first and view.toks[i - 1].trail != ",":
        return False
    if view.toks[j].trail or not view.ok(j + 1) or not view.toks[j + 1].core.islower():
        return False
    nxt = view.n(j + 1)
    return (
        nxt[:1].isalpha()
        and nxt not in _OBJECTS | _SUBJECTS | DETERMINERS | {"yourself", "yourselves"}
        and not nxt.endswith(("ly", "ing"))
    )


def _please_phrase(view: SentenceView, i: int, j: int) -> bool:
    return (i == view.first or view.toks[i - 1].trail == ",") and bool(_word_after(view, j))


def _hesitate(view: SentenceView, i: int, j: int) -> bool:
    """ "(Please) do not hesitate to contact" / "don't hesitate to" / "feel free to": an
    imperative only ("we do not hesitate to" is a statement)."""
    prev = view.n(i - 1)
    start = i == view.first or view.toks[i - 1].trail == ","
    if prev in ("please", "kindly") and not view.toks[i - 1].trail:
        start = i - 1 == view.first or view.toks[i - 2].trail == ","
    return start and bool(_word_after(view, j))


def _ongoing_pred(view: SentenceView, i: int, j: int) -> bool:
    """ "The investigation is ongoing." / "is continuing." (closing the clause)."""
    prev = view.n(i - 1)
    return prev in ("is", "are", "remains", "remain") and _ends_clause(view, j)


def _should_you(view: SentenceView, i: int, j: int) -> bool:
    """ "If you have any questions," / "Should you have any questions,": opening a
    sentence or following a comma (never "even if", "only if", "let us know if")."""
    if i != view.first and view.toks[i - 1].trail != ",":
        return False
    return _word_after(view, j) in ("any", "questions", "queries", "concerns", "further")


def _committed(view: SentenceView, i: int, j: int) -> bool:
    """ "We are committed to" / "dedicated to" (a person, never "committed to prison")."""
    k = i - 1
    if view.n(k) in ("fully", "deeply", "firmly", "truly", "very", "so", "also", "still"):
        k -= 1
    if view.toks[j].trail or view.n(j + 1) != "to":
        return False
    if any(view.n(m) in _CUSTODY for m in range(j + 2, j + 5)):
        return False
    return _person_be(view, k + 1, j, frozenset(["to"])) or (
        view.n(k) in ("remain", "stay") and view.n(k - 1) in _PERSONAL
    )


_CUSTODY = frozenset(words("prison jail gaol hospital custody memory trial care asylum"))
_SAME_TIME_BLOCK = frozenset(words("and but or yet while"))


def _same_time(view: SentenceView, i: int, j: int) -> bool:
    """ "... run at the same time." / "simultaneously." closing a clause inside a sentence
    (at its start "At the same time," also means "however")."""
    return (
        _ends_clause(view, j)
        and i > view.first + 1
        and not view.toks[i - 1].trail
        and view.n(i - 1) not in _SAME_TIME_BLOCK
    )


_SO_THAT_NEXT = frozenset(words("i we you they he she it everyone staff users"))


def _so_that(view: SentenceView, i: int, j: int) -> bool:
    """ "so that we can" / "in order that we can": a purpose, told by a subject and a modal
    after it (", so that the match was cancelled" is a result); never after a comma."""
    if i == view.first or view.toks[i - 1].trail or view.toks[j].trail:
        return False
    if view.n(i - 1) in ("and", "or", "but", "not", "just", "only", "even", "such", "is", "was"):
        return False
    k = j + 1
    if view.n(k) not in _SO_THAT_NEXT or view.toks[k].trail:
        return False
    return _modal(view.n(k + 1)) or _modal(view.n(k))


SWAPS: list[Swap] = [
    # adverbs
    Swap("en.syn.especially", ("especially", "particularly"), check=_especially, anywhere=False),
    Swap("en.syn.usually", ("usually", "normally", "typically"), check=_usually, anywhere=False),
    Swap("en.syn.exactly", ("exactly", "precisely"), check=_not_after_not, anywhere=False),
    Swap("en.syn.essentially", ("essentially", "basically"), check=_not_after_not, anywhere=False),
    Swap("en.syn.currently", ("currently", "presently"), check=_currently, anywhere=False),
    Swap("en.syn.soon", ("soon", "shortly"), check=_soon, anywhere=False),
    Swap("en.syn.therefore", ("therefore", "consequently"), check=_not_neg_aux, anywhere=False),
    Swap("en.syn.later", ("later", "subsequently"), check=_past_next, anywhere=False),
    Swap("en.syn.initially", ("initially", "originally"), check=_past_next, anywhere=False),
    Swap("en.syn.certainly", ("certainly", "definitely"), check=_not_neg_aux, anywhere=False),
    Swap("en.syn.actually", ("actually", "in fact"), check=_after_aux_any, anywhere=False),
    Swap("en.syn.probably", ("probably", "likely"), check=_after_modal, anywhere=False),
    Swap("en.syn.so_far", ("so far", "to date", "thus far"), check=_so_far, anywhere=False),
    Swap("en.syn.immediately", ("immediately", "right away"), check=_immediately, anywhere=False),
    Swap("en.syn.quickly", ("quickly", "rapidly"), check=_growth, anywhere=False),
    Swap(
        "en.syn.greatly",
        ("greatly", "significantly", "considerably", "substantially"),
        check=_change,
        anywhere=False,
    ),
    Swap(
        "en.syn.highly",
        ("highly", "extremely"),
        check=_before(
            "likely unlikely effective successful unusual competitive sensitive efficient "
            "profitable popular valuable relevant"
        ),
        anywhere=False,
    ),
    # adjectives
    Swap("en.syn.crucial", ("crucial", "vital", "essential", "key"), check=_before(_ROLE)),
    Swap("en.syn.crucial", ("crucial", "vital", "essential"), check=_predicative("that to for in")),
    Swap(
        "en.syn.necessary",
        ("necessary", "required", "needed"),
        check=_necessary,
    ),
    *[
        Swap(
            "en.syn.necessary", (f"{w} necessary", f"{w} needed", f"{w} required"), check=_bare_end
        )
        for w in ("when", "where", "as")
    ],
    Swap("en.syn.enough", ("enough", "sufficient"), check=_predicative("to for", person_ok=False)),
    Swap("en.syn.difficult", ("difficult", "hard"), check=_hard_to),
    Swap("en.syn.clear", ("clear", "evident", "obvious", "apparent"), check=_clear_that),
    Swap("en.syn.main", ("main", "primary", "principal", "chief"), check=_before(_MAIN_NOUNS)),
    Swap("en.syn.additional", ("additional", "further", "extra"), check=_additional),
    Swap("en.syn.rapid", ("rapid", "fast", "quick"), check=_before(_RAPID_NOUNS)),
    Swap("en.syn.huge", ("huge", "enormous", "massive", "vast"), check=_before(_VAST_NOUNS)),
    Swap("en.syn.huge", ("huge", "enormous", "massive"), check=_before(_HUGE_NOUNS)),
    Swap(
        "en.syn.significant",
        ("significant", "considerable", "substantial"),
        check=all_checks(
            _before(_SIGNIFICANT_NOUNS), lambda v, i, j: v.n(i - 1) != "statistically"
        ),
    ),
    Swap(
        "en.syn.current",
        ("current", "present"),
        check=_after_det_before(_CURRENT_NOUNS, frozenset(words("the our its their your his her"))),
    ),
    Swap(
        "en.syn.previous",
        ("previous", "prior", "earlier"),
        check=_after_det_before(_PREVIOUS_VERSIONS, _DET_PREV),
    ),
    Swap(
        "en.syn.previous",
        ("previous", "prior"),
        check=_after_det_before(_PREVIOUS_NOUNS, _DET_PREV),
    ),
    Swap("en.syn.full", ("full", "complete"), check=_after_det_before(_FULL_NOUNS, _DET_PREV)),
    Swap("en.syn.specific", ("specific", "particular"), check=_specific),
    Swap("en.syn.appropriate", ("appropriate", "suitable"), check=_appropriate),
    # nouns
    *inflect("en.syn.goal", [("aim", "goal", "objective"), ("aims", "goals", "objectives")], _goal),
    *inflect("en.syn.problem", [("problem", "issue"), ("problems", "issues")], _problem),
    *inflect("en.syn.mistake", [("mistake", "error"), ("mistakes", "errors")], _mistake),
    Swap("en.syn.option", ("choice", "option", "alternative"), check=_no_but),
    Swap("en.syn.option", ("choice", "option"), check=_choice),
    *inflect("en.syn.kind", [("kind", "type", "sort"), ("kinds", "types", "sorts")], _kind),
    *inflect(
        "en.syn.advantage", [("advantage", "benefit"), ("advantages", "benefits")], _advantage
    ),
    *inflect("en.syn.company", [("company", "firm"), ("companies", "firms")], _company),
    Swap("en.syn.assistance", ("help", "assistance"), check=_assistance),
    Swap("en.syn.opportunity", ("opportunity", "chance"), check=_opportunity),
    # phrases
    Swap("en.syn.outset", ("start of", "beginning of"), check=_start_of),
    Swap(
        "en.syn.outset",
        ("from the start", "from the beginning", "from the outset"),
        check=_from_start,
    ),
    Swap("en.syn.number_of", ("a large number of", "a great number of")),
    Swap("en.syn.with_regard", ("with regard to", "with respect to")),
    Swap("en.syn.accordance", ("in accordance with", "in line with"), check=_not_queue),
    Swap("en.syn.event_of", ("in the event of", "in case of")),
    Swap("en.syn.variety", ("a variety of", "a range of"), check=_variety),
    # added for breadth
    Swap("en.syn.every", ("every", "each"), check=_every),
    Swap("en.syn.enough", ("enough", "sufficient"), check=_enough_noun),
    Swap("en.syn.likely", ("likely", "probable"), check=_clear_that),
    Swap("en.syn.likely", ("unlikely", "improbable"), check=_clear_that),
    Swap("en.syn.certain", ("certain", "sure"), check=_sure),
    Swap("en.syn.pleased", ("pleased", "glad", "happy"), check=_glad),
    Swap("en.syn.manner", ("way", "manner", "fashion"), check=_manner),
    Swap("en.syn.manner", ("manner", "fashion"), check=_timely),
    *inflect("en.syn.role", [("role", "part"), ("roles", "parts")], _role),
    *[
        Swap("en.syn.regularly", (w, f"on a {b} basis"), check=_regularly)
        for w, b in (
            ("regularly", "regular"),
            ("daily", "daily"),
            ("weekly", "weekly"),
            ("monthly", "monthly"),
        )
    ],
    Swap("en.syn.cases", ("cases", "instances"), check=_cases),
    Swap("en.syn.extent", ("extent", "degree"), check=_extent),
    Swap("en.syn.several", ("several", "a number of"), check=_several),
    Swap("en.syn.queries", ("questions", "queries"), check=_queries),
    Swap("en.syn.at_present", ("at this time", "at present", "at the moment"), check=_at_present),
    Swap("en.syn.large", ("large", "big"), check=_before(_LARGE_NOUNS)),
    *inflect("en.syn.increase", [("increase", "rise"), ("increases", "rises")], _change_in),
    *inflect(
        "en.syn.decrease",
        [("decrease", "decline", "drop"), ("decreases", "declines", "drops")],
        _change_in,
    ),
    *inflect("en.syn.impact", [("impact", "effect"), ("impacts", "effects")], _effect_of),
    Swap("en.syn.remainder", ("rest of", "remainder of"), check=_remainder),
    Swap("en.syn.attempt", ("in an effort to", "in an attempt to", "in a bid to")),
    Swap(
        "en.syn.long_run",
        ("in the long run", "in the long term", "over the long term"),
        anywhere=False,
    ),
    Swap(
        "en.syn.long_run",
        ("in the short term", "in the near term", "in the short run"),
        anywhere=False,
    ),
    Swap(
        "en.syn.initial",
        ("initial", "original"),
        check=_after_det_before(
            "plan plans proposal estimate estimates budget schedule deadline draft principles "
            "goals aims objectives intention",
            _DET_PREV,
        ),
    ),
    Swap(
        "en.syn.total",
        ("total", "overall"),
        check=_after_det_before(
            "cost costs budget spending revenue amount value", _DET_PREV | {"our"}
        ),
    ),
    Swap(
        "en.syn.annual",
        ("annual", "yearly"),
        check=_before(
            "report reports budget review reviews conference event fee fees cost costs "
            "revenue salary income growth increase rise"
        ),
    ),
    Swap("en.syn.occasionally", ("occasionally", "from time to time"), check=_regularly),
    Swap("en.syn.sometimes", ("sometimes", "at times"), check=_regularly),
    Swap("en.syn.again", ("again", "once again", "once more"), check=_again),
    # second round: memos, notices, press releases
    Swap("en.syn.staff", ("staff", "employees", "personnel"), check=_staff),
    Swap("en.syn.following", ("following", "after"), check=_following),
    Swap("en.syn.ahead_of", ("before", "ahead of", "prior to"), check=_following),
    Swap("en.syn.about", ("about", "regarding", "concerning"), check=_about_topic),
    Swap("en.syn.via", ("via", "by"), check=_channel),
    Swap("en.syn.personal_data", ("information", "data", "details"), check=_personal_data),
    Swap("en.syn.steps", ("steps", "measures", "action"), check=_steps_action),
    Swap("en.syn.steps", ("steps", "measures"), check=_steps),
    Swap("en.syn.mandatory", ("mandatory", "compulsory"), check=_mandatory),
    Swap(
        "en.syn.ongoing",
        ("ongoing", "continuing"),
        check=all_checks(lambda v, i, j: v.n(i - 1) in _ONGOING_PREV, _before(_ONGOING_NOUNS)),
    ),
    Swap("en.syn.potential", ("potential", "possible"), check=_possible),
    Swap("en.syn.going_forward", ("going forward", "from now on", "henceforth"), check=_opener),
    Swap(
        "en.syn.effective",
        ("effective immediately", "with immediate effect"),
        check=_opener_or_tail,
    ),
    Swap(
        "en.syn.as_you_know",
        ("as you know", "as you are aware", "as you're aware"),
        check=_as_you_know,
    ),
    Swap("en.syn.asap", ("as soon as possible", "at the earliest opportunity")),
    Swap("en.syn.in_advance", ("in advance", "beforehand", "ahead of time"), check=_in_advance),
    Swap(
        "en.syn.where_possible",
        ("where possible", "wherever possible", "whenever possible"),
        check=_where_possible,
    ),
    Swap("en.syn.temporarily", ("temporarily", "on a temporary basis"), check=_regularly),
    Swap("en.syn.temporarily", ("permanently", "on a permanent basis"), check=_regularly),
    Swap("en.syn.promptly", ("promptly", "without delay"), check=_promptly),
    *[
        Swap(
            "en.syn.next_few",
            (f"over the next few {u}", f"in the next few {u}", f"during the next few {u}"),
        )
        for u in ("days", "weeks", "months", "years")
    ],
    Swap(
        "en.syn.provided_that",
        ("provided that", "providing that", "on condition that"),
        check=_provided_that,
    ),
    Swap("en.syn.please", ("please", "kindly"), check=_please),
    Swap(
        "en.syn.please_note",
        ("please note that", "please be aware that", "kindly note that"),
        check=_please_phrase,
    ),
    Swap(
        "en.syn.hesitate",
        ("do not hesitate to", "don't hesitate to", "feel free to"),
        check=_hesitate,
    ),
    Swap("en.syn.later_date", ("at a later date", "at a later time")),
    Swap("en.syn.ongoing", ("ongoing", "continuing"), check=_ongoing_pred),
    Swap("en.syn.in_confidence", ("in confidence", "confidentially"), check=_regularly),
    Swap("en.syn.should_you", ("if you have", "should you have"), check=_should_you),
    Swap("en.syn.committed", ("committed", "dedicated"), check=_committed),
    Swap("en.syn.same_time", ("at the same time", "simultaneously"), check=_same_time),
    Swap("en.syn.so_that", ("so that", "in order that"), check=_so_that),
]

TABLE = SwapTable(SWAPS)
RULES: dict[str, str] = TABLE.rules()
FINDERS = (TABLE.hits,)
