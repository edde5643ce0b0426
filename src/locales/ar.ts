/**
 * Arabic (العربية) interface words for every compassion-kit element; right to left.
 *
 * REVIEW NEEDED: written by the compassion-kit developers, not by a native speaker. Before a
 * clinic relies on it, a native Arabic speaker familiar with therapeutic language should read
 * every line (Modern Standard Arabic, calm and warm; the plural forms below follow CLDR's six
 * categories and deserve a careful look). Numbers are written with the digits `Intl` gives for
 * the page's `ar` tag; a clinic that prefers Western digits can use `ar-u-nu-latn`.
 */
import { JOURNAL } from './ar-journal.js';
import type { LocaleCatalog } from './registry.js';

const plural = new Intl.PluralRules('ar');
const num = new Intl.NumberFormat('ar');
/** The forms of a counted noun: one and two are whole words (no digit); few, many and other follow the number. */
type Noun = readonly [one: string, two: string, few: string, many: string, other: string];
const count = (n: number, [one, two, few, many, other]: Noun): string => {
  switch (plural.select(n)) {
    case 'one':
      return one;
    case 'two':
      return two;
    case 'few':
      return `${num.format(n)} ${few}`;
    case 'many':
      return `${num.format(n)} ${many}`;
    default:
      return `${num.format(n)} ${other}`;
  }
};
const MINUTE: Noun = ['دقيقة واحدة', 'دقيقتان', 'دقائق', 'دقيقة', 'دقيقة'];
const SECOND: Noun = ['ثانية واحدة', 'ثانيتان', 'ثوانٍ', 'ثانية', 'ثانية'];
const SESSION: Noun = ['جلسة واحدة', 'جلستان', 'جلسات', 'جلسة', 'جلسة'];
const STEP: Noun = ['خطوة واحدة', 'خطوتان', 'خطوات', 'خطوة', 'خطوة'];
const WEEK: Noun = ['أسبوع واحد', 'أسبوعان', 'أسابيع', 'أسبوعًا', 'أسبوع'];
const PROBLEM: Noun = ['مشكلة واحدة', 'مشكلتان', 'مشكلات', 'مشكلة', 'مشكلة'];

