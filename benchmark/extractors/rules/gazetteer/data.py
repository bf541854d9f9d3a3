"""Hand-written word lists for the gazetteer baseline (benchmark/extractors/rules/gazetteer/extractor.py).

Everything here is written from general knowledge of Arabic and of the world,
never read off the benchmark's gold annotations or its news corpus. Country
names themselves come from CLDR through Babel at run time; this file only adds
what CLDR lacks (short and alternative spellings), cities and regions, and the
word classes the ORG designator grammar needs.

Spelling: entries are written the usual way; the matcher normalizes both the
entries and the text (diacritics and tatweel dropped, أ/إ/آ/ٱ -> ا, ى -> ي),
so hamza and alef-maqsura variants need no separate entry. Variants that differ
in letters (أمريكا / أميركا, هونغ / هونج) do.
"""

from __future__ import annotations

# fmt: off
# (Word tables, laid out by hand, several entries a line with their comments: the
# formatter would put one entry a line and triple the file.)

# --- LOC --------------------------------------------------------------------

# CLDR territory codes that are not a location a news reader would tag LOC:
# pseudo-locales, "unknown region", "the world", outlying-Oceania, and
# organizations CLDR happens to list as territories (they go to ORG below).
EXCLUDED_TERRITORY_CODES = frozenset({
    "001",  # العالم - "the world", a common noun in news
    "QO", "XA", "XB", "ZZ",
    "EU", "UN",  # الاتحاد الأوروبي, الأمم المتحدة: organizations
    "EZ",  # منطقة اليورو: the guidelines mark only [اليورو], see CONTEXT_LOC
    "ML",  # مالي (Mali) is also the adjective "financial": fatal in financial news
})

# CLDR territory codes whose CLDR name is kept as ORG instead of LOC.
TERRITORY_CODES_AS_ORG = frozenset({"EU", "UN"})

# Short and alternative names CLDR (as Babel exposes it) lacks.
COUNTRY_VARIANTS = (
    # United States
    "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية", "أمريكا", "أميركا",
    # United Kingdom
    "بريطانيا", "بريطانيا العظمى", "إنجلترا", "إنكلترا",
    # Gulf (Saudi Arabia's short form السعودية is handled by AMBIGUOUS_LOC)
    # (Generic words before a name stay outside it: دولة [قطر], مدينة [جدة].)
    "الإمارات", "عمان",
    # Levant, Iraq, Egypt, Maghreb
    "سورية", "فلسطين", "جمهورية مصر العربية", "المملكة الأردنية الهاشمية",
    "المملكة المغربية", "الجمهورية اليمنية",
    # Asia
    "الصين الشعبية", "كوريا", "قازاخستان", "قازاقستان", "قرغيزستان", "بنجلاديش",
    "بورما", "هونج كونج", "هونغ كونغ", "ماكاو", "تيمور الشرقية", "إيران",
    # Europe
    "الدنمارك", "الدنمرك", "جمهورية التشيك", "المجر", "بيلاروسيا", "روسيا البيضاء",
    "روسيا الاتحادية", "لوكسمبورج", "بولونيا", "هولاندا", "إيرلندا الشمالية",
    # Africa
    "الكونغو", "الكونغو الديمقراطية", "جمهورية الكونغو الديمقراطية", "كوت ديفوار",
    "أثيوبيا",
    # Americas and Oceania
    "باراجواي", "الأوروغواي", "أوروغواي", "الإكوادور", "استراليا",
)

# Names that are LOC only when they are not an adjective agreeing with the
# noun before them: السعودية is the usual short name of Saudi Arabia but also
# the feminine nationality adjective (الشركة السعودية = "the Saudi company").
AMBIGUOUS_LOC = ("السعودية",)

# Words that are LOC only right after a given area word, which stays outside
# the span (guidelines: منطقة [اليورو]; bare اليورو is the currency).
CONTEXT_LOC = {"اليورو": ("منطقة",)}

