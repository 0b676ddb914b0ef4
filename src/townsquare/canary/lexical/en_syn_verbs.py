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
  access, a copy...), prepare/draw up (a plan, report, budget...), build/construct (a
  school, road, plant...), meet/satisfy (requirements, criteria, needs...),
  investigate/look into (a matter, cause, complaint, incident...); expect/anticipate + an
  object that opens no clause;
- + a clause: show/demonstrate + how, or + "that" + a certain clause start;
  check/verify + that + a clause, or + whether; find out/discover/learn +
  that/what/whether/why...; tell/inform + me/us/... + that/about;
  suggest/propose/recommend after a personal subject;
- + an amount: rise/increase/go up and fall/decrease/drop/decline/go down + by/to (rise
  also from) + a number; founded/established (active, or passive + in/by/as/at/to);
  happen/occur; remain/stay + a listed adjective or "in place/effect/office...".

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
"""

from __future__ import annotations

from collections.abc import Iterable

from townsquare.canary.lexical.base import SentenceView, words
from townsquare.canary.lexical.en_syntax import SAY_VERBS, clause_at
from townsquare.canary.lexical.en_words import DETERMINERS
from townsquare.canary.lexical.swaps import Check, Swap, SwapTable

_MODALS = frozenset(
    words(
        "will would can could should must may might shall won't wouldn't can't cannot couldn't "
        "shouldn't mustn't don't doesn't didn't do does did 'll"
    )
)
_SUBJ_BASE = frozenset(words("i we you they"))
# Not "and"/"or": "we offer food and help with housing" may coordinate nouns.
_BASE_PREV = _MODALS | _SUBJ_BASE | frozenset(words("to please who"))
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
        if w in _SKIP_ADV or (w.endswith("ly") and len(w) > 4):
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
            w == "people" or (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")))
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
        "amid amidst thus right later once often almost seldom whether"
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


def _all(*checks: Check) -> Check:
    def check(view: SentenceView, i: int, j: int) -> bool:
        return all(c(view, i, j) for c in checks)

    return check


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
        out.append(Swap(rule, forms, check=_all(*checks)))
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
        "open closed unchanged unclear active calm focused committed silent strong healthy safe "
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
        "permission approval license licence licenses licences visa visas copy copies access "
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
        _obj_next,
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
            (("providing", "offering"), _all(_p_ing, _provide_prev)),
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
            (("rising", "increasing", "going up"), _all(_amount_base, _p_prog)),
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
                _all(_amount_base, _p_prog),
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
            (("needing to", "having to"), _all(_p_ing, _prev_clean_c)),
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
    Swap("en.syn.found", ("founded", "established"), check=_all(_shared_context, _founded)),
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
]

TABLE = SwapTable(SWAPS)
RULES: dict[str, str] = TABLE.rules()
FINDERS = (TABLE.hits,)
