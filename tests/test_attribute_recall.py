"""Statement recall: verbs of saying and stance constructions, and the press-conference topic layout.

Sentences are from Fars / Varzesh3 news (the corpora of ../shared and the retired val / test2 dev splits).
"""
from __future__ import annotations

from goftar.api import read_text, record
from goftar.attribute.evaluate import core, same_person


def statements(text: str) -> list[dict]:
    rec = record(read_text(text))
    return list(rec.get("quotes") or []) + list(rec.get("reported_statements") or [])


def test_topic_colon_paragraphs_go_on_with_the_press_conference_speaker() -> None:
    # Varzesh3: after «… در نشست خبری این بازی گفت:«…»», each paragraph «topic:«answer»» is the same coach's answer
    text = ("زیدان: همیشه گفته‌ام گواردیولا بهترین است\n\n"
            "زین الدین زیدان سرمربی رئال در نشست خبری این بازی گفت:« لیگ قهرمانان همیشه برای رئال و هواداران، "
            "یک تورنمنت ویژه است.»\n\n"
            "رویارویی با پپ گواردیولا:« این یک بازی بین رئال و سیتی است نه بین من و گواردیولا. این یک فوتبال خوب "
            "است و همیشه مشتاق تجربه چنین دیدارهایی هستیم.»\n\n"
            "کلاس با گواردیولا در مونیخ(سال 2015 زمانی که زیدان به دنبال اخذ مدرک مربیگری بود):« او با ما کاملا "
            "صادق بود. دو روز در مونیخ بودم و نکات زیادی یاد گرفتم.»")
    got = {core(s["text"])[:12]: s["speaker"] for s in statements(text)}
    for opening in ("این یک بازی بین رئال", "او با ما کاملا صادق"):
        assert same_person(got.get(core(opening)[:12]), "زین الدین زیدان")


def test_a_topic_colon_needs_a_colon_quote_before_it_and_no_clause() -> None:
    # a list of winners («1- در بخش بهترين فيلم: «…»») and a paragraph with no colon quote before it are no answers;
    # «… میکروفن را در دست گرفت:«…»» is a clause with its own subject
    text = ("اسکار ۲۰۰۵\n\nنامزدهای اسکار اعلام شدند.\n\n"
            "در بخش بهترين فيلم: «راه‌هاي يكطرفه»، «ري» و «نوزاد يك ميليون دلاري».")
    assert statements(text) == []
    text = ("رئال قهرمان شد\n\nپرز گفت: « این یک شب تاریخی است.»\n\n"
            "در نهایت، این ایکر کاسیاس، کاپیتان ماتادورها بود که میکروفن را در دست گرفت:« کاپیتان بودن در چنین "
            "تیمی، افتخار بزرگی است.»")
    assert all(not core(s["text"]).startswith(core("کاپیتان بودن")) or not same_person(s["speaker"], "پرز")
               for s in statements(text))


def test_denials_and_accusations_are_stances() -> None:
    # Varzesh3 / Fars: «… مذاکره با این بازیکنان را رد کرد», «… بریتانیا را به … متهم کرد»
    st = statements("حدیث زیادی درباره جذب بازیکنان سرباز به گوش می‌رسد اما باشگاه تراکتورسازی تبریز مذاکره با "
                    "این بازیکنان را رد کرد.")
    assert len(st) == 1 and core(st[0]["text"]).endswith(core("با این بازیکنان را رد کرد"))
    assert "گوش" not in st[0]["text"]  # the stance is the clause «اما» opens
    st = statements("لئو وردکار نخست‌وزیر ایرلند در نشست خبری بریتانیا را به نداشتن برنامه‌ای واقع‌گرایانه متهم کرد.")
    assert len(st) == 1 and same_person(st[0]["speaker"], "لئو وردکار")
    # turning an offer down is no statement
    assert statements("وی سال گذشته پیشنهاد چلسی برای در اختیار گرفتن این بازیکن را رد کرده بود.") == []