# Capitals and economic centres, in the usual Arabic news spelling. Names that
# are also frequent common words are left out on purpose (العين "the eye",
# الخبر "the news", العقبة "the obstacle", ينبع "springs", سرت, صور, المدينة).
CITIES = (
    # Saudi Arabia
    "الرياض", "جدة", "الدمام", "مكة المكرمة", "مكة", "المدينة المنورة", "الظهران",
    "الجبيل", "تبوك", "أبها", "نيوم", "الأحساء", "القصيم", "حائل", "جازان", "جيزان",
    "نجران", "عسير", "الباحة", "رابغ", "الطائف", "القطيف", "خميس مشيط",
    # United Arab Emirates
    "دبي", "أبوظبي", "أبو ظبي", "الشارقة", "عجمان", "رأس الخيمة", "الفجيرة", "أم القيوين",
    # Qatar, Bahrain, Oman, Kuwait
    "الدوحة", "المنامة", "مسقط", "صلالة", "صحار", "الدقم",
    # Iraq, Levant
    "بغداد", "البصرة", "أربيل", "الموصل", "كركوك", "دمشق", "حلب", "بيروت", "عمّان",
    "كربلاء", "النجف", "السليمانية", "الأنبار", "كردستان", "إقليم كردستان", "حمص", "اللاذقية",
    "القدس", "غزة", "رام الله", "الضفة الغربية", "قطاع غزة",
    # Egypt, Sudan, Yemen, Somalia
    "القاهرة", "الإسكندرية", "الجيزة", "السويس", "بورسعيد", "بور سعيد", "الإسماعيلية",
    "أسوان", "شرم الشيخ", "العين السخنة", "العاصمة الإدارية الجديدة", "الخرطوم",
    "الغردقة", "العلمين", "دمياط", "طنطا",
    "صنعاء", "عدن", "الحديدة", "مقديشو",
    # Maghreb
    "الرباط", "الدار البيضاء", "طنجة", "مراكش", "فاس", "أغادير", "وهران", "صفاقس",
    "طرابلس", "بنغازي", "مصراتة", "نواكشوط",
    # Europe
    "لندن", "باريس", "برلين", "فرانكفورت", "ميونخ", "هامبورغ", "روما", "ميلانو",
    "مدريد", "برشلونة", "لشبونة", "أمستردام", "بروكسل", "زيورخ", "جنيف", "دافوس",
    "فيينا", "ستوكهولم", "أوسلو", "كوبنهاغن", "هلسنكي", "وارسو", "براغ", "بودابست",
    "أثينا", "موسكو", "سانت بطرسبرغ", "كييف", "إسطنبول", "اسطنبول", "أنقرة", "دبلن",
    "لوكسمبورغ", "أدنبرة", "اسكتلندا", "إسكتلندا", "ويلز", "بافاريا", "كتالونيا",
    # Asia
    "طهران", "كابول", "إسلام آباد", "كراتشي", "لاهور", "نيودلهي", "نيو دلهي", "دلهي",
    "مومباي", "بنغالور", "بكين", "شنغهاي", "شنتشن", "قوانغتشو", "هونغ كونغ", "طوكيو",
    "أوساكا", "سول", "سيول", "كوالالمبور", "كوالا لمبور", "جاكرتا", "مانيلا", "بانكوك",
    "هانوي", "أستانا", "نور سلطان", "ألماتي", "طشقند", "باكو", "تبليسي", "يريفان",
    "بيشكيك", "دوشانبي", "عشق آباد", "أولان باتور", "دكا", "كولومبو",
    "بندر عباس", "عبادان", "شينجيانغ", "قوانغدونغ",
    # Americas
    "واشنطن", "نيويورك", "شيكاغو", "لوس أنجلوس", "لوس أنجليس", "سان فرانسيسكو",
    "هيوستن", "بوسطن", "ميامي", "دالاس", "سياتل", "تورنتو", "تورونتو", "أوتاوا",
    "مونتريال", "فانكوفر", "مكسيكو سيتي", "ساو باولو", "ريو دي جانيرو", "برازيليا",
    "بوينس آيرس", "بوينوس آيرس", "سانتياغو", "بوغوتا", "ليما", "كاراكاس",
    "كاليفورنيا", "تكساس", "فلوريدا", "ألاسكا", "ديلاوير", "نيوجيرسي", "نيو جيرسي",
    "ماساتشوستس", "نيفادا", "أريزونا", "أوهايو", "ميشيغان", "بنسلفانيا", "فرجينيا",
    "كولورادو", "إلينوي", "لويزيانا", "أوكلاهوما", "نورث داكوتا",
    # Africa, Oceania
    "جوهانسبرغ", "جوهانسبرج", "كيب تاون", "لاغوس", "أبوجا", "نيروبي", "أديس أبابا",
    "أكرا", "داكار", "دار السلام", "سيدني", "ملبورن", "أوكلاند",
    # Greenwich, the reference of "بتوقيت غرينتش" (guidelines 4: a place in a
    # time expression is LOC).
    "غرينتش", "جرينتش", "غرينيتش",
)

