import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/elements/compassion-program/define.js';
import '../src/elements/compassion-course/define.js';
import '../src/elements/practice-log/define.js';
import type { CompassionCourseElement } from '../src/elements/compassion-course/compassion-course.js';
import type { CompassionProgramElement } from '../src/elements/compassion-program/compassion-program.js';
import type { Program } from '../src/sdk/content/types.js';

// Issue 16: the default program's self-kindness check-in as a course step, its summary with the
// support card, and "Your scores so far" in the practice log; light, dark and right to left.

const DEFAULT_PROGRAM = '/packages/default-program/program.json';

interface Args {
  theme: 'light' | 'dark' | '';
  /** Right to left, with the interface in Arabic (the program's text stays English). */
  rtl: boolean;
}

interface Loaded {
  program: Program;
}

/** The default program, with an urgent threshold on one item, so the support card can be shown. */
async function loadProgram(): Promise<Loaded> {
  const program = (await (await fetch(DEFAULT_PROGRAM)).json()) as Program;
  const check = program.measures![0]!;
  check.items = check.items.map((item) => (item.id === 'harshness' ? { ...item, threshold: { value: 4 } } : item));
  return { program };
}

const ANSWERS = {
  w1: { warmth: 1, harshness: 4, rest: 1, feelings: 1, common: 2 },
  w7: { warmth: 2, harshness: 2, rest: 2, feelings: 3, common: 2 },
  w14: { warmth: 3, harshness: 1, rest: 3, feelings: 3, common: 4 },
};

function frame(loaded: Loaded, args: Args, inner: TemplateResult): TemplateResult {
  const program = args.rtl ? { ...loaded.program, dir: 'rtl' as const } : loaded.program;
  return html`<compassion-program .program=${program} storage="memory" theme=${ifDefined(args.theme || undefined)} lang=${ifDefined(args.rtl ? 'ar' : undefined)}>
    ${inner}
  </compassion-program>`;
}

async function sdkIn(canvas: HTMLElement) {
  const provider = canvas.querySelector<CompassionProgramElement>('compassion-program')!;
  for (let i = 0; i < 250 && !provider.sdk; i++) await new Promise((r) => setTimeout(r, 20));
  return provider.sdk;
}

/** Opens week 1 at its check-in, after saving `answers` for it (none: the questions). */
async function openCheck(canvas: HTMLElement, answers?: Record<string, number>): Promise<void> {
  const sdk = await sdkIn(canvas);
  if (!sdk) return;
  if (answers) await sdk.progress.complete('w1-check', { answers });
  canvas.querySelector<CompassionCourseElement>('compassion-course')!.openWeek(1, 'w1-check');
}

const meta: Meta<Args> = {
  title: 'Measures',
  loaders: [loadProgram],
  args: { theme: '', rtl: false },
  argTypes: {
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
    rtl: { control: 'boolean' },
  },
  render: (args, { loaded }) => frame(loaded as Loaded, args, html`<compassion-course></compassion-course>`),
};
export default meta;
type Story = StoryObj<Args>;

const phone = { parameters: { layout: 'fullscreen' }, globals: { viewport: { value: 'mobile1', isRotated: false } } } as const;

/** The check-in step on a wide screen: every question in a compact list, one button to finish. */
export const Questions: Story = { play: async ({ canvasElement }) => openCheck(canvasElement) };

/** On a 320 px phone: one question at a time, "Question 1 of 5", Back and Next. */
export const QuestionsOnAPhone: Story = { ...phone, play: async ({ canvasElement }) => openCheck(canvasElement) };

/** Answered: the score, its range, the clinic's band and text, the parts, and (one answer at its threshold) the support card. */
export const SummaryWithSupportCard: Story = { play: async ({ canvasElement }) => openCheck(canvasElement, ANSWERS.w1) };

/** The summary in the dark colour scheme. */
export const SummaryDark: Story = { args: { theme: 'dark' }, play: async ({ canvasElement }) => openCheck(canvasElement, ANSWERS.w7) };

/** Right to left on a phone, with the interface in Arabic. */
export const QuestionsRightToLeftPhone: Story = { ...phone, args: { rtl: true }, play: async ({ canvasElement }) => openCheck(canvasElement) };

/** "Your scores so far": three check-ins (weeks 1, 7 and 14) over the clinic's bands, and the table behind "Show as table". */
export const ScoresThreeTimes: Story = {
  render: (args, { loaded }) => frame(loaded as Loaded, args, html`<practice-log></practice-log>`),
  play: async ({ canvasElement }) => {
    const sdk = await sdkIn(canvasElement);
    if (!sdk) return;
    for (const [week, answers] of Object.entries(ANSWERS)) await sdk.progress.complete(`${week}-check`, { answers });
  },
};

/** The scores in the dark colour scheme. */
export const ScoresDark: Story = { ...ScoresThreeTimes, args: { theme: 'dark' } };

/** The scores right to left on a phone, with the interface in Arabic. */
export const ScoresRightToLeftPhone: Story = { ...ScoresThreeTimes, ...phone, args: { rtl: true } };