def test_praise_and_satisfaction_name_what_was_said_after_az() -> None:
    st = statements("مائوریتزیو ساری، سرمربی یوونتوس، از عملکرد بازیکنانش ابراز رضایت کرد.")
    assert [core(s["text"]) for s in st] == [core("از عملکرد بازیکنانش ابراز رضایت کرد")]
    st = statements("بنجامین مندی، مدافع منچسترسیتی از این ناکامی سیتی به عنوان یک ناکامی تلخ یاد کرد.")
    assert len(st) == 1 and same_person(st[0]["speaker"], "بنجامین مندی")
    # «از شهدا یاد کرد» remembers them: nothing said
    assert statements("استاندار در این مراسم از شهدای دفاع مقدس یاد کرد.") == []


def test_new_verbs_of_saying() -> None:
    # «تبیین کرد:», «تهدید کرد اگر …», «فاش کرد …», «ادعا می‌کردند …» (past progressive)
    st = statements("نماینده ولی فقیه در استان کردستان تبیین کرد: توت فرنگی میوه ای ارزشمند است که خواص مصرف آن "
                    "برای سلامتی بسیار بالا است.")
    assert len(st) == 1 and st[0]["kind"] == "direct"
    st = statements("نشریه اسپورت هم فاش کرد مسی و انریکه دیگر با هم صحبت نمی کنند.")
    assert [core(s["text"]) for s in st] == [core("مسی و انریکه دیگر با هم صحبت نمی کنند")]
    st = statements("مدیران استقلال ادعا می‌کردند قراردادی یک‌ونیم ساله با شفر امضا کرده‌اند.")
    assert len(st) == 1 and core(st[0]["text"]).startswith(core("قراردادی یک‌ونیم ساله"))
    # the present «… را تهدید می‌کند» is a danger, not words; «نمی‌توان پیش‌بینی کرد» is nobody's
    assert statements("این وضعیت سلامت روحی و روانی زندانیان را به شدت تهدید می‌کند و باید فکری کرد.") == []


def test_a_modal_verb_of_saying_does_not_end_a_quote() -> None:
    # Varzesh3: «… بیان کرد: سپاهان بهتر … است. اما تا لیگ شروع نشود نمی‌توان پیش‌بینی کرد. …» is one quote
    st = statements("قلعه نویی حرف هایش را ادامه داد و بیان کرد: سپاهان بهتر از سال‌های گذشته شده است. اما تا لیگ "
                    "شروع نشود نمی‌توان پیش‌بینی کرد. باید یک سوم از لیگ سپری شود تا عیار تیم‌ها مشخص شود.")
    assert len(st) == 1 and core(st[0]["text"]).endswith(core("عیار تیم‌ها مشخص شود."))


def test_a_document_that_carries_words() -> None:
    # «در بخش ديگري از اين مطلب آمده است:», «… در بخشی از گزارش خود آورده است:»
    st = statements("فدراسیون جهانی بسکتبال در بخشی از گزارش خود آورده است: شاید همه از قدرت تیم ملی بسکتبال برزیل "
                    "آگاه باشند.")
    assert len(st) == 1 and st[0]["kind"] == "direct"


def test_interview_answers_go_on_with_the_one_interviewed() -> None:
    # Fars: a telephone interview printed as «*question ⏎⏎ answer», after «… گفت‌وگویی … که متن آن را در زیر
    # می‌خوانید»; the reader reading is no stance, each question is one statement of the interviewer (never the
    # coach's: the gold of such interviews has them), each answer is the coach's
    text = ("قلعه نویی: انگار مرتکب جنایت شده‌ام\n\n"
            "خبرگزاری فارس: علی دایی سرمربی تیم فوتبال استقلال گفت: من یک امتیاز در دربی گرفتم.\n\n"
            "به گزارش خبرگزاری فارس، وی شب گذشته گفت و گویی با برنامه نود به صورت تلفنی انجام داد که متن آن را در "
            "زیر می خوانید؛\n\n"
            "*شما گفته بودید استقلال 500 پاس در دربی داده است؟\n\n"
            "این آمار را براساس نرم افزاری که دانشجویان دانشگاه شریف ارایه کرده بودند دادم.\n\n"
            "• به نظر شما دربی خوب بود؟\n\n"
            "من تمام ابزار هجومی ام را در زمین گذاشتم و شاهد یک بازی درگیرانه بودیم.\n\n"
            "• قرار است در نشست انجمن ورزشی نویسان شرکت کنید.\n\n"
            "بحث ادله نبود و به من زنگ زدند.")
    st = statements(text)
    assert not any("خوانید" in (s["verb"] or "") for s in st)
    asked = [s for s in st if core(s["text"]).startswith(core("شما گفته بودید"))]
    assert len(asked) == 1 and asked[0]["kind"] == "direct" and not same_person(asked[0]["speaker"], "علی دایی")
    answers = [s for s in st if core(s["text"]).startswith((core("این آمار"), core("من تمام ابزار"), core("بحث ادله")))]
    assert len(answers) == 3 and all(same_person(s["speaker"], "علی دایی") for s in answers)