# IANA zones whose Arabic exemplar-city name CLDR gives (Babel: Locale('ar').
# time_zones[zone]['city']) and that name a capital or financial centre. A
# whitelist, because the full list holds names that are everyday Arabic words
# (Samara = سمراء "brown", Nome = نوم "sleep", Mahe = ماهي "what is it").
TIME_ZONE_CITIES = (
    "Europe/London", "Europe/Paris", "Europe/Berlin", "Europe/Rome", "Europe/Madrid",
    "Europe/Lisbon", "Europe/Amsterdam", "Europe/Brussels", "Europe/Zurich", "Europe/Vienna",
    "Europe/Stockholm", "Europe/Oslo", "Europe/Copenhagen", "Europe/Helsinki", "Europe/Warsaw",
    "Europe/Prague", "Europe/Budapest", "Europe/Athens", "Europe/Moscow", "Europe/Kyiv",
    "Europe/Istanbul", "Europe/Dublin", "Europe/Bucharest", "Europe/Belgrade",
    "Asia/Riyadh", "Asia/Dubai", "Asia/Muscat", "Asia/Baghdad", "Asia/Damascus", "Asia/Beirut",
    "Asia/Amman", "Asia/Jerusalem", "Asia/Gaza", "Asia/Aden", "Asia/Tehran", "Asia/Kabul",
    "Asia/Karachi", "Asia/Dhaka", "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei",
    "Asia/Tokyo", "Asia/Seoul", "Asia/Singapore", "Asia/Kuala_Lumpur", "Asia/Jakarta",
    "Asia/Manila", "Asia/Bangkok", "Asia/Tashkent", "Asia/Almaty", "Asia/Baku", "Asia/Tbilisi",
    "Asia/Yerevan", "Asia/Bishkek", "Asia/Dushanbe", "Asia/Ashgabat",
    "Africa/Cairo", "Africa/Tripoli", "Africa/Tunis", "Africa/Algiers", "Africa/Casablanca",
    "Africa/Khartoum", "Africa/Nouakchott", "Africa/Lagos", "Africa/Nairobi",
    "Africa/Addis_Ababa", "Africa/Johannesburg", "Africa/Accra", "Africa/Dakar",
    "Africa/Djibouti", "Africa/Dar_es_Salaam",
    "America/New_York", "America/Chicago", "America/Los_Angeles", "America/Toronto",
    "America/Vancouver", "America/Mexico_City", "America/Sao_Paulo",
    "America/Argentina/Buenos_Aires", "America/Bogota", "America/Lima", "America/Santiago",
    "America/Caracas", "Australia/Sydney", "Australia/Melbourne", "Pacific/Auckland",
)

# Regions, seas, straits and economic areas. (CLDR's numeric regions add the
# continents and sub-continents: أفريقيا, آسيا, أوروبا, شرق آسيا ...)
REGIONS = (
    "الخليج", "الخليج العربي", "الخليج الفارسي", "الشرق الأوسط", "الشرق الأقصى", "المنطقة الشرقية",
    "شمال أفريقيا", "أوروبا", "أوربا", "آسيا", "أفريقيا", "آسيا الوسطى", "أوراسيا",
    "أمريكا اللاتينية", "أميركا اللاتينية", "أمريكا الشمالية", "أميركا الشمالية",
    "أمريكا الجنوبية", "أميركا الجنوبية", "البلقان", "القوقاز",
    "الشام", "بلاد الشام", "المغرب العربي", "الساحل الأفريقي",
    "البحر الأحمر", "البحر المتوسط", "البحر الأبيض المتوسط", "البحر الأسود",
    "بحر قزوين", "بحر الشمال", "بحر العرب", "بحر الصين الجنوبي", "مضيق هرمز",
    "باب المندب", "مضيق باب المندب", "قناة السويس", "قناة بنما", "المحيط الهندي",
    "المحيط الأطلسي", "المحيط الهادئ", "المحيط الهادي", "سيناء", "وادي السيليكون",
    # Asia-Pacific, also written with a hyphen (آسيا-المحيط الهادئ): the
    # matcher lets a hyphen stand between the words of a name.
    "آسيا المحيط الهادئ", "آسيا المحيط الهادي", "آسيا والمحيط الهادئ", "آسيا والمحيط الهادي",
    "شرق آسيا", "جنوب شرق آسيا", "غرب أفريقيا", "شرق أفريقيا", "شرق أوروبا", "غرب أوروبا",
    "جنوب آسيا", "غرب آسيا", "وسط آسيا", "جنوب أوروبا", "شمال أوروبا", "وسط أوروبا",
    "أمريكا الوسطى", "أميركا الوسطى", "القرن الأفريقي", "القرن الإفريقي", "البلطيق",
    "اسكندنافيا", "الكاريبي", "البحر الكاريبي", "الاتحاد السوفيتي", "الاتحاد السوفياتي",
)

# --- ORG: well-known organizations by name ----------------------------------

