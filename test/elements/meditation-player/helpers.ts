import { html, type TemplateResult } from 'lit';
import '../../../src/elements/meditation-player/define.js';
import type { CompassionProgramElement } from '../../../src/elements/compassion-program/compassion-program.js';
import type { MeditationPlayer } from '../../../src/elements/meditation-player/meditation-player.js';
import type { Program } from '../../../src/sdk/content/types.js';
import type { CompassionProgram } from '../../../src/sdk/program.js';
import { PROGRAM_URL } from '../../fixtures/player-program.js';
import { fixture, settle, waitFor } from '../../helpers/fixture.js';

export interface Mounted {
  provider: CompassionProgramElement;
  player: MeditationPlayer;
  sdk: CompassionProgram;
}

/** Mounts players inside a provider with their own memory store, and waits for the program. */
export async function mount(program: Program, players: TemplateResult): Promise<Mounted> {
  const provider = await fixture<CompassionProgramElement>(html`<compassion-program src=${PROGRAM_URL} .program=${program} storage="memory">${players}</compassion-program>`);
  const sdk = await waitFor(() => provider.sdk, 'the program to open');
  const player = provider.querySelector('meditation-player')!;
  await settle(player);
  return { provider, player, sdk };
}

/** The player's shadow root, to find its parts. */
export function part<T extends Element = HTMLElement>(player: MeditationPlayer, name: string): T | null {
  return player.shadowRoot!.querySelector<T>(`[part~='${name}']`);
}

export function parts<T extends Element = HTMLElement>(player: MeditationPlayer, name: string): T[] {
  return [...player.shadowRoot!.querySelectorAll<T>(`[part~='${name}']`)];
}

/** A button by its visible text. */
export function button(player: MeditationPlayer, text: string | RegExp): HTMLButtonElement | null {
  const all = [...player.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')];
  return all.find((b) => (typeof text === 'string' ? b.textContent!.trim().includes(text) : text.test(b.textContent!))) ?? null;
}

/** Waits for the player's playback snapshot to pass `check`. */
export function until(player: MeditationPlayer, check: (s: NonNullable<MeditationPlayer['playback']>) => boolean, what: string, timeout = 10000) {
  return waitFor(async () => {
    await settle(player);
    const s = player.playback;
    return s && check(s);
  }, what, timeout);
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.now()) {
  let t = start;
  return {
    now: () => t,
    advance(seconds: number) {
      t += seconds * 1000;
    },
  };
}
