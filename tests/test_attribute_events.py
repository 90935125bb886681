"""Meetings, calls and visits (goftar.attribute.events) on real sentences of Fars / Varzesh3 reports.

Sentences come from fars-news-1/2 and varzesh3-1/2 of langml_fars_varzesh3_news (dev material), each read as a
short article (title line, blank line, body) the way the corpus articles are laid out.
"""
from __future__ import annotations

from goftar.api import read_text, record


def _events(body: str, title: str = "خبر") -> list[dict]:
    return record(read_text(f"{title}\n\n{body}"), with_raw=False)["events"]


def _has(events: list[dict], etype: str, *names: str) -> bool:
    return any(e["type"] == etype and all(any(n in p for p in e["participants"]) for n in names) for e in events)


def test_session_with_a_party_is_a_meeting():
    # «جلسه‌ای با X» (fars: varzesh3-1) — before, «جلسه» was no cue at all
    ev = _events("به گزارش \"ورزش سه\"، روز گذشته زلاتکو کرانچار در جلسه‌ای با منوچهر نیکفر رئیس هیئت مدیره "
                 "باشگاه سپاهان شرکت کرد و در پایان جلسه دو طرف به نتیجه‌ی واحدی رسیدند.")
    assert _has(ev, "meeting", "کرانچار", "نیکفر")


def test_council_session_and_press_conference_are_no_meetings():
    ev = _events("به گزارش خبرگزاری فارس از تبریز، رضا رضوانی ظهر امروز در نشست شورای عالی قشر بسیج کارگری "
                 "سپاه عاشورا اظهار کرد: امروز روز امتحان بزرگی برای ملت ایران است.\n\n"
                 "در این نشست که محمد اسماعیل سعیدی، نماینده مردم تبریز و عباس فلاح، نماینده مردم اهر و هریس "
                 "حضور داشتند، آمادگی خود را برای حل مشکلات کارگری کشور اعلام داشتند.")
    assert ev == []


def test_group_met_after_ba_is_a_participant():
    ev = _events("به گزارش خبرگزاری فارس از دشتستان، امرالله پاراد پیش از ظهر امروز در نشست با مسئولان و مردم "
                 "شبانکاره اظهار داشت: حضور در جمع مردم به منظور رسیدگی به مشکلات و دغدغه‌های مردم است.")
    assert _has(ev, "meeting", "امرالله پاراد", "مسئولان")


def test_verbal_cue_takes_the_party_before_it():
    # «X با Y دیدار و گفت و گو کرد»
    ev = _events("به گزارش خبرگزاری فارس از گنبدکاووس، جعفر ذوبی سرابی رئیس اداره اوقاف و امور خیریه "
                 "شهرستان‌های شرق استان گلستان با حجت‌الاسلام سیدعلی دلبری امام جمعه گالیکش دیدار و گفت و گو کرد.")
    assert _has(ev, "meeting", "ذوبی سرابی", "دلبری")


def test_planned_and_proposed_trips_are_no_events():
    ev = _events("وی با اشاره به سفر وزیر توسعه صنعت و تجارت برزیل که قرار است مهر ماه به ایران سفر کند، از "
                 "سفر وزیر کار این کشور به ایران در ماه‌های آینده خبر داد و از ظریف برای سفر به برزیل دعوت کرد.")
    assert [e for e in ev if e["type"] == "visit"] == []


def test_visit_destination_follows_the_traveller():
    ev = _events("خبرگزاری فارس: محمود احمدی‌نژاد رئیس جمهور کشورمان در دومین روز سفر خود به استان کردستان "
                 "وارد شهرستان سقز شد.")
    visits = [e for e in ev if e["type"] == "visit"]
    assert visits and visits[0]["place"] == "کردستان"
    # «سفر بوش به منطقه … اعتماد رهبران عرب به امریکا»: a place far after the cue is no destination
    far = _events("وی گفت: یکی از دلایل عمده سفر بوش برگرداندن اعتماد رهبران عرب به امریکا و اسرائیل در "
                  "شرایط کنونی است.")
    assert [e for e in far if e["type"] == "visit"] == []