KNOWN_ORGS = (
    # International and regional bodies
    "صندوق النقد الدولي", "البنك الدولي", "مجموعة البنك الدولي", "منظمة التجارة العالمية",
    "أوبك", "أوبك+", "أوبك بلس", "منظمة الدول المصدرة للنفط", "منظمة الدول المصدرة للبترول", "منظمة البلدان المصدرة للبترول",
    "الاتحاد الأوروبي", "المفوضية الأوروبية", "البرلمان الأوروبي", "البنك المركزي الأوروبي",
    "مجلس التعاون الخليجي", "مجلس التعاون لدول الخليج العربية", "جامعة الدول العربية",
    "الجامعة العربية", "الأمم المتحدة", "مجلس الأمن", "منظمة الصحة العالمية",
    "وكالة الطاقة الدولية", "الوكالة الدولية للطاقة", "الوكالة الدولية للطاقة الذرية",
    "منظمة التعاون الاقتصادي والتنمية", "مجموعة العشرين", "مجموعة السبع", "بريكس", "آسيان",
    "منظمة شنغهاي للتعاون", "صندوق النقد العربي", "البنك الإسلامي للتنمية",
    "البنك الأفريقي للتنمية", "بنك التنمية الآسيوي", "البنك الآسيوي للاستثمار في البنية التحتية",
    "البنك الأوروبي لإعادة الإعمار والتنمية", "البنك الأوروبي للاستثمار",
    "مؤسسة التمويل الدولية", "حلف الناتو", "الناتو", "حلف شمال الأطلسي",
    "الاحتياطي الفيدرالي", "مجلس الاحتياطي الفيدرالي", "الاحتياطي الاتحادي",
    "الاحتياطي الفدرالي", "مجلس الاحتياطي الاتحادي", "مؤسسة النقد العربي السعودي", "ساما", "بنك إنجلترا", "بنك اليابان", "بنك التسويات الدولية",
    # Rating agencies, exchanges, news agencies
    # (Stock indices are not ORG: a match right after مؤشر is dropped.)
    "موديز", "ستاندرد آند بورز", "فيتش", "فيتش للتصنيفات الائتمانية", "ناسداك",
    "السوق المالية السعودية", "وول ستريت", "رويترز", "بلومبرغ", "بلومبيرغ", "فرانس برس", "وكالة فرانس برس",
    "أسوشيتد برس", "وكالة الأنباء السعودية", "وكالة أنباء الإمارات", "واس",  # not وام: folds with وأم "and mother"
    # Large companies usually named without a designator. Names that are also
    # common words are left out (تداول "trading", مبادلة "swap", إعمار
    # "reconstruction", معادن "metals", اتصالات "communications", القطرية).
    "أرامكو", "أرامكو السعودية", "سابك", "أدنوك", "موانئ دبي العالمية",
    "طيران الإمارات", "الخطوط الجوية القطرية", "الاتحاد للطيران", "قطر للطاقة",
    "قطر للبترول", "إس تي سي", "زين", "أبل", "آبل", "مايكروسوفت",
    "جوجل", "غوغل", "أمازون", "تسلا", "ميتا", "إنفيديا", "تويوتا", "سامسونج", "سامسونغ",
    "هواوي", "علي بابا", "بوينغ", "بوينج", "إيرباص", "توتال", "توتال إنرجيز", "إكسون موبيل",
    "شيفرون", "غازبروم", "روسنفت", "بريتيش بتروليوم", "جولدمان ساكس", "غولدمان ساكس",
    "جي بي مورغان", "جي بي مورجان", "مورغان ستانلي", "مورجان ستانلي", "سيتي جروب",
    "سيتي غروب", "إتش إس بي سي", "باركليز", "بلاك روك", "سوفت بنك", "دويتشه بنك",
    "نومورا", "يو بي إس", "كريدي سويس",
    # Variants of bodies above, and bodies the press names bare.
    "البنك العالمي",  # the World Bank, as the Maghreb press calls it
    "البريكس", "مجموعة بريكس", "الكونغرس", "الكونجرس", "داعش",
    "منظمة العمل الدولية", "منظمة الأغذية والزراعة", "اليونسكو",
    # Media: news channels and papers cited as sources.
    "سي إن إن", "بي بي سي", "cnn", "bbc", "العربية.نت", "العربية نت", "سكاي نيوز",
    "سكاي نيوز عربية", "فايننشال تايمز", "فاينانشال تايمز", "وول ستريت جورنال",
    "نيويورك تايمز", "واشنطن بوست", "فوربس", "شينخوا", "يونهاب", "إنترفاكس",
    # Oil and gas majors and national oil companies.
    "إيني", "رويال داتش شل", "بي بي", "إكوينور", "ريبسول", "كونوكو فيليبس",
    "أوكسيدنتال", "بتروناس", "سينوبك", "بتروتشاينا", "لوك أويل", "لوك اويل",
    "نوفاتك", "سوناطراك", "إنبكس", "أو إن جي سي", "دانة غاز",
    "أدنوك للتوزيع", "أدنوك البحرية", "أدنوك البرية", "أدنوك للحفر",
    # Technology, cars, industry.
    "شياومي", "سوني", "إنتل", "آي بي إم", "أوراكل", "سيسكو", "نتفليكس", "أوبر",
    "لينوفو", "نوكيا", "إريكسون", "كوالكوم", "تينسنت", "بايدو", "ألفابت", "إتش بي",
    "سامسونغ للإلكترونيات", "سامسونج للإلكترونيات",
    "فولكس فاجن", "فولكس فاغن", "فولكسفاجن", "فولكسفاغن", "جنرال موتورز", "فورد",
    "بي إم دبليو", "دايملر", "هيونداي", "هوندا", "رينو", "جنرال إلكتريك", "سيمنس", "سيمنز",
    # Banks, asset managers, research firms; Latin forms the press writes.
    "سيتي بنك", "ويلز فارغو", "بنك أوف أمريكا", "بنك أوف أميركا", "ستاندرد تشارترد",
    "بي إن بي باريبا", "سوسيتيه جنرال", "ميريل لينش", "بيركشاير هاثاواي",
    "كابيتال إيكونوميكس", "hsbc", "opec",
    # BloombergNEF, a research body distinct from Bloomberg (guidelines 3.1).
    "بلومبيرغ لتمويل الطاقة الجديدة", "بلومبرغ لتمويل الطاقة الجديدة",
    # Large listed companies of the Gulf (short names the press uses).
    "الاتصالات السعودية", "موبايلي", "أوريدو", "الكهرباء السعودية", "كهرباء السعودية",
    "المراعي", "صافولا", "سافكو", "ينساب", "سبكيم", "بترو رابغ", "بترورابغ",
    "إعمار العقارية", "الدار العقارية", "بوبا", "بوبا العربية", "stc",
    "الخطوط السعودية", "الخطوط الجوية السعودية", "الخطوط الجوية العربية السعودية",
    # Banks named by a definite head and one adjective, which the grammar
    # leaves alone because البنك المركزي is a description (guidelines 3.3).
    "البنك الأهلي", "البنك الأهلي التجاري", "البنك العربي", "البنك السعودي الفرنسي",
    "البنك السعودي البريطاني", "البنك السعودي الهولندي", "البنك التجاري الدولي",
    # Consumer and industrial multinationals.
    "نستله", "يونيليفر", "بروكتر آند غامبل", "كوكا كولا", "بيبسيكو", "ماكدونالدز",
    "ستاربكس", "وول مارت", "والمارت", "ديزني", "لوكهيد مارتن", "رايثيون",
    # More banks and rating firms, and news agencies' short forms.
    "جيه بي مورغان", "جيه بي مورجان", "جي بي مورغان تشيس", "إس آند بي", "إس آند بي غلوبال",
    "بلومبيرج", "أ ف ب", "د ب أ",
)

