"""US/UK spelling families, with every inflection generated from a curated stem list.

Left out: "program(me)" (a computer program is "program" in the UK too),
"license/licence" (UK noun vs verb), "practice/practise", "meter/metre" (a
gas meter), "check/cheque", "tire/tyre", "story/storey", "dialog(ue)",
"analog(ue)", "inquiry/enquiry", "learned/learnt" ("a learned man"),
"analyzes/analyses" (also the plural of "analysis"), and every "-ise" verb
that is "-ise" in the US too (advertise, advise, supervise, compromise ...).
Capitalised words inside a sentence (names: "World Health Organization",
"Pearl Harbor", "Labor Day") are never touched.
"""

from __future__ import annotations

from collections.abc import Iterator

from townsquare.canary.lexical.base import Hit, SentenceView, make_hit, words

# -ize/-ise: the part before "ize".
_IZE_STEMS = words(
    "organ real recogn priorit emphas summar minim maxim optim final standard categor apolog "
    "author critic special util custom character memor modern normal familiar central harmon "
    "jeopard legal local mobil monet neutral penal privat stabil subsid symbol synchron "
    "visual capital global hospital incentiv industrial initial institutional item marginal "
    "material personal polar popular rational revital scrutin steril strateg theor trivial "
    "urban vocal sympath agon antagon public econom energ fertil galvan hypothes ideal immun "
    "legitim liberal moral ostrac pasteur plagiar pressur random scandal social stigmat union "
    "vandal victim western digit computer formal general mechan patron terror tantal critic "
    "commercial decentral democrat desensit human internal miniatur motor operational "
    "proselyt satir sensit serial tyrann"
    " civil colon bapt dramat epitom equal fantas memorial mesmer militar monopol national"
    " natural oxid politic radical revolution romantic sanit synthes traumat verbal"
    " contextual conceptual"
)
_IZE_SUFFIXES = words("e es ed ing er ers ation ations ational ationally able")
_IZE_PREFIXES = ("", "re", "un", "de", "over", "under", "pre", "mis", "non")

# -or/-our: the part before "or", with the suffixes each takes.
_OUR_COMMON = ("", "s", "ed", "ing", "less")
_OUR_STEMS: dict[str, tuple[str, ...]] = {
    "col": (*_OUR_COMMON, "ful", "fully", "ation"),
    "fav": ("", "s", "ed", "ing", "able", "ably", "ite", "ites", "itism"),
    "hon": (*_OUR_COMMON, "able", "ably"),
    "lab": ("", "s", "ed", "ing", "er", "ers"),
    "neighb": ("", "s", "ing", "hood", "hoods", "ly"),
    "behavi": ("", "s", "al", "ally"),
    "flav": (*_OUR_COMMON, "ful"),
    "hum": ("", "s", "ed", "ing", "less"),
    "rum": ("", "s", "ed"),
    "harb": ("", "s", "ed", "ing"),
    "vap": ("", "s"),
    "vig": ("",),
    "endeav": ("", "s", "ed", "ing"),
    "cand": ("",),
    "clam": ("", "s"),
    "ferv": ("",),
    "od": ("", "s", "less"),
    "parl": ("", "s"),
    "splend": ("", "s"),
    "tum": ("", "s"),
    "val": ("",),
    "arm": ("", "s", "ed", "y"),
    "demean": ("",),
    "sav": ("", "s", "y"),
    "rig": ("", "s"),
}
_OUR_PREFIXES = ("", "un", "dis", "multi", "water")

