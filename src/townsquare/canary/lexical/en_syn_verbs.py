"""Broad English verb synonyms (rule ids `en.syn.<lemma>`), each set inflected row by row
(base, -s, past, participle, -ing) and offered only in a construction where every form
of the row means the same; every check reads words outside the span, so a copy offers
the same choice back:

- + to-infinitive: begin/start (also + -ing, "as", or a meeting, process, project...),
  try/attempt, plan/intend, want/wish, seem/appear, need to/have to (after i/we/you/they,
  he/she or a modal);
- + an object: need/require, choose/select, improve/enhance, finish/complete,
  assess/evaluate, buy/purchase, provide/offer (present and -ing only),
  discuss/talk about, deal with/handle, look for/search for/seek, contact/get in touch
  with/reach out to, ask for/request, allow/permit (also passive), focus on/concentrate
  on, help/assist + object + with/in, help with/assist with, participate in/take part in;
- + a listed object: carry out/perform/conduct (a test, survey, study, review...),
  fix/resolve (an issue, problem, bug), reduce/lower/decrease and increase/raise (cost,
  price, risk, rate, level...), reject/turn down/decline (an offer, proposal, request...),
  receive/get (an email, letter, request, reply...), obtain/get (permission, approval,
  a copy...; access is en.syn.gain's), prepare/draw up (a plan, report, budget...),
  build/construct (a school, road, plant...), meet/satisfy (requirements, criteria,
  needs...),
  investigate/look into (a matter, cause, complaint, incident...); expect/anticipate + an
  object that opens no clause;
- + a clause: show/demonstrate + how, or + "that" + a certain clause start;
  check/verify + that + a clause, or + whether; find out/discover/learn +
  that/what/whether/why...; tell/inform + me/us/... + that/about;
  suggest/propose/recommend after a personal subject;
- + an amount: rise/increase/go up and fall/decrease/drop/decline/go down + by/to (rise
  also from) + a number; founded/established (active, or passive + in/by/as/at/to);
  happen/occur; remain/stay + a listed adjective or "in place/effect/office...".

Second round (memos, notices, press releases, incident letters):
- inform/notify + a noun phrase + of, or + that + a clause, + a pronoun + of, passive
  + of/when/once/about/that/by email ("inform us that" is en.syn.tell's); let us
  know/tell us/inform us (any object pronoun) + if/whether/about/when/once/that + a
  clause, base form only after a modal, to, please or opening a sentence ("we let you
  know" may be a past);
- affect/impact + an object (participle anywhere but "an affected manner"); comply
  with/adhere to/abide by and violate/breach/contravene + a rule, policy, law, terms...;
  prohibit/forbid/ban (also "is prohibited"); respond to/reply to/answer + an email,
  query, question, survey...; submit/send in + an application, request, report...;
  complete/fill in/fill out + a form, survey, questionnaire, timesheet ("complete the
  project" stays finish/complete); protect/safeguard + data, privacy, systems...;
  detect/identify/discover + activity, access, malware, vulnerabilities...;
  gain/obtain/get access; verify/confirm + identity, details, address, account;
  raise/voice/express + concerns, objections; terminate/end + a contract, employment,
  lease...; display/show + a message, warning, list... (also "is displayed");
  run/execute + a command, script, program, job; type/enter + a command, password,
  name...; delete/remove + a file, directory, line, entry, email;
- begin/start/commence and end/finish + at + a time, on + a day or a date, today,
  tomorrow, next week (never "start on the project", "begin at the top");
  resign/step down + as, from + a post, or closing a clause; appoint/name + (a name +)
  (as) a role, passive too ("was named chief executive"; never "named after");
  take place/be held after an event noun and a modal, or "is scheduled to"; come into
  force/take effect/come into effect after a rule or a change (a medicine only takes
  effect); "are asked to"/"are requested to" + a verb (passive); keep you
  informed/updated/posted (also "be kept informed"; never "informed of");
- an imperative after an opening clause ("If it fails, delete the file.") counts as a
  base form for the rows that take an object.

Shared past forms ("started" for "began"/"begun", "selected" for "chose"/"chosen") are
told apart by the auxiliary before them (adverbs skipped). A base form that is also a
noun ("start", "need", "contact") is taken only after to, a modal, a negated auxiliary,
i/we/you/they, who, please or a bare plural noun, or opening an imperative (never after
and/or: "we offer food and help with housing"). A row is not offered where another rule
reads the span: "would need"/"'d need" (contractions), "nobody wants" (`en.word.nobody`),
"need more than 50" (`en.number`), "it began" after a verb of saying (`en.syntax.that`),
"the company plans", "rapidly declined", "asked for help", "provide enough"
(`en_syn_words`).

Left out:
- get outside listed objects: it also means become, arrive, understand, have got.
- keep/retain: "keep the door open", "keep doing" have no "retain".
- change/modify/alter: "change the password" replaces, "alter" does not.
- use/employ/utilize: "employ" also means hire; "used to" is a habit.
- pick/choose: "pick the lock", "pick the fruit".
- take place/happen: an error does not "take place".
- provided/offered (past): "offered" may not have been given; "provided" is also a
  conjunction ("provided the data is clean").
- supply/provide: "supply an overview"; enable/allow: "the law allows" is permission.
- seek to/try to: intent, not attempt; "seek refuge/office/damages" has its own sense.
- say/state, think/believe, realise/understand: `en.syntax.that`'s verbs;
  emphasize/stress: the "-ise" spelling slot competes.
- seems/appears, remains/stays (-s and past): `en_syntax` reads them as auxiliaries.
- address/deal with: `en.syn.problem` reads "address" before issue/problem.
- grow with rise: "our team grew to 120 people" has no "rose".
- cut/reduce: "cut" is present and past alike; raise/increase funds (collect).
- suggest after a thing ("the data suggests" indicates) or in the past + that ("he
  suggested that she lied" implies).
- need/require + me/you/him...; "require X to" (oblige); a rule as subject ("the
  license may not require a royalty" demands).
- occur "twice"/"naturally" (is found); "happen to" (by chance), "occur to" (come to mind).
- help + object + bare infinitive ("help us finish" has no "assist us finish").
- has to/needs to after a noun ("the team has to"): "has" is an auxiliary for other rules.
- get/receive outside messages ("get the job", "get the message" = understand), "got"
  after have ("have got" = possess); build + a team/culture; meet + a deadline, a person.
- lead to/result in/cause: "cause problems" is read by `en.syn.problem`, "led to the
  garden" is a path.
- announce/declare ("declare a dividend"), confirm/verify outside identity and details
  ("confirm your attendance"), review/examine (a review may be a critique),
  decide/determine ("determined to" is resolute), agree/consent (en.syntax.that reads
  "agree"), hire/recruit (recruiting is the search), advise with inform ("advise you
  to" recommends), organise/arrange (the -ise/-ize slot competes).
- set up/establish: "set up" is base and past alike, so the tense is lost; put
  off/postpone and call off/cancel: the particle moves ("put it off").
- must/have to: "must not" is not "do not have to"; took place/was held: "were held"
  needs the subject's number.
- conclude with end/finish ("the offer concludes" is odd, "conclude that" infers);
  suggest/indicate after "evidence to" (en.syntax.that reads "suggest").
"""

from __future__ import annotations

from collections.abc import Iterable

from townsquare.canary.lexical.base import SentenceView, words
from townsquare.canary.lexical.en_syntax import SAY_VERBS, clause_at
from townsquare.canary.lexical.en_words import DETERMINERS
from townsquare.canary.lexical.swaps import Check, Swap, SwapTable, all_checks

_MODALS = frozenset(
    words(
        "will would can could should must may might shall won't wouldn't can't cannot couldn't "
        "shouldn't mustn't don't doesn't didn't do does did 'll"
    )
)
_SUBJ_BASE = frozenset(words("i we you they"))
# Not "and"/"or": "we offer food and help with housing" may coordinate nouns.
_BASE_PREV = _MODALS | _SUBJ_BASE | frozenset(words("to please kindly who"))
_HAVE = frozenset(words("has have had having 've hasn't haven't hadn't"))
_BE = frozenset(words("is are was were be been being am 're 's isn't aren't wasn't weren't"))
_SKIP_ADV = frozenset(
    words(
        "already just now also recently finally never not still even only since then "
        "successfully previously eventually actually really first soon again all both "
        "subsequently immediately often later therefore thus hence thereby almost seldom"
    )
)
_QUANT = frozenset(
    words(
        "some any more several many all both each every no additional further various "
        "numerous much few most less other another extra"
    )
)
_OBJ_DET = (DETERMINERS - {"that"}) | _QUANT
_PREPS = frozenset(
    words(
        "of for with in on by about from at into onto over under between through after before "
        "and or but nor as than like per"
    )
)
_NOUN_PREV = DETERMINERS | _QUANT | _PREPS | frozenset(words("new own such what which whose"))
_SUBJ3 = frozenset(
    words("he she it this that which who one everyone everybody someone somebody anyone")
)
_OBJ_PRON = frozenset(words("me us you him her them"))
# Adjectives that make the -s form a plural noun ("our best wishes to", "the new plans to").
_ADJ = frozenset(
    words(
        "best warm good kind future own early initial original ambitious current previous "
        "recent latest big great main major final first last other same special basic"
    )
)
_CLAUSE_OPEN = frozenset(
    words(
        "the this these those our their its his her my your some many most all each every no a "
        "an i we you they he she it there"
    )
)
_WH = frozenset(words("that what whether why who where when"))
_AMOUNT_WORDS = frozenset(
    words(
        "about approximately around roughly nearly almost over more less just some only under "
        "below above two three four five six seven eight nine ten eleven twelve fifteen twenty "
        "thirty forty fifty sixty seventy eighty ninety hundred half one"
    )
)
_NOT_GERUND = frozenset(
    words(
        "thing nothing something anything everything king ring spring string morning evening "
        "ceiling building during bring sing sting swing wing meeting training funding"
    )
)


