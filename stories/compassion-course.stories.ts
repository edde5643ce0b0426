/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/elements/compassion-course/define.js';
import type { CompassionCourseElement } from '../src/elements/compassion-course/compassion-course.js';
import type { CourseStrings } from '../src/elements/compassion-course/strings.js';
import type { CompassionProgramElement } from '../src/elements/compassion-program/compassion-program.js';
import type { Program } from '../src/sdk/content/types.js';
import type { FieldValue } from '../src/sdk/store/records.js';

// The player, the journal and the overview's practice log are embedded wherever they exist in this checkout; where they do
// not (and no CDN autoloader is on the page to fetch them), the course shows its honest placeholder.
import.meta.glob(['../src/elements/meditation-player/define.ts', '../src/elements/reflection-journal/define.ts', '../src/elements/practice-log/define.ts'], { eager: true });

const DEFAULT_PROGRAM = '/packages/default-program/program.json';
const RTL_PROGRAM = '/content/samples/rtl-program.json';

interface CourseArgs {
  routing: 'none' | 'hash';
  startDate: string;
  theme: 'light' | 'dark' | '';
}

interface Loaded {
  program?: Program;
  errorUrl?: string;
}

const fetchProgram = async (url: string): Promise<Program> => (await fetch(url)).json() as Promise<Program>;

/** A fresh program object per render, so each story starts with its own memory-only store. */
const loadDefault = async (): Promise<Loaded> => ({ program: await fetchProgram(DEFAULT_PROGRAM) });

function course(loaded: Loaded, args: Partial<CourseArgs> = {}, options: { src?: string; program?: Program; strings?: Partial<CourseStrings> } = {}): TemplateResult {
  return html`<compassion-program src=${options.src ?? DEFAULT_PROGRAM} .program=${options.program ?? loaded.program} storage="memory" theme=${ifDefined(args.theme || undefined)}>
    <compassion-course
      routing=${args.routing ?? 'none'}
      start-date=${ifDefined(args.startDate || undefined)}
      theme=${ifDefined(args.theme || undefined)}
      .strings=${options.strings ?? {}}
    ></compassion-course>
  </compassion-program>`;
}

/** Waits for the provider's SDK, then for the course to show something. */
async function ready(canvas: HTMLElement): Promise<{ provider: CompassionProgramElement; course: CompassionCourseElement }> {
  const provider = canvas.querySelector('compassion-program')!;
  const course = canvas.querySelector('compassion-course')!;
  for (let i = 0; i < 250 && !provider.sdk; i++) await new Promise((r) => setTimeout(r, 20));
  await course.updateComplete;
  return { provider, course };
}

/** Marks the first `count` steps of the program done, as a participant would have over the weeks. */
async function seed(provider: CompassionProgramElement, count: number, lastStepId?: string): Promise<void> {
  const sdk = provider.sdk;
  if (!sdk) return;
  const ids = sdk.content.program.weeks.flatMap((w) => w.steps.map((s) => s.id));
  for (const id of ids.slice(0, count)) await sdk.progress.complete(id);
  if (lastStepId) await sdk.progress.visit(lastStepId);
}

