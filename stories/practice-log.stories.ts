import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/elements/practice-log/define.js';
import type { CompassionProgramElement } from '../src/elements/compassion-program/compassion-program.js';
import type { Program } from '../src/sdk/content/types.js';
import type { PracticeMode } from '../src/sdk/store/records.js';

const DEFAULT_PROGRAM = '/packages/default-program/program.json';
const MEDITATIONS = ['arriving-grounding', 'soothing-rhythm-breathing', 'mindful-noticing', 'safe-place', 'compassionate-self', 'cultivating-compassion'];
const DAY = 86_400_000;

interface Args {
  theme: 'light' | 'dark' | '';
  embedded: boolean;
}

interface Loaded {
  program?: Program;
}

/** A fresh program object per render, so each story starts with its own memory-only store. */
const loadDefault = async (): Promise<Loaded> => ({ program: (await (await fetch(DEFAULT_PROGRAM)).json()) as Program });

/** `YYYY-MM-DD` for today minus `days`, in local time: the group started that long ago. */
function daysAgo(days: number): string {
  const d = new Date(Date.now() - days * DAY);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function log(loaded: Loaded, args: Partial<Args>, startDate?: string): TemplateResult {
  return html`<compassion-program src=${DEFAULT_PROGRAM} .program=${loaded.program} storage="memory" theme=${ifDefined(args.theme || undefined)}>
    <practice-log start-date=${ifDefined(startDate)} ?embedded=${!!args.embedded} theme=${ifDefined(args.theme || undefined)}></practice-log>
  </compassion-program>`;
}

/**
 * Logs `count` sessions spread over the `days` before now, as a participant would have practised:
 * guided meditations mostly, some timer and breathing sessions, of varied lengths.
 */
async function practise(canvas: HTMLElement, count: number, days: number): Promise<void> {
  const provider = canvas.querySelector<CompassionProgramElement>('compassion-program')!;
  for (let i = 0; i < 250 && !provider.sdk; i++) await new Promise((r) => setTimeout(r, 20));
  const sdk = provider.sdk;
  if (!sdk) return;
  for (let i = 0; i < count; i++) {
    const startedAt = Date.now() - days * DAY + Math.round(((i + 0.5) / count) * days * DAY);
    const mode: PracticeMode = i % 5 === 3 ? 'timer' : i % 5 === 4 ? 'breathing' : 'guided';
    const seconds = (4 + ((i * 7) % 17)) * 60;
    await sdk.practice.log({ mode, startedAt, endedAt: startedAt + seconds * 1000, seconds, ...(mode === 'guided' ? { meditationId: MEDITATIONS[i % MEDITATIONS.length]! } : {}) });
  }
}

const meta: Meta<Args> = {
  title: 'Elements/practice-log',
  component: 'practice-log',
  tags: ['autodocs'],
  loaders: [loadDefault],
  args: { theme: '', embedded: false },
  argTypes: {
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
    embedded: { control: 'boolean', description: 'Part of a larger widget: no support button of its own, no landmark, headings from h3.' },
  },
  render: (args, { loaded }) => log(loaded as Loaded, args),
};
export default meta;
type Story = StoryObj<Args>;

/** Before the first session: a gentle word on what will gather here, nothing to catch up on. */
export const Empty: Story = {};

/** Three weeks into the group (start date 20 days ago), with a few sessions in each week. */
export const AFewWeeks: Story = {
  render: (args, { loaded }) => log(loaded as Loaded, args, daysAgo(20)),
  play: async ({ canvasElement }) => practise(canvasElement, 8, 20),
};

/** The same few weeks with "Show as table" pressed: the chart's accessible alternative. */
export const AsTable: Story = {
  ...AFewWeeks,
  play: async ({ canvasElement }) => {
    await practise(canvasElement, 8, 20);
    const el = canvasElement.querySelector('practice-log')!;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="table-toggle"]')?.click();
  },
};

/** The whole program and a little after: sixty sessions over fourteen weeks and more, listed ten at a time. */
export const ManySessions: Story = {
  render: (args, { loaded }) => log(loaded as Loaded, args, daysAgo(104)),
  play: async ({ canvasElement }) => practise(canvasElement, 60, 104),
};

/** A 320 px wide column, as on a small phone: every bar and the table fit, nothing scrolls sideways. */
export const Narrow320: Story = {
  render: (args, { loaded }) => html`<div style=${styleMap({ inlineSize: '320px', border: '1px dashed #857b6e' })}>${log(loaded as Loaded, args, daysAgo(90))}</div>`,
  play: async ({ canvasElement }) => practise(canvasElement, 30, 90),
};

/** Dark colour scheme, with a few weeks of sessions. */
export const Dark: Story = {
  ...AFewWeeks,
  args: { theme: 'dark' },
};

/** A clinic's own colours through `--practice-log-*` properties and a `::part` rule. */
export const CustomColours: Story = {
  render: (args, { loaded }) => html`<style>
      .clinic practice-log {
        --practice-log-bar-color: #6a4c93;
        --practice-log-bar-current-color: #3d2a5c;
        --practice-log-chart-height: 6rem;
      }
      .clinic practice-log::part(title) {
        font-family: Georgia, serif;
      }
    </style>
    <div class="clinic">${log(loaded as Loaded, args, daysAgo(20))}</div>`,
  play: async ({ canvasElement }) => practise(canvasElement, 8, 20),
};

/** Standing alone with a program file that cannot be fetched: says so plainly, with "Try again" and the support button. */
export const LoadError: Story = {
  render: () => html`<practice-log src="/content/does-not-exist.json" storage="memory"></practice-log>`,
};

