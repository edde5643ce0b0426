import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/compassion-program/define.js';

const meta: Meta = {
  title: 'Elements/compassion-program',
  component: 'compassion-program',
  tags: ['autodocs'],
  args: { src: '/packages/default-program/program.json', storage: 'memory' },
  argTypes: {
    storage: { control: 'inline-radio', options: ['indexeddb', 'memory'] },
  },
  render: (args) => html`<compassion-program src=${args.src} storage=${args.storage}>
    <p>Elements placed here receive the program through context.</p>
  </compassion-program>`,
};
export default meta;
type Story = StoryObj;

/** The default program loaded: the provider itself shows nothing but its content. */
export const Ready: Story = {};

/** Makes one URL never answer, so the loading state stays on screen (catalogue only). */
function neverAnswer(path: string): void {
  const real = window.fetch.bind(window);
  if ((real as { ckPatched?: boolean }).ckPatched) return;
  const patched = (input: RequestInfo | URL, init?: RequestInit) => (String(input).includes(path) ? new Promise<Response>(() => {}) : real(input, init));
  (patched as { ckPatched?: boolean }).ckPatched = true;
  window.fetch = patched;
}

/** While the program file is on its way. */
export const Loading: Story = {
  render: () => {
    neverAnswer('/__loading__/');
    return html`<compassion-program storage="memory" src="/__loading__/program.json"></compassion-program>`;
  },
};

/** A program file with mistakes: each problem listed with its JSON path. */
export const ValidationErrors: Story = {
  render: () => {
    const program = {
      schemaVersion: 1,
      id: 'Broken Program',
      version: '1',
      title: 'A program with mistakes',
      locale: 'en',
      dir: 'sideways',
      unlock: { policy: 'monthly' },
      weeks: [{ id: 'week-1', number: 1, title: 'One', summary: 'x', theory: [], steps: [{ id: 'w1-m', kind: 'meditate', title: 'Breathe', meditation: 'safe-plase' }] }],
      meditations: [{ id: 'safe-place', title: 'Safe place', duration: 60, audio: [{ src: 'javascript:alert(1)', type: 'audio/ogg' }] }],
      templates: [],
    };
    return html`<compassion-program .program=${program} storage="memory"></compassion-program>`;
  },
};

/** The file is missing (HTTP 404): a plain message and "Try again". */
export const NotFound: Story = {
  args: { src: '/content/no-such-program.json' },
};