/** `YYYY-MM-DD` for today plus `days`, in local time. */
function localDate(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const meta: Meta<CourseArgs> = {
  title: 'Elements/compassion-course',
  component: 'compassion-course',
  tags: ['autodocs'],
  loaders: [loadDefault],
  args: { routing: 'none', startDate: '', theme: '' },
  argTypes: {
    routing: { control: 'inline-radio', options: ['none', 'hash'] },
    startDate: { name: 'start-date', control: 'text', description: 'YYYY-MM-DD; used by programs with the weekly unlock policy.' },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
  },
  render: (args, { loaded }) => course(loaded as Loaded, args),
};
export default meta;
type Story = StoryObj<CourseArgs>;

/** A participant's first visit: the introduction, "Week 1 of 14" and "Start week 1". */
export const OverviewAtStart: Story = {};

/** Four weeks done and two steps into week 5: "Continue" leads back to the reflection they were on. */
export const MidProgram: Story = {
  play: async ({ canvasElement }) => {
    const { provider } = await ready(canvasElement);
    await seed(provider, 25, 'w5-reflect-1');
  },
};

/** Every step of every week done: a quiet completion message instead of "Continue". */
export const AllComplete: Story = {
  play: async ({ canvasElement }) => {
    const { provider } = await ready(canvasElement);
    await seed(provider, Infinity);
  },
};

/** The weekly unlock policy for a group that started sixteen days ago: weeks 1–3 are open, each later week says when it opens. */
export const WeeklyUnlock: Story = {
  loaders: [async () => ({ program: { ...(await fetchProgram(DEFAULT_PROGRAM)), unlock: { policy: 'weekly' } } })],
  args: { startDate: localDate(-16) },
};

/** A week that is not open yet (the group starts in five days): its title and summary, the date it opens, and nothing else. */
export const LockedWeek: Story = {
  loaders: [async () => ({ program: { ...(await fetchProgram(DEFAULT_PROGRAM)), unlock: { policy: 'weekly' } } })],
  args: { startDate: localDate(5) },
  play: async ({ canvasElement }) => {
    const { course } = await ready(canvasElement);
    course.openWeek(2);
  },
};

/**
 * Week 1 with every kind of step: read, a guided meditation, three reflections and a practice with
 * its optional note, one part at a time. The player and journals are `embedded`: one support control
 * in the whole week (the step bar's), no storage banner repeated per step.
 */
export const WeekWithEveryStepKind: Story = {
  play: async ({ canvasElement }) => {
    const { provider, course } = await ready(canvasElement);
    await seed(provider, 1);
    course.openWeek(1);
  },
};

/** Week 3 after writing in two of its reflections: each embedded entry shows its own text and save state, and its step is ticked. */
export const WeekWithEntriesWritten: Story = {
  play: async ({ canvasElement }) => {
    const { provider, course } = await ready(canvasElement);
    const sdk = provider.sdk;
    if (!sdk) return;
    await sdk.journal.load();
    const week = sdk.content.week('week-3')!;
    const reflections = week.steps.filter((s) => s.kind === 'reflect').slice(0, 2);
    const answers: Record<string, FieldValue>[] = [{ threat: 6, drive: 4, soothing: 3, note: 'Threat up after the phone call; the walk helped.' }, { answer: 'I noticed the drive system pushing me to finish everything before resting.', feelings: ['tired'] }];
    for (const [i, step] of reflections.entries()) {
      if (step.kind !== 'reflect') continue;
      await sdk.journal.save({ templateId: step.template, title: '', fields: answers[i] ?? {}, weekId: week.id, stepId: step.id, prompt: step.prompt });
      await sdk.progress.complete(step.id);
    }
    course.openWeek(3);
  },
};

/** The completion moment right after the last step of a week is ticked. */
export const WeekJustCompleted: Story = {
  play: async ({ canvasElement }) => {
    const { provider, course } = await ready(canvasElement);
    await seed(provider, 4);
    course.openWeek(1);
    await course.updateComplete;
    const boxes = course.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~="step-checkbox"]');
    boxes[boxes.length - 1]?.click();
  },
};

/** A program file with mistakes, loaded by a course standing alone: every problem is listed with its JSON path. */
export const LoadErrorWithValidationPaths: Story = {
  loaders: [
    async () => {
      const program = await fetchProgram(DEFAULT_PROGRAM);
      const broken = structuredClone(program) as unknown as Record<string, unknown> & Program;
      const week = broken.weeks[2]!;
      (week.steps[1] as { meditation?: string }).meditation = 'soothing-rythm-breathing';
      delete (week as Partial<typeof week>).summary;
      broken.clinic = { ...broken.clinic!, registerUrl: 'http://clinic.example/register' };
      (broken as { unlock: unknown }).unlock = { policy: 'weekley' };
      return { errorUrl: URL.createObjectURL(new Blob([JSON.stringify(broken)], { type: 'application/json' })) };
    },
  ],
  render: (_args, { loaded }) => html`<compassion-course src=${(loaded as Loaded).errorUrl!} storage="memory"></compassion-course>`,
};

