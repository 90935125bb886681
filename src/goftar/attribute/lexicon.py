"""Word lists for attribution, matched whatever their half-spaces.

Every entry is looked up by its *key*: folded letters with spaces and U+200C removed, so
«تاکید کردند», «تاکیدکردند» and «تاکید‌کردند» are one entry, and so are «می‌گوید» / «میگوید» / «می گوید».
Speech-verb forms are generated from stems here; the place gazetteer and person-name tokens are built
files in ``goftar/data`` (see their PROVENANCE files), loaded lazily once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه", "أ": "ا", "إ": "ا", "ؤ": "و"})
_SEP = re.compile(r"[\s\u200c\u200d]+")


_WORD_KEY = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه", "أ": "ا", "إ": "ا", "ؤ": "و",
                           "\u200c": None, "\u200d": None})


_KEY_PAIRS = tuple((chr(a), b or "") for a, b in _WORD_KEY.items())


def words_key(s: str) -> str:
    """:func:`word_key` of a long string at once: one ``str.replace`` per folded character (much faster
    than ``translate`` on long non-ASCII text, where most characters stay as they are)."""
    for a, b in _KEY_PAIRS:
        if a in s:
            s = s.replace(a, b)
    return s


def word_key(w: str) -> str:
    """:func:`key` of one word (no spaces inside): a single translate, for the tokenizer's hot loop."""
    return w.translate(_WORD_KEY)


@lru_cache(maxsize=1 << 16)
def key(s: str) -> str:
    """The matching key of a word or phrase: folded letters, no spaces or half-spaces."""
    return _SEP.sub("", s.translate(_FOLD)).replace("أ", "ا")


# -- speech verbs ---------------------------------------------------------------------------
# light-verb compounds: noun → light verbs it takes
_LIGHT: dict[str, tuple[str, ...]] = {
    "کرد": ("تاکید", "تأکید", "تصریح", "خاطرنشان", "اظهار", "بیان", "عنوان", "اعلام", "اضافه", "تشریح",
            "یادآوری", "اذعان", "ابراز", "توصیه", "اشاره", "پیشنهاد", "ادعا", "اعتراف", "گلایه", "انتقاد",
            "تاکیدخاطرنشان", "ابرازامیدواری", "ابرازتاسف", "ابراز نگرانی", "هشدار", "توضیح", "استدلال", "تکرار",
            "نقل", "مطرح", "اعلان", "تقدیر", "خاطرنشان", "ذکر",
            # «… تبیین کرد: …», «برکاو تهدید کرد اگر …», «نشریه اسپورت فاش کرد …», «پیش‌بینی کرد درآمد …»,
            # «از عملکرد بازیکنانش ابراز رضایت کرد», «از X به عنوان Y یاد کرد»
            "تبیین", "تهدید", "فاش", "پیش‌بینی", "ابراز رضایت", "ابراز خرسندی", "ابراز نارضایتی", "تمجید", "یاد"),
    "نمود": ("تاکید", "تأکید", "تصریح", "خاطرنشان", "اظهار", "بیان", "عنوان", "اعلام", "اضافه", "ابراز", "اشاره"),
    "شد": ("یادآور", "متذکر", "خاطرنشان", "مدعی", "یادآوری", "خواستار", "معترض"),
    "داشت": ("اظهار", "بیان", "اعلام", "عنوان", "ابراز", "اذعان", "تاکید", "تأکید"),
    "داد": ("ادامه", "توضیح", "پاسخ", "هشدار", "خبر", "شرح", "اطمینان", "نوید", "گزارش",
            "پیشنهاد", "وعده", "قول"),  # «وی پیشنهاد داد …», «وعده داد که …»
    "ساخت": ("خاطرنشان", "مطرح", "متذکر"),  # «وی در پایان خاطر نشان ساخت: …»
}
_PRESENT = {"کرد": "کن", "نمود": "نمای", "شد": "شو", "داشت": "دار", "داد": "ده", "ساخت": "ساز",
            "گفت": "گوی", "افزود": "افزای", "نوشت": "نویس", "پرسید": "پرس", "فرمود": "فرمای", "اضافه کرد": "اضافه کن",
            "دانست": "دان", "خواند": "خوان", "شمرد": "شمار", "برشمرد": "برشمار", "نامید": "نام"}