# --- context helpers (all look outside the span, so every form shares them) ------------


def _free_after(view: SentenceView, j: int) -> bool:
    """A word follows the span directly, in the same clause."""
    return not view.toks[j].trail and view.ok(j + 1) and not view.toks[j + 1].lead


def _lower_word(view: SentenceView, k: int) -> bool:
    core = view.toks[k].core if view.ok(k) else ""
    return core.isalpha() and core.islower()


def _aux_before(view: SentenceView, i: int) -> str:
    """The word before the span, skipping adverbs ("has already started" -> "has")."""
    k = i - 1
    while k > view.first and (view.n(k) in _SKIP_ADV or view.n(k).endswith("ly")):
        if view.toks[k].trail:
            break
        k -= 1
    w = view.n(k) if k >= view.first else ""
    if w in _HAVE or w in _BE:
        return w
    for suffix in ("'ve", "'s", "'re", "'d"):
        if w.endswith(suffix):
            return suffix
    return w


def _perfect(view: SentenceView, i: int) -> bool:
    w = _aux_before(view, i)
    return w in _HAVE or w == "'d"


def _passive(view: SentenceView, i: int) -> bool:
    return _aux_before(view, i) in _BE


def _prev_clean(view: SentenceView, i: int) -> bool:
    """Nothing before the span is punctuation that would cut it from its subject."""
    return i > view.first and not view.toks[i - 1].trail and view.ok(i - 1)


_TWO_WORD_ADV = frozenset([("fact", "in"), ("far", "so"), ("far", "thus")])


def _skip_adverbs(view: SentenceView, i: int) -> int:
    """Index of the word before token i once adverbs are skipped ("will soon need" ->
    "will"); the adverbs other rules swap ("in fact"/"actually", "so far") count alike."""
    k = i - 1
    while k > view.first and not view.toks[k].trail:
        w = view.n(k)
        if w in _SKIP_ADV or (w.endswith("ly") and len(w) > 4 and w != "kindly"):
            k -= 1
        elif (w, view.n(k - 1)) in _TWO_WORD_ADV and not view.toks[k - 1].trail:
            k -= 2
        else:
            break
    return k


# Plurals that modify a noun ("the sales plan to grow" is a plan, not a wish).
_MODIFIER_PLURALS = frozenset(
    words(
        "sales news series savings goods earnings operations communications services systems "
        "sports arms customs means affairs economics physics politics humanities graphics "
        "logistics analytics electronics"
    )
)