# -er/-re pairs (US, UK).
_RE_WORDS: tuple[tuple[str, str], ...] = (
    ("center", "centre"),
    ("centers", "centres"),
    ("centered", "centred"),
    ("centering", "centring"),
    ("centerpiece", "centrepiece"),
    ("epicenter", "epicentre"),
    ("theater", "theatre"),
    ("theaters", "theatres"),
    ("fiber", "fibre"),
    ("fibers", "fibres"),
    ("caliber", "calibre"),
    ("somber", "sombre"),
    ("luster", "lustre"),
    ("specter", "spectre"),
    ("meager", "meagre"),
    ("liter", "litre"),
    ("liters", "litres"),
    ("kilometer", "kilometre"),
    ("kilometers", "kilometres"),
    ("centimeter", "centimetre"),
    ("centimeters", "centimetres"),
    ("millimeter", "millimetre"),
    ("millimeters", "millimetres"),
    ("saber", "sabre"),
    ("scepter", "sceptre"),
)
_YSE_STEMS = ("analy", "paraly", "cataly")
_YSE_SUFFIXES = ("e", "ed", "ing", "er", "ers")
_ENCE_WORDS: tuple[tuple[str, str], ...] = tuple(
    (f"{s}nse{x}", f"{s}nce{x}") for s in ("defe", "offe", "prete") for x in ("", "s", "less")
)
_LL_WORDS: tuple[tuple[str, str], ...] = (
    ("traveled", "travelled"),
    ("traveling", "travelling"),
    ("traveler", "traveller"),
    ("travelers", "travellers"),
    ("canceled", "cancelled"),
    ("canceling", "cancelling"),
    ("labeled", "labelled"),
    ("labeling", "labelling"),
    ("modeled", "modelled"),
    ("modeling", "modelling"),
    ("signaled", "signalled"),
    ("signaling", "signalling"),
    ("fueled", "fuelled"),
    ("fueling", "fuelling"),
    ("totaled", "totalled"),
    ("totaling", "totalling"),
    ("leveled", "levelled"),
    ("leveling", "levelling"),
    ("counseled", "counselled"),
    ("counseling", "counselling"),
    ("counselor", "counsellor"),
    ("counselors", "counsellors"),
    ("channeled", "channelled"),
    ("channeling", "channelling"),
    ("tunneled", "tunnelled"),
    ("funneled", "funnelled"),
    ("marshaled", "marshalled"),
    ("dialed", "dialled"),
    ("dialing", "dialling"),
    ("equaled", "equalled"),
    ("equaling", "equalling"),
    ("rivaled", "rivalled"),
    ("jeweler", "jeweller"),
    ("jewelry", "jewellery"),
    ("quarreled", "quarrelled"),
    ("worshiped", "worshipped"),
    ("fulfill", "fulfil"),
    ("fulfills", "fulfils"),
    ("fulfillment", "fulfilment"),
    ("enroll", "enrol"),
    ("enrolls", "enrols"),
    ("enrollment", "enrolment"),
    ("enrollments", "enrolments"),
    ("installment", "instalment"),
    ("installments", "instalments"),
    ("skillful", "skilful"),
    ("skillfully", "skilfully"),
    ("willful", "wilful"),
    ("instill", "instil"),
    ("instills", "instils"),
)
_MISC_WORDS: tuple[tuple[str, str], ...] = (
    ("judgment", "judgement"),
    ("judgments", "judgements"),
    ("acknowledgment", "acknowledgement"),
    ("acknowledgments", "acknowledgements"),
    ("catalog", "catalogue"),
    ("catalogs", "catalogues"),
    ("cataloged", "catalogued"),
    ("cataloging", "cataloguing"),
    ("gray", "grey"),
    ("grays", "greys"),
    ("grayish", "greyish"),
    ("aging", "ageing"),
    ("plow", "plough"),
    ("plows", "ploughs"),
    ("mold", "mould"),
    ("molds", "moulds"),
    ("moldy", "mouldy"),
    ("smolder", "smoulder"),
    ("smoldering", "smouldering"),
    ("mustache", "moustache"),
    ("cozy", "cosy"),
    ("skeptic", "sceptic"),
    ("skeptics", "sceptics"),
    ("skeptical", "sceptical"),
    ("skepticism", "scepticism"),
    ("artifact", "artefact"),
    ("artifacts", "artefacts"),
    ("sulfur", "sulphur"),
    ("aluminum", "aluminium"),
    ("airplane", "aeroplane"),
    ("airplanes", "aeroplanes"),
    ("maneuver", "manoeuvre"),
    ("maneuvers", "manoeuvres"),
    ("maneuvered", "manoeuvred"),
    ("maneuvering", "manoeuvring"),
    ("pajamas", "pyjamas"),
    ("fetus", "foetus"),
    ("pediatric", "paediatric"),
    ("pediatrician", "paediatrician"),
    ("anesthesia", "anaesthesia"),
    ("anemia", "anaemia"),
    ("leukemia", "leukaemia"),
    ("encyclopedia", "encyclopaedia"),
    ("orthopedic", "orthopaedic"),
    ("archeology", "archaeology"),
    ("archeological", "archaeological"),
    ("burned", "burnt"),
    ("dreamed", "dreamt"),
    ("leaped", "leapt"),
    ("spilled", "spilt"),
    ("kneeled", "knelt"),
    ("dwelled", "dwelt"),
)


def _build() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Every spelling -> (rule id, all spellings of that word)."""
    table: dict[str, tuple[str, tuple[str, ...]]] = {}

    def add(rule: str, forms: tuple[str, ...]) -> None:
        for f in forms:
            table.setdefault(f, (rule, forms))

    for stem in dict.fromkeys(_IZE_STEMS):
        for prefix in _IZE_PREFIXES:
            for suffix in _IZE_SUFFIXES:
                add(
                    f"en.spelling.ize.{stem}ize",
                    (f"{prefix}{stem}iz{suffix}", f"{prefix}{stem}is{suffix}"),
                )
    for stem, suffixes in _OUR_STEMS.items():
        for prefix in _OUR_PREFIXES:
            for suffix in suffixes:
                add(
                    f"en.spelling.our.{stem}or",
                    (f"{prefix}{stem}or{suffix}", f"{prefix}{stem}our{suffix}"),
                )
    for stem in _YSE_STEMS:
        for suffix in _YSE_SUFFIXES:
            add(f"en.spelling.yse.{stem}ze", (f"{stem}z{suffix}", f"{stem}s{suffix}"))
    for family, pairs in (
        ("re", _RE_WORDS),
        ("ence", _ENCE_WORDS),
        ("ll", _LL_WORDS),
        ("misc", _MISC_WORDS),
    ):
        singular = {us for us, _ in pairs}
        for us, uk in pairs:
            base = next(
                (us[: -len(x)] for x in ("s", "ed", "ing") if us[: -len(x)] in singular), us
            )
            add(f"en.spelling.{family}.{base}", (us, uk))
    return table


SPELLINGS = _build()


def _describe() -> dict[str, str]:
    out: dict[str, list[str]] = {}
    for rule, forms in SPELLINGS.values():
        pair = "/".join(forms)
        if pair not in out.setdefault(rule, []):
            out[rule].append(pair)
    return {rule: ", ".join(pairs[:4]) for rule, pairs in sorted(out.items())}


RULES: dict[str, str] = _describe()


def _spelling(view: SentenceView) -> Iterator[Hit | None]:
    for i, t in enumerate(view.toks):
        entry = SPELLINGS.get(view.n(i))
        if entry is None or not t.core.isalpha() or view.proper_risk(i):
            continue
        rule, forms = entry
        yield make_hit(view, i, i, forms, rule)


FINDERS = (_spelling,)