_SIMPLE = ("گفت", "افزود", "نوشت", "پرسید", "فرمود")  # «فرمود / می‌فرمایند»: the honorific «said»
# stance verbs: «X را همسو با Y خواندند», «… را هم‌جهت با … دانست», «… را … ارزیابی کرد»
_STANCE_SIMPLE = ("خواند", "دانست", "شمرد", "برشمرد", "نامید")
_STANCE_LIGHT: dict[str, tuple[str, ...]] = {"کرد": ("ارزیابی", "توصیف", "قلمداد", "تلقی", "تعبیر", "عنوان", "اعلام",
                                                     "تکذیب", "نکوهش", "تشبیه", "ذکر", "بیان",
                                                     # «… شایعات … را رد کرد», «… را متهم کرد», «ادب … را بزرگ‌ترین
                                                     # سرمایه‌های انسانی یاد کرد»
                                                     "رد", "متهم", "یاد"),
                                              # «… پراخت حقوق کامل کارگران … را خواستار شد»
                                              "شد": ("خواستار",)}
#: negated stances: «… را ممکن ندانست»
_STANCE_NEG = ("ندانست", "ندانستند", "نمی‌داند", "نمی‌دانند", "نمی‌دانیم")


def _inflect(past: str, present: str, progressive: bool = False) -> list[str]:
    out = [past, past + "ند", past + "ه است", past + "ه‌اند", past + "ه بود", past + "ه بودند", past + "ه‌ایم",
           past + "یم", "می" + present + "د", "می" + present + "ند", "می" + present + "ید"]
    if progressive:  # «مدیران استقلال ادعا می‌کردند …», «وی می‌گفت …»
        out += ["می" + past, "می" + past + "ند"]
    if present.endswith("ا"):
        out += ["می" + present + "ید", "می" + present + "یند"]
    return out


def _verb_table(simple: tuple[str, ...], light: dict[str, tuple[str, ...]],
                progressive: bool = False) -> dict[str, str]:
    table: dict[str, str] = {}
    for v in simple:
        for form in _inflect(v, _PRESENT.get(v, v), progressive) + [v + "ه"]:  # «گفته «…»», «افزوده»
            table.setdefault(key(form), v)
    for lv, nouns in light.items():
        for n in nouns:
            # «ادامه می‌داد» goes on doing something; it says nothing
            prog = progressive and n not in _NO_PROGRESSIVE
            for form in _inflect(lv, _PRESENT.get(lv, lv), prog) + [lv + "ه"]:
                if n in _PAST_ONLY and form.startswith("می"):
                    continue
                table.setdefault(key(n + form), f"{n} {lv}")
    return table


_NO_PROGRESSIVE = ("ادامه", "یاد", "تقدیر", "خبر", "گزارش", "نقل")
#: «… آنان را تهدید می‌کند», «پیش‌بینی می‌شود / می‌کند»: in the present these are no report of words said
_PAST_ONLY = ("تهدید", "پیش‌بینی")


@lru_cache(maxsize=1)
def speech_verbs() -> dict[str, str]:
    """Key of every inflected speech-verb form → its lemma (e.g. «تاکید کرد»)."""
    return _verb_table(_SIMPLE, _LIGHT, progressive=True)


@lru_cache(maxsize=1)
def stance_verbs() -> dict[str, str]:
    """Key of every inflected stance-verb form («خواندند», «دانست», «ارزیابی کرد») → lemma; not the second person
    («… متن آن را در زیر می‌خوانید»: the reader reads)."""
    table = {k: v for k, v in _verb_table(_STANCE_SIMPLE, _STANCE_LIGHT).items()
             if not (k.startswith("می") and k.endswith("ید"))}
    for v in _STANCE_NEG:
        table.setdefault(key(v), "ندانست")
    return table


@lru_cache(maxsize=1)
def speech_nouns() -> frozenset[str]:
    """Keys of the nouns of light speech and stance verbs («خبر» of «خبر … داد», «تاکید», «اشاره»): a word that may
    open the verb of a clause, split from its light verb («خبر از توافق … داده»), is nobody's surname."""
    return frozenset(key(n) for light in (_LIGHT, _STANCE_LIGHT) for nouns in light.values() for n in nouns)


#: opinion verbs that take their content directly: «X معتقد است …»
OPINION = {key(x): x for x in ("معتقد است", "معتقدند", "معتقد", "می‌داند", "می‌دانند", "اعتقاد دارند",
                                "اعتقاد دارد", "عقیده دارند", "عقیده دارد", "باور دارند", "باور دارد", "معتقد بود", "معتقد بودند", "معتقد است که", "بر این باور است",
                                "بر این باورند", "بر این باور هستند", "بر این عقیده است", "بر این عقیده‌اند",
                                # «آن‌ها مدعی هستند که …»
                                "مدعی است", "مدعی‌اند", "مدعی هستند", "مدعی بود", "مدعی بودند")}