def test_bulleted_points_are_no_interview() -> None:
    # a list of points with bullets and no questions answered is no interview
    text = ("اهم مصوبات\n\nوزیر کشور گفت: این مصوبات اجرا می‌شود.\n\n* افزایش حقوق کارکنان\n\n"
            "* تمدید مهلت ثبت‌نام\n\n* ساخت مدرسه در روستاها\n\nجلسه ساعت ۱۲ به پایان رسید.")
    assert not any(core(s["text"]).startswith(core("جلسه ساعت")) for s in statements(text))


def test_with_a_denial_or_praise_the_noun_phrase_is_reported() -> None:
    # Fars / Varzesh3: «با تكذيب خبر … گفت: …», «با تمجید از امکانات … گفت: …», «با محکوم کردن جنایات … اظهار داشت»
    st = statements("مدير گروه كوهنوردي دانشگاه شيراز با تكذيب خبر برخي رسانه‌ها در خصوص ناپديد شدن اعضاي گروه "
                    "كوهنوردي اين دانشگاه گفت: به دليل سوء تفاهم پيش‌آمده، گروه امداد چنين اعلام كرده بود.")
    assert any(core(s["text"]).startswith(core("خبر برخي رسانه‌ها در خصوص")) for s in st)
    st = statements("دروازه‌بان ملی‌پوش تیم فوتبال سپاهان با تمجید از امکانات اردوی تیم ملی در آفریقای جنوبی گفت: "
                    "این اردو به درد تیم ملی می‌خورد.")
    assert any(core("امکانات اردوی تیم ملی") in core(s["text"]) and s["kind"] == "indirect" for s in st)
    # a phrase pointing back says nothing; «پس از اعلام …» is a time
    st = statements("وی با اعلام این خبر گفت: تیم ملی فردا به تهران باز می‌گردد.")
    assert len(st) == 1
    st = statements("پس از اعلام نتایج انتخابات شورای شهر در روز جمعه، نامزدها به دفتر فرمانداری رفتند و شکایت "
                    "کردند.")
    assert st == []


def test_praise_taken_up_with_pardakht() -> None:
    # Varzesh3: «کافو به تمجید از میلان و گتوزو پرداخت و مدعی شد …»; not «به گفت‌وگو / بازی پرداختند»
    st = statements("حال کافو به تمجید از میلان و گتوزو پرداخت.")
    assert [core(s["text"]) for s in st] == [core("به تمجید از میلان و گتوزو پرداخت")]
    assert statements("بازیکنان پس از تمرین به گفت‌وگو با هواداران پرداختند.") == []


def test_a_quote_runs_on_over_sentences_that_only_tell() -> None:
    # Fars: «… اظهار داشت: این خبر … است. به طور کلی … اسکوچیچ … صحبت‌های خود را مطرح کرد. قرار است …» is one quote
    st = statements("حسین شریفی سرپرست روابط عمومی فدراسیون فوتبال به خبرنگار فارس اظهار داشت: این خبر از اساس کذب "
                    "و بدون پایه است. به طور کلی دیدگاه آقای عزیزی خادم تغییر در نیمکت تیم ملی نیست و اتفاقا دو شب "
                    "پیش هم آقای اسکوچیچ سرمربی تیم ملی جلسه‌ای با رئیس فدراسیون داشت و در مورد شرایط تیم ملی "
                    "صحبت‌های خود را مطرح کرد. قرار است دوشنبه هفته پیش رو هم نشست دیگری برگزار شود.")
    assert len(st) == 1 and core(st[0]["text"]).endswith(core("نشست دیگری برگزار شود"))
    # Varzesh3: a sentence after first-person words is the speaker still talking («ما … داریم؛ اسدی وقتی … گفت …»)
    st = statements("سرمربی سپاهان توضیح داد: با آقای اسدی مذاکراتی انجام دادیم. ما چارچوب مالی داریم؛ به عنوان "
                    "نمونه اسدی وقتی مبلغ بالایی گفت از سوی سپاهان این مبلغ تایید نشد. همچنان ضرورت خرید دو بازیکن "
                    "وجود دارد.")
    assert len(st) == 1 and core(st[0]["text"]).endswith(core("ضرورت خرید دو بازیکن وجود دارد"))
    # a sentence opening with a name is someone's new statement
    st = statements("معاون سازمان شیلات اعلام کرد: روند آزادسازی صیادان به کندی پیش می‌رود. علی اصغر مجاهدی، معاون "
                    "سازمان شیلات همچنین از توافق با وزارت کشور برای جبران خسارت‌ها خبر داده است.")
    assert len(st) == 2


