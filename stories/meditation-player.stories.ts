import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/elements/meditation-player/define.js';
import type { MeditationPlayer } from '../src/elements/meditation-player/meditation-player.js';
import { PLAYER_MODES } from '../src/elements/meditation-player/modes.js';
import { sharedProgram } from '../src/sdk/program.js';
import { pretendOffline } from './offline.js';

const PROGRAM = '/packages/default-program/program.json';

interface Args {
  mode: (typeof PLAYER_MODES)[number];
  meditationId: string;
  theme: 'light' | 'dark' | null;
  embedded: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/meditation-player',
  component: 'meditation-player',
  tags: ['autodocs'],
  args: { mode: 'guided', meditationId: 'cultivating-compassion', theme: null, embedded: false },
  argTypes: {
    mode: { control: 'inline-radio', options: [...PLAYER_MODES] },
    meditationId: {
      control: 'select',
      options: ['arriving-grounding', 'soothing-rhythm-breathing', 'mindful-noticing', 'safe-place', 'compassionate-self', 'compassionate-other', 'cultivating-compassion'],
    },
    theme: { control: 'inline-radio', options: [null, 'light', 'dark'] },
    embedded: { control: 'boolean', description: 'Part of a larger widget: no support button of its own, no landmarks, headings from h5.' },
  },
  render: (args) => html`<meditation-player
    src=${PROGRAM}
    storage="memory"
    mode=${args.mode}
    meditation-id=${args.meditationId}
    theme=${ifDefined(args.theme ?? undefined)}
    ?embedded=${args.embedded}
  ></meditation-player>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Waits for the player in the story to render. */
async function playerIn(canvas: HTMLElement): Promise<MeditationPlayer> {
  const player = canvas.querySelector('meditation-player')!;
  await player.updateComplete;
  return player;
}

/** "Cultivating Compassion" with its chapters and synced transcript. */
export const Guided: Story = {};

/** Finds a button in the player by its text (or its screen-reader name). */
function buttonIn(player: MeditationPlayer, label: string): HTMLButtonElement | undefined {
  return [...player.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim() === label);
}

/** Waits until the player's timer (a part downloaded when the mode is chosen) is on screen. */
async function timerIn(canvas: HTMLElement): Promise<MeditationPlayer> {
  const player = await playerIn(canvas);
  for (let i = 0; i < 100 && !player.shadowRoot!.querySelector('[part~="timer"]'); i++) await new Promise((r) => setTimeout(r, 50));
  return player;
}

/**
 * Silent practice with a bell at the start and the end, and optional bells in between. The
 * length is one tap (3, 5, 10, 15 or 20 minutes, the chosen one pressed) or typed (1–60).
 */
export const Timer: Story = {
  args: { mode: 'timer' },
  render: () => html`<meditation-player src=${PROGRAM} storage="memory" mode="timer" minutes="10" interval-minutes="5"></meditation-player>`,
};

/** A typed length that cannot be used is named at once, under the field. */
export const TimerLengthError: Story = {
  args: { mode: 'timer' },
  render: () => html`<meditation-player src=${PROGRAM} storage="memory" mode="timer" minutes="7"></meditation-player>`,
  play: async ({ canvasElement }) => {
    const player = await timerIn(canvasElement);
    const field = player.shadowRoot!.querySelector<HTMLInputElement>('input[type=number]');
    if (!field) return;
    field.value = '90';
    field.dispatchEvent(new Event('input'));
  },
};

/**
 * The timer running: the ring fills as time passes around the time left (in steps, not a sweep,
 * under reduced motion), and the screen is kept on where the browser allows it.
 */
export const TimerRunning: Story = {
  args: { mode: 'timer' },
  render: () => html`<meditation-player src=${PROGRAM} storage="memory" mode="timer" minutes="5"></meditation-player>`,
  play: async ({ canvasElement }) => {
    const player = await timerIn(canvasElement);
    // The clock jumps two minutes after Start, so that the ring shows time passed.
    let offset = 0;
    player.now = () => Date.now() + offset;
    buttonIn(player, 'Start')?.click();
    offset = 2 * 60 * 1000;
  },
};

/**
 * Soothing-rhythm breathing: a circle that grows on the in-breath and shrinks on the out-breath.
 * With "reduce motion" set in the system, it shows calm words instead of movement.
 */
export const Breathing: Story = {
  args: { mode: 'breathing' },
  render: () => html`<meditation-player src=${PROGRAM} storage="memory" mode="breathing"></meditation-player>`,
  play: async ({ canvasElement }) => {
    const player = await playerIn(canvasElement);
    [...player.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Start')?.click();
  },
};

/** A recording on its own, with a WebVTT transcript and no program: nothing is logged. */
export const Standalone: Story = {
  render: () => html`<meditation-player
    audio-src="/packages/default-program/audio/safe-place.mp3"
    transcript-src="/packages/default-program/audio/safe-place.vtt"
    track-title="A Safe Place"
  ></meditation-player>`,
};

/** Makes one URL never answer, so the loading state stays on screen (catalogue only). */
function neverAnswer(path: string): void {
  const real = window.fetch.bind(window);
  if ((real as { ckPlayerPatched?: boolean }).ckPlayerPatched) return;
  const patched = (input: RequestInfo | URL, init?: RequestInit) => (String(input).includes(path) ? new Promise<Response>(() => {}) : real(input, init));
  (patched as { ckPlayerPatched?: boolean }).ckPlayerPatched = true;
  window.fetch = patched;
}

/** While the program file is on its way. */
export const Loading: Story = {
  render: () => {
    neverAnswer('/__loading-player__/');
    return html`<meditation-player src="/__loading-player__/program.json" storage="memory" meditation-id="safe-place"></meditation-player>`;
  },
};

/** The recording is missing (HTTP 404): the message says so and "Try again" tries again. */
export const RecordingNotFound: Story = {
  render: () => html`<meditation-player audio-src="/packages/default-program/audio/no-such-recording.ogg" track-title="A recording that is not there"></meditation-player>`,
  play: async ({ canvasElement }) => {
    const player = await playerIn(canvasElement);
    await player.play();
  },
};

/** The program file itself is missing: the player explains and offers to try again. */
export const ProgramNotFound: Story = {
  render: () => html`<meditation-player src="/content/no-such-program.json" storage="memory" meditation-id="safe-place"></meditation-player>`,
};

/** A long transcript in its own scrolling panel, with a taller panel set by a custom property. */
export const LongTranscript: Story = {
  render: () => html`<meditation-player
    class="tall-transcript"
    src=${PROGRAM}
    storage="memory"
    meditation-id="soothing-rhythm-breathing"
  ></meditation-player>
    <style>
      .tall-transcript {
        --meditation-player-transcript-height: 24rem;
      }
    </style>`,
};

/** Coming back to a meditation left part-way: "Resume from 3:20" (the one filled button; Play is plain) or "Start over". */
export const ResumeOffer: Story = {
  loaders: [
    async () => {
      const program = await sharedProgram(PROGRAM, 'memory');
      await program.playback.save('safe-place', 200, 281.8);
      return {};
    },
  ],
  render: () => html`<meditation-player src=${PROGRAM} storage="memory" meditation-id="safe-place"></meditation-player>`,
};

/** After a session: what was logged, the gentle statistics, and the optional one-tap check-in. */
export const AfterSessionCheckIn: Story = {
  render: () => html`<meditation-player src=${PROGRAM} storage="memory" mode="breathing"></meditation-player>`,
  play: async ({ canvasElement }) => {
    const player = await playerIn(canvasElement);
    // A story cannot wait five minutes: this clock jumps ahead, as a participant's would after practising.
    let offset = 0;
    player.now = () => Date.now() + offset;
    await new Promise((r) => setTimeout(r, 300));
    const find = (text: string) => [...player.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === text);
    find('Start')?.click();
    offset = 5 * 60 * 1000;
    await player.updateComplete;
    find('Stop')?.click();
  },
};

/**
 * `embedded`, as a course's meditate step shows it: no "Need support now?" of its own (the course's
 * header has it), a smaller `h5` title under the step's `h4`, and no landmarks.
 */
export const Embedded: Story = {
  args: { embedded: true, meditationId: 'arriving-grounding' },
  render: (args) => html`<div class="ck-story-step">
      <p class="ck-story-kind">Listen and practise</p>
      <h4>Listen: Arriving and Grounding</h4>
      <meditation-player src=${PROGRAM} storage="memory" meditation-id=${args.meditationId} theme=${ifDefined(args.theme ?? undefined)} ?embedded=${args.embedded}></meditation-player>
    </div>
    <style>
      .ck-story-step {
        max-inline-size: 44rem;
        padding: 1rem 1.25rem;
        border: 1px solid #d9d2c7;
        border-radius: 12px;
        font-family: system-ui, sans-serif;
      }
      .ck-story-kind {
        margin: 0;
        font-size: 0.85rem;
        color: #5f574d;
      }
      .ck-story-step h4 {
        margin: 0 0 0.75rem;
      }
    </style>`,
};

/** Dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { theme: 'dark' },
};

/** A 320 px wide phone screen: the controls keep to one row, nothing scrolls sideways. */
export const Mobile320: Story = {
  decorators: [(story) => html`<div class="ck-story-narrow">${story()}</div>
      <style>
        .ck-story-narrow {
          inline-size: 320px;
        }
      </style>`],
  parameters: { layout: 'fullscreen' },
};

/**
 * Embedded in a course's step on a 320 px phone: no card of its own, back, play, forward and mute
 * on one row. On a touch screen the volume slider is left out (the phone's own buttons set the
 * volume); open this story in a mobile emulator to see it.
 */
export const EmbeddedPhone320: Story = {
  args: { embedded: true, meditationId: 'safe-place' },
  render: (args) => html`<div class="ck-story-phone">
      <div class="ck-story-step">
        <h4>Listen: A Safe Place</h4>
        <meditation-player src=${PROGRAM} storage="memory" meditation-id=${args.meditationId} ?embedded=${args.embedded}></meditation-player>
      </div>
    </div>
    <style>
      .ck-story-phone {
        inline-size: 320px;
        padding: 12px;
        box-sizing: border-box;
        font-family: system-ui, sans-serif;
      }
      .ck-story-step {
        padding: 1rem;
        border: 1px solid #d9d2c7;
        border-radius: 12px;
      }
      .ck-story-step h4 {
        margin: 0 0 0.75rem;
      }
    </style>`,
  parameters: { layout: 'fullscreen' },
};

/** The time beside the slider switched to the time left ("−4:41"); pressing it again shows the total. */
export const TimeLeft: Story = {
  args: { meditationId: 'safe-place' },
  play: async ({ canvasElement }) => {
    const player = await playerIn(canvasElement);
    for (let i = 0; i < 100 && !player.shadowRoot!.querySelector('[part~="time"] button'); i++) await new Promise((r) => setTimeout(r, 50));
    player.seek(40);
    player.shadowRoot!.querySelector<HTMLButtonElement>('[part~="time"] button')?.click();
  },
};

/** Right-to-left: the Arabic sample program (its recordings are the English defaults). */
export const RightToLeft: Story = {
  parameters: { direction: 'rtl' },
  render: () => html`<meditation-player src="/content/samples/rtl-program.json" storage="memory" meditation-id="arriving-grounding"></meditation-player>`,
};

/** Waits for a part of the player (e.g. the "Keep on this device" control, which arrives after the first render). */
async function partIn(player: MeditationPlayer, name: string): Promise<HTMLElement> {
  for (let i = 0; i < 100; i++) {
    const found = player.shadowRoot?.querySelector<HTMLElement>(`[part~='${name}']`);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no ${name} in the player`);
}