# --- ORG: the designator grammar --------------------------------------------

# Designator nouns, indefinite singular (the definite ال+noun form is derived;
# feminine ones end in ة). A designator is inside the ORG span, except
# indefinite شركة before a company's name (guidelines 3.2: شركة [جون دير]).
DESIGNATORS = (
    "شركة", "وزارة", "بنك", "مصرف", "مؤسسة", "صندوق", "هيئة", "مجلس", "منظمة", "جامعة",
    "مجموعة", "اتحاد", "وكالة", "بورصة", "صحيفة", "مجلة", "رابطة", "جمعية", "نقابة",
    "ديوان", "محكمة", "حزب",
)
# Always outside before a name: شركة (guidelines 3.2) and the newspaper heads
# (ANERcorp صحيفة/O فاينانشال تايمز 12 of 12; صحيفة "[القبس]").
DESIGNATORS_OUTSIDE_SPAN = ("شركة", "صحيفة", "مجلة")
# Duals that introduce two names joined by و: شركتي [مكة للإنشاء] و[جبل عمر].
DUAL_DESIGNATORS_OUTSIDE_SPAN = ("شركتي", "شركتا")
# Classifier heads (guidelines 3.1 deletion test): outside when what follows is
# a name the body goes by on its own, i.e. a known name or a Latin one
# (مؤسسة [بلومبيرغ]، بنك [HSBC]); وكالة also before a transliterated name
# (وكالة [وام]، وكالة [موديز]). Before a generic rest they stay inside
# (وكالة الأنباء السعودية، بنك الرياض). منظمة and مجموعة are not here: they
# are in the body's own name ([منظمة أوبك]، [مجموعة أدنوك]).
CLASSIFIER_DESIGNATORS = ("وكالة", "مؤسسة", "بنك", "مصرف")
TRANSLITERATION_CLASSIFIERS = ("وكالة",)
# Heads that name a body with a single qualifying adjective (guidelines 3.4:
# courts with a qualifying adjective are ORG): المحكمة العليا. The adjective
# must be a nationality or one of QUALIFIER_ADJECTIVES, so that an object
# after the subject (أحالت المحكمة القضية) is not read as one.
QUALIFIED_HEADS = ("محكمة",)
QUALIFIER_ADJECTIVES = frozenset({
    "العليا", "الدستورية", "الإدارية", "الاقتصادية", "التجارية", "الجنائية", "الابتدائية",
    "الاتحادية", "الفيدرالية", "الدولية", "العامة",
})