/** A clinic's own look through the global `--ck-*` tokens and the course's `--compassion-course-*` properties. */
export const CustomThemeViaTokens: Story = {
  render: (args, { loaded }) => html`<div
    style=${styleMap({
      '--ck-color-accent': '#6b3f8f',
      '--ck-color-accent-hover': '#563172',
      '--ck-color-accent-soft': '#f1e9f7',
      '--ck-color-bg': '#fcfaff',
      '--ck-radius-md': '4px',
      '--ck-font-family': "Georgia, 'Times New Roman', serif",
      '--compassion-course-card-radius': '4px',
      '--compassion-course-card-background': '#ffffff',
      '--compassion-course-heading-font': "Georgia, 'Times New Roman', serif",
      '--compassion-course-max-width': '40rem',
    })}
  >
    ${course(loaded as Loaded, args)}
  </div>`,
  play: async ({ canvasElement }) => {
    const { provider } = await ready(canvasElement);
    await seed(provider, 10);
  },
};

/** The dark theme, mid-program. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const { provider } = await ready(canvasElement);
    await seed(provider, 8);
  },
};

/** Week 1 in the dark theme. */
export const DarkWeek: Story = {
  globals: { theme: 'dark' },
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const { course } = await ready(canvasElement);
    course.openWeek(1);
  },
};