def test_a_quote_in_guillemets_is_whole() -> None:
    # Varzesh3: «… گفت: «هرگز … تکذیب می‌کنیم. شهرداری تبریز … اعلام کرد. من قویا اعلام می‌کنم …»»
    st = statements("سپهر، مدیر رسانه‌ای ماشین‌سازی در این باره به ورزش سه گفت: «هرگز بحث انحلال وجود ندارد. "
                    "شهرداری تبریز همه جوره از ماشین‌سازی حمایت خواهد کرد و این را شهردار نیز اعلام کرد. من قویا "
                    "اعلام می‌کنم ماشین‌سازی به کارش ادامه می‌دهد.»")
    assert len(st) == 1 and core(st[0]["text"]).endswith(core("ماشین‌سازی به کارش ادامه می‌دهد"))


def test_a_promise_with_its_object_before_the_verb() -> None:
    # Fars / Varzesh3: «… در این بازدید به مسئولان قول مساعدت … را داد», «… قول یک عیدی بزرگ … را داده بود»
    st = statements("دبیر مجمع تشخیص مصلحت نظام نیز در این بازدید به مسئولان قول مساعدت، تعامل و پیگیری برای رفع "
                    "مشکلات شهرستان مسجدسلیمان را داد.")
    assert [core(s["text"]) for s in st] == [core("قول مساعدت، تعامل و پیگیری برای رفع مشکلات شهرستان مسجدسلیمان را داد")]
    # the verb of a relative clause («… که به او قول داده بودند») promises nothing here
    assert statements("بازیکنی که باشگاه به او قول تمدید قرارداد را داده بود، دیروز جدا شد.") == []


def test_as_the_leader_said_stays_in_the_quote() -> None:
    st = statements("حبيبي افزود: كارنامه مثبت دولت به اين معنا نيست كه نقدي بر آن وارد نيست. همانطور كه مقام "
                    "معظم رهبري در ديدار با هيئت دولت فرمودند، تا فساد مالي هست كارها به ثمر نمي‌رسد.")
    assert len(st) == 1 and core(st[0]["text"]).endswith(core("كارها به ثمر نمي‌رسد"))


def test_source_cues_of_persian_rst_attributions() -> None:
    # Varzesh3 / Meidan: «بنا به اعلام مسئولان باشگاه ماشین سازی، …», «بنابر اظهارات مسیولان آبفای آبادان «…»»
    st = statements("بنا به اعلام مسئولان باشگاه ماشین سازی، شهرداری تبریز برنامه ای برای انحلال این باشگاه ندارد.")
    assert len(st) == 1 and same_person(st[0]["speaker"], "مسئولان باشگاه ماشین سازی")
    assert core(st[0]["text"]).startswith(core("شهرداری تبریز برنامه ای"))
    # with no comma nor «…» where the source ends is unsure: nothing
    assert statements("بنابر اعلام وزارت بهداشت میانگین شاخص آلودگی هوا در تمام ایستگاه‌های تهران ۱۷۵ بوده است.") == []


def test_a_position_announced_about_something_is_no_stance() -> None:
    # Varzesh3: «باشگاه تراکتورسازی تبریز موضع خود را درباره جذب بازیکنان سرباز اعلام کرد»: about what, not what
    assert statements("باشگاه تراکتورسازی تبریز موضع خود را درباره جذب بازیکنان سرباز اعلام کرد.") == []
    assert statements("باشگاه تراکتورسازی تبریز موضع خود را در خصوص جذب بازیکنان سرباز اعلام کرد.") == []