# Designators that are also everyday common nouns (سوق العمل "the labour
# market", جهاز "device", سلطة "authority/power"): a name after them counts
# only with evidence that only names have: a place, a ل-phrase (سوق مسقط
# للأوراق المالية), a Latin word or a legal-form word.
WEAK_DESIGNATORS = ("سوق", "غرفة", "جهاز", "سلطة")
# Of those, the market: with the article it needs a place, a Latin word or a
# legal form; a ل-phrase alone describes a market (السوق العالمية للهواتف الذكية).
MARKET_DESIGNATORS = ("سوق",)

# Designators whose names join portfolios with و (وزارة الاقتصاد والتخطيط).
COORDINATING_DESIGNATORS = ("وزارة",)

# Words that start no name right after an indefinite designator: it is then a
# common noun (مجلس إدارة "board of", شركة كبرى "a major company").
NOT_A_NAME_AFTER_DESIGNATOR = frozenset({
    "إدارة", "إدارتها", "إدارته", "أمناء",
    "كبرى", "كبيرة", "كبير", "صغيرة", "صغير", "جديدة", "جديد", "واحدة", "واحد", "أخرى", "آخر",
    "عالمية", "عالمي", "محلية", "محلي", "حكومية", "حكومي", "خاصة", "خاص", "ناشئة", "ناشئ",
    "عامة", "عام", "مدرجة", "مدرج", "مساهمة", "تابعة", "تابع", "أجنبية", "أجنبي",
    "رائدة", "رائد", "عملاقة", "عملاق", "متخصصة", "متخصص", "ضخمة", "ضخم", "قابضة",
    "متعددة", "مختلفة", "متنوعة", "واسعة", "كل", "أي", "بعض", "عدة",
    "محلفين", "مديرين", "وزراء", "مساهمين", "تصنيف", "أنباء",  # هيئة محلفين "a jury"، وكالة أنباء "a news agency"
    "نفط", "غاز", "طاقة", "تأمين", "تطوير", "استثمار", "طيران", "اتصالات", "تكنولوجيا",
    "تقنية", "أدوية", "سيارات", "عقارات", "تعدين", "شحن", "إنشاءات", "مقاولات", "صناعة",
})

# Definite words that end a name (legal forms and ordinal/elative parts of
# registered names) and count as evidence that it is a name.
LEGAL_FORM_WORDS = frozenset({"القابضة", "المحدودة"})
# Definite non-nisba words that continue a name (they are adjectives of it).
ORG_NAME_WORDS = frozenset({
    "العامة", "الأعلى", "العليا", "المتحدة", "القابضة", "المحدودة", "الأول", "الأولى", "الكبرى",
})

# Definite words ending in ي/ية that are nouns or time words, not adjectives,
# and so end an ORG name in a verb-subject-object sentence
# (وقعت وزارة المالية الاتفاقية).
NISBA_SHAPED_NOUNS = frozenset({
    "الاتفاقية", "الميزانية", "الموازنة", "الاستراتيجية", "الإستراتيجية", "الأولوية",
    "الإمكانية", "الملكية", "العملية", "العضوية", "الحرية", "الجمعية", "الهوية",
    "المسؤولية", "الأغلبية", "الغالبية", "البنية", "التحتية", "الرؤية", "الشفافية",
    "الفعالية", "الكمية", "الأهمية", "الحالي", "الماضي", "الجاري", "الثاني", "الثالث",
    "الرابع", "الحادي", "التالي", "التالية", "الحالية", "الماضية", "الجارية", "الثانية",
    "الأراضي", "المباني", "المعاني", "الأيدي", "القضية", "الجلسة",
})

# Indefinite Arabic nouns that head a construct inside an ORG name and so take
# a definite genitive after them (هيئة تنظيم الاتصالات، صندوق تنمية الموارد).
# Feminine nouns in ة are taken as construct heads without a list.
CONSTRUCT_HEADS = frozenset({
    "تنظيم", "تطوير", "شؤون", "تمويل", "ضمان", "استثمار", "أبحاث", "موانئ", "طيران",
    "نقل", "دعم", "تشجيع", "تحفيز", "إعمار", "بيت", "دار", "مركز", "معهد", "سوق",
    "رجال",  # مجلس رجال الأعمال، رابطة رجال الأعمال
})

