import type { TemplateResult } from 'lit';
import '../../src/elements/meditation-player/define.js';
import type { CompassionProgramElement } from '../../src/elements/compassion-program/compassion-program.js';
import type { MeditationPlayer } from '../../src/elements/meditation-player/meditation-player.js';
import type { PlayerMode } from '../../src/elements/meditation-player/modes.js';
import type { AudioSnapshot } from '../../src/sdk/audio/engine.js';
import type { Program } from '../../src/sdk/content/types.js';
import type { CompassionProgram } from '../../src/sdk/program.js';
import { PROGRAM_URL } from '../fixtures/player-program.js';
import { fixture, settle as settleElement, waitFor } from './fixture.js';
import { mountProgram } from './mount.js';
import { $$, button, maybe, part } from './query.js';

export { button, part };

/** Every element with `name` among its parts. */
export function parts<T extends Element = HTMLElement>(player: MeditationPlayer, name: string): T[] {
  return $$<T>(player, `[part~='${name}']`);
}

/** The filled (primary) buttons a participant can see in the player now. */
export function primaryButtons(player: MeditationPlayer): HTMLElement[] {
  return $$(player, '.primary').filter((el) => el.checkVisibility());
}

/**
 * Every visible element in the player whose content is wider than its box (text only for screen
 * readers is clipped to 1 px on purpose, so it is left out).
 */
export function overflowing(player: MeditationPlayer): string[] {
  return $$(player, '*')
    .filter((el) => el.checkVisibility() && getComputedStyle(el).clipPath === 'none' && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
    .map((el) => `<${el.localName} part="${el.getAttribute('part') ?? ''}" class="${el.getAttribute('class') ?? ''}"> ${el.scrollWidth} > ${el.clientWidth}`);
}

/** Whether the elements sit on one row: their boxes' vertical middles line up (within 2 px). */
export function oneRow(elements: Element[]): boolean {
  const middles = elements.map((el) => {
    const box = el.getBoundingClientRect();
    return box.top + box.height / 2;
  });
  return Math.max(...middles) - Math.min(...middles) <= 2;
}

/**
 * Waits for the player to render and for any part it is still downloading (the timer, the
 * breathing pacer, the check-in) to arrive, as a participant waits for the calm loading line to go.
 */
export async function settle(player: MeditationPlayer): Promise<void> {
  await settleElement(player);
  await waitFor(async () => {
    await settleElement(player);
    return !maybe(player, '[data-loading-part]');
  }, 'the player to finish downloading a part');
}

/** Waits for the player's playback snapshot to pass `check`. */
export function until(player: MeditationPlayer, check: (s: AudioSnapshot) => boolean, what: string, timeout = 10000) {
  return waitFor(
    async () => {
      await settleElement(player);
      const s = player.playback;
      return s && check(s);
    },
    what,
    timeout,
  );
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

export interface MountedPlayer {
  provider: CompassionProgramElement;
  player: MeditationPlayer;
  sdk: CompassionProgram;
}

/** Mounts `players` inside a provider with its own memory store, and waits for the program and every player's parts. */
export async function mount(program: Program, players: TemplateResult): Promise<MountedPlayer> {
  const { provider, sdk } = await mountProgram(program, players, { storage: 'memory', src: PROGRAM_URL });
  for (const each of provider.querySelectorAll('meditation-player')) await settle(each);
  return { provider, player: provider.querySelector('meditation-player')!, sdk };
}

/** A player standing alone (no provider), once its parts have arrived. */
export async function standalone(template: TemplateResult): Promise<MeditationPlayer> {
  const player = await fixture<MeditationPlayer>(template);
  await settle(player);
  return player;
}

/** What a participant does with the player, in their words. */
export class PlayerObject {
  constructor(readonly el: MeditationPlayer) {}

  /** Mounts one player inside a provider (see `mount`). */
  static async mount(program: Program, template: TemplateResult): Promise<PlayerObject & { sdk: CompassionProgram }> {
    const { player, sdk } = await mount(program, template);
    return Object.assign(new PlayerObject(player), { sdk });
  }

  part<T extends Element = HTMLElement>(name: string): T | null {
    return part<T>(this.el, name);
  }

  button(label: string | RegExp): HTMLButtonElement {
    return button(this.el, label);
  }

  /** Presses Play (or Pause) and waits for the recording to play. */
  async play(): Promise<void> {
    this.part<HTMLButtonElement>('play-button')!.click();
    await until(this.el, (s) => s.status === 'playing', 'the recording to play');
  }

  async pause(): Promise<void> {
    this.part<HTMLButtonElement>('play-button')!.click();
    await until(this.el, (s) => s.status !== 'playing', 'the recording to pause');
  }

  /** Switches to `mode` and waits until its controls are there. */
  async chooseMode(mode: PlayerMode): Promise<void> {
    this.el.mode = mode;
    await settle(this.el);
  }

  /** Presses a button by its text and waits for what it brings. */
  async press(label: string | RegExp): Promise<void> {
    this.button(label).click();
    await settle(this.el);
  }

  settle(): Promise<void> {
    return settle(this.el);
  }
}