def test_cue_inside_a_role_is_no_event():
    ev = _events("رئیسی حسنلنگی یادآور شد: خوشبختانه در جریان بازدید معاون سازمان گردشگری و رئیس ستاد "
                 "تسهیلات سفر به هرمزگان، نحوه خدمات‌رسانی ستادها مورد تقدیر قرار گرفت.")
    visits = [e for e in ev if e["type"] == "visit"]
    assert len(visits) == 1 and _has(visits, "visit", "معاون سازمان گردشگری")
    assert visits[0]["place"] == "هرمزگان"


def test_meeting_told_in_a_quote_is_the_tellers():
    # varzesh3-1: «من با … جلسه داشتم» inside Rahman Ahmadi's quote
    ev = _events("احمدی پاسخ داد: اصلا این طور نیست. من با کادر فنی و مدیریت باشگاه جلسه داشتم و باشگاه به "
                 "فدراسیون هم نامه زده بود.", title="رحمان احمدی: خودجوش به آفریقا نرفتم")
    assert _has(ev, "meeting", "احمدی", "کادر فنی")


def test_negotiations_with_a_party_are_a_meeting_but_an_interview_is_not():
    ev = _events("علی لاریجانی گفت: در این سفر حضور داشتم و با آقای عمرموسی مذاکراتی انجام دادیم و در سوریه با "
                 "آقای فاروق الشرع و نیروهای دیگر لبنانی گفتگوهایی انجام دادیم.")
    assert _has(ev, "meeting", "لاریجانی", "عمرموسی") and _has(ev, "meeting", "لاریجانی", "فاروق الشرع")
    interview = _events("مصطفی کارخانه در گفت‌وگو با خبرنگار ورزشی خبرگزاری فارس در آمل گفت: والیبال کشورمان از "
                        "ظرفیت بالایی برخوردار است.")
    assert [e for e in interview if e["type"] == "meeting"] == []


def test_pronoun_met_is_the_one_named_before():
    ev = _events("محمدرضا داورزنی گفت: والیبال اهمیت دارد.\n\nوی در ادامه با نقل خاطره‌ای از مقام معظم رهبری با "
                 "اشاره به دیداری که با ایشان داشتند، اضافه کرد: در جلسه‌ای خدمت ایشان بودیم.")
    assert _has(ev, "meeting", "داورزنی", "رهبری")


def test_traveller_written_as_plain_words():
    ev = _events("خبرگزاری فارس: مدیر کل هواشناسی چهار محال و بختیاری گفت: در سفر هیئت دولت به استان چهار محال "
                 "و بختیاری، 10 میلیارد ریال اعتبار برای خرید دستگاه‌ها اختصاص یافت.")
    assert _has(ev, "visit", "هیئت دولت")


def test_future_trip_and_colon_give_no_event():
    planned = _events("سفر انتخاباتی کروبی به مازندران در روزهای اول یا دوم پس از ثبت‌نام کاندیداهای "
                      "ریاست‌جمهوری صورت خواهد گرفت.")
    assert planned == []
    colon = _events("بهروز مکوندی درباره این دیدار گفت: بازیکنان محروم و مصدوم زیادی داشتیم.")
    assert colon == []


def test_headline_meeting_merges_with_the_body():
    # varzesh3-2: «ملاقات مدیر جدید پرسپولیس با بازیکنان» (title), then the body names the manager
    ev = _events("مدیرعامل جدید پرسپولیس با حضور در محل تمرین این تیم، با بازیکنان و اعضای کادرفنی دیدار کرد.\n\n"
                 "به گزارش \"ورزش سه\"، جعفر سمیعی، مدیرعامل جدید پرسپولیس امروز با حضور در محل تمرین "
                 "پرسپولیس با بازیکنان و اعضای کادرفنی دیدار کرد.",
                 title="ملاقات مدیر جدید پرسپولیس با بازیکنان")
    meetings = [e for e in ev if e["type"] == "meeting"]
    assert len(meetings) == 1 and _has(meetings, "meeting", "بازیکنان", "سمیعی")