/** The course's own words in Arabic, passed through the `strings` property (program text comes from the program file). */
const ARABIC: Partial<CourseStrings> = {
  loading: 'جارٍ تحميل البرنامج…',
  weekLoading: 'جارٍ فتح الأسبوع…',
  playerLoading: 'جارٍ تجهيز التأمل…',
  journalLoading: 'جارٍ تجهيز دفترك…',
  loadErrorTitle: 'تعذّر تحميل هذا البرنامج',
  loadErrorIssues: (count) => `في ملف البرنامج مشكلات يجب إصلاحها (${count}):`,
  loadErrorInProvider: 'لا يمكن عرض البرنامج لأنه لم يُحمَّل؛ الرسالة أعلاه توضّح السبب.',
  retry: 'حاول مرة أخرى',
  weekOf: (number, total) => `الأسبوع ${number} من ${total}`,
  stepsDone: (done, total) => `الخطوات المنجزة: ${done} من ${total}`,
  progressLabel: 'الخطوات المنجزة في البرنامج كله',
  allWeeksDone: (total) => `أنجزت جميع الأسابيع (${total})`,
  startButton: 'ابدأ الأسبوع الأول',
  continueButton: 'تابِع',
  continueTarget: (number, title) => `الأسبوع ${number}: ${title}`,
  register: 'سجّل في المجموعة',
  opensInNewTab: '(يفتح في علامة تبويب جديدة)',
  weeksHeading: 'الأسابيع',
  weekLabel: (number) => `الأسبوع ${number}`,
  weekState: { locked: 'لم يُفتح بعد', available: 'مفتوح', current: 'أسبوعك الحالي', done: 'مُنجَز' },
  weekStepsDone: (done, total) => `الخطوات المنجزة: ${done} من ${total}`,
  opensOn: (date) => `يُفتح ${date}`,
  opensAfter: (previous) => `يُفتح عندما تُنهي الأسبوع ${previous}`,
  opensWhenGroupStarts: 'يُفتح عند تحديد موعد بدء مجموعتك',
  startDateMissing: 'تُفتح الأسابيع واحداً تلو الآخر بدءاً من موعد بدء مجموعتك، ولم يُحدَّد هذا الموعد بعد.',
  startDateInvalid: (value) => `تاريخ البدء «${value}» ليس بالصيغة YYYY-MM-DD، لذلك لا يمكن فتح أي أسبوع بعد.`,
  unknownWeek: (id) => `لا يوجد «${id}» في هذا البرنامج، لذلك تُعرض النظرة العامة بدلاً منه.`,
  keyIdeas: 'أفكار رئيسية',
  stepsHeading: 'خطوات هذا الأسبوع',
  stepKind: { read: 'اقرأ', meditate: 'استمع وتمرّن', reflect: 'تأمّل واكتب', practice: 'جرّب هذا الأسبوع', measure: 'اطمئن على نفسك' },
  doneCheckbox: 'أنجزت هذه الخطوة',
  doneOn: (date) => `أُنجزت في ${date}`,
  saving: 'جارٍ الحفظ…',
  saveFailed: (message) => `تعذّر حفظ تقدّمك. ${message}`,
  noteLabel: 'ملاحظة لنفسك (اختيارية)',
  noteHint: 'كيف جرى الأمر؟ تبقى الملاحظة على هذا الجهاز.',
  saveNote: 'احفظ الملاحظة',
  noteSaved: 'حُفظت الملاحظة.',
  promptLabel: 'سؤال',
  playerMissing: 'مشغّل التأمّلات غير متاح في هذه الصفحة.',
  playerMissingHint: (title, minutes) => `ما زال بإمكانك ممارسة «${title}» بطريقتك (المدة التقريبية بالدقائق: ${minutes})، ثم ضع علامة في المربع أدناه.`,
  journalMissing: 'دفتر التأمّلات غير متاح في هذه الصفحة.',
  journalMissingHint: 'يمكنك كتابة إجابتك على ورقة أو في أي مكان تحتفظ فيه بملاحظاتك، ثم ضع علامة في المربع أدناه.',
  meditationMissing: (id) => `تشير هذه الخطوة إلى تأمّل («${id}») غير موجود في البرنامج.`,
  lockedWeekTitle: 'لم يُفتح هذا الأسبوع بعد',
  lockedWeekBody: 'حتى ذلك الحين، أهلاً بك في العودة إلى أي أسبوع مفتوح.',
  weekNav: 'الأسبوع السابق والتالي',
  previousWeek: 'الأسبوع السابق',
  nextWeek: 'الأسبوع التالي',
  allWeeks: 'كل الأسابيع',
  weekCompleteTitle: (number) => `اكتمل الأسبوع ${number}`,
  weekCompleteBody: 'شكراً لأنك خصّصت وقتاً لنفسك هذا الأسبوع. خذ لحظة، إن أحببت، لتلاحظ كيف تشعر بذلك.',
  nextWeekReady: (number) => `الأسبوع ${number} جاهز متى شئت.`,
  programCompleteTitle: 'أكملت البرنامج',
  programCompleteBody: (weeks) => `أسابيع من الالتفات إلى نفسك بعناية (${weeks}). التمارين باقية معك: عُد إلى أي أسبوع، في أي وقت، متى احتجت إليه.`,
  revisit: 'عُد إلى الأسبوع الأول',
  storageMemory: () => 'يُحفظ تقدّمك فقط ما دامت هذه الصفحة مفتوحة.',
  storageOutdated: 'نسخة أحدث من هذا البرنامج مفتوحة في علامة تبويب أخرى. أعد تحميل هذه الصفحة لمواصلة حفظ تقدّمك.',
};

/** The Arabic sample program, right to left, with the course's own words in Arabic too. */
export const RightToLeft: Story = {
  parameters: { direction: 'rtl' },
  loaders: [async () => ({ program: await fetchProgram(RTL_PROGRAM) })],
  render: (args, { loaded }) => course(loaded as Loaded, args, { src: RTL_PROGRAM, strings: ARABIC }),
  play: async ({ canvasElement }) => {
    const { provider } = await ready(canvasElement);
    await seed(provider, 2, 'w1-reflect-1');
  },
};

/** Week 1 of the Arabic sample, right to left. */
export const RightToLeftWeek: Story = {
  ...RightToLeft,
  play: async ({ canvasElement }) => {
    const { provider, course: el } = await ready(canvasElement);
    await seed(provider, 2, 'w1-reflect-1');
    el.openWeek(1);
  },
};