const catalog: LocaleCatalog = {
  dir: 'rtl',
  course: {
    loading: 'جارٍ تحميل الدورة…',
    weekLoading: 'جارٍ فتح الأسبوع…',
    loadErrorTitle: 'لا يمكن عرض هذه الدورة الآن',
    loadErrorIssues: (n) => `في ملف البرنامج ما يلي من المشكلات التي يجب إصلاحها (${count(n, PROBLEM)}):`,
    loadErrorInProvider: 'لا يمكن عرض الدورة لأن برنامجها لم يُحمَّل؛ الرسالة أعلاه توضح السبب.',
    retry: 'حاول مرة أخرى',
    weekOf: (n, total) => `الأسبوع ${num.format(n)} من ${num.format(total)}`,
    stepsDone: (done, total) => `أُنجزت ${num.format(done)} من ${count(total, STEP)}`,
    progressLabel: 'الخطوات المنجزة في البرنامج كله',
    allWeeksDone: (total) => `اكتملت الأسابيع كلها (${num.format(total)})`,
    startButton: 'ابدأ الأسبوع الأول',
    continueButton: 'تابِع',
    continueTarget: (week, step) => `الأسبوع ${num.format(week)}: ${step}`,
    register: 'سجّل في المجموعة',
    opensInNewTab: '(يُفتح في علامة تبويب جديدة)',
    weeksHeading: 'الأسابيع',
    weekLabel: (n) => `الأسبوع ${num.format(n)}`,
    weekState: { locked: 'لم يُفتح بعد', available: 'مفتوح', current: 'أسبوعك الحالي', done: 'مكتمل' },
    weekStepsDone: (done, total) => `أُنجزت ${num.format(done)} من ${count(total, STEP)}`,
    opensOn: (date) => `يُفتح في ${date}`,
    opensAfter: (previous) => `يُفتح عندما تُنهي الأسبوع ${num.format(previous)}`,
    opensWhenGroupStarts: 'يُفتح حين يُحدَّد تاريخ بدء مجموعتك',
    startDateMissing: 'تُفتح الأسابيع واحدًا تلو الآخر ابتداءً من تاريخ بدء مجموعتك، ولم يُحدَّد هذا التاريخ بعد.',
    startDateInvalid: (value) => `تاريخ البدء «${value}» ليس تاريخًا بالصيغة YYYY-MM-DD، لذلك لا يمكن فتح أي أسبوع بعد.`,
    unknownWeek: (id) => `لا يوجد «${id}» في هذا البرنامج، لذلك تُعرض نظرة عامة على الدورة بدلًا منه.`,
    allWeeks: 'كل الأسابيع',
    programCompleteTitle: 'لقد أكملت البرنامج',
    programCompleteBody: (weeks) =>
      `${count(weeks, WEEK)} من الالتفات إلى نفسك برفق. هذه التمارين لك: عُد إلى أي أسبوع، في أي وقت، كلما كان ذلك مفيدًا لك.`,
    revisit: 'عُد إلى الأسبوع الأول',
    storageMemory: (reason) => reason,
    storageOutdated: 'هناك نسخة أحدث من هذه الدورة مفتوحة في علامة تبويب أخرى. أعد تحميل هذه الصفحة لمواصلة حفظ تقدمك.',
    keyIdeas: 'أفكار أساسية',
    stepsHeading: 'خطوات هذا الأسبوع',
    stepKind: { read: 'اقرأ', meditate: 'استمع وتمرّن', reflect: 'تأمّل', practice: 'جرّب هذا الأسبوع' },
    doneCheckbox: 'أنجزت هذا',
    readCheckbox: 'قرأت هذا',
    reflectWithoutWriting: 'فكّرت في الأمر، لكنني لن أكتبه',
    answerSaved: 'إجابتك محفوظة، لذا اكتملت هذه الخطوة.',
    supportShort: 'الدعم',
    partsNav: 'هذا الأسبوع، جزءًا جزءًا',
    back: 'السابق',
    next: 'التالي',
    partLabel: 'الجزء',
    partPosition: (n, total) => `${num.format(n)} من ${num.format(total)}`,
    closeTitle: (n) => `ختام الأسبوع ${num.format(n)}`,
    closeDoneHeading: 'ما أنجزته هذا الأسبوع',
    closeNothingYet: 'كل جزء من هذا الأسبوع يبقى هنا من أجلك، متى أردته.',
    closePracticeHeading: 'للأيام القادمة',
    closeNextHeading: 'الأسبوع القادم',
    closeNextOpens: (n, date) => `يُفتح الأسبوع ${num.format(n)} في ${date}.`,
    closeLastWeek: 'هذا هو الأسبوع الأخير من البرنامج. تبقى كل الأسابيع مفتوحة لتعود إليها.',
    doneOn: (date) => `اكتمل في ${date}`,
    saving: 'جارٍ الحفظ…',
    saveFailed: (message) => `تعذّر حفظ تقدمك. ${message}`,
    noteLabel: 'ملاحظة لنفسك (اختيارية)',
    noteHint: 'كيف جرى الأمر؟ تبقى الملاحظة على هذا الجهاز.',
    saveNote: 'احفظ الملاحظة',
    noteSaved: 'حُفظت الملاحظة.',
    noteKept: 'الملاحظة محفوظة إلى أن تُغلق هذه الصفحة (غير محفوظة على هذا الجهاز).',
    noteRecovered: (time) => `استُعيدت الملاحظة التي كتبتها في الساعة ${time}.`,
    promptLabel: 'سؤال',
    playerLoading: 'جارٍ تجهيز التأمل…',
    playerMissing: 'مشغّل التأمل غير متاح في هذه الصفحة.',
    playerMissingHint: (title, minutes) => `لا يزال بإمكانك ممارسة «${title}» (نحو ${count(minutes, MINUTE)}) على طريقتك، ثم ضع علامة في المربع أدناه.`,
    journalLoading: 'جارٍ تجهيز يومياتك…',
    journalMissing: 'دفتر اليوميات غير متاح في هذه الصفحة.',
    journalMissingHint: 'يمكنك كتابة إجابتك على ورقة أو حيث تحتفظ بملاحظاتك، ثم ضع علامة في المربع أدناه.',
    meditationMissing: (id) => `تشير هذه الخطوة إلى تأمل («${id}») لا يتضمنه البرنامج.`,
    lockedWeekTitle: 'هذا الأسبوع لم يُفتح بعد',
    lockedWeekBody: 'حتى ذلك الحين، يمكنك العودة إلى أي أسبوع مفتوح.',
    weekNav: 'الأسبوعان السابق واللاحق',
    previousWeek: 'الأسبوع السابق',
    nextWeek: 'الأسبوع التالي',
    weekCompleteTitle: (n) => `اكتمل الأسبوع ${num.format(n)}`,
    weekCompleteBody: 'شكرًا لأنك خصّصت وقتًا لنفسك هذا الأسبوع. خذ لحظة، إن شئت، لتلاحظ كيف تشعر بذلك.',
    nextWeekReady: (n) => `الأسبوع ${num.format(n)} جاهز متى كنت مستعدًا.`,
  },
  player: {
    modeTitle: { guided: 'تأمل موجَّه', timer: 'مؤقّت للتمرين الصامت', breathing: 'تنفّس بإيقاع مهدّئ' },
    loadingProgram: 'جارٍ تحميل التأمل…',
    loadingPart: 'لحظة من فضلك…',
    partFailed: 'تعذّر تنزيل هذا الجزء من المشغّل. تحقّق من اتصالك وحاول مرة أخرى.',
    programFailed: () => 'لا يمكن تشغيل هذا التمرين الآن.',
    notSaving: 'لا يمكن حفظ تمرينك وموضعك في التسجيل على هذا الجهاز الآن، لكن يمكنك مواصلة الاستماع.',
    nothingToPlay: 'لا يوجد ما يُشغَّل بعد: يحتاج هذا المشغّل إلى meditation-id (مع برنامج) أو audio-src.',
    meditationMissing: (id, known) => `لا يحتوي هذا البرنامج على تأمل باسم «${id}».${known.length ? ` يحتوي على: ${known.join('، ')}.` : ''}`,
    play: 'تشغيل',
    pause: 'إيقاف مؤقت',
    back15: 'رجوع ١٥ ثانية',
    forward15: 'تقديم ١٥ ثانية',
    position: 'الموضع في التسجيل',
    elapsedOfTotal: (elapsed, total) => `${elapsed} من ${total}`,
    showTimeLeft: 'اعرض الوقت المتبقي',
    speed: 'السرعة',
    speedOption: (rate) => (rate === 1 ? 'عادية' : `${num.format(rate)}×`),
    volume: 'مستوى الصوت',
    volumeText: (percent) => new Intl.NumberFormat('ar', { style: 'percent' }).format(percent / 100),
    mute: 'كتم الصوت',
    loadingAudio: 'جارٍ تحميل التسجيل…',
    slowAudio: 'يستغرق هذا بعض الوقت؛ قد يكون الاتصال بطيئًا. تستمر المحاولة.',
    blocked: 'لم يسمح متصفحك ببدء الصوت تلقائيًا. اضغط «تشغيل» للبدء.',
    audioFailed: 'تعذّر تشغيل التسجيل.',
    retry: 'حاول مرة أخرى',
    offline: 'أنت غير متصل بالإنترنت. يمكن تشغيل تسجيل لم يُحمَّل بعد عند عودة الاتصال؛ المؤقّت ومرشد التنفّس يعملان دون اتصال.',
    resumePrompt: (time) => `توقفت في المرة السابقة عند ${time}.`,
    resumeFrom: (time) => `تابِع من ${time}`,
    startOver: 'ابدأ من جديد',
    finishForNow: 'أنهِ الآن',
    ended: 'انتهى التسجيل. شكرًا لأنك خصّصت هذا الوقت لنفسك.',
    chapters: 'الفصول',
    transcript: 'النص المكتوب',
    showTranscript: 'اعرض النص المكتوب',
    hideTranscript: 'أخفِ النص المكتوب',
    transcriptLoading: 'جارٍ تحميل النص المكتوب…',
    transcriptFailed: 'تعذّر تحميل النص المكتوب؛ يستمر تشغيل التسجيل.',
    transcriptEmpty: 'لا يحتوي هذا النص المكتوب على أي كلمات.',
    cueAt: (time) => `شغّل من ${time}`,
    stats: (minutes, sessions) => `هذا الأسبوع: ${count(minutes, MINUTE)} من التمرين. المجموع: ${count(sessions, SESSION)}.`,
    logged: (minutes) => `أُضيف إلى سجل تمرينك: ${count(minutes, MINUTE)}.`,
    logFailed: (message) => `تعذّرت إضافة تمرينك إلى السجل: ${message}`,
    checkInTitle: 'كيف تشعر الآن؟',
    checkInHint: 'اختياري. لمسة واحدة تحفظه بخصوصية في يومياتك على هذا الجهاز.',
    checkInChoices: ['أهدأ', 'كما كنت تقريبًا', 'مضطرب', 'ألطف مع نفسي', 'نعسان'],
    checkInEntryTitle: (practice) => `بعد التمرين: ${practice}`,
    noteLabel: 'هل تودّ تدوين شيء؟ (اختياري)',
    saveNote: 'احفظ الملاحظة',
    notNow: 'ليس الآن',
    checkInSaved: 'حُفظ في يومياتك.',
    noteSaved: 'حُفظت الملاحظة في يومياتك.',
    checkInKept: 'أُضيف إلى يومياتك إلى أن تُغلق هذه الصفحة (غير محفوظ على هذا الجهاز).',
    noteKept: 'الملاحظة محفوظة إلى أن تُغلق هذه الصفحة (غير محفوظة على هذا الجهاز).',
    saving: 'جارٍ الحفظ…',
    checkInFailed: (message) => `تعذّر حفظ ما شعرت به: ${message}`,
    timerLength: 'المدة',
    minutesUnit: 'دقائق',
    customLength: 'أو اكتب مدة (١–٦٠)',
    lengthInvalid: 'اكتب عددًا صحيحًا من الدقائق بين ١ و٦٠.',
    lengthChanged: (minutes) => `يعمل المؤقّت من دقيقة إلى ٦٠ دقيقة كاملة، لذلك ضُبط على ${count(minutes, MINUTE)}.`,
    timeLeftWords: (spoken) => `متبقٍّ ${spoken}`,
    intervalBell: 'جرس بين الحين والآخر',
    intervalNone: 'بلا جرس',
    intervalEvery: (minutes) => `كل ${count(minutes, MINUTE)}`,
    start: 'ابدأ',
    resume: 'تابِع',
    end: 'أنهِ',
    timeRemaining: 'الوقت المتبقي',
    timerRunning: (remaining) => `متبقٍّ ${remaining}`,
    timerPaused: 'متوقف مؤقتًا',
    timeUp: 'انتهى الوقت.',
    endedEarly: 'أنهيت التمرين.',
    practised: (seconds) => {
      const m = Math.round(seconds / 60);
      return `تمرّنت لمدة ${m >= 1 ? count(m, MINUTE) : count(Math.round(seconds), SECOND)}.`;
    },
    startAgain: 'ابدأ مرة أخرى',
    bellFailed: (message) => `تعذّر تشغيل الجرس (${message}). يواصل المؤقّت العدّ من دونه.`,
    noBell: 'لم يُحدَّد صوت جرس، لذلك يعدّ المؤقّت بصمت.',
    breatheIn: 'شهيق…',
    breatheOut: 'زفير…',
    breathingReady: 'حين تكون مستعدًا، اضغط «ابدأ» ودع نفَسك يتبع الدائرة: شهيق وهي تكبر، وزفير وهي تصغر.',
    breathingReadyReduced: 'حين تكون مستعدًا، اضغط «ابدأ» ودع نفَسك يتبع الكلمات.',
    breathingPace: (inhale, exhale, perMinute) =>
      `شهيق ${count(inhale, SECOND)}، وزفير ${count(exhale, SECOND)}: نحو ${num.format(Math.round(perMinute * 10) / 10)} أنفاس في الدقيقة. إن لم يناسبك هذا الإيقاع، فتنفّس على إيقاعك الخاص.`,
    stop: 'إيقاف',
    keep: 'احتفظ به على هذا الجهاز',
    keepHint: 'للتمرين دون اتصال.',
    keeping: (percent, size) =>
      percent === undefined ? `جارٍ الحفظ على هذا الجهاز… ${size}` : `جارٍ الحفظ على هذا الجهاز… ${new Intl.NumberFormat('ar', { style: 'percent' }).format(percent / 100)} من ${size}`,
    stopKeeping: 'إيقاف',
    keptOnDevice: (size) => `محفوظ على هذا الجهاز · ${size}`,
    removeKept: 'إزالة',
    removeKeptName: 'أزِله من هذا الجهاز',
    removedKept: (size) => `أُزيل من هذا الجهاز. تحرّرت مساحة ${size}.`,
    keepStopped: 'توقّف. لم يُحفظ شيء.',
    size: (bytes) =>
      bytes >= 1e6
        ? `${new Intl.NumberFormat('ar', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / 1e6)} ميغابايت`
        : `${num.format(Math.max(1, Math.round(bytes / 1e3)))} كيلوبايت`,
  },
  practiceLog: {
    heading: 'تمرينك',
    loading: 'جارٍ تحميل سجل تمرينك…',
    loadErrorTitle: 'لا يمكن عرض سجل تمرينك الآن',
    loadErrorIssues: (n) => `في ملف البرنامج ما يلي من المشكلات التي يجب إصلاحها (${count(n, PROBLEM)}):`,
    loadErrorInProvider: 'لا يمكن عرض سجل التمرين لأن برنامجه لم يُحمَّل؛ الرسالة أعلاه توضح السبب.',
    retry: 'حاول مرة أخرى',
    emptyTitle: 'لا شيء هنا بعد، ولا بأس في ذلك',
    emptyBody: 'حين تستمع إلى تأمل، أو تستخدم مؤقّت التمرين، أو تتنفّس مع المرشد، يُجمع الوقت الذي تقضيه هنا لتعود إليه.',
    feltAfter: (words) => `بعدها: ${words}`,
    minutes: (minutes) => (minutes === 0 ? 'أقل من دقيقة' : count(minutes, MINUTE)),
    total: (minutes, sessions) => `${minutes} على مدى ${count(sessions, SESSION)}`,
    weekSoFar: (week, minutes, sessions) => `الأسبوع ${num.format(week)} حتى الآن: ${minutes} على مدى ${count(sessions, SESSION)}`,
    chartTitle: 'دقائق التمرين في كل أسبوع',
    chartSummary: (first, last) => `عمود لكل أسبوع من ${first} إلى ${last}. الأرقام نفسها موجودة في الجدول.`,
    chartScale: (minutes) => `${num.format(minutes)} د`,
    showTable: 'اعرض كجدول',
    hideTable: 'أخفِ الجدول',
    tableCaption: 'دقائق التمرين وجلساته في كل أسبوع',
    weekColumn: 'الأسبوع',
    minutesColumn: 'الدقائق',
    sessionsColumn: 'الجلسات',
    weekLabel: (week) => `الأسبوع ${num.format(week)}`,
    weekShort: (week) => num.format(week),
    beforeLabel: 'قبل الأسبوع الأول',
    beforeShort: '<١',
    afterLabel: (lastWeek) => `بعد الأسبوع ${num.format(lastWeek)}`,
    afterShort: '+',
    sessionsHeading: 'الجلسات',
    modeTitle: { guided: 'تأمل موجَّه', timer: 'تمرين صامت مع المؤقّت', breathing: 'تنفّس بإيقاع مهدّئ' },
    unknownMeditation: 'تأمل موجَّه',
    showMore: (more) => `اعرض المزيد (${count(more, SESSION)})`,
    added: (what) => `أُضيف إلى سجل تمرينك: ${what}.`,
    storageMemory: (reason) => reason,
    storageOutdated: 'هناك نسخة أحدث من هذا البرنامج مفتوحة في علامة تبويب أخرى. أعد تحميل هذه الصفحة لترى أحدث تمرين لك.',
  },
  journal: JOURNAL,
  support: {
    button: 'هل تحتاج إلى دعم الآن؟',
    close: 'إغلاق',
    note: 'يدعم هذا البرنامج الرعاية المهنية ولا يحل محلها.',
    call: (n) => `اتصل بالرقم ${n}`,
    text: (n) => `أرسل رسالة إلى ${n}`,
    email: (a) => `راسل ${a}`,
    website: 'زُر الموقع',
    newTab: ' (يُفتح في علامة تبويب جديدة)',
  },
  defaultSupport: {
    title: 'هل تحتاج إلى دعم الآن؟',
    intro:
      'إن كنت في خطر، أو قد تتصرف بناءً على أفكار بإيذاء نفسك، **فاتصل بخدمات الطوارئ المحلية الآن**. ' +
      'لست مضطرًا إلى مواجهة هذا وحدك: طلب المساعدة فعلٌ من أفعال التعاطف مع الذات.',
    resources: [
      {
        label: 'خدمات الطوارئ',
        description: 'اتصل برقم الطوارئ المحلي، مثل ٩٩٧ أو ٩١١ أو ١١٢ أو ١٢٢ أو ٩٩٩، حسب البلد الذي تقيم فيه.',
        region: 'في أي مكان',
      },
      {
        label: 'معالِجك أو طبيبك',
        description: 'أخبر المختص الذي يعتني بك بما تشعر به. إن كنت في مجموعة، فميسّر المجموعة يمكنه مساعدتك في العثور على الدعم.',
      },
      { label: 'شخص تثق به', description: 'صديق أو أحد أفراد العائلة أو جار يمكنه البقاء معك بينما تطلب المساعدة.' },
    ],
  },
  programError: {
    retryHint: 'يُرجى التحقق من اتصالك، ثم المحاولة مرة أخرى.',
    laterHint: 'يُرجى المحاولة لاحقًا. إن تكرر ذلك، فأخبر العيادة.',
    retry: 'حاول مرة أخرى',
    details: 'تفاصيل لمطوّر الموقع',
    issues: (n) => `في ملف البرنامج ما يلي من المشكلات التي يجب إصلاحها (${count(n, PROBLEM)}):`,
  },
  provider: {
    loading: 'جارٍ تحميل البرنامج…',
    errorTitle: 'لا يمكن عرض هذا البرنامج الآن',
  },
};

export default catalog;