/** "Keep on this device", not kept yet: one press stores the recording, its transcript and the program file for offline practice. */
export const KeepNotKept: Story = {
  args: { meditationId: 'arriving-grounding' },
  loaders: [
    async () => {
      await (await (await sharedProgram(PROGRAM, 'memory')).offline()).remove('arriving-grounding');
      return {};
    },
  ],
};

/** Kept on this device: the space it takes, and Remove. It now plays without a connection. */
export const KeepKept: Story = {
  args: { meditationId: 'safe-place' },
  loaders: [
    async () => {
      await (await (await sharedProgram(PROGRAM, 'memory')).offline()).keep('safe-place');
      return {};
    },
  ],
};

/** A recording that could not be kept (here its transcript is missing: 404): the reason, nothing half-stored, and the button to try again. */
export const KeepError: Story = {
  loaders: [
    async () => {
      const program = (await (await fetch(PROGRAM)).json()) as { id: string; meditations: { id: string; transcript?: { src: string } }[] };
      program.id = 'story-keep-error';
      program.meditations = program.meditations.map((m) => (m.id === 'safe-place' ? { ...m, transcript: { src: 'audio/no-such-transcript.vtt' } } : m));
      return { program };
    },
  ],
  render: (_args, { loaded }) => html`<compassion-program .program=${loaded.program} src=${PROGRAM} storage="memory">
    <meditation-player meditation-id="safe-place"></meditation-player>
  </compassion-program>`,
  play: async ({ canvasElement }) => {
    const player = await playerIn(canvasElement);
    (await partIn(player, 'keep-button')).click();
    await partIn(player, 'keep-error');
  },
};

