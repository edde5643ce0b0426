import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/compassion-program/define.js';
import '../src/elements/meditation-player/define.js';
import '../src/elements/reflection-journal/define.js';
import type { CompassionProgramElement } from '../src/elements/compassion-program/compassion-program.js';
import type { Program, Support } from '../src/sdk/content/types.js';
import { pretendOffline } from './offline.js';

const DEFAULT_PROGRAM = '/packages/default-program/program.json';

/**
 * "Need support now?" (C1): one control per `<compassion-program>` when it holds two or more
 * elements, each element's own when it is alone, and the dialog it opens.
 */
const meta: Meta = {
  title: 'Patterns/Support control',
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj;

/** A player and a journal sharing one provider: one control above them, none in each. */
const pair = (program?: Program) => html`<compassion-program src=${DEFAULT_PROGRAM} .program=${program} storage="memory">
  <meditation-player mode="timer"></meditation-player>
  <reflection-journal></reflection-journal>
</compassion-program>`;

/** Waits for the provider's program, then opens the support dialog from whichever control shows it. */
async function openSupport(canvas: HTMLElement): Promise<void> {
  const provider = canvas.querySelector<CompassionProgramElement>('compassion-program')!;
  for (let i = 0; i < 250 && !provider.sdk; i++) await new Promise((r) => setTimeout(r, 20));
  await provider.updateComplete;
  const hosts = [provider, ...canvas.querySelectorAll('meditation-player, reflection-journal')];
  const button = hosts.map((h) => h.shadowRoot?.querySelector<HTMLButtonElement>('[part~="support-button"]')).find(Boolean);
  button?.click();
}

/** A clinic with many services: the list scrolls under the header, Close stays on screen. */
const MANY: Support = {
  title: 'Need support now?',
  intro: 'If you are in danger, or you might act on thoughts of harming yourself, **call 112 now**.',
  resources: [
    { label: 'Emergency services', description: 'If you or someone else is in immediate danger.', phone: '112', region: 'Anywhere' },
    ...['North', 'South', 'East', 'West'].map((area, i) => ({
      label: `${area} crisis line (example)`,
      description: 'Free and confidential, open every day; trained volunteers listen without judging.',
      phone: `+1 555 01${20 + i}`,
      text: `+1 555 02${20 + i}`,
      url: 'https://help.example/crisis',
      region: area,
    })),
    { label: 'Harbour Light Psychology (sample clinic)', description: 'Office hours only; not for emergencies.', url: 'mailto:groups@clinic.example' },
  ],
};

const withSupport = async (): Promise<{ program: Program }> => {
  const program = (await (await fetch(DEFAULT_PROGRAM)).json()) as Program;
  return { program: { ...program, support: MANY } };
};

/** The dialog open on Storybook's 320 × 568 "Small mobile": title and Close on top, the urgent resource first, "Call 112" filled. */
export const DialogOpenOnPhone: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  render: () => pair(),
  play: async ({ canvasElement }) => openSupport(canvasElement),
};

/** A long list of services at 320 × 568: scroll the dialog; its header does not move. */
export const DialogLongListOnPhone: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  loaders: [withSupport],
  render: (_args, { loaded }) => pair((loaded as { program: Program }).program),
  play: async ({ canvasElement }) => openSupport(canvasElement),
};

/** Closed: two elements in one provider show one control between them, at the top of the region. */
export const OneControlPerProvider: Story = {
  render: () => pair(),
};

/** An element alone in its provider keeps its own control, in its header. */
export const AloneInProvider: Story = {
  render: () => html`<compassion-program src=${DEFAULT_PROGRAM} storage="memory"><reflection-journal></reflection-journal></compassion-program>`,
};

/** Themed from the page: `::part(support)` keeps the shared control in view while the region scrolls, centred. */
export const ThemedSharedControl: Story = {
  render: () => html`<style>
      compassion-program.themed::part(support) {
        position: sticky;
        inset-block-start: 0;
        z-index: 1;
        text-align: center;
        padding-block: 0.5rem;
        background: #fbf8f4;
      }
      compassion-program.themed::part(support-button) {
        border-width: 2px;
      }
    </style>
    <compassion-program class="themed" src=${DEFAULT_PROGRAM} storage="memory">
      <meditation-player mode="timer"></meditation-player>
      <reflection-journal></reflection-journal>
    </compassion-program>`,
};

/** The dialog open on a desktop-width page, over a player and a journal: the clinic's resources, each with a way to reach it. */
export const DialogOpen: Story = {
  render: () => pair(),
  play: async ({ canvasElement }) => openSupport(canvasElement),
};

/** Offline: the dialog still opens and lists every resource (they come with the program, not from the network). */
export const DialogOpenOffline: Story = {
  beforeEach: pretendOffline,
  render: () => pair(),
  play: async ({ canvasElement }) => openSupport(canvasElement),
};