#: «گفته می‌شود», «گفته شده است»: a statement without a speaker.
PASSIVE_SPEECH = {key(x) for x in ("گفته می‌شود", "گفته شده است", "گفته شده", "اعلام شده است", "اعلام شد",
                                   "عنوان شده است", "گفته می شود", "شنیده می‌شود", "گفته می‌شد", "شنیده شده",
                                   "شنیده شده است", "شایعه شده", "شایعه شده است", "ادعا شده", "ادعا شده است",
                                   # «فوق ستاره پرتغالی رئال متهم شده که …»: an accusation, its accusers unnamed
                                   "متهم شده", "متهم شده است")}

# -- people ---------------------------------------------------------------------------------
TITLES = [
    "حضرت آیت‌الله العظمی", "حضرت آیت‌الله", "آیت‌الله العظمی", "آیت‌الله", "آیت الله", "حجت‌الاسلام والمسلمین",
    "حجت‌الاسلام و المسلمین", "حجت‌الاسلام", "ثقة‌الاسلام", "جناب آقای", "جناب", "سرکار خانم", "آقای", "آقایان", "خانم",
    "دکتر", "مهندس", "سردار", "سرلشکر", "سرتیپ", "سرهنگ", "سرگرد", "سپهبد", "دریادار", "دریابان", "امیر دریادار",
    "امیر سرتیپ", "استاد", "پروفسور", "شیخ", "حاج", "حاجی", "شهید", "مرحوم", "علامه", "امام",
    "امیرخلبان", "امیر خلبان", "امیر سرلشکر", "امیر دریابان", "سرتیپ دوم", "سرتیپ‌دوم", "سرتیپ پاسدار",
    "سرلشکر پاسدار", "سردار سرتیپ", "سردار سرلشکر", "سرهنگ دوم", "تیمسار", "ارتشبد", "ژنرال", "جنرال",
    "شاهزاده", "ناخدا", "کاپیتان",
]
#: words that head a role noun phrase («رئیس جمهور کوبا», «رهبر انقلاب اسلامی», «وزیر امور خارجه»)
ROLE_HEADS = [
    "بخشدار", "دهیار", "عده‌ای", "گروهی", "روانشناسان", "روان‌شناسان", "اقتصاددانان", "جامعه‌شناسان", "پژوهشگران", "کارگران",
    "معدنچیان", "کارگر", "حقوقدانان", "پزشکان", "نظریه‌پردازان", "ساکنان", "اهالی", "شاهدان", "پژوهشگر", "اقتصاددان", "حقوقدان", "جامعه‌شناس", "روانشناس", "روان‌شناس", "وکیل", "استاد دانشگاه",
    "مسئولان", "مسیولان", "مسوولان", "کارشناسان", "منتقدان", "فعالان", "موافقان", "مخالفان", "تحلیلگران", "تحلیل‌گران",
    "ناظران", "ناظر", "کارفرما", "کارفرمای", "کارفرمایان", "اعضای", "یکی از", "نایب‌رییس", "نایب رییس",
    "رییس‌کل", "مشاور", "معلم", "پزشک", "نویسنده", "شاعر", "کارگردان", "بازیگر", "مجری", "سرپرست", "دبیرکل",
    "رئیس", "رییس", "رئیس‌جمهور", "رییس‌جمهور", "رهبر", "وزیر", "معاون", "سخنگوی", "سخنگو", "نماینده", "نمایندگان",
    "دبیر", "دبیرکل", "مدیر", "مدیرعامل", "مدیر کل", "مدیرکل", "فرمانده", "فرماندهی", "سفیر", "استاندار",
    "فرماندار", "شهردار", "دادستان", "نخست‌وزیر", "نخست وزیر", "عضو", "کارشناس", "مشاور", "قائم‌مقام",
    "قائم مقام", "امام جمعه", "سرمربی", "مربی", "کاپیتان", "هافبک", "مهاجم", "دروازه‌بان", "مدافع", "بازیکن",
    "نایب رئیس", "نایب‌رئیس", "سرپرست", "مسئول", "پژوهشگر", "استاد", "سرکنسول", "کاردار", "دیپلمات", "جانشین",
    "رئیس‌کل", "رئیس کل", "دبیرکل", "ریاست", "مفتی", "نویسنده", "خبرنگار", "تحلیلگر", "فعال", "وکیل", "قاضی",
    "پادشاه", "ملک", "امیر", "ولیعهد", "شاه", "صدراعظم", "صدر اعظم", "رئیس‌جمهوری", "رئیس جمهوری", "رهبری",
    "مرجع", "بنیانگذار", "هماهنگ‌کننده", "نماینده ویژه", "فرستاده", "دستیار", "کمیسر", "کمیساریای",
    "افسر", "خلبان", "مأمور", "مامور", "کارمند", "نامزد", "کاندیدای", "یک مقام", "این مقام", "مقامات",
    "مقام معظم رهبری", "مقام مسئول", "مقام مسوول", "جانباز", "آزاده", "رزمنده", "فرزند شهید",
    "منابع", "منبع", "یک منبع", "مدیران", "مسئولین", "مسوولین", "مربیان", "بازیکنان", "دست‌اندرکاران",
    "وزرای",
    # sportspeople (Varzesh3): «لژیونر آرژانتینی بارسلونا با بیان اینکه …», «پیتر اشمایکل، اسطوره باشگاه …»
    "ستاره", "اسطوره", "لژیونر", "ملی‌پوش", "ملی پوش", "پیشکسوت", "گلر", "کشتی‌گیر", "وزنه‌بردار",
    "تکواندوکار", "جودوکار", "کاراته‌کا", "والیبالیست", "بسکتبالیست", "فوتبالیست", "ورزشکار", "رکابزن",
    "شناگر", "دونده", "تنیسور", "بوکسور",
]
PRONOUNS = {key(x): x for x in ("وی", "ایشان", "او", "آنها", "آن‌ها", "آنان")}
ORG_HEADS = [
    "وزارت", "سازمان", "خبرگزاری", "مجلس", "شورای", "ستاد", "بانک", "دانشگاه", "شرکت", "کمیته", "کمیسیون",
    "حزب", "جبهه", "سپاه", "ارتش", "دادگاه", "قوه", "فدراسیون", "باشگاه", "روزنامه", "پایگاه", "انجمن",
    "اتحادیه", "بنیاد", "صندوق", "سفارت", "پلیس", "نیروی", "اداره", "مرکز", "دفتر", "شبکه", "هفته‌نامه",
    "ماهنامه", "خبرگزاری‌های", "استانداری", "فرمانداری", "شهرداری", "دادستانی", "اتاق",
]
#: function words and frequent verbs: they end a name or a role phrase
FUNCTION = {key(w) for w in """
و در با از به که را برای تا بر این آن ها های نیز هم همچنین ضمن طی پس اما ولی یا اگر چون زیرا درباره
درمورد خصوص نسبت اینکه این‌که است بود شد کرد کردند گفت گفتند افزود افزودند داشت داشتند هست هستند نیست
باشد شود می‌شود خواهد کند کنند دارد دارند خود خویش او وی ایشان آنها ما من شما همه هر چند چه چرا کجا
میان بین روی زیر کنار نزد سوی توسط طبق بنابر براساس حال حالی عین رغم علیرغم باره جمله جهت اینان اینها این‌ها
هیچ هیچ‌کدام هیچکدام برخی بسیاری تمام تمامی همین همان آن‌ها آنان اکنون هم‌اکنون تاکنون
""".split()}
#: ordinary nouns that often follow a name but are never part of it
NOUNISH = {key(w) for w in """
روز امروز دیروز سال ماه گذشته جاری دیدار ملاقات گفتگو گفت‌وگو سفر نشست جلسه همایش مراسم هیئت همراه
سخنان سخنرانی مصاحبه گزارش نقل گفته نوشته اعلام ادامه افزوده تصریح خاطرنشان یادآور شده بوده کشور
کشورهای کشورمان دولت مردم جمهوری اسلامی انقلاب فقید سابق اسبق کنونی فعلی جدید بیان اظهار اشاره تاکید
تأکید پیش بعد قبل بیش کم مواضع موضع نیز همچنین ره س ع عج ص
صبح عصر ظهر شب شامگاه بامداد سحرگاه صبحگاه امشب دیشب بعدازظهر شنبه یکشنبه دوشنبه سه‌شنبه چهارشنبه پنجشنبه پنج‌شنبه
آباد الخصوص
""".split()}
STOP = FUNCTION | NOUNISH
#: words right before a place that make an ambiguous name («انار», «اهر», «مالی») a place
PLACE_CUES = {key(w) for w in """شهرستان شهرستانهای شهر استان بخش روستای روستا دهستان کشور کشورهای مردم
منطقه""".split()}
#: a token before a mention that makes it an object, not the subject of its clause
OBJECT_MARKERS = {key(w) for w in "با از به برای درباره مورد دیدار ملاقات نزد علیه توسط مواضع سخنان نظر را".split()}
#: finite verbs that close a relative clause («در این دیدار که X حضور داشت، Y گفت»)
CLAUSE_VERBS = {key(w) for w in """
داشت داشتند بود بودند است هستند کرد کردند شد شدند دارد دارند کند کنند بوده‌اند کرده‌اند نمود نمودند آمده
""".split()}