/** A 320 px wide column, as on a small phone: everything wraps, nothing scrolls sideways. */
export const Narrow320: Story = {
  render: (args, { loaded }) => html`<div style=${styleMap({ inlineSize: '320px', border: '1px dashed #857b6e' })}>${course(loaded as Loaded, args)}</div>`,
  play: async ({ canvasElement }) => {
    const { provider } = await ready(canvasElement);
    await seed(provider, 7, 'w2-reflect-1');
  },
};

/** Week 1 in a 320 px wide column. */
export const Narrow320Week: Story = {
  ...Narrow320,
  play: async ({ canvasElement }) => {
    const { course: el } = await ready(canvasElement);
    el.openWeek(1);
  },
};

/** A phone 375 px wide (an iPhone SE), besides Storybook's own 320 × 568 "Small mobile". */
const PHONE_VIEWPORTS = {
  phone375: { name: 'Phone 375 × 667', styles: { width: '375px', height: '667px' }, type: 'mobile' },
};

/** Opens week 1 at part `n` (1 = its overview), moving there with Next as a participant would. */
async function openPart(canvas: HTMLElement, n: number, done = 0): Promise<void> {
  const { provider, course: el } = await ready(canvas);
  await seed(provider, done);
  el.openWeek(1);
  await el.updateComplete;
  for (let i = 1; i < n; i++) {
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="next-step"]')?.click();
    await el.updateComplete;
  }
}

/** A guided week on a phone: one part at a time, the step bar (Support, Back, "2 of 7", Next) at the bottom of the screen. */
const GuidedPhone: Story = {
  parameters: { layout: 'fullscreen', viewport: { options: PHONE_VIEWPORTS } },
  globals: { viewport: { value: 'phone375', isRotated: false } },
};

/** Part 1 of week 1: the summary, key ideas and theory, then "I've read this" at the end. */
export const GuidedWeekOverview: Story = { ...GuidedPhone, play: async ({ canvasElement }) => openPart(canvasElement, 1) };

/** Part 2: the week's meditation, with the embedded player. */
export const GuidedWeekMeditation: Story = { ...GuidedPhone, play: async ({ canvasElement }) => openPart(canvasElement, 2, 1) };

/** Part 3: a reflection; done once a non-empty answer is saved, or with "I thought about it, but won't write it down". */
export const GuidedWeekReflection: Story = { ...GuidedPhone, play: async ({ canvasElement }) => openPart(canvasElement, 3, 2) };

/** Part 6: the practice for the days ahead, with its optional note. */
export const GuidedWeekPractice: Story = { ...GuidedPhone, play: async ({ canvasElement }) => openPart(canvasElement, 6, 5) };

/** Part 7: the calm close: what was done, the practice for the days ahead, and the weeks before and after. */
export const GuidedWeekClose: Story = { ...GuidedPhone, play: async ({ canvasElement }) => openPart(canvasElement, 7, 3) };

/** The close under the weekly policy (the group started two days ago): it says the day week 2 opens. */
export const GuidedWeekCloseWeekly: Story = {
  ...GuidedPhone,
  loaders: [async () => ({ program: { ...(await fetchProgram(DEFAULT_PROGRAM)), unlock: { policy: 'weekly' } } })],
  args: { startDate: localDate(-2) },
  play: async ({ canvasElement }) => openPart(canvasElement, 7, 6),
};

/** The overview part on Storybook's 320 × 568 "Small mobile": the step bar stays on one row. */
export const GuidedWeekOverview320: Story = {
  parameters: { layout: 'fullscreen' },
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  play: async ({ canvasElement }) => openPart(canvasElement, 1),
};

/** A reflection part at 320 × 568. */
export const GuidedWeekReflection320: Story = { ...GuidedWeekOverview320, play: async ({ canvasElement }) => openPart(canvasElement, 3, 2) };