/** The clinic turned keeping off (`keep-recordings="off"` on the provider): no control, nothing written to the device. */
export const KeepTurnedOff: Story = {
  render: () => html`<compassion-program src=${PROGRAM} storage="memory" keep-recordings="off">
    <meditation-player meditation-id="mindful-noticing"></meditation-player>
  </compassion-program>`,
};

/** Waits until `ready` finds something in the player, up to about five seconds. */
async function until<T>(ready: () => T | null | undefined): Promise<T | undefined> {
  for (let i = 0; i < 100; i++) {
    const found = ready();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  return undefined;
}

/**
 * Playing, 1:05 into "A Safe Place": Pause in the play button's place, the slider moving, and the
 * cue being heard highlighted in the transcript (scrolled into view inside the panel only).
 *
 * Browsers let a page start sound only after a tap; a story has none, so it starts the recording
 * muted (which browsers allow). Press the sound button to hear it.
 */
export const PlayingWithHighlightedCue: Story = {
  args: { meditationId: 'safe-place' },
  play: async ({ canvasElement }) => {
    const player = await playerIn(canvasElement);
    await until(() => player.shadowRoot!.querySelector('[part~="cue"]'));
    player.shadowRoot!.querySelector<HTMLButtonElement>('button.mute')?.click();
    player.seek(65);
    await player.play();
  },
};

/**
 * The timer just finished: "Time is up", how long was practised, the minutes logged and the optional
 * check-in. The program is given inline here, so there is no bell file beside it and the setup says
 * the timer keeps time silently: a story cannot ring a bell without a tap. On a clinic's page, with
 * the program's `audio/bell.ogg`, the end bell rings and that line is not shown.
 */
export const TimerFinished: Story = {
  args: { mode: 'timer' },
  loaders: [async () => ({ program: (await (await fetch(PROGRAM)).json()) as unknown })],
  render: (_args, { loaded }) => html`<compassion-program .program=${loaded.program} storage="memory">
    <meditation-player mode="timer" minutes="3"></meditation-player>
  </compassion-program>`,
  play: async ({ canvasElement }) => {
    const player = await timerIn(canvasElement);
    // A story cannot wait three minutes: the clock jumps past the end, and the timer looks again
    // as it does when a tab comes back into view.
    let offset = 0;
    player.now = () => Date.now() + offset;
    (await until(() => buttonIn(player, 'Start')))?.click();
    await player.updateComplete;
    offset = 3 * 60 * 1000 + 1000;
    document.dispatchEvent(new Event('visibilitychange'));
  },
};

/**
 * Offline: a calm note that a recording not yet loaded plays once the connection is back, and that
 * the timer and the breathing pacer work offline. (Here the program had already arrived.)
 */
export const Offline: Story = {
  args: { meditationId: 'arriving-grounding' },
  beforeEach: pretendOffline,
};