# Definite genitives that make a designator a common noun, not a name: the
# board, the jury, the cabinet, the chambers (guidelines 3.3, 9.8).
NOT_A_NAME_GENITIVES = frozenset({
    "الإدارة", "المحلفين", "الأمناء", "الوزراء", "النواب", "الشيوخ", "المديرين",
    "المحافظين", "المساهمين", "الشركة", "الشركات", "البنوك", "المصارف",
})

# Sector nouns. After indefinite شركة, a sector noun alone describes
# ("شركة التأمين" = the insurance company); after a place or a name adjective
# with لل it names a listed company (السعودية للكهرباء، مكة للإنشاء).
SECTOR_NOUNS = frozenset({
    "تأمين", "تكافل", "كهرباء", "بتروكيماويات", "اتصالات", "إنشاء", "إنشاءات", "تعمير",
    "صناعات", "أسمنت", "إسمنت", "أغذية", "طيران", "شحن", "ملاحة", "تعدين", "عقارات",
    "أدوية", "إلكترونيات", "سيارات", "بترول", "غاز", "نفط", "طاقة", "مياه", "أسمدة",
    "فنادق", "سياحة", "مقاولات", "تكنولوجيا", "تقنية", "إعلام", "اتصال", "نقل", "تجزئة",
    "كيماويات", "تبريد", "زراعة", "حديد", "صلب",
})
# Sector nouns that are also goods or activities a country trades or visits
# for: after a place, لل + one of them is the object of a noun (تصدير روسيا
# للغاز، زيارة مصر للسياحة), so they name a company only after a name adjective.
COMMODITY_SECTORS = frozenset({
    "نفط", "غاز", "بترول", "طاقة", "كهرباء", "مياه", "حديد", "صلب", "أسمدة", "سيارات",
    "أغذية", "أدوية", "سياحة", "نقل", "شحن", "زراعة", "تكنولوجيا", "تقنية", "كيماويات",
})
# Verbal nouns that name a company only after a name adjective (الوطنية
# للاستثمار), not after a place, where لل + masdar reads "in order to"
# (سعت قطر للاستثمار).
SECTOR_MASDARS = frozenset({"استثمار", "تطوير", "تنمية", "تمويل", "تجارة", "تسويق", "خدمات"})

# Adjectives after a complete name that are attributes, outside the span
# (guidelines 3.2: [وكالة الأنباء القطرية] الرسمية).
TRAILING_ATTRIBUTES = frozenset({"الرسمية", "الرسمي"})

# Nationality adjectives (feminine) of countries with a single stock
# exchange: البورصة + one of them names that exchange (guidelines 3.4, 9.2:
# [البورصة القطرية]); the US, China, Canada, the UAE... have several.
SINGLE_EXCHANGE_NATIONALITIES = frozenset({
    "القطرية", "الكويتية", "البحرينية", "العمانية", "الأردنية", "المصرية", "اللبنانية",
    "التونسية", "المغربية", "الفلسطينية", "السعودية", "الجزائرية", "السورية", "العراقية",
    "التركية",
})

# --- LOC: designator + name ---------------------------------------------------

# Oil and gas fields, concessions, reservoirs (guidelines 4): the name is LOC,
# the designator outside: حقل "[ظهر]"، امتياز [زاكوم السفلي]. Duals take a
# quoted name only (ويمثل امتيازا "[أم الشيف ونصر]").
FIELD_DESIGNATORS = ("حقل", "امتياز", "مكمن")
FIELD_DUALS = ("حقلي", "حقلا", "امتيازي", "امتيازا")
# Words after which a toponym continues with a definite word (أم الشيف، رأس
# الخيمة), and the positional adjectives that complete a field name.
TOPONYM_CONSTRUCTS = frozenset({"أم", "أبو", "رأس", "جبل", "عين", "بئر", "وادي", "بحر"})
POSITION_ADJECTIVES = frozenset({
    "السفلي", "العلوي", "الشمالي", "الجنوبي", "الشرقي", "الغربي", "الأوسط",
    "السفلى", "العليا", "الشمالية", "الجنوبية", "الشرقية", "الغربية", "الوسطى",
})

# Nationality and regional adjectives, masculine (feminine = + ة). More are
# derived from the country names at run time (كازاخستان -> الكازاخستاني).
NATIONALITY_ADJECTIVES = (
    "السعودي", "الإماراتي", "القطري", "الكويتي", "البحريني", "العماني", "المصري",
    "الأردني", "اللبناني", "السوري", "العراقي", "اليمني", "الليبي", "التونسي",
    "الجزائري", "المغربي", "السوداني", "الموريتاني", "الفلسطيني", "الأمريكي", "الأميركي",
    "البريطاني", "الفرنسي", "الألماني", "الإيطالي", "الإسباني", "البرتغالي", "الهولندي",
    "البلجيكي", "السويسري", "النمساوي", "السويدي", "النرويجي", "الدنماركي", "الفنلندي",
    "اليوناني", "البولندي", "الروسي", "الأوكراني", "التركي", "الإيراني", "الإسرائيلي",
    "الصيني", "الياباني", "الكوري", "الهندي", "الباكستاني", "الإندونيسي", "الماليزي",
    "السنغافوري", "التايواني", "الأسترالي", "الكندي", "المكسيكي", "البرازيلي",
    "الأرجنتيني", "النيجيري", "الكيني", "الإثيوبي", "الكازاخستاني", "الكازاخي",
    "الأوزبكي", "الأذربيجاني", "الأوروبي", "الآسيوي", "الأفريقي", "الإفريقي", "الخليجي",
    "العربي", "الأمريكيين", "الأوروبيين",
)

