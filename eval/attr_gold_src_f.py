# Third-round dev additions (2026-11-29), annotated by reading the text only (goftar was never run on these
# articles). Chosen for what the dev split lacked: newspaper reports and op-eds that bring in officials by role
# only («رییس‌جمهور», «یکی از مخالفان»), «وی / او» after a role, statements with no speaker («گفته می‌شود»), and
# news reports with several speakers (fars-news-2, varzesh3-2 of langml_fars_varzesh3_news, by index).
# Q(speaker, mention, mention_kind, kind, text-anchor) as in attr_gold_src_a; speaker None = no speaker.
from attr_gold_src_a import Q

# persian_rst articles (rs3 folder) not in the gold before
RST = {
"meidan034": dict(
 quotes=[Q("مرکز پژوهش‌های مجلس","مرکز پژوهش‌های مجلس","role","direct","اتخاذ تدابیر قانونی موثر … و منع اعطای عفو عمومی"),
  Q("کارشناسان مرکز پژوهش‌های مجلس","کارشناسان مرکز پژوهش‌های مجلس","role","reported","اجرای این کنوانسیون را نیازمند «عزم سیاسی» دانسته"),
  Q("کارشناسان مرکز پژوهش‌های مجلس","کارشناسان مرکز پژوهش‌های مجلس","role","indirect","در صورت عدم وجود چنین عزمی … به پیگرد قانونی برخی مقامات نیز منجر شود"),
  Q("شورای نگهبان","شورای نگهبان","role","direct","این طرح باعث افزایش هزینه عمومی است و طریق جبران آن مشخص نشده است"),
  Q("شورای نگهبان","شورای نگهبان","role","indirect","برای دولت ایران بار مالی به‌وجود می‌آورد")],
 people=["ستار بهشتی","زهرا کاظمی"],
 places=["ایران","کهریزک","عربستان","سومالی","پاکستان","افغانستان"]),
"meidan035": dict(quotes=[], people=[], places=["تهران"]),
"meidan036": dict(
 quotes=[Q("خبرها","خبرها","role","indirect","علت خودکشی این کارگر ، مخالفت با اعطای وام به او بوده است"),
  Q(None,"","none","indirect","علی اکبری ، کارگر پرسابقه این شرکت … بارها با رد این درخواست روبرو شده است")],
 people=["علی اکبری","یونس عساکره"], places=["تهران","خرمشهر","آق‌دره"]),
"etemad018": dict(
 quotes=[Q("یکی از مخالفان","یکی از مخالفان","role","indirect","چون استکبار جهانی به دنبال ایجاد ناامنی در کشور است ، نباید این طرح تصویب شود")],
 people=[], places=["اهواز","امریکا","ایران"]),
"etemad024": dict(
 quotes=[Q("فغانی","آقای فغانی","name","indirect","بازیکنان ما هم با داوران رفتار خوبی نداشتند")],
 people=["کی‌روش","وینگادا","فغانی","غفوری","حسینی"],
 places=["ایران","ژاپن","برزیل","آرژانتین","اسپانیا","ترکیه","استرالیا","کره جنوبی","عربستان"]),
"etemad034": dict(
 quotes=[Q("رییس‌جمهور","رییس‌جمهور","role","reported","از نظم بین‌الملل لیبرال و مدیر آن ایالات متحده انتقاد کرد")],
 people=["ترامپ"], places=["هند","ایران","حیدرآباد","چین","ایالات متحده","فرانسه","آسیا","شامات"]),
"etemad040": dict(
 quotes=[Q("مقام معظم رهبری و رییس جمهور","مقام معظم رهبری و رییس جمهور","role","indirect","باید مرز بندی شفاف میان اعتراض قانونی و تخریبگری داشته باشیم")],
 people=[], places=[]),
"etemad048": dict(
 quotes=[Q("روحانی","دکتر روحانی","name","reported","وعده بازگشایی انجمن را به روزنامه نگاران کشور داد"),
  Q("علی ربیعی","علی ربیعی","name","indirect","برای بازگشایی انجمن صنفی روزنامه نگاران ایران چهار بار … اما او مخالفت کرده است"),
  Q("دادستان تهران","دادستان تهران","role","indirect","نمی توان آن انجمن صنفی را بازگشایی کرد")],
 people=["روحانی","علی ربیعی"], places=["ایران","تهران"]),
}

# Fars / Varzesh3 news reports (langml_fars_varzesh3_news), by file and index
NEWS = {
}