def _plural_subject(view: SentenceView, k: int) -> bool:
    """A bare plural noun ("users want to", "developers need the")."""
    w = view.n(k)
    core = view.toks[k].core if view.ok(k) else ""
    return (
        core.isalpha()
        and (core.islower() or (k == view.first and core[1:].islower()))
        and (
            w in ("people", "staff", "personnel")
            or (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")))
        )
        and w not in _NOUN_PREV | _MODIFIER_PLURALS
        and not view.toks[k].trail
    )


def _base(view: SentenceView, i: int) -> bool:
    """A base form that is surely a verb: after to, a modal, a subject pronoun or please,
    or opening an imperative sentence."""
    if i == view.first:
        return True
    if not _prev_clean(view, i):
        return False
    k = _skip_adverbs(view, i)
    return _modal_before(view, k + 1, _BASE_PREV) or _plural_subject(view, k)


def _modal_before(view: SentenceView, i: int, allowed: frozenset[str]) -> bool:
    """The word before is in `allowed`, a modal or a negated auxiliary; "do not" and
    "will not" count like "don't" and "won't" (`en.contraction` makes one from the other)."""
    prev = view.n(i - 1)
    if prev == "not" and not view.toks[i - 2].trail if i - 2 >= 0 else False:
        prev = view.n(i - 2)
        return prev in _MODALS | {"to"} or prev.endswith("'ll")
    return prev in allowed or prev.endswith(("'ll", "n't"))


def _third(view: SentenceView, i: int) -> bool:
    """An -s form that is surely a verb ("he plans to", not "our plans to"): after a
    pronoun or frequency adverb, or after a lower-case noun that no determiner-like
    word or preposition could make a plural-noun compound with."""
    if not _prev_clean(view, i):
        return False
    k = i - 1
    while k > view.first and (view.n(k) in _SKIP_ADV or view.n(k).endswith("ly")):
        if view.toks[k].trail:
            return False
        k -= 1
    prev = view.n(k)
    if prev in _SUBJ3:
        return True
    core = view.toks[k].core
    if view.capitalised(k):
        return core.isalpha() and prev not in _NOUN_PREV | _ADJ
    return (
        core.isalpha()
        and core.islower()
        and not prev.endswith(("s", "ly", "ing", "ed"))
        and prev not in _NOUN_PREV | _ADJ
        and view.n(k - 1) in DETERMINERS
    )


def _not_noun(view: SentenceView, i: int, *, comma: bool = False) -> bool:
    """Not preceded by a determiner, quantifier or preposition (a noun reading); with
    `comma`, a comma may come before ("..., helped with the installer")."""
    if comma and i > view.first and view.ok(i - 1) and view.toks[i - 1].trail == ",":
        return True
    return _prev_clean(view, i) and view.n(i - 1) not in _NOUN_PREV


def _past(view: SentenceView, i: int) -> bool:
    return _not_noun(view, i) and not _perfect(view, i) and not _passive(view, i)


def _to_verb(view: SentenceView, j: int) -> bool:
    """ "to" + a verb after the span ("to work", never "to the door", "to me")."""
    if not _free_after(view, j) or view.n(j + 1) != "to" or view.toks[j + 1].trail:
        return False
    k = j + 2
    return (
        _lower_word(view, k)
        and not view.toks[k].lead
        and view.n(k)
        not in _OBJ_DET
        | _OBJ_PRON
        | {"a", "an", "it", "that", "what", "everyone", "everybody", "anyone", "someone"}
    )


def _ing(view: SentenceView, j: int) -> bool:
    k = j + 1
    w = view.n(k)
    return (
        _free_after(view, j)
        and _lower_word(view, k)
        and len(w) >= 5
        and w.endswith("ing")
        and w not in _NOT_GERUND
    )


def _det(view: SentenceView, j: int) -> bool:
    return _free_after(view, j) and view.n(j + 1) in _OBJ_DET


_DEGREE_DET = frozenset(words("more much less most further few"))
_NOT_OBJECT = _PREPS | frozenset(
    words(
        "to that not only just also further more much again well too so then now still even "
        "back up down out off away together instead early late first last soon today "
        "tomorrow yesterday here there is are was were be been will would can could should "
        "may might must do does did has have had it online on-line offline off-line abroad "
        "home direct overseas locally prior due owing because along rather except if when "
        "while whilst although though unless until till since despite upon towards amongst "
        "amid amidst thus right later once often almost seldom whether ahead beforehand "
        "henceforth"
    )
)


def _object(view: SentenceView, j: int) -> bool:
    """A noun-phrase object: a determiner or a plain lower-case word that is no
    preposition, adverb or auxiliary ("needs developers", "improve build quality")."""
    if not _free_after(view, j):
        return False
    w = view.n(j + 1)
    if w in _DEGREE_DET:  # "need more time", never "improved further", "helped much"
        return (
            not view.toks[j + 1].trail
            and _lower_word(view, j + 2)
            and (view.n(j + 2) not in _NOT_OBJECT)
        )
    if w in _OBJ_DET:
        return not view.toks[j + 1].trail
    return (
        _lower_word(view, j + 1)
        and w not in _NOT_OBJECT
        and not w.endswith("ly")
        and not (w.endswith("ing") and len(w) > 5)
    )


def _that_clause(view: SentenceView, j: int) -> bool:
    """ "that" + a certain clause start ("that the", "that we"), never "that box"."""
    if not _free_after(view, j) or view.n(j + 1) != "that" or view.toks[j + 1].trail:
        return False
    return view.n(j + 2) in _CLAUSE_OPEN or clause_at(view, j + 2)


def _head(view: SentenceView, j: int, heads: frozenset[str], reach: int = 3) -> bool:
    """One of `heads` is the object noun: right after the span, or after a determiner and
    at most two modifiers, all plain lower-case words."""
    if not _free_after(view, j):
        return False
    for k in range(j + 1, j + 2 + reach):
        if not view.ok(k) or view.toks[k].lead:
            return False
        w = view.n(k)
        if w in heads:
            return True
        if view.toks[k].trail or not _lower_word(view, k):
            return False
        if k == j + 1 and w in _OBJ_DET | {"a", "an"}:
            continue
        if w in _PREPS or w in _OBJ_DET:
            return False
    return False


def _amount(view: SentenceView, j: int, preps: Iterable[str]) -> bool:
    """by/to (+ from) followed by an amount: "by 5%", "to about 300", "by three points"."""
    if not _free_after(view, j) or view.n(j + 1) not in preps or view.toks[j + 1].trail:
        return False
    k = j + 2
    if not view.ok(k) or view.toks[k].lead:
        return False
    core = view.toks[k].core
    return bool(core) and (core[0].isdigit() or core[0] in "$€£" or view.n(k) in _AMOUNT_WORDS)


# Nouns whose synonym slot (`en_syn_words`) is decided by the verb after them ("the
# company plans", "this approach requires"), and adverbs decided by the verb after them
# ("rapidly declined", "significantly improved").
_READ_AFTER = frozenset(
    words(
        "company companies firm firms method methods approach approaches aim aims goal goals "
        "objective objectives problem problems issue issues mistake mistakes error errors "
        "choice choices option options alternative alternatives result results outcome "
        "outcomes advantage advantages benefit benefits opportunity opportunities chance "
        "chances way ways manner cases instances extent degree help assistance"
    )
)
_READ_BEFORE = frozenset(
    words(
        "quickly rapidly greatly significantly considerably substantially later subsequently "
        "initially originally"
    )
)
_NUMERIC_NEXT = _AMOUNT_WORDS | frozenset(words("than fewer least a"))
_APPROX_WORDS = frozenset(
    words(
        "about approximately around roughly nearly almost over more less just some only under "
        "below above"
    )
)
_NUMBER_WORDS = (_AMOUNT_WORDS - _APPROX_WORDS) | frozenset(
    words(
        "dozen thousand million billion third quarter fifth thirteen fourteen sixteen "
        "seventeen eighteen nineteen"
    )
)


def _shared_context(view: SentenceView, i: int, j: int) -> bool:
    """Other rules read the words around the span; where they would read the forms of a
    row differently, the row is not offered, so a copy keeps every other slot:
    "'d"/"would" + need/suggest/want (`en.contraction`), "nobody wants" (`en.word.nobody`),
    "need more than 50" (`en.number`: "need" may precede an amount, "purchase" not)."""
    prev = view.n(i - 1)
    if prev == "would" or prev.endswith("'d") or prev in ("nobody", "no-one"):
        return False
    if view.n(j) in ("for", "in", "with", "to") and view.n(j + 1) in _READ_AFTER:
        return False  # "asked for help": `en.syn.assistance` reads the "for"
    if view.n(j + 1) in ("enough", "sufficient"):
        return False  # "provide enough money": `en.syn.enough` reads the verb
    if prev in _READ_AFTER | _READ_BEFORE:
        return False
    if prev == "one" and view.n(i - 2) == "no":
        return False
    if view.toks[j].trail or not view.ok(j + 1):
        return True
    if _number(view, j + 1):
        return False
    return not (view.n(j + 1) in _NUMERIC_NEXT and (_number(view, j + 2) or _number(view, j + 3)))


def _number(view: SentenceView, k: int) -> bool:
    core = view.toks[k].core if view.ok(k) else ""
    return bool(core) and (core[0].isdigit() or core[0] in "$€£" or view.n(k) in _NUMBER_WORDS)


def _verb_like(form: str) -> bool:
    """What `en_syntax.clause_at` takes for a verb after "it" ("it started", not "it began")."""
    w = form.split()[0]
    return w.endswith(("s", "ed")) and not w.endswith("ss")


def _not_after_it(view: SentenceView, i: int, j: int) -> bool:
    """ "said (that) it began" is no clause for `en_syntax.clause_at`, "it started" is."""
    if view.n(i - 1) not in ("it", "there"):
        return True
    before = view.n(i - 2)
    return i - 1 == view.first or not (
        before in SAY_VERBS or before in ("that", "sure") or before.startswith("ensur")
    )


def _rows(rule: str, rows: Iterable[tuple[tuple[str, ...], Check]], nxt: Check) -> list[Swap]:
    out: list[Swap] = []
    for forms, prev in rows:
        checks = [_shared_context, prev, nxt]
        if len({_verb_like(f) for f in forms}) > 1:
            checks.insert(0, _not_after_it)
        out.append(Swap(rule, forms, check=all_checks(*checks)))
    return out


# Previous-context checks by inflection.
def _p_base(v: SentenceView, i: int, j: int) -> bool:
    return _base(v, i)


def _p_third(v: SentenceView, i: int, j: int) -> bool:
    return _third(v, i)


def _p_third_strict(v: SentenceView, i: int, j: int) -> bool:
    """An -s form that is often a plural noun in a compound ("the trade deals with",
    "security checks that"): only after a pronoun or a name."""
    if not _prev_clean(v, i):
        return False
    k = _skip_adverbs(v, i)
    core = v.toks[k].core if v.ok(k) else ""
    if v.n(k) in _SUBJ3:
        return True
    return v.capitalised(k) and k != v.first and core.isalpha() and v.n(k) not in _ADJ


def _p_past(v: SentenceView, i: int, j: int) -> bool:
    return _past(v, i)


def _p_perf(v: SentenceView, i: int, j: int) -> bool:
    return _not_noun(v, i) and _perfect(v, i)


def _p_done(v: SentenceView, i: int, j: int) -> bool:
    """Past tense or participle alike ("needed", "required"): not a noun nor a passive."""
    return _not_noun(v, i, comma=True) and not _passive(v, i)


def _prev_clean_c(v: SentenceView, i: int, j: int) -> bool:
    return _prev_clean(v, i)


def _p_ing(v: SentenceView, i: int, j: int) -> bool:
    """An -ing verb: after a comma or a preposition too ("by offering"), never after a
    determiner or an adjective ("the offering", "a second helping")."""
    if i > v.first and v.ok(i - 1) and v.toks[i - 1].trail == ",":
        return True
    return _prev_clean(v, i) and v.n(i - 1) not in (DETERMINERS | _QUANT | _ADJ) - {"that"}


def _p_prog(v: SentenceView, i: int, j: int) -> bool:
    return _not_noun(v, i) and _passive(v, i)


def _to_or_ing(v: SentenceView, i: int, j: int) -> bool:
    """begin/start + to-infinitive, -ing or "as" ("it started as a small group")."""
    return (
        _to_verb(v, j)
        or _ing(v, j)
        or (_free_after(v, j) and v.n(j + 1) == "as")
        or _head(v, j, _BEGUN)
    )


_BEGUN = frozenset(
    words(
        "meeting meetings session sessions process work discussion discussions talks "
        "negotiations review investigation trial journey course search conversation campaign "
        "phase construction production project training"
    )
)


def _to(v: SentenceView, i: int, j: int) -> bool:
    return _to_verb(v, j)


def _det_next(v: SentenceView, i: int, j: int) -> bool:
    return _det(v, j)


def _obj_next(v: SentenceView, i: int, j: int) -> bool:
    return _object(v, j)


_RULE_NOUNS = frozenset(
    words(
        "license licence licenses licences law laws rule rules policy policies regulation "
        "regulations contract contracts agreement agreements constitution standard standards "
        "act directive statute guidelines terms treaty charter code"
    )
)


def _needed(v: SentenceView, i: int, j: int) -> bool:
    """need/require + an object, never "require X to do" (oblige) nor after a rule-like
    subject ("the license may not require a royalty" demands, it does not need)."""
    if not _object(v, j) or v.n(j + 1) in _OBJ_PRON:
        return False  # "I need you" is no requirement
    for k in range(j + 2, j + 8):
        if not v.ok(k) or v.toks[k - 1].trail:
            break
        if v.n(k) == "to" and _verb_at(v, k + 1):
            return False
    for k in range(i - 1, max(v.first, i - 5) - 1, -1):
        if v.n(k) in _RULE_NOUNS:
            return False
        if not v.ok(k) or v.toks[k].trail:
            break
    return True


def _that(v: SentenceView, i: int, j: int) -> bool:
    return _that_clause(v, j)


def _wh_next(v: SentenceView, i: int, j: int) -> bool:
    """find out / discover / learn + that, what, whether... ("learn how to swim" is a skill)."""
    if not _free_after(v, j):
        return False
    w = v.n(j + 1)
    if w == "that":
        return _that_clause(v, j)
    if w == "how":
        return v.n(j + 2) != "to"
    return w in _WH


def _told(v: SentenceView, i: int, j: int) -> bool:
    """tell/inform + me, us, you... + that/about; passive "was told that"."""
    if not _free_after(v, j):
        return False
    if v.n(j + 1) in _OBJ_PRON and not v.toks[j + 1].trail:
        return v.n(j + 2) == "about" or (v.n(j + 2) == "that" and _that_clause(v, j + 1))
    return False


def _seem(v: SentenceView, i: int, j: int) -> bool:
    return _to_verb(v, j)


def _happen(v: SentenceView, i: int, j: int) -> bool:
    prev, nxt = v.n(i - 1), v.n(j + 1)
    if prev == "so" or (prev == "it" and v.n(i - 2) == "as"):
        return False  # "it so happens", "as it happens"
    if not v.toks[j].trail and nxt in (
        "to",
        "upon",
        "on",
        "by",
        "across",
        "along",
        "that",
        "naturally",
        "twice",
        "once",
        "throughout",
        "within",
    ):
        return False
    return v.ok(i - 1) and prev not in DETERMINERS | {"a", "an"} and not v.toks[i - 1].trail


_TASKS = frozenset(
    words(
        "test tests survey surveys study studies research review reviews audit audits analysis "
        "analyses investigation investigations experiment experiments inspection inspections "
        "assessment assessments evaluation evaluations interview interviews search searches "
        "trial trials check checks"
    )
)
_ISSUES = frozenset(words("issue issues problem problems bug bugs"))
_BUY_BLOCK = frozenset(words("time farm idea story argument claim excuse line"))


def _task(v: SentenceView, i: int, j: int) -> bool:
    return _head(v, j, _TASKS)


def _issue(v: SentenceView, i: int, j: int) -> bool:
    return _head(v, j, _ISSUES)


def _handled(v: SentenceView, i: int, j: int) -> bool:
    """deal with / handle + an object (a noun phrase, it, them)."""
    return _object(v, j) or (_free_after(v, j) and v.n(j + 1) in ("it", "them"))


def _buy(v: SentenceView, i: int, j: int) -> bool:
    return _object(v, j) and not _head(v, j, _BUY_BLOCK)


def _obj(v: SentenceView, i: int, j: int) -> bool:
    """A determiner object, or a pronoun or lower-case noun followed by "to"."""
    if not _free_after(v, j):
        return False
    w = v.n(j + 1)
    if w in ("for", "that"):
        return False
    if w in _OBJ_DET | {"a", "an"}:
        return True
    return (
        (w in _OBJ_PRON or _lower_word(v, j + 1)) and not v.toks[j + 1].trail and v.n(j + 2) == "to"
    )


def _allowed_passive(v: SentenceView, i: int, j: int) -> bool:
    return (
        _passive(v, i)
        and v.n(i - 1) not in _NOUN_PREV
        and not (_free_after(v, j) and v.n(j + 1) == "for")
    )


def _wanted(v: SentenceView, i: int, j: int) -> bool:
    return _to_verb(v, j)


_SEEK_BLOCK = frozenset(
    words(
        "refuge shelter asylum office revenge justice compensation damages election "
        "re-election reelection approval permission treatment attention cover redress solace "
        "comfort"
    )
)


def _search(v: SentenceView, i: int, j: int) -> bool:
    """look for / search for / seek + an object; not where "seek" has its own sense
    ("sought refuge", "seek office", "seek damages")."""
    if not _free_after(v, j) or _head(v, j, _SEEK_BLOCK):
        return False
    w = v.n(j + 1)
    return (w in _OBJ_DET | {"a", "an", "ways", "work", "help"} or _lower_word(v, j + 1)) and (
        not w.endswith("self") and not w.endswith("selves") and w not in _PREPS | {"to"}
    )


def _contact(v: SentenceView, i: int, j: int) -> bool:
    if not _free_after(v, j):
        return False
    w = v.n(j + 1)
    return w in _OBJ_PRON | _OBJ_DET | {"a", "an"} or (
        v.capitalised(j + 1) and v.toks[j + 1].core.isalpha()
    )


def _suggest_prev(v: SentenceView, i: int, j: int) -> bool:
    """A personal subject ("we suggest", "I would recommend", "she strongly suggested"):
    with a thing as subject, "suggests" means "indicates"."""
    k = i - 1
    if v.n(k) in ("strongly", "also", "therefore", "would", "could", "might", "to"):
        k -= 1
        if v.n(k) in ("would", "could", "might", "also", "therefore", "strongly"):
            k -= 1
    if k < v.first or any(v.toks[m].trail for m in range(k, i)):
        return False
    return v.n(k) in frozenset(words("i we they you he she"))


def _suggest_next(v: SentenceView, i: int, j: int) -> bool:
    if not _free_after(v, j):
        return False
    w = v.n(j + 1)
    return (w in _OBJ_DET | {"a", "an"} and not v.toks[j + 1].trail) or _ing(v, j)


def _rise(v: SentenceView, i: int, j: int) -> bool:
    return _amount(v, j, ("by", "to", "from"))


def _fall(v: SentenceView, i: int, j: int) -> bool:
    return _amount(v, j, ("by", "to"))


def _amount_base(v: SentenceView, i: int, j: int) -> bool:
    return _not_noun(v, i)


def _amount_past(v: SentenceView, i: int, j: int) -> bool:
    return _not_noun(v, i) and not _perfect(v, i) and not _passive(v, i)


def _amount_perf(v: SentenceView, i: int, j: int) -> bool:
    return _not_noun(v, i) and _perfect(v, i)


_GESTURES = frozenset(
    words(
        "condolences apology apologies thanks congratulations resignation prayers sympathy "
        "sympathies hand"
    )
)


def _provided(v: SentenceView, i: int, j: int) -> bool:
    """provide/offer + an object, a name ("provides Debian to users"); never a gesture
    ("offer our condolences", "offer a hand")."""
    if _head(v, j, _GESTURES):
        return False
    return _object(v, j) or (_free_after(v, j) and v.capitalised(j + 1))


def _provide_prev(v: SentenceView, i: int, j: int) -> bool:
    """ "providing the data is clean" is a condition: never after a pause, at the start,
    or after a conjunction; after a preposition it is a gerund ("on providing a product")."""
    return _prev_clean(v, i) and v.n(i - 1) not in (DETERMINERS | _QUANT | _ADJ) | {
        "only",
        "just",
        "and",
        "or",
        "but",
    }


_SHOWS = frozenset(words("tv trade road talk game quiz art fashion air car radio television"))


def _shows_next(v: SentenceView, i: int, j: int) -> bool:
    """show/demonstrate + that + a clause, or + how ("shows how the tool works")."""
    return _that_clause(v, j) or (_free_after(v, j) and v.n(j + 1) == "how")


def _shows_prev(v: SentenceView, i: int, j: int) -> bool:
    """ "This shows that", "The data shows that", "Research shows that"; not "the shows that"."""
    return _prev_clean(v, i) and v.n(i - 1) not in ((_NOUN_PREV | _ADJ) - _SUBJ3) | _SHOWS


# --- need to / have to, ask for / request, founded / established, help + object,
# remain / stay ---------------------------------------------------------------------

_PERSONAL = frozenset(words("i we you they he she"))
_GAP_OBJECT = frozenset(
    words("what all everything anything something nothing much little whatever")
)


def _verb_at(view: SentenceView, k: int) -> bool:
    return (
        view.ok(k)
        and not view.toks[k].lead
        and _lower_word(view, k)
        and view.n(k) not in _OBJ_DET | _OBJ_PRON | {"a", "an", "it", "that", "what"}
    )


def _must(v: SentenceView, i: int, j: int) -> bool:
    """need to / have to + a verb; never "what we have to offer" (what we possess)."""
    if any(v.n(k) in ("far", "date") for k in range(j + 1, j + 9)):
        return False  # "so far"/"to date" read back to a "have" (`en.syn.so_far`)
    return _free_after(v, j) and _verb_at(v, j + 1) and v.n(i - 2) not in _GAP_OBJECT


def _must_base(v: SentenceView, i: int, j: int) -> bool:
    """After i/we/you/they or a modal: "has"/"have" are auxiliaries other rules read
    after a noun ("the team has", "which has"), "needs" is not."""
    return _prev_clean(v, i) and _modal_before(v, i, frozenset(words("i we you they")) | _MODALS)


def _must_third(v: SentenceView, i: int, j: int) -> bool:
    return _prev_clean(v, i) and v.n(i - 1) in ("he", "she")


def _must_past(v: SentenceView, i: int, j: int) -> bool:
    return _prev_clean(v, i) and v.n(i - 1) in _PERSONAL


def _requested(v: SentenceView, i: int, j: int) -> bool:
    return _object(v, j)


def _founded(v: SentenceView, i: int, j: int) -> bool:
    """ "founded the project" / "was founded in 1993" (never "founded on", "established that")."""
    if not _free_after(v, j):
        return False
    nxt = v.n(j + 1)
    if _passive(v, i) and v.n(i - 1) not in _NOUN_PREV:
        return nxt in ("in", "by", "as", "at", "to")
    if not _p_past(v, i, j):
        return False
    return nxt in _OBJ_DET | {"a", "an"} or (v.capitalised(j + 1) and v.toks[j + 1].core.isalpha())


def _help_obj(v: SentenceView, i: int, j: int) -> bool:
    """help/assist + an object + with/in or the clause's end ("help them with the move",
    "assist the team in"); never + a bare verb ("help us finish")."""
    if not _free_after(v, j):
        return False
    k = j + 1
    if v.n(k) not in _OBJ_PRON:
        if v.n(k) not in _OBJ_DET | {"a", "an"} or v.toks[k].trail:
            return False
        k += 1
        while (
            v.ok(k)
            and _lower_word(v, k)
            and not v.toks[k].trail
            and v.n(k + 1)
            not in (
                "with",
                "in",
            )
        ):
            if k > j + 3:
                return False
            k += 1
        if not _lower_word(v, k):
            return False
    if v.toks[k].lead:
        return False
    if v.toks[k].trail:  # "help them." but never "help the community grow."
        return k == j + 1 and v.toks[k].trail[:1] in ".;!"
    return v.n(k + 1) in ("with", "in")


_ADJ_WORDS = frozenset(
    words(
        "open closed unchanged unclear active calm focused committed dedicated silent strong "
        "healthy safe "
        "neutral informed connected competitive relevant valid available intact private "
        "anonymous positive optimistic cautious alert vigilant flexible stable free high low "
        "busy quiet compliant confidential loyal independent united consistent constant firm "
        "steady secure small limited empty online offline unknown unresolved available "
        "accessible responsible confident relevant vigilant compliant constant consistent "
        "appropriate suitable likely unlikely probable improbable pleased glad happy crucial "
        "vital essential huge enormous massive full complete current present significant "
        "considerable substantial positive negative active effective productive on-line vast"
    )
)
_STATE_NOUNS = frozenset(
    words("place effect force office touch contact control charge power operation service use")
)


def _adjective_next(v: SentenceView, i: int, j: int) -> bool:
    """remain/stay + an adjective ("will remain open") or in place/effect/office...
    (never "remain to be seen", "remain due to" nor "stay at home")."""
    if not _free_after(v, j) or not v.toks[j + 1].core.islower():
        return False
    w = v.n(j + 1)
    if w == "in":
        return v.n(j + 2) in _STATE_NOUNS
    return w in _ADJ_WORDS


_MESSAGES = frozenset(
    words(
        "email emails e-mail e-mails letter letters messages request "
        "requests invitation invitations complaint complaints feedback reply replies response "
        "responses notice notification notifications offer offers payment payments update "
        "updates"
    )
)
_DOCUMENTS = frozenset(
    words(
        "plan plans report reports list lists budget budgets contract contracts agreement "
        "agreements proposal proposals schedule schedules strategy strategies"
    )
)
_STRUCTURES = frozenset(
    words(
        "school schools house houses home homes bridge bridges road roads building buildings "
        "wall walls plant plants factory factories facility facilities station stations "
        "hospital hospitals stadium office offices tower dam"
    )
)
_DEMANDS = frozenset(
    words(
        "requirements requirement criteria criterion conditions condition needs standards "
        "standard expectations demands demand obligations obligation"
    )
)


def _expected(v: SentenceView, i: int, j: int) -> bool:
    """expect/anticipate + an object; never "expect X to" (require), "expecting a baby",
    nor before a clause ("expect the plan will fail" is `en.syntax.that`'s slot, and a copy
    saying "anticipate" would lose it)."""
    return (
        _needed(v, i, j)
        and not _head(v, j, frozenset(words("baby child")))
        and not clause_at(v, j + 1)
    )


_OBTAINED = frozenset(
    words(
        "permission approval license licence licenses licences visa visas copy copies "
        "consent quote quotes certificate certificates funding permit permits"
    )
)
_MATTERS = frozenset(
    words(
        "matter matters cause causes complaint complaints allegation allegations incident "
        "incidents claim claims possibility possibilities options reasons"
    )
)
_LEVELS = frozenset(
    words(
        "cost costs price prices risk risks rate rates tax taxes number level levels amount "
        "pressure temperature spending consumption emissions fees barrier barriers"
    )
)
_OFFERS = frozenset(
    words(
        "offer offers proposal proposals request requests application applications invitation "
        "invitations bid bids appeal appeals suggestion suggestions"
    )
)


# --- second round: memos, notices, press releases -------------------------------------

_NP_STOP = _PREPS | frozenset(words("that to is are was were will would can could should may"))


def _np_then(v: SentenceView, j: int, nexts: frozenset[str], reach: int = 4) -> int | None:
    """Index of one of `nexts` after a noun-phrase object (a pronoun, or a determiner and
    at most `reach` plain lower-case words), else None."""
    if not _free_after(v, j):
        return None
    k = j + 1
    if v.n(k) in _OBJ_PRON:
        k += 1
    elif v.n(k) in _OBJ_DET | {"a", "an"}:
        k += 1
        start = k
        while k < start + reach and v.ok(k) and _lower_word(v, k) and v.n(k) not in _NP_STOP:
            if v.toks[k].trail or v.toks[k].lead:
                return None
            k += 1
        if k == start:
            return None
    else:
        return None
    if v.toks[k - 1].trail or not v.ok(k) or v.toks[k].lead:
        return None
    return k if v.n(k) in nexts else None


def _notified(v: SentenceView, i: int, j: int) -> bool:
    """inform/notify + a noun phrase + of, or + that + a clause ("notify all staff that
    we"), or + a pronoun + of; "inform us that"/"about" is en.syn.tell's and
    en.syn.let_know's."""
    if _free_after(v, j) and v.n(j + 1) in _OBJ_PRON:
        return v.n(j + 2) == "of" and not v.toks[j + 1].trail
    k = _np_then(v, j, frozenset(["of", "that"]))
    if k is None:
        return False
    return v.n(k) == "of" or _that_clause(v, k - 1)


_LET_NEXT = frozenset(words("if whether about when once"))


def _let_know(v: SentenceView, i: int, j: int) -> bool:
    """let us know / tell us / inform us + if, whether, about, when, once or that + a
    clause ("tell us what you think" has no "inform us what")."""
    if not _free_after(v, j):
        return False
    return v.n(j + 1) in _LET_NEXT or _that_clause(v, j)


def _strict_base(v: SentenceView, i: int, j: int) -> bool:
    """A base form after a modal, to, please/kindly or opening an imperative ("we let you
    know" may be a past)."""
    if i == v.first:
        return True
    if not _prev_clean(v, i):
        return False
    k = _skip_adverbs(v, i)
    return _modal_before(v, k + 1, _MODALS | frozenset(words("to please kindly")))


def _affected_prev(v: SentenceView, i: int, j: int) -> bool:
    """ "were affected by", "the affected staff", "has affected": any use but "an affected
    manner" (pretentious)."""
    if i == v.first:
        return True  # "Affected staff will be told."
    return v.ok(i - 1) and v.n(i - 1) not in ("a", "an") and not v.toks[i - 1].trail


def _affect_obj(v: SentenceView, i: int, j: int) -> bool:
    return _object(v, j) or (_free_after(v, j) and v.n(j + 1) in _OBJ_PRON)


_RULES_OBJ = frozenset(
    words(
        "policy policies rule rules regulation regulations guidelines guideline requirements "
        "requirement procedures procedure standards standard law laws terms conditions code "
        "instructions protocol protocols principles obligations agreement contract directive "
        "legislation act"
    )
)
_BREACH_OBJ = _RULES_OBJ - frozenset(words("requirements requirement instructions principles"))


def _rule_obj(v: SentenceView, i: int, j: int) -> bool:
    return _head(v, j, _RULES_OBJ)


def _breach_obj(v: SentenceView, i: int, j: int) -> bool:
    return _head(v, j, _BREACH_OBJ)


def _prohibit_obj(v: SentenceView, i: int, j: int) -> bool:
    return _object(v, j) or _ing(v, j) or (_free_after(v, j) and v.n(j + 1) in _OBJ_PRON)


def _p_participle(v: SentenceView, i: int, j: int) -> bool:
    """A participle after have or be ("has banned", "is prohibited")."""
    return _not_noun(v, i) and (_perfect(v, i) or _passive(v, i))


def _prohibited_next(v: SentenceView, i: int, j: int) -> bool:
    if _passive(v, i):
        return True
    return _prohibit_obj(v, i, j)


_ANSWERED = frozenset(
    words(
        "email emails e-mail e-mails message messages letter letters query queries question "
        "questions enquiry enquiries inquiry inquiries survey surveys questionnaire "
        "questionnaires invitation invitations"
    )
)
_SUBMITTED = frozenset(
    words(
        "application applications form forms request requests timesheet timesheets expenses "
        "claim claims report reports proposal proposals nomination nominations entry entries "
        "feedback"
    )
)
_FORMS = frozenset(
    words("form forms survey surveys questionnaire questionnaires timesheet timesheets")
)
_PROTECTED = frozenset(
    words(
        "data information privacy system systems network networks account accounts assets "
        "interests rights details records identity confidentiality integrity security"
    )
)
_DETECTED = frozenset(
    words(
        "activity access intrusion intrusions breach breaches malware virus viruses "
        "vulnerability vulnerabilities flaw flaws attack attacks threat threats anomaly "
        "anomalies fraud leak leaks"
    )
)
_CONFIRMED = frozenset(words("identity details address account eligibility"))
_CONCERNS = frozenset(words("concern concerns objection objections doubts reservations"))
_ENDED = frozenset(
    words(
        "contract contracts agreement agreements employment lease leases arrangement "
        "arrangements relationship partnership subscription subscriptions membership tenancy"
    )
)
_ROLES = frozenset(
    words(
        "board role roles position positions post posts committee council government cabinet "
        "company job office presidency leadership team"
    )
)


def _resign_next(v: SentenceView, i: int, j: int) -> bool:
    """resign / step down + as + a role, + from + a post, or closing a clause (never
    "resigned to", "step down from the stage")."""
    if v.toks[j].trail:
        t = v.toks[j].trail
        return t[0] in ".,;" and "?" not in t and "!" not in t
    nxt = v.n(j + 1)
    if nxt in ("as", "after", "effective", "at", "on"):
        return True
    return nxt == "from" and _head(v, j + 1, _ROLES)


_MONTHS = frozenset(
    words("january february march april may june july august september october november december")
)
_DAYS = frozenset(words("monday tuesday wednesday thursday friday saturday sunday"))


def _time_next(v: SentenceView, i: int, j: int) -> bool:
    """at + a time, on + a day or a date, today, tomorrow, next week ("start at 9 am",
    "begins on Monday"; never "start on the project", "begin at the top")."""
    if not _free_after(v, j):
        return False
    nxt, k = v.n(j + 1), j + 2
    if nxt in ("tomorrow", "today", "tonight"):
        return True
    if v.toks[j + 1].trail or not v.ok(k) or v.toks[k].lead:
        return False
    core, w = v.toks[k].core, v.n(k)
    if nxt == "at":
        return core[:1].isdigit() or w in ("noon", "midday", "midnight")
    if nxt == "on":
        return core[:1].isdigit() or w in _DAYS or w in _MONTHS
    if nxt == "next":
        return w in ("week", "month", "year") or w in _DAYS
    return False


_EVENT_SUBJECTS = frozenset(
    words(
        "meeting meetings conference event events session sessions training vote election "
        "ceremony workshop workshops webinar interview interviews review hearing briefing "
        "celebration party launch summit talks discussion discussions exam exams course "
        "seminar presentation assembly festival match tournament competition consultation "
        "call"
    )
)
_TAKE_PLACE_MODALS = frozenset(words("will would shall should may might must can could"))


def _take_place(v: SentenceView, i: int, j: int) -> bool:
    """ "The meeting will take place on" / "will be held on": an event before the modal
    (never "will be held responsible", "be held in custody"), not before "shortly"/"soon"
    (en.syn.soon reads "be held shortly")."""
    prev = v.n(i - 1)
    if not _prev_clean(v, i) or v.toks[i - 2].trail:
        return False
    if prev in _TAKE_PLACE_MODALS or prev.endswith("'ll"):
        subject = v.n(i - 2)
    elif prev == "to" and v.n(i - 2) in ("scheduled", "due", "set", "expected", "planned"):
        subject = v.n(i - 4) if _be_form(v.n(i - 3)) else ""
    else:
        return False
    if subject not in _EVENT_SUBJECTS:
        return False
    return v.toks[j].trail[:1] in (".", ",", ";") or (
        _free_after(v, j) and v.n(j + 1) not in ("soon", "shortly", "later", "again")
    )


def _be_form(w: str) -> bool:
    return w in _BE or w.endswith(("'s", "'re", "'m"))


_GAIN_HEADS = frozenset(["access"])


def _informed_passive(v: SentenceView, i: int, j: int) -> bool:
    """ "Staff will be informed of" / "notified of", "when", "once", "about", + that + a
    clause, or "by" + email, phone... (never "well informed", "informed by research")."""
    if not (_passive(v, i) and _prev_clean(v, i)) or not _free_after(v, j):
        return False
    nxt = v.n(j + 1)
    if nxt in ("of", "when", "once", "about"):
        return True
    if nxt == "by":
        return v.n(j + 2) in _CHANNELS
    return _that_clause(v, j)


_CHANNELS = frozenset(words("email e-mail phone telephone post mail text letter sms"))
_ROLE_WORDS = frozenset(
    words(
        "chief head director president chair chairman chairwoman chairperson manager vice "
        "deputy interim acting managing executive ceo cfo cto coo cio ciso secretary treasurer "
        "ambassador minister governor commissioner editor coach captain leader"
    )
)


def _role_at(v: SentenceView, k: int) -> bool:
    """A role follows at token k: "chief executive", "as CEO", "as its new chair"."""
    if v.n(k) == "as" and not v.toks[k].trail:
        k += 1
    if v.n(k) in ("the", "its", "our", "their", "a", "an") and not v.toks[k].trail:
        k += 1
    if v.n(k) == "new" and not v.toks[k].trail:
        k += 1
    return v.ok(k) and not v.toks[k].lead and v.n(k) in _ROLE_WORDS


def _appointed_next(v: SentenceView, i: int, j: int) -> bool:
    """appoint/name + a role ("named a new chair"), or + a name + (as) a role ("appointed
    Jane Smith as chief executive"); passive + (as) a role ("was named chief executive").
    Never "named after", "named in the report", "named the project Debian"."""
    if not _free_after(v, j):
        return False
    if _passive(v, i):
        return _role_at(v, j + 1)
    k = j + 1
    if v.capitalised(k):
        while k < j + 4 and v.capitalised(k) and v.toks[k].core.isalpha():
            if v.toks[k].trail:
                return False
            k += 1
        return k > j + 1 and _role_at(v, k)
    return v.n(k) in ("a", "an", "the", "its", "our", "their") and _role_at(v, k)


def _asked_to(v: SentenceView, i: int, j: int) -> bool:
    """ "Staff are asked to" / "are requested to" + a verb (passive only)."""
    return _passive(v, i) and _prev_clean(v, i) and _to_verb(v, j)


_IN_FORCE = frozenset(
    words(
        "policy policies rule rules law laws regulation regulations change changes act "
        "agreement ban measures restrictions requirements legislation directive provisions "
        "terms order treaty reform reforms tax taxes tariff tariffs guidelines contract code "
        "amendment amendments increase increases procedure procedures scheme"
    )
)


def _rule_subject(v: SentenceView, i: int, j: int) -> bool:
    """A rule or a change comes into force ("the policy takes effect"); a medicine only
    takes effect."""
    for k in range(i - 1, max(v.first, i - 6) - 1, -1):
        if not v.ok(k) or v.toks[k].trail:
            return False
        if v.n(k) in _IN_FORCE:
            return True
    return False


_MANNER_NOUNS = frozenset(words("manner air accent tone voice smile indifference"))


def _affected_next(v: SentenceView, i: int, j: int) -> bool:
    return not (_free_after(v, j) and v.n(j + 1) in _MANNER_NOUNS)


_DISPLAYED = frozenset(
    words(
        "message messages warning warnings error errors list dialog dialogue window prompt "
        "menu screen page output results status summary progress banner notification "
        "notifications icon"
    )
)
_EXECUTED = frozenset(
    words("command commands script scripts program programs query queries job jobs code")
)
_ENTERED = frozenset(
    words("command password passphrase name username address text value code pin number")
)
_DELETED = frozenset(
    words(
        "file files directory directories folder folders line lines entry entries email emails "
        "e-mail e-mails message messages"
    )
)


def _passive_any(v: SentenceView, i: int, j: int) -> bool:
    """A participle after "be" ("is displayed", "was executed"), the clause going on in
    any way."""
    return _passive(v, i) and _prev_clean(v, i) and v.n(i - 1) not in _NOUN_PREV


_KEEP = frozenset(words("keep keeps kept keeping"))
_KEPT_OBJ = frozenset(words("you us them him her everyone everybody"))


def _kept_informed(v: SentenceView, i: int, j: int) -> bool:
    """ "We will keep you informed." / "updated" / "posted" (also "about", "as", "on",
    "throughout"; never "informed of", which has no "updated of")."""
    k = i - 1
    if v.toks[k].trail or not v.ok(k):
        return False
    if v.n(k) == "kept" and v.n(k - 1) in _BE and not v.toks[k - 1].trail:
        k += 1  # passive: "Staff will be kept informed."
    elif v.n(k) not in _KEPT_OBJ:
        if not (v.n(k - 1) in ("all", "our", "the", "your", "their") and _lower_word(v, k)):
            return False
        k -= 1
    if v.n(k - 1) not in _KEEP or v.toks[k - 1].trail:
        return False
    t = v.toks[j].trail
    if t:
        return t[0] in ".,;" and "?" not in t
    return v.n(j + 1) in ("about", "as", "on", "throughout", "and")


_OPENERS = frozenset(words("if when once to before after unless where whenever in for"))


def _p_imp(v: SentenceView, i: int, j: int) -> bool:
    """A base form, or an imperative after an opening clause ("If it fails, delete the
    file."; "To install it, run the script."): the rows using it all take an object."""
    if _base(v, i):
        return True
    return (
        i > v.first + 1
        and v.ok(i - 1)
        and v.toks[i - 1].trail == ","
        and v.n(v.first) in _OPENERS
        and (_det(v, j) or (_free_after(v, j) and v.n(j + 1) in ("a", "an")))
    )


SWAPS: list[Swap] = [
    *_rows(
        "en.syn.begin",
        [
            (("begin", "start"), _p_base),
            (("begins", "starts"), _p_third),
            (("beginning", "starting"), _p_prog),
            (("began", "started"), _p_past),
            (("begun", "started"), _p_perf),
        ],
        _to_or_ing,
    ),
    *_rows(
        "en.syn.try",
        [
            (("try", "attempt"), _p_base),
            (("tries", "attempts"), _p_third),
            (("tried", "attempted"), _p_done),
            (("trying", "attempting"), _p_ing),
        ],
        _to,
    ),
    *_rows(
        "en.syn.plan",
        [
            (("plan", "intend"), _p_base),
            (("plans", "intends"), _p_third),
            (("planned", "intended"), _p_done),
            (("planning", "intending"), _p_prog),
        ],
        _to,
    ),
    *_rows(
        "en.syn.want",
        [
            (("want", "wish"), _p_base),
            (("wants", "wishes"), _p_third),
            (("wanted", "wished"), _p_done),
        ],
        _wanted,
    ),
    *_rows(
        "en.syn.seem",
        [
            (("seem", "appear"), lambda v, i, j: _prev_clean(v, i)),
        ],
        _seem,
    ),
    *_rows(
        "en.syn.need",
        [
            (("need", "require"), _p_base),
            (("needs", "requires"), _p_third),
            (("needed", "required"), _p_done),
            (("needing", "requiring"), _p_ing),
        ],
        _needed,
    ),
    *_rows(
        "en.syn.choose",
        [
            (("choose", "select"), _p_base),
            (("chooses", "selects"), _p_third),
            (("chose", "selected"), _p_past),
            (("chosen", "selected"), _p_perf),
            (("choosing", "selecting"), _p_ing),
        ],
        _obj_next,
    ),
    *_rows(
        "en.syn.improve",
        [
            (("improve", "enhance"), _p_base),
            (("improves", "enhances"), _p_third),
            (("improved", "enhanced"), _p_done),
            (("improving", "enhancing"), _p_ing),
        ],
        _obj_next,
    ),
    *_rows(
        "en.syn.finish",
        [
            (("finish", "complete"), _p_base),
            (("finishes", "completes"), _p_third),
            (("finished", "completed"), _p_done),
            (("finishing", "completing"), _p_ing),
        ],
        lambda v, i, j: _object(v, j) and not _head(v, j, _FORMS),
    ),
    *_rows(
        "en.syn.assess",
        [
            (("assess", "evaluate"), _p_base),
            (("assesses", "evaluates"), _p_third),
            (("assessed", "evaluated"), _p_done),
            (("assessing", "evaluating"), _p_ing),
        ],
        _obj_next,
    ),
    *_rows(
        "en.syn.buy",
        [
            (("buy", "purchase"), _p_base),
            (("buys", "purchases"), _p_third_strict),
            (("bought", "purchased"), _p_done),
            (("buying", "purchasing"), _p_ing),
        ],
        _buy,
    ),
    *_rows(
        "en.syn.provide",
        [
            (("provide", "offer"), _p_base),
            (("provides", "offers"), _p_third),
            (("providing", "offering"), all_checks(_p_ing, _provide_prev)),
        ],
        _provided,
    ),
    *_rows(
        "en.syn.show",
        [
            (("show", "demonstrate"), _p_base),
            (("shows", "demonstrates"), _shows_prev),
            (("showed", "demonstrated"), _p_past),
            (("shown", "demonstrated"), _p_perf),
            (("showing", "demonstrating"), _p_ing),
        ],
        _shows_next,
    ),
    *_rows(
        "en.syn.check",
        [
            (("check", "verify"), _p_base),
            (("checks", "verifies"), _p_third_strict),
            (("checked", "verified"), _p_done),
            (("checking", "verifying"), _p_ing),
        ],
        lambda v, i, j: _that_clause(v, j) or (_free_after(v, j) and v.n(j + 1) == "whether"),
    ),
    *_rows(
        "en.syn.find_out",
        [
            (("find out", "discover", "learn"), _p_base),
            (("finds out", "discovers", "learns"), _p_third),
            (("found out", "discovered", "learned"), _p_done),
            (("finding out", "discovering", "learning"), _p_ing),
        ],
        _wh_next,
    ),
    *_rows(
        "en.syn.tell",
        [
            (("tell", "inform"), _p_base),
            (("tells", "informs"), _p_third),
            (("told", "informed"), _p_done),
            (("telling", "informing"), _p_ing),
        ],
        _told,
    ),
    *_rows(
        "en.syn.suggest",
        [
            (("suggest", "propose", "recommend"), _suggest_prev),
            (("suggested", "proposed", "recommended"), _suggest_prev),
        ],
        _suggest_next,
    ),
    # "he suggested that she lied" implies, it does not recommend: past forms take an
    # object or an -ing form only.
    *_rows(
        "en.syn.suggest",
        [(("suggest", "propose", "recommend"), _suggest_prev)],
        lambda v, i, j: _that_clause(v, j),
    ),
    *_rows(
        "en.syn.carry_out",
        [
            (("carry out", "perform", "conduct"), _p_base),
            (("carries out", "performs", "conducts"), _p_third),
            (("carried out", "performed", "conducted"), _p_done),
            (("carrying out", "performing", "conducting"), _p_ing),
        ],
        _task,
    ),
    *_rows(
        "en.syn.fix",
        [
            (("fix", "resolve"), _p_base),
            (("fixes", "resolves"), _p_third),
            (("fixed", "resolved"), _p_done),
            (("fixing", "resolving"), _p_ing),
        ],
        _issue,
    ),
    *_rows(
        "en.syn.deal_with",
        [
            (("deal with", "handle"), _p_base),
            (("deals with", "handles"), _p_third_strict),
            (("dealt with", "handled"), _p_past),
            (("dealing with", "handling"), _p_ing),
        ],
        _handled,
    ),
    *_rows(
        "en.syn.help",
        [
            (("help with", "assist with"), _p_base),
            (("helps with", "assists with"), _p_third),
            (("helped with", "assisted with"), _p_done),
            (("helping with", "assisting with"), _p_ing),
        ],
        lambda v, i, j: _free_after(v, j) and _lower_word(v, j + 1),
    ),
    *_rows(
        "en.syn.participate",
        [
            (("participate in", "take part in"), _p_base),
            (("participates in", "takes part in"), _p_third),
            (("participated in", "took part in"), _p_past),
            (("participated in", "taken part in"), _p_perf),
            (("participating in", "taking part in"), _p_ing),
        ],
        lambda v, i, j: _free_after(v, j),
    ),
    *_rows(
        "en.syn.look_for",
        [
            (("look for", "search for", "seek"), _p_base),
            (("looks for", "searches for", "seeks"), _p_third),
            (("looked for", "searched for", "sought"), _p_done),
            (("looking for", "searching for", "seeking"), _p_ing),
        ],
        _search,
    ),
    *_rows(
        "en.syn.contact",
        [
            (("contact", "get in touch with", "reach out to"), _p_base),
            (("contacts", "gets in touch with", "reaches out to"), _p_third_strict),
            (("contacted", "got in touch with", "reached out to"), _p_past),
            (("contacting", "getting in touch with", "reaching out to"), _p_ing),
        ],
        _contact,
    ),
    *_rows(
        "en.syn.allow",
        [
            (("allow", "permit"), _p_base),
            (("allows", "permits"), _p_third),
            (("allowed", "permitted"), _p_done),
            (("allowing", "permitting"), _p_ing),
        ],
        _obj,
    ),
    Swap("en.syn.allow", ("allowed", "permitted"), check=_allowed_passive),
    *_rows(
        "en.syn.happen",
        [
            (("happen", "occur"), lambda v, i, j: True),
            (("happens", "occurs"), lambda v, i, j: True),
            (("happened", "occurred"), lambda v, i, j: True),
            (("happening", "occurring"), lambda v, i, j: True),
        ],
        _happen,
    ),
    *_rows(
        "en.syn.rise",
        [
            (("rise", "increase", "go up"), _p_base),
            (("rises", "increases", "goes up"), _p_third),
            (("rose", "increased", "went up"), _amount_past),
            (("risen", "increased", "gone up"), _amount_perf),
            (("rising", "increasing", "going up"), all_checks(_amount_base, _p_prog)),
        ],
        _rise,
    ),
    *_rows(
        "en.syn.fall",
        [
            (("fall", "decrease", "drop", "decline", "go down"), _p_base),
            (("falls", "decreases", "drops", "declines", "goes down"), _p_third),
            (("fell", "decreased", "dropped", "declined", "went down"), _amount_past),
            (("fallen", "decreased", "dropped", "declined", "gone down"), _amount_perf),
            (
                ("falling", "decreasing", "dropping", "declining", "going down"),
                all_checks(_amount_base, _p_prog),
            ),
        ],
        _fall,
    ),
    *_rows(
        "en.syn.need_to",
        [
            (("need to", "have to"), _must_base),
            (("needs to", "has to"), _must_third),
            (("needed to", "had to"), _must_past),
            (("needing to", "having to"), all_checks(_p_ing, _prev_clean_c)),
        ],
        _must,
    ),
    *_rows(
        "en.syn.request",
        [
            (("ask for", "request"), _p_base),
            (("asks for", "requests"), _p_third_strict),
            (("asked for", "requested"), _p_done),
            (("asking for", "requesting"), _p_ing),
        ],
        _requested,
    ),
    Swap("en.syn.found", ("founded", "established"), check=all_checks(_shared_context, _founded)),
    *_rows(
        "en.syn.help",
        [
            (("help", "assist"), _p_base),
            (("helps", "assists"), _p_third),
            (("helped", "assisted"), _p_done),
            (("helping", "assisting"), _p_ing),
        ],
        _help_obj,
    ),
    *_rows("en.syn.remain", [(("remain", "stay"), _p_base)], _adjective_next),
    *_rows(
        "en.syn.reduce",
        [
            (("reduce", "lower", "decrease"), _p_base),
            (("reduces", "lowers", "decreases"), _p_third),
            (("reduced", "lowered", "decreased"), _p_done),
            (("reducing", "lowering", "decreasing"), _p_ing),
        ],
        lambda v, i, j: _object(v, j) and _head(v, j, _LEVELS),
    ),
    *_rows(
        "en.syn.raise",
        [
            (("increase", "raise"), _p_base),
            (("increases", "raises"), _p_third),
            (("increased", "raised"), _p_done),
            (("increasing", "raising"), _p_ing),
        ],
        lambda v, i, j: _object(v, j) and _head(v, j, _LEVELS - {"barrier", "barriers"}),
    ),
    *_rows(
        "en.syn.discuss",
        [
            (("discuss", "talk about"), _p_base),
            (("discusses", "talks about"), _p_third_strict),
            (("discussed", "talked about"), _p_done),
            (("discussing", "talking about"), _p_ing),
        ],
        lambda v, i, j: _object(v, j) or (_free_after(v, j) and v.n(j + 1) in ("it", "them")),
    ),
    *_rows(
        "en.syn.reject",
        [
            (("reject", "turn down", "decline"), _p_base),
            (("rejects", "turns down", "declines"), _p_third),
            (("rejected", "turned down", "declined"), _p_done),
            (("rejecting", "turning down", "declining"), _p_ing),
        ],
        lambda v, i, j: _object(v, j) and _head(v, j, _OFFERS),
    ),
    *_rows(
        "en.syn.focus",
        [
            (("focus on", "concentrate on"), _p_base),
            (("focuses on", "concentrates on"), _p_third),
            (("focused on", "concentrated on"), _p_done),
            (("focusing on", "concentrating on"), _p_ing),
        ],
        lambda v, i, j: _object(v, j) or _ing(v, j),
    ),
    *_rows(
        "en.syn.receive",
        [
            (("receive", "get"), _p_base),
            (("receives", "gets"), _p_third),
            (("received", "got"), _p_past),
            (("receiving", "getting"), _p_ing),
        ],
        lambda v, i, j: _object(v, j) and _head(v, j, _MESSAGES),
    ),
    *_rows(
        "en.syn.prepare",
        [
            (("prepare", "draw up"), _p_base),
            (("prepares", "draws up"), _p_third),
            (("prepared", "drew up"), _p_past),
            (("prepared", "drawn up"), _p_perf),
            (("preparing", "drawing up"), _p_ing),
        ],
        lambda v, i, j: _object(v, j) and _head(v, j, _DOCUMENTS),
    ),
    *_rows(
        "en.syn.build",
        [
            (("build", "construct"), _p_base),
            (("builds", "constructs"), _p_third),
            (("built", "constructed"), _p_done),
            (("building", "constructing"), _p_ing),
        ],
        lambda v, i, j: _object(v, j) and _head(v, j, _STRUCTURES),
    ),
    *_rows(
        "en.syn.meet",
        [
            (("meet", "satisfy"), _p_base),
            (("meets", "satisfies"), _p_third),
            (("met", "satisfied"), _p_done),
            (("meeting", "satisfying"), _p_ing),
        ],
        lambda v, i, j: _object(v, j) and _head(v, j, _DEMANDS),
    ),
    *_rows(
        "en.syn.expect",
        [
            (("expect", "anticipate"), _p_base),
            (("expects", "anticipates"), _p_third),
            (("expected", "anticipated"), _p_past),
            (("expecting", "anticipating"), _p_ing),
        ],
        _expected,
    ),
    *_rows(
        "en.syn.obtain",
        [
            (("obtain", "get"), _p_base),
            (("obtains", "gets"), _p_third),
            (("obtained", "got"), _p_past),
            (("obtaining", "getting"), _p_ing),
        ],
        lambda v, i, j: _object(v, j) and _head(v, j, _OBTAINED),
    ),
    *_rows(
        "en.syn.investigate",
        [
            (("investigate", "look into"), _p_base),
            (("investigates", "looks into"), _p_third),
            (("investigated", "looked into"), _p_done),
            (("investigating", "looking into"), _p_ing),
        ],
        lambda v, i, j: _object(v, j) and _head(v, j, _MATTERS),
    ),
    # second round: memos, notices, press releases
    *_rows(
        "en.syn.notify",
        [
            (("inform", "notify"), _p_imp),
            (("informs", "notifies"), _p_third),
            (("informed", "notified"), _p_done),
            (("informing", "notifying"), _p_ing),
        ],
        _notified,
    ),
    *[
        swap
        for p in ("me", "us", "you", "him", "her", "them")
        for swap in _rows(
            "en.syn.let_know",
            [
                ((f"let {p} know", f"tell {p}", f"inform {p}"), _strict_base),
                ((f"lets {p} know", f"tells {p}", f"informs {p}"), _p_third),
                ((f"letting {p} know", f"telling {p}", f"informing {p}"), _p_ing),
            ],
            _let_know,
        )
    ],
    *_rows(
        "en.syn.affect",
        [
            (("affect", "impact"), _p_base),
            (("affects", "impacts"), _p_third),
            (("affecting", "impacting"), _p_ing),
        ],
        _affect_obj,
    ),
    *_rows("en.syn.affect", [(("affected", "impacted"), _affected_prev)], _affected_next),
    *_rows(
        "en.syn.comply",
        [
            (("comply with", "adhere to", "abide by"), _p_imp),
            (("complies with", "adheres to", "abides by"), _p_third),
            (("complied with", "adhered to", "abided by"), _p_done),
            (("complying with", "adhering to", "abiding by"), _p_ing),
        ],
        _rule_obj,
    ),
    *_rows(
        "en.syn.violate",
        [
            (("violate", "breach", "contravene"), _p_imp),
            (("violates", "breaches", "contravenes"), _p_third),
            (("violated", "breached", "contravened"), _p_done),
            (("violating", "breaching", "contravening"), _p_ing),
        ],
        _breach_obj,
    ),
    *_rows(
        "en.syn.prohibit",
        [
            (("prohibit", "forbid", "ban"), _p_base),
            (("prohibits", "forbids", "bans"), _p_third),
            (("prohibited", "forbade", "banned"), _p_past),
            (("prohibiting", "forbidding", "banning"), _p_ing),
        ],
        _prohibit_obj,
    ),
    *_rows(
        "en.syn.prohibit",
        [(("prohibited", "forbidden", "banned"), _p_participle)],
        _prohibited_next,
    ),
    *_rows(
        "en.syn.respond",
        [
            (("respond to", "reply to", "answer"), _p_imp),
            (("responds to", "replies to", "answers"), _p_third),
            (("responded to", "replied to", "answered"), _p_done),
            (("responding to", "replying to", "answering"), _p_ing),
        ],
        lambda v, i, j: _head(v, j, _ANSWERED),
    ),
    *_rows(
        "en.syn.submit",
        [
            (("submit", "send in"), _p_imp),
            (("submits", "sends in"), _p_third),
            (("submitted", "sent in"), _p_done),
            (("submitting", "sending in"), _p_ing),
        ],
        lambda v, i, j: _head(v, j, _SUBMITTED - _FORMS),
    ),
    *_rows(
        "en.syn.fill_in",
        [
            (("complete", "fill in", "fill out"), _p_imp),
            (("completes", "fills in", "fills out"), _p_third),
            (("completed", "filled in", "filled out"), _p_done),
            (("completing", "filling in", "filling out"), _p_ing),
        ],
        lambda v, i, j: _head(v, j, _FORMS),
    ),
    *_rows(
        "en.syn.protect",
        [
            (("protect", "safeguard"), _p_imp),
            (("protects", "safeguards"), _p_third),
            (("protected", "safeguarded"), _p_done),
            (("protecting", "safeguarding"), _p_ing),
        ],
        lambda v, i, j: _head(v, j, _PROTECTED),
    ),
    *_rows(
        "en.syn.detect",
        [
            (("detect", "identify", "discover"), _p_imp),
            (("detects", "identifies", "discovers"), _p_third),
            (("detected", "identified", "discovered"), _p_done),
            (("detecting", "identifying", "discovering"), _p_ing),
        ],
        lambda v, i, j: _head(v, j, _DETECTED),
    ),
    *_rows(
        "en.syn.gain",
        [
            (("gain", "obtain", "get"), _p_base),
            (("gains", "obtains", "gets"), _p_third),
            (("gained", "obtained", "got"), _p_past),
            (("gained", "obtained"), _p_perf),
            (("gaining", "obtaining", "getting"), _p_ing),
        ],
        lambda v, i, j: _head(v, j, _GAIN_HEADS),
    ),
    *_rows(
        "en.syn.confirm",
        [
            (("verify", "confirm"), _p_imp),
            (("verifies", "confirms"), _p_third_strict),
            (("verified", "confirmed"), _p_done),
            (("verifying", "confirming"), _p_ing),
        ],
        lambda v, i, j: _head(v, j, _CONFIRMED),
    ),
    *_rows(
        "en.syn.resign",
        [
            (("resign", "step down"), _p_base),
            (("resigns", "steps down"), _p_third),
            (("resigned", "stepped down"), _p_done),
            (("resigning", "stepping down"), _p_ing),
        ],
        _resign_next,
    ),
    *_rows(
        "en.syn.begin",
        [
            (("begin", "start", "commence"), _p_base),
            (("begins", "starts", "commences"), _p_third),
            (("began", "started", "commenced"), _p_past),
            (("begun", "started", "commenced"), _p_perf),
            (("beginning", "starting", "commencing"), _p_prog),
        ],
        _time_next,
    ),
    *_rows(
        "en.syn.end",
        [
            (("end", "finish"), _p_base),
            (("ends", "finishes"), _p_third),
            (("ended", "finished"), _p_done),
            (("ending", "finishing"), _p_prog),
        ],
        _time_next,
    ),
    *_rows(
        "en.syn.terminate",
        [
            (("terminate", "end"), _p_base),
            (("terminates", "ends"), _p_third),
            (("terminated", "ended"), _p_done),
            (("terminating", "ending"), _p_ing),
        ],
        lambda v, i, j: _head(v, j, _ENDED),
    ),
    *_rows(
        "en.syn.voice",
        [
            (("raise", "voice", "express"), _p_base),
            (("raises", "voices", "expresses"), _p_third),
            (("raised", "voiced", "expressed"), _p_done),
            (("raising", "voicing", "expressing"), _p_ing),
        ],
        lambda v, i, j: _head(v, j, _CONCERNS),
    ),
    Swap(
        "en.syn.take_place",
        ("take place", "be held"),
        check=all_checks(_shared_context, _take_place),
    ),
    *_rows(
        "en.syn.notify",
        [(("informed", "notified"), lambda v, i, j: True)],
        _informed_passive,
    ),
    *_rows(
        "en.syn.take_effect",
        [
            (("come into force", "take effect", "come into effect"), _p_base),
            (("comes into force", "takes effect", "comes into effect"), _p_third),
            (("came into force", "took effect", "came into effect"), _p_past),
            (("come into force", "taken effect", "come into effect"), _p_perf),
            (("coming into force", "taking effect", "coming into effect"), _p_ing),
        ],
        _rule_subject,
    ),
    *_rows(
        "en.syn.appoint",
        [
            (("appoint", "name"), _p_base),
            (("appoints", "names"), _p_third_strict),
            (("appointed", "named"), lambda v, i, j: _not_noun(v, i)),
            (("appointing", "naming"), _p_ing),
        ],
        _appointed_next,
    ),
    *_rows("en.syn.asked", [(("asked", "requested"), lambda v, i, j: True)], _asked_to),
    *_rows(
        "en.syn.display",
        [
            (("display", "show"), _p_imp),
            (("displays", "shows"), all_checks(_p_third, _shows_prev)),
            (("displayed", "showed"), _p_past),
            (("displayed", "shown"), _p_perf),
            (("displaying", "showing"), _p_ing),
        ],
        lambda v, i, j: _head(v, j, _DISPLAYED),
    ),
    *_rows("en.syn.display", [(("displayed", "shown"), _passive_any)], lambda v, i, j: True),
    *_rows(
        "en.syn.execute",
        [
            (("run", "execute"), _p_imp),
            (("runs", "executes"), _p_third),
            (("ran", "executed"), _p_past),
            (("run", "executed"), _p_perf),
            (("running", "executing"), _p_ing),
        ],
        lambda v, i, j: _head(v, j, _EXECUTED),
    ),
    *_rows(
        "en.syn.enter",
        [
            (("type", "enter"), _p_imp),
            (("types", "enters"), _p_third_strict),
            (("typed", "entered"), _p_done),
            (("typing", "entering"), _p_ing),
        ],
        lambda v, i, j: _head(v, j, _ENTERED),
    ),
    *_rows(
        "en.syn.delete",
        [
            (("delete", "remove"), _p_imp),
            (("deletes", "removes"), _p_third),
            (("deleted", "removed"), _p_done),
            (("deleting", "removing"), _p_ing),
        ],
        lambda v, i, j: _head(v, j, _DELETED),
    ),
    Swap("en.syn.keep_informed", ("informed", "updated", "posted"), check=_kept_informed),
]

TABLE = SwapTable(SWAPS)
RULES: dict[str, str] = TABLE.rules()
FINDERS = (TABLE.hits,)
