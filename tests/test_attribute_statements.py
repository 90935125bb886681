"""Which attributed statements are found, and where their content starts and ends (real Persian text)."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from goftar.api import read_text, record
from goftar.attribute.evaluate import score_article
from goftar.cli import main

REPO = Path(__file__).resolve().parents[1]


def statements(text: str) -> list[dict]:
    rec = record(read_text(text))
    return rec["quotes"] + rec["reported_statements"]


def texts(text: str) -> list[str]:
    return [s["text"] for s in statements(text)]


def test_score_article_lists_unfound_and_spurious_statements():
    gold = {"quotes": [{"text": "این خبر از اساس کذب و بدون پایه است", "speaker": "حسین شریفی"},
                       {"text": "قرار است دوشنبه هفته پیش رو نشست دیگری برگزار شود", "speaker": "حسین شریفی"}]}
    rec = {"quotes": [{"text": "این خبر از اساس کذب و بدون پایه است.", "speaker": "حسین شریفی"},
                      {"text": "فدراسیون به دنبال مربی تازه‌ای است", "speaker": None}]}
    s = score_article(gold, rec)
    assert [t for _, _, t in s["unfound"]] == ["قرار است دوشنبه هفته پیش رو نشست دیگری برگزار شود"]
    assert [t for _, _, t in s["spurious"]] == ["فدراسیون به دنبال مربی تازه‌ای است"]


def test_statement_listing_is_refused_on_held_out_splits():
    runner = CliRunner()
    for args in (["--split", "test"], ["--split", "test3"], ["--split", "test4"], []):
        res = runner.invoke(main, ["eval", "attribution", str(REPO / "eval" / "attribution_gold"), "--statements", *args])
        assert res.exit_code != 0 and "refused" in (res.output + str(res.exception))


def found(text: str, content: str) -> dict | None:
    """The statement whose text holds ``content`` (spaces and half-spaces ignored)."""
    key = "".join(content.split()).replace("\u200c", "")
    for s in statements(text):
        if key in "".join(s["text"].split()).replace("\u200c", ""):
            return s
    return None


def test_honorific_and_literary_speech_verbs():
    # «فرمود / می‌فرماید» (fars-news-2 #64), «خاطرنشان ساخت» (fars-news-2 #32)
    text = ("حیات برزخی در روایات\n\nامام صادق(ع) در تفسیر این آیه می‌فرماید: منظور از «روح و ریحان»، آرامش و شادابی "
            "در عالم قبر است، و مقصود از بهشت پرنعمت، بهشت آخرت می‌باشد.\n\nیوسف الناصری نماینده کردهای عراق در "
            "توصیف حق شهروندی اکراد در عراق خاطرنشان ساخت: امروزه کشوری در جهان وجود ندارد که رییس جمهورش کرد باشد.")
    q = found(text, "منظور از «روح و ریحان»، آرامش و شادابی")
    assert q is not None and q["kind"] == "direct" and "صادق" in (q["speaker"] or "")
    q = found(text, "امروزه کشوری در جهان وجود ندارد")
    assert q is not None and q["speaker"] == "یوسف الناصری"


def test_claims_reports_and_stated_figures():
    text = ("آخوندی هم‌چنین مدعی بود که «آزادسازی قیمت‌ها مرحله نخست نوسازی صنعت هوانوردی است».\n\n"
            "رسانه‌های ترکیه روز جمعه گزارش دادند باشگاه گالاتاسرای با به خدمت گرفتن شجو نخستین بازیکن جدید فصل "
            "آینده خود را معرفی خواهد کرد.\n\nاین مقام عالی‌رتبه انتظامی ارزش محموله قاچاق کشف شده توسط پلیس "
            "امنیت اقتصادی را ۲۴ میلیارد ریال ذکر کرد.")
    assert found(text, "آزادسازی قیمت‌ها مرحله نخست نوسازی صنعت هوانوردی است") is not None
    assert found(text, "باشگاه گالاتاسرای با به خدمت گرفتن شجو") is not None
    assert found(text, "توسط پلیس امنیت اقتصادی را ۲۴ میلیارد ریال ذکر کرد") is not None


def test_passive_without_ke_has_no_speaker_and_participles_are_no_statements():
    text = ("منچستریونایتد به دنبال ماریو گومز\n\nگفته می‌شود شیاطین سرخ مایل به جذب مهاجم آلمانی بشیکتاش هستند.\n\n"
            "در حالیکه گفته می‌شد سجاد مردانی به باکو نخواهد رفت، این دو تکواندوکار این موضوع را رد کردند.\n\n"
            "مطالب گفته شده در این جلسه به اطلاع همه مدیران استان رسید.")
    q = found(text, "شیاطین سرخ مایل به جذب مهاجم آلمانی بشیکتاش هستند")
    assert q is not None and q["speaker"] is None and q["kind"] == "indirect"
    assert found(text, "سجاد مردانی به باکو نخواهد رفت") is not None
    assert found(text, "در این جلسه به اطلاع همه مدیران") is None


def test_stressing_a_noun_phrase_is_a_reported_statement():
    # «با تأکید بر + noun phrase» (a stance) is reported; the phrase runs to the speech verb of the clause
    text = ("مدیر کل شیلات استان گلستان با تاکید بر توجه جدی دولت نهم به نظرات و نیازهای مردم افزود: از نظر "
            "مسئولان اداره کل شیلات گلستان رسیدگی به نامه‌های مردم از اهمیت خاصی برخوردار است.\n\n"
            "عضو حزب الکرامه مصر با تاکید بر تدوین قانون اساسی جدید، مخالفت خود را با اصلاحات قانون اساسی اعلام کرد.")
    texts_ = [s["text"] for s in statements(text)]
    assert "توجه جدی دولت نهم به نظرات و نیازهای مردم" in texts_
    assert "تدوین قانون اساسی جدید" in texts_


def test_colon_quote_goes_on_over_the_speakers_own_sentences():
    # varzesh3-1 #491: «او …» inside the quote is the speaker talking of Benzema, not the writer going on
    text = ("کوواچیچ: بازی مقابل بیلبائو واقعا سخت بود\n\nستاره کروات در مورد کریم بنزما هم چنین گفت:\" بنزما "
            "باورنکردنی است. او همچون رونالدو، در اکثر گل هایی که به ثمر می رسانیم، نقش اصلی را دارد.\"\n\n"
            "سرپرست باشگاه سپاهان گفت: با این بازیکن مذاکره کردیم. بارها اعلام کردیم باشگاه می‌تواند قراردادهای خود را اعلام "
            "کند. او همچنین گفت که اردوی تیم در ترکیه برگزار می‌شود.")
    q = found(text, "بنزما باورنکردنی است")
    assert q is not None and "نقش اصلی را دارد" in q["text"]
    q = found(text, "با این بازیکن مذاکره کردیم")
    assert q is not None and "قراردادهای خود را" in q["text"] and "اردوی تیم" not in q["text"]


def test_straight_quote_runs_over_paragraphs_to_its_close():
    # varzesh3-2 #39: «نیمار گفت: "… ⏎⏎ … "» — one statement over two paragraphs
    text = ("نیمار: برزیل یکی از کاندیداهای فتح جام جهانی است\n\nنیمار گفت: \"تیته فوتبال برزیل را تغییر داد. او "
            "سرمربی بسیار توانایی است.\n\nمن رابطه بسیار خوبی با تیته دارم. روزهای خوب برزیل دوباره آغاز شده است.\"\n\n"
            "برزیل در مقدماتی جام جهانی صدرنشین است.\n\nیک منبع در مجلس نمایندگان عراق گفت: \"محمود المشهدانی\" "
            "رئیس مجلس تصمیم گرفت جلسه روز چهارشنبه را به نهم ماه سپتامبر موکول کند.")
    q = found(text, "تیته فوتبال برزیل را تغییر داد")
    assert q is not None and "روزهای خوب برزیل دوباره آغاز شده است" in q["text"]
    assert "صدرنشین" not in q["text"]
    q = found(text, "محمود المشهدانی")
    assert q is not None and "سپتامبر موکول کند" in q["text"]


def test_a_request_of_someone_is_a_statement():
    # fars-news-1 #35 and the Etemad report on «دریاخواری»; a list of headlines asks nothing
    text = ("سخنگوی کمیسیون آموزش مجلس از هیأت رئیسه خواست این کمیسیون به عنوان کمیسیون اصلی بررسی کننده طرح جهش "
            "تولید دانش‌بنیان‌ها در نظر گرفته شود.\n\nاو از مردم خواست در صورت رویت هرگونه تخلف زیست‌محیطی، سازمان "
            "را در جریان قرار دهند و با دعوت از مردم به شرکت در چالش معرفی ناهنجاری‌ها، خواست طبق سنت چالش‌ها "
            "سه نفر دیگر را نامزد کنند.\n\n-فرستادگان ویژه آمریکا به پاکستان از این کشور خواستند تا نفوذ خود به خاک "
            "هند را متوقف کند.")
    q = found(text, "این کمیسیون به عنوان کمیسیون اصلی بررسی کننده")
    assert q is not None and q["kind"] == "indirect"
    q = found(text, "در صورت رویت هرگونه تخلف زیست‌محیطی")
    assert q is not None and q["text"].endswith("در جریان قرار دهند")
    assert found(text, "نفوذ خود به خاک هند را متوقف کند") is None


def test_topics_pointed_at_and_things_known_are_no_statements():
    text = ("استاندار چهارمحال و بختیاری گفت: این استان برای سرمایه‌گذاری در حوزه گردشگری بسیار مستعد است.\n\n"
            "وی به قابلیت‌های گردشگری شهر گردشگرپذیر سی‌سخت اشاره کرد.\n\nوی همچنین به اینکه اعتبارات عمرانی "
            "امسال برای تکمیل طرح‌ها کافی نیست اشاره کرد.\n\nنریمانی برای انتشار کتابش عجله‌ای ندارد چون می‌داند "
            "گردآوری و چاپ چنین کتابی مجال کافی می‌خواهد.\n\nبازیکن پرسپولیس گفت: با تمام وجود بازی کردم. همان "
            "چیزی که مربیان از من خواستند آنچه در توان داشتم به نمایش گذاشتم.")
    assert found(text, "قابلیت‌های گردشگری شهر گردشگرپذیر") is None
    assert found(text, "اعتبارات عمرانی امسال برای تکمیل طرح‌ها کافی نیست") is not None
    assert found(text, "گردآوری و چاپ چنین کتابی مجال کافی") is None
    q = found(text, "با تمام وجود بازی کردم")
    assert q is not None and "به نمایش گذاشتم" in q["text"]


def test_content_may_open_with_a_preposition_after_the_verb():
    # meidan006, fars-news-2 #25: «اعلام کرد از آنجایی که …», «معتقد است با جذب …»
    text = ("امروز احمد توکلی نیز اعلام کرد از آنجایی که همه اعضای مجمع تشخیص مصلحت نظام بالای ۵۰ سال سن دارند، "
            "جلسه‌های این نهاد به‌دلیل آلودگی هوای تهران تعطیل شده است.\n\nمعاون باشگاه بایرن مونیخ معتقد است با "
            "جذب رناتو سانچس باشگاهش سرمایه‌گذاری کلانی انجام داد.\n\nمن تا چند روز قبل معتقد به همان شیوه دفاع در "
            "جنگ بودم.")
    q = found(text, "از آنجایی که همه اعضای مجمع تشخیص مصلحت نظام")
    assert q is not None and q["speaker"] == "احمد توکلی"
    assert found(text, "با جذب رناتو سانچس باشگاهش سرمایه‌گذاری کلانی انجام داد") is not None
    assert found(text, "همان شیوه دفاع") is None


def test_paragraphs_in_the_first_person_go_on_with_the_colon_quote():
    # fars-news-2 #298: the official goes on in the next paragraph («ما شاهد … بوده‌ایم»); the report's own
    # paragraph after it does not
    text = ("انتقال زندانیان تهران از البرز\n\nمدیرکل زندان‌های البرز از انتقال زندانیان خبر داد.\n\n"
            "این مسئول اظهار داشت: ما به دنبال اجرای هر چه بهتر زندانبانی اسلامی و نزدیکتر شدن به استانداردهای "
            "جهانی هستیم.\n\nدر روزهای آغازین امسال ما شاهد انتقال محکومان استان تهران از ندامتگاه‌های کرج به استان "
            "تهران بوده‌ایم.\n\nاستان البرز حدود سه میلیون نفر جمعیت دارد و سومین استان پرجمعیت کشور است.")
    q = found(text, "ما به دنبال اجرای هر چه بهتر زندانبانی اسلامی")
    assert q is not None and "از ندامتگاه‌های کرج" in q["text"] and "سه میلیون" not in q["text"]


def test_hope_and_this_point_clauses_are_reported():
    # fars-news-2 #22 «با ابراز امیدواری از اینکه …», varzesh3-2 #205 «ضمن اشاره به این موضوع که …»
    text = ("مشرف با ابراز امیدواری از اینکه دولت جدید آرامش، رشد اقتصادی و مبارزه علیه تروریسم را حفظ کند، "
            "گفت: پاکستان به ثبات نیاز دارد.\n\nسوال بعدی از قلعه نویی در مورد تعویق لیگ بود. او ضمن اشاره به این "
            "موضوع که این تعویق به ضرر تیمش خواهد بود، گفت: ما برنامه خود را داریم.")
    assert found(text, "دولت جدید آرامش، رشد اقتصادی و مبارزه علیه تروریسم را حفظ کند") is not None
    assert found(text, "این تعویق به ضرر تیمش خواهد بود") is not None


def test_stances_joined_by_va_and_with_kard_left_out():
    # fars-news-2 #84 («… بیان کرد و … را … برشمرد») and #263 («… را … عنوان و افزود»)
    text = ("زارع با استقبال از همکاری با گروه پیشگامان کویر، یکی از اهداف بنیاد نخبگان را گسترش خدمات در سطح استان از طریق دفاتر خدمات بنیاد بیان کرد و تعامل "
            "با گروه پیشگامان کویر را گامی موثر در این راستا برشمرد.\n\nوی توجه به قرآن و نماز را از موارد ویژه و "
            "پراهمیت برای نسل جوان عنوان و افزود: در طول عمر انقلاب شاهد پیشرفت‌های زیادی بوده‌ایم.\n\n"
            "احمدی نژاد صادقانه حرف‌ها را بیان کرد.")
    got = texts(text)
    assert any(t.startswith("تعامل با گروه پیشگامان کویر") for t in got)
    assert any("گسترش خدمات در سطح استان" in t and t.endswith("بیان کرد") for t in got)
    assert found(text, "توجه به قرآن و نماز را از موارد ویژه") is not None
    assert found(text, "صادقانه حرف‌ها") is None


def test_a_second_verb_of_saying_ends_the_first_content_and_passive_auxiliaries_say_nothing():
    # varzesh3-2 #149; an Etemad op-ed («اغراق نباشد که گفته شود، …»)
    text = ("رونالدو روز گذشته در واکنش به سوالات خبرنگاران گفت که وجدانش آسوده است و مرتکب تخلف نشده و امروز با "
            "انتشار عکس زیر در اینستاگرام خود نوشت که برخی مواقع سکوت کردن، بهترین پاسخ است.\n\nشاید اغراق نباشد "
            "که گفته شود، بیکاری یکی از چند مساله مهم و اصلی کشور است.")
    got = texts(text)
    assert "وجدانش آسوده است و مرتکب تخلف نشده" in got
    assert any(t.startswith("برخی مواقع سکوت کردن") for t in got)
    assert not any(t.startswith("شود") for t in got)


def test_ba_bayan_inke_clause_ends_at_the_comma_after_its_verb():
    # fars-news-2 #157: what follows the comma is the report going on, not the clause said
    text = ("معاون فنی و عملیات سازمان اورژانس کشور با بیان اینکه با راه‌اندازی اورژانس هوایی چندین زایمان موفق داخل "
            "بالگرد اتفاق افتاده است، در ادامه در پاسخ به سئوالی درباره رها شدن مصدومان حوادث ترافیکی پاسخ داد.")
    assert "با راه‌اندازی اورژانس هوایی چندین زایمان موفق داخل بالگرد اتفاق افتاده است" in texts(text)


def test_a_view_stated_in_a_noun():
    # meidan025: «استدلال این استاد دانشگاه … این است که «…»»; «مشکل این است که …» is nobody's view
    text = ("حسین راغفر، استاد دانشگاه، از افزایش یارانه‌ها انتقاد کرد. استدلال این استاد دانشگاه برای انتقاد از "
            "افزایش یارانه‌ها این است که «دولت با کسری بودجه شدید روبه‌رو است و پرداخت همین مبالغ هم معلوم نیست».\n\n"
            "مشکل این است که بودجه شهرداری محدود است.")
    q = found(text, "دولت با کسری بودجه شدید روبه‌رو است")
    assert q is not None and q["speaker"] == "حسین راغفر"
    assert found(text, "بودجه شهرداری محدود است") is None


def test_speaking_of_something_says_nothing_after_it():
    # etemad058: «… که مدیرکل دفتر بازرسی سازمان محیط زیست از آن سخن می‌گوید، واژه‌ای هم ردیف زمین‌خواری …»
    text = ("دریاخواری، واژه‌ای جدید است که مدیرکل دفتر بازرسی سازمان محیط زیست از آن سخن می‌گوید، واژه‌ای هم ردیف "
            "زمین‌خواری که دریاخواران با بر هم زدن اکوسیستم دریا، محیط زیست دریایی را به خطر می‌اندازند.\n\n"
            "مدیرکل دفتر بازرسی سازمان محیط زیست درباره این پدیده سخن گفت: دریاخواری در شمال کشور ادامه دارد.")
    assert found(text, "واژه‌ای هم ردیف زمین‌خواری") is None
    assert found(text, "دریاخواری در شمال کشور ادامه دارد") is not None


def test_words_after_a_colon_run_up_to_the_next_paragraphs_own_attribution():
    # fars-news-2 #64: «… چنین فرمود: ⏎⏎ ای اهل چاه … یافتم. عده‌ای گفتند: …»
    text = ("دلایل حیات برزخی\n\nپس از پایان یافتن جنگ بدر، پیامبر کنار چاه ایستاد و چنین فرمود:\n\nای اهل چاه آیا "
            "آنچه را خدا وعده داده بود دریافتید که حق است، من وعده پروردگارم را حق و قطعی یافتم. عده‌ای گفتند: ای "
            "رسول خدا، آیا آنان سخن شما را می‌شنوند؟")
    q = found(text, "ای اهل چاه آیا آنچه را خدا وعده داده بود")
    assert q is not None and q["text"].endswith("حق و قطعی یافتم.") and q["verb"] == "فرمود"
    assert found(text, "ای رسول خدا، آیا آنان سخن شما را می‌شنوند") is not None
