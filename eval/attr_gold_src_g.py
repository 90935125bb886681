# Held-out test split, third round (2026-11-29), annotated by reading the text only: goftar was never run on
# these articles and its output was never looked at. Selection fixed in advance (see attribution_gold/README.md):
# every persian_rst article not in the gold before (26), and 14 Fars news reports of fars-news-3.json.gz
# (bodies with «گفت» / «افزود» / «اظهار», indices shuffled by random.Random(2026), the first 14).
# Q(speaker, mention, mention_kind, kind, text-anchor) as in attr_gold_src_a; speaker None = no speaker.
from attr_gold_src_a import Q


def QA(s, m, mk, k, t, after):
    """Q whose anchor is searched only after ``after`` (the lead repeats the statement's first words)."""
    return {**Q(s, m, mk, k, t), "after": after}


# persian_rst articles (rs3 folder), all those not in the gold before
RST = {
"etemad001": dict(quotes=[], people=[], places=["ایران"]),  # op-ed, no attributed statement
"etemad003": dict(  # an MP's op-ed in the first person; «ما می‌گوییم» is the author (cf. «ما نمایندگان», etemad006)
 quotes=[Q("ما","ما","pronoun","indirect","این جریان نمی تواند در موضوع شفافیت آرای نمایندگان صداقت داشته باشد")],
 people=["فتحی"], places=["ایران"]),
"etemad004": dict(quotes=[], people=[], places=["ایران"]),
"etemad005": dict(
 quotes=[Q("همتی","جناب همتی","name","reported","از مدیریت نوسان‌های ارز توسط سیاست‌های ارزی سخن گفتند")],
 people=["همتی"], places=[]),
"etemad009": dict(quotes=[], people=[], places=["ایران"]),
"etemad012": dict(quotes=[], people=["ترامپ"], places=["کره شمالی","امریکا","کره","ایران"]),
"etemad014": dict(quotes=[], people=[], places=[]),
"etemad022": dict(
 quotes=[Q("وزیر آموزش و پرورش","وزیر آموزش و پرورش","role","reported","خواهان حذف «مشق شب» از مدارس شد")],
 people=[], places=[]),
"etemad023": dict(quotes=[], people=[], places=["ایران","افغانستان","اقلیم کردستان عراق","اقلیم کردستان"]),
"etemad025": dict(quotes=[], people=[], places=["خوزستان","کرمانشاه","کردستان","سر پل ذهاب"]),
"etemad026": dict(  # passive «ادعا شده»: no speaker
 quotes=[Q(None,"","none","indirect","مجموعه اسناد خارج شده ، مطالب حساسی است")],
 people=["سرافراز"], places=[]),
}
RST.update({
"etemad028": dict(quotes=[], people=["ترامپ"], places=["تنگه هرمز","ایران","عراق","خارک"]),
"etemad029": dict(quotes=[], people=["بهمن فرمان آرا","احمد پژمان"], places=[]),
"etemad030": dict(quotes=[], people=["قاسم افشار"], places=[]),  # a memoir in the first person
"etemad031": dict(quotes=[], people=[], places=[]),
"etemad032": dict(quotes=[], people=["ظریف"], places=["ایران"]),
"etemad033": dict(  # a group's stance («… به پای … می‌گذارند و چنین وانمود می‌کنند که …»)
 quotes=[Q("آن‌ها که با سازوکار مجلس آشنا نیستند","آن‌ها که با سازوکار مجلس آشنا نیستند","role","reported","این نوع مجادلات را به پای بحران سیاسی می‌گذارند"),
  Q("آن‌ها که با سازوکار مجلس آشنا نیستند","آن‌ها که با سازوکار مجلس آشنا نیستند","role","indirect","از سرریز دعواهای داخل نظام ، فضای مجلس متشنج می‌شود")],
 people=[], places=[]),
})
RST.update({
"etemad039": dict(
 quotes=[Q("مانویل کاستلز","مانویل کاستلز","name","reported","هم فرصت‌ها و هم تهدیدهای ناشی از در هم آمیختگی میان فضای اجتماعی ، سیاسی و مجازی را گوشزد می‌کند")],
 people=["مانویل کاستلز"], places=["ایران"]),
"etemad042": dict(quotes=[], people=["علینقی عالیخانی","محسن نوربخش"], places=["ایران"]),
"etemad043": dict(  # «بررسی‌های صورت گرفته نشان می‌دهد که …»: no speaker (cf. «خبرها نشان می‌دهد», meidan036)
 quotes=[Q(None,"","none","indirect","معمولا دو نوع خط فقر در کشور وجود دارد … و دیگری خط فقر حداکثری را")],
 people=[], places=[]),
"etemad047": dict(
 quotes=[Q("برخی از مقامات سازمان برنامه","برخی از مقامات سازمان برنامه","role","reported","منکر قانونی بودن اختصاص درآمدهای هلال احمر به ثبت اسناد هستند")],
 people=[], places=["بلوچستان","فارس","بندرعباس","بوشهر","کرمان","گیلان","آذربایجان","کردستان"]),
})
RST.update({
"etemad049": dict(
 quotes=[Q("وزیر خارجه ایالات متحده","وزیر خارجه ایالات متحده","role","reported","بر نبود مانع برای برقرارشدن روابط بانکی با ایران تاکید کرده است"),
  Q("برخی تحلیل‌های اخیر","برخی تحلیل‌های اخیر","role","reported","به ارتباط این کارشکنی با انتخابات ریاست جمهوری آمریکا اشاره می‌کند")],
 people=["ظریف"], places=["ایالات متحده","انگلستان","آلمان","ایتالیا","آمریکا","ایران"],
 events=[{"type": "meeting", "participants": ["رییس سازمان انرژی اتمی", "مقامات وزارت خزانه داری انگلستان"]}]),  # neither named
"etemad053": dict(  # «گفته می‌شود» and «بنا بر تخمین‌ها»: no speaker; the third opposing group's stance («… را … می‌دانند»)
 quotes=[Q(None,"","none","indirect","تعدادشان به ۳ میلیون نفر می‌رسد"),
  Q(None,"","none","indirect","بین ۵۰۰ هزار تا یک میلیون کودک و شاید هم بیشتر در این گروه قرار می‌گیرند"),
  Q("گروه سوم","گروه سوم","role","reported","آن‌ها را انسان درجه دوم می‌دانند")],
 people=[], places=["افغانستان","تهران","ایران"]),
"etemad055": dict(
 quotes=[Q("مهدی کروبی","مهدی کروبی","name","reported","خواستار رسیدگی به وضعیت بازداشت شدگان بود")],
 people=["مهدی کروبی","هاشمی رفسنجانی","سعید مرتضوی","میرحسین موسوی","زهرا رهنورد"], places=["کهریزک"]),
"etemad057": dict(  # «شنیده‌ها حاکی از آن است که …»: no speaker
 quotes=[Q(None,"","none","indirect","آقای رحمانی خلیلی مدیرعامل پیشین دخانیات … به دخانیات بازگشته است")],
 people=["رحمانی خلیلی"], places=["ایران"]),
})
RST.update({
"irantransportation": dict(quotes=[], people=[], places=["ژاپن","ایران"]),  # an op-ed in the first person
})

# Fars news reports of fars-news-3.json.gz (langml_fars_varzesh3_news), by index
F3 = "fars-news-3.json.gz"
NEWS = {
}