def test_words_after_a_colon_paragraph_end_where_the_writer_resumes() -> None:
    # Fars: «علامه طبرسی در تفسیر مجمع البیان می‌گوید: ⏎⏎ اکثر مفسرین متفق‌اند … ⏎⏎ با توجه به آیات دیگری …»
    text = ("عالم برزخ\n\nعلامه طبرسی در تفسیر مجمع البیان می‌گوید:\n\n"
            "اکثر مفسرین متفق‌اند که منظور از آخرت در آیه فوق، عالم قبر است.\n\n"
            "با توجه به آیات دیگری در قرآن، این تفسیر نزد مفسران پذیرفته شده است.")
    st = statements(text)
    assert len(st) == 1 and core(st[0]["text"]).endswith(core("عالم قبر است"))
    # paragraphs in the speaker's voice (first person) go on with the words
    text = ("سخنان وزیر\n\nوزیر کشور در این مراسم گفت:\n\nامروز شرایط کشور خوب است.\n\n"
            "ما همه تلاش خود را برای آرامش مردم به کار می‌گیریم.")
    st = statements(text)
    assert len(st) == 1 and core(st[0]["text"]).endswith(core("به کار می‌گیریم"))


def test_what_the_news_say_and_passive_accusations() -> None:
    # Fars: «در این خبرها آمده است که …» (a document, nobody named); Varzesh3: «… رئال متهم شده که …»
    st = statements("در روزهای اخیر اخباری درباره مذاکره با برانکو منتشر شده است. در این خبرها آمده است که "
                    "فدراسیون به دنبال این است که هدایت تیم ملی را به او بسپارد.")
    assert len(st) == 1 and st[0]["speaker"] is None and core(st[0]["text"]).startswith(core("فدراسیون به دنبال"))
    st = statements("فوق ستاره پرتغالی رئال متهم شده که بین سال های 2011 تا 2014 بخشی از درآمد خود را از اداره "
                    "مالیات اسپانیا مخفی کرده است.")
    assert len(st) == 1 and st[0]["speaker"] is None
    # «شایعاتی به وجود آمده که …» came into being: no document speaks
    st = statements("به گزارش ورزش سه، شایعاتی به وجود آمده که آبی ها قصد دارند چپاروف را آزاد کنند.")
    assert all(s["verb"] != "آمده" for s in st)


def test_summoning_is_no_stance_and_an_object_after_but_is_no_subject() -> None:
    # Varzesh3: «… بازیکنان جوان و مستعد را نیز به اردوهای تیم‌ملی فرا می‌خواند»: summons, says nothing
    assert statements("کی‌روش از بازیکنان باتجربه استفاده می‌کند، اما بازیکنان جوان و مستعد را نیز به اردوهای "
                      "تیم‌ملی فرا می‌خواند.") == []
    # «…، اما مدیران باشگاه را متهم کرد»: the role after «اما» is the object; the subject is before
    st = statements("کی روش سرمربی تیم ملی از بازیکنان قدیمی دفاع کرد، اما مدیران باشگاه را متهم کرد.")
    assert len(st) == 1 and same_person(st[0]["speaker"], "کی‌روش")
    assert core(st[0]["text"]) == core("مدیران باشگاه را متهم کرد")


def test_this_bulletin_is_the_outlet_named_before() -> None:
    # Fars: «بولتن دانشمندان اتمی آمریکا … نوشت: … ⏎⏎ به نوشته این بولتن، …»: the bulletin, not «این بولتن»
    text = ("بمب اتمی ایران\n\nبولتن دانشمندان اتمی آمریکا در گزارشی نوشت: ایران هنوز بمب اتمی ندارد.\n\n"
            "به نوشته این بولتن، پیشرفت‌های ایران هیچ یک از مقامات آژانس را شگفت زده نکرده بود.")
    st = statements(text)
    last = [s for s in st if core(s["text"]).startswith(core("پیشرفت‌های ایران"))]
    assert len(last) == 1 and same_person(last[0]["speaker"], "بولتن دانشمندان اتمی آمریکا")