# Words that end an ORG name: prepositions and particles, time words, amounts,
# and the most frequent reporting verbs (news Arabic often has the subject first).
NAME_STOP_WORDS = frozenset({
    "في", "من", "إلى", "على", "عن", "مع", "بين", "حول", "خلال", "منذ", "حتى", "لدى",
    "عند", "نحو", "ضد", "عبر", "بعد", "قبل", "أمام", "وراء", "دون", "تحت", "فوق", "ل", "ب",
    "أن", "إن", "أنه", "أنها", "إنه", "إنها", "التي", "الذي", "الذين", "اللذين", "اللتين",
    "ما", "لا", "لم", "لن", "قد", "كان", "كانت", "يكون", "تكون", "ليس", "ليست",
    "هو", "هي", "هم", "هذا", "هذه", "ذلك", "تلك", "كل", "أي", "بعض", "غير", "سوى",
    "له", "لها", "لهم", "به", "بها", "منه", "منها", "عنه", "عنها", "فيه", "فيها",
    "أو", "أم", "ثم", "بل", "لكن", "كما", "أيضا", "فقط", "حيث", "إذ", "إذا", "لو",
    "اليوم", "يوم", "أمس", "غدا", "الآن", "حاليا", "سابقا", "لاحقا", "مؤخرا",
    "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
    "العام", "الشهر", "الأسبوع", "السنة", "الماضي", "الماضية", "المقبل", "المقبلة",
    "الحالي", "الحالية", "الجاري", "الجارية",
    "الأخرى", "الآخر", "الأخير", "الأخيرة", "نفسها", "نفسه", "ذاتها", "ذاته",
    "ألف", "مليون", "مليار", "بليون", "تريليون", "دولار", "ريال", "درهم", "جنيه", "يورو",
    "دينار", "ليرة",
    "قال", "قالت", "أعلن", "أعلنت", "أكد", "أكدت", "أوضح", "أوضحت", "ذكر", "ذكرت",
    "أشار", "أشارت", "أضاف", "أضافت", "يعتزم", "تعتزم", "يقول", "تقول", "وقع", "وقعت",
    "بلغ", "بلغت", "سجل", "سجلت", "ارتفع", "ارتفعت", "انخفض", "انخفضت", "تراجع", "تراجعت",
    "أصدر", "أصدرت", "أطلق", "أطلقت", "حقق", "حققت", "يبلغ", "تبلغ", "رفع", "رفعت",
    "خفض", "خفضت", "أبقى", "أبقت", "توقع", "توقعت", "يتوقع", "تتوقع", "شهد", "شهدت",
    "يملك", "تملك", "يمتلك", "تمتلك", "استحوذ", "استحوذت", "باع", "باعت", "اشترى", "اشترت",
    "أبرم", "أبرمت", "تأسس", "تأسست", "يعمل", "تعمل", "يضم", "تضم",
})

# Words right before a name that make it part of something that is not an
# entity (guidelines 3.3): a stock index, a programme, a product.
NOT_ENTITY_BEFORE = frozenset({
    "مؤشر", "المؤشر", "مؤشرات", "برنامج", "البرنامج", "طائرات", "طائرة", "طراز",
    # Agreements and events named after a place (guidelines 3.3, 3.6): اتفاقية
    # باريس، منتدى قطر - ألمانيا، معرض دبي.
    "اتفاقية", "معاهدة", "منتدى", "مؤتمر", "معرض",
})

# Words after a number that make it an amount or a share, not a model number
# (وقدمت [توتال] 4.2 مليار; but ستاندرد آند بورز 500، بوينج 787).
AMOUNT_WORDS_AFTER_NUMBER = frozenset({
    "ألف", "آلاف", "مليون", "ملايين", "مليار", "مليارات", "بليون", "تريليون",
    "دولار", "دولارا", "ريال", "درهم", "جنيه", "يورو", "دينار", "ليرة", "ين", "يوان",
    "في", "بالمئة", "بالمائة", "%",
})

# A name keeps at most this many words after its designator.
MAX_NAME_WORDS = 6