@dataclass(frozen=True)
class Place:
    name: str
    code: str | None
    kind: str
    cue_only: bool = False  # an ordinary word too («مالی», «انار»): a place only after «شهرستان / شهر / در …»


def _data(name: str) -> str:
    return resources.files("goftar.data").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    """Key → place, from the built gazetteer ``attr_places.tsv``."""
    out: dict[str, Place] = {}
    for line in _data("attr_places.tsv").splitlines()[1:]:
        k, name, code, kind, *cue = line.split("\t")
        out[k] = Place(name, code or None, kind, bool(cue and cue[0]))
    return out


@lru_cache(maxsize=1)
def sure_places() -> dict[str, Place]:
    """The places that are no ordinary word (what ends a name or a role: «… رئیس جمهور کوبا»)."""
    return {k: p for k, p in places().items() if not p.cue_only}


@lru_cache(maxsize=1)
def name_tokens() -> dict[str, str]:
    """Key → "first" | "last" | "solo" for person-name tokens (``attr_names.tsv``; research-only sources)."""
    out: dict[str, str] = {}
    for line in _data("attr_names.tsv").splitlines()[1:]:
        k, kind = line.split("\t")
        if kind != "first?":
            out[k] = kind
    return out


@lru_cache(maxsize=1)
def maybe_first_names() -> frozenset[str]:
    """Keys of frequent words that are first names too («کریم», «بهمن», «امید»): "first?" in ``attr_names.tsv``."""
    return frozenset(line.split("\t")[0] for line in _data("attr_names.tsv").splitlines()[1:]
                     if line.endswith("\tfirst?"))


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Keys of person-name tokens that are first names."""
    return frozenset(k for k, kind in name_tokens().items() if kind == "first")


@lru_cache(maxsize=1)
def solo_names() -> frozenset[str]:
    """Keys of surnames that name a person on their own («ترامپ», «همتی»), and those news writes alone
    («مسی», «آنچلوتی»: ``attr_news_surnames.txt``)."""
    return frozenset(k for k, kind in name_tokens().items() if kind == "solo") | news_surnames()


@lru_cache(maxsize=1)
def news_surnames() -> frozenset[str]:
    """Keys of surnames the news writes after a first name and alone (``attr_news_surnames.txt``, built from the
    Fars / Varzesh3 news by ``scripts/build_attr_news_surnames.py``)."""
    return frozenset(_data("attr_news_surnames.txt").split())


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Keys of frequent ordinary words (``attr_common.txt``): a name does not run on into them."""
    return frozenset(_data("attr_common.txt").split())


@lru_cache(maxsize=1)
def ordinary_words() -> frozenset[str]:
    """Keys of words the NER corpora hold as no person's name (``attr_ordinary.txt``; research-only sources):
    a word in neither this list nor :func:`common_words` is unknown — a foreign name, often («کاسیاس»)."""
    return frozenset(_data("attr_ordinary.txt").split())


def phrase_table(phrases: list[str]) -> dict[str, str]:
    """Key → phrase as listed, also under the other spellings of its hamza seat («مسئول» / «مسوول» / «مسیول»,
    «رئیس» / «رییس»: copied text writes them every way)."""
    out: dict[str, str] = {}
    for p in phrases:
        k = key(p)
        for v in (k, k.replace("ئ", "ی"), k.replace("ئ", "و"), k.replace("یی", "ئی")):
            out.setdefault(v, p)
    return out


TITLE_KEYS = phrase_table(TITLES)
ROLE_KEYS = phrase_table(ROLE_HEADS)
ORG_KEYS = phrase_table(ORG_HEADS)
